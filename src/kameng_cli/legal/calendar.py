"""Working days and deadlines in the Chinese calendar, with 调休 (make-up working days).

One module that every deadline in kameng goes through. It answers "N working days after T" and
"N days after T" together with how the date was computed: which days were skipped and why, which
weekend days were working days, and whether the answer is an estimate because the official holiday
schedule of a year is not known.

Sources of truth, in order: schedule files loaded for the case (`<case>/calendar/`, they travel with
the folder) or for the user (the State Council's yearly notice, see `load_schedule`), then the
`chinesecalendar` library (2004 – its last published year), then, for a year nobody knows, plain
weekdays — marked estimated.

Conventions (民法典 第二百零一条、第二百零三条; 市场监督管理投诉举报处理办法 第四十五条):
a period counted in days or working days starts the day after the event and ends at 24:00 of its
last day; a calendar-day period whose last day is a statutory holiday ends on the first day after it.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ..parsing.times import CST, to_cst

_HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}

_FIXED_HOLIDAYS = {(1, 1): "元旦", (5, 1): "劳动节", (5, 2): "劳动节", (10, 1): "国庆节", (10, 2): "国庆节", (10, 3): "国庆节"}


@dataclass(frozen=True)
class DayInfo:
    day: date
    working: bool
    reason: str  # workday / weekend / holiday / adjusted-workday (调休上班)
    name: str = ""  # holiday name (Chinese) when known
    estimated: bool = False  # the year's official schedule is unknown


@dataclass
class Schedule:
    """Official holidays and 调休 workdays of some years, loaded from a file the user supplies."""

    holidays: dict[date, str] = field(default_factory=dict)
    workdays: dict[date, str] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)
    source: str = ""


def _dates(value: Any) -> list[date]:
    """'2027-01-01', or a range '2027-02-06..2027-02-13'."""
    text = str(value).strip()
    if ".." in text:
        first, last = (date.fromisoformat(part.strip()) for part in text.split("..", 1))
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return [date.fromisoformat(text)]


def load_schedule(path: Path) -> Schedule:
    """Read a schedule file (TOML or JSON):

        [2027]
        holidays = [{name = "春节", dates = "2027-02-06..2027-02-13"}, ...]
        workdays = [{name = "春节调休", dates = "2027-02-14"}, ...]
    """
    text = path.read_text(encoding="utf-8-sig")
    data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    schedule = Schedule(source=str(path))
    for year_text, year_data in data.items():
        if not str(year_text).isdigit():
            continue
        year = int(year_text)
        schedule.years.add(year)
        for key, target in (("holidays", schedule.holidays), ("workdays", schedule.workdays)):
            for item in year_data.get(key, []):
                entry = item if isinstance(item, dict) else {"dates": item}
                for day in _dates(entry["dates"]):
                    if day.year != year:
                        raise ValueError(f"{day} listed under {year}")
                    target[day] = str(entry.get("name", ""))
    return schedule


CASE_SCHEDULE_DIR = "calendar"  # <case>/calendar/*.toml|*.json
_case_root: Path | None = None  # the case the running command works on (use_case)


def use_case(root: Path | None) -> None:
    """Let default_calendar() include the schedules kept in this case folder (the CLI calls it when a
    command opens a case)."""
    global _case_root
    if root != _case_root:
        _case_root = root
        reset_default_calendar()


def case_schedule_dir(root: Path) -> Path:
    return root / CASE_SCHEDULE_DIR


def user_schedule_dir() -> Path:
    """Where `kameng calendar --update` keeps the schedules it loads (found by default_schedule_paths)."""
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "kameng" / "calendar"


def default_schedule_paths(case_root: Path | None = None) -> list[Path]:
    """Schedule files in the order they are consulted: the case's own (`case_root`, else the case set
    by use_case), then KAMENG_CALENDAR, then the user's."""
    paths = []
    root = case_root if case_root is not None else _case_root
    if root is not None and case_schedule_dir(root).is_dir():
        folder = case_schedule_dir(root)
        paths += sorted(folder.glob("*.toml")) + sorted(folder.glob("*.json"))
    env = os.environ.get("KAMENG_CALENDAR")
    if env:
        paths += [Path(p) for p in env.split(os.pathsep) if p]
    config = user_schedule_dir()
    if config.is_dir():
        paths += sorted(config.glob("*.toml")) + sorted(config.glob("*.json"))
    return paths


