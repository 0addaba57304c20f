"""The evidence chain ("时间-事件-结果") each problem type needs, and how each link is proven.

A link is `proven` by at least one strong piece of evidence in the right time order, `weak` when only
weak evidence supports it (a screenshot without a trustworthy capture time, a manual event, the user's
own statement, a low-confidence match, or evidence dated before what it must follow), `missing` when
nothing does. One function per link collects its candidate evidence; `assess_chain` orders and grades.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from ..i18n import catalog, join, t
from ..legal.parties import has_platform
from ..model.finding import ChainLink
from ..model.records import Event, Exhibit
from ..parsing.times import CST, display
from .context import (
    OPEN_OUTCOMES,
    ORDER_TOLERANCE,
    CheckContext,
    Item,
    is_image,
    is_payment_export,
    norm_order_no,
)

# Each problem type's links in order, each with the link whose first evidence it must not precede.
CHAINS: dict[str, list[tuple[str, str | None]]] = {
    "not-delivered": [("ordered", None), ("paid", "ordered"), ("not-delivered", "paid"),
                      ("contacted", "paid"), ("unresolved", "contacted")],
    "card-invalid": [("ordered", None), ("paid", "ordered"), ("card-delivered", "paid"),
                     ("delivery-failed", "card-delivered"), ("contacted", "card-delivered"),
                     ("unresolved", "contacted")],
    "not-as-described": [("promised", None), ("paid", None), ("received-differs", "paid"),
                         ("contacted", "paid"), ("unresolved", "contacted")],
    "delayed": [("promised", None), ("paid", None), ("delivered-late", "paid"), ("contacted", "paid")],
    "merchant-vanished": [("paid", None), ("not-delivered", "paid"), ("unreachable", "paid"),
                          ("reported-to-platform", "paid")],
    "after-sales-refused": [("paid", None), ("problem-shown", "paid"), ("demanded", "paid"),
                            ("refused", "demanded")],
    "account-stolen": [("unauthorized-charges", None), ("reported-to-platform", "unauthorized-charges"),
                       ("platform-refused", "reported-to-platform")],
    "privacy-leak": [("incident-shown", None), ("reported-to-platform", "incident-shown")],
    "illegal-goods": [("incident-shown", None), ("reported-to-platform", "incident-shown")],
}

# The link whose first evidence marks when the user knew of the harm (limitation periods start there).
PROBLEM_LINK: dict[str, str] = {
    "not-delivered": "not-delivered", "card-invalid": "delivery-failed", "not-as-described": "received-differs",
    "delayed": "delivered-late", "merchant-vanished": "not-delivered", "after-sales-refused": "problem-shown",
    "account-stolen": "unauthorized-charges", "privacy-leak": "incident-shown", "illegal-goods": "incident-shown",
}

# Which weakness explains a weak link best: the first one present in this order.
_WEAKNESS_ORDER = ("out-of-order", "edited", "low-confidence", "roles-guessed", "uncertain-reading", "time-unknown",
                   "no-capture-time", "stated-time", "content-unread", "export-no-match", "no-deadline", "manual-only",
                   "statement-only")

# Links only material proves: the user's word (case.toml) or a bill without the payment is no proof
# that money went to them, and proof of payment is always there to get (check.md: platform and 12315
# need evidence of the payment).
_NEEDS_MATERIAL = frozenset({"paid"})

# Links that show the dispute still open: a delivery or a full refund after the last sign closes them.
_OPEN_LINKS = frozenset({"unresolved", "refused", "platform-refused"})

# Conversation events happen throughout a dispute, before and after any anchor.
CONVERSATION = frozenset({"message", "promise", "promise-broken", "deflection", "admission", "demand", "refused",
                          "silence", "contacted", "reply"})

# Where a chain link lists its evidence, at most this many events (a chat can hold thousands of messages).
MAX_EVENTS = 10

# Status words on card errors (issue 7's OCR words and chat text): the card itself was bad.
_CARD_STATUS = re.compile(r"卡密|已被使用|已使用|无效|错误|已兑换|已充值过")
# System lines of QQ/WeChat/shop chats when the other side blocked or deleted the user, or closed the shop.
_BLOCKED = re.compile(r"拒收|拉黑|黑名单|不是(?:对方|他|她)的?好友|已被删除|开启了好友验证|已注销|店铺已关闭|店铺不存在|已关店")

Prover = Callable[[CheckContext], list[Item]]
PROVERS: dict[str, Prover] = {}


def prover(slug: str) -> Callable[[Prover], Prover]:
    def register(func: Prover) -> Prover:
        PROVERS[slug] = func
        return func

    return register


def _statement(ctx: CheckContext, when: datetime | None = None) -> list[Item]:
    """The user's own account (case.toml) as weak support."""
    return [Item(weakness="statement-only", time=when)]


