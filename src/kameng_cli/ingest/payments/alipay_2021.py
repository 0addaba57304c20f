"""Alipay app export 2021–2022 "电子客户回单": separator line first, header `收/支,交易对方,…` on line 2,
cells padded to 20 characters, 交易时间 last, footer block after a dash line (spec section 1.B)."""

from __future__ import annotations

from typing import Any

from ..base import Sample
from . import alipay_common
from .common import PaymentSource, check_id
from .records import PaymentRecord
from .table import Column, Header, amount, export_time, head_text, text

COLUMNS = (
    Column("inout", ("收/支",)),
    Column("counterparty", ("交易对方",)),
    Column("account", ("对方账号",), required=False),
    Column("goods", ("商品说明",)),
    Column("method", ("收/付款方式",)),
    Column("amount", ("金额",)),
    Column("status", ("交易状态",)),
    Column("category", ("交易分类",), required=False),
    Column("trade_no", ("交易订单号",)),
    Column("merchant_order_no", ("商家订单号",)),
    Column("time", ("交易时间",)),
)


class Alipay2021Source(PaymentSource):
    name = "alipay-2021"
    label = {"zh": "支付宝账单（App 电子客户回单，2021–2022 格式）", "en": "Alipay bill (app receipt, 2021–22 layout)"}
    # Originals end every id cell with a tab and print amounts without thousands separators (spec 1.A-1.C).
    ids_end_with_tab = True
    plain_amounts = True
    columns = COLUMNS
    expects_footer = True

    def sniff(self, sample: Sample) -> float:
        head = head_text(sample)
        return 0.95 if head and alipay_common.app_variant(head) == "2021" else 0.0

    def is_footer(self, first: Any, cells: list[Any]) -> bool:
        return isinstance(first, str) and first.startswith(("---", "导出信息"))

    def record(self, cells: list[Any], header: Header, line: int) -> PaymentRecord:
        i = header.index
        time, flags = export_time(cells[i["time"]])
        value = amount(cells[i["amount"]])
        status = cells[i["status"]]
        method = text(cells[i["method"]])
        kind, direction = alipay_common.classify(cells[i["inout"]], status, bool(method), not value)
        category_at, account_at = i.get("category"), i.get("account")
        return PaymentRecord(
            line=line, time=time, kind=kind, direction=direction, amount=value, status=status,
            counterparty=text(cells[i["counterparty"]]), goods=text(cells[i["goods"]]),
            trade_no=check_id(cells[i["trade_no"]], line), merchant_order_no=check_id(cells[i["merchant_order_no"]], line),
            method=method, category=text(cells[category_at]) if category_at is not None else "",
            account=text(cells[account_at]) if account_at is not None else "", time_flags=flags,
            warning=alipay_common.status_warning(status),
        )


SOURCE = Alipay2021Source()
