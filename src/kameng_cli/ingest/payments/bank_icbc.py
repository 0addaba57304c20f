"""ICBC online banking "明细查询文件下载" CSV (debit v1/v2 and credit): header on line 7 after card and
sub-account lines, cells padded by display width and ending in a tab (mostly inside quotes), `-` for
empty, thousands separators, `人民币合计` footer (spec section 3.B(1))."""

from __future__ import annotations

from typing import Any

from ..base import Sample
from . import bank_common
from .common import PaymentSource
from .records import PaymentRecord
from .table import Column, Header, amount, date_time, first_line, head_text, text

COLUMNS = (
    Column("date", ("交易日期",)),
    Column("summary", ("摘要",)),
    Column("details", ("交易详情",), required=False),
    Column("place", ("交易场所",)),
    Column("income", ("记账金额(收入)", "记账金额（收入）")),
    Column("expense", ("记账金额(支出)", "记账金额（支出）")),
    Column("tx_income", ("交易金额(收入)", "交易金额（收入）"), required=False),
    Column("tx_expense", ("交易金额(支出)", "交易金额（支出）"), required=False),
    Column("peer", ("对方户名",), required=False),
    Column("peer_account", ("对方账户",), required=False),
)


class IcbcSource(PaymentSource):
    name = "bank-icbc"
    label = {"zh": "工商银行明细查询（网银 CSV）", "en": "ICBC account details (online banking CSV)"}
    kind = "bank"
    columns = COLUMNS
    how_key = "payments.how.icbc"
    expects_footer = True

    def sniff(self, sample: Sample) -> float:
        return 0.95 if first_line(head_text(sample)).startswith("明细查询文件下载") else 0.0

    def is_footer(self, first: Any, cells: list[Any]) -> bool:
        return isinstance(first, str) and first.startswith(("人民币合计", "合计金额", "合计"))

    def _money(self, cells: list[Any], i: dict[str, int], key: str, fallback: str) -> Any:
        for name in (key, fallback):
            if name in i and text(cells[i[name]]):
                return amount(cells[i[name]])
        return None

    def record(self, cells: list[Any], header: Header, line: int) -> PaymentRecord:
        i = header.index
        time, flags = date_time(cells[i["date"]], None)
        income = self._money(cells, i, "income", "tx_income")
        expense = self._money(cells, i, "expense", "tx_expense")
        kind, direction, value = bank_common.direction_of(income, expense, ",".join(map(str, cells)))
        place = text(cells[i["place"]])
        channel, merchant = bank_common.split_channel(place)
        peer = text(cells[i["peer"]]) if "peer" in i else ""
        return PaymentRecord(
            line=line, time=time, kind=kind, direction=direction, amount=value,
            status=text(cells[i["summary"]]), counterparty=merchant or peer, note=place or peer,
            method=channel, category=text(cells[i["summary"]]), account=peer, time_flags=flags,
        )


SOURCE = IcbcSource()
