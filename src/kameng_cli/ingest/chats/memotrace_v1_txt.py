"""WeChatMsg / MemoTrace / 留痕 v1 TXT (app/util/exporter/exporter_txt.py, chat-exports.md §3.1):
`YYYY-MM-DD HH:MM:SS name` then the body, each record ending with an empty line; a system message is
`time content` on ONE line. The v1 TXT writer silently drops transfers, red packets, calls, locations,
cards and merged forwards — noted as an exporter loss on every exhibit of this format."""

from __future__ import annotations

import html
import re

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, chat_note, local_time
from .layouts import TIME_FIRST
from .source import ChatSource

_SYSTEM_TEXT = re.compile(r"撤回了一条消息|加入了群聊|你已添加了|拍了拍|邀请.*加入|移出了群聊|修改群名|以上是打招呼的内容|开启了朋友验证")


def unescape_name(name: str) -> str:
    """v1 passes names through an HTML/JS escaper (`\\'`, `&amp;`)."""
    return html.unescape(name.replace("\\'", "'").replace('\\"', '"'))


_CARD_INDENT = " " * 12


def read_time_first(text: str, source: str, *, system_one_liner: bool) -> list[ChatMessage]:
    """Records of the MemoTrace TXT layouts: a header `time name` (v2 system: `time` only) at the file
    start or after an empty line, then the body up to the next such header."""
    lines = text.split("\n")
    messages: list[ChatMessage] = []
    current: ChatMessage | None = None
    body: list[str] = []
    blank_before = True

    def close() -> None:
        if current is None:
            return
        while body and not body[-1].strip():
            body.pop()
        if current.system and not current.text or not current.system:
            # a link card's lines are indented by 12 spaces (spec §3.1, an f-string artefact)
            card = body and body[0].lstrip().startswith("[链接]")
            current.text = "\n".join([line[12:] if line.startswith(_CARD_INDENT) else line for line in body] if card else body)
        messages.append(current)

    for number, line in enumerate(lines, start=1):
        match = TIME_FIRST.match(line) if blank_before and line[:2] == "20" else None
        if match:
            y, mo, d, h, mi, s, rest = match.groups()
            next_line = lines[number] if number < len(lines) else ""
            when = local_time(int(y), int(mo), int(d), int(h), int(mi), int(s))
            close()
            body = []
            if rest is None:
                current = ChatMessage(f"line {number}", "", "", when, [NO_TZ], system=True)
            elif system_one_liner and not next_line.strip() and _SYSTEM_TEXT.search(rest):
                current = ChatMessage(f"line {number}", "", rest.strip(), when, [NO_TZ], system=True)
            else:
                current = ChatMessage(f"line {number}", unescape_name(rest.strip()), "", when, [NO_TZ])
            blank_before = False
            continue
        if current is not None:
            body.append(line)
        blank_before = not line.strip()
    close()
    return messages


class MemoTraceV1TxtSource(ChatSource):
    name = "memotrace-v1-txt"
    label = {"zh": "留痕/MemoTrace v1 导出（txt）", "en": "MemoTrace v1 export (txt)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        messages = read_time_first(text, self.name, system_one_liner=True)
        log = ChatLog(self.name, self.platform, messages)
        log.notes.append(chat_note("chat-exporter-loss", "warning", exporter="memotrace-v1-txt",
                                   lost=["transfer", "red-packet", "call", "location", "card", "merged-forward"]))
        return log


SOURCE = MemoTraceV1TxtSource()
