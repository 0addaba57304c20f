"""Is the case ready for each channel? One spec per channel: the requirements it checks, each
answering with the sentences that say what is missing (channels.md §2, §3, §6, §7).

- platform: where the order was placed, the order number, proof of payment and of the problem.
- 12315 ([TSJB-10]): the complainant's real name, phone and address; the respondent's name and
  address; a concrete request; facts showing the dispute; and none of [TSJB-16]'s refusals.
- court ([MSSS-122]–[MSSS-124]): plaintiff and defendant identity, a computed claim, every link of
  the chain, and the limitation period.
- police (§7): signs of fraud — paid and unreachable, a card resold, a private transfer, illicit goods,
  or the user's own statement that it is fraud —
  plus the payment record and the other side's account or contact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n import join, t
from ..legal.parties import has_platform, respondent
from ..model.finding import CheckReport, Finding, Readiness
from ..model.slugs import ORDER_PROBLEMS
from ..parsing.times import display
from .chains import _BLOCKED, _CARD_STATUS, CHAINS, PROBLEM_LINK, link_label
from .claim import claim_gaps, compute_claim, request_gaps
from .context import CheckContext
from .rules_evidence import _PERSON

if TYPE_CHECKING:
    from ..model.case import Case

Requirement = Callable[[CheckContext, list[Finding]], list[str]]


def _missing(key: str, **params: object) -> str:
    return t(f"check.ready.{key}", **params)


def _first_link(ctx: CheckContext) -> str:
    return CHAINS[ctx.case.problem][0][0]


def needs_order(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    if ctx.case.problem not in ORDER_PROBLEMS:
        return []
    return [] if ctx.case.order.number else [_missing("order_number")]


def needs_platform(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    return [] if ctx.platform_names else [_missing("platform_name")]


def link_possible(case: Case, link: str) -> bool:
    """A link the case can have at all: with no platform there is nobody to report to."""
    return link != "reported-to-platform" or has_platform(case)


def _links_present(ctx: CheckContext, slugs: list[str]) -> list[str]:
    out = []
    for link in ctx.chain:
        if link.link in slugs and link.status == "missing" and link_possible(ctx.case, link.link):
            out.append(_missing("link", label=link_label(link.link)))
    return out


def needs_core_evidence(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    """Proof of the transaction (or incident) and of the problem itself."""
    problem_link = PROBLEM_LINK[ctx.case.problem]
    first = "paid" if any(slug == "paid" for slug, _ in CHAINS[ctx.case.problem]) else _first_link(ctx)
    return _links_present(ctx, list(dict.fromkeys([first, problem_link])))


def needs_whole_chain(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    return _links_present(ctx, [link.link for link in ctx.chain])


def needs_complainant(*fields: str) -> Requirement:
    def requirement(ctx: CheckContext, findings: list[Finding]) -> list[str]:
        person = ctx.case.complainant
        absent = [t(f"check.field.complainant.{f}") for f in fields if not getattr(person, f)]
        return [_missing("complainant", fields=join(absent))] if absent else []

    return requirement


def needs_respondent(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    """Who a formal complaint names (legal.parties.respondent, the decision the letters print)."""
    party = respondent(ctx.case)
    out = []
    if not party.name:
        out.append(_missing("respondent_name"))
    if not party.address:
        out.append(_missing("respondent_address", name=party.name or "—"))
    return out


def needs_respondent_identity(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    """A court needs to know exactly who is sued: a legal name (a company's full name), an address and
    that party's own credit code — another party's code identifies nobody."""
    out = needs_respondent(ctx, findings)
    party = respondent(ctx.case)
    if party.name and not party.uscc:
        out.append(_missing("respondent_uscc", name=party.name))
    return out


def needs_request(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    return request_gaps(ctx)


def _blocked_by(*rule_ids: str, severities: tuple[str, ...] = ("blocker",)) -> Requirement:
    """Findings that make the channel refuse the case (a 3-year line passed, another body has it)."""
    def requirement(ctx: CheckContext, findings: list[Finding]) -> list[str]:
        return [_missing("blocked", rule=f.rule, message=f.message)
                for f in findings if f.rule in rule_ids and f.severity in severities]

    return requirement


def needs_claim(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    return claim_gaps(ctx)


# ---- police: signs of fraud ---------------------------------------------------------------------

def fraud_signs(ctx: CheckContext) -> list[str]:
    """Slugs of the fraud signs found: paid-unreachable, card-resold, private-transfer (the evidence),
    illegal-goods (the problem reported) and fake-shop (the user's own fraud = true, labelled as their
    statement)."""
    signs = []
    paid = next((link for link in ctx.chain if link.link in ("paid", "unauthorized-charges")), None)
    has_paid = (paid is not None and paid.status != "missing") or bool(ctx.payments())
    # Unreachable is a fraud sign when the merchant vanished (blocked, deleted, shop closed); days of
    # silence from a merchant who otherwise answers is stalling, a civil matter.
    unreachable = next((link for link in ctx.chain if link.link == "unreachable"), None)
    blocked = any(e.actor == "system" and _BLOCKED.search(str(e.data.get("text") or e.summary))
                  for e in ctx.events_of("message"))
    if has_paid and ((unreachable is not None and unreachable.status != "missing") or blocked):
        signs.append("paid-unreachable")
    resold = [e for e in ctx.events_of("delivery-failed", "card-invalid")
              if "已被使用" in str(e.data.get("status") or e.summary) or "已使用" in str(e.data.get("status") or "")]
    if resold or (ctx.case.problem == "card-invalid" and any(
            _CARD_STATUS.search(str(e.data.get("text") or "")) for e in ctx.events_of("admission"))):
        signs.append("card-resold")
    # The user's own fraud = true is their statement, not something the evidence shows: said as such
    # (docs/process.md), never labelled a fake shop.
    if ctx.case.fraud:
        signs.append("fake-shop")
    if ctx.case.problem == "illegal-goods":
        signs.append("illegal-goods")
    if any(_PERSON.match(str(e.data.get("counterparty") or "").strip()) for e in ctx.payments()):
        signs.append("private-transfer")
    return signs


def needs_fraud_signs(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    return [] if fraud_signs(ctx) else [_missing("no_fraud_signs")]


def needs_payment_record(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    paid = next((link for link in ctx.chain if link.link in ("paid", "unauthorized-charges")), None)
    if paid is not None and paid.status == "missing":
        return [_missing("link", label=link_label(paid.link))]
    if paid is None and not ctx.payments():
        return [_missing("payment_record")]
    return []


def needs_other_side(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    case = ctx.case
    known = case.merchant.contact or case.merchant.shop or any(e.data.get("counterparty") for e in ctx.payments())
    return [] if known or ctx.case.problem in ("account-stolen", "privacy-leak") else [_missing("other_side")]


def needs_open_dispute(ctx: CheckContext, findings: list[Finding]) -> list[str]:
    """A dispute the timeline shows settled (delivered, or paid back in full, with nothing open after
    it) is nothing to complain about: the body closes it on that."""
    from .chains import _OPEN_LINKS, resolved_at

    settled = resolved_at(ctx)
    if settled is None:
        return []
    links = [link for link in ctx.chain if link.link in _OPEN_LINKS]
    if links and all(link.status == "missing" for link in links):
        return [_missing("settled", time=display(settled))]
    return []


@dataclass(frozen=True)
class ChannelSpec:
    slug: str
    requirements: tuple[Requirement, ...]


CHANNELS: tuple[ChannelSpec, ...] = (
    ChannelSpec("platform", (needs_platform, needs_order, needs_core_evidence, needs_open_dispute)),
    ChannelSpec("12315", (needs_complainant("name", "phone", "address"), needs_respondent, needs_request,
                          needs_order, needs_core_evidence, needs_open_dispute, _blocked_by("KM301"),
                          # Already with 消协/a court: 12315 refuses it even before anything is filed there.
                          _blocked_by("KM303", severities=("blocker", "warning")))),
    ChannelSpec("court", (needs_complainant("name", "id_number", "phone", "address"), needs_respondent_identity,
                          needs_claim, needs_whole_chain, _blocked_by("KM302"))),
    ChannelSpec("police", (needs_fraud_signs, needs_payment_record, needs_other_side,
                           needs_complainant("name", "phone"))),
)


def assess_readiness(ctx: CheckContext, findings: list[Finding]) -> dict[str, Readiness]:
    ready: dict[str, Readiness] = {}
    for spec in CHANNELS:
        missing = [sentence for requirement in spec.requirements for sentence in requirement(ctx, findings)]
        details: dict[str, object] = {}
        if spec.slug == "court":
            details["claim"] = compute_claim(ctx).to_json()
        if spec.slug == "police":
            details["signs"] = fraud_signs(ctx)
        ready[spec.slug] = Readiness(ready=not missing, missing=missing, details=details)
    return ready


# Blockers that concern some channels only: 12315's three-year line and a dispute already with 消协 or
# a court ([TSJB-16]) stop a 12315 complaint, the limitation period ([MFD-188]) a lawsuit. Every other
# blocker (a missing link, an amount the bill contradicts, a changed exhibit) weakens every letter.
CHANNEL_BLOCKERS: dict[str, frozenset[str]] = {
    "KM301": frozenset({"12315"}),
    "KM302": frozenset({"court"}),
    "KM303": frozenset({"12315"}),
}


def concerns(finding: Finding, channel: str, case: Case) -> bool:
    """Does this finding stop a letter to `channel`? A missing link the case cannot have (no platform to
    report to) stops none."""
    if finding.rule == "KM101" and finding.link and not link_possible(case, finding.link):
        return False
    channels = CHANNEL_BLOCKERS.get(finding.rule)
    return channels is None or channel in channels


def blockers_for(report: CheckReport, channel: str, case: Case) -> list[Finding]:
    """The blockers that stop drafting for `channel` (`kameng draft`); the others concern other channels."""
    return [finding for finding in report.blockers if concerns(finding, channel, case)]
