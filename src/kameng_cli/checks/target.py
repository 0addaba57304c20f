"""Who to complain to first: the merchant, the platform, or both at once (channels.md §1, §2, §8).

The domain rule: a merchant's own failure (no delivery, a bad card, stalling) goes to the merchant and,
when the shop sits on a third-party platform, through that platform's rules against the merchant at
the same time; a failure of the platform itself (its system, its account security, its supervision of
the merchants it hosts, or a platform that is itself the seller) goes to the platform directly."""

from __future__ import annotations

from typing import Any

from ..i18n import t
from ..legal.parties import PLATFORM_DUTY, has_platform, platform_sells
from .context import CheckContext

__all__ = ["PLATFORM_DUTY", "first_target"]


def first_target(ctx: CheckContext) -> dict[str, Any]:
    case = ctx.case
    problem = case.problem
    if problem in PLATFORM_DUTY:
        return {"target": "platform", "reason": t(f"check.target.duty.{problem}")}
    if problem == "merchant-vanished":
        if has_platform(case):
            return {"target": "platform", "reason": t("check.target.vanished")}
        return {"target": "merchant", "reason": t("check.target.vanished_no_platform")}
    # A shop named like the platform (or no shop at all) means the platform sells itself; the draft
    # addresses its letters by the same decision (legal.parties).
    if platform_sells(case):
        return {"target": "platform", "reason": t("check.target.platform_sells")}
    if has_platform(case):
        return {"target": "both", "reason": t("check.target.merchant_fault")}
    return {"target": "merchant", "reason": t("check.target.merchant_only")}
