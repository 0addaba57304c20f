"""The 3-year limitation period ([MFD-188]) and what interrupted it ([MFD-195]).

Certain interruptions: a demand the user sent that reached the other side — `demand` events from
chats, SMS or e-mail, and a demand letter to the merchant ([SXGD-8]) —, a police report ([SXGD-13]),
a court filing ([MFD-195] item 3). A complaint to 12315 or 消协 *may* interrupt it ([SXGD-12] names
bodies that "依法有权解决相关民事纠纷" without naming the regulator): listed, but the date shown does
not rely on it. The start is when the user knew of the harm — the same anchor `kameng check` uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .records import ProcessLog
from .rules import process_channel

if TYPE_CHECKING:
    from ..legal.calendar import Calendar, Deadline
    from ..model.case import Case
    from ..model.records import Event

YEARS = 3
APPROACHING_DAYS = 90


@dataclass
class Interruption:
    time: datetime
    what: str  # demand / submission
    ref: str  # event id or submission id
    channel: str
    article: str
    certain: bool

    def to_json(self) -> dict[str, Any]:
        return {"time": self.time.isoformat(), "what": self.what, "ref": self.ref, "channel": self.channel or None,
                "article": self.article, "certain": self.certain}


@dataclass
class Limitation:
    knew_at: datetime | None
    knew_source: str  # problem / paid / none
    start: datetime | None
    due: date | None
    interrupted_by: Interruption | None
    possible: list[Interruption] = field(default_factory=list)
    estimated: bool = False  # the last day falls in a year whose holiday schedule is unknown

    def days_left(self, today: date) -> int | None:
        return None if self.due is None else (self.due - today).days

    def state(self, today: date) -> str:
        left = self.days_left(today)
        if left is None:
            return "unknown"
        if left < 0:
            return "passed"
        return "near" if left <= APPROACHING_DAYS else "running"

    def to_json(self, today: date) -> dict[str, Any]:
        return {
            "years": YEARS,
            "knew_at": self.knew_at.isoformat() if self.knew_at else None,
            "knew_source": self.knew_source,
            "start": self.start.isoformat() if self.start else None,
            "due": self.due.isoformat() if self.due else None,
            "estimated": self.estimated,
            "days_left": self.days_left(today),
            "state": self.state(today),
            "interrupted_by": self.interrupted_by.to_json() if self.interrupted_by else None,
            "possible_interruptions": [p.to_json() for p in self.possible],
        }


def knew_at(case: Case, store_events: list[Event], exhibits: dict[str, Any]) -> tuple[datetime | None, str]:
    """When the user knew (or should have known) of the harm: `kameng check`'s problem anchor, else payment."""
    try:
        from ..checks.chains import assess_chain
        from ..checks.context import CheckContext

        ctx = CheckContext.build(case, exhibits, store_events, [], [], date.today())
        assess_chain(ctx)
        if "problem" in ctx.anchors:
            return ctx.anchors["problem"], "problem"
        paid = ctx.paid_at()
        return (paid, "paid") if paid is not None else (None, "none")
    except ImportError:  # a build without the checker
        paid_times = [e.time for e in store_events if e.kind == "paid" and e.time is not None]
        paid = min(paid_times) if paid_times else case.order.paid_at
        return (paid, "paid") if paid is not None else (None, "none")


def interruptions(events: list[Event], log: ProcessLog) -> list[Interruption]:
    found = [Interruption(e.time, "demand", e.id, "", "SXGD-8", True)
             for e in events if e.kind == "demand" and e.actor == "me" and e.time is not None]
    for submission in log.submissions:
        spec = process_channel(submission.channel)
        if spec.interrupts in ("yes", "possible"):
            found.append(Interruption(submission.at, "submission", submission.id, submission.channel,
                                      spec.interrupt_article, spec.interrupts == "yes"))
    return sorted(found, key=lambda i: i.time)


def compute_limitation(case: Case, events: list[Event], exhibits: dict[str, Any], log: ProcessLog,
                       calendar: Calendar | None = None) -> Limitation:
    knew, source = knew_at(case, events, exhibits)
    if knew is None:
        return Limitation(None, "none", None, None, None)
    found = [i for i in interruptions(events, log) if i.time > knew]
    certain = [i for i in found if i.certain]
    latest = certain[-1] if certain else None
    start = latest.time if latest is not None else knew
    possible = [i for i in found if not i.certain and i.time > start]
    line = three_year_deadline(start, calendar)
    return Limitation(knew, source, start, line.due, latest, possible, line.estimated)


def three_year_deadline(start: datetime, calendar: Calendar | None = None) -> Deadline:
    """The 3 years counted from the day after `start` ([MFD-201]–[MFD-203])."""
    from ..legal.calendar import default_calendar
    from ..parsing.times import to_cst

    first = to_cst(start).date()
    try:
        end = first.replace(year=first.year + YEARS)
    except ValueError:  # 29 February: the month's last day ([MFD-202])
        end = first.replace(year=first.year + YEARS, day=28)
    return (calendar or default_calendar()).add_days(first, (end - first).days)
