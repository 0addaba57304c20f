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


@dataclass
class Change:
    submission: str
    channel: str
    clock: str
    before: str
    before_estimated: bool
    after: str
    after_estimated: bool

    def to_json(self) -> dict[str, Any]:
        return {"submission": self.submission, "channel": self.channel, "clock": self.clock,
                "before": {"due": self.before, "estimated": self.before_estimated},
                "after": {"due": self.after, "estimated": self.after_estimated}}


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
        raise UserInputError("process.calendar.bad_file", path=str(path), detail=str(exc)) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserInputError("process.calendar.bad_entry", path=str(path), detail=str(exc) or type(exc).__name__) from exc
    if not schedule.years:
        raise UserInputError("process.calendar.no_years", path=str(path))
    return schedule


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
    from .log import read_log

    log = read_log(store)
    found = {}
    for submission in log.submissions:
        active, _why = active_deadline(submission, log.replies_to(submission.id), calendar)
        if active is not None:
            found[(submission.id, active.clock.name)] = (submission.channel, active.due.isoformat(), active.result.estimated)
    return found


def changes(before: dict, after: dict) -> list[Change]:  # type: ignore[type-arg]
    found = []
    for key, (channel, due, estimated) in after.items():
        old = before.get(key)
        if old is None:
            continue
        found.append(Change(key[0], channel, key[1], old[1], old[2], due, estimated))
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
