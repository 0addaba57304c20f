"""Generic ticket / web-chat transcripts `名字 YYYY-MM-DD HH:MM:SS` then the body (chat-exports.md §4,
"common practice", not traced to one product). Ticket header fields before the first message
(工单编号：…, 创建时间：…) are kept as facts, not messages."""

from __future__ import annotations

import re

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, local_time, previous_blank, split_blocks
from .layouts import NAME_FULL_TIME
from .source import ChatSource

_FIELD = re.compile(r"^(?P<key>[^：:\s]{2,8})[：:]\s*(?P<value>.+)$")


class TicketTranscriptSource(ChatSource):
    name = "ticket-transcript"
    label = {"zh": "工单/客服对话记录（名字 时间 + 内容）", "en": "ticket transcript (name time + text)"}
    platform = "shop"

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        lines = text.split("\n")

        def header(index: int, line: str):
            match = NAME_FULL_TIME.match(line.rstrip()) if previous_blank(lines, index) else None
            return match if match and not match["name"].endswith(("：", ":")) else None

        messages = []
        first_header = None
        for number, match, body in split_blocks(lines, header):
            first_header = first_header or number
            when = local_time(int(match["y"]), int(match["mo"]), int(match["d"]), int(match["h"]), int(match["mi"]), int(match["s"]))
            messages.append(ChatMessage(f"line {number}", match["name"].strip(), "\n".join(body), when, [NO_TZ]))
        log = ChatLog(self.name, self.platform, messages)
        fields = {}
        for line in lines[: (first_header or 1) - 1]:
            field = _FIELD.match(line.strip())
            if field:
                fields[field["key"]] = field["value"].strip()
        if fields:
            log.facts["ticket"] = fields
            log.title = fields.get("工单编号", "")
        return log


SOURCE = TicketTranscriptSource()
