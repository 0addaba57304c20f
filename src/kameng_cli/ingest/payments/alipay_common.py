"""Alipay vocabularies and the rules that say what a row is (spec sections 1.D and 1.E)."""

from __future__ import annotations

from .records import IN, INCOME, NEUTRAL, NONE, OUT, PAYMENT, REFUND, UNPAID

# 交易状态 values seen in exports and importers (spec 1.A, 1.D); others are kept as data with a warning.
STATUSES = frozenset({
    "交易成功", "支付成功", "交易关闭", "退款成功", "等待确认收货", "等待对方发货", "还款成功", "退税成功", "代付成功",
    "亲情卡付款成功", "充值成功", "提取成功", "转出成功", "解冻成功", "已关闭", "冻结成功", "等待付款", "交易创建",
    "已支出", "已收入",
})
CLOSED = frozenset({"交易关闭", "已关闭"})


def classify(inout: str, status: str, funded: bool, amount_is_zero: bool = False) -> tuple[str, str]:
    """(kind, direction) of an Alipay row. 收/支 alone is not enough: refunds and closed orders both land in
    不计收支/其他 (dbg PR #85), a refund's 收/支 may be 收入 (dbg #82), a fully refunded purchase keeps 支出 but
    turns 交易关闭 (1.E), and 收入 + 交易关闭 is no income (bean-sieve changelog)."""
    if status == "退款成功":
        return REFUND, IN
    if status in CLOSED:
        if inout == "支出" and funded:
            return PAYMENT, OUT
        return UNPAID, NONE
    if amount_is_zero:
        return NEUTRAL, NONE  # discount rows such as 碰一下立减 (bean-sieve filters amount == 0)
    if inout == "支出":
        return PAYMENT, OUT
    if inout == "收入":
        return INCOME, IN
    return NEUTRAL, NONE


def status_warning(status: str) -> str:
    return "" if status in STATUSES else "payments.row.unknown_status"


def app_variant(text: str) -> str | None:
    """Which Alipay app layout a head of text is: '2021' (data first) or '2023' (preamble first).
    Both carry 电子客户回单 (the company before it changed in 2025, so it is not matched)."""
    from .table import first_line

    position = text.find("电子客户回单")
    title = first_line(text)
    if position < 0 or not title.startswith("---"):
        return None
    for line in text.splitlines()[:80]:
        first = line.lstrip("\ufeff").split(",", 1)[0].strip(" \t")
        if first == "交易时间" and "交易分类" in line:
            return "2023"
        if first == "收/支" and "交易对方" in line:
            return "2021"
    return "2023" if "导出信息" in text[:position] else "2021"
