"""QQ classic 消息管理器 → 导出 → 文本文件 (*.txt), friend and group chats, zh-CN and en-US times
(chat-exports.md §2.1). Blocks start with the `=`×64 separator and 消息分组/消息对象 lines; a record is
a `DATE TIME SENDER` header, body lines, an empty line. Pasted parts without the banner are read too.

Bodies may contain empty lines and even lines that look like headers (someone pasting a log), so a
header counts only at the start of a block or after an empty line (QQtoExcel#6, #9). Headers are found
with one multi-line regex over the whole text: exports of 100,000 messages are common."""

from __future__ import annotations

import re
from datetime import datetime

from ...parsing.times import CST
from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, hour_12
from .source import ChatSource

_SEPARATOR = "=" * 64
_SENDER_ID = re.compile(r"^(?P<name>.*?)(?:\((?P<qq>\d+)\)|<(?P<mail>[^<>]+)>)$")
_TITLE = re.compile(r"^【(?P<title>[^】]*)】")
# A header (layouts.QQ_HEADER) after an empty line, or a block line. Both start with a line feed so
# the engine can jump from one to the next; the text is read with "\n\n" put in front.
_ANCHOR = re.compile(
    r"\n(?:\n(\d{4})-(\d{1,2})-(\d{1,2}) (上午|下午)?(\d{1,2}):(\d{2}):(\d{2})(?: ([AP]M))? ([^\n]+)"
    r"|(消息分组:|消息对象:)([^\n]*))"
)


class QQTxtSource(ChatSource):
    name = "qq-txt"
    label = {"zh": "QQ 消息管理器导出（txt）", "en": "QQ message manager export (txt)"}
    platform = "qq"

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        text = "\n\n" + text  # so that a header on the first line follows an "empty line" too
        messages: list[ChatMessage] = []
        append = messages.append
        title, group_name, titles = "", "", []
        skip_block = False
        pending: ChatMessage | None = None
        body_start = 0
        line = 1
        position = 2
        senders: dict[str, tuple[str, str | None, str | None, bool]] = {}
        days: dict[tuple[str, str, str], tuple[int, int, int]] = {}
        flags = [NO_TZ]  # one list for every message: nothing mutates time_flags in place
        count = text.count

        def close(end: int) -> None:
            body = text[body_start:end]
            if _SEPARATOR in body:
                body = body[: body.index(_SEPARATOR)]
            assert pending is not None
            pending.text = body.rstrip("\n ").rstrip()
            if not skip_block:
                append(pending)

        for match in _ANCHOR.finditer(text):
            start = match.start(1) if match.start(1) >= 0 else match.start(10)
            line += count("\n", position, start)
            position = start
            if pending is not None:
                close(start)
                pending = None
            if match.group(10):
                if match.group(10) == "消息分组:":
                    group_name = match.group(11).strip()
                    skip_block = group_name == "最近联系人"  # duplicates other blocks (QQChatRecordsToTable)
                else:
                    title = match.group(11).strip()
                    titles.append(title)
                continue
            y, mo, d, period, h, mi, s, ampm, raw = match.groups()[:9]
            hour = hour_12(int(h), ampm or period) if ampm or period else int(h)
            day = days.get((y, mo, d))
            if day is None:
                day = days[(y, mo, d)] = (int(y), int(mo), int(d))
            sender = senders.get(raw)
            if sender is None:
                sender = senders[raw] = _sender(raw)
            try:
                when = datetime(day[0], day[1], day[2], hour, int(mi), int(s), tzinfo=CST)
            except ValueError:
                when = None  # 2024-02-30 or 25:00: kept in order, time unknown
            pending = ChatMessage(f"line {line}", sender[0], "", when, flags if when else ["unknown"], system=sender[3],
                                  sender_id=sender[1])
            if sender[2]:
                pending.extra["title"] = sender[2]
            if len(titles) > 1:
                pending.extra["conversation"] = title
            body_start = match.end() + 1
        if pending is not None:
            close(len(text))
        group = "群" in group_name or any(m.sender_id for m in messages if not m.system)
        return ChatLog(self.name, self.platform, messages, title=", ".join(dict.fromkeys(titles)), group=group)


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
