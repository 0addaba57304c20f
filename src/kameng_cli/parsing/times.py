"""Times as Chinese users and exports write them, resolved to Asia/Shanghai.

China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for every date a
consumer dispute can involve and needs no tz database on the machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8), "Asia/Shanghai")

_FULLWIDTH = str.maketrans("０１２３４５６７８９：－／．　", "0123456789:-/. ")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十]+")

# Period words shift the hour: 下午3点 is 15:00, 凌晨1点 is 01:00, 中午12点 is 12:00, 晚上12点 is 24:00.
_AFTERNOON = ("下午", "晚上", "傍晚", "夜里", "夜间", "晚", "午后", "PM", "pm")
_MORNING = ("上午", "早上", "早晨", "凌晨", "清晨", "早", "AM", "am")
_NOON = ("中午",)

_CN_DATETIME = re.compile(
    r"^(?:(?P<y>\d{4})\s*[年/.-]\s*)?(?P<m>\d{1,2})\s*[月/.-]\s*(?P<d>\d{1,2})\s*[日号]?"
    r"\s*(?:(?:星期|周)[一二三四五六日天])?\s*"
    r"(?P<period>上午|下午|中午|晚上|早上|早晨|凌晨|清晨|傍晚|夜里|夜间|午后|AM|PM|am|pm)?\s*"
    r"(?:(?P<H>\d{1,2})\s*(?:[点时:]|$)\s*"
    r"(?:(?P<half>半)|(?P<quarter>[13]刻)|(?P<M>\d{1,2})\s*分?)?\s*"
    r"(?:[:]?\s*(?P<S>\d{1,2})\s*秒?)?)?\s*"
    r"(?P<period2>AM|PM|am|pm|上午|下午)?$"
)


class TimeParseError(ValueError):
    def __init__(self, text: str) -> None:
        super().__init__(f"not a time: {text!r}")
        self.text = text


class AmbiguousDate(TimeParseError):
    """10/06/2025: the 10th of June or the 6th of October? Refused rather than guessed."""


# Day and month first, year last, both parts ≤ 12 and different: the order cannot be known.
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{4}|\d{2})(?!\d)")


@dataclass(frozen=True)
class ParsedTime:
    value: datetime
    has_time: bool  # False when only a date was given (callers may widen it to the whole day)
    has_year: bool = True


def _cn_to_int(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + _CN_DIGITS[ch]
    return value


def _normalise(text: str) -> str:
    text = text.translate(_FULLWIDTH).strip()
    return _CN_NUMBER.sub(lambda m: str(_cn_to_int(m.group(0))), text)


def apply_period(hour: int, period: str | None) -> int:
    if not period:
        return hour
    if period in _AFTERNOON and hour < 12:
        return hour + 12
    if period in _MORNING and hour == 12:
        return 0
    if period in _NOON and hour < 6:
        return hour + 12
    return hour


def parse_time_ex(text: str, *, default_year: int | None = None, now: datetime | None = None) -> ParsedTime:
    """Parse a Chinese or ISO time; naive values are taken as Asia/Shanghai."""
    raw = text
    text = _normalise(text)
    if not text:
        raise TimeParseError(raw)
    match = _CN_DATETIME.match(text)
    if match:
        groups = match.groupdict()
        has_year = groups["y"] is not None
        year = int(groups["y"]) if has_year else (default_year or (now or datetime.now(CST)).year)
        hour = int(groups["H"]) if groups["H"] else 0
        minute = 30 if groups["half"] else 15 if groups["quarter"] == "1刻" else 45 if groups["quarter"] else 0
        if groups["M"]:
            minute = int(groups["M"])
        second = int(groups["S"]) if groups["S"] else 0
        hour = apply_period(hour, groups["period"] or groups["period2"])
        extra_day = 0
        if hour == 24 and minute == 0 and second == 0:
            hour, extra_day = 0, 1
        try:
            value = datetime(year, int(groups["m"]), int(groups["d"]), hour, minute, second, tzinfo=CST)
        except ValueError as exc:
            raise TimeParseError(raw) from exc
        return ParsedTime(value + timedelta(days=extra_day), groups["H"] is not None, has_year)
    return _parse_iso_like(raw, text)


def _parse_iso_like(raw: str, text: str) -> ParsedTime:
    order = _DAY_MONTH_YEAR.match(text)
    if order and int(order.group(1)) <= 12 and int(order.group(2)) <= 12 and order.group(1).lstrip("0") != order.group(2).lstrip("0"):
        raise AmbiguousDate(raw)
    try:
        value = datetime.fromisoformat(text.replace("/", "-"))
        has_time = "T" in text or ":" in text
    except ValueError:
        from dateutil import parser as dateutil_parser

        try:
            value = dateutil_parser.parse(text, yearfirst=True)
        except (ValueError, OverflowError) as exc:
            raise TimeParseError(raw) from exc
        has_time = ":" in text
    if value.tzinfo is None:
        value = value.replace(tzinfo=CST)
    return ParsedTime(value, has_time)


def parse_time(text: str, **kwargs: object) -> datetime:
    return parse_time_ex(text, **kwargs).value  # type: ignore[arg-type]


def to_cst(value: datetime) -> datetime:
    return value.replace(tzinfo=CST) if value.tzinfo is None else value.astimezone(CST)


def isoformat(value: datetime | None) -> str | None:
    """The JSON form: ISO 8601 with offset, in Asia/Shanghai, to the second."""
    if value is None:
        return None
    return to_cst(value).replace(microsecond=0).isoformat()


def display(value: datetime | None) -> str:
    if value is None:
        return "—"
    return to_cst(value).strftime("%Y-%m-%d %H:%M:%S")


def now() -> datetime:
    return datetime.now(CST)
