"""Reading and writing case.toml: validation errors name the field, the line and the fix."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CaseFileInvalid
from ..i18n import os_error, t

if TYPE_CHECKING:
    from datetime import datetime

    from ..model.case import Case

_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def key_line(text: str, loc: tuple[str | int, ...]) -> int | None:
    """The 1-based line where `loc` (("order", "price") or ("problem",)) is set in the TOML text."""
    keys = [str(part) for part in loc if isinstance(part, str)]
    if not keys:
        return None
    table, key = ".".join(keys[:-1]), keys[-1]
    current = ""
    table_line = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TABLE.match(line)
        if header:
            current = header.group(1)
            if current == ".".join(keys):
                table_line = number
            continue
        match = _KEY.match(line)
        if match and current == table and match.group(1) == key:
            return number
    return table_line


def load_case(path: Path) -> Case:
    from pydantic import ValidationError

    from ..model.case import Case

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileInvalid(str(path), [t("case.not_utf8", detail=str(exc))]) from exc
    except OSError as exc:
        raise CaseFileInvalid(str(path), [t("case.unreadable", detail=os_error(exc))]) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CaseFileInvalid(str(path), [t("case.syntax", detail=toml_error_text(str(exc), text))]) from exc
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise CaseFileInvalid(str(path), [_describe(dict(error), text) for error in exc.errors()]) from exc


def _describe(error: dict[str, Any], text: str) -> str:
    loc = tuple(error.get("loc", ()))
    field = ".".join(str(p) for p in loc) or "?"
    line = key_line(text, loc)
    where = t("case.field_at_line", field=field, line=line) if line else t("case.field", field=field)
    kind = error.get("type", "")
    value = error.get("input")
    if kind == "value_error":
        reason_key = str(error.get("ctx", {}).get("error", "")).strip()
        reason = t(reason_key, value=value) if reason_key else error.get("msg", "")
    elif kind == "missing":
        reason = t("case.missing")
    elif kind == "extra_forbidden":
        reason = t("case.unknown_key")
    elif kind in {"string_type", "bool_type", "bool_parsing", "list_type", "model_type", "dict_type",
                  "decimal_type", "datetime_type", "datetime_from_date_parsing", "float_type", "int_type"}:
        reason = t("case.wrong_type", expected=t(f"type.{kind.split('_')[0]}"), value=value)
    else:
        reason = error.get("msg", kind)
    return f"{where}: {reason}"


CASE_COMMENTS = {
    "header": "kameng 案件信息（可以直接编辑本文件；保存后运行 kameng show 检查是否有误）\n"
    " kameng case facts (edit freely; run `kameng show` afterwards to validate)",
    "problem": "问题类型：not-delivered 未到账/未发货, card-invalid 卡密无效/已使用, not-as-described 描述不符, "
    "delayed 延迟发货, merchant-vanished 商家跑路/失联, after-sales-refused 售后推诿/拒绝退款, "
    "account-stolen 账号被盗刷, privacy-leak 隐私泄露, illegal-goods 售卖非法卡密",
    "claims": "诉求（可多选）：refund 退款, redeliver 补发, compensation 赔偿, interest 利息",
    "my_names": "你在聊天记录中的昵称/备注名（用于区分“我”和对方）",
    "fraud": "是否认为商家存在欺诈（收款后失联、出售已使用卡密、虚假宣传等）；影响是否主张“退一赔三”",
    "statement": "你自己的补充陈述（只写事实；起草文书时会检查措辞）",
    "platform": "平台（卡盟网站/App）：name 名称, site 网址, company 运营公司全称, uscc 统一社会信用代码, address 住所",
    "merchant": "商家（平台内店铺或独立卡盟站长）：name 名称, shop 店铺链接/编号, contact 联系方式, uscc, address",
    "order": "订单：number 订单号, goods 商品, face_value 面值, price 实付金额, paid_at 付款时间（北京时间）, "
    "payment_channel 付款方式",
    "complainant": "投诉人本人信息（敏感；仅在 12315 和法院文书中使用，其他渠道默认脱敏）",
}


FIELD_COMMENTS = {
    "platform": {
        "name": "平台名称（卡盟网站/App 名）",
        "site": "平台网址",
        "company": "平台运营公司全称（网站底部、“关于我们”或 ICP 备案可查）",
        "uscc": "运营公司统一社会信用代码（18 位，营业执照上）",
        "address": "运营公司住所（向 12315 或法院投诉时需要）",
    },
    "merchant": {
        "name": "商家/店铺名称（独立卡盟站可与平台相同）",
        "shop": "店铺链接或编号",
        "contact": "商家联系方式（QQ/微信/电话）",
        "uscc": "商家统一社会信用代码（如有公示）",
        "address": "商家地址（平台公示的经营地址）",
    },
    "order": {
        "number": "订单号",
        "goods": "购买的商品，例如“云游一卡通100元”",
        "face_value": "面值（元），例如 \"100.00\"",
        "price": "实际支付金额（元），例如 \"98.50\"",
        "paid_at": "付款时间（北京时间），例如 \"2024-05-01 09:55\"",
        "payment_channel": "付款方式：支付宝、微信支付、银行卡……",
    },
    "complainant": {
        "name": "你的姓名",
        "phone": "你的电话",
        "address": "你的通讯地址（也是网购合同的履行地，决定可向哪个法院起诉）",
        "id_number": "身份证号（只在必须时使用）",
    },
}


def render_case(case: Case) -> str:
    """case.toml text for a new case, with a Chinese comment on each field."""
    import tomlkit

    from ..parsing.amounts import format_amount
    from ..parsing.times import isoformat

    doc = tomlkit.document()
    for line in CASE_COMMENTS["header"].splitlines():
        doc.add(tomlkit.comment(line.strip()))
    doc.add("schema", "kameng.case/1")
    doc.add(tomlkit.nl())
    for key in ("problem", "claims", "my_names", "fraud", "statement"):
        doc.add(tomlkit.comment(CASE_COMMENTS[key]))
        doc.add(key, getattr(case, key))
        doc.add(tomlkit.nl())
    sections: dict[str, dict[str, Any]] = {
        "platform": case.platform.model_dump(),
        "merchant": case.merchant.model_dump(),
        "order": {
            **case.order.model_dump(),
            "face_value": format_amount(case.order.face_value) or "",
            "price": format_amount(case.order.price) or "",
            "paid_at": isoformat(case.order.paid_at) or "",
        },
        "complainant": case.complainant.model_dump(),
    }
    for name, values in sections.items():
        table = tomlkit.table()
        table.comment(CASE_COMMENTS[name])
        for key, value in values.items():
            comment = FIELD_COMMENTS[name].get(key)
            if comment:
                table.add(tomlkit.comment(comment))
            table.add(key, value)
        doc.add(name, table)
    return tomlkit.dumps(doc)


def update_case(path: Path, changes: dict[tuple[str, ...], Any]) -> None:
    """Set fields in case.toml, keeping the user's comments and layout."""
    import tomlkit

    from . import atomic

    doc = tomlkit.parse(path.read_text(encoding="utf-8-sig"))
    for loc, value in changes.items():
        target: Any = doc
        for part in loc[:-1]:
            if part not in target:
                target[part] = tomlkit.table()
            target = target[part]
        target[loc[-1]] = value
    atomic.write_text(path, tomlkit.dumps(doc))


