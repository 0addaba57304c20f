"""Deadlines as an iCalendar file (RFC 5545) for phone calendars, written with the `icalendar`
library: one all-day event per running deadline and one for the limitation period, each with a
reminder the day before. UIDs are stable (case folder + record + clock), so importing a newer export
updates the events instead of duplicating them."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from ..errors import UserInputError
from ..i18n import t
from ..parsing.times import now

if TYPE_CHECKING:
    from .status import StatusReport

PRODID = "-//kameng//process reminders//ZH"


def _uid(case_key: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join([case_key, *parts]).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@kameng"


def calendar_bytes(reports: list[tuple[str, StatusReport]], stamp: datetime | None = None) -> bytes:
    """One VCALENDAR for the reports of one or more cases (`case_key` identifies each case)."""
    try:
        from icalendar import Alarm, Calendar, Event
    except ImportError:  # a dependency of kameng; only a broken install lacks it
        raise UserInputError("process.remind.no_icalendar") from None

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "kameng")
    stamp = stamp or now()
    for case_key, report in reports:
        for item in report.open_items:
            active = item.deadline
            if active is None:
                continue
            s = item.submission
            channel = t(f"process.channel.{s.channel}")
            clock = t(f"process.clock.{active.clock.name}")
            summary = t("process.ics.summary", case=report.case_root, channel=channel, clock=clock, id=s.id)
            # This reminder's own step (the case's next step may concern another submission).
            description = [t("process.ics.ticket", ticket=s.ticket or "—"), active.result.explain(),
                           t("process.ics.when_due", id=s.id, channel=s.channel)]
            if active.result.estimated:
                description.insert(1, t("process.due.estimated").strip("（）() "))
            cal.add_component(_event(Event, Alarm, _uid(case_key, s.id, active.clock.name), active.due, summary,
                                     "\n".join(description), stamp))
        lim = report.limitation
        if lim.due is not None:
            summary = t("process.ics.limitation", case=report.case_root)
            cal.add_component(_event(Event, Alarm, _uid(case_key, "limitation"), lim.due, summary,
                                     t("process.ics.limitation_body", due=lim.due.isoformat()), stamp,
                                     remind_days=30))
    return cal.to_ical()


def _event(event_cls, alarm_cls, uid: str, due: date, summary: str, description: str, stamp: datetime,  # noqa: ANN001
           remind_days: int = 1):
    event = event_cls()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", due)
    event.add("dtend", due + timedelta(days=1))  # all-day: the period ends at 24:00 of its last day
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    alarm = alarm_cls()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(days=-remind_days))
    event.add_component(alarm)
    return event
