"""Chat screenshots: the bubbles of a WeChat / QQ / shop-chat screenshot read as messages, so that the
promises, deflections and demands on a screenshot reach the timeline like those of an export.

Layout, as phone chat apps draw it: the user's bubbles on the right, the other side's on the left,
times centred between them (`10:06`, `昨天 10:06`, `星期三 10:06`, `5月1日 10:06`, `2024年5月1日 10:06`),
grey system lines centred too (`对方撤回了一条消息`), the title bar at the top and the input bar at the
bottom. Lines of one bubble share their left edge and follow each other closely; they are joined
without a separator (Chinese wraps mid-sentence). A long bubble line can sit nearly centred too: the
other side's bubbles all start at one left edge (right of the avatars) and the user's all end at one
right edge, so a line on one of those edges is a bubble, and only a line centred exactly is a time or a
system line. A centred time dates the bubbles below it, on the day
the screenshot was taken (EXIF, else the file time); bubbles above the first time have no time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from ..parsing.times import CST, apply_period
from ..signals.overlap import TIME_LABEL
from .model import OcrLine, OcrPage, union

if TYPE_CHECKING:
    from ..ingest.base import ParseContext, ParseResult
    from ..model.records import Event, Note

TOP, BOTTOM = 0.08, 0.92  # title bar above, input bar below (share of the height)
CENTRED = 0.06  # a line whose centre is this close to the middle (share of the width) may be centred
EXACT = 0.02  # ... and is centred, whatever its edges, when its centre is this close (apps centre exactly)
_UI_WORDS = re.compile(r"^(?:发送|按住\s*说话|按住说话|切换到键盘|\+|表情|更多|语音|相册|拍摄|视频通话)$")
_SEPARATOR = re.compile(
    r"^(?:(?P<ymd>(?P<y>\d{4})\s*[年/-]\s*)?(?P<m>\d{1,2})\s*[月/-]\s*(?P<d>\d{1,2})\s*日?"
    r"|(?P<rel>昨天|前天)|(?:星期|周)(?P<wd>[一二三四五六日天]))?\s*"
    r"(?P<period>上午|下午|中午|晚上|凌晨|早上)?\s*(?P<h>\d{1,2})[:：](?P<mi>\d{2})$"
)
_WEEKDAYS = "一二三四五六日"
_VOICE = re.compile(r"^\d{1,2}\s*(?:\"|”|″|''|’’)$")  # a voice bubble shows only its length: 12"


@dataclass
class Bubble:
    side: str  # me / counterparty / system
    lines: list[OcrLine] = field(default_factory=list)
    when: datetime | None = None
    flags: list[str] = field(default_factory=list)
    sender: str = ""  # the name a group chat shows above the other side's bubble

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)

    @property
    def confidence(self) -> float:
        return min(line.confidence for line in self.lines)


def bubbles(page: OcrPage, taken: datetime | None, taken_flags: list[str] | None = None) -> list[Bubble]:
    """The messages of a chat screenshot in reading order. `taken`: when the screenshot was taken
    (dates the centred times); `taken_flags`: how sure that is (e.g. file-mtime)."""
    width, height = page.width or 1, page.height or 1
    found: list[Bubble] = []
    when: datetime | None = None
    flags = ["unknown"]
    rows = [line for line in _rows(page.lines) if _in_messages(line, height)]
    edges = _bubble_edges(rows, width)
    body = _body_height(rows)
    for line in rows:
        x, y, w, h = line.box
        text = line.text.strip()
        last = found[-1] if found else None
        if last is not None and last.side != "system" and _continues(last.lines[-1], line, body):
            last.lines.append(line)  # a wrapped line; its short tail may well sit near the middle
            continue
        if _centred(line, width, edges):
            separator = _SEPARATOR.match(text)
            if separator:
                when = _separator_time(separator, taken)
                flags = ["no-timezone", "minute", TIME_LABEL, *(taken_flags or [])] if when else ["unknown"]
                continue
            found.append(Bubble("system", [line], when, flags))
            continue
        side = "counterparty" if x < width - (x + w) else "me"
        found.append(Bubble(side, [line], when, flags))
    return _with_sender_names(found)


def _in_messages(line: OcrLine, height: int) -> bool:
    """Between the title bar and the input bar, and not one of the app's buttons."""
    _x, y, _w, h = line.box
    text = line.text.strip()
    return bool(text) and TOP * height <= y + h / 2 <= BOTTOM * height and not _UI_WORDS.match(text)