# tomllib's messages (English), the common ones said plainly; the position always.
_TOML_WHERE = re.compile(r"^(?P<what>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)$", re.S)
_TOML_WHAT = (
    ("Illegal character '\\n'", "case.syntax.unclosed_line"),
    ("Unterminated string", "case.syntax.unclosed_string"),
    ('Expected "\'"', "case.syntax.unclosed_string"),
    ("Expected '=' after a key", "case.syntax.no_equals"),
    ("Expected newline or end of document after a statement", "case.syntax.extra_text"),
    ("Unclosed array", "case.syntax.unclosed_array"),
    ("Unclosed inline table", "case.syntax.unclosed_table"),
    ("Cannot overwrite a value", "case.syntax.twice"),
    ("Cannot declare", "case.syntax.twice"),
    ("Invalid value", "case.syntax.bad_value"),
    ("Invalid statement", "case.syntax.bad_statement"),
)


def toml_error_text(message: str, text: str | None = None) -> str:
    """`Illegal character '\\n' (at line 22, column 13)` → 第 22 行第 13 列：引号没有闭合… (in the current
    language); a message not known here keeps tomllib's words after the position. With the file's
    `text`, a list or table left open is placed on the line that opened it: tomllib reports where it
    gave up, often lines further down."""
    match = _TOML_WHERE.match(message)
    what, where = (match.group("what"), match) if match else (message, None)
    plain = next((t(key) for prefix, key in _TOML_WHAT if what.startswith(prefix)), what)
    if where is None:
        return plain
    if where.group("line"):
        line = int(where.group("line"))
        opened = _opened_at(text, line, what) if text is not None else None
        if opened is not None:
            return t("case.syntax.at_line", line=opened, what=t("case.syntax.unclosed_array") if "[" in text.splitlines()[opened - 1]
                     else t("case.syntax.unclosed_table"))  # type: ignore[union-attr]
        return t("case.syntax.at", line=line, column=where.group("column"), what=plain)
    return t("case.syntax.at_end", what=plain)


