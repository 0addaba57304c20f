"""The money claim as `kameng check` states it: the figures of legal/claims.py (the one computation
`kameng draft` uses too — docs/draft.md "Claims"), in the shape of the court's readiness details, and
what a channel lacks when the request is not concrete."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..i18n import t
from ..parsing.amounts import format_amount, format_yuan
from .context import CheckContext


@dataclass
class Claim:
    paid: Decimal | None
    refunded: Decimal
    refund: Decimal | None  # what is still owed of the money paid, when a refund is asked for
    compensation: Decimal | None  # the 第五十五条 increase, only with fraud stated, supported and asked for
    damages: bool = False  # 赔偿损失 asked for without an amount (the increase does not apply)

    @property
    def total(self) -> Decimal | None:
        parts = [p for p in (self.refund, self.compensation) if p is not None]
        return sum(parts, Decimal("0")) if parts else None

    def to_json(self) -> dict[str, str | None]:
        return {"paid": format_amount(self.paid), "refunded": format_amount(self.refunded),
                "refund": format_amount(self.refund), "compensation": format_amount(self.compensation),
                "total": format_amount(self.total)}


def compute_claim(ctx: CheckContext) -> Claim:
    claims = ctx.claims()
    refund = claims.refund_due if claims.refund and claims.refund_due is not None else None
    compensation = claims.compensation.amount if claims.compensation.offered else None
    return Claim(paid=claims.paid, refunded=claims.refunded, refund=refund, compensation=compensation,
                 damages=claims.damages)


def _missing(key: str, **params: object) -> str:
    return t(f"check.ready.{key}", **params)


def request_gaps(ctx: CheckContext) -> list[str]:
    """A complaint needs a concrete request ([TSJB-10]): what the letters would ask for."""
    if not ctx.case.claims:
        return [_missing("claims")]
    claims = ctx.claims()
    if claims.concrete:
        return []
    if claims.refund and claims.refunded_in_full:
        return [_missing("nothing_left", refunded=format_yuan(claims.refunded))]
    return [_missing("claims")]


def claim_gaps(ctx: CheckContext) -> list[str]:
    """A court filing needs a claim with amounts ([MSSS-124] 诉讼请求): the money paid must be known for a
    refund or the 第五十五条 increase, and damages need a figure kameng cannot compute."""
    gaps = request_gaps(ctx)
    if gaps:
        return gaps
    claims = ctx.claims()
    if claims.paid is None and (claims.refund_asked or "compensation" in ctx.case.claims):
        gaps.append(_missing("claim_amount"))
    if claims.damages and claims.compensation.why_not != "claims.price_unknown":
        reason = t(claims.compensation.why_not) if claims.compensation.why_not else ""
        gaps.append(_missing("compensation_basis", reason=reason))
    return gaps
