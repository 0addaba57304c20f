"""WeFlow TXT (TxtFormatter.ts, chat-exports.md §3.5): `YYYY-MM-DD HH:MM:SS 'sender'` / body / empty
line; in private chats my own messages are `'我'`. Untranscribed voice messages are written as
`[其他消息]` — noted as an exporter loss."""

from __future__ import annotations

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, chat_note, local_time, split_blocks
from .layouts import WEFLOW_HEADER
from .source import ChatSource


class WeFlowTxtSource(ChatSource):
    name = "weflow-txt"
    label = {"zh": "WeFlow 导出（txt）", "en": "WeFlow export (txt)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        lines = text.split("\n")

        def header(index: int, line: str):
            return WEFLOW_HEADER.match(line) if (index == 0 or not lines[index - 1].strip()) and line[:2] == "20" else None

        messages = []
        for number, match, body in split_blocks(lines, header):
            y, mo, d, h, mi, s, sender = match.groups()
            message = ChatMessage(f"line {number}", sender, "\n".join(body),
                                  local_time(int(y), int(mo), int(d), int(h), int(mi), int(s)), [NO_TZ])
            messages.append(message)
        if any(m.sender == "我" for m in messages):
            for message in messages:
                message.is_me = message.sender == "我"
        log = ChatLog(self.name, self.platform, messages)
        unheard = sum(1 for m in messages if m.text.strip() == "[其他消息]")
        if unheard:
            log.notes.append(chat_note("chat-exporter-loss", "info", exporter="weflow-txt", lost=["voice"], count=unheard))
        return log


SOURCE = WeFlowTxtSource()
