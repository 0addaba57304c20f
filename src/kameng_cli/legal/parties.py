"""Who the parties are: is there a merchant apart from the platform, or is the platform the seller?

One decision shared by `kameng check` (who to complain to first) and `kameng draft` (whom the letter
addresses, which facts it still needs, which articles it cites), so the two never disagree.

- A platform is named when case.toml has its name, company or site.
- A merchant is named when case.toml has its name or shop — unless the name is the platform's own
  (a 卡盟 site whose "shop" is the site itself).
- The platform is the seller when a platform is named and no separate merchant is: a self-run site or
  a self-operated business bears the seller's liability ([DSF-37], [WXJF-4]; channels.md §2). Problems
  that are the platform's own duty (account security, personal data, what it lets be sold) and a
  vanished merchant (the platform must name it, [XQF-44]) are not about who sold, so they never make
  the platform the seller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.case import Case

# Problems that are the platform's own duty: account security, personal data, what it lets be sold.
PLATFORM_DUTY = frozenset({"account-stolen", "privacy-leak", "illegal-goods"})


def _same(a: str, b: str) -> bool:
    return bool(a and b) and (a in b or b in a)


def has_platform(case: Case) -> bool:
    return bool(case.platform.name or case.platform.company or case.platform.site)


def has_merchant(case: Case) -> bool:
    """A merchant other than the platform is named (a shop named like the platform is the platform)."""
    return bool(case.merchant.name or case.merchant.shop) and not (
        _same(case.merchant.name, case.platform.name) or _same(case.merchant.name, case.platform.company)
    )


def platform_involved(case: Case) -> bool:
    """A merchant bought from on a third-party platform: the platform's liability for the merchants it
    hosts applies ([DSF-38], [XQF-44])."""
    return has_platform(case) and has_merchant(case)


def platform_sells(case: Case) -> bool:
    """No separate merchant: the platform itself is the seller ([DSF-37])."""
    if case.problem in PLATFORM_DUTY or case.problem == "merchant-vanished":
        return False
    return has_platform(case) and not has_merchant(case)
