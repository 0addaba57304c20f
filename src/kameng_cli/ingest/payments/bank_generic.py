"""Any other bank's CSV export, read with a column mapping the user gives:

    kameng add 流水.csv --map 时间=交易日期,金额=支出,对方=交易备注

Keys (Chinese or English): 时间/time (several columns joined with `+`, e.g. 时间=交易日期+交易时间),
日期/date, 金额/amount (money paid; a negative value is money received), 支出/out and 收入/in (separate
columns), 收支金额/signed (negative is money paid), 对方/counterparty, 备注/摘要/note, 订单号/order,
交易号/trade, 状态/status, 方式/method, 商品/goods. A time and one amount column are required.

Without --map the file is kept as text: a CSV without markers cannot be read by guessing. The source is
named (with a hint on how to map it) only when the header row really looks like a bank statement — a
date or time column and an amount / 收入 / 支出 column, over rows whose cells are dates and amounts; any
other table is plain text unless the user passes --map (`registry.detect` offers this source then).
The mapping is stored with the exhibit (facts.map) so `kameng match` and `kameng rebuild` reuse it."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...errors import UserInputError
from ...i18n import t
from ..base import FALLBACK, ParseContext, ParseResult, Sample
from . import bank_common
from .common import PaymentSource, check_id, stored_exhibit
from .records import PaymentRecord, RowError
from .table import Column, Header, amount, clean, date_time, export_time, text, unknown_column

# Column names of a statement's time and money columns (Chinese banks, and the English exports some give).
TIME_NAMES = ("日期", "时间", "date", "time")
MONEY_NAMES = ("金额", "收入", "支出", "借方", "贷方", "发生额", "交易额", "收支", "收/支", "余额变动",
               "amount", "debit", "credit", "withdrawal", "deposit")
MAX_HEADER_CELL = 24  # a column name, not a sentence
# Scores below CLAIM: a statement-like table outranks plain text (so `add` names it and hints at --map);
# any other table only tells `registry.detect` that --map can read it.
STATEMENT = FALLBACK * 2
MAPPABLE = FALLBACK / 2

KEYS: dict[str, str] = {
    "时间": "time", "time": "time", "日期": "date", "date": "date",
    "金额": "amount", "amount": "amount", "支出": "out", "out": "out", "收入": "in", "in": "in",
    "收支金额": "signed", "signed": "signed",
    "对方": "counterparty", "counterparty": "counterparty", "备注": "note", "摘要": "note", "note": "note",
    "订单号": "order", "order": "order", "交易号": "trade", "trade": "trade", "状态": "status", "status": "status",
    "方式": "method", "method": "method", "商品": "goods", "goods": "goods",
}
MONEY_KEYS = ("amount", "out", "in", "signed")


def parse_map(raw: str) -> dict[str, list[str]]:
    """`时间=交易日期+交易时间,金额=支出` → {"time": ["交易日期", "交易时间"], "amount": ["支出"]}."""
    mapping: dict[str, list[str]] = {}
    for part in raw.replace("，", ",").split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        slug = KEYS.get(key.strip().lower() if key.strip().isascii() else key.strip())
        if not sep or slug is None or not value.strip():
            raise UserInputError("payments.map.bad_entry", entry=part.strip(), keys="、".join(dict.fromkeys(KEYS)))
        mapping[slug] = [name.strip() for name in value.split("+") if name.strip()]
    if not ({"time", "date"} & mapping.keys()) or not any(k in mapping for k in MONEY_KEYS):
        raise UserInputError("payments.map.incomplete", given=raw)
    return mapping


def looks_tabular(head: str) -> bool:
    """At least three lines share one width of three or more fields (a table under any preamble)."""
    from collections import Counter

    lines = [line for line in head.splitlines()[:60] if line.strip()]
    try:
        widths = Counter(len(row) for row in csv.reader(io.StringIO("\n".join(lines))) if len(row) >= 3)
    except csv.Error:
        return False
    return bool(widths) and widths.most_common(1)[0][1] >= 3


def looks_like_statement(head: str) -> bool:
    """A header row with a date/time column and a money column, and under it rows (at least half of
    the next ones, one at least) whose cells in those columns are a date and an amount."""
    lines = [line for line in head.splitlines()[:80] if line.strip()]
    try:
        rows = [[clean(cell) for cell in row] for row in csv.reader(io.StringIO("\n".join(lines)))]
    except csv.Error:
        return False
    for index, row in enumerate(rows):
        if len(row) < 3 or any(len(cell) > MAX_HEADER_CELL for cell in row):
            continue
        names = [cell.lower() for cell in row]
        when = [i for i, name in enumerate(names) if name and any(key in name for key in TIME_NAMES)]
        money = [i for i, name in enumerate(names) if name and any(key in name for key in MONEY_NAMES)]
        if not when or not money or set(when) == set(money):
            continue
        data = [r for r in rows[index + 1:index + 21] if abs(len(r) - len(row)) <= 1 and sum(1 for c in r if c) >= 2]
        good = sum(1 for r in data if _dated(r, when) and _priced(r, money))
        if good and 2 * good >= len(data):
            return True
    return False


def _dated(row: list[str], columns: list[int]) -> bool:
    for index in columns:
        if index < len(row) and row[index]:
            try:
                date_time(row[index], None)
                return True
            except RowError:
                continue
    return False


def _priced(row: list[str], columns: list[int]) -> bool:
    for index in columns:
        if index < len(row) and text(row[index]):
            try:
                amount(row[index], signed=True)
                return True
            except RowError:
                continue
    return False


def stored_map(path: Path, ctx: ParseContext) -> str | None:
    """The mapping given when the exhibit was added (rebuild and match do not pass options again)."""
    found = stored_exhibit(path, ctx)
    return str(found[0].facts["map"]) if found and found[0].facts.get("map") else None


class _MappedTable(PaymentSource):
    """One parse with one mapping (the registered source stays stateless)."""

    name = "bank-generic"
    kind = "bank"
    how_key = "payments.how.generic"

    def __init__(self, mapping: dict[str, list[str]], label: dict[str, str]) -> None:
        self.mapping = mapping
        self.label = label
        names = dict.fromkeys(name for names in mapping.values() for name in names)
        self.columns = tuple(Column(name, (name,)) for name in names)

    def is_footer(self, first: Any, cells: list[Any]) -> bool:
        return isinstance(first, str) and first.startswith(("#", "合计", "---"))

    def _cell(self, cells: list[Any], header: Header, key: str) -> str:
        return " ".join(text(cells[header.index[n]]) for n in self.mapping.get(key, ()) if text(cells[header.index[n]]))

    def _money(self, cells: list[Any], header: Header, key: str) -> Decimal | None:
        raw = self._cell(cells, header, key)
        return amount(raw, signed=True) if raw else None

    def record(self, cells: list[Any], header: Header, line: int) -> PaymentRecord:
        if "time" in self.mapping and "date" in self.mapping:
            time, flags = date_time(self._cell(cells, header, "date"), self._cell(cells, header, "time"))
        else:
            raw = self._cell(cells, header, "time") or self._cell(cells, header, "date")
            try:
                time, flags = export_time(raw)
            except RowError:
                time, flags = date_time(raw, None)
        kind, direction, value = self._direction(cells, header)
        remark = self._cell(cells, header, "counterparty")
        channel, merchant = bank_common.split_channel(remark)
        return PaymentRecord(
            line=line, time=time, kind=kind, direction=direction, amount=value,
            status=self._cell(cells, header, "status"), counterparty=merchant, goods=self._cell(cells, header, "goods"),
            trade_no=check_id(self._cell(cells, header, "trade"), line),
            merchant_order_no=check_id(self._cell(cells, header, "order"), line),
            method=self._cell(cells, header, "method") or channel, note=self._cell(cells, header, "note") or remark,
            time_flags=flags,
        )

    def _direction(self, cells: list[Any], header: Header) -> tuple[str, str, Decimal]:
        if "signed" in self.mapping:
            value = self._money(cells, header, "signed")
            return bank_common.signed(value if value is not None else Decimal("0.00"))
        if "amount" in self.mapping:
            value = self._money(cells, header, "amount")
            return bank_common.signed(-value if value is not None else Decimal("0.00"))
        income, expense = self._money(cells, header, "in"), self._money(cells, header, "out")
        income = abs(income) if income is not None else None
        expense = abs(expense) if expense is not None else None
        return bank_common.direction_of(income, expense, ",".join(map(str, cells)))


class GenericBankSource:
    name = "bank-generic"
    version = "1"
    label = {"zh": "银行流水（通用 CSV，按 --map 读取）", "en": "bank statement (generic CSV read with --map)"}

    def sniff(self, sample: Sample) -> float:
        # Never a claim (a CSV without markers could be anything). A table that looks like a bank
        # statement outranks plain text, so `add` names it and says how to map it; any other table
        # (a README's table, a TSV of labels, weather data) stays plain text unless --map is given.
        head = sample.text
        if not head or not looks_tabular(head):
            return 0.0
        return STATEMENT if looks_like_statement(head) else MAPPABLE

    def parse(self, path: Path, ctx: ParseContext) -> ParseResult:
        raw = ctx.options.get("map") or stored_map(path, ctx)
        if not raw:
            return self._unmapped(path, ctx)
        mapping = parse_map(str(raw))
        parser = _MappedTable(mapping, self.label)
        try:
            result = parser.parse(path, ctx)
        except UserInputError as exc:
            if exc.key == "payments.broken.no_header":
                raise self._missing_column(path, parser) from exc
            raise
        result.facts["map"] = str(raw)
        return result

    def _missing_column(self, path: Path, parser: _MappedTable) -> UserInputError:
        """Name the first mapped column the table lacks, listing the table's real columns."""
        from ..decoding import open_text
        from .common import PREFERRED
        from .table import csv_rows

        stream, _ = open_text(path, PREFERRED)
        with stream:
            best: list[Any] = []
            for count, (_, cells) in enumerate(csv_rows(stream)):
                filled = [c for c in cells if clean(c)]
                if len(filled) > len([c for c in best if clean(c)]):
                    best = cells
                if count > 60:
                    break
        present = {clean(c) for c in best}
        missing = next((c.key for c in parser.columns if c.key not in present), parser.columns[0].key)
        return unknown_column(missing, best)

    def _unmapped(self, path: Path, ctx: ParseContext) -> ParseResult:
        from ..sources.text import SOURCE as TEXT

        result = TEXT.parse(path, ctx)
        result.messages.append(t("payments.generic.hint"))
        return result


SOURCE = GenericBankSource()