class Calendar:
    def __init__(self, schedules: list[Schedule] | None = None, case_root: Path | None = None) -> None:
        self.schedules = schedules if schedules is not None else [load_schedule(p) for p in default_schedule_paths(case_root)]
        # chinesecalendar scans its whole holiday table on every lookup (min/max in _validate_date);
        # a deadline walks day by day, so each day is looked up once per calendar.
        self._days: dict[date, DayInfo] = {}

    def day(self, day: date) -> DayInfo:
        info = self._days.get(day)
        if info is None:
            info = self._days[day] = self._lookup(day)
        return info

    def _lookup(self, day: date) -> DayInfo:
        for schedule in self.schedules:
            if day.year in schedule.years:
                if day in schedule.holidays:
                    return DayInfo(day, False, "holiday", schedule.holidays[day])
                if day in schedule.workdays:
                    return DayInfo(day, True, "adjusted-workday", schedule.workdays[day])
                return self._plain(day, estimated=False)
        try:
            import chinese_calendar

            on_holiday, name = chinese_calendar.get_holiday_detail(day)
        except NotImplementedError:
            return self._plain(day, estimated=True)
        weekend = day.weekday() >= 5
        zh_name = _HOLIDAY_NAMES_ZH.get(str(name), str(name)) if name else ""
        if on_holiday:
            if name:
                return DayInfo(day, False, "holiday", zh_name)
            return DayInfo(day, False, "weekend")
        if weekend:
            return DayInfo(day, True, "adjusted-workday", zh_name)
        return DayInfo(day, True, "workday")

    @staticmethod
    def _plain(day: date, estimated: bool) -> DayInfo:
        # Solar-date holidays fixed by 全国年节及纪念日放假办法 第二条 hold in every year; lunar ones
        # and the bridging 调休 need the year's official notice, so the result stays an estimate.
        if estimated and (day.month, day.day) in _FIXED_HOLIDAYS:
            return DayInfo(day, False, "holiday", _FIXED_HOLIDAYS[(day.month, day.day)], estimated=True)
        if day.weekday() >= 5:
            return DayInfo(day, False, "weekend", estimated=estimated)
        return DayInfo(day, True, "workday", estimated=estimated)

    def is_workday(self, day: date) -> bool:
        return self.day(day).working

    def add_working_days(self, start: datetime | date, count: int) -> Deadline:
        """The last day of a period of `count` working days counted from the day after `start`."""
        first = _as_date(start) + timedelta(days=1)
        day, counted = first - timedelta(days=1), 0
        skipped: list[DayInfo] = []
        worked_weekends: list[DayInfo] = []
        estimated = False
        while counted < count:
            day += timedelta(days=1)
            info = self.day(day)
            estimated |= info.estimated
            if info.working:
                counted += 1
                if info.reason == "adjusted-workday":
                    worked_weekends.append(info)
            else:
                skipped.append(info)
        return Deadline(_as_datetime(start), count, "working", day, skipped, worked_weekends, estimated)

    def add_days(self, start: datetime | date, count: int) -> Deadline:
        """`count` calendar days from the day after `start`; a last day on a statutory holiday rolls
        over to the first day after the holiday (weekends do not roll over: 民法典 第二百零三条 speaks
        of 法定休假日, which kameng reads as the holidays of the 放假办法 including their bridged days)."""
        due = _as_date(start) + timedelta(days=count)
        skipped: list[DayInfo] = []
        estimated = False
        info = self.day(due)
        estimated |= info.estimated
        while info.reason == "holiday":
            skipped.append(info)
            due += timedelta(days=1)
            info = self.day(due)
            estimated |= info.estimated
        return Deadline(_as_datetime(start), count, "calendar", due, skipped, [], estimated)


@dataclass
class Deadline:
    start: datetime
    count: int
    unit: str  # working / calendar
    due: date  # the last day; the period ends at 24:00 of it
    skipped: list[DayInfo]
    worked_weekends: list[DayInfo]
    estimated: bool

    @property
    def ends_at(self) -> datetime:
        """The exclusive end: 00:00 of the day after `due` (= 24:00 of `due`)."""
        return datetime.combine(self.due + timedelta(days=1), time(0, 0), tzinfo=CST)

    def explain(self, lang: str = "zh") -> str:
        """How the date was computed, in `lang` (texts in the message catalog: calendar.explain.*)."""
        from ..i18n import join, t

        parts = [t("calendar.explain.period", lang, start=self.start.strftime("%Y-%m-%d"), count=self.count,
                   unit=t(f"calendar.explain.unit.{self.unit}", lang), due=self.due.isoformat())]
        parts += explain_days(self.skipped, self.worked_weekends, lang)
        if self.estimated:
            parts.append(t("calendar.explain.estimated", lang))
        return join(parts, lang, clauses=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "count": self.count,
            "unit": self.unit,
            "due": self.due.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "estimated": self.estimated,
            "skipped": [{"date": d.day.isoformat(), "reason": d.reason, "name": d.name} for d in self.skipped],
            "worked_weekends": [d.day.isoformat() for d in self.worked_weekends],
        }


def explain_days(skipped: list[DayInfo], worked: list[DayInfo], lang: str = "zh",
                 unnamed_holiday: str = "calendar.explain.holiday") -> list[str]:
    """The "skipped …" and "counted make-up working days …" parts of an explanation, in `lang`."""
    from ..i18n import join, t

    parts = []
    if skipped:
        parts.append(t("calendar.explain.skipped", lang, days=join(
            (t("calendar.explain.day", lang, day=d.day.isoformat(), reason=_reason(d, lang, unnamed_holiday))
             for d in skipped), lang)))
    if worked:
        parts.append(t("calendar.explain.worked", lang, days=join((d.day.isoformat() for d in worked), lang)))
    return parts


def _reason(info: DayInfo, lang: str, unnamed_holiday: str) -> str:
    from ..i18n import t

    if info.reason != "holiday":
        return t("calendar.explain.weekend", lang)
    if info.name:
        return t("calendar.explain.named_holiday", lang, name=info.name)
    return t(unnamed_holiday, lang)


def _as_date(value: datetime | date) -> date:
    return to_cst(value).date() if isinstance(value, datetime) else value


def _as_datetime(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return to_cst(value)
    return datetime.combine(value, time(0, 0), tzinfo=CST)


_default: Calendar | None = None


def default_calendar() -> Calendar:
    global _default
    if _default is None:
        _default = Calendar()
    return _default


def reset_default_calendar() -> None:
    """Forget the cached calendar, so that schedules loaded since are used (`kameng calendar --update`)."""
    global _default
    _default = None
