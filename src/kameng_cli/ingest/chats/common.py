"""What every chat source shares: the parsed-message record (one `ChatMessage`, or the same fields as
`ChatColumns`), reading and decoding, placeholder typing, time stamps in Asia/Shanghai with their
flags, shop-like names.

A source module only knows its layout: it reads the file into `ChatMessage` records (sender, time,
text, what the format says about who is me) or columns, and `result.build_result` does the rest.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import repeat
from operator import attrgetter, is_not
from pathlib import Path
from typing import Any, NamedTuple

from ...i18n import locator_said, said, say_again
from ...model.records import Note, Warning
from ...parsing.amounts import AMOUNT_IN_TEXT, AmountError, parse_amount
from ...parsing.times import CST
from ..base import CLAIM, Sample, SourceError
from ..decoding import DecodeError, bom_encoding, detect_encoding, normalise_newlines

SURE = 0.9  # a signature line the exporter always writes
LIKELY = 0.7  # a layout that matched on several records
NOT_MINE = 0.0

NO_TZ = "no-timezone"  # local time of the exporting machine, taken as Asia/Shanghai
NO_YEAR = "no-year"  # the format omits the year; it was assumed (see the exhibit's notes)
NO_DATE = "no-date"
MINUTE = "minute"  # minute precision
UNKNOWN = "unknown"  # the format has no times at all

SELF_WORDS = frozenset({"我", "Me", "me", "我自己"})  # senders that can only be the user
SYSTEM_SENDERS = frozenset({"系统消息", "System Message:", "System Message", "系统提示", "系统"})


@dataclass(slots=True)
class ChatMessage:
    """One record of a chat log as the format wrote it."""

    locator: str  # "line 12" / "row 5" / "record 3"
    sender: str
    text: str
    time: datetime | None
    time_flags: list[str] = field(default_factory=list)
    is_me: bool | None = None  # what the format itself says (IsSender, "(我)", colour), None if silent
    system: bool = False  # a grey system line (joins, recalls, "你已添加了…")
    type: str | None = None  # set by formats with a type column; otherwise detected from the text
    amount: Decimal | None = None
    sender_id: str | None = None  # QQ number, wxid, e-mail
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ChatColumns:
    """The records of a log as parallel lists, one entry per record, in log order. The optional
    columns are None when the format says nothing of the kind for any record."""

    locators: list[str]  # "line 12" / "row 5"
    senders: list[str]
    texts: list[str]
    times: list[datetime | None]
    time_flags: list[list[str]]
    is_me: list[bool | None] | None = None  # what the format says of who is me (IsSender, "(我)")
    system: list[bool] | None = None  # grey system lines
    types: list[str | None] | None = None  # formats with a type column
    amounts: list[Decimal | None] | None = None
    sender_ids: list[str | None] | None = None  # QQ number, wxid, e-mail
    extras: list[dict[str, Any]] | None = None  # more fields for the event's data

    def __len__(self) -> int:
        return len(self.texts)

    @classmethod
    def of(cls, messages: list[ChatMessage]) -> ChatColumns:
        def column(name: str) -> list[Any]:
            return list(map(attrgetter(name), messages))

        def given(name: str) -> list[Any] | None:  # None when no record has a value
            values = column(name)
            return values if any(map(is_not, values, repeat(None))) else None

        def set_(name: str) -> list[Any] | None:  # None when no record has a true value ({} / False / "")
            values = column(name)
            return values if any(values) else None

        return cls(column("locator"), column("sender"), column("text"), column("time"), column("time_flags"),
                   given("is_me"), set_("system"), given("type"), given("amount"), set_("sender_id"), set_("extra"))


# --- reading -------------------------------------------------------------------------------------


class ChatText(NamedTuple):
    text: str  # \n line ends, blanks after the lines removed
    encoding: str
    endings: dict[str, int]  # line ends counted before normalising, and whether a BOM was there
    damaged_lines: list[int]  # 1-based lines holding bytes that are no text in `encoding` (shown as U+FFFD)


def read_chat_text(path: Path, preferred: tuple[str, ...] = ("utf-8", "gb18030"), name: str = "") -> ChatText:
    """The file as text with \n line ends, its encoding, and the line-end counts before normalising
    (a QQ .txt with LF only, or a MemoTrace TXT with CRLF, has been re-saved: §5 of the spec).

    A UTF-8 file in which a few lines hold bytes that are no UTF-8 (a character cut in two, one body
    saved in GBK) is read with U+FFFD in their place and the lines named (`damaged_lines`, stored as a
    `chat-undecodable` note): one bad byte must not turn a whole export into an unknown file. `name` is
    the user's file name for messages (the path is the staged copy)."""
    raw = path.read_bytes()
    damaged: list[int] = []
    try:  # decoding.read_text, without reading the file a second time
        try:
            encoding = detect_encoding(raw, preferred)
            guessed = bom_encoding(raw) is None and encoding not in (*preferred, "utf-8", "gb18030") and not raw.count(0)
            decoded = raw.decode(encoding, errors="strict")
        except (DecodeError, UnicodeDecodeError, LookupError):
            guessed, decoded = True, ""
        if guessed:  # no BOM, no clean decoding in an expected encoding: mostly UTF-8 with a few bad bytes?
            mostly = decode_damaged_utf8(raw)
            if mostly is not None:
                decoded, damaged = mostly
                encoding = "utf-8-sig" if raw.startswith(codecs.BOM_UTF8) else "utf-8"
            elif not decoded:
                encoding = detect_encoding(raw, preferred)
                decoded = raw.decode(encoding, errors="strict")
        text = normalise_newlines(decoded.lstrip("\ufeff"))
        if " \n" in text or "\t\n" in text or "\u3000\n" in text or "\xa0\n" in text or text.endswith((" ", "\t")):
            text = _TRAILING_BLANKS.sub("", text)  # a re-save or a paste left blanks after the lines
    except (DecodeError, UnicodeDecodeError, LookupError) as exc:
        raise SourceError("chats.undecodable", file=name or path.name, detail=str(exc)) from exc
    if encoding.startswith(("utf-8", "gb", "ascii")):
        crlf, lf = raw.count(b"\r\n"), raw.count(b"\n")
    else:  # UTF-16/32: count in the decoded text
        decoded = raw.decode(encoding, errors="replace")
        crlf, lf = decoded.count("\r\n"), decoded.count("\n")
    endings = {"crlf": crlf, "lf": max(lf - crlf, 0), "bom": int(raw[:3] == b"\xef\xbb\xbf" or raw[:2] in (b"\xff\xfe", b"\xfe\xff"))}
    return ChatText(text, encoding, endings, damaged)


