"""Who to complain to first: the merchant, the platform, or both at once (channels.md §1, §2, §8).

The domain rule: a merchant's own failure (no delivery, a bad card, stalling) goes to the merchant and,
when the shop sits on a third-party platform, through that platform's rules against the merchant at
the same time; a failure of the platform itself (its system, its account security, its supervision of
the merchants it hosts, or a platform that is itself the seller) goes to the platform directly."""

from __future__ import annotations

from typing import Any

from ..i18n import t
from .context import CheckContext

# Problems that are the platform's own duty: account security, personal data, what it lets be sold.
PLATFORM_DUTY = frozenset({"account-stolen", "privacy-leak", "illegal-goods"})


def _same(a: str, b: str) -> bool:
    return bool(a and b) and (a in b or b in a)


def first_target(ctx: CheckContext) -> dict[str, Any]:
    case = ctx.case
    problem = case.problem
    has_platform = bool(case.platform.name or case.platform.company or case.platform.site)
    # A shop named like the platform (or no shop at all) means the platform sells itself.
    has_merchant = bool(case.merchant.name or case.merchant.shop) and not (
        _same(case.merchant.name, case.platform.name) or _same(case.merchant.name, case.platform.company)
    )
    if problem in PLATFORM_DUTY:
        return {"target": "platform", "reason": t(f"check.target.duty.{problem}")}
    if problem == "merchant-vanished":
        if has_platform:
            return {"target": "platform", "reason": t("check.target.vanished")}
        return {"target": "merchant", "reason": t("check.target.vanished_no_platform")}
    if has_platform and not has_merchant:
        return {"target": "platform", "reason": t("check.target.platform_sells")}
    if has_platform:
        return {"target": "both", "reason": t("check.target.merchant_fault")}
    return {"target": "merchant", "reason": t("check.target.merchant_only")}
