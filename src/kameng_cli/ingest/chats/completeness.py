"""Completeness notes for one chat exhibit (chat-exports.md §7): how much of the conversation the log
covers, and what an opponent would point at ("可能被质疑选择性呈现证据"). Codes are documented in
docs/chats.md; `check` reads them."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from datetime import datetime, timedelta
from functools import partial
from itertools import compress, count, repeat
from operator import attrgetter, eq, methodcaller, sub
from typing import Any

from ...i18n import t
from ...model.records import Event, Note
from ...parsing.times import isoformat, to_cst
from ..base import ParseContext
from .common import UNKNOWN, ChatLog, chat_note

GAP_MIN_HOURS = 36.0  # never call a gap shorter than a day and a half "far beyond the rhythm"
GAP_RHYTHM_FACTOR = 10.0  # … and it must be this many times the log's median gap
SHORT_LOG = 10  # fewer messages than about two phone screens: a screenshot's worth
# Native encodings and line ends per exporter (chat-exports.md §0); anything else was re-saved.
_NATIVE_CRLF = {"qq-txt": True, "qq-mht": True, "memotrace-v1-csv": True, "memotrace-v2-csv": True, "pywxdump-csv": True,
                "memotrace-v1-txt": False, "memotrace-v2-txt": False, "weflow-txt": False, "chatlog-text": False,
                "chatlog-csv": False, "wechatexporter-txt": False, "qce-txt": False}
_TIME = attrgetter("time")
_MID_START = re.compile(r"^(?:好的|收到|在的|嗯|是的|对的|已经给您|已经给你|已经帮您|已给您|那就|所以|然后|还是|引用[:：])")
_REFERENCE = re.compile(r"你(?:自己)?说的|说好的|刚才电话里|电话里说|截图在上面|你撤回的")


def completeness_notes(log: ChatLog, events: list[Event], ctx: ParseContext,
                       recalls: list[int] | None = None) -> list[Note]:
    """`recalls`: the indexes of the recall messages, when the caller already knows them."""
    notes: list[Note] = []
    timed = list(compress(events, map(_TIME, events)))  # a datetime is never false
    notes.append(_span(events, timed))
    for rule in (_starts_after_payment, _starts_mid_conversation, _gaps, _out_of_order, partial(_recalls, indexes=recalls),
                 _too_short, _one_sided, _no_times, _missing_references):
        notes.extend(rule(events, timed, ctx))
    notes.extend(_resaved(log))
    notes.extend(_undecodable(log))
    return notes


def _span(events: list[Event], timed: list[Event]) -> Note:
    roles = dict(Counter(map(attrgetter("actor"), events)))  # counted in C, in order of first appearance
    first = timed[0] if timed else None
    last = timed[-1] if timed else None
    return chat_note("chat-span", "info", first=isoformat(first.time) if first else None,
                     last=isoformat(last.time) if last else None, count=len(events),
                     first_locator=first.locator if first else events[0].locator,
                     last_locator=last.locator if last else events[-1].locator, roles=roles)


def _starts_after_payment(events: list[Event], timed: list[Event], ctx: ParseContext) -> list[Note]:
    paid_at = ctx.case.order.paid_at if ctx.case is not None else None
    if paid_at is None or not timed or timed[0].time is None or timed[0].time <= paid_at:
        return []
    hours = (timed[0].time - paid_at).total_seconds() / 3600
    note = chat_note("chat-starts-after-payment", "info", first=isoformat(timed[0].time), paid_at=isoformat(paid_at),
                     hours=round(hours, 1))
    if hours < 1:  # "0.0 hours after" says nothing: minutes
        minutes = max(1, round(hours * 60))
        note.data["minutes"] = note.params["minutes"] = minutes
        note.key = "chats.note.chat-starts-after-payment-minutes"
        note.message = t(note.key, **note.params)
    return [note]


def _starts_mid_conversation(events: list[Event], timed: list[Event], ctx: ParseContext) -> list[Note]:
    first = next((e for e in events if e.actor != "system"), None)
    if first is None or not _MID_START.match(first.data.get("text", "").strip()):
        return []
    return [chat_note("chat-starts-mid", "warning", locator=first.locator, text=first.data.get("text", "")[:40])]


_BACKWARDS = timedelta(minutes=1)  # copies with minute precision may step back within a minute


def _out_of_order(events: list[Event], timed: list[Event], ctx: ParseContext) -> list[Note]:
    """Exporters write a conversation in time order (spec §7): a message timed well before the one
    above it means the log was edited, merged or re-sorted, or two conversations were joined."""
    times = list(map(_TIME, timed))
    back = [i + 1 for i, step in enumerate(map(sub, times[1:], times)) if step < -_BACKWARDS]
    if not back:
        return []
    first = timed[back[0]]
    return [chat_note("chat-out-of-order", "warning", count=len(back), locator=first.locator,
                      time=isoformat(first.time), previous=isoformat(timed[back[0] - 1].time))]


def _gaps(events: list[Event], timed: list[Event], ctx: ParseContext) -> list[Note]:
    if len(timed) < 3:
        return []
    # Differences and their seconds taken in C; only the few gaps over the threshold are looked at closely.
    times = list(map(_TIME, timed))
    hours_between = [seconds / 3600 for seconds in map(timedelta.total_seconds, map(sub, times[1:], times))]
    median = statistics.median(hours_between)
    threshold = max(GAP_MIN_HOURS, GAP_RHYTHM_FACTOR * median)
    notes = []
    for index in [i for i, hours in enumerate(hours_between) if hours > threshold]:
        hours, before, after = hours_between[index], timed[index], timed[index + 1]
        rest = _days_off_between(before.time, after.time)  # type: ignore[arg-type]
        extra = {"days_off": rest} if rest else {}
        # Silence over a weekend or 国庆 is what people do, not a sign of messages cut out: said, not warned.
        note = chat_note("chat-gap", "info" if rest else "warning", start=isoformat(before.time),
                         end=isoformat(after.time), hours=round(hours, 1), median_minutes=round(median * 60, 1),
                         last_speaker=before.actor, next_speaker=after.actor,
                         start_locator=before.locator, end_locator=after.locator, **extra)
        if hours >= 48:  # "17014.7 小时" says nothing to a reader: days
            note.data["days"] = note.params["days"] = round(hours / 24)
            note.key = "chats.note.chat-gap-days"
            note.message = t(note.key, **note.params)
        notes.append(note)
    return notes


def _days_off_between(start: datetime, end: datetime) -> list[str]:
    """The whole days strictly inside a gap, when every one of them is a day off (weekend or public
    holiday, 调休 considered); empty when the gap holds a working day or no whole day."""
    from ...legal.calendar import default_calendar

    calendar = default_calendar()
    first, last = to_cst(start).date() + timedelta(days=1), to_cst(end).date() - timedelta(days=1)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    if not days or any(calendar.is_workday(day) for day in days):
        return []
    return [day.isoformat() for day in days]


def _recalls(events: list[Event], timed: list[Event], ctx: ParseContext, indexes: list[int] | None = None) -> list[Note]:
    notes = []
    if indexes is None:
        types = map(methodcaller("get", "type"), map(attrgetter("data"), events))
        indexes = list(compress(count(), map(eq, types, repeat("recall"))))
    for index in indexes:
        event = events[index]
        by = event.data.get("recalled_by", "unknown")
        before = events[index - 1] if index else None
        notes.append(chat_note("chat-recalled", "warning" if by != "me" else "info", at=isoformat(event.time), by=by,
                               locator=event.locator, previous=before.data.get("text", "")[:40] if before else ""))
    return notes


def _too_short(events: list[Event], timed: list[Event], ctx: ParseContext) -> list[Note]:
    if len(events) >= SHORT_LOG:
        return []
    return [chat_note("chat-too-short", "warning", count=len(events), minimum=SHORT_LOG)]


def _one_sided(events: list[Event], timed: list[Event], ctx: ParseContext) -> list[Note]:
    sides = set()
    for event in events:
        if event.actor in ("me", "counterparty"):
            sides.add(event.actor)
            if len(sides) == 2:
                return []
    if len(sides) == 1:
        return [chat_note("chat-one-sided", "warning", side=next(iter(sides)))]
    return []


def _no_times(events: list[Event], timed: list[Event], ctx: ParseContext) -> list[Note]:
    if all(UNKNOWN in e.time_flags for e in events):
        return [chat_note("chat-no-times", "warning", count=len(events))]
    return []


def _missing_references(events: list[Event], timed: list[Event], ctx: ParseContext) -> list[Note]:
    """`你说的5分钟呢` with no such promise earlier in the log: the log starts too late or was cut."""
    notes = []
    for event in events:
        if event.actor == "counterparty":
            break  # a reference after the counterparty has spoken may point at what it said
        if event.actor == "me" and event.kind == "message":
            match = _REFERENCE.search(event.data.get("text", ""))
            if match:
                notes.append(chat_note("chat-missing-reference", "info", locator=event.locator, phrase=match.group(0)))
    return notes


def _resaved(log: ChatLog) -> list[Note]:
    reasons: list[str] = list(log.facts.get("resaved", []))
    crlf_native = _NATIVE_CRLF.get(log.source)
    if log.encoding and not log.encoding.lower().startswith(("utf-8", "ascii")):
        reasons.append(f"encoding:{log.encoding}")
    if crlf_native is not None and log.endings:
        if crlf_native and log.endings.get("crlf", 0) == 0 and log.endings.get("lf", 0) > 0:
            reasons.append("line-ends:lf")
        if not crlf_native and log.endings.get("crlf", 0) > 0:
            reasons.append("line-ends:crlf")
    if not reasons:
        return []
    return [chat_note("chat-resaved", "info", reasons=reasons)]


def _undecodable(log: ChatLog) -> list[Note]:
    """Lines whose bytes were not text in the file's encoding (read with U+FFFD in their place)."""
    if not log.damaged_lines:
        return []
    lines = log.damaged_lines
    return [chat_note("chat-undecodable", "warning", lines=lines, count=len(lines),
                      encoding="UTF-8" if log.encoding.startswith("utf-8") else log.encoding.upper())]


def first_last(events: list[Event]) -> tuple[datetime | None, datetime | None]:
    timed = [e.time for e in events if e.time is not None]
    return (timed[0], timed[-1]) if timed else (None, None)


def as_data(note: Note) -> dict[str, Any]:
    return note.to_json()
