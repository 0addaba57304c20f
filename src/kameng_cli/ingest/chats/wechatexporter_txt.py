"""BlueMatthew/WechatExporter (iPhone backup) text mode (templates_txt, chat-exports.md §3.6): a title
line `<name> - 微信聊天记录`, then `NAME (YYYY-MM-DD HH:MM:SS):MESSAGE` one per line; a multi-line
message continues on the following lines. The system template stays English: `System Message: …`."""

from __future__ import annotations

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, parse_full_time, time_from_previous
from .layouts import IOS_LINE
from .source import ChatSource

_SYSTEM = "System Message:"


class WechatExporterTxtSource(ChatSource):
    name = "wechatexporter-txt"
    label = {"zh": "WechatExporter 导出（iOS 备份，txt）", "en": "WechatExporter export (iOS backup, txt)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        lines = text.split("\n")
        title = ""
        messages: list[ChatMessage] = []
        for number, line in enumerate(lines, start=1):
            if not title and line.strip().endswith(" - 微信聊天记录"):
                title = line.strip()[: -len(" - 微信聊天记录")]
                continue
            match = IOS_LINE.match(line)
            if match:
                message = ChatMessage(f"line {number}", match.group("name").strip(), match.group("text"),
                                      parse_full_time(match.group("time")), [NO_TZ])
                if message.sender.startswith(_SYSTEM):
                    message.system = True
                messages.append(message)
            elif line.startswith(_SYSTEM):
                messages.append(ChatMessage(f"line {number}", "", line[len(_SYSTEM):].strip(), None, [NO_TZ], system=True))
            elif messages:
                messages[-1].text += "\n" + line
        for message in messages:
            message.text = message.text.rstrip("\n")
        time_from_previous(messages)
        names = {m.sender for m in messages if not m.system}
        if title and title in names and len(names) == 2:
            for message in messages:
                if not message.system:
                    message.is_me = message.sender != title
        return ChatLog(self.name, self.platform, messages, title=title)


SOURCE = WechatExporterTxtSource()