# At most this many undecodable byte runs, on at most this share of the lines: more is no damaged
# UTF-8 text but another encoding or binary data.
DAMAGE_MAX_RUNS = 64
DAMAGE_MAX_LINE_SHARE = 0.1


def decode_damaged_utf8(raw: bytes, final: bool = True) -> tuple[str, list[int]] | None:
    """UTF-8 bytes with a few runs that are no UTF-8: the text with one U+FFFD per run, and the 1-based
    numbers of the lines holding them (CR, LF and CRLF ends counted as one line end). None when the bytes
    decode cleanly (nothing to repair), hold NUL bytes (binary, UTF-16), have no multi-byte UTF-8
    character at all, or are damaged on too many lines. `final=False` for a head cut at an arbitrary
    byte: a character cut at its end is no damage."""
    if b"\x00" in raw:
        return None
    pieces: list[str] = []
    runs: list[int] = []  # byte offsets of the bad runs
    position = 0
    while True:
        try:
            pieces.append(raw[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            if not final and exc.reason == "unexpected end of data":
                pieces.append(raw[position:position + exc.start].decode("utf-8"))
                break
            pieces.append(raw[position:position + exc.start].decode("utf-8"))
            pieces.append("\ufffd")
            runs.append(position + exc.start)
            position += exc.end
            if len(runs) > DAMAGE_MAX_RUNS:
                return None
    if not runs or not _has_multibyte(raw):
        return None
    lines: list[int] = []
    for offset in runs:
        before = raw[:offset]
        number = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        if not lines or lines[-1] != number:
            lines.append(number)
    total = raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n") + 1
    if len(lines) > max(1, total * DAMAGE_MAX_LINE_SHARE):
        return None
    return "".join(pieces), lines


def _has_multibyte(raw: bytes) -> bool:
    return re.search(rb"[\xe0-\xef][\x80-\xbf]{2}", raw) is not None


_TRAILING_BLANKS = re.compile(r"[ \t\u3000\xa0]+$", re.MULTILINE)


def head_lines(sample: Sample, limit: int = 400) -> list[str]:
    text = sample.text
    if not text:
        return []
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n", limit)[:limit]


# --- times ---------------------------------------------------------------------------------------

_date_cache: dict[tuple[int, int, int], date] = {}


def local_time(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    """A wall-clock time of the exporting machine, read as Asia/Shanghai (the exporters write no zone)."""
    return datetime(year, month, day, hour, minute, second, tzinfo=CST)


def hour_12(hour: int, marker: str | None) -> int:
    """12-hour clock to 24: 12 AM is 00, 12 PM is noon; 上午/下午 behave like AM/PM."""
    if not marker:
        return hour
    if marker in ("PM", "pm", "下午", "晚上"):
        return hour if hour == 12 else hour + 12
    if marker in ("AM", "am", "上午", "凌晨", "早上") and hour == 12:
        return 0
    return hour


def epoch_time(seconds: str | int | float) -> datetime:
    return datetime.fromtimestamp(int(float(seconds)), CST)


def parse_full_time(text: str) -> datetime | None:
    """`YYYY-MM-DD HH:MM:SS` (also `/`, no padding, optional seconds) as Asia/Shanghai, or None."""
    match = _FULL_TIME.match(text.strip())
    if not match:
        return None
    y, mo, d, h, mi, s = match.groups()
    try:
        return local_time(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
    except ValueError:
        return None


_FULL_TIME = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:[+-]\d{2}:?\d{2}|Z)?$")


# --- types ---------------------------------------------------------------------------------------

# Placeholders exporters write for non-text messages (spec §5 "Placeholders"). Order matters: the
# first match wins; a text that only *contains* a placeholder among words stays text.
_PLACEHOLDERS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), kind, media)
    for pattern, kind, media in (
        (r"^(?:\[图片\]|【图片】|图片|!\[图片\]\([^)]*\)|Image|<IMG [^>]*>|\[图片消息\])\s*\d*$", "image", "image"),
        (r"^(?:\[表情\]|\[表情包\]|【表情包】.*|\[动画表情\]|!\[动画表情\]\([^)]*\)|表情|\[表情消息\])$", "other", "sticker"),
        (r"^(?:\[语音(?: [^\]]*)?\]|【语音】.*|\[语音\]\([^)]*\)|语音时长[:：].*|Voice|\[其他消息\])$", "voice", "voice"),
        (r"^(?:\[视频\]\S*|【视频】|!\[视频\]\([^)]*\)|视频|VIDEO FILE)$", "video", "video"),
        (r"^(?:\[文件\].*|【文件】.*|\[文件\|[^\]]*\]\([^)]*\)|FILE:.*)$", "file", "file"),
        (r"^(?:\[语音通话\].*|\[视频通话\].*|\[视频/语音通话\]|【音视频通话】[\s\S]*|通话时长 ?[\d:]+|语音通话.*|视频通话.*)$", "other", "call"),
        (r"^(?:\[位置\].*|\[位置\|[^\]]*\]|【位置】.*)$", "other", "location"),
        (r"^(?:\[红包\].*|【红包】.*)$", "other", "red-packet"),
        (r"^(?:\[链接\][\s\S]*|\[链接\|[^\]]*\]\([^)]*\)|【分享链接】[\s\S]*)$", "other", "link"),  # a card spans lines
        (r"^(?:\[名片\].*|\[个人名片\].*)$", "other", "card"),
        # A merged forward (合并转发): the buyer chose which messages went in — selective by construction.
        (r"^(?:【合并转发的聊天记录】.*|\[合并转发(?:\|[^\]]*)?\].*|\[(?:转发的)?聊天记录\].*)$", "other", "merged-forward"),
        (r"^\[系统消息\]$", "system", "system"),  # QCE
        (r"^\[无文本内容\]$", "other", "placeholder"),
    )
)
# Transfers are evidence of payment: keep them typed, with the amount (spec §5). Amounts may carry
# thousands separators (`￥1,200.50`): `_AMOUNT` reads them whole, never the part after a comma.
_AMOUNT = AMOUNT_IN_TEXT
_TRANSFER = re.compile(
    rf"^(?:【(?:发起转账|已收款|已退还|非实时转账收款|发起非实时转账)】\s*:?\s*[￥¥]?\s*(?P<a1>{_AMOUNT})"
    rf"|\[(?:微信)?转账(?P<kind>[^\]|]{{0,6}})\]\s*[￥¥]?\s*(?P<a6>{_AMOUNT})"  # WeFlow `[转账]￥100.00 memo 我→X`
    rf"|\[转账(?:\|[^\]]*?)?\s*[￥¥]?(?P<a2>{_AMOUNT})?\]"
    rf"|转账[：:]\s*[￥¥]?\s*(?P<a3>{_AMOUNT})"
    rf"|微信转账\s*[￥¥]?\s*(?P<a4>{_AMOUNT})?"
    rf"|\[转账\][^\d]*(?P<a5>{_AMOUNT})?)"
)
# WeFlow ends a transfer with who paid whom: `我→云游卡铺`, `云游卡铺→我`.
_TRANSFER_PARTIES = re.compile(r"(?:^|\s)(?P<payer>[^\s→]{1,40})\s*(?:→|->)\s*(?P<payee>[^\s→]{1,40})\s*$")
_TRANSFER_STATE = re.compile(r"【(已收款|已退还|发起转账|非实时转账收款|发起非实时转账)】|(已收款|已退还|退还|发送|接收)")
_RECALL = re.compile(r"^(?:\"?(?P<who>[^\"\n]*?)\"?\s*撤回了一条消息|(?P<you>你)撤回了一条消息)(?:\s*重新编辑)?\s*$")


