"""A submission's active deadline, computed through the one calendar (kameng_cli.legal.calendar).

Which clock runs: after an `accepted` reply the channel's second clock (12315: 60 days of mediation
from acceptance [TSJB-23]; court: 2 months of small-claims trial from filing [MSSS-168]); before it the
first one (12315: 7 working days for the acceptance decision [TSJB-15]; court: 7 days to file
[MSSS-126]; merchant: the 15-day reference of [QHCF-8]); a rule the user stated replaces a reference
(merchant) and is the only source for the platform. A closing reply stops the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..i18n import t
from .records import Reply, Submission
from .rules import CLOSING_OUTCOMES, Clock, process_channel

if TYPE_CHECKING:
    from ..legal.calendar import Calendar, Deadline


@dataclass
class ActiveDeadline:
    clock: Clock
    source: str  # law / reference / user
    start: datetime
    result: Deadline

    @property
    def due(self) -> date:
        return self.result.due

    def days_left(self, today: date) -> int:
        """Days until the end of the last day (0 = today is the last day, negative = overdue)."""
        return (self.result.due - today).days

    def citation(self) -> str:
        if not self.clock.article:
            return ""
        from ..legal.law import quote

        return quote(self.clock.article, None, "deadline").citation

    def to_json(self, today: date, lang: str | None = None) -> dict[str, Any]:
        left = self.days_left(today)
        return {
            "clock": self.clock.name,
            "rule": {"count": self.clock.count, "unit": self.clock.unit, "article": self.clock.article or None,
                     "citation": self.citation() or None, "source": self.source,
                     "reference_only": self.clock.reference_only},
            "start": self.start.isoformat(),
            "due": self.result.due.isoformat(),
            "ends_at": self.result.ends_at.isoformat(),
            "estimated": self.result.estimated,
            "days_left": left,
            "overdue": left < 0,
            "explain": self.result.explain(lang or "zh"),
        }


def closing_reply(replies: list[Reply]) -> Reply | None:
    """The latest closing answer (replies in time order): a `resolved` the merchant did not honour is
    corrected by recording what happened after it (`kameng reply … --outcome partial|refused`)."""
    return next((r for r in reversed(replies) if r.outcome in CLOSING_OUTCOMES), None)


def compute(calendar: Calendar, clock: Clock, start: datetime) -> Deadline:
    if clock.unit == "working":
        return calendar.add_working_days(start, clock.count)
    if clock.unit == "months":
        # 按照月计算期间的，到期月的对应日为期间的最后一日 ([MFD-202]).
        from dateutil.relativedelta import relativedelta

        first = start.date()
        return calendar.add_days(start, ((first + relativedelta(months=clock.count)) - first).days)
    return calendar.add_days(start, clock.count)


def active_deadline(submission: Submission, replies: list[Reply], calendar: Calendar) -> tuple[ActiveDeadline | None, str]:
    """The running deadline, or None with the catalog key saying why there is none."""
    spec = process_channel(submission.channel)
    if closing_reply(replies) is not None:
        return None, "process.deadline.closed"
    accepted = next((r for r in replies if r.outcome == "accepted"), None)
    if accepted is not None:
        clock = spec.clock("accepted")
        if clock is not None:
            return ActiveDeadline(clock, "law", accepted.at, compute(calendar, clock, accepted.at)), ""
        return None, f"process.deadline.none.{submission.channel}"
    if submission.rule is not None and not spec.statutory:
        clock = Clock("user", submission.rule.count, submission.rule.unit, "")
        return ActiveDeadline(clock, "user", submission.at, compute(calendar, clock, submission.at)), ""
    clock = spec.clock("submitted")
    if clock is not None:
        source = "reference" if clock.reference_only else "law"
        return ActiveDeadline(clock, source, submission.at, compute(calendar, clock, submission.at)), ""
    if spec.needs_user_rule:
        return None, "process.deadline.platform_rule_needed"
    return None, f"process.deadline.none.{submission.channel}"


def describe(active: ActiveDeadline, today: date) -> str:
    """One line: the due date, days left or overdue, estimated or not."""
    left = active.days_left(today)
    name = t(f"process.clock.{active.clock.name}")
    if left < 0:
        text = t("process.due.overdue", clock=name, due=active.due.isoformat(), days=-left)
    elif left == 0:
        text = t("process.due.today", clock=name, due=active.due.isoformat())
    else:
        text = t("process.due.left", clock=name, due=active.due.isoformat(), days=left)
    if active.result.estimated:
        text += t("process.due.estimated")
    return text


def end_of(day: date) -> datetime:
    from ..parsing.times import CST

    return datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=CST)
