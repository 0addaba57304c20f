"""WeChat for Mac multi-message copy (chat-exports.md §3.9): `name YYYY/M/D HH:MM` then the text,
an empty line between messages. Minute precision, no zone; the selection is the user's."""

from __future__ import annotations

from ..base import ParseContext
from .common import MINUTE, NO_TZ, ChatLog, ChatMessage, local_time, previous_blank, split_blocks
from .layouts import MAC_HEADER
from .source import ChatSource


class WechatMacCopySource(ChatSource):
    name = "wechat-mac-copy"
    label = {"zh": "微信 Mac 版复制的聊天", "en": "WeChat for Mac copied chat"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        lines = text.split("\n")

        def header(index: int, line: str):
            return MAC_HEADER.match(line) if previous_blank(lines, index) else None

        messages = []
        for number, match, body in split_blocks(lines, header):
            when = local_time(int(match["y"]), int(match["mo"]), int(match["d"]), int(match["h"]), int(match["mi"]))
            messages.append(ChatMessage(f"line {number}", match["name"].strip(), "\n".join(body), when, [NO_TZ, MINUTE]))
        return ChatLog(self.name, self.platform, messages)


SOURCE = WechatMacCopySource()