def chat_amount(text: str) -> Decimal:
    """An amount matched by `AMOUNT_IN_TEXT` (`1,200.50` → 1200.50), to the fen."""
    try:
        return parse_amount(text, max_places=8)
    except AmountError:  # pragma: no cover - the pattern only matches numbers
        return Decimal(text.replace(",", "")).quantize(Decimal("0.01"))


@dataclass(slots=True, frozen=True)
class Typed:
    type: str
    media: str = ""
    amount: Decimal | None = None
    transfer_state: str = ""
    recalled_by: str = ""
    payer: str = ""  # a transfer that names who paid whom (WeFlow)
    payee: str = ""


RECALL_WORDS = "撤回了一条消息"  # in every exporter's recall line
TEXT_TYPED = Typed("text")
SYSTEM_TYPED = Typed("system")
PLACEHOLDER_START = frozenset("[【<!图表语视VIF转微通\"你 \n\t")


def detect_type(text: str) -> Typed:
    """What kind of message a body is, from the placeholders the exporters write."""
    if text and text[0] not in PLACEHOLDER_START and RECALL_WORDS not in text:
        return TEXT_TYPED
    body = text.strip()
    if not body:
        return Typed("other", "empty")
    recall = _RECALL.match(body)
    if recall:
        return Typed("recall", recalled_by=(recall.group("who") or recall.group("you") or "").strip())
    transfer = _TRANSFER.match(body)
    if transfer:
        amount_text = next((g for g in transfer.group("a1", "a6", "a2", "a3", "a4", "a5") if g), None)
        kind = transfer.group("kind") or ""
        if "收款" in kind or "退" in kind:  # WeFlow `[转账收款]`, `[转账退还]`
            state_text = "已收款" if "收款" in kind else "已退还"
        else:
            state = _TRANSFER_STATE.search(body)
            state_text = (state.group(1) or state.group(2)) if state else ""
        parties = _TRANSFER_PARTIES.search(body.split("\n", 1)[0])
        return Typed("transfer", "transfer", chat_amount(amount_text) if amount_text else None,
                     state_text, payer=parties.group("payer") if parties else "", payee=parties.group("payee") if parties else "")
    first_line = body.split("\n", 1)[0].strip()
    for pattern, kind, media in _PLACEHOLDERS:
        if pattern.match(first_line if kind != "other" or media not in ("call", "link") else body):
            return Typed(kind, media)
    return Typed("text")


