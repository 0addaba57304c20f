"""KM3xx: time limits and channels — the 3-year lines of 12315 and of the limitation period, the
12315-vs-消协 exclusivity and 多头投诉. Submissions are `submitted` events with data.channel
(issue 8's `kameng submit`); channel slugs as in docs/check.md."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ..i18n import join, t
from ..model.finding import Finding
from ..model.records import Event
from ..parsing.times import display
from .catalog import get, rule
from .context import CheckContext

# Warn this many days before a 3-year line.
APPROACHING_DAYS = 90
# Complaints to more channels than this within a week read as 多头投诉.
BURST_WINDOW = timedelta(days=7)
BURST_CHANNELS = 3

# Bodies whose handling of a dispute makes 12315 refuse it ([TSJB-16] item 2).
EXCLUSIVE_BODIES = ("consumer-association", "court", "arbitration", "12315")

_ALIASES = {
    "消协": "consumer-association", "消保委": "consumer-association", "消费者协会": "consumer-association",
    "xiaoxie": "consumer-association", "cca": "consumer-association",
    "市场监管": "12315", "12345": "12345", "黑猫": "heimao", "黑猫投诉": "heimao", "blackcat": "heimao",
    "法院": "court", "起诉": "court", "仲裁": "arbitration", "公安": "police", "报警": "police", "110": "police",
    "商家": "merchant", "平台": "platform",
}


def channel_of(event: Event) -> str:
    raw = str(event.data.get("channel") or "").strip()
    return _ALIASES.get(raw, raw.lower())


def channel_label(slug: str) -> str:
    return t(f"check.channel.{slug}") if slug in _LABELLED else slug


_LABELLED = frozenset({"merchant", "platform", "12315", "consumer-association", "heimao", "court", "police",
                       "arbitration", "12345"})


def add_years(start: date, years: int) -> date:
    """The corresponding day `years` later; without one (29 February), the month's last day ([MFD-202])."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def three_year_line(start: datetime) -> date:
    """The last day of a 3-year period that starts the day after `start` ([MFD-201][MFD-202][MFD-203])."""
    from ..legal.calendar import default_calendar

    first = start.date()
    return default_calendar().add_days(first, (add_years(first, 3) - first).days).due


def _line_findings(rule_id: str, start: datetime, today: date, link: str | None, **params: object) -> list[Finding]:
    this = get(rule_id)
    due = three_year_line(start)
    left = (due - today).days
    common = {"start": start.date().isoformat(), "due": due.isoformat(), **params}
    if left < 0:  # advice for before the line would be of no use now
        return [this.finding(f"check.msg.{rule_id}.passed", link=link, days=-left, fix=t(f"check.fix.{rule_id}.passed"),
                             **common)]
    if left == 0:
        return [this.finding(f"check.msg.{rule_id}.today", severity="warning", link=link, **common)]
    if left <= APPROACHING_DAYS:
        return [this.finding(f"check.msg.{rule_id}.near", severity="warning", link=link, days=left, **common)]
    return []


@rule("KM301", "older-than-three-years-12315", "blocker")
def older_than_three_years_12315(ctx: CheckContext) -> list[Finding]:
    """12315 refuses a complaint more than 3 years after the user knew of the harm ([TSJB-16] item 4)."""
    knew = ctx.knew_at()
    if knew is None:
        return []
    return _line_findings("KM301", knew, ctx.today, None)


