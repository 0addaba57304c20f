"""Deadlines of promises, resolved to a time (conventions in docs/signals.md):

- "N分钟 / N小时(内)" = the message time + N;
- a period in days or working days starts the next day and ends at 24:00 of its last day
  (民法典 第二百零一条、第二百零三条; the complaint-handling rule in law/channels.md §0), working days
  through the one calendar module (kameng_cli.legal.calendar: chinesecalendar with 调休, estimated
  for unknown years);
- 今天/今晚 = 24:00 today, 下班前 = 18:00, 明天中午前 / 明早 = 12:00 next day, 明天 = 24:00 next day,
  后天 = 24:00 of the day after, 周X = 24:00 of the next such weekday, 本周内 = 24:00 of this week's Sunday,
  下周 = 24:00 of next week's Sunday, 月底 = 24:00 of the month's last day,
  "N点前" = that clock time (today, or tomorrow when it has passed; an hour said without 上午/下午 that
  has passed in the morning is read in the afternoon: 5点前 at 10:00 = 17:00).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from ..legal.calendar import Calendar, default_calendar
from ..parsing.times import CST, isoformat, to_cst

WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}


@dataclass
class Due:
    due: datetime
    rule: str  # minutes / hours / days / working-days / anchor name / clock / weekday
    explain: dict[str, Any] = field(default_factory=dict)
    estimated: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"due": isoformat(self.due), "rule": self.rule, "estimated": self.estimated, **self.explain}


def _midnight_after(day: datetime) -> datetime:
    """24:00 of `day` = 00:00 of the next day."""
    return datetime.combine(to_cst(day).date() + timedelta(days=1), time(0, 0), tzinfo=CST)


def duration(start: datetime, amount: int, unit: str) -> Due:
    start = to_cst(start)
    if unit in ("分钟", "min"):
        return Due(start + timedelta(minutes=amount), "minutes")
    if unit in ("小时", "h"):
        return Due(start + timedelta(hours=amount), "hours")
    calendar = default_calendar()
    periods = _PERIODS.setdefault(calendar, {})
    key = (start.date(), amount, unit)
    due = periods.get(key)
    if due is None:
        due = periods[key] = _day_period(calendar, *key)
    return due


# Periods in days depend only on the start date and the calendar (a reloaded schedule is a new
# calendar): computed once per (date, length, unit). The Due is shared; callers never change it.
_PERIODS: weakref.WeakKeyDictionary[Calendar, dict[tuple[date, int, str], Due]] = weakref.WeakKeyDictionary()


def _day_period(calendar: Calendar, day: date, amount: int, unit: str) -> Due:
    start = datetime.combine(day, time(0, 0), tzinfo=CST)
    if unit in ("工作日", "个工作日"):
        deadline = calendar.add_working_days(start, amount)
        return Due(deadline.ends_at, "working-days", {"calendar": deadline.to_json(), "explain_zh": deadline.explain("zh")},
                   deadline.estimated)
    days = amount * 7 if unit in ("周", "星期", "礼拜") else amount
    deadline = calendar.add_days(start, days)
    return Due(deadline.ends_at, "days", {"calendar": deadline.to_json(), "explain_zh": deadline.explain("zh")}, deadline.estimated)


def anchored(start: datetime, resolve: str) -> Due | None:
    start = to_cst(start)
    today = start.date()
    if resolve in ("today", "tonight"):
        return Due(_midnight_after(start), resolve)
    if resolve == "end-of-work":
        due = datetime.combine(today, time(18, 0), tzinfo=CST)
        return Due(due if due > start else _midnight_after(start), resolve)
    if resolve == "tomorrow-noon":
        return Due(datetime.combine(today + timedelta(days=1), time(12, 0), tzinfo=CST), resolve)
    if resolve == "tomorrow":
        return Due(_midnight_after(start + timedelta(days=1)), resolve)
    if resolve == "day-after-tomorrow":
        return Due(_midnight_after(start + timedelta(days=2)), resolve)
    if resolve == "this-week":
        sunday = today + timedelta(days=6 - today.weekday())
        return Due(datetime.combine(sunday + timedelta(days=1), time(0, 0), tzinfo=CST), resolve)
    if resolve == "next-week":
        sunday = today + timedelta(days=(6 - today.weekday()) + 7)
        return Due(datetime.combine(sunday + timedelta(days=1), time(0, 0), tzinfo=CST), resolve)
    if resolve == "end-of-month":
        first_of_next = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
        return Due(datetime.combine(first_of_next, time(0, 0), tzinfo=CST), resolve)
    return None


def weekday(start: datetime, day: str, next_week: bool) -> Due:
    start = to_cst(start)
    target = WEEKDAYS[day]
    today = start.date()
    if next_week:
        monday = today + timedelta(days=7 - today.weekday())
        date_ = monday + timedelta(days=target)
    else:
        ahead = (target - today.weekday()) % 7 or 7
        date_ = today + timedelta(days=ahead)
    return Due(datetime.combine(date_ + timedelta(days=1), time(0, 0), tzinfo=CST), "weekday")


def clock(start: datetime, hour: int, minute: int, day_offset: int | None, twelve_hour: bool = False) -> Due:
    """`twelve_hour`: the hour was said without 上午/下午 and could be either; at 10:00, 5点前 is 17:00 today
    (nobody promises 5 in the morning), not 05:00 tomorrow, and 明天5点前 is 17:00 tomorrow: an hour from
    1 to 6 with a day and no part of the day is the afternoon."""
    start = to_cst(start)
    if hour == 24:
        hour, extra = 0, 1
    else:
        extra = 0
    base = start.date() + timedelta(days=(day_offset or 0) + extra)
    due = datetime.combine(base, time(hour % 24, minute), tzinfo=CST)
    afternoon = due + timedelta(hours=12)
    if day_offset is None and due <= start:
        due = afternoon if twelve_hour and afternoon > start else due + timedelta(days=1)
    elif day_offset is not None and twelve_hour and (hour <= 6 or due <= start):
        due = afternoon  # 明天5点前 is 17:00 tomorrow; 今天3点 said at 10:00 is 15:00
    return Due(due, "clock")
