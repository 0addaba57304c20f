"""What the consumer can ask for, computed from the case and the timeline. This is the one
computation of the money claimed: `kameng check` (checks/claim.py, KM201/KM204) and `kameng draft`
state what it returns (docs/draft.md "Claims").

- paid: the payments for the order that a bill, bank statement or chat transfer records, each once
  however many exhibits show it (transactions.py) — two rows of one export are two payments, and a
  payment made twice is money to claim back; when no such record exists, case.toml `order.price`;
  failing that, the payments read from screenshots or noted by hand;
- price (价款, the base of the 第五十五条 increase): `order.price`, else what was paid, where the same
  amount paid twice for one order is a double charge, not a dearer purchase;
- refunded: every refund received for the order — refund rows, and what a payment row itself says came
  back when the refund row is not in the export (WeChat 已全额退款/已退款(￥x), the Alipay web 成功退款
  column, Alipay 支出 + 交易关闭 = refunded in full), each counted once; a refund the user only
  confirms in a chat counts when no bill or statement shows any refund;
- refund: paid minus refunded, never below zero;
- redelivery: when the user asks for it;
- 消费者权益保护法 第五十五条第一款 increased compensation (three times the price, at least ¥500) only
  when the user states fraud (case.fraud) AND the timeline supports it — merchant vanished, a card
  code that was already used (resold), or a delivery promise made before the payment (it induced the
  sale) that was never kept; the grounds are shown. A broken after-sale promise (to refund, to
  redeliver later) is a breach, not 欺诈 in the sale (law.md XQF-55 note, XQFSS-49). When compensation
  is asked for and the increase does not apply, the letter asks for 赔偿损失 under 民法典 第五百七十七条
  (MFD-577) without an amount: kameng knows of no loss it could put a figure on;
- interest on the money paid (the refund due), only when the user asks for it (claim "interest");
  kameng has no verified rate, so the letter asks for interest without computing an amount.

The 7-day no-reason return (消费者权益保护法 第二十五条) is never a claim here: a card code or top-up
is a digital good delivered online, and non-delivery or an invalid code is a performance problem
(第二十四条, 第五十二条), not a no-reason return (law.md §1 item 4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from ..parsing.amounts import format_amount
from .transactions import transactions

if TYPE_CHECKING:
    from ..model.case import Case
    from ..model.records import Event

MULTIPLIER = Decimal(3)
MINIMUM_INCREASE = Decimal("500.00")
ZERO = Decimal("0.00")
_RESOLD_WORDS = ("已被使用", "已使用", "已被兑换", "已兑换", "被使用")
# Alipay keeps a purchase refunded in full as 支出 but turns its status 交易关闭 (payment-exports.md §1.E);
# a closed order never paid is no payment at all (ingest/payments/alipay_common.py: classify).
_CLOSED = frozenset({"交易关闭", "已关闭"})
# A promise about money coming back (退款, 包赔) is an after-sale promise, whenever it was made.
_MONEY_BACK = re.compile(r"退款|退钱|退回|退还|返还|赔")


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
class RowRefund:
    """A refund a payment row states (its status, a refunded-sum column) while the refund row itself is
    not among the evidence: counted, and reported by check (KM204) so the user can export it."""

    event: str  # the paid event
    exhibit: str | None
    line: Any
    status: str
    amount: Decimal  # what this adds to the refunds found as rows
    inferred: bool  # Alipay 交易关闭: no amount printed, the whole payment came back


@dataclass
class Claims:
    price: Decimal | None  # 价款: the base of the 第五十五条 increase
    price_source: str  # case / events / none
    refunded: Decimal
    refund_events: list[str]
    refund_due: Decimal | None
    refund: bool
    redeliver: bool
    interest: bool
    compensation: Compensation
    paid: Decimal | None = None  # the money paid for the order (the price when not given)
    paid_source: str = ""  # events / case / none
    payments: list[str] = field(default_factory=list)  # the payments counted, one event per transaction
    row_refunds: list[RowRefund] = field(default_factory=list)
    damages: bool = False  # 赔偿损失 (民法典 第五百七十七条) asked for, without an amount

    def __post_init__(self) -> None:
        if self.paid is None and self.price is not None:
            self.paid, self.paid_source = self.price, self.paid_source or self.price_source
        self.paid_source = self.paid_source or self.price_source

    @property
    def repeated(self) -> bool:
        """Several payments for the one order: the same order paid twice is money to claim back."""
        return len(self.payments) > 1

    @property
    def refunded_in_full(self) -> bool:
        return self.refund_due is not None and self.refund_due <= 0 and self.refunded > 0

    @property
    def refund_asked(self) -> bool:
        """Money of the price is asked back (an amount, or 全部货款 when the amount paid is unknown)."""
        return self.refund and not self.refunded_in_full

    @property
    def concrete(self) -> bool:
        """The letter carries a concrete demand ([TSJB-10] 具体的投诉请求), not a bare 要求处理."""
        return self.refund_asked or self.redeliver or self.compensation.offered or self.damages

    @property
    def interest_base(self) -> Decimal | None:
        """Interest runs on the money paid that is still owed, never on the 第五十五条 increase."""
        return self.refund_due if self.refund_asked else self.paid

    @property
    def total(self) -> Decimal | None:
        """The money asked for (refund + increased compensation); None when the amount paid is unknown."""
        if self.paid is None:
            return None
        total = self.refund_due if self.refund and self.refund_due is not None else ZERO
        if self.compensation.offered and self.compensation.amount is not None:
            total += self.compensation.amount
        return total

    def to_json(self) -> dict[str, Any]:
        return {
            "price": format_amount(self.price),
            "price_source": self.price_source,
            "paid": format_amount(self.paid),
            "paid_source": self.paid_source,
            "payments": self.payments,
            "refunded": format_amount(self.refunded),
            "refund_events": self.refund_events,
            "row_refunds": [{"event": r.event, "exhibit": r.exhibit, "line": r.line, "status": r.status,
                             "amount": format_amount(r.amount), "inferred": r.inferred} for r in self.row_refunds],
            "refund_due": format_amount(self.refund_due),
            "refund": self.refund,
            "redeliver": self.redeliver,
            "interest": self.interest,
            "damages": self.damages,
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


def _recorded(event: Event) -> bool:
    """A bill's or bank statement's row, or a transfer in a chat log: not a screenshot's reading (a digit
    may be misread), nor a note the user typed, nor the user's words in a chat (退款收到了)."""
    return not event.manual and not event.data.get("ocr") and event.data.get("category") != "confirmed"