@rule("KM302", "limitation-period", "blocker")
def limitation_period(ctx: CheckContext) -> list[Finding]:
    """The 3-year limitation period ([MFD-188]), restarted by the latest demand or report ([MFD-195])."""
    knew = ctx.knew_at()
    if knew is None:
        return []
    # A demand sent by chat/SMS/email that reached the other side interrupts it ([SXGD-8]); so does a
    # police report ([SXGD-13]) or a request to a body that resolves disputes ([SXGD-12], "may").
    interruptions = [e for e in ctx.events_of("demand") if e.time is not None and e.actor == "me"]
    interruptions += [e for e in ctx.submissions() if e.time is not None and channel_of(e) != "heimao"]
    latest = max(interruptions, key=lambda e: e.time) if interruptions else None  # type: ignore[arg-type,return-value]
    start = knew
    since = t("check.limitation.since_knew")
    if latest is not None and latest.time is not None and latest.time > knew:
        start = latest.time
        said_then = str(latest.data.get("text") or "").strip()
        what = f"「{said_then[:30]}{'…' if len(said_then) > 30 else ''}」" if said_then else channel_label(channel_of(latest))
        since = t("check.limitation.since_event", event=f"{display(latest.time)} {what}")
    return _line_findings("KM302", start, ctx.today, None, since=since)


@rule("KM303", "exclusive-bodies", "blocker")
def exclusive_bodies(ctx: CheckContext) -> list[Finding]:
    """The same dispute with 消协 (or a court, an arbitration body) and with 12315: 12315 rejects it."""
    this = get("KM303")
    first: dict[str, Event] = {}
    for event in ctx.submissions():
        first.setdefault(channel_of(event), event)
    # Threats in the chat ("我要投诉到12315") mean the user is about to go there.
    threatened = any("12315" in (e.data.get("channels") or [e.data.get("channel")])
                     for e in ctx.events_of("demand") if e.data.get("threat"))
    others = [c for c in EXCLUSIVE_BODIES if c != "12315" and c in first]
    if not others:
        return []
    refs = [first[c].id for c in others]
    exhibits = [first[c].exhibit for c in others if first[c].exhibit]
    bodies = join(channel_label(c) for c in others)
    if "12315" in first:
        at_12315 = first["12315"].time
        if at_12315 is not None and all(first[c].time is not None and at_12315 < first[c].time for c in others):
            # 12315 had it first: [TSJB-16](二) concerns a dispute others already handle, not this one;
            # the later filing is the one in the way.
            return [this.finding("check.msg.KM303.12315_first", severity="warning", exhibits=exhibits,
                                 events=[first["12315"].id, *refs], bodies=bodies, date=display(at_12315)[:10],
                                 fix=t("check.fix.KM303.12315_first", bodies=bodies))]
        return [this.finding("check.msg.KM303.both", exhibits=exhibits, events=[*refs, first["12315"].id], bodies=bodies)]
    severity = "warning"
    key = "check.msg.KM303.threat" if threatened else "check.msg.KM303"
    return [this.finding(key, severity=severity, exhibits=exhibits, events=refs, bodies=bodies)]


@rule("KM304", "many-channels", "warning")
def many_channels(ctx: CheckContext) -> list[Finding]:
    """The dispute filed on many channels at once (多头投诉): formal bodies twice, or three channels in a week."""
    first: dict[str, Event] = {}
    for event in ctx.submissions():
        channel = channel_of(event)
        if channel in ("merchant", "") or event.time is None:
            continue
        if channel not in first or event.time < first[channel].time:  # type: ignore[operator]
            first[channel] = event
    if len(first) < 2:
        return []
    ordered = sorted(first.items(), key=lambda item: item[1].time)  # type: ignore[arg-type,return-value]
    formal = [c for c, _ in ordered if c in EXCLUSIVE_BODIES]
    burst = 0
    for index in range(len(ordered)):
        end = index
        while end + 1 < len(ordered) and ordered[end + 1][1].time - ordered[index][1].time <= BURST_WINDOW:  # type: ignore[operator]
            end += 1
        burst = max(burst, end - index + 1)
    # 12315 together with 消协/court is KM303's blocker; here only other formal pairs or a burst.
    formal_pair = len([c for c in formal if c != "12315"]) >= 2
    if not formal_pair and burst < BURST_CHANNELS:
        return []
    channels = join(channel_label(c) for c, _ in ordered)
    events = [e.id for _, e in ordered]
    exhibits = [e.exhibit for _, e in ordered if e.exhibit]
    return [get("KM304").finding("check.msg.KM304", exhibits=exhibits, events=events, channels=channels,
                                 count=len(ordered))]
