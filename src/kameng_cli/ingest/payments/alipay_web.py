"""Alipay web export "支付宝交易记录明细查询" (≤ 2023): 4-line preamble, 16 fixed-width columns with a tab after
the id cells, three timestamps, 成功退款（元） on the original row, 7-line footer (spec section 1.A)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..base import Sample
from . import alipay_common
from .common import PaymentSource, check_id
from .records import PaymentRecord, RowError
from .table import Column, Header, amount, export_time, first_line, head_text, text

COLUMNS = (
    Column("trade_no", ("交易号",)),
    Column("merchant_order_no", ("商家订单号",)),
    Column("created", ("交易创建时间",)),
    Column("paid", ("付款时间",)),
    Column("modified", ("最近修改时间",), required=False),
    Column("origin", ("交易来源地",), required=False),
    Column("type", ("类型",), required=False),
    Column("counterparty", ("交易对方",)),
    Column("goods", ("商品名称",)),
    Column("amount", ("金额（元）", "金额(元)")),
    Column("inout", ("收/支",)),
    Column("status", ("交易状态",)),
    Column("fee", ("服务费（元）", "服务费(元)"), required=False),
    Column("refunded", ("成功退款（元）", "成功退款(元)"), required=False),
    Column("note", ("备注",), required=False),
    Column("funds", ("资金状态",), required=False),
)


class AlipayWebSource(PaymentSource):
    name = "alipay-web"
    label = {"zh": "支付宝账单（网页版交易记录明细，2023 年前）", "en": "Alipay bill (web export, before 2023)"}
    # Originals end every id cell with a tab and print amounts without thousands separators (spec 1.A-1.C).
    ids_end_with_tab = True
    plain_amounts = True
    columns = COLUMNS
    how_key = "payments.how.alipay_web"
    expects_footer = True

    def sniff(self, sample: Sample) -> float:
        return 0.95 if first_line(head_text(sample)).startswith("支付宝交易记录明细查询") else 0.0

    def record(self, cells: list[Any], header: Header, line: int) -> PaymentRecord:
        i = header.index
        times: dict[str, str] = {}
        flags: list[str] = []
        for key in ("created", "paid", "modified"):
            at = i.get(key)
            if at is not None and text(cells[at]):
                value, flagged = export_time(cells[at])
                times[key] = value.replace(tzinfo=None).isoformat(sep=" ")
                flags = flags or flagged
        when = times.get("paid") or times.get("created")
        if when is None:
            raise RowError("payments.row.bad_time", "")
        from datetime import datetime

        from ...parsing.times import CST

        time = datetime.fromisoformat(when).replace(tzinfo=CST)
        value = amount(cells[i["amount"]])
        status = cells[i["status"]]
        funds = text(cells[i["funds"]]) if "funds" in i else ""
        funded = bool(funds or "paid" in times)
        kind, direction = alipay_common.classify(cells[i["inout"]], status, funded, not value)
        refunded: Decimal | None = None
        if "refunded" in i and text(cells[i["refunded"]]):
            refunded = amount(cells[i["refunded"]]) or None
        return PaymentRecord(
            line=line, time=time, kind=kind, direction=direction, amount=value, status=status,
            counterparty=text(cells[i["counterparty"]]), goods=text(cells[i["goods"]]),
            trade_no=check_id(cells[i["trade_no"]], line), merchant_order_no=check_id(cells[i["merchant_order_no"]], line),
            note=text(cells[i["note"]]) if "note" in i else "",
            category=text(cells[i["type"]]) if "type" in i else "", refunded_amount=refunded, times=times,
            time_flags=flags, warning=alipay_common.status_warning(status),
        )


SOURCE = AlipayWebSource()
