"""What the consumer can ask for, computed from the case and the timeline.

- refund: the price paid minus every refund already received (`refunded` events);
- redelivery: when the user asks for it;
- 消费者权益保护法 第五十五条第一款 increased compensation (three times the price, at least ¥500) only
  when the user states fraud (case.fraud) AND the timeline supports it — merchant vanished, a card
  code that was already used (resold), or a promise that was broken; the grounds are shown;
- interest on the money, only when the user asks for it (claim "interest"); kameng has no verified
  rate, so the letter asks for interest without computing an amount.

The 7-day no-reason return (消费者权益保护法 第二十五条) is never a claim here: a card code or top-up
is a digital good delivered online, and non-delivery or an invalid code is a performance problem
(第二十四条, 第五十二条), not a no-reason return (law.md §1 item 4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..parsing.amounts import format_amount
from .transactions import distinct

if TYPE_CHECKING:
    from ..model.case import Case
    from ..model.records import Event

MULTIPLIER = Decimal(3)
MINIMUM_INCREASE = Decimal("500.00")
_RESOLD_WORDS = ("已被使用", "已使用", "已被兑换", "已兑换", "被使用")


@dataclass
class FraudGround:
    code: str  # merchant-vanished / card-resold / fake-promise
    reason: str  # a sentence, in Chinese (letters are written in Chinese)
    events: list[str] = field(default_factory=list)
    exhibits: list[str] = field(default_factory=list)


@dataclass
class Compensation:
    offered: bool
    amount: Decimal | None = None
    grounds: list[FraudGround] = field(default_factory=list)
    why_not: str = ""  # catalog key when not offered


@dataclass
class Claims:
    price: Decimal | None
    price_source: str  # case / events / none
    refunded: Decimal
    refund_events: list[str]
    refund_due: Decimal | None
    refund: bool
    redeliver: bool
    interest: bool
    compensation: Compensation

    @property
    def total(self) -> Decimal | None:
        """The money asked for (refund + increased compensation); None when the price is unknown."""
        if self.price is None:
            return None
        total = self.refund_due if self.refund and self.refund_due is not None else Decimal("0.00")
        if self.compensation.offered and self.compensation.amount is not None:
            total += self.compensation.amount
        return total

    def to_json(self) -> dict[str, Any]:
        return {
            "price": format_amount(self.price),
            "price_source": self.price_source,
            "refunded": format_amount(self.refunded),
            "refund_events": self.refund_events,
            "refund_due": format_amount(self.refund_due),
            "refund": self.refund,
            "redeliver": self.redeliver,
            "interest": self.interest,
            "compensation": {
                "offered": self.compensation.offered,
                "amount": format_amount(self.compensation.amount),
                "grounds": [{"code": g.code, "reason": g.reason, "events": g.events, "exhibits": g.exhibits}
                            for g in self.compensation.grounds],
                "why_not": self.compensation.why_not,
            },
            "total": format_amount(self.total),
        }


def _matches_order(event: Event, order_no: str) -> bool:
    return not order_no or not event.order_no or event.order_no == order_no


def price_paid(case: Case, events: list[Event]) -> tuple[Decimal | None, str]:
    if case.order.price is not None:
        return case.order.price, "case"
    mine = [e for e in events if e.kind == "paid" and e.amount is not None and _matches_order(e, case.order.number)]
    paid = [e.amount for e in distinct(mine, "paid")]  # a payment in the bill and the bank statement: once
    if paid:
        return sum(paid, Decimal("0.00")), "events"
    return None, "none"


def refunds(case: Case, events: list[Event]) -> list[Event]:
    """The refunds received for this order, each once however many exhibits show it. A refund the
    user confirmed in a chat (退款150收到了) counts only when no bill or statement shows one: the same
    money said in words and in a bill row hours apart must not be subtracted twice."""
    found = [e for e in events if e.kind == "refunded" and e.amount is not None and _matches_order(e, case.order.number)]
    recorded = [e for e in found if e.data.get("category") != "confirmed"]  # bills, statements, chat transfers
    return distinct(recorded or found, "refunded")


def fraud_grounds(case: Case, events: list[Event]) -> list[FraudGround]:
    """Evidence in the timeline that supports the user's statement of fraud."""
    grounds: list[FraudGround] = []
    silences = [e for e in events if e.kind == "silence"]
    if case.problem == "merchant-vanished" or silences:
        grounds.append(FraudGround(
            "merchant-vanished", "商家收款后失联、不再回复",
            [e.id for e in silences], sorted({e.exhibit for e in silences if e.exhibit})))
    resold = [e for e in events if e.kind in ("card-invalid", "delivery-failed")
              and any(w in f"{e.summary} {e.data.get('status', '')}" for w in _RESOLD_WORDS)]
    if resold:
        grounds.append(FraudGround(
            "card-resold", "交付的卡密提示“已被使用”，即出售了已使用的卡密",
            [e.id for e in resold], sorted({e.exhibit for e in resold if e.exhibit})))
    broken = [e for e in events if e.kind == "promise-broken"]
    if broken:
        grounds.append(FraudGround(
            "fake-promise", "商家承诺的发货/退款期限届满后仍未履行",
            [e.id for e in broken], sorted({e.exhibit for e in broken if e.exhibit})))
    return grounds


def compensation(case: Case, events: list[Event], price: Decimal | None) -> Compensation:
    if not case.fraud:
        return Compensation(False, why_not="claims.no_fraud_stated")
    grounds = fraud_grounds(case, events)
    if not grounds:
        return Compensation(False, why_not="claims.fraud_unsupported")
    if price is None:
        return Compensation(False, grounds=grounds, why_not="claims.price_unknown")
    return Compensation(True, max(price * MULTIPLIER, MINIMUM_INCREASE).quantize(Decimal("0.01")), grounds)


def compute(case: Case, events: list[Event]) -> Claims:
    price, source = price_paid(case, events)
    refund_rows = refunds(case, events)
    refunded = sum((e.amount for e in refund_rows if e.amount is not None), Decimal("0.00"))
    due = max(price - refunded, Decimal("0.00")) if price is not None else None
    wanted = set(case.claims) or {"refund"}
    return Claims(
        price=price,
        price_source=source,
        refunded=refunded,
        refund_events=[e.id for e in refund_rows],
        refund_due=due,
        refund="refund" in wanted,
        redeliver="redeliver" in wanted,
        interest="interest" in wanted,
        compensation=compensation(case, events, price),
    )
