"""Generic web-chat widget copies `[YYYY/M/D HH:MM] 名字：内容` (chat-exports.md §4, "common practice",
not traced to one product): one message per line, a line without the bracket continues the message
above it. Minute precision unless seconds are given."""

from __future__ import annotations

from ..base import ParseContext
from .common import MINUTE, NO_TZ, ChatLog, ChatMessage, local_time
from .layouts import BRACKET_LINE
from .source import ChatSource


class TicketBracketSource(ChatSource):
    name = "ticket-bracket"
    label = {"zh": "网页客服复制的对话（[时间] 名字：内容）", "en": "web chat copy ([time] name: text)"}
    platform = "shop"

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        messages: list[ChatMessage] = []
        for number, line in enumerate(text.split("\n"), start=1):
            match = BRACKET_LINE.match(line)
            if match:
                seconds = match["s"]
                when = local_time(int(match["y"]), int(match["mo"]), int(match["d"]), int(match["h"]), int(match["mi"]), int(seconds or 0))
                messages.append(ChatMessage(f"line {number}", match["name"].strip(), match["text"].strip(), when,
                                            [NO_TZ] if seconds else [NO_TZ, MINUTE]))
            elif messages and line.strip():
                messages[-1].text += "\n" + line.rstrip()
        return ChatLog(self.name, self.platform, messages)


SOURCE = TicketBracketSource()