def _bubble_edges(rows: list[OcrLine], width: int) -> tuple[float | None, float | None, float]:
    """(left edge where the other side's bubble lines start, right edge where the user's end, how close
    counts as on it), from the lines that are clearly on one side: each side's bubbles are drawn
    against one edge (the avatar's), so most of its lines share it."""
    if not rows:
        return None, None, 0.0
    heights = sorted(line.box[3] for line in rows)
    near = 0.8 * heights[len(heights) // 2]
    lefts: list[float] = []
    rights: list[float] = []
    for line in rows:
        x, _y, w, _h = line.box
        centre = x + w / 2
        if abs(centre - width / 2) < CENTRED * width:
            continue
        if centre < width / 2:
            lefts.append(x)
        else:
            rights.append(x + w)
    return _common_edge(lefts, near, min), _common_edge(rights, near, max), near


def _common_edge(values: list[float], near: float, prefer: Any) -> float | None:
    """The value most others lie close to (ties: the outermost one)."""
    if not values:
        return None
    counts = {value: sum(1 for other in values if abs(other - value) <= near) for value in values}
    best = max(counts.values())
    return prefer(value for value, count in counts.items() if count == best)


def _centred(line: OcrLine, width: int, edges: tuple[float | None, float | None, float]) -> bool:
    """A time label or system line: centred exactly, or nearly centred and not against either side's
    bubble edge (a long bubble line of ~60 % of the width is nearly centred too)."""
    x, _y, w, _h = line.box
    offset = abs(x + w / 2 - width / 2)
    if offset >= CENTRED * width or w >= 0.6 * width:
        return False
    if offset <= EXACT * width:
        return True
    left, right, near = edges
    on_left = left is not None and abs(x - left) <= near
    on_right = right is not None and abs(x + w - right) <= near
    return not (on_left or on_right)


def _with_sender_names(found: list[Bubble]) -> list[Bubble]:
    """In a group chat a small name sits right above the other side's bubble: it names the sender of
    that bubble, it is not a message of its own."""
    kept: list[Bubble] = []
    for index, bubble in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if (following is not None and bubble.side == following.side == "counterparty" and len(bubble.lines) == 1
                and len(bubble.text) <= 16 and not following.sender):
            _x, y, _w, h = bubble.lines[0].box
            next_h = following.lines[0].box[3]
            if h < 0.85 * next_h and following.lines[0].box[1] - (y + h) < 1.5 * next_h:
                following.sender = bubble.text
                continue
        kept.append(bubble)
    return kept


def _rows(lines: list[OcrLine]) -> list[OcrLine]:
    """The lines top to bottom, with boxes OCR split on one visual row (要求全额退款，| 原路退回) joined
    left to right: they overlap vertically by half their height and nearly touch."""
    rows: list[OcrLine] = []
    for line in sorted(lines, key=lambda item: (item.box[1], item.box[0])):
        x, y, w, h = line.box
        for index, row in enumerate(rows):
            rx, ry, rw, rh = row.box
            overlap = min(y + h, ry + rh) - max(y, ry)
            gap = max(x - (rx + rw), rx - (x + w))
            if overlap >= 0.5 * min(h, rh) and gap <= 1.5 * max(h, rh):
                first, second = (row, line) if rx <= x else (line, row)
                rows[index] = OcrLine(first.text + second.text, union([row.box, line.box]), min(row.confidence, line.confidence))
                break
        else:
            rows.append(line)
    return sorted(rows, key=lambda item: (item.box[1], item.box[0]))


def _body_height(rows: list[OcrLine]) -> float:
    """The usual height of a line of bubble text (the median: most lines on a chat screen are that)."""
    heights = sorted(line.box[3] for line in rows)
    return heights[len(heights) // 2] if heights else 0.0


def _continues(above: OcrLine, line: OcrLine, body: float = 0.0) -> bool:
    """The next line of the same bubble: same left edge (within a character), right below. A smaller
    name above a bubble is not part of it; the box of a short last line (使用, 到账) is often taller
    than the full line above it, which is no reason to split the bubble."""
    ax, ay, _aw, ah = above.box
    x, y, _w, h = line.box
    same_size = abs(h - ah) <= 0.25 * max(ah, h) or (body > 0 and min(h, ah) >= 0.85 * body)
    return same_size and abs(x - ax) <= max(ah, h) * 0.8 and 0 <= y - (ay + ah) <= max(ah, h) * 0.7


def _separator_time(match: re.Match[str], taken: datetime | None) -> datetime | None:
    hour, minute = int(match.group("h")), int(match.group("mi"))
    hour = apply_period(hour, match.group("period"))
    if hour > 23 or minute > 59:
        return None
    day: date | None
    if match.group("ymd") or match.group("m"):
        base_year = taken.year if taken else None
        year = int(match.group("y")) if match.group("y") else base_year
        if year is None:
            return None
        try:
            day = date(year, int(match.group("m")), int(match.group("d")))
        except ValueError:
            return None
        if not match.group("y") and taken is not None and day > taken.date():
            day = day.replace(year=day.year - 1)  # 12月31日 on a screenshot taken in January
    elif taken is None:
        return None
    elif match.group("rel"):
        day = taken.date() - timedelta(days=1 if match.group("rel") == "昨天" else 2)
    elif match.group("wd"):
        weekday = _WEEKDAYS.index("日" if match.group("wd") == "天" else match.group("wd"))
        day = taken.date() - timedelta(days=(taken.date().weekday() - weekday) % 7 or 7)
    else:
        day = taken.date()
    return datetime.combine(day, time(hour, minute), tzinfo=CST)


def looks_like_chat(found: list[Bubble]) -> bool:
    """Bubbles on both sides, enough of them, and never two on one row: a chat even without the app's
    own words on screen. (A label on the left and its value on the right share a row: a form.)"""
    sides = [b.side for b in found if b.side != "system"]
    if len(sides) < 3 or "me" not in sides or "counterparty" not in sides:
        return False
    rows = [(union([line.box for line in b.lines]), b.side) for b in found if b.side != "system"]
    return not any(a[1] != b[1] and a[0][1] < b[0][1] + b[0][3] and b[0][1] < a[0][1] + a[0][3]
                   for i, a in enumerate(rows) for b in rows[i + 1:])


def chat_events(page: OcrPage, found: list[Bubble], result: ParseResult,
                ctx: ParseContext) -> tuple[list[Event], list[Note]]:
    """Message events (one per bubble) and the signals in them; notes of recalled messages."""
    from ..ingest.chats.common import ChatColumns, ChatLog
    from ..ingest.chats.result import build_result

    texts = [b.text for b in found]
    extras: list[dict[str, Any]] = [{"box": list(union([line.box for line in b.lines])), "ocr": True,
                                     "ocr_confidence": round(b.confidence, 3)} for b in found]
    columns = ChatColumns(
        locators=[f"bubble {number}" for number in range(1, len(found) + 1)],
        senders=[b.sender or {"me": "我", "counterparty": "对方", "system": "系统消息"}[b.side] for b in found],
        texts=texts, times=[b.when for b in found], time_flags=[b.flags for b in found],
        is_me=[None if b.side == "system" else b.side == "me" for b in found],
        system=[b.side == "system" for b in found], extras=extras,
        types=[("voice" if _VOICE.match(b.text) else None) for b in found] if any(_VOICE.match(b.text) for b in found) else None,
    )
    log = ChatLog("image", "screenshot", [], columns=columns)
    chat = build_result(log, ctx)
    # Read from pixels: each message is as sure as its weakest OCR line; a signal a little less.
    confidence = {index: round(0.9 * b.confidence, 3) for index, b in enumerate(found)}
    for event in chat.events:
        if event.kind == "message":
            event.confidence = confidence[event.data["index"]]
        else:
            event.confidence = round(0.8 * confidence.get(event.data.get("message_index"), 0.9), 3)
    return chat.events, [note for note in chat.notes if note.code == "chat-recalled"]
