"""Alipay app export, 2023 → now: 24-line preamble, header `交易时间,交易分类,…`, 12 columns plus a trailing
comma; padded (early 2023) or plain cells; the late-2025 separator names 支付宝支付科技有限公司; refund trade
numbers `原号_后缀` and, since 2026, `原号*REFUND_后缀` (spec section 1.C, 1.E)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import datetime
from typing import Any

from ..base import Sample
from . import alipay_common, bulk
from .bulk import BulkTriage
from .common import FOOTER_STARTS, PaymentSource, check_id
from .matching import CaseKeys
from .records import PaymentRecord
from .table import NULL_CELLS, PLAIN_AMOUNT, STRIP, Column, Header, amount, export_time, head_text, text

# Refunds are always interpreted (they may return the case's payment); other known statuses may be triaged.
QUICK_STATUSES = alipay_common.STATUSES - {"退款成功"}
ZERO = frozenset({"0", "0.0", "0.00"})

COLUMNS = (
    Column("time", ("交易时间",)),
    Column("category", ("交易分类",)),
    Column("counterparty", ("交易对方",)),
    Column("account", ("对方账号",), required=False),
    Column("goods", ("商品说明",)),
    Column("inout", ("收/支",)),
    Column("amount", ("金额",)),
    Column("method", ("收/付款方式",)),
    Column("status", ("交易状态",)),
    Column("trade_no", ("交易订单号",)),
    Column("merchant_order_no", ("商家订单号",)),
    Column("note", ("备注",), required=False),
)


class Alipay2023Source(PaymentSource):
    name = "alipay-2023"
    label = {"zh": "支付宝账单（App 导出，2023 年起格式）", "en": "Alipay bill (app export, 2023+ layout)"}
    # Originals end every id cell with a tab and print amounts without thousands separators (spec 1.A-1.C).
    ids_end_with_tab = True
    plain_amounts = True
    columns = COLUMNS

    def sniff(self, sample: Sample) -> float:
        head = head_text(sample)
        return 0.95 if head and alipay_common.app_variant(head) == "2023" else 0.0

    def triage(self, cells: list[Any], header: Header, keys: CaseKeys) -> tuple[str, datetime] | None:
        """Most rows of a year-long export are someone else's shop: parse just enough to know the row is
        valid and cannot match (another amount, another order number, not a refund). Anything unusual
        — short times, odd amounts, unknown statuses, E-notation ids — takes the full path."""
        when, inout, money, method, status, trade_no, order_no = header.getter(
            "time", "inout", "amount", "method", "status", "trade_no", "merchant_order_no")(cells)
        when, money, status = when.strip(STRIP), money.strip(STRIP), status.strip(STRIP)
        if status not in QUICK_STATUSES or len(when) != 19 or not PLAIN_AMOUNT.match(money):
            return None
        trade_no, order_no, method = trade_no.strip(STRIP), order_no.strip(STRIP), method.strip(STRIP)
        if money in keys.amount_texts:
            return None
        order = keys.order_no
        if order and (order_no.upper() == order or trade_no.upper() == order):
            return None
        if "+" in order_no or "+" in trade_no:  # `2.02405E+25`: the full path rejects the file
            return None
        try:
            time = datetime.fromisoformat(when)
        except ValueError:
            return None
        kind, _direction = alipay_common.classify(inout.strip(STRIP), status, bool(method) and method not in NULL_CELLS,
                                                  money in ZERO)
        return kind, time

    def bulk_triage(self, header: Header, keys: CaseKeys) -> BulkTriage | None:
        """`triage` as one pattern per row (payments/bulk.py), accepting a subset of what it accepts:
        plain ASCII ids, ASCII digits, a space between date and time, a usual 收/支 value, exactly the
        header's width."""
        index = header.index
        wanted = ("time", "inout", "amount", "method", "status", "trade_no", "merchant_order_no")
        positions = [index[key] for key in wanted]
        if len(set(positions)) < len(positions) or _BULK_KINDS is None:
            return None
        order = keys.order_no
        ids = (f"{bulk.PAD}{bulk.excluding({order}, ignore_case=True) if order else ''}"
               f"[0-9A-Za-z_*]{{0,256}}+{bulk.PAD}")
        cells = [bulk.generic_cell()] * len(header.cells)
        cells[index["time"]] = bulk.time_cell()
        cells[index["inout"]] = bulk.choice_cell("inout", BULK_INOUT)
        cells[index["amount"]] = (f"{bulk.PAD}{bulk.excluding(keys.amount_texts | ZERO)}"
                                  rf"[0-9]{{1,64}}+(?:\.[0-9]{{1,2}})?{bulk.PAD}")
        cells[index["method"]] = bulk.generic_cell("method")
        closed = "|".join(re.escape(s) for s in sorted(alipay_common.CLOSED, key=len, reverse=True))
        others = "|".join(re.escape(s) for s in sorted(QUICK_STATUSES - alipay_common.CLOSED, key=len, reverse=True))
        cells[index["status"]] = f"{bulk.PAD}(?:(?P<closed>{closed})|{others}){bulk.PAD}"
        cells[index["trade_no"]] = cells[index["merchant_order_no"]] = ids
        # A row the pattern takes is data, never a footer (base `is_footer`, which this layout keeps).
        guard = "(?!" + bulk.PAD + "(?:" + "|".join(re.escape(s) for s in FOOTER_STARTS) + "))"
        return bulk.BulkTriage(guard + ",".join(cells), _BULK_KINDS, self.is_footer, FOOTER_STARTS)

    def record(self, cells: list[Any], header: Header, line: int) -> PaymentRecord:
        # The hot path of 100,000-row exports: one itemgetter, null markers inlined.
        when, category, counterparty, goods, inout, money, method, status, trade_no, order_no = header.getter(
            "time", "category", "counterparty", "goods", "inout", "amount", "method", "status", "trade_no",
            "merchant_order_no")(cells)
        time, flags = export_time(when)
        value = amount(money)
        method = "" if method in NULL_CELLS else method
        kind, direction = alipay_common.classify(inout, status, bool(method), not value)
        note_at, account_at = header.index.get("note"), header.index.get("account")
        return PaymentRecord(
            line=line, time=time, kind=kind, direction=direction, amount=value, status=status,
            counterparty="" if counterparty in NULL_CELLS else counterparty,
            goods="" if goods in NULL_CELLS else goods, trade_no=check_id(trade_no, line),
            merchant_order_no=check_id(order_no, line), method=method,
            note=text(cells[note_at]) if note_at is not None else "", category=category,
            account=text(cells[account_at]) if account_at is not None else "", time_flags=flags,
            warning=alipay_common.status_warning(status),
        )


