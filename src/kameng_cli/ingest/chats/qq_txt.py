"""QQ classic 消息管理器 → 导出 → 文本文件 (*.txt), friend and group chats, zh-CN and en-US times
(chat-exports.md §2.1). Blocks start with the `=`×64 separator and 消息分组/消息对象 lines; a record is
a `DATE TIME SENDER` header, body lines, an empty line. Pasted parts without the banner are read too.

Bodies may contain empty lines and even lines that look like headers (someone pasting a log), so a
header counts only at the start of a block or after an empty line (QQtoExcel#6, #9). A block header is
the whole structure QQ writes — an empty line, then the `=`×64 rule, `消息分组:…`, the rule,
`消息对象:…`, the rule, each a line of its own — never one of those lines alone: a body holding a
`消息分组:` or `消息对象:` line or a rule (a pasted log, a divider) keeps it as text. Headers and block
headers are found with one regex over the whole text: exports of 100,000 messages are common."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from itertools import accumulate, compress, count, repeat
from operator import add, itemgetter, not_

from ...parsing.times import CST
from ..base import ParseContext
from .common import NO_TZ, UNKNOWN, ChatColumns, ChatLog, hour_12
from .source import ChatSource

_SENDER_ID = re.compile(r"^(?P<name>.*?)(?:\((?P<qq>\d+)\)|<(?P<mail>[^<>]+)>)$")
_TITLE = re.compile(r"^【(?P<title>[^】]*)】")
# A header (layouts.QQ_HEADER, same shape, fewer groups) after an empty line, or a whole block header
# after an empty line (spec §2.1: rule, 消息分组, rule, 消息对象, rule, each a line of its own, then the
# empty line above the first header). Both start with the two line feeds of an empty line so the
# engine can jump from one to the next; the text is read with "\n\n" put in front. `split` hands
# over, in C, each anchor's groups followed by the text up to the next anchor: for a header, that is
# its body. A block header's groups are its 消息分组 and 消息对象 lines (prefix included).
_ANCHOR = re.compile(
    r"\n\n(?:(\d{4}-\d{1,2}-\d{1,2}) ((?:上午|下午)?\d{1,2}:\d{2}):(\d{2})((?: [AP]M)?) ([^\n]+)"
    r"|={64}\n(消息分组:[^\n]*)\n={64}\n(消息对象:[^\n]*)\n={64}(?![^\n]))"
)
_BLOCK_LINE_FEEDS = 4  # a block header's line feeds beyond the two of a header anchor
_LABEL = len("消息分组:")
_SECONDS = [timedelta(seconds=second) for second in range(60)]
_AFTER_LINE_FEED = itemgetter(slice(1, None))  # a header's text runs to its line feed; the body follows


class QQTxtSource(ChatSource):
    name = "qq-txt"
    label = {"zh": "QQ 消息管理器导出（txt）", "en": "QQ message manager export (txt)"}
    platform = "qq"

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        parts = _ANCHOR.split("\n\n" + text)  # so that a header on the first line follows an "empty line" too
        # parts = [text before the first anchor] + 8 items per anchor: 5 header groups, 2 block-header
        # groups, the text up to the next anchor. Block headers are few; the messages between two of
        # them are read as whole columns (slices of `parts`), without a Python step per message.
        labels = parts[6::8]
        block_lines = list(compress(count(), labels))
        columns = ChatColumns([], [], [], [], [])
        titles: list[str] = []
        title, group_name, skip_block = "", "", False
        # A file holding several conversations names each message's, from the first block on.
        several = len({parts[7 + 8 * index][_LABEL:].strip() for index in block_lines}) > 1
        # Lines: a header, the empty line above it and its body take 2 + the body's line feeds; a
        # block header takes 4 more. A message's line is the header's.
        steps = list(map(add, map(str.count, parts[8::8], repeat("\n")), repeat(2)))
        for index in block_lines:
            steps[index] += _BLOCK_LINE_FEEDS
        line_before = list(accumulate(steps, initial=parts[0].count("\n") - 1))  # less the two line feeds put in front
        start = 0
        for stop in [*block_lines, len(labels)]:
            if start < stop and not skip_block:
                self._read_messages(parts, start, stop, line_before, columns, title if several else None)
            if stop < len(labels):
                group_name, title = labels[stop][_LABEL:].strip(), parts[7 + 8 * stop][_LABEL:].strip()
                skip_block = group_name == "最近联系人"  # duplicates other blocks (QQChatRecordsToTable)
                titles.append(title)
            start = stop + 1
        if columns.extras is not None and not any(columns.extras):
            columns.extras = None
        group = "群" in group_name or columns.sender_ids is not None and any(
            compress(columns.sender_ids, map(not_, columns.system or repeat(False))))
        return ChatLog(self.name, self.platform, [], title=", ".join(dict.fromkeys(titles)), group=group, columns=columns)

    @staticmethod
    def _read_messages(parts: list[str], start: int, stop: int, line_before: list[int], columns: ChatColumns,
                       conversation: str | None) -> None:
        """Append the messages of anchors start..stop-1 (all headers) to `columns`."""
        def column(offset: int) -> list[str]:
            return parts[offset + 8 * start: offset + 8 * stop: 8]

        day_texts, clock_texts, second_texts = column(1), list(map(add, column(2), column(4))), column(3)
        # Times repeat their day and (often) their clock reading: each is read once per distinct string.
        days = {day: _midnight(day) for day in set(day_texts)}
        clocks = {clock: _clock(clock) for clock in set(clock_texts)}
        seconds = {second: _SECONDS[int(second)] if int(second) < 60 else None for second in set(second_texts)}
        if None in days.values() or None in clocks.values() or None in seconds.values():
            # 2024-02-30 or 25:00: kept in order, time unknown
            times = [day + clock + second if day is not None and clock is not None and second is not None else None
                     for day, clock, second in zip(map(days.__getitem__, day_texts), map(clocks.__getitem__, clock_texts),
                                                   map(seconds.__getitem__, second_texts), strict=True)]
        else:
            times = list(map(add, map(add, map(days.__getitem__, day_texts), map(clocks.__getitem__, clock_texts)),
                             map(seconds.__getitem__, second_texts)))
        flags, unknown = [NO_TZ], [UNKNOWN]  # shared by every message: nothing mutates time_flags in place
        raws = column(5)
        senders = {raw: split_sender(raw) for raw in set(raws)}
        sender_rows = list(map(senders.__getitem__, raws))
        # The next block header begins with the empty line under the last body: no body holds it.
        bodies = list(map(str.rstrip, map(_AFTER_LINE_FEED, column(8))))
        count_before = len(columns)
        columns.locators += map("line {}".format, map(add, line_before[start:stop], repeat(2)))
        columns.senders += map(itemgetter(0), sender_rows)
        columns.texts += bodies
        columns.times += times
        columns.time_flags += [flags if when is not None else unknown for when in times] if None in times else repeat(flags, len(times))
        ids = list(map(itemgetter(1), sender_rows))
        if columns.sender_ids is not None or any(ids):
            columns.sender_ids = (columns.sender_ids or [None] * count_before) + ids
        system = list(map(itemgetter(3), sender_rows))
        if columns.system is not None or any(system):
            columns.system = (columns.system or [False] * count_before) + system
        group_titles = list(map(itemgetter(2), sender_rows))
        if columns.extras is not None or conversation is not None or any(group_titles):
            extras = [{"title": group_title} if group_title else {} for group_title in group_titles]
            if conversation is not None:
                for extra in extras:
                    extra["conversation"] = conversation
            columns.extras = (columns.extras or [{} for _ in range(count_before)]) + extras


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


def split_sender(raw: str) -> tuple[str, str | None, str | None, bool]:
    """(name, QQ number or e-mail, group title, is the system pseudo-sender); the .mht reader names its
    senders the same way, so a name matches my_names in either export."""
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
