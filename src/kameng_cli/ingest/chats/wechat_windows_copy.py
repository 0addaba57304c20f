"""WeChat for Windows multi-message copy (chat-exports.md §3.9): `name:` on its own line, the text, an
empty line between messages — and NO times at all. Order is kept; every time is unknown. A line
ending in ':' inside a message is taken as a header only after an empty line."""

from __future__ import annotations

from ..base import ParseContext
from .common import UNKNOWN, ChatLog, ChatMessage, previous_blank, split_blocks
from .layouts import WINDOWS_HEADER
from .source import ChatSource


class WechatWindowsCopySource(ChatSource):
    name = "wechat-windows-copy"
    label = {"zh": "微信 Windows 版复制的聊天（无时间）", "en": "WeChat for Windows copied chat (no times)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        lines = text.split("\n")

        def header(index: int, line: str):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            return WINDOWS_HEADER.match(line.rstrip()) if previous_blank(lines, index) and following.strip() else None

        messages = [
            ChatMessage(f"line {number}", match["name"].strip(), "\n".join(body), None, [UNKNOWN])
            for number, match, body in split_blocks(lines, header)
        ]
        return ChatLog(self.name, self.platform, messages)


SOURCE = WechatWindowsCopySource()
