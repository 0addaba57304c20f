"""Text copied out of a QQ window with Ctrl+A / Ctrl+C (chat-exports.md §2.3): the classic chat window
(`【头衔】name 9:59:54 PM`, time only), its side window (`name 2/14/2020 9:16:13 PM`), the classic
message manager (`name(QQ号) 3:13:28 AM`, `name<mail> …`, no empty line between messages), mobile QQ
(`— —  2024-5-1  — —` day lines, then `name  23:50:12`) and QQ NT (`name: 05-01 18:05:27`, level
badges such as `【LV2 群友】`).

A header line is the start of a message wherever it stands (these copies have no empty lines between
messages). Grey lines — `xxx撤回了一条消息`, `你和xxx有3个共同好友` — stand alone between messages and
become system records timed after the message before them. A copy without dates takes its day (and
one without years its year) from the case's order time, else the file's time; every such time is
flagged and the exhibit says so."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ...i18n import t
from ..base import ParseContext
from .chatlog_text import assumed_anchor, best_year
from .common import (
    NO_DATE,
    NO_TZ,
    NO_YEAR,
    ChatLog,
    ChatMessage,
    chat_note,
    hour_12,
    local_time,
    time_from_previous,
)
from .layouts import CHATLOG_HEADER, QQ_COPY_DAY, QQ_COPY_HEADER
from .source import ChatSource

_TITLE = re.compile(r"^【(?P<title>[^】]{1,20})】\s*")
_SENDER_ID = re.compile(r"^(?P<name>.*?)\s*(?:\((?P<qq>\d{5,})\)|<(?P<mail>[^<>\s]+@[^<>\s]+)>)$")
# Grey lines QQ shows between messages; a copy keeps them as lines of their own.
_GREY = re.compile(
    r"^(?:.{1,40}撤回了一条消息(?:\s*重新编辑)?|你和.{1,40}有\d+个共同好友.*|.{1,40}(?:加入了本群|加入了群聊|退出了群聊|被移出了群聊)[。.]?"
    r"|.{1,40}拍了拍.{1,40}|以上是打招呼的内容|你们已成为好友.*|.{0,40}修改了群名称.*)$"
)


class QQCopySource(ChatSource):
    name = "qq-copy"
    label = {"zh": "QQ 窗口复制的聊天", "en": "QQ copied chat"}
    platform = "qq"

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        anchor, anchor_source = assumed_anchor(ctx)
        messages: list[ChatMessage] = []
        body: list[str] = []
        current: ChatMessage | None = None
        day: tuple[int, int, int] | None = None  # from a mobile day line
        year: int | None = None  # for NT's MM-DD
        last_month = 0
        last_undated: datetime | None = None
        assumed: set[str] = set()

        def close() -> None:
            if current is not None:
                while body and not body[-1].strip():
                    body.pop()
                current.text = "\n".join(body).strip("\n")
                messages.append(current)

        for number, line in enumerate(text.split("\n"), start=1):
            stripped = line.strip()
            day_line = QQ_COPY_DAY.match(stripped)
            if day_line:
                close()
                current, body = None, []
                day = (int(day_line["y"]), int(day_line["mo"]), int(day_line["d"]))
                continue
            header = _header(stripped)
            if header is not None:
                name, title, sender_id, date_text, clock = header
                flags = [NO_TZ]
                if date_text is None and day is None:
                    y, mo, d = anchor.year, anchor.month, anchor.day
                    flags += [NO_YEAR, NO_DATE]
                elif date_text is None:
                    assert day is not None
                    y, mo, d = day
                elif date_text.count("/") == 2:
                    first, second, third = map(int, date_text.split("/"))
                    y, mo, d = (first, second, third) if first > 31 else (third, first, second)  # 2020/2/14 or 2/14/2020
                else:  # NT: MM-DD without the year
                    mo, d = map(int, date_text.split("-"))
                    if year is None:
                        year = best_year(anchor, mo, d, anchor_source)
                    elif mo < last_month - 6:
                        year += 1  # December → January inside one copy
                    y, last_month = year, mo
                    flags.append(NO_YEAR)
                try:
                    when: datetime | None = local_time(y, mo, d, *clock)
                except ValueError:
                    when, flags = None, ["unknown"]
                if when is not None and NO_DATE in flags:
                    # A time-only copy is in order: a time earlier than the one before is past midnight.
                    while last_undated is not None and when < last_undated:
                        when += timedelta(days=1)
                    last_undated = when
                assumed.update(flag for flag in flags if flag in (NO_YEAR, NO_DATE))
                close()
                current, body = ChatMessage(f"line {number}", name, "", when, flags, sender_id=sender_id), []
                if title:
                    current.extra["title"] = title
                if name in ("系统消息", "系统"):
                    current.system = True
                continue
            if stripped and _GREY.match(stripped) and current is not None:
                close()
                current, body = None, []
                messages.append(ChatMessage(f"line {number}", "", stripped, None, ["unknown"], system=True))
                continue
            if current is not None:
                body.append(line)
        close()
        time_from_previous(messages)
        log = ChatLog(self.name, self.platform, messages)
        if assumed:
            year_used = next((m.time.year for m in messages if m.time is not None), anchor.year)
            log.facts["year_assumed"] = {"year": year_used, "from": anchor_source}
            log.notes.append(chat_note("chat-year-assumed", "warning", year=year_used, source=anchor_source,
                                       date_missing=NO_DATE in assumed))
            log.messages_out.append(t("chats.copy_date_assumed", year=year_used, source=t(f"chats.anchor.{anchor_source}")))
        return log


def _header(line: str) -> tuple[str, str | None, str | None, str | None, tuple[int, int, int]] | None:
    """(name, group title, QQ number or e-mail, date text or None, (hour, minute, second)) of a header."""
    match = QQ_COPY_HEADER.match(line)
    if match:
        hour = hour_12(int(match["h"]), match["ampm"] or match["period"])
        raw, date_text = match["name"], match["date"]
        clock = (hour, int(match["mi"]), int(match["s"]))
    else:
        chatlog = CHATLOG_HEADER.match(line)  # `name(QQ号) 13:13:28`: the chatlog shape with a QQ number
        if not chatlog or not (chatlog["id"] or "").isdigit() or chatlog["y"]:
            return None
        raw = f"{chatlog['name']}({chatlog['id']})"
        date_text = f"{chatlog['mo']}-{chatlog['d']}" if chatlog["mo"] else None
        clock = (int(chatlog["h"]), int(chatlog["mi"]), int(chatlog["s"]))
    if clock[0] > 23 or clock[1] > 59 or clock[2] > 59:
        return None
    title = _TITLE.match(raw)
    title_text = None
    if title:
        title_text, raw = title["title"], raw[title.end():]
    ident = _SENDER_ID.match(raw)
    if ident:  # an empty nickname shows as `(77777)`: the number is the name
        sender_id = ident["qq"] or ident["mail"]
        return ident["name"].strip() or sender_id, title_text, sender_id, date_text, clock
    return raw.strip(), title_text, None, date_text, clock


SOURCE = QQCopySource()