# --- roles ---------------------------------------------------------------------------------------

# Words that mark a shop / customer-service account (used only when nothing better says who is who).
MERCHANT_NAME = re.compile(r"卡盟|客服|小铺|店|卡铺|售后|数卡|商城|官方|专营|数码|商家|老板|kefu|shop|store|service|:|：", re.IGNORECASE)
_TITLE_PREFIX = re.compile(r"^【[^】]*】")


def bare_name(sender: str) -> str:
    """`【管理员】星辰卡盟-小雅(100000002)` → `星辰卡盟-小雅` (titles and account ids dropped)."""
    name = _TITLE_PREFIX.sub("", sender.strip())
    name = re.sub(r"\s*(?:\(\d+\)|<[^<>]+>|\((?:我|wxid_[^)]*)\))$", "", name)
    return name.strip()


# --- result --------------------------------------------------------------------------------------


@dataclass
class ChatLog:
    """What a source hands to `build_result`."""

    source: str  # the source's name
    platform: str  # qq / wechat / shop / web
    messages: list[ChatMessage]
    encoding: str = "utf-8"
    endings: dict[str, int] = field(default_factory=dict)
    title: str = ""  # conversation name when the file says it
    group: bool = False
    warnings: list[Warning] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    notes: list[Any] = field(default_factory=list)  # format-specific Note objects (exporter losses, ...)
    messages_out: list[str] = field(default_factory=list)
    columns: ChatColumns | None = None  # the records as columns, instead of `messages` (long logs)
    damaged_lines: list[int] = field(default_factory=list)  # lines with undecodable bytes (read_chat_text)


