"""WeChat Pay bills: the 11 columns shared by every CSV and XLSX layout, the row rules and the
refund status column (spec sections 2.A–2.F)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .common import PaymentSource, check_id
from .records import IN, INCOME, NEUTRAL, NONE, OUT, PAYMENT, REFUND, PaymentRecord
from .table import Column, Header, amount, export_time, text

COLUMNS = (
    Column("time", ("交易时间",)),
    Column("type", ("交易类型",)),
    Column("counterparty", ("交易对方",)),
    Column("goods", ("商品",)),
    Column("inout", ("收/支",)),
    Column("amount", ("金额(元)", "金额（元）", "金额")),
    Column("method", ("支付方式",)),
    Column("status", ("当前状态",)),
    Column("trade_no", ("交易单号",)),
    Column("merchant_order_no", ("商户单号",)),
    Column("note", ("备注",), required=False),
)

# 当前状态 values seen (spec 2.E); `已退款(￥x)` / `已退款￥x` are matched by prefix.
STATUSES = frozenset({
    "支付成功", "已转账", "对方已收钱", "朋友已收钱", "已收钱", "已存入零钱", "已存入经营账户", "已到账", "充值完成",
    "充值成功", "提现已到账", "提现失败，已退回零钱", "已全额退款", "对方已退还", "已退还", "已领取", "已支付",
})
# The partial-refund amount uses U+FFE5 (￥) where the amount column uses U+00A5 (¥) — trim21 fixture, byte-wise.
_PARTIAL = re.compile(r"^已退款\s*[(（]?\s*[￥¥]?\s*([\d,]+(?:\.\d{1,2})?)\s*[)）]?$")

MARKER = "微信支付账单明细"


def refunded_amount(status: str, paid: Decimal) -> Decimal | None:
    """`已退款(￥9.10)` → 9.10 exactly; `已全额退款` / `对方已退还` → the whole amount."""
    if status in ("已全额退款", "对方已退还"):
        return paid
    match = _PARTIAL.match(status)
    return Decimal(match.group(1).replace(",", "")).quantize(Decimal("0.01")) if match else None


def status_warning(status: str) -> str:
    return "" if status in STATUSES or status.startswith("已退款") else "payments.row.unknown_status"


def classify(kind_text: str, inout: str) -> tuple[str, str]:
    """A refund row's 交易类型 is `<merchant or original type>-退款` with 收/支 收入 (spec 2.F); 收/支 `/` marks
    中性交易 (withdrawals, top-ups, 理财通)."""
    if kind_text.endswith("-退款"):
        return REFUND, IN
    if inout == "支出":
        return PAYMENT, OUT
    if inout == "收入":
        return INCOME, IN
    return NEUTRAL, NONE


class WechatSource(PaymentSource):
    """Shared by the CSV and XLSX layouts; they differ in how rows are read and detected."""

    columns = COLUMNS
    how_key = "payments.how.wechat"

    def record(self, cells: list[Any], header: Header, line: int) -> PaymentRecord:
        i = header.index
        time, flags = export_time(cells[i["time"]])
        value = amount(cells[i["amount"]])
        status = text(cells[i["status"]])
        kind_text = text(cells[i["type"]])
        kind, direction = classify(kind_text, text(cells[i["inout"]]))
        note_at = i.get("note")
        return PaymentRecord(
            line=line, time=time, kind=kind, direction=direction, amount=value, status=status,
            counterparty=text(cells[i["counterparty"]]), goods=text(cells[i["goods"]]),
            trade_no=check_id(cells[i["trade_no"]], line), merchant_order_no=check_id(cells[i["merchant_order_no"]], line),
            method=text(cells[i["method"]]), note=text(cells[note_at]) if note_at is not None else "",
            category=kind_text, refunded_amount=refunded_amount(status, value) if kind == PAYMENT else None,
            time_flags=flags, warning=status_warning(status),
        )
