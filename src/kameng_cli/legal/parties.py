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
- Whom a formal letter names (`respondent`) and a court sues (`defendants`): each party with its own
  address and credit code, never the merchant's name with the platform's address.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Party:
    """A party a letter names, with its own identifiers only: a name is never paired with another
    party's address or credit code."""

    name: str
    uscc: str = ""
    address: str = ""
    role: str = ""  # merchant / platform; "" when nobody is named

    def __bool__(self) -> bool:
        return bool(self.name)


def merchant_party(case: Case) -> Party:
    """The separate merchant, or an empty Party when there is none (or it is the platform itself)."""
    if not has_merchant(case):
        return Party("")
    m = case.merchant
    return Party(m.name or m.shop, m.uscc, m.address, "merchant")


def operator_party(case: Case) -> Party:
    """The platform's operator: its company (else its name) with the platform's own identifiers. A shop
    named like the platform is the platform, so what the user filled in for it describes the same
    party and completes what the platform section leaves empty."""
    p = case.platform
    name = p.company or p.name or p.site
    if not name:
        return Party("")
    uscc, address = p.uscc, p.address
    if not has_merchant(case) and case.merchant.name:
        uscc, address = uscc or case.merchant.uscc, address or case.merchant.address
    return Party(name, uscc, address, "platform")


def respondent(case: Case) -> Party:
    """Whom a formal complaint (12315, 消协, a public post) names: the merchant when named and either its
    address is known or no operator company is given; else the platform's operator company, which must
    disclose the merchant or answer for it ([XQF-44]). docs/check.md "Readiness per channel"."""
    merchant = merchant_party(case)
    if merchant.name and case.merchant.name and (merchant.address or not case.platform.company):
        return merchant
    operator = operator_party(case)
    return operator if operator.name else merchant


def defendants(case: Case) -> list[Party]:
    """Whom a court complaint sues: the merchant, with the platform's operator company as second
    defendant when the merchant's address is unknown ([XQF-44] 第一款); the operator alone when no
    separate merchant is named."""
    merchant = merchant_party(case)
    operator = operator_party(case)
    if not merchant.name or not case.merchant.name:
        return [operator] if operator.name else ([merchant] if merchant.name else [])
    if not merchant.address and case.platform.company:
        return [merchant, operator]
    return [merchant]
