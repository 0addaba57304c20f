"""Options shared by several commands, defined once."""

from __future__ import annotations

import typer

JSON = typer.Option(False, "--json", help="Print one JSON document (schema in docs/json.md).")


def parse_time_option(value: str | None, flag: str, *, end_of_day: bool = False, allow_future: bool = True):
    """A time flag parsed the Chinese way; a bare date used as an upper bound means its whole day."""
    from datetime import timedelta

    from ..errors import UserInputError
    from ..parsing.times import AmbiguousDate, TimeParseError, now, parse_time_ex

    if value is None:
        return None
    try:
        parsed = parse_time_ex(value)
    except TimeParseError as exc:
        key = "time.ambiguous_flag" if isinstance(exc, AmbiguousDate) else "option.bad_time"
        raise UserInputError(key, flag=flag, value=value) from exc
    if not parsed.has_year:
        raise UserInputError("init.no_year", flag=flag, value=value)  # 5/1 would silently be this year's
    result = parsed.value
    if end_of_day and not parsed.has_time:
        result = result + timedelta(days=1) - timedelta(microseconds=1)
    if not allow_future and result > now() + timedelta(minutes=5):
        raise UserInputError("time.future", flag=flag, value=value)
    return result