def amount_of(event: Event) -> Decimal | None:
    """The event's amount; a chat confirmation keeps the sum it names in data.amount (38元退款收到了)."""
    if event.amount is not None:
        return abs(event.amount)
    value = event.data.get("amount")
    if value in (None, ""):
        return None
    try:
        return abs(Decimal(str(value)))
    except InvalidOperation:
        return None


def _order_events(case: Case, events: list[Event], kind: str) -> list[Event]:
    return [e for e in events if e.kind == kind and amount_of(e) is not None and _matches_order(e, case.order.number)]


def payments(case: Case, events: list[Event]) -> tuple[list[list[Event]], str]:
    """The payments for the order, one group of copies per transaction, and where the sum comes from:
    recorded payments ("events"), else case.toml ("case"), else screenshots and notes ("events")."""
    mine = _order_events(case, events, "paid")
    recorded = transactions([e for e in mine if _recorded(e)], "paid")
    if recorded:
        return recorded, "events"
    if case.order.price is not None:
        return [], "case"
    shown = transactions(mine, "paid")
    return shown, "events" if shown else "none"


def price_paid(case: Case, events: list[Event]) -> tuple[Decimal | None, str]:
    """价款: case.toml's price, else what was paid (an amount paid twice for one order counts once)."""
    if case.order.price is not None:
        return case.order.price, "case"
    groups, _ = payments(case, events)
    amounts = [amount_of(group[0]) or ZERO for group in groups]
    if not amounts:
        return None, "none"
    if len(set(amounts)) == 1:
        return amounts[0], "events"
    return sum(amounts, ZERO), "events"


def _row_refund(event: Event) -> tuple[Decimal, bool] | None:
    """What a payment row says came back: (amount, inferred from the status alone)."""
    stated = event.data.get("refunded_amount")
    if stated:
        try:
            return abs(Decimal(str(stated))), False
        except InvalidOperation:
            return None
    if (event.data.get("status") in _CLOSED and event.source.startswith("alipay")
            and event.amount is not None and not event.data.get("ocr")):
        return abs(event.amount), True
    return None


def _links(refund: Event, payment: Event) -> bool:
    """The refund row was linked by the parser to this payment row (same export line, or its trade no)."""
    line = refund.data.get("paid_line")
    if line is not None and refund.exhibit == payment.exhibit and line == payment.data.get("line"):
        return True
    of = refund.data.get("refund_of")
    return bool(of) and of in (payment.data.get("trade_no"), payment.data.get("merchant_order_no"))


