"""Linking refunds to the payment they return. One function per rule, tried in order of certainty:
the refund's trade number built from the payment's (Alipay `原号_后缀` and, since 2026, `原号*REFUND_后缀`),
the same merchant order number, WeChat's returned-transfer id, WeChat's status column, and for banks
only amount, date and merchant text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from .matching import CaseKeys, name_score, normalise_name
from .records import PaymentRecord

BANK_REFUND_WINDOW = timedelta(days=90)

LinkRule = Callable[[PaymentRecord, PaymentRecord, CaseKeys], bool]


def base_trade_no(trade_no: str) -> str:
    """`2023…5678_2023…` and `2026…5678*REFUND_…` both return `2023…5678` (bean-sieve CHANGELOG)."""
    cut = len(trade_no)
    for mark in ("*", "_"):
        position = trade_no.find(mark)
        if position > 0:
            cut = min(cut, position)
    return trade_no[:cut]


def _after(refund: PaymentRecord, payment: PaymentRecord) -> bool:
    return refund.time is None or payment.time is None or refund.time >= payment.time


def trade_prefix_rule(refund: PaymentRecord, payment: PaymentRecord, keys: CaseKeys) -> bool:
    base = base_trade_no(refund.trade_no)
    return bool(payment.trade_no) and base != refund.trade_no and base == payment.trade_no


def merchant_order_rule(refund: PaymentRecord, payment: PaymentRecord, keys: CaseKeys) -> bool:
    return (bool(refund.merchant_order_no) and refund.merchant_order_no == payment.merchant_order_no
            and _after(refund, payment))


def transfer_id_rule(refund: PaymentRecord, payment: PaymentRecord, keys: CaseKeys) -> bool:
    """WeChat `转账-退款`: the refund's 交易单号 is the original transfer's 商户单号 (spec 2.F)."""
    return bool(payment.merchant_order_no) and refund.trade_no == payment.merchant_order_no


def status_column_rule(refund: PaymentRecord, payment: PaymentRecord, keys: CaseKeys) -> bool:
    """WeChat: both rows carry `已全额退款` / `已退款(￥x)` and the refund's type is `<merchant>-退款`."""
    if not payment.status.startswith(("已退款", "已全额退款")) or refund.status != payment.status:
        return False
    same_party = normalise_name(refund.counterparty) == normalise_name(payment.counterparty) or (
        refund.category == f"{payment.counterparty}-退款")
    return same_party and refund.amount <= payment.amount and _after(refund, payment)


def bank_credit_rule(refund: PaymentRecord, payment: PaymentRecord, keys: CaseKeys) -> bool:
    """Banks print no order numbers: a later credit from the same merchant, not above the payment."""
    if not (_after(refund, payment) and refund.amount <= payment.amount):
        return False
    if refund.time and payment.time and refund.time - payment.time > BANK_REFUND_WINDOW:
        return False
    named = name_score(refund, keys)
    return named is not None and named[0] > 0


RULES: tuple[tuple[str, LinkRule], ...] = (
    ("trade-no-prefix", trade_prefix_rule),
    ("merchant-order-no", merchant_order_rule),
    ("transfer-id", transfer_id_rule),
    ("status-column", status_column_rule),
)


def link_refunds(payments: list[PaymentRecord], refunds: list[PaymentRecord], keys: CaseKeys,
                 bank_credits: list[PaymentRecord] = ()) -> list[tuple[PaymentRecord, PaymentRecord]]:
    """(payment, refund) pairs, oldest refund first; each refund linked once, by the first rule that
    holds. A refund is partial when it returns less than the payment."""
    pairs: list[tuple[PaymentRecord, PaymentRecord]] = []
    taken: set[int] = set()
    newest_first = sorted(payments, key=lambda p: p.time.timestamp() if p.time else 0, reverse=True)
    for rule_name, rule in (*RULES, ("bank-credit", bank_credit_rule)):
        pool = bank_credits if rule_name == "bank-credit" else refunds
        for refund in pool:
            if id(refund) in taken:
                continue
            for payment in newest_first:
                if rule(refund, payment, keys):
                    # The payment's trade number, or None (bank rows have none): the event's paid_line
                    # names the payment's row, and an order number or a locator is no trade number.
                    refund.refund_of = payment.trade_no or None
                    refund.link_rule = rule_name
                    refund.partial = refund.amount < payment.amount
                    taken.add(id(refund))
                    pairs.append((payment, refund))
                    break
    pairs.sort(key=lambda pair: (pair[1].time.timestamp() if pair[1].time else float("inf"), pair[1].line))
    return pairs