def _exhibits(ctx: CheckContext, kinds: tuple[str, ...]) -> list[Item]:
    """Exhibits of the right kind, graded by how trustworthy their capture time is."""
    return [ctx.exhibit_item(exhibit) for exhibit in ctx.exhibits_of(*kinds)]


def _unparsed(ctx: CheckContext, exhibit: Exhibit) -> Item:
    if is_image(exhibit):
        return ctx.exhibit_item(exhibit)
    return ctx.exhibit_item(exhibit, ctx.exhibit_weakness(exhibit) or "content-unread")


@prover("ordered")
def prove_ordered(ctx: CheckContext) -> list[Item]:
    items = [ctx.event_item(e) for e in ctx.events_of("ordered")]
    items += _exhibits(ctx, ("order",))
    wanted = norm_order_no(ctx.case.order.number)
    if wanted:
        # A payment row carrying the order number proves the order existed.
        items += [ctx.event_item(e) for e in ctx.payments() if norm_order_no(e.order_no) == wanted]
        items += _statement(ctx)
    return items


@prover("paid")
def prove_paid(ctx: CheckContext) -> list[Item]:
    items = [ctx.event_item(e) for e in ctx.payments()]
    paid_on = {e.exhibit for e in ctx.payments()}
    for exhibit in ctx.exhibits_of("payment", "bank"):
        if is_payment_export(exhibit):
            if exhibit.id not in paid_on:
                items.append(ctx.exhibit_item(exhibit, "export-no-match"))
        elif exhibit.id not in paid_on:
            # A screenshot no payment was read from (no OCR, or no amount or time on it): kameng
            # cannot say it shows this payment.
            items.append(ctx.exhibit_item(exhibit, ctx.exhibit_weakness(exhibit) or "content-unread"))
    if ctx.case.order.paid_at is not None or ctx.case.order.price is not None:
        items += _statement(ctx, ctx.case.order.paid_at)
    return items


def _problem_events(ctx: CheckContext, card: bool) -> list[Item]:
    """Failure events; for a card problem only those about the card itself (已被使用, 卡密无效)."""
    items = []
    for event in ctx.events_of("delivery-failed"):
        status = str(event.data.get("status") or event.summary)
        if not card or _CARD_STATUS.search(status):
            items.append(ctx.event_item(event))
    if card:
        items += [ctx.event_item(e) for e in ctx.events_of("card-invalid")]
    items += [ctx.event_item(e) for e in ctx.events_of("admission") if e.actor != "me"]
    return items


@prover("not-delivered")
def prove_not_delivered(ctx: CheckContext) -> list[Item]:
    items = _problem_events(ctx, card=False)
    # A promise that lapsed with no delivery or refund before it (issue 4's analyzer checks the timeline).
    items += [ctx.event_item(e) for e in ctx.events_of("promise-broken")]
    items += _exhibits(ctx, ("delivery-failure",))
    # An order page may show 处理中, but unless something was read from it kameng cannot tell.
    failed_on = {e.exhibit for e in ctx.events_of("delivery-failed")}
    items += [ctx.exhibit_item(x, ctx.exhibit_weakness(x) or "content-unread") for x in ctx.exhibits_of("order")
              if x.id not in failed_on]
    if ctx.case.statement:
        items += _statement(ctx)
    return items


@prover("card-delivered")
def prove_card_delivered(ctx: CheckContext) -> list[Item]:
    items = [ctx.event_item(e) for e in ctx.events_of("delivered")]
    items += _exhibits(ctx, ("received",))
    if ctx.case.statement:
        items += _statement(ctx)
    return items


@prover("delivery-failed")
def prove_delivery_failed(ctx: CheckContext) -> list[Item]:
    items = _problem_events(ctx, card=True)
    items += _exhibits(ctx, ("delivery-failure",))
    if ctx.case.statement:
        items += _statement(ctx)
    return items


@prover("promised")
def prove_promised(ctx: CheckContext) -> list[Item]:
    items = [ctx.event_item(e) for e in ctx.events_of("promise") if e.actor != "me"]
    items += _exhibits(ctx, ("product", "agreement"))
    if ctx.case.order.face_value is not None or ctx.case.order.goods:
        items += _statement(ctx)
    return items


