"""Facts read from a screenshot's text: order and trade numbers, amounts, times, status words and
the names of the platform and merchant, each with the box it was read from and a confidence; and
what kind of page the screenshot shows.

OCR drops the spaces between words ("下单时间：2024-05-0109:55:12", "手机13812345678") and reads
labels and values that sit apart on the screen as separate boxes; rows (see layout.py) put them back
together, and every pattern below tolerates missing spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..parsing.amounts import AmountError, parse_amount
from ..parsing.times import CST, isoformat
from .layout import Row, rows_of
from .model import Box, OcrPage

if TYPE_CHECKING:
    from ..model.case import Case

_FULLWIDTH = str.maketrans("０１２３４５６７８９：－．，（）", "0123456789:-.,()")

# ---- status words (issue 7) and what they mean for delivery --------------------------------------
# Variants first when they contain the canonical word's tail: OCR often loses the leading 该.
STATUS_WORDS: tuple[tuple[str, str, str], ...] = (
    # (pattern, canonical word, event kind)
    (r"该?卡密已被?使用", "该卡密已被使用", "delivery-failed"),
    (r"卡密无效|卡密错误", "卡密无效", "delivery-failed"),
    (r"充值失败", "充值失败", "delivery-failed"),
    (r"订单异常", "订单异常", "delivery-failed"),
    # 充值中心 / 处理中心 are page titles, not statuses.
    (r"充值中(?!心)", "充值中", "delivery-failed"),
    (r"处理中(?!心)", "处理中", "delivery-failed"),
    (r"待发货", "待发货", "delivery-failed"),
    # A sold game account the original owner took back (申诉找回): the goods were lost after delivery.
    (r"(?:账号|帐号)?已被(?:原号主)?(?:申诉)?找回|被原号主(?:申诉)?找回", "账号已被找回", "delivery-failed"),
    (r"已发货", "已发货", "delivered"),
    (r"交易成功", "交易成功", "delivered"),
    (r"退款成功", "退款成功", "refunded"),
)
PENDING = frozenset({"处理中", "充值中", "待发货", "订单异常"})
CARD_FAILURE = frozenset({"该卡密已被使用", "卡密无效", "充值失败"})
ACCOUNT_RECOVERED = "账号已被找回"

PAYMENT_SUCCESS = re.compile(r"支付成功|付款成功|支付完成")
PAYMENT_PAGE = re.compile(r"账单详情|支付宝|微信支付|付款方式|支付方式|收款方|交易单号|商户单号|商家订单号|商户订单号")
ORDER_PAGE = re.compile(r"订单详情|订单状态|订单信息|我的订单")
PRODUCT_PAGE = re.compile(r"秒到账|秒发|自动发货|即时到账|立即购买|加入购物车|库存|销量|已售")
PROMISE = re.compile(r"秒到账|秒发|自动发货|即时到账|\d+\s*(?:分钟|小时)内(?:发货|到账)")
CHAT_PAGE = re.compile(r"发送|对方正在输入|按住\s*说话|在线客服|客服消息|\[图片\]|撤回了一条消息")

# ---- numbers ---------------------------------------------------------------------------------------
_ID_VALUE = r"(?P<value>[A-Za-z0-9][A-Za-z0-9\-_]{5,39})"
_SEP = r"\s*[:：]?\s*"
NUMBER_LABELS: tuple[tuple[str, str], ...] = (
    # (label pattern, fact type); longer labels first so 商户订单号 is not read as 订单号.
    (r"商户订单号|商家订单号|商户单号|商家单号|外部订单号", "merchant_order_no"),
    (r"支付宝交易号|微信支付单号|交易单号|交易流水号|支付单号|交易号|流水号", "trade_no"),
    (r"订单编号|订单号码|订单号|Order\s*No\.?", "order_no"),
)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
AMOUNT_PATTERNS = (
    re.compile(rf"(?P<sign>[-+])?\s*[¥￥]\s*(?P<num>{_NUM})"),
    re.compile(rf"(?<![\d.])(?P<sign>)(?P<num>{_NUM})\s*元"),
)
AMOUNT_LABELS: tuple[tuple[str, str], ...] = (
    (r"退款金额|退款", "refund"),
    (r"实付款|实付金额|实付|支付金额|付款金额|实收|订单金额|订单总额|合计|总计|金额", "paid"),
    (r"商品价格|价格|售价|单价|面值", "price"),
)
_LABELLED_AMOUNT = re.compile(rf"(?P<label>{'|'.join(p for p, _ in AMOUNT_LABELS)}){_SEP}(?P<sign>[-+])?(?P<num>{_NUM})(?![\d])")
_BARE_AMOUNT = re.compile(r"^(?P<sign>[-+])(?P<num>\d+(?:,\d{3})*\.\d{2})$")  # Alipay's big "-100.00"

# ---- times -----------------------------------------------------------------------------------------
_FULL_TIME = re.compile(
    r"(?P<y>20\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?\s*"
    r"(?P<H>\d{1,2})\s*:\s*(?P<M>\d{2})(?:\s*:\s*(?P<S>\d{2}))?"
)
_SHORT_TIME = re.compile(
    r"(?<![\d-])(?P<m>\d{1,2})\s*[-/月]\s*(?P<d>\d{1,2})\s*日?\s*(?P<H>\d{1,2})\s*:\s*(?P<M>\d{2})(?:\s*:\s*(?P<S>\d{2}))?"
)
_CLOCK = re.compile(r"^(?P<period>上午|下午)?\s*(?P<H>\d{1,2})\s*:\s*(?P<M>\d{2})$")
TIME_LABELS: tuple[tuple[str, str], ...] = (
    (r"支付时间|付款时间|交易时间|成交时间", "paid"),
    (r"下单时间|创建时间|订单时间|提交时间", "ordered"),
    (r"发货时间|到账时间|完成时间", "delivered"),
    (r"退款时间", "refunded"),
)
STATUS_BAR_FRACTION = 0.06  # the clock sits in the top ~4 % of a phone screenshot; allow some slack


@dataclass
class Fact:
    type: str  # order_no, merchant_order_no, trade_no, amount, time, clock, status, platform, merchant, promise
    value: str
    text: str  # the row text it was read from
    box: Box
    confidence: float
    role: str = ""  # amounts: paid/refund/price/unlabelled/in-text; times: paid/ordered/...; status: event kind
    row: int = 0
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "value": self.value, "role": self.role, "box": list(self.box),
                "confidence": round(self.confidence, 4), "row": self.row, "text": self.text, **self.data}


@dataclass
class Reading:
    """Everything read from one screenshot."""

    facts: list[Fact]
    kind: str  # suggested exhibit kind
    kind_reason: list[str]  # the words that decided it
    supports: list[str]  # problem types the page supports
    payment_page: bool
    forced: bool = False  # the kind is the one the user gave, not a suggestion

    def of_type(self, kind: str, role: str | None = None) -> list[Fact]:
        return [f for f in self.facts if f.type == kind and (role is None or f.role == role)]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "kind_reason": self.kind_reason, "supports": self.supports,
                "payment_page": self.payment_page, **({"forced": True} if self.forced else {}),
                "facts": [f.to_json() for f in self.facts]}


def normalise(text: str) -> str:
    return text.translate(_FULLWIDTH)


def read_page(page: OcrPage, case: Case | None = None, default_year: int | None = None,
              kind: str | None = None) -> Reading:
    """What the screenshot shows. `kind`: the exhibit kind the user gave (`add --kind`); it decides
    how the page is read (a chat's bubbles, or a page's statuses and payment) instead of the suggestion."""
    rows = rows_of(page.lines)
    for row in rows:
        row.text = normalise(row.text)
    whole = "\n".join(row.text for row in rows)
    compact = whole.replace(" ", "")
    # A chat is told by its layout, not by its words: a buyer writes 付款成功 and 处理中 in a bubble.
    chat_layout = kind is None and looks_like_chat_page(page)
    success = _success_heading(rows)
    if kind == "chat" or chat_layout:
        payment_page = False
    elif kind == "payment":
        payment_page = True
    else:
        # An order page also names the payment method (支付方式：支付宝); only its own headings make a
        # page without 支付成功 a payment record.
        payment_page = success is not None or (
            len(set(PAYMENT_PAGE.findall(compact))) >= 2 and not ORDER_PAGE.search(compact))
    facts: list[Fact] = []
    for number, row in enumerate(rows):
        facts += _numbers(row, number)
        facts += _amounts(row, number)
        facts += _times(row, number, page, default_year)
        facts += _statuses(row, number, payment_page)
        facts += _names(row, number, case)
        facts += _promises(row, number)
    facts += _case_order_number(rows, facts, case)
    if payment_page and any(f.type == "merchant_order_no" for f in facts):
        # On Alipay's bill detail 订单号 is Alipay's own number; the shop's is 商家订单号.
        for fact in facts:
            if fact.type == "order_no" and fact.role != "case":
                fact.type = "trade_no"
    suggested, reason, supports = suggest_kind(facts, compact, payment_page, chat_layout, success)
    if kind is not None and kind != suggested:
        suggested, reason, supports = kind, [], []
    return Reading(facts=facts, kind=suggested, kind_reason=reason, supports=supports, payment_page=payment_page,
                   forced=kind is not None)


def looks_like_chat_page(page: OcrPage) -> bool:
    """Laid out as a chat: bubbles on both sides, one below the other (see chat.looks_like_chat)."""
    from .chat import bubbles, looks_like_chat

    return looks_like_chat(bubbles(page, None))


def _success_heading(rows: list[Row]) -> str | None:
    """支付成功 / 付款成功 / 支付完成 as a payment page shows it: a line of its own (the heading, the
    status under the sum, perhaps with a back arrow or a 完成 button on its row), not inside a sentence
    someone wrote (你好，订单…付款成功一直没到账)."""
    for row in rows:
        text = row.text.replace(" ", "")
        match = PAYMENT_SUCCESS.search(text)
        if match and len(re.sub(r"\W", "", text[: match.start()] + text[match.end():])) <= 3:
            return match.group(0)
    return None


def _fact(row: Row, number: int, kind: str, value: str, start: int, end: int, role: str = "",
          factor: float = 1.0, **data: Any) -> Fact:
    return Fact(type=kind, value=value, text=row.text, box=row.span_box(start, end),
                confidence=round(row.span_confidence(start, end) * factor, 4), role=role, row=number, data=data)


def _numbers(row: Row, number: int) -> list[Fact]:
    found: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for label, kind in NUMBER_LABELS:
        for match in re.finditer(rf"(?:{label}){_SEP}{_ID_VALUE}", row.text):
            if any(match.start() < e and match.end() > s for s, e in taken):
                continue
            taken.append(match.span())
            value = match.group("value")
            if not any(ch.isdigit() for ch in value):
                continue
            found.append(_fact(row, number, kind, value, match.start("value"), match.end("value"), role="labelled"))
    return found


def _case_order_number(rows: list[Row], facts: list[Fact], case: Case | None) -> list[Fact]:
    """The case's own order number seen anywhere (also unlabelled, e.g. inside a chat bubble)."""
    wanted = case.order.number.strip() if case and case.order.number else ""
    if not wanted or any(f.value == wanted for f in facts):
        return []
    found = []
    for number, row in enumerate(rows):
        at = row.text.find(wanted)
        if at >= 0:
            found.append(_fact(row, number, "order_no", wanted, at, at + len(wanted), role="case"))
    return found