def summary_text(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def chat_note(code: str, severity: str = "info", **data: Any) -> Note:
    """A completeness note with its message from the catalog (codes: docs/chats.md). The time source of
    an assumed year (`source`: order / file / today) is said in words, in the reader's language."""
    rendered = {k: (", ".join(map(str, v)) if isinstance(v, list) else _shown_time(v)) for k, v in data.items()}
    if isinstance(data.get("source"), str) and data["source"] in _ANCHORS:
        rendered["source"] = said(f"chats.anchor.{data['source']}")
    if data.get("by") in _SPEAKERS:  # a role slug in the data, words in the message
        rendered["by"] = said(f"chats.by.{data['by']}")
    for name, value in data.items():
        if name.endswith("locator") and isinstance(value, str):
            rendered[name] = locator_said(value)  # "line 9" in the data, 第 9 行 in a Chinese message
    key = f"chats.note.{code}"
    return Note(None, code, say_again({"key": key, "params": rendered}) or key, severity, data, key=key, params=rendered)


_ANCHORS = ("order", "file", "today")
_SPEAKERS = ("me", "counterparty", "system", "unknown")


_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _shown_time(value: Any) -> Any:
    """2024-05-03T11:00:00+08:00 → 2024-05-03 11:00 in a note's message (its data keeps the ISO form)."""
    if isinstance(value, str) and _ISO_TIME.match(value):
        return value[:16].replace("T", " ")
    return value


# --- small shared parsing helpers ----------------------------------------------------------------


def split_blocks(lines: list[str], is_header: Callable[[int, str], Any]) -> Iterable[tuple[int, Any, list[str]]]:
    """Messages of header-and-body layouts: (header line number 1-based, header match, body lines).
    Trailing empty lines of a body are dropped; empty lines inside it are kept (QQtoExcel#6, #9)."""
    current: tuple[int, Any] | None = None
    body: list[str] = []
    for number, line in enumerate(lines, start=1):
        match = is_header(number - 1, line)
        if match:
            if current is not None:
                yield current[0], current[1], _trim(body)
            current, body = (number, match), []
        elif current is not None:
            body.append(line)
    if current is not None:
        yield current[0], current[1], _trim(body)


def _trim(body: list[str]) -> list[str]:
    end = len(body)
    while end and not body[end - 1].strip():
        end -= 1
    return body[:end]


def previous_blank(lines: list[str], index: int) -> bool:
    """True at the start of the file or after an empty line: where a real header can start.
    A header-looking line inside a body (someone pasting a log) has text right above it."""
    return index == 0 or not lines[index - 1].strip()


def time_from_previous(messages: list[ChatMessage]) -> None:
    """A stand-alone grey line (a recall in a copy) has no time of its own: it happened after the
    message before it, so it takes that time, flagged."""
    for index, message in enumerate(messages):
        if message.time is None and index > 0 and messages[index - 1].time is not None:
            message.time = messages[index - 1].time
            message.time_flags = [*messages[index - 1].time_flags, "after-previous"]


def claim_if(condition: bool, score: float = LIKELY) -> float:
    return score if condition else NOT_MINE


def is_claim(score: float) -> bool:
    return score >= CLAIM


def timedelta_hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600
