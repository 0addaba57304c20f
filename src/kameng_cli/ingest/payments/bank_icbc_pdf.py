"""ICBC "中国工商银行借记账户历史明细（电子版）" PDF: 13 columns 交易日期 (date + time) · 帐号 · 储种 · 序号 · 币种 ·
钞汇 · 摘要 · 地区 · 收入/支出金额 (signed) · 余额 · 对方户名 · 对方帐号 · 渠道; empty cells printed `（空）`
(spec section 3.B(2); jiegec `icbc_debit_card`)."""

from __future__ import annotations

import re
from typing import Any

from . import bank_common
from .pdf_statement import ICBC_PERIOD, MONEY, PdfStatementSource
from .records import PaymentRecord
from .table import Column, Header, text

COLUMNS = (
    Column("date", ("交易日期",)),
    Column("account_no", ("帐号",)),
    Column("summary", ("摘要",)),
    Column("region", ("地区",)),
    Column("amount", ("收入/支出金额",)),
    Column("balance", ("余额",)),
    Column("peer", ("对方户名",)),
    Column("peer_account", ("对方帐号",)),
    Column("channel", ("渠道",)),
)


class IcbcPdfSource(PdfStatementSource):
    name = "bank-icbc-pdf"
    label = {"zh": "工商银行借记账户历史明细（PDF）", "en": "ICBC debit account history (PDF)"}
    kind = "bank"
    columns = COLUMNS
    how_key = "payments.how.icbc"
    markers = ("借记账户历史明细",)
    row_start = re.compile(r"^\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2}\s")
    period_pattern = ICBC_PERIOD  # `起止日期：2024-04-01 — 2024-05-31` above the table

    def split(self, line: str) -> list[str] | None:
        tokens = line.split()
        for k in range(4, len(tokens) - 1):
            if MONEY.match(tokens[k]) and MONEY.match(tokens[k + 1]):
                break
        else:
            return None
        after = [("" if t in ("（空）", "(空)") else t) for t in tokens[k + 2:]]
        peer = " ".join(after[:-2]) if len(after) >= 3 else (after[0] if after else "")
        peer_account = after[-2] if len(after) >= 3 else (after[1] if len(after) == 2 else "")
        channel = after[-1] if len(after) >= 3 else ""
        return [f"{tokens[0]} {tokens[1]}", tokens[2], tokens[k - 2], tokens[k - 1], tokens[k], tokens[k + 1],
                peer, peer_account, channel]

    def record(self, cells: list[Any], header: Header, line: int) -> PaymentRecord:
        time, flags, kind, direction, value = self.dated_signed(cells, header)
        i = header.index
        peer = text(cells[i["peer"]])
        channel, merchant = bank_common.split_channel(peer)
        return PaymentRecord(
            line=line, time=time, kind=kind, direction=direction, amount=value, status=text(cells[i["summary"]]),
            counterparty=merchant, note=peer, method=channel or text(cells[i["channel"]]),
            category=text(cells[i["summary"]]), account=text(cells[i["peer_account"]]), time_flags=flags,
        )


SOURCE = IcbcPdfSource()