# 收/支 values the bulk pattern takes (spec 1.C: 支出, 收入, 不计收支, empty; `其他` and `/` in older files).
BULK_INOUT = frozenset({"支出", "收入", "不计收支", "其他", "/", ""})


class _BulkKinds:
    """The kinds `triage` gives the rows the bulk pattern takes (their amount is never zero there).
    `classify` depends on the status only through 交易关闭/已关闭 and on the payment method only for those;
    `_bulk_kinds()` checks that on every combination, so counting needs no loop over the rows: per 收/支
    value for open statuses, per (收/支, method) for the few closed rows."""

    def __init__(self, open_kind: dict[str, str], closed_kind: dict[tuple[str, bool], str]) -> None:
        self.open_kind = open_kind
        self.closed_kind = closed_kind

    def count(self, columns: dict[str, list[Any]]) -> Counter[str]:
        inouts, methods, closed = columns["inout"], columns["method"], columns["closed"]
        kinds: Counter[str] = Counter()
        closed_inouts: Counter[str] = Counter()
        for (inout, method), count in Counter(itertools.compress(zip(inouts, methods, strict=True), closed)).items():
            kinds[self.closed_kind[inout, _funded(method)]] += count
            closed_inouts[inout] += count
        for inout, kind in self.open_kind.items():
            count = inouts.count(inout) - closed_inouts[inout]
            if count:
                kinds[kind] += count
        return kinds

    def kind_at(self, columns: dict[str, list[Any]], index: int) -> str:
        inout = columns["inout"][index]
        if columns["closed"][index]:
            return self.closed_kind[inout, _funded(columns["method"][index])]
        return self.open_kind[inout]


def _funded(method: str) -> bool:
    method = method.strip(STRIP)
    return bool(method) and method not in NULL_CELLS


def _bulk_kinds() -> _BulkKinds | None:
    def kind(inout: str, status: str, funded: bool) -> str:
        return alipay_common.classify(inout, status, funded, False)[0]

    open_kind = {inout: kind(inout, "交易成功", True) for inout in BULK_INOUT}
    closed_kind = {(inout, funded): kind(inout, "交易关闭", funded) for inout in BULK_INOUT for funded in (True, False)}
    for status in QUICK_STATUSES:
        for inout in BULK_INOUT:
            for funded in (True, False):
                expected = closed_kind[inout, funded] if status in alipay_common.CLOSED else open_kind[inout]
                if kind(inout, status, funded) != expected:
                    return None  # the rules changed shape: no bulk path rather than a wrong count
    return _BulkKinds(open_kind, closed_kind)


_BULK_KINDS = _bulk_kinds()


SOURCE = Alipay2023Source()
