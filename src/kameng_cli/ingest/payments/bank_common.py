"""What bank statements share: rows carry no order numbers, the merchant hides in a remark such as
`财付通-微信支付-星辰卡盟` (CMB) or `支付宝-速充卡盟` (ICBC 交易场所), and income and expense sit in separate
columns (spec sections 3.A, 3.B and 4)."""

from __future__ import annotations

from decimal import Decimal

from .records import IN, INCOME, NEUTRAL, NONE, OUT, PAYMENT, RowError

# Clearing channels printed before the merchant's name, longest first.
CHANNEL_PREFIXES = ("财付通-微信支付-", "支付宝-支付宝-", "财付通-", "支付宝-", "抖音支付-", "京东支付-", "美团支付-", "云闪付-")


def split_channel(remark: str) -> tuple[str, str]:
    """(`财付通-微信支付`, `星辰卡盟`) from `财付通-微信支付-星辰卡盟`; ('', remark) when no channel is named."""
    for prefix in CHANNEL_PREFIXES:
        if remark.startswith(prefix) and len(remark) > len(prefix):
            return prefix.rstrip("-"), remark[len(prefix):]
    return "", remark


def direction_of(income: Decimal | None, expense: Decimal | None, raw: str) -> tuple[str, str, Decimal]:
    """(kind, direction, amount) from separate income/expense columns; exactly one must hold money."""
    if expense and not income:
        return PAYMENT, OUT, expense
    if income and not expense:
        return INCOME, IN, income
    if not income and not expense:
        return NEUTRAL, NONE, Decimal("0.00")
    raise RowError("payments.row.both_directions", raw)


def signed(value: Decimal) -> tuple[str, str, Decimal]:
    """Signed statement amounts (PDF statements): negative is money out."""
    if value < 0:
        return PAYMENT, OUT, -value
    if value > 0:
        return INCOME, IN, value
    return NEUTRAL, NONE, value