_OPENS_VALUE = re.compile(r"^\s*[\w.\"'-]+\s*=\s*[\[{]")


def _opened_at(text: str, line: int, what: str) -> int | None:
    """The line above `line` whose value opens a list or table never closed, when tomllib's complaint
    is one an open bracket causes (unclosed, or a value it could not read after it)."""
    if not what.startswith(("Unclosed array", "Unclosed inline table", "Invalid value", "Expected ',' or ']'")):
        return None
    lines = text.splitlines()
    for number in range(min(line, len(lines)), 0, -1):
        candidate = lines[number - 1]
        if _OPENS_VALUE.match(candidate):
            depth = sum(candidate.count(c) for c in "[{") - sum(candidate.count(c) for c in "]}")
            if what.startswith("Invalid value") and candidate.rstrip().endswith(("[", "{")):
                return None  # a list written one item per line: the bad value is where tomllib says
            return number if depth > 0 and number < line else None
    return None


# A stated payment time further than this from every payment the evidence shows contradicts it (the
# user may have typed the order time, minutes earlier, or only the day).
PAID_AT_SLACK_HOURS = 24


def case_warnings(case: Case, events: list[Any] | None = None, today: datetime | None = None) -> list[str]:
    """Hand-edited facts of case.toml that load but are likely wrong, as warning lines (`show`, `check`):
    a credit code or an ID number failing its check digit (GB 32100, GB 11643 — law.md §10), a payment
    time in the future or far from every payment of the evidence (`events`: the timeline)."""
    from ..parsing.ids import id_number_valid, uscc_status
    from ..parsing.times import display, now

    warnings = []
    for who, code in (("platform", case.platform.uscc), ("merchant", case.merchant.uscc)):
        if code and uscc_status(code) != "ok":
            warnings.append(t(f"uscc.{uscc_status(code)}", value=f"{who}.uscc = {code}"))
    number = case.complainant.id_number.strip()
    if number and not id_number_valid(number):
        shape = "bad-check-digit" if re.fullmatch(r"\d{17}[\dXx]", number) else "bad-format"
        warnings.append(t(f"case.id_number.{shape}", value=_masked_id(number)))
    paid_at = case.order.paid_at
    if paid_at is None:
        return warnings
    current = today or now()
    if paid_at > current:
        warnings.append(t("case.paid_at.future", value=display(paid_at), today=display(current)[:10]))
    paid = [e for e in events or () if e.kind == "paid" and e.actor != "merchant" and e.time is not None]
    if paid and all(abs((e.time - paid_at).total_seconds()) > PAID_AT_SLACK_HOURS * 3600 for e in paid):
        nearest = min(paid, key=lambda e: abs((e.time - paid_at).total_seconds()))
        warnings.append(t("case.paid_at.contradicts", value=display(paid_at), paid=display(nearest.time),
                          exhibit=nearest.exhibit or "—"))
    return warnings


def _masked_id(number: str) -> str:
    """The ID number with its date of birth hidden: a warning may be pasted into a bug report; the
    region code and the check digit are what the user compares."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:] if len(number) > 10 else number
