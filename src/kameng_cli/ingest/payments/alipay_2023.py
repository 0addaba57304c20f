"""Alipay app export, 2023 → now: 24-line preamble, header `交易时间,交易分类,…`, 12 columns plus a trailing
comma; padded (early 2023) or plain cells; the late-2025 separator names 支付宝支付科技有限公司; refund trade
numbers `原号_后缀` and, since 2026, `原号*REFUND_后缀` (spec section 1.C, 1.E)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..base import Sample
from . import alipay_common
from .common import PaymentSource, check_id
from .matching import CaseKeys
from .records import PaymentRecord
from .table import NULL_CELLS, PLAIN_AMOUNT, STRIP, Column, Header, amount, export_time, text

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
    columns = COLUMNS

    def sniff(self, sample: Sample) -> float:
        head = sample.text
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


SOURCE = Alipay2023Source()