@dataclass
class _Refunds:
    events: list[Event]
    rows: list[RowRefund]
    total: Decimal


def refunds(case: Case, events: list[Event]) -> list[Event]:
    """The refund events counted for this order, each transaction once (see `received`)."""
    return received(case, events).events


def received(case: Case, events: list[Event], paid_groups: list[list[Event]] | None = None) -> _Refunds:
    """The refunds received for this order, each once however many exhibits show it. A payment row
    that says it was refunded counts for what its refund rows do not already show. A refund the user
    confirmed in a chat (退款150收到了) counts only when no bill or statement shows one: the same
    money said in words and in a bill row hours apart must not be subtracted twice."""
    if paid_groups is None:
        paid_groups = transactions(_order_events(case, events, "paid"), "paid")
    found = _order_events(case, events, "refunded")
    recorded = transactions([e for e in found if e.data.get("category") != "confirmed"], "refunded")
    rows: list[RowRefund] = []
    linked: set[int] = set()
    for group in paid_groups:
        stated = [(e, *said) for e in group if (said := _row_refund(e)) is not None]
        if not stated:
            continue
        event, amount, inferred = max(stated, key=lambda item: item[1])
        mine = [i for i, refund in enumerate(recorded) if any(_links(r, p) for r in refund for p in group)]
        linked.update(mine)
        shown = sum((amount_of(recorded[i][0]) or ZERO for i in mine), ZERO)
        if amount > shown:
            rows.append(RowRefund(event.id, event.exhibit, event.data.get("line"), str(event.data.get("status") or ""),
                                  amount - shown, inferred))
    counted = [group[0] for group in recorded]
    if not counted and not rows:
        counted = [group[0] for group in transactions(found, "refunded")]
    total = sum((amount_of(e) or ZERO for e in counted), ZERO) + sum((r.amount for r in rows), ZERO)
    return _Refunds(counted, rows, total)


def _first_payment(case: Case, events: list[Event]) -> datetime | None:
    times = [e.time for e in _order_events(case, events, "paid") if e.time is not None]
    return min(times) if times else case.order.paid_at


def _pre_sale_delivery_promise(broken: Event, promises: dict[str, Event], paid_at: datetime | None) -> bool:
    """A promise of delivery made before the payment (it induced the sale) and never kept."""
    promise = promises.get(str(broken.data.get("promise") or ""))
    if promise is None or promise.time is None or paid_at is None or broken.data.get("settled_late"):
        return False
    words = f"{promise.data.get('text') or ''} {' '.join(promise.data.get('commitments') or [])}"
    return promise.time <= paid_at and not _MONEY_BACK.search(words)


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
    promises = {e.id: e for e in events if e.kind == "promise"}
    paid_at = _first_payment(case, events)
    broken = [e for e in events if e.kind == "promise-broken" and _pre_sale_delivery_promise(e, promises, paid_at)]
    if broken:
        cited = [str(e.data["promise"]) for e in broken]
        grounds.append(FraudGround(
            "fake-promise", "商家在付款前承诺的交付期限届满后始终未交付",
            [*cited, *(e.id for e in broken)],
            sorted({x for e in broken for x in (e.exhibit, promises[str(e.data['promise'])].exhibit) if x})))
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
    groups, paid_source = payments(case, events)
    if groups:
        paid: Decimal | None = sum((amount_of(group[0]) or ZERO for group in groups), ZERO)
    else:
        paid = case.order.price if paid_source == "case" else None
    price, price_source = price_paid(case, events)
    found = received(case, events, groups)
    due = max(paid - found.total, ZERO) if paid is not None else None
    wanted = set(case.claims) or {"refund"}
    offered = compensation(case, events, price)
    return Claims(
        price=price,
        price_source=price_source,
        refunded=found.total,
        refund_events=[e.id for e in found.events],
        refund_due=due,
        refund="refund" in wanted,
        redeliver="redeliver" in wanted,
        interest="interest" in wanted,
        # The increase is paid "按照消费者的要求" [XQF-55]: only when the user asks for it.
        compensation=offered if "compensation" in wanted else Compensation(False, grounds=offered.grounds),
        paid=paid,
        paid_source=paid_source,
        payments=[group[0].id for group in groups],
        row_refunds=found.rows,
        damages="compensation" in wanted and not offered.offered,
    )
