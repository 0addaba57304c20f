"""QQ classic 消息管理器 → 导出 → .mht (chat-exports.md §2.2): a MIME web archive whose HTML part is a
table; `日期: YYYY-MM-DD` rows set the day, each message row carries the sender, `H:mm:ss` (maybe with
上午/下午) and the content. Colour #42B475 marks my own messages, #006EFE the other side's — but the
first message of a section can have the wrong colour (lqzhgood's config): colours are voted per
sender, and the user's own name (case.toml's my_names) wins over them.

The MIME structure is read with the stdlib `email` package: QQ writes the HTML part as 7bit, but an
.mht re-saved by IE, Word or a mail client may carry it quoted-printable or base64, in any charset.
The HTML is read as a stream of `<tr>` elements: line breaks (or other blanks) between its tags
change nothing (spec §2.2)."""

from __future__ import annotations

import email
import html
import re
from email.message import Message
from pathlib import Path

from ...bulk import without_gc
from ...i18n import t
from ..base import ParseContext, ParseResult
from .common import NO_TZ, ChatLog, ChatMessage, chat_note, hour_12, local_time, read_chat_text
from .qq_txt import split_sender
from .result import build_result, named_as_me
from .source import ChatSource

_ROW = re.compile(r"<tr\s*>(.*?)</tr\s*>", re.S | re.I)
_DATE = re.compile(r"日期:\s*(\d{4})-(\d{1,2})-(\d{1,2})")
# Blanks (a line break from a re-save or a generator) are allowed wherever they cannot change the
# meaning: between tags, around the time, inside a tag before its attributes.
_MESSAGE = re.compile(
    r"<div\s+style=color:(?P<colour>#[0-9A-Fa-f]{6});[^>]*>\s*<div\s+style=float:left;margin-right:6px;>(?P<sender>.*?)</div\s*>"
    r"\s*(?P<period>上午|下午)?\s*(?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})\s*</div\s*>\s*<div\s+style=padding-left:20px;>"
    r"(?P<content>.*?)</div\s*>\s*</td\s*>",
    re.S | re.I,
)
_META_CHARSET = re.compile(rb"<meta[^>]*charset\s*=\s*[\"']?([\w-]+)", re.I)
_PLAIN_ENCODINGS = ("", "7bit", "8bit", "binary")
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
            read = read_chat_text(path, ("utf-8",), ctx.original_name)
            log = self.read(read.text, ctx)
            log.encoding, log.endings, log.damaged_lines = read.encoding, read.endings, read.damaged_lines
            return build_result(log, ctx)

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        document, offset, parts, closed = _html_part(text)
        # Locators: `line N` of the file where the HTML stands in it as is (QQ's 7bit part); a decoded
        # part (quoted-printable, base64) has no lines of the file, so its rows are counted instead.
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)] if offset is not None else []
        messages: list[ChatMessage] = []
        day: tuple[int, int, int] | None = None
        votes: dict[str, list[int]] = {}  # sender → [green rows, other rows], section-first rows left out
        first_votes: dict[str, list[int]] = {}  # the same for the first row of each date section
        section_first = True
        for row in _ROW.finditer(document):
            content = row.group(1)
            date = _DATE.search(content)
            if date:
                day = (int(date.group(1)), int(date.group(2)), int(date.group(3)))
                section_first = True
                continue
            match = _MESSAGE.search(content)
            if not match or day is None:
                continue
            locator = f"line {_line_of(line_starts, offset + row.start())}" if offset is not None else f"record {len(messages) + 1}"
            sender, sender_id, _title, system = split_sender(
                html.unescape(match.group("sender").replace("&get;", "&gt;")).replace("\xa0", " "))
            hour = hour_12(int(match.group("h")), match.group("period"))
            body, images, missing = _content(match.group("content"), parts)
            message = ChatMessage(locator, sender, body, local_time(*day, hour, int(match.group("mi")), int(match.group("s"))), [NO_TZ],
                                  sender_id=sender_id)
            if images:
                message.extra["images"] = images
                if missing:
                    message.extra["images_missing"] = missing
            if system:
                message.system = True
            else:
                tally = (first_votes if section_first else votes).setdefault(sender, [0, 0])
                tally[0 if match.group("colour").upper() == SELF_COLOUR else 1] += 1
            section_first = False
            messages.append(message)
        title = _TITLE.search(document)
        group = _GROUP.search(document)
        log = ChatLog(self.name, self.platform, messages, title=html.unescape(title.group(1)).strip() if title else "",
                      group=bool(group and "群" in group.group(1)))
        mine, doubt = _colour_roles(votes, first_votes, ctx)
        if mine is not None:
            for message in messages:
                if not message.system:
                    message.is_me = message.sender in mine
        else:  # names decide (result.assign_roles): case.toml's my_names, the question, the guess
            log.facts["colours_ignored"] = doubt
            log.messages_out.append(t(f"chats.mht_colours_{doubt}"))
        if "</html>" not in document.lower() or not closed:
            log.notes.append(chat_note("chat-truncated", "warning", reason="mht"))
        return log