@prover("received-differs")
def prove_received_differs(ctx: CheckContext) -> list[Item]:
    face = ctx.case.order.face_value
    items = [ctx.event_item(e) for e in ctx.events_of("delivered")
             if face is not None and e.amount is not None and e.amount != face]
    items += [ctx.event_item(e) for e in ctx.events_of("admission") if e.actor != "me"]
    items += _exhibits(ctx, ("received",))
    if ctx.case.statement:
        items += _statement(ctx)
    return items


def _due(event: Event) -> datetime | None:
    value = event.data.get("due")
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


@prover("delivered-late")
def prove_delivered_late(ctx: CheckContext) -> list[Item]:
    dues = [d for d in (_due(e) for e in ctx.events_of("promise") if e.actor != "me") if d is not None]
    due = min(dues) if dues else None
    items = []
    for event in ctx.events_of("delivered"):
        if event.time is None:
            items.append(ctx.event_item(event, "time-unknown"))
        elif due is None:
            items.append(ctx.event_item(event, "no-deadline"))
        elif event.time > due:
            items.append(ctx.event_item(event))
    # A broken promise followed by a delivery is a late delivery.
    if ctx.last_resolution is not None:
        items += [ctx.event_item(e) for e in ctx.events_of("promise-broken")
                  if e.time is not None and e.time < ctx.last_resolution]
    items += [ctx.exhibit_item(x, ctx.exhibit_weakness(x) or "no-deadline") for x in ctx.exhibits_of("received")]
    if ctx.case.statement:
        items += _statement(ctx)
    return items


@prover("contacted")
def prove_contacted(ctx: CheckContext) -> list[Item]:
    items = [ctx.event_item(e) for e in ctx.events_of("message") if e.actor == "me"]
    items += [ctx.event_item(e) for e in ctx.events_of("contacted", "demand")]
    items += [ctx.event_item(e) for e in ctx.submissions() if e.data.get("channel") in ("merchant", "platform")]
    # A chat exhibit no message was parsed from: a screenshot counts by its capture time, a text
    # nobody could read (a pasted chat in a layout the chat parsers do not know) is weak.
    items += [_unparsed(ctx, x) for x in ctx.exhibits_of("chat") if not ctx.events_by_exhibit.get(x.id)]
    return items


def resolved_at(ctx: CheckContext) -> datetime | None:
    """When the dispute was last settled, as far as the timeline shows: the goods delivered (a late
    delivery ends a non-delivery) or the money paid back in full. A partial refund settles nothing."""
    times = [e.time for e in ctx.events_of("delivered") if e.time is not None]
    paid = ctx.paid_total()
    if paid is not None and paid > 0 and ctx.refunded_total() >= paid:
        times += [e.time for e in ctx.refunds() if e.time is not None]
    return max(times) if times else None


def _after_resolution(ctx: CheckContext, events: list[Event]) -> list[Event]:
    """What still shows the dispute open: events after the last settlement (a refusal the merchant
    later made good by delivering or refunding in full proves nothing left unresolved)."""
    settled = resolved_at(ctx)
    return [e for e in events if settled is None or e.time is None or e.time > settled]


def _open_replies(ctx: CheckContext, actor: str | None = None) -> list[Event]:
    return [e for e in ctx.events_of("reply") if str(e.data.get("outcome", "")) in OPEN_OUTCOMES
            and (actor is None or e.actor == actor)]


def _open_deflections(ctx: CheckContext) -> list[Event]:
    """Deflections no delivery or refund followed."""
    last = ctx.last_resolution
    return [e for e in ctx.events_of("deflection")
            if last is None or (e.time is not None and e.time > last)]


@prover("unresolved")
def prove_unresolved(ctx: CheckContext) -> list[Item]:
    events = [*ctx.events_of("promise-broken", "silence", "refused"), *_open_deflections(ctx), *_open_replies(ctx)]
    return [ctx.event_item(e) for e in _after_resolution(ctx, events)]


@prover("unreachable")
def prove_unreachable(ctx: CheckContext) -> list[Item]:
    # Days of unanswered messages (商家失联); a reply that came late is slowness, not vanishing.
    items = [ctx.event_item(e) for e in ctx.events_of("silence") if e.data.get("reason") != "no-reply"]
    items += [ctx.event_item(e) for e in ctx.events_of("message")
              if e.actor == "system" and _BLOCKED.search(str(e.data.get("text") or e.summary))]
    items += [_unparsed(ctx, x) for x in ctx.exhibits_of("merchant-info") if not ctx.events_by_exhibit.get(x.id)]
    return items


