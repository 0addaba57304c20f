"""China Merchants Bank 一卡通 "招商银行交易流水" PDF (app: 首页 → 流水打印): bilingual header, columns
记账日期 · 货币 · 交易金额 (signed, thousands separators) · 联机余额 · 交易摘要 · 对手信息 · 客户摘要; the last
page ends with `————` or `合并统计` (spec section 3.A(2); deb-sig/bill-file-converter, jiegec)."""

from __future__ import annotations

import re
from typing import Any

from . import bank_common
from .pdf_statement import CMB_APPLIED, CMB_PERIOD, MONEY, PdfStatementSource
from .records import PaymentRecord
from .table import Column, Header, text

COLUMNS = (
    Column("date", ("记账日期",)),
    Column("currency", ("货币",)),
    Column("amount", ("交易金额",)),
    Column("balance", ("联机余额",)),
    Column("type", ("交易摘要",)),
    Column("counterparty", ("对手信息",)),
    Column("summary", ("客户摘要",)),
)


class CmbPdfSource(PdfStatementSource):
    name = "bank-cmb-pdf"
    label = {"zh": "招商银行交易流水（PDF）", "en": "China Merchants Bank statement (PDF)"}
    kind = "bank"
    columns = COLUMNS
    how_key = "payments.how.cmb"
    markers = ("招商银行交易流水", "Transaction Statement of China Merchants Bank")
    row_start = re.compile(r"^\d{4}-\d{2}-\d{2}\s+[A-Z]{3}\s")
    # The title block: `2024-04-01 -- 2024-05-31` under the title, `申请时间：2024-06-01` (when the
    # statement was requested, i.e. made) — the exhibit's period and capture time.
    period_pattern = CMB_PERIOD
    exported_pattern = CMB_APPLIED

    def split(self, line: str) -> list[str] | None:
        tokens = line.split()
        if len(tokens) < 5 or not (MONEY.match(tokens[2]) and MONEY.match(tokens[3])):
            return None
        rest = tokens[4:]
        kind = rest[0]
        others = rest[1:]
        # 对手信息 is a name and then an account number (spec 3.A(2)); what follows the number is the
        # 客户摘要. Without a number the last word is taken as the 客户摘要 when there are two or more.
        numbered = [at for at, token in enumerate(others) if _ACCOUNT.match(token)]
        if numbered:
            cut = numbered[-1] + 1
            counterparty, summary = " ".join(others[:cut]), " ".join(others[cut:])
        else:
            summary = others[-1] if len(others) >= 2 else ""
            counterparty = " ".join(others[:-1] if len(others) >= 2 else others)
        return [tokens[0], tokens[1], tokens[2], tokens[3], kind, counterparty, summary]

    def record(self, cells: list[Any], header: Header, line: int) -> PaymentRecord:
        time, flags, kind, direction, value = self.dated_signed(cells, header)
        i = header.index
        party = text(cells[i["counterparty"]])
        summary = text(cells[i["summary"]])
        name, account = _name_and_account(party)
        # The channel and the merchant appear in 对手信息 (`财付通-微信支付-极光卡盟 1000050101****`) or in
        # 客户摘要 (`财付通-星辰卡盟`): read them as the CSV's 交易备注 is read, the account number apart.
        channel, merchant = bank_common.split_channel(name)
        if not channel:
            channel, merchant = bank_common.split_channel(summary)
        return PaymentRecord(
            line=line, time=time, kind=kind, direction=direction, amount=value, status=text(cells[i["type"]]),
            counterparty=merchant if channel else (name or summary), note=f"{party} {summary}".strip(), method=channel,
            category=text(cells[i["type"]]), account=account, time_flags=flags,
        )


# A (masked) account number as 对手信息 prints it after the name: `6214****0002`, `1000050101****`.
_ACCOUNT = re.compile(r"^(?=[\d*]*\d)[\d*]{6,}$")


def _name_and_account(party: str) -> tuple[str, str]:
    name, _, last = party.rpartition(" ")
    if name and _ACCOUNT.match(last):
        return name.strip(), last
    if _ACCOUNT.match(party):
        return "", party
    return party, ""


SOURCE = CmbPdfSource()
