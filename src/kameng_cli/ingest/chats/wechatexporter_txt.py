"""BlueMatthew/WechatExporter (iPhone backup) text mode (templates_txt, chat-exports.md §3.6): a title
line `<name> - 微信聊天记录`, then `NAME (YYYY-MM-DD HH:MM:SS):MESSAGE` one per line; a multi-line
message continues on the following lines. The system template stays English: `System Message: …`.

A continuation line can have a header's shape (a pasted log: `第二行 (2024-11-15 19:42:06):…`). In a
one-to-one chat — the title, the contact's name, speaks — only two names ever head a message: the
contact's and mine (case.toml's my_names, else the one other name that speaks most). A header-shaped
line with any third name after a message is that message's text. Group chats (the title is the
group's name, no speaker) and unclear cases keep every header."""

from __future__ import annotations

from collections import Counter

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, parse_full_time, time_from_previous
from .layouts import IOS_LINE
from .result import named_as_me
from .source import ChatSource

_SYSTEM = "System Message:"


class WechatExporterTxtSource(ChatSource):
    name = "wechatexporter-txt"
    label = {"zh": "WechatExporter 导出（iOS 备份，txt）", "en": "WechatExporter export (iOS backup, txt)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        lines = text.split("\n")
        title, title_line = "", -1
        for index, line in enumerate(lines):
            if line.strip():  # the first line: `<display name> - 微信聊天记录`
                if line.strip().endswith(" - 微信聊天记录"):
                    title, title_line = line.strip()[: -len(" - 微信聊天记录")], index
                break
        matches = list(map(IOS_LINE.match, lines))
        speakers = _speakers(title, Counter(m.group("name").strip() for m in matches
                                            if m and not m.group("name").startswith(_SYSTEM)), ctx)
        messages: list[ChatMessage] = []
        for number, (line, match) in enumerate(zip(lines, matches, strict=True), start=1):
            if number - 1 == title_line:
                continue
            if match and messages and speakers is not None and match.group("name").strip() not in speakers \
                    and not match.group("name").startswith(_SYSTEM):
                match = None  # a body line shaped like a header, with a name that never speaks here
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


def _speakers(title: str, names: Counter[str], ctx: ParseContext) -> set[str] | None:
    """The two names of a one-to-one chat (the contact = the title, and me), or None when the file
    is no one-to-one chat or who is me is unclear: then every header-shaped line is a header."""
    if not title or title not in names:
        return None
    others = [name for name in names if name != title]
    if len(others) <= 1:
        return None
    mine = named_as_me(others, ctx)
    if not mine:
        ranked = sorted(others, key=names.__getitem__, reverse=True)
        if names[ranked[0]] == names[ranked[1]]:
            return None
        mine = {ranked[0]}
    return {title, *mine}


SOURCE = WechatExporterTxtSource()
