"""Generic web-chat widget copies `[YYYY/M/D HH:MM] 名字：内容` (chat-exports.md §4, "common practice",
not traced to one product): one message per line, a line without the bracket continues the message
above it. Minute precision unless seconds are given. Today's messages show the time only
(`[10:00] 我：…`): their day is taken from the case's order time (else the file's time), never before
the last dated message, and flagged."""

from __future__ import annotations

from ...i18n import t
from ..base import ParseContext
from .chatlog_text import assumed_anchor
from .common import MINUTE, NO_DATE, NO_TZ, NO_YEAR, ChatLog, ChatMessage, chat_note, local_time
from .layouts import BRACKET_LINE
from .source import ChatSource


class TicketBracketSource(ChatSource):
    name = "ticket-bracket"
    label = {"zh": "网页客服复制的对话（[时间] 名字：内容）", "en": "web chat copy ([time] name: text)"}
    platform = "shop"

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        messages: list[ChatMessage] = []
        anchor, anchor_source = assumed_anchor(ctx)
        last_day: tuple[int, int, int] | None = None
        assumed = False
        for number, line in enumerate(text.split("\n"), start=1):
            match = BRACKET_LINE.match(line)
            if match:
                seconds = match["s"]
                flags = [NO_TZ] if seconds else [NO_TZ, MINUTE]
                if match["y"]:
                    day = last_day = (int(match["y"]), int(match["mo"]), int(match["d"]))
                else:
                    day = max((anchor.year, anchor.month, anchor.day), last_day or (0, 0, 0))
                    flags += [NO_YEAR, NO_DATE]
                    assumed = True
                when = local_time(*day, int(match["h"]), int(match["mi"]), int(seconds or 0))
                messages.append(ChatMessage(f"line {number}", match["name"].strip(), match["text"].strip(), when, flags))
            elif messages and line.strip():
                messages[-1].text += "\n" + line.rstrip()
        log = ChatLog(self.name, self.platform, messages)
        if assumed:
            year_used = next((m.time.year for m in messages if m.time is not None and NO_DATE in m.time_flags), anchor.year)
            log.facts["year_assumed"] = {"year": year_used, "from": anchor_source}
            log.notes.append(chat_note("chat-year-assumed", "warning", year=year_used, source=anchor_source, date_missing=True))
            log.messages_out.append(t("chats.copy_date_assumed", year=year_used, source=t(f"chats.anchor.{anchor_source}")))
        return log


SOURCE = TicketBracketSource()