def _amounts(row: Row, number: int) -> list[Fact]:
    found: list[Fact] = []
    spans: list[tuple[int, int]] = []

    def add(match: re.Match[str], role: str, factor: float) -> None:
        if any(match.start("num") < e and match.end("num") > s for s, e in spans):
            return
        try:
            value = parse_amount(match.group("num"))
        except AmountError:
            return
        if match.group("sign") == "-":
            value = -value
        spans.append(match.span("num"))
        found.append(_fact(row, number, "amount", str(value), match.start(), match.end(), role=role, factor=factor))

    for match in _LABELLED_AMOUNT.finditer(row.text):
        add(match, _amount_role(match.group("label")), 1.0)
    for pattern in AMOUNT_PATTERNS:
        for match in pattern.finditer(row.text):
            role = _label_before(row.text, match.start())
            if role is None:
                before = row.text[: match.start()].rstrip()
                # "云游一卡通100元": a number inside a product name, not a sum of money paid.
                role = "in-text" if before and _is_cjk(before[-1]) else "unlabelled"
            add(match, role, 1.0 if role != "in-text" else 0.6)
    bare = _BARE_AMOUNT.match(row.text.strip())
    if bare and not found:
        add(bare, "unlabelled", 0.9)
    return found


def _amount_role(label: str) -> str:
    for pattern, role in AMOUNT_LABELS:
        if re.fullmatch(pattern, label):
            return role
    return "unlabelled"