def _html_part(text: str) -> tuple[str, int | None, set[str], bool]:
    """The HTML of the web archive, decoded: (html, its offset in `text` when it stands there as is,
    the Content-Location names of the other parts, whether the multipart is closed by its final
    boundary). A single-part archive is its own HTML part; without a MIME structure (damaged
    headers), the whole text is read as the HTML."""
    archive = email.message_from_string(text)
    names: set[str] = set()
    document: str | None = None
    offset: int | None = None
    for part in archive.walk():
        if part.is_multipart():
            continue
        if part.get_content_type() == "text/html" and document is None:
            document, plain = _decoded(part)
            if plain:
                found = text.find(document[:4096])
                offset = found if found >= 0 else None
        else:
            location = part.get("Content-Location")
            if location:
                names.add(location.strip())
    boundary = archive.get_boundary()
    closed = boundary is None or f"--{boundary}--" in text
    if document is None:
        return text, 0, names | set(re.findall(r"Content-Location:\s*(\S+)", text)), closed
    return document, offset, names, closed


def _decoded(part: Message) -> tuple[str, bool]:
    """A part's text and whether it stands in the file as is (no transfer encoding to undo)."""
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    payload = part.get_payload()
    if encoding in _PLAIN_ENCODINGS and isinstance(payload, str):
        return payload, True
    raw = part.get_payload(decode=True) or b""
    charset = part.get_content_charset()
    if not charset:
        meta = _META_CHARSET.search(raw[:4096])
        charset = meta.group(1).decode("ascii") if meta else "utf-8"
    try:
        return raw.decode(charset, errors="replace"), False
    except LookupError:
        return raw.decode("utf-8", errors="replace"), False


def _colour_roles(votes: dict[str, list[int]], first_votes: dict[str, list[int]],
                  ctx: ParseContext) -> tuple[set[str] | None, str]:
    """Who is me by colour, or (None, why) when the colours cannot be trusted.

    Each sender's colour is decided by majority over their rows; the first row of a date section is
    the one QQ may colour wrongly (lqzhgood's config), so it counts only for a sender who has no other
    row, or to break a tie. The colours are dropped — and names decide — when a sender stays tied,
    when they make every speaker me (a two-sided chat is not a monologue), or when case.toml's
    my_names names a sender the colours call the other side: the user's own name wins over a colour."""
    senders = list(dict.fromkeys([*votes, *first_votes]))
    mine: set[str] = set()
    for sender in senders:
        green, other = votes.get(sender, [0, 0])
        if green == other:
            first_green, first_other = first_votes.get(sender, [0, 0])
            green, other = green + first_green, other + first_other
        if green == other:
            return None, "tied"
        if green > other:
            mine.add(sender)
    if len(senders) > 1 and mine == set(senders):
        return None, "all_me"
    if named_as_me(senders, ctx) - mine:
        return None, "disagree"
    return mine, ""


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
