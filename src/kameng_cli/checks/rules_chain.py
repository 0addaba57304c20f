"""KM1xx: the evidence chain itself — links missing, weak, out of time order, contradicted."""

from __future__ import annotations

from ..i18n import join
from ..model.finding import Finding
from ..model.slugs import PROBLEM_TYPES, label
from ..parsing.times import CST, display
from .catalog import get, rule
from .chains import CHAINS, CONVERSATION, link_label
from .context import CheckContext


@rule("KM101", "chain-link-missing", "blocker")
def chain_link_missing(ctx: CheckContext) -> list[Finding]:
    """A link of the chain has no evidence at all."""
    this = get("KM101")
    return [this.finding("check.msg.KM101", link=link.link, why=link.why, fix=link.fix, label=link_label(link.link))
            for link in ctx.chain if link.status == "missing"]


@rule("KM102", "chain-link-weak", "warning")
def chain_link_weak(ctx: CheckContext) -> list[Finding]:
    """A link rests only on weak evidence (no capture time, a manual event, the user's own word)."""
    this = get("KM102")
    return [this.finding("check.msg.KM102", link=link.link, why=link.why, fix=link.fix, exhibits=link.exhibits,
                         events=link.events, label=link_label(link.link))
            for link in ctx.chain if link.status == "weak"]




@rule("KM103", "chain-out-of-order", "warning")
def chain_out_of_order(ctx: CheckContext) -> list[Finding]:
    """Evidence for a link dated before the link it must follow (the problem before the payment...)."""
    this = get("KM103")
    after_of = dict(CHAINS[ctx.case.problem])
    findings = []
    for slug, items in ctx.out_of_order.items():
        link = next((c for c in ctx.chain if c.link == slug), None)
        if link is not None and (link.status == "proven" or link.weakness not in ("out-of-order", "missing")):
            # Talk before the anchor is normal (pre-sale questions, stalling before the demand); only
            # facts and captures dated too early are worth a finding when in-order evidence exists.
            items = [i for i in items if i.event is None or i.event.kind not in CONVERSATION]
        after = after_of.get(slug)
        # The link actually compared against: the nearest earlier one with a time.
        while after is not None and after not in ctx.anchors:
            after = after_of.get(after)
        if after is not None and after in ctx.anchors:
            # A date without a time (bank statements) says only which day: on the anchor's day or later
            # it is not earlier than the anchor.
            day = ctx.anchors[after].astimezone(CST).date()
            items = [i for i in items if not (i.event is not None and i.time is not None and "date-only" in i.event.time_flags
                                              and i.time.astimezone(CST).date() >= day)]
        if not items or after is None:
            continue
        exhibits = list(dict.fromkeys(i.exhibit.id for i in items if i.exhibit is not None))
        events = list(dict.fromkeys(i.event.id for i in items if i.event is not None))
        refs = join([*events, *[x for x in exhibits if not events]]) or "—"
        first = min(i.time for i in items if i.time is not None)
        findings.append(this.finding("check.msg.KM103", link=slug, exhibits=exhibits, events=events,
                                     label=link_label(slug), after=link_label(after), refs=refs,
                                     time=display(first), anchor=display(ctx.anchors[after])))
    return findings


@rule("KM104", "chain-contradicted", "warning")
def chain_contradicted(ctx: CheckContext) -> list[Finding]:
    """The timeline records a delivery in a case that says nothing was delivered."""
    if ctx.case.problem not in ("not-delivered", "merchant-vanished"):
        return []
    paid_at = ctx.paid_at()
    delivered = [e for e in ctx.events_of("delivered")
                 if paid_at is None or e.time is None or e.time >= paid_at]
    if not delivered:
        return []
    exhibits = list(dict.fromkeys(e.exhibit for e in delivered if e.exhibit))
    return [get("KM104").finding("check.msg.KM104", link="not-delivered", exhibits=exhibits,
                                 events=[e.id for e in delivered[:10]], count=len(delivered),
                                 refs=join(e.id for e in delivered[:5]),
                                 problem=label(PROBLEM_TYPES, ctx.case.problem))]