def _label_before(text: str, at: int) -> str | None:
    head = text[:at]
    best: tuple[int, str] | None = None
    for pattern, role in AMOUNT_LABELS:
        for match in re.finditer(pattern, head):
            gap = head[match.end():]
            if re.fullmatch(r"\s*[:：]?\s*[-+]?\s*", gap) and (best is None or match.end() > best[0]):
                best = (match.end(), role)
    return best[1] if best else None


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _times(row: Row, number: int, page: OcrPage, default_year: int | None) -> list[Fact]:
    found: list[Fact] = []
    spans: list[tuple[int, int]] = []
    for pattern, has_year in ((_FULL_TIME, True), (_SHORT_TIME, False)):
        for match in pattern.finditer(row.text):
            if any(match.start() < e and match.end() > s for s, e in spans):
                continue
            groups = match.groupdict()
            year = int(groups["y"]) if has_year else default_year
            if year is None:
                continue
            try:
                value = datetime(year, int(groups["m"]), int(groups["d"]), int(groups["H"]), int(groups["M"]),
                                 int(groups["S"] or 0), tzinfo=CST)
            except ValueError:
                continue
            spans.append(match.span())
            role = _time_role(row.text[: match.start()]) or "page"
            flags = [] if has_year else ["no-year"]
            found.append(_fact(row, number, "time", isoformat(value) or "", match.start(), match.end(), role=role,
                               factor=1.0 if has_year else 0.8, time_flags=flags))
    if not found:
        limit = max(page.height * STATUS_BAR_FRACTION, 60)
        for segment in row.segments:
            x, y, w, h = segment.line.box
            clock = _CLOCK.match(normalise(segment.line.text).strip())
            if clock and y + h / 2 <= limit:
                hour, minute = int(clock["H"]), int(clock["M"])
                if clock["period"] == "下午" and hour < 12:
                    hour += 12
                if hour < 24 and minute < 60:
                    start = segment.start
                    found.append(_fact(row, number, "clock", f"{hour:02d}:{minute:02d}", start,
                                       start + len(segment.line.text), role="status-bar"))
                    break
    return found


