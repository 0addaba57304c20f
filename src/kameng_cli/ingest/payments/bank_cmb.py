"""China Merchants Bank 一卡通 CSV from the PC 专业版: `# 招商银行交易记录` lines, header
`交易日期,交易时间,收入,支出,余额,交易类型,交易备注`, dates and times with a leading tab inside the quotes,
separate income/expense columns, `# 收入合计` footer (spec section 3.A(1))."""

from __future__ import annotations

from typing import Any

from ..base import Sample
from . import bank_common
from .common import PaymentSource
from .records import PaymentRecord
from .table import Column, Header, amount, date_time, first_line, head_text, text

COLUMNS = (
    Column("date", ("交易日期",)),
    Column("time", ("交易时间",), required=False),
    Column("income", ("收入",)),
    Column("expense", ("支出",)),
    Column("balance", ("余额",), required=False),
    Column("type", ("交易类型",), required=False),
    Column("remark", ("交易备注",)),
)


class CmbSource(PaymentSource):
    name = "bank-cmb"
    label = {"zh": "招商银行交易记录（一卡通 CSV）", "en": "China Merchants Bank statement (CSV)"}
    kind = "bank"
    columns = COLUMNS
    how_key = "payments.how.cmb"
    expects_footer = True

    def sniff(self, sample: Sample) -> float:
        return 0.95 if first_line(head_text(sample)).lstrip("# ").startswith("招商银行交易记录") else 0.0

    def is_footer(self, first: Any, cells: list[Any]) -> bool:
        return isinstance(first, str) and first.startswith(("#", "合计"))

    def record(self, cells: list[Any], header: Header, line: int) -> PaymentRecord:
        i = header.index
        time, flags = date_time(cells[i["date"]], cells[i["time"]] if "time" in i else None)
        income = amount(cells[i["income"]]) if text(cells[i["income"]]) else None
        expense = amount(cells[i["expense"]]) if text(cells[i["expense"]]) else None
        kind, direction, value = bank_common.direction_of(income, expense, ",".join(map(str, cells)))
        remark = text(cells[i["remark"]])
        channel, merchant = bank_common.split_channel(remark)
        return PaymentRecord(
            line=line, time=time, kind=kind, direction=direction, amount=value,
            status=text(cells[i["type"]]) if "type" in i else "", counterparty=merchant, note=remark,
            method=channel, category=text(cells[i["type"]]) if "type" in i else "", time_flags=flags,
        )


SOURCE = CmbSource()