@prover("reported-to-platform")
def prove_reported_to_platform(ctx: CheckContext) -> list[Item]:
    items = [ctx.event_item(e) for e in ctx.submissions() if e.data.get("channel") == "platform"]
    items += [ctx.event_item(e) for e in ctx.events_of("contacted", "reply") if e.actor == "platform"]
    items += _exhibits(ctx, ("complaint",))
    return items


@prover("problem-shown")
def prove_problem_shown(ctx: CheckContext) -> list[Item]:
    items = [ctx.event_item(e) for e in ctx.events_of("delivery-failed", "card-invalid")]
    items += [ctx.event_item(e) for e in ctx.events_of("admission") if e.actor != "me"]
    items += _exhibits(ctx, ("delivery-failure", "received"))
    if ctx.case.statement:
        items += _statement(ctx)
    return items


@prover("demanded")
def prove_demanded(ctx: CheckContext) -> list[Item]:
    return [ctx.event_item(e) for e in ctx.events_of("demand")]


@prover("refused")
def prove_refused(ctx: CheckContext) -> list[Item]:
    events = [*ctx.events_of("refused"), *_open_deflections(ctx), *_open_replies(ctx)]
    return [ctx.event_item(e) for e in _after_resolution(ctx, events)]


@prover("unauthorized-charges")
def prove_unauthorized_charges(ctx: CheckContext) -> list[Item]:
    """The charges are payments from the user's account; the stated price is not evidence of them,
    the user's account of the theft (case.toml statement) is weak evidence."""
    items = [i for i in prove_paid(ctx) if not i.statement]
    if ctx.case.statement:
        items += _statement(ctx)
    return items


@prover("platform-refused")
def prove_platform_refused(ctx: CheckContext) -> list[Item]:
    events = [*ctx.events_of("refused", "silence"), *_open_deflections(ctx), *_open_replies(ctx)]
    return [ctx.event_item(e) for e in _after_resolution(ctx, events)]


@prover("incident-shown")
def prove_incident_shown(ctx: CheckContext) -> list[Item]:
    items = [ctx.exhibit_item(x) for x in ctx.exhibits.values() if x.kind not in ("complaint", "chat", "agreement")]
    items += [ctx.event_item(e) for e in ctx.events_of("note", "admission") if e.actor != "me" or e.manual]
    if ctx.case.statement:
        items += _statement(ctx)
    return items


# ---- assessment ---------------------------------------------------------------------------------

def _earliest(items: list[Item]) -> datetime | None:
    times = [i.time for i in items if i.time is not None]
    return min(times) if times else None


def _texts(slug: str, problem: str) -> tuple[str, str]:
    """The link's own why (missing) and fix (what to capture), problem-specific when there is one."""
    fix_key = f"check.link.{slug}.fix.{problem}"
    fix = t(fix_key) if fix_key in catalog() else t(f"check.link.{slug}.fix")
    return t(f"check.link.{slug}.why"), fix


def _refs(items: list[Item]) -> tuple[list[str], list[str]]:
    exhibits: dict[str, None] = {}
    events: dict[str, None] = {}
    for item in items:
        if item.exhibit is not None:
            exhibits[item.exhibit.id] = None
        if item.event is not None and len(events) < MAX_EVENTS:
            events[item.event.id] = None
    return list(exhibits), list(events)


def _fix_params(items: list[Item], code: str, exhibits: list[str]) -> dict[str, str]:
    """What a weakness's fix names: the exhibit that has the weakness (else the link's first), and for
    a chat whose speakers were guessed, whom kameng took for the user."""
    culprit = next((i.exhibit for i in items if i.weakness == code and i.exhibit is not None), None)
    exhibit = culprit.id if culprit is not None else (exhibits[0] if exhibits else "E01")
    me = ""
    if culprit is not None and code == "roles-guessed":
        me = join(str(name) for name in culprit.facts.get("me") or []) or "—"
    return {"exhibit": exhibit, "me": me}


def weakness_of(items: list[Item]) -> str:
    present = {i.weakness for i in items if i.weakness}
    return next((w for w in _WEAKNESS_ORDER if w in present), "manual-only")


def link_label(slug: str) -> str:
    return t(f"check.link.{slug}")


