"""The money claim a court filing needs: the price paid minus refunds, plus the 第五十五条 increase
when the case states fraud ([XQF-55]: three times the price, at least ¥500)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..parsing.amounts import format_amount
from .context import CheckContext

PUNITIVE_FACTOR = Decimal("3")
PUNITIVE_MINIMUM = Decimal("500.00")


@dataclass
class Claim:
    paid: Decimal | None
    refunded: Decimal
    refund: Decimal | None  # what is still owed of the price
    compensation: Decimal | None  # the 第五十五条 increase, only with fraud stated

    @property
    def total(self) -> Decimal | None:
        parts = [p for p in (self.refund, self.compensation) if p is not None]
        return sum(parts, Decimal("0")) if parts else None

    def to_json(self) -> dict[str, str | None]:
        return {"paid": format_amount(self.paid), "refunded": format_amount(self.refunded),
                "refund": format_amount(self.refund), "compensation": format_amount(self.compensation),
                "total": format_amount(self.total)}


def compute_claim(ctx: CheckContext) -> Claim:
    paid = ctx.paid_total()
    refunded = ctx.refunded_total()
    claims = ctx.case.claims
    refund = None
    if paid is not None and ("refund" in claims or not claims):
        refund = max(paid - refunded, Decimal("0")).quantize(Decimal("0.01"))
    compensation = None
    if "compensation" in claims and ctx.case.fraud and paid is not None:
        compensation = max(paid * PUNITIVE_FACTOR, PUNITIVE_MINIMUM).quantize(Decimal("0.01"))
    return Claim(paid=paid, refunded=refunded, refund=refund, compensation=compensation)
