"""`kameng calendar`: load an official 放假调休 schedule and show a year's calendar.

A loaded schedule is copied (validated, unchanged) into the user's kameng config folder
(legal.calendar.user_schedule_dir) or, with --for-case, into the case's calendar/ folder, where
default_schedule_paths finds it, so every later command — status, draft, remind — computes with it.
Open deadlines are recomputed at once and the changes reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserInputError

if TYPE_CHECKING:
    from ..case.store import CaseStore
    from ..legal.calendar import Calendar, Schedule


LIMITATION = ("limitation", "limitation")  # the key of the limitation period among the deadlines


@dataclass
class Change:
    submission: str | None  # None: the limitation period
    channel: str | None
    clock: str  # a submission's clock, or "limitation"
    before: str
    before_estimated: bool
    after: str
    after_estimated: bool

    @property
    def moved(self) -> bool:
        return (self.before, self.before_estimated) != (self.after, self.after_estimated)

    def to_json(self) -> dict[str, Any]:
        return {"submission": self.submission, "channel": self.channel, "clock": self.clock,
                "before": {"due": self.before, "estimated": self.before_estimated},
                "after": {"due": self.after, "estimated": self.after_estimated}, "changed": self.moved}


def read_schedule(path: Path) -> Schedule:
    import json
    import tomllib

    from ..legal.calendar import load_schedule

    if not path.is_file():
        raise UserInputError("process.calendar.missing", path=str(path))
    if path.suffix.lower() not in (".toml", ".json"):
        raise UserInputError("process.calendar.suffix", path=str(path))
    try:
        schedule = load_schedule(path)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserInputError("process.calendar.bad_file", path=str(path), detail=_syntax_detail(exc)) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserInputError("process.calendar.bad_entry", path=str(path), detail=_entry_detail(exc)) from exc
    if not schedule.years:
        raise UserInputError("process.calendar.no_years", path=str(path))
    return schedule


def _syntax_detail(exc: Exception) -> str:
    """Where the file cannot be parsed, in the user's language (never the parser's English)."""
    import json
    import re

    from ..i18n import t

    if isinstance(exc, UnicodeDecodeError):
        return t("process.calendar.detail.encoding")
    if isinstance(exc, json.JSONDecodeError):
        return t("process.calendar.detail.at", line=exc.lineno, column=exc.colno)
    found = re.search(r"line (\d+), column (\d+)", str(exc))
    if found:
        return t("process.calendar.detail.at", line=found[1], column=found[2])
    if "end of document" in str(exc):
        return t("process.calendar.detail.at_end")
    return t("process.calendar.detail.syntax")


def _entry_detail(exc: Exception) -> str:
    """What is wrong with an entry (legal.calendar.load_schedule raises Python's own exceptions)."""
    import re

    from ..i18n import t

    text = str(exc)
    if found := re.match(r"Invalid isoformat string: '(?P<value>.*)'$", text) or \
            re.match(r"(?:month|day|year) (?:must be in|is out of range).*", text):
        value = found.groupdict().get("value") if found.groupdict() else None
        return t("process.calendar.detail.bad_date", value=value) if value else t("process.calendar.detail.bad_date_any")
    if found := re.match(r"(?P<day>\d{4}-\d{2}-\d{2}) listed under (?P<year>\d{4})$", text):
        return t("process.calendar.detail.wrong_year", day=found["day"], year=found["year"])
    if isinstance(exc, KeyError):
        return t("process.calendar.detail.missing_key", key=str(exc.args[0]) if exc.args else "dates")
    return t("process.calendar.detail.shape")


def install_schedule(path: Path, schedule: Schedule, folder: Path | None = None) -> Path:
    """Copy a validated schedule file unchanged into `folder` (default: the user's kameng settings;
    a case's calendar/ folder for `calendar --update --for-case`)."""
    from ..case import atomic
    from ..legal.calendar import reset_default_calendar, user_schedule_dir

    years = "-".join(str(y) for y in sorted(schedule.years))
    target = (folder or user_schedule_dir()) / f"holidays-{years}{path.suffix.lower()}"
    atomic.write_bytes(target, path.read_bytes())
    # A newer schedule of the same years in the other format must not be shadowed by the older one.
    for other in (".toml", ".json"):
        if other != target.suffix:
            target.with_suffix(other).unlink(missing_ok=True)
    reset_default_calendar()
    return target


def open_deadlines(store: CaseStore, calendar: Calendar) -> dict[tuple[str, str], tuple[str, str, bool]]:
    from .deadlines import active_deadline
    from .limitation import compute_limitation
    from .log import read_log

    log = read_log(store)
    found: dict[tuple[str, str], tuple[str | None, str, bool]] = {}
    for submission in log.submissions:
        active, _why = active_deadline(submission, log.replies_to(submission.id), calendar)
        if active is not None:
            found[(submission.id, active.clock.name)] = (submission.channel, active.due.isoformat(), active.result.estimated)
    # The limitation period ends three years on: the date a new year's schedule is most likely to move.
    limitation = compute_limitation(store.case, store.events(), store.exhibits(), log, calendar)
    if limitation.due is not None:
        found[LIMITATION] = (None, limitation.due.isoformat(), limitation.estimated)
    return found


def changes(before: dict, after: dict) -> list[Change]:  # type: ignore[type-arg]
    found = []
    for key, (channel, due, estimated) in after.items():
        old = before.get(key)
        if old is None:
            continue
        submission = None if key == LIMITATION else key[0]
        found.append(Change(submission, channel, key[1], old[1], old[2], due, estimated))
    return found


def year_days(calendar: Calendar, year: int) -> list[dict[str, Any]]:
    """The days of `year` that differ from a plain week: holidays and make-up working days."""
    day, end = date(year, 1, 1), date(year, 12, 31)
    found = []
    while day <= end:
        info = calendar.day(day)
        if info.reason in ("holiday", "adjusted-workday"):
            found.append({"date": day.isoformat(), "reason": info.reason, "name": info.name, "estimated": info.estimated})
        day += timedelta(days=1)
    return found


def year_source(calendar: Calendar, year: int) -> str:
    for schedule in calendar.schedules:
        if year in schedule.years:
            return schedule.source
    return "estimated" if calendar.day(date(year, 6, 1)).estimated else "chinesecalendar"
