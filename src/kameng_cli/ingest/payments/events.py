"""Matched rows become `paid` and `refunded` events (data fields per the contract in BRIEF.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ...i18n import said, say_again, t
from ...model.records import Event
from ...parsing.amounts import format_amount, format_yuan
from ...parsing.times import CST
from .matching import Match
from .records import PaymentRecord
from .refunds import base_trade_no


def _payment_data(record: PaymentRecord) -> dict[str, Any]:
    return {
        "trade_no": record.trade_no,
        "merchant_order_no": record.merchant_order_no,
        "counterparty": record.counterparty,
        "method": record.method,
        "status": record.status,
        "direction": record.direction,
        "goods": record.goods,
        "category": record.category,
        "line": record.line,
        "times": dict(record.times),
    }


def paid_event(match: Match, source: str, locator: str) -> Event:
    record = match.record
    data = _payment_data(record)
    data.update(match=match.to_json(), refund_of=None, partial=False)
    if record.refunded_amount:
        data["refunded_amount"] = format_amount(record.refunded_amount)
    # order_no is the merchant's order number (商家订单号 / 商户单号, what the 卡盟 site shows) or nothing:
    # the trade number is the payment platform's own id (spec section 4, linking keys), kept in
    # data.trade_no — as an order number it would read as a second, different order.
    return Event(
        id="", time=record.time, kind="paid", actor="me",
        summary=t("payments.event.paid", counterparty=record.counterparty or "—", amount=format_yuan(record.amount)),
        amount=record.amount, order_no=record.merchant_order_no or None, exhibit=None,
        locator=f"{locator} {record.line}", confidence=match.confidence, source=source,
        time_flags=list(record.time_flags), data=data,
    )


def refunded_event(payment: PaymentRecord, refund: PaymentRecord, match: Match, source: str, locator: str) -> Event:
    data = _payment_data(refund)
    confidence = round(match.confidence * (0.85 if refund.link_rule == "bank-credit" else 1.0), 3)
    data.update(
        match={"reason": t(f"payments.link.{refund.link_rule}"), "confidence": confidence, "rule": refund.link_rule},
        refund_of=refund.refund_of, partial=refund.partial, paid_line=payment.line,
    )
    key = "payments.event.refunded_partial" if refund.partial else "payments.event.refunded"
    data["say"] = said(key, counterparty=refund.counterparty or payment.counterparty or "—", amount=format_yuan(refund.amount))
    return Event(
        id="", time=refund.time, kind="refunded", actor="merchant", summary=say_again(data["say"]) or "",
        amount=refund.amount, order_no=payment.merchant_order_no or None, exhibit=None,
        locator=f"{locator} {refund.line}", confidence=confidence, source=source,
        time_flags=list(refund.time_flags), data=data,
    )


def recorded_refund_event(payment: PaymentRecord, match: Match, source: str, locator: str) -> Event | None:
    """Alipay web prints the refunded sum on the purchase row (成功退款（元）); when the separate refund row
    is not in the export, the refund is still on record, dated by the row's last modification."""
    if not payment.refunded_amount or "modified" not in payment.times:
        return None
    when = datetime.fromisoformat(payment.times["modified"]).replace(tzinfo=CST)
    partial = payment.refunded_amount < payment.amount
    key = "payments.event.refunded_partial" if partial else "payments.event.refunded"
    data = _payment_data(payment)
    data.update(match={"reason": t("payments.link.refunded-column"), "confidence": match.confidence,
                       "rule": "refunded-column"}, refund_of=payment.trade_no or None, partial=partial,
                direction="in", paid_line=payment.line)
    data["say"] = said(key, counterparty=payment.counterparty or "—", amount=format_yuan(payment.refunded_amount))
    return Event(
        id="", time=when, kind="refunded", actor="merchant", summary=say_again(data["say"]) or "",
        amount=payment.refunded_amount, order_no=payment.merchant_order_no or None, exhibit=None,
        locator=f"{locator} {payment.line}", confidence=match.confidence, source=source,
        time_flags=["estimated"], data=data,
    )


def orphan_refund_event(refund: PaymentRecord, match: Match, source: str, locator: str) -> Event:
    """A refund row carrying the case's order number whose payment lies outside the export: it still
    proves that money came back for this order (spec 1.E: the refund keeps the 商家订单号)."""
    data = _payment_data(refund)
    data.update(match={"reason": t("payments.link.merchant-order-no"), "confidence": match.confidence,
                       "rule": "merchant-order-no"},
                refund_of=base_trade_no(refund.trade_no) or None, partial=False, paid_line=None)
    data["say"] = said("payments.event.refunded", counterparty=refund.counterparty or "—", amount=format_yuan(refund.amount))
    return Event(
        id="", time=refund.time, kind="refunded", actor="merchant", summary=say_again(data["say"]) or "",
        amount=refund.amount, order_no=refund.merchant_order_no or None, exhibit=None,
        locator=f"{locator} {refund.line}", confidence=match.confidence, source=source,
        time_flags=list(refund.time_flags), data=data,
    )
