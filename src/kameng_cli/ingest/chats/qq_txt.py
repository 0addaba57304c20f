"""QQ classic 消息管理器 → 导出 → 文本文件 (*.txt), friend and group chats, zh-CN and en-US times
(chat-exports.md §2.1). Blocks start with the `=`×64 separator and 消息分组/消息对象 lines; a record is
a `DATE TIME SENDER` header, body lines, an empty line. Pasted parts without the banner are read too.

Bodies may contain empty lines and even lines that look like headers (someone pasting a log), so a
header counts only at the start of a block or after an empty line (QQtoExcel#6, #9). Headers are found
with one multi-line regex over the whole text: exports of 100,000 messages are common."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from ...parsing.times import CST
from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, hour_12
from .source import ChatSource

_SEPARATOR = "=" * 64
_SENDER_ID = re.compile(r"^(?P<name>.*?)(?:\((?P<qq>\d+)\)|<(?P<mail>[^<>]+)>)$")
_TITLE = re.compile(r"^【(?P<title>[^】]*)】")
# A header (layouts.QQ_HEADER, same shape, fewer groups) after an empty line, or a block line. Both
# start with a line feed so the engine can jump from one to the next; the text is read with "\n\n"
# put in front. `split` hands over, in C, each anchor's groups followed by the text up to the next
# anchor: for a header, that is its body.
_ANCHOR = re.compile(
    r"\n(?:\n(\d{4}-\d{1,2}-\d{1,2}) ((?:上午|下午)?\d{1,2}:\d{2}):(\d{2})((?: [AP]M)?) ([^\n]+)"
    r"|(消息分组:|消息对象:)([^\n]*))"
)
_SECONDS = [timedelta(seconds=second) for second in range(60)]
_UNSEEN: Any = object()  # not looked at yet (None means: looked at, not a valid time)


class QQTxtSource(ChatSource):
    name = "qq-txt"
    label = {"zh": "QQ 消息管理器导出（txt）", "en": "QQ message manager export (txt)"}
    platform = "qq"

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        parts = _ANCHOR.split("\n\n" + text)  # so that a header on the first line follows an "empty line" too
        messages: list[ChatMessage] = []
        append = messages.append
        title, group_name, titles = "", "", []
        skip_block = False
        line = parts[0].count("\n") - 1  # line 1, less the two line feeds put in front
        senders: dict[str, tuple[str, str | None, str | None, bool]] = {}
        # Times repeat their day and (often) their clock reading: each is read once per distinct string.
        days: dict[str, datetime | None] = {}
        clocks: dict[str, timedelta | None] = {}
        flags = [NO_TZ]  # one list for every message: nothing mutates time_flags in place
        unknown = ["unknown"]
        separator = _SEPARATOR
        pieces = iter(parts)
        next(pieces)
        for day_text, clock_text, second_text, ampm, raw, label, value, segment in zip(
                pieces, pieces, pieces, pieces, pieces, pieces, pieces, pieces, strict=True):
            if label is not None:
                line += 1 + segment.count("\n")
                if label == "消息分组:":
                    group_name = value.strip()
                    skip_block = group_name == "最近联系人"  # duplicates other blocks (QQChatRecordsToTable)
                else:
                    title = value.strip()
                    titles.append(title)
                continue
            line += 2
            locator = f"line {line}"
            line += segment.count("\n")
            if skip_block:
                continue
            day = days.get(day_text, _UNSEEN)
            if day is _UNSEEN:
                day = days[day_text] = _midnight(day_text)
            if ampm:
                clock_text += ampm
            clock = clocks.get(clock_text, _UNSEEN)  # hours and minutes: a few hundred distinct readings
            if clock is _UNSEEN:
                clock = clocks[clock_text] = _clock(clock_text)
            seconds = int(second_text)
            # 2024-02-30 or 25:00: kept in order, time unknown
            when = day + clock + _SECONDS[seconds] if day is not None and clock is not None and seconds < 60 else None
            sender = senders.get(raw)
            if sender is None:
                sender = senders[raw] = _sender(raw)
            body = segment[1:]
            if separator in body:
                body = body[: body.index(separator)]
            extra: dict[str, str] = {}
            if sender[2]:
                extra["title"] = sender[2]
            if len(titles) > 1:
                extra["conversation"] = title
            append(ChatMessage(locator, sender[0], body.rstrip("\n ").rstrip(), when, flags if when else unknown, None,
                               sender[3], None, None, sender[1], extra))
        group = "群" in group_name or any(m.sender_id for m in messages if not m.system)
        return ChatLog(self.name, self.platform, messages, title=", ".join(dict.fromkeys(titles)), group=group)


def _midnight(day_text: str) -> datetime | None:
    year, month, day = day_text.split("-")
    try:
        return datetime(int(year), int(month), int(day), tzinfo=CST)
    except ValueError:
        return None


def _clock(clock_text: str) -> timedelta | None:
    """`10:00`, `下午1:30`, `12:30 PM` (a header's time without its seconds) → time since midnight, or
    None for 25:00 / 13:00 PM."""
    marker = None
    if clock_text.endswith(("AM", "PM")):
        clock_text, marker = clock_text[:-3], clock_text[-2:]
    if clock_text.startswith(("上午", "下午")):
        marker = marker or clock_text[:2]  # the AM/PM suffix wins, as the header regex reads it
        clock_text = clock_text[2:]
    hour_text, minute_text = clock_text.split(":")
    hours, minutes = int(hour_text), int(minute_text)
    hours = hour_12(hours, marker) if marker else hours
    if hours > 23 or minutes > 59:
        return None
    return timedelta(hours=hours, minutes=minutes)


def _sender(raw: str) -> tuple[str, str | None, str | None, bool]:
    """(name, QQ number or e-mail, group title, is the system pseudo-sender)."""
    raw = raw.strip()
    title = _TITLE.match(raw)
    title_text = None
    if title:
        title_text = title.group("title")
        raw = raw[title.end():]
    match = _SENDER_ID.match(raw)
    if match:
        name, ident = match.group("name").strip(), match.group("qq") or match.group("mail")
    else:
        name, ident = raw, None
    return name, ident, title_text, name == "系统消息"


SOURCE = QQTxtSource()
