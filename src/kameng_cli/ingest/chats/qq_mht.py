"""QQ classic 消息管理器 → 导出 → .mht (chat-exports.md §2.2): a MIME web archive whose HTML part is a
table; `日期: YYYY-MM-DD` rows set the day, each message row carries the sender, `H:mm:ss` (maybe with
上午/下午) and the content. Colour #42B475 marks my own messages, #006EFE the other side's — but the
first message of a section can have the wrong colour (lqzhgood's config), so names confirm it."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ...bulk import without_gc
from ..base import ParseContext, ParseResult
from .common import NO_TZ, ChatLog, ChatMessage, chat_note, hour_12, local_time, read_chat_text
from .result import build_result
from .source import ChatSource

_ROW = re.compile(r"<tr>(.*?)</tr>", re.S | re.I)
_DATE = re.compile(r"日期:\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_MESSAGE = re.compile(
    r"<div style=color:(?P<colour>#[0-9A-Fa-f]{6});[^>]*><div style=float:left;margin-right:6px;>(?P<sender>.*?)</div>"
    r"(?P<period>上午|下午)?(?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})</div><div style=padding-left:20px;>(?P<content>.*?)</div>\s*</td>",
    re.S | re.I,
)
_TITLE = re.compile(r"消息对象:(.*?)</div>")
_GROUP = re.compile(r"消息分组:(.*?)</div>")
_IMG = re.compile(r"<img[^>]*src=\"?([^\" >]+)\"?[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
SELF_COLOUR = "#42B475"


class QQMhtSource(ChatSource):
    name = "qq-mht"
    label = {"zh": "QQ 消息管理器导出（mht）", "en": "QQ message manager export (mht)"}
    platform = "qq"

    def parse(self, path: Path, ctx: ParseContext) -> ParseResult:
        with without_gc():
            text, encoding, endings = read_chat_text(path, ("utf-8",))
            log = self.read(text, ctx)
            log.encoding, log.endings = encoding, endings
            return build_result(log, ctx)

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        parts = {m.group(1) for m in re.finditer(r"Content-Location:\s*(\S+)", text)}
        boundary = re.search(r'boundary="([^"]+)"', text)
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        messages: list[ChatMessage] = []
        day: tuple[int, int, int] | None = None
        colours: dict[str, set[str]] = {}
        for row in _ROW.finditer(text):
            content = row.group(1)
            date = _DATE.search(content)
            if date:
                day = (int(date.group(1)), int(date.group(2)), int(date.group(3)))
                continue
            match = _MESSAGE.search(content)
            if not match or day is None:
                continue
            line = _line_of(line_starts, row.start())
            sender = html.unescape(match.group("sender").replace("&get;", "&gt;")).replace("\xa0", " ").strip()
            hour = hour_12(int(match.group("h")), match.group("period"))
            body, images, missing = _content(match.group("content"), parts)
            message = ChatMessage(f"line {line}", sender, body, local_time(*day, hour, int(match.group("mi")), int(match.group("s"))), [NO_TZ])
            if images:
                message.extra["images"] = images
                if missing:
                    message.extra["images_missing"] = missing
            if sender.startswith("系统消息"):
                message.system = True
            colours.setdefault(sender, set()).add(match.group("colour").upper())
            messages.append(message)
        # A sender's colour decides, by majority over all their messages (one section's first row may lie).
        mine = {s for s, c in colours.items() if SELF_COLOUR in c and len(c) == 1}
        if not mine:
            mine = {s for s, c in colours.items() if SELF_COLOUR in c}
        for message in messages:
            if not message.system:
                message.is_me = message.sender in mine
        title = _TITLE.search(text)
        group = _GROUP.search(text)
        log = ChatLog(self.name, self.platform, messages, title=html.unescape(title.group(1)).strip() if title else "",
                      group=bool(group and "群" in group.group(1)))
        if "</html>" not in text.lower() or (boundary and f"--{boundary.group(1)}--" not in text):
            log.notes.append(chat_note("chat-truncated", "warning", reason="mht"))
        return log


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)


def _content(raw: str, parts: set[str]) -> tuple[str, list[str], list[str]]:
    images = _IMG.findall(raw)
    text = _IMG.sub("[图片]", raw)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = html.unescape(_TAG.sub("", text).replace("&get;", "&gt;")).replace("\xa0", " ")
    missing = [name for name in images if name not in parts]
    return text.strip(), images, missing


SOURCE = QQMhtSource()