def _time_role(before: str) -> str | None:
    for pattern, role in TIME_LABELS:
        if re.search(pattern, before):
            return role
    return None


def _statuses(row: Row, number: int, payment_page: bool) -> list[Fact]:
    found: list[Fact] = []
    spans: list[tuple[int, int]] = []
    for pattern, word, kind in STATUS_WORDS:
        for match in re.finditer(pattern, row.text):
            if any(match.start() < e and match.end() > s for s, e in spans):
                continue
            spans.append(match.span())
            # On a payment page 交易成功 says the payment went through, not that goods arrived.
            role = "paid" if payment_page and word == "交易成功" else kind
            found.append(_fact(row, number, "status", word, match.start(), match.end(), role=role))
    return found


def _names(row: Row, number: int, case: Case | None) -> list[Fact]:
    if case is None:
        return []
    found = []
    for kind, names in (("platform", (case.platform.name, case.platform.site)),
                        ("merchant", (case.merchant.name, case.merchant.shop))):
        for name in names:
            name = (name or "").strip()
            if len(name) < 2:
                continue
            at = row.text.find(name)
            if at < 0:
                at = row.text.replace(" ", "").find(name.replace(" ", ""))
                if at >= 0:
                    found.append(_fact(row, number, kind, name, 0, len(row.text), factor=0.9))
                    break
                continue
            found.append(_fact(row, number, kind, name, at, at + len(name)))
            break
    return found


def _promises(row: Row, number: int) -> list[Fact]:
    return [_fact(row, number, "promise", m.group(0), m.start(), m.end()) for m in PROMISE.finditer(row.text)]


def suggest_kind(facts: list[Fact], compact: str, payment_page: bool, chat_layout: bool = False,
                 success: str | None = None) -> tuple[str, list[str], list[str]]:
    """(exhibit kind, the words that decided it, problem types the page supports). `chat_layout`: the
    page is laid out as a chat (its words are then what people wrote, not the page's state);
    `success`: the 支付成功 heading of the page, if it has one."""
    chat = CHAT_PAGE.findall(compact)
    if chat_layout:
        from ..i18n import t

        return "chat", [t("ocr.chat_layout"), *list(dict.fromkeys(chat))[:2]], []
    statuses = [f.value for f in facts if f.type == "status"]
    has_order = any(f.type in ("order_no", "merchant_order_no") for f in facts)
    failures = [s for s in statuses if s in CARD_FAILURE]
    if failures:
        return "delivery-failure", failures[:1], ["card-invalid"] if "充值失败" not in failures else ["not-delivered"]
    if ACCOUNT_RECOVERED in statuses:
        return "delivery-failure", [ACCOUNT_RECOVERED], []
    if payment_page:
        # (a page with two payment headings is one even when its 支付成功 sits in a longer line)
        said = PAYMENT_SUCCESS.search(compact)
        marker = success or (said.group(0) if said else "交易成功" if "交易成功" in statuses else None)
        if marker:
            return "payment", [marker], []
    if chat:
        # A chat quoting an order number and 处理中 is still a chat log.
        return "chat", list(dict.fromkeys(chat))[:2], []
    pending = [s for s in statuses if s in PENDING]
    if has_order and pending:
        return "order", ["订单号", pending[0]], ["not-delivered"]
    heading = ORDER_PAGE.search(compact)
    if has_order and (statuses or heading):
        return "order", ["订单号", statuses[0] if statuses else heading.group(0) if heading else ""], []
    product = PRODUCT_PAGE.findall(compact)
    if product:
        return "product", list(dict.fromkeys(product))[:2], []
    return "other", [], []


def first_amount(reading: Reading, *roles: str) -> Fact | None:
    for role in roles:
        candidates = reading.of_type("amount", role)
        if candidates:
            # The biggest figure on the page is the one the page is about (the 支付成功 sum).
            return max(candidates, key=lambda f: (f.box[3], f.confidence))
    return None


def as_decimal(fact: Fact | None) -> Decimal | None:
    return Decimal(fact.value) if fact is not None else None
