"""Which rows of an export belong to the case: exact order-number match first, then scoring by
counterparty, amount and time against case.toml. Rows stream through `Matcher.feed`; only candidates,
refunds and the three nearest rows are kept, so a 100,000-row export costs little memory."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from ...i18n import join, t
from ...parsing.amounts import format_yuan
from .records import INCOME, PAYMENT, REFUND, UNPAID, PaymentRecord

if TYPE_CHECKING:
    from ...model.case import Case

# A scored row is plausible when its weighted score reaches this and its amount agrees with the case.
PLAUSIBLE = 0.7
WEIGHTS = {"name": 0.3, "amount": 0.4, "time": 0.3}
NEAREST = 3


@dataclass
class Match:
    record: PaymentRecord
    rule: str  # merchant-order-no / trade-no / score
    reason: str
    confidence: float
    score: float = 1.0

    def to_json(self) -> dict[str, object]:
        return {"reason": self.reason, "confidence": round(self.confidence, 3), "rule": self.rule}


def normalise_id(value: str) -> str:
    return value.strip().upper()


def normalise_name(value: str) -> str:
    return "".join(value.split()).lower()


@dataclass
class CaseKeys:
    """What case.toml says about the payment, prepared once."""

    order_no: str = ""
    names: list[str] = field(default_factory=list)
    price: Decimal | None = None
    face_value: Decimal | None = None
    paid_at: datetime | None = None

    @classmethod
    def of(cls, case: Case | None) -> CaseKeys:
        if case is None:
            return cls()
        names = [normalise_name(n) for n in (case.merchant.name, case.platform.name, case.merchant.shop)
                 if n and len(normalise_name(n)) >= 2 and "/" not in n]
        return cls(order_no=normalise_id(case.order.number), names=names, price=case.order.price,
                   face_value=case.order.face_value, paid_at=case.order.paid_at)

    @cached_property
    def fold_names(self) -> bool:
        return any(any(ch.isascii() and ch.isalpha() for ch in name) for name in self.names)

    @cached_property
    def amounts(self) -> frozenset[Decimal]:
        """Amounts a row must have to be plausible at all (price, or face value)."""
        return frozenset(a for a in (self.price, self.face_value) if a is not None)

    @cached_property
    def amount_texts(self) -> frozenset[str]:
        """The same amounts as export cells print them (`100.00`, `100`), for the fast path."""
        texts = set()
        for value in self.amounts:
            texts.update({f"{value:.2f}", f"{value:.1f}", f"{value.normalize():f}"})
        return frozenset(texts)

    @property
    def usable(self) -> bool:
        return bool(self.order_no) or (self.price is not None and bool(self.names or self.paid_at))

    def describe(self) -> str:
        parts = []
        if self.order_no:
            parts.append(t("payments.case.order_no", value=self.order_no))
        if self.price is not None:
            parts.append(t("payments.case.price", value=format_yuan(self.price)))
        if self.paid_at is not None:
            parts.append(t("payments.case.paid_at", value=self.paid_at.strftime("%Y-%m-%d %H:%M")))
        return join(parts) if parts else "—"


# ---- one function per rule -------------------------------------------------------------------------
def exact_order_rule(record: PaymentRecord, keys: CaseKeys) -> Match | None:
    """The 卡盟 order number equals the row's merchant order number (or the payment's own trade number)."""
    if not keys.order_no:
        return None
    order_no = record.merchant_order_no
    if order_no and len(order_no) >= len(keys.order_no) and normalise_id(order_no) == keys.order_no:
        return Match(record, "merchant-order-no", t("payments.reason.merchant_order_no"), 0.99)
    if record.trade_no and len(record.trade_no) >= len(keys.order_no) and normalise_id(record.trade_no) == keys.order_no:
        return Match(record, "trade-no", t("payments.reason.trade_no"), 0.98)
    return None


# Each criterion returns (value 0..1, reason key, reason params), or None when the case says nothing
# about it. Reasons are translated only for the rows that are kept (speed on 100,000-row exports).
Criterion = tuple[float, str, dict[str, object]] | None


def name_score(record: PaymentRecord, keys: CaseKeys) -> Criterion:
    if not keys.names:
        return None
    counterparty = record.counterparty
    haystack = f"{counterparty} {record.goods} {record.note}"
    if keys.fold_names:  # names with Latin letters or spaces are compared case- and space-insensitively
        counterparty, haystack = normalise_name(counterparty), normalise_name(haystack)
    for name in keys.names:
        if name in haystack or (len(counterparty) >= 2 and counterparty in name):
            return 1.0, "payments.reason.name", {"name": name}
    return 0.0, "", {}


def amount_score(record: PaymentRecord, keys: CaseKeys) -> Criterion:
    if keys.price is None and keys.face_value is None:
        return None
    if keys.price is not None and record.amount == keys.price:
        return 1.0, "payments.reason.amount", {}
    if keys.face_value is not None and record.amount == keys.face_value:
        return 0.6, "payments.reason.face_value", {}
    return 0.0, "", {}


def time_score(record: PaymentRecord, keys: CaseKeys) -> Criterion:
    if keys.paid_at is None:
        return None
    if record.time is None:
        return 0.0, "", {}
    minutes = abs((record.time - keys.paid_at).total_seconds()) / 60
    if "date-only" in record.time_flags:
        if record.time.date() == keys.paid_at.astimezone(record.time.tzinfo).date():
            return 0.7, "payments.reason.same_day", {}
        if minutes <= 3 * 1440:
            return 0.3, "payments.reason.days", {"days": round(minutes / 1440)}
        return 0.0, "", {}
    if minutes <= 5:
        return 1.0, "payments.reason.minutes", {"minutes": round(minutes)}
    if minutes <= 60:
        return 0.8, "payments.reason.minutes", {"minutes": round(minutes)}
    if minutes <= 24 * 60:
        return 0.5, "payments.reason.hours", {"hours": round(minutes / 60)}
    if minutes <= 72 * 60:
        return 0.2, "payments.reason.days", {"days": round(minutes / 1440, 1)}
    return 0.0, "", {}


CRITERIA = (("name", name_score), ("amount", amount_score), ("time", time_score))


def _weigh(record: PaymentRecord, keys: CaseKeys) -> tuple[float, list[tuple[str, dict[str, object]]]]:
    """Counterparty + amount + time window, each weighted; absent case facts are left out."""
    total = weight = 0.0
    reasons: list[tuple[str, dict[str, object]]] = []
    vetoed = False
    for criterion, rule in CRITERIA:
        result = rule(record, keys)
        if result is None:
            if criterion == "amount":
                vetoed = True
            continue
        value, key, params = result
        total += WEIGHTS[criterion] * value
        weight += WEIGHTS[criterion]
        if value > 0 and key:
            reasons.append((key, params))
        # A different amount, or a time days away from the stated one, is never the same payment.
        if criterion in ("amount", "time") and value == 0:
            vetoed = True
    score = total / weight if weight else 0.0
    return (min(score, PLAUSIBLE - 0.01) if vetoed else score), reasons


def scored_rule(record: PaymentRecord, keys: CaseKeys) -> Match:
    score, reasons = _weigh(record, keys)
    reason = join(t(key, **params) for key, params in reasons) or t("payments.reason.none")
    return Match(record, "score", reason, round(0.9 * score, 3), score)


# ---- the streaming collector -----------------------------------------------------------------------
@dataclass
class Decision:
    matches: list[Match] = field(default_factory=list)
    plausible: list[Match] = field(default_factory=list)  # several candidates, none taken
    nearest: list[Match] = field(default_factory=list)  # no match: the closest rows
    # Closed unpaid rows with the case's order number, when no paid row carries it (a closed first attempt
    # followed by a paid retry is not an unpaid order, spec 1.E).
    unpaid: list[PaymentRecord] = field(default_factory=list)
    asked: bool = False


class Matcher:
    def __init__(self, case: Case | None, track_nearest: bool = True) -> None:
        self.keys = CaseKeys.of(case)
        self.track_nearest = track_nearest
        self.exact: list[Match] = []
        self.plausible: list[Match] = []
        self.unpaid: list[PaymentRecord] = []
        self.refunds: list[PaymentRecord] = []
        self.incomes: list[PaymentRecord] = []  # bank credits from the merchant: refunds without a status
        self._nearest: list[tuple[float, int, PaymentRecord]] = []
        self._counter = itertools.count()

    def feed(self, record: PaymentRecord) -> None:
        kind = record.kind
        if kind == REFUND:
            self.refunds.append(record)
            return
        if not self.keys.usable:
            return
        if kind == INCOME:
            named = name_score(record, self.keys)
            if named and named[0] > 0:
                self.incomes.append(record)
            return
        if kind == UNPAID:
            if exact_order_rule(record, self.keys):
                self.unpaid.append(record)
            return
        if kind != PAYMENT:
            return
        exact = exact_order_rule(record, self.keys)
        if exact:
            self.exact.append(exact)
            return
        score, _ = _weigh(record, self.keys)
        if score >= PLAUSIBLE:
            self.plausible.append(scored_rule(record, self.keys))
        if not self.track_nearest:
            return
        if len(self._nearest) < NEAREST:
            heapq.heappush(self._nearest, (score, -next(self._counter), record))
        elif score > self._nearest[0][0]:
            heapq.heapreplace(self._nearest, (score, -next(self._counter), record))

    def decide(self, ask: Callable[[str, list[str]], str] | None = None,
               remembered: Callable[[], set[int]] | None = None) -> Decision:
        """`remembered()` gives the lines the user chose earlier for this file (rebuild, match)."""
        decision = Decision(unpaid=[] if self.exact else self.unpaid)
        if self.exact:
            decision.matches = self.exact
            return decision
        if len(self.plausible) == 1:
            decision.matches = self.plausible
            return decision
        if len(self.plausible) > 1:
            ranked = sorted(self.plausible, key=lambda m: -m.score)
            earlier = remembered() if remembered is not None else set()
            kept = [m for m in ranked if m.record.line in earlier]
            if kept:
                for match in kept:
                    match.rule, match.reason = "chosen", t("payments.reason.chosen", reason=match.reason)
                    match.confidence = max(match.confidence, 0.9)
                decision.matches = kept
                return decision
            if ask is not None:
                decision.asked = True
                choices = [describe_payment(m.record) for m in ranked]
                none = t("payments.ask.none")
                answer = ask(t("payments.ask.which", count=len(ranked), case=self.keys.describe()), [*choices, none])
                if answer in choices:
                    chosen = ranked[choices.index(answer)]
                    chosen.rule, chosen.reason = "chosen", t("payments.reason.chosen", reason=chosen.reason)
                    chosen.confidence = max(chosen.confidence, 0.9)
                    decision.matches = [chosen]
                    return decision
            decision.plausible = ranked
            return decision
        ranked_nearest = sorted(self._nearest, key=lambda e: (-e[0], -e[1]))
        decision.nearest = [*self._carrying_order(), *(scored_rule(record, self.keys) for _, _, record in ranked_nearest)]
        del decision.nearest[NEAREST:]
        return decision

    def _carrying_order(self) -> list[Match]:
        """Rows that carry the case's order number without being its payment (a closed attempt, a refund
        whose payment lies outside the export): the nearest rows of all, named first when nothing matched."""
        found = []
        for record in sorted((*self.unpaid, *self.refunds), key=lambda r: r.line):
            exact = exact_order_rule(record, self.keys)
            if exact is not None:
                exact.confidence = 0.0  # near, but not the case's payment
                found.append(exact)
        return found


def shown_time(record: PaymentRecord) -> str:
    """A row's time as the messages print it: the date alone when the export gives no time (bank rows),
    never a made-up 00:00."""
    if record.time is None:
        return "—"
    return record.time.strftime("%Y-%m-%d" if "date-only" in record.time_flags else "%Y-%m-%d %H:%M")


def describe_payment(record: PaymentRecord) -> str:
    """A row as the match messages list it; a closed attempt or a refund is not described as a payment."""
    when = shown_time(record)
    key = {UNPAID: "payments.describe.unpaid", REFUND: "payments.describe.refund"}.get(record.kind, "payments.describe.paid")
    return t(key, time=when, counterparty=record.counterparty or "—", amount=format_yuan(record.amount),
             line=record.line)