def _anchor(ctx: CheckContext, after: str | None) -> datetime | None:
    """The time a link must not precede: that of the link it follows, or — when nothing dates that
    link — of the link before it, and so on (a card's failure still comes after the payment)."""
    follows = dict(CHAINS[ctx.case.problem])
    seen: set[str] = set()
    while after is not None and after not in seen:
        if after in ctx.anchors:
            return ctx.anchors[after]
        seen.add(after)
        after = follows.get(after)
    return None


def assess_link(ctx: CheckContext, slug: str, after: str | None) -> ChainLink:
    items = PROVERS[slug](ctx)
    anchor = _anchor(ctx, after)
    if anchor is not None:
        limit = anchor - ORDER_TOLERANCE
        day = anchor.astimezone(CST).date()
        # A date without a time (bank statements) says only which day: on the anchor's day it is not
        # earlier than the anchor (rules_chain.py's KM103 judges it the same way).
        in_order = [i for i in items if i.time is None or i.time >= limit
                    or (i.event is not None and "date-only" in i.event.time_flags and i.time.astimezone(CST).date() >= day)]
        # Chat before the payment is pre-sale talk: no evidence for a link after it, and nothing to
        # report either (check.md). Talk after the payment but before its anchor (a refusal before
        # the formal demand) is still evidence, only out of order.
        paid_at = ctx.anchors.get("paid")
        presale = paid_at - ORDER_TOLERANCE if paid_at is not None else None
        kept = set(map(id, in_order))
        # A bill without this payment is no evidence for it, so not evidence out of order either (KM210 says why).
        late = [i for i in items if i.time is not None and id(i) not in kept and not i.statement
                and i.weakness != "export-no-match"
                and not (presale is not None and i.time < presale and i.event is not None and i.event.kind in CONVERSATION)]
    else:
        in_order, late = items, []
    ctx.out_of_order[slug] = late
    if slug in _NEEDS_MATERIAL and not any(i.weakness not in ("statement-only", "export-no-match") for i in [*in_order, *late]):
        in_order, late = [i for i in in_order if i.statement], []  # the stated time still anchors what follows
        material = False
    else:
        material = True
    strong = [i for i in in_order if i.strong]
    # The next link is anchored on when this one happened: an event's time or the user's stated time.
    # A screenshot's capture time only bounds it from above (the page was shown by then), so it
    # cannot anchor what follows — it can only be found too early itself.
    dated = [i for i in in_order if i.dated]
    earliest = _earliest([i for i in dated if i.strong]) or _earliest(dated)
    if earliest is not None:
        ctx.anchors[slug] = earliest
    why_missing, fix = _texts(slug, ctx.case.problem)
    settled = resolved_at(ctx) if slug in _OPEN_LINKS and not items else None
    if settled is not None:  # nothing shows it open because it was settled, not because nothing was kept
        why_missing, fix = t("check.link.settled.why", time=display(settled)), t("check.link.settled.fix")
    if not material:
        return ChainLink(link=slug, status="missing", why=why_missing, fix=fix, weakness="missing")
    if strong:
        exhibits, events = _refs(strong)
        return ChainLink(link=slug, status="proven", exhibits=exhibits, events=events)
    if in_order or late:
        weak = in_order if in_order else late
        code = weakness_of(weak) if in_order else "out-of-order"
        exhibits, events = _refs(weak)
        why = t(f"check.weak.{code}", link=link_label(slug))
        extra_key = f"check.weak.{code}.fix"
        extra = t(extra_key, **_fix_params(weak, code, exhibits)) if extra_key in catalog() else ""
        return ChainLink(link=slug, status="weak", exhibits=exhibits, events=events, why=why,
                         fix=f"{fix}{extra}", weakness=code)
    return ChainLink(link=slug, status="missing", why=why_missing, fix=fix, weakness="missing")


def assess_chain(ctx: CheckContext) -> list[ChainLink]:
    links = []
    problem_link = PROBLEM_LINK.get(ctx.case.problem)
    for slug, after in CHAINS[ctx.case.problem]:
        if slug == "reported-to-platform" and ctx.case.problem != "account-stolen" and not has_platform(ctx.case):
            continue  # a shop found outside any platform (QQ, a private site): there is nobody to report to
        link = assess_link(ctx, slug, after)
        links.append(link)
        if slug == problem_link and slug in ctx.anchors:
            ctx.anchors["problem"] = ctx.anchors[slug]
    ctx.chain = links
    return links
