"""Claims: refund minus refunds received, 第五十五条 only with fraud and evidence, interest on request."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from kameng_cli.legal.claims import compute
from kameng_cli.model.case import Case
from kameng_cli.model.records import Event
from kameng_cli.parsing.times import CST


def _case(**changes: object) -> Case:
    data: dict = {"problem": "not-delivered", "claims": ["refund"], "order": {"number": "A1", "price": "100"}}
    data.update(changes)
    return Case.model_validate(data)


def _event(kind: str, amount: str | None = None, **data: object) -> Event:
    return Event(id=f"X-{kind}", time=datetime(2024, 5, 1, 10, tzinfo=CST), kind=kind, actor="merchant", summary=str(data.get("summary", "")),
                 amount=Decimal(amount) if amount else None, order_no="A1", exhibit="E01", data=dict(data))


def test_refund_is_price_minus_refunds_received() -> None:
    claims = compute(_case(), [_event("refunded", "30.00"), _event("refunded", "20.50")])
    assert claims.refund_due == Decimal("49.50") and claims.refunded == Decimal("50.50")
    assert compute(_case(), [_event("refunded", "130.00")]).refund_due == Decimal("0.00")


def test_price_from_payments_when_the_case_does_not_state_it() -> None:
    claims = compute(_case(order={"number": "A1"}), [_event("paid", "88.00")])
    assert (claims.price, claims.price_source) == (Decimal("88.00"), "events")
    assert compute(_case(order={"number": "A1"}), []).refund_due is None


ASKED = ["refund", "compensation"]  # the increase is paid 按照消费者的要求 [XQF-55]


def _broken_delivery_promise() -> list[Event]:
    """A delivery promised before the payment (it induced the sale), never kept."""
    promise = Event(id="P1", time=datetime(2024, 5, 1, 9, tzinfo=CST), kind="promise", actor="counterparty",
                    summary="", exhibit="E01", data={"text": "付款后10分钟内到账"})
    return [promise, _event("paid", "100.00"), _event("promise-broken", promise="P1")]


def test_compensation_needs_fraud_and_evidence() -> None:
    no_fraud = compute(_case(claims=ASKED), _broken_delivery_promise())
    assert not no_fraud.compensation.offered and no_fraud.compensation.why_not == "claims.no_fraud_stated"
    unsupported = compute(_case(claims=ASKED, fraud=True), [])
    assert not unsupported.compensation.offered and unsupported.compensation.why_not == "claims.fraud_unsupported"
    supported = compute(_case(claims=ASKED, fraud=True), _broken_delivery_promise())
    assert supported.compensation.offered and supported.compensation.amount == Decimal("500.00")
    assert [g.code for g in supported.compensation.grounds] == ["fake-promise"]
    assert supported.compensation.grounds[0].exhibits == ["E01"]


def test_compensation_is_three_times_the_price_at_least_500() -> None:
    resold = _event("card-invalid", summary="该卡密已被使用")
    big = compute(_case(claims=ASKED, fraud=True, order={"number": "A1", "price": "300"}), [resold])
    assert big.compensation.amount == Decimal("900.00")
    vanished = compute(_case(claims=ASKED, problem="merchant-vanished", fraud=True), [])
    assert [g.code for g in vanished.compensation.grounds] == ["merchant-vanished"]
    assert vanished.compensation.amount == Decimal("500.00")
    assert vanished.total == Decimal("600.00")


def test_interest_only_when_asked() -> None:
    assert not compute(_case(), []).interest
    assert compute(_case(claims=["refund", "interest"]), []).interest


def test_redelivery() -> None:
    claims = compute(_case(claims=["redeliver"]), [])
    assert claims.redeliver and not claims.refund
