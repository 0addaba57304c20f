"""Which chat layout a text is: one decision for all chat sources, so that formats that could
overlap (QQ .txt vs MemoTrace TXT, ticket transcripts vs 千牛 copies, …) never both claim a file.

Every chat source's `sniff` asks `classify(sample)` and claims the file only when the answer is its
own name. Signatures come from chat-exports.md §5 ("Detection signatures"), each in the place the
exporter writes it (a first line, a line of its own), never a mention of it inside other text.
Layouts without a signature line are decided on positive evidence only (`_convincing`): several header
lines of the layout's full shape with a plausible date and time, a meaningful share of the non-blank
lines, bodies under the headers, and no strong signs of source code, markup or a program log — a
README, a script or a log that happens to hold a few such lines is no chat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..base import Sample

# Header lines, shared with the parsers (one definition per layout).
QQ_HEADER = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2}) (上午|下午)?(\d{1,2}):(\d{2}):(\d{2})(?: ([AP]M))? (.+)$"
)
TIME_FIRST = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?: (.*))?$")
WEFLOW_HEADER = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) '(.*)'$")
CHATLOG_HEADER = re.compile(
    r"^(?:(?P<name>.*?)\((?P<id>[^()]*)\)|(?P<system>系统消息|我))(?: \[[^\]]*\])? "
    r"(?:(?P<y>\d{4})-)?(?:(?P<mo>\d{2})-(?P<d>\d{2}) )?(?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})$"
)
NAME_FULL_TIME = re.compile(r"^(?P<name>.*?\S) ?(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2}) (?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})$")
MAC_HEADER = re.compile(r"^(?P<name>.+?) (?P<y>\d{4})/(?P<mo>\d{1,2})/(?P<d>\d{1,2}) (?P<h>\d{1,2}):(?P<mi>\d{2})$")
# The date is left out for today's messages (`[10:00] 我：…`, spec §4).
BRACKET_LINE = re.compile(
    r"^\[(?:(?P<y>\d{4})[/-](?P<mo>\d{1,2})[/-](?P<d>\d{1,2}) )?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\] ?"
    r"(?P<name>[^：:\n]{1,40}?)[：:](?P<text>.*)$"
)
WINDOWS_HEADER = re.compile(r"^(?P<name>[^\s:：][^:：]{0,40})[:：]$")
# WechatExporter (spec §3.6): `NAME (TIME):MESSAGE`, TIME = `%Y-%m-%d %H:%M:%S` — zero-padded, a real
# month, day, hour, minute and second.
IOS_LINE = re.compile(
    r"^(?P<name>.+?) \((?P<time>\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]) (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)\):(?P<text>.*)$"
)
# QQ copy-paste (spec §2.3): `【头衔】name 9:59:54 PM`, `name(QQ号) 3:13:28 AM`, `name<mail> …`,
# `name  23:50:12` (mobile: two spaces), `name: 05-01 18:05:27` (NT), `name 2/14/2020 9:16:13 PM`
# (side window), `name(QQ号) 2022/03/21 19:05:05`. Always with seconds, which tells it from a Mac copy.
QQ_COPY_HEADER = re.compile(
    r"^(?P<name>\S(?:.{0,60}?\S)?)(?P<colon>[:：])?(?: {1,2}|\t)"
    r"(?:(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}-\d{1,2}) )?"
    r"(?P<period>上午|下午)?(?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})(?: (?P<ampm>[AP]M))?$"
)
QQ_COPY_DAY = re.compile(r"^[—-]\s*[—-]?\s+(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})\s+[—-]\s*[—-]?$")  # mobile QQ
# 千牛's older layout: the name on one line, `YYYY-M-D H:MM:SS` alone on the next (spec §4).
TIME_ALONE = re.compile(r"^(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2}) (?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})$")
AI_TXT_DAY = re.compile(r"^\*{5,}\d{4}-\d{2}-\d{2}\*{5,}$")
QIANNIU_STATUS = frozenset({"已读", "未读", "发送中"})

# Signatures in the place the exporter writes them: MemoTrace's template opens the array on a line of
# its own with the first record (or the closing bracket) next; QQ writes `消息分组:` and the `=`×64
# rule as whole lines. A document or script that mentions them is not an export.
_HTML_START = re.compile(r"^[^\S\n]*(?:<[A-Za-z][^<>\n]*>[^\S\n]*)*const chatMessages = \[\s*(?:\{|\]|/\*)", re.M)
# The template with no record put in (an empty export): the array holds at most the marker comment.
_HTML_EMPTY = re.compile(r"const chatMessages = \[\s*(?:/\*[^*]{0,200}\*/\s*)?\];")
_QQ_GROUP_LINE = re.compile(r"^消息分组:", re.M)
_QQ_RULE_LINE = re.compile(r"^={64}[^\S\n]*$", re.M)

# Lines no chat exporter writes as a message header and that mark a file as source code, markup or a
# structured document: definitions and imports, shebangs, Markdown headings, fences and table rows,
# HTML/XML tags, lone brackets and JSON keys, comments and assignments.
CODE_OR_MARKUP = re.compile(
    r"^\s*(?:"
    r"(?:async\s+)?def\s+\w+\s*\(|class\s+\w+\s*[(:]|import\s+[\w.]+|from\s+[\w.]+\s+import\b"
    r"|#!|#{1,6}\s|```|~~~|if\s+__name__\b|return\b"
    r"|(?:const|let|var|function|package|#include|using)\s+[\w$]"
    r"|[{}\[\]()]+[,;]?\s*$|[{\[]\s*\"|\"[\w .-]*\"\s*:"
    r"|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!(?:DOCTYPE|--)|<\?xml"
    r"|\|.*\|\s*$|//|/\*|\*/"
    r"|[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*[-+*/]?=\s"
    r")"
)
# A program log (`2024-05-01 10:00:01 INFO starting`) puts a level where a chat puts a name.
_LOG_LEVEL = re.compile(r"^\s*\[?(?:[\w.]+\.)?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL|SEVERE)\b\]?")
# A sender's name (the line above a time alone in 千牛's older layout): short, without a time of its own.
_NAME_ABOVE = re.compile(r"^(?!.*\d{1,2}:\d{2})\S.{0,39}$")
# `- 注意:`, `* 步骤:`, `> 引用:`, `1. 准备:`: list items and quotes of a document, not a sender's name.
_NOT_A_NAME = re.compile(r"^(?:[-*+>]\s|\d+[.)]\s)")

CSV_SIGNATURES = (
    ("localId,TalkerId,Type,SubType,IsSender,CreateTime", "memotrace-v1-csv"),
    ("消息ID,类型,发送人,时间,内容,备注,昵称,更多信息", "memotrace-v2-csv"),
    ("Time,SenderName,Sender,TalkerName,Talker,Content", "chatlog-csv"),
    ("id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime", "pywxdump-csv"),
    ("id,MsgSvrID,type_name,is_sender,talker,msg,src,CreateTime", "weflow-csv"),
    ("时刻,消息类型,消息方向", "wechat-12425-csv"),
)


def classify(sample: Sample) -> str | None:
    text = sample.text
    found = classify_text(text[:32768]) if text else None
    if found is None and sample.head:
        # A UTF-8 export with a few damaged bytes (a character cut in two, one body in GBK) is not text
        # to the generic decoder, or decoded as something else: read it with U+FFFD for those bytes.
        damaged = _damaged_head(sample.head)
        if damaged is not None:
            found = classify_text(damaged[:32768])
        elif text is None:
            found = _binary_with_signature(sample.head)
    return found


def _binary_with_signature(head: bytes) -> str | None:
    """A file whose first line is an exporter's signature but whose bytes after it are no text: that
    export, damaged (its source then refuses it, naming the file, rather than it becoming an unknown
    file). Only the first-line signatures of spec §5 count."""
    first, newline, _rest = head.partition(b"\n")
    if not newline:
        return None
    try:
        line = first.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        return None
    return _signature(line, "") if line else None


@lru_cache(maxsize=8)
def _damaged_head(head: bytes) -> str | None:
    from .common import decode_damaged_utf8

    decoded = decode_damaged_utf8(head, final=False)
    return decoded[0] if decoded is not None else None


@lru_cache(maxsize=32)
def classify_text(text: str) -> str | None:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n", 600)[:600]
    first = next((line.strip() for line in lines if line.strip()), "")
    signature = _signature(first, text)
    if signature:
        return signature
    evidence = _header_evidence(lines)
    if not evidence:
        return None
    layout, found = max(evidence.items(), key=lambda item: item[1].headers)
    if not _convincing(layout, found, lines):
        return None
    if layout == "time-first":
        return _time_first_flavour(lines)
    if layout == "name-full-time":
        return "qianniu-copy" if _qianniu(lines) else "ticket-transcript"
    if layout == "qianniu-old":
        return "qianniu-copy"
    return layout


def _signature(first: str, text: str) -> str | None:
    if first.startswith("From: <Save by Tencent MsgMgr>"):
        return "qq-mht"
    if first.startswith("消息记录（此消息记录为文本格式") or (
        _QQ_GROUP_LINE.search(text[:4000]) and _QQ_RULE_LINE.search(text[:4000])
    ):
        return "qq-txt"
    if first.startswith("[QQChatExporter V"):
        return "qce-txt"
    for header, name in CSV_SIGNATURES:
        if first.startswith(header):
            return name
    if _HTML_START.search(text[:20000]) and ("is_send" in text[:30000] or _HTML_EMPTY.search(text[:20000])):
        return "memotrace-v1-html"
    if first.endswith(" - 微信聊天记录"):
        return "wechatexporter-txt"
    if AI_TXT_DAY.match(first):
        return "memotrace-v2-ai-txt"
    return None


@dataclass
class _Evidence:
    """The header lines of one layout in a text: how many, how many start a block (file start or after
    an empty line) and how many have a body line right under them."""

    headers: int = 0
    block_starts: int = 0
    with_body: int = 0


def _header_evidence(lines: list[str]) -> dict[str, _Evidence]:
    marks: list[str | None] = []
    blank_before = True
    for index, line in enumerate(lines):
        stripped = line.rstrip()
        if not stripped:
            blank_before = True
            marks.append(None)
            continue
        layout = _header_layout(stripped, blank_before)
        if layout == "qianniu-old" and not _NAME_ABOVE.match(lines[index - 1].strip()):
            layout = None  # the line above a time alone is 千牛's sender name, not a log line or a sentence
        marks.append(layout)
        blank_before = False
    found: dict[str, _Evidence] = {}
    for index, layout in enumerate(marks):
        if layout is None:
            continue
        evidence = found.setdefault(layout, _Evidence())
        evidence.headers += 1
        if index == 0 or not lines[index - 1].strip():
            evidence.block_starts += 1
        if index + 1 < len(lines) and lines[index + 1].strip() and marks[index + 1] is None:
            evidence.with_body += 1
    return found


# Layouts whose records may follow each other without an empty line (one-line records, a status line
# between records, QQ message-manager copies): their headers need not start blocks nor carry bodies.
_LINE_RECORDS = frozenset({"ticket-bracket", "qq-copy", "name-full-time", "qianniu-old"})
MIN_HEADERS = 2
MIN_SHARE = 0.15  # headers among the non-blank lines (bodies of about six lines on average at most)
MIN_SHARE_UNTIMED = 0.2  # WeChat Windows copies carry no time: their `name:` lines need more support
MAX_CODE_SHARE = 0.1


def _convincing(layout: str, found: _Evidence, lines: list[str]) -> bool:
    """Positive evidence that the text is a chat in `layout`, not a document that holds a few lines of
    that shape (a README, a script, a log)."""
    if found.headers < MIN_HEADERS:
        return False
    nonblank = [line for line in lines if line.strip()]
    share = MIN_SHARE_UNTIMED if layout == "wechat-windows-copy" else MIN_SHARE
    if found.headers < share * len(nonblank):
        return False
    # Block layouts: a header starts its block and has the message under it.
    if layout not in _LINE_RECORDS and (2 * found.block_starts < found.headers or 2 * found.with_body < found.headers):
        return False
    code = sum(1 for line in nonblank if CODE_OR_MARKUP.match(line))
    return not (code >= 2 and code >= MAX_CODE_SHARE * len(nonblank))


def _header_layout(line: str, blank_before: bool) -> str | None:
    if CODE_OR_MARKUP.match(line):
        return None  # `def main() -> None:`, `# 标题`, `| a | b |`: never a message header
    # Layouts whose records are one line each may follow each other without empty lines.
    bracket = BRACKET_LINE.match(line)
    if bracket:
        return "ticket-bracket" if _plausible(bracket) and not _LOG_LEVEL.match(bracket.group("name")) else None
    if line[:4].isdigit():
        # A table row that starts with a time (payment exports: `2023-05-28 21:05:11 ,文化休闲 ,…`,
        # Alipay 2023+ pads every cell) is not a message header.
        if line.count(",") >= 4 or line.count("\t") >= 4:
            return None
        weflow = WEFLOW_HEADER.match(line)
        if weflow:
            return "weflow-txt" if _plausible_groups(weflow, 2, 3, 4, 5, 6) else None
        alone = TIME_ALONE.match(line)
        if not blank_before and alone:
            # A time alone right under a line: 千牛's older layout (name above it). MemoTrace v2's
            # time-only system titles stand after an empty line.
            return "qianniu-old" if _plausible(alone) else None
        qq = QQ_HEADER.match(line)
        if qq:
            return "time-first" if _plausible_groups(qq, 2, 3, 5, 6, 7) and not _LOG_LEVEL.match(qq.group(9)) else None
        first = TIME_FIRST.match(line)
        if first:
            rest = first.group(7) or ""
            return "time-first" if _plausible_groups(first, 2, 3, 4, 5, 6) and not _LOG_LEVEL.match(rest) else None
        return None
    if line in QIANNIU_STATUS:
        return None
    chatlog = CHATLOG_HEADER.match(line)
    if chatlog:
        if not _plausible(chatlog):
            return None
        # chatlog puts a wxid in the brackets; a QQ number there is a QQ message-manager copy.
        return "qq-copy" if (chatlog.group("id") or "").isdigit() else "chatlog-text"
    full = NAME_FULL_TIME.match(line)
    if full:
        return "name-full-time" if _plausible(full) else None
    mac = MAC_HEADER.match(line)
    if mac:
        return "wechat-mac-copy" if _plausible(mac) else None
    copy = QQ_COPY_HEADER.match(line)
    if copy:
        return "qq-copy" if _plausible(copy) and _plausible_copy_date(copy.group("date")) else None
    day = QQ_COPY_DAY.match(line)
    if day:
        return "qq-copy" if _plausible(day) else None
    if blank_before and WINDOWS_HEADER.match(line) and not _NOT_A_NAME.match(line):
        return "wechat-windows-copy"
    return None


def _valid(month: str | None, day: str | None, hour: str | None, minute: str | None, second: str | None) -> bool:
    return ((month is None or 1 <= int(month) <= 12) and (day is None or 1 <= int(day) <= 31)
            and (hour is None or int(hour) <= 23) and (minute is None or int(minute) <= 59)
            and (second is None or int(second) <= 59))


def _plausible(match: re.Match[str]) -> bool:
    """The named date and time groups of a header hold a real month, day, hour, minute and second."""
    groups = match.groupdict()
    return _valid(groups.get("mo"), groups.get("d"), groups.get("h"), groups.get("mi"), groups.get("s"))


def _plausible_groups(match: re.Match[str], month: int, day: int, hour: int, minute: int, second: int) -> bool:
    return _valid(*(match.group(index) for index in (month, day, hour, minute, second)))


def _plausible_copy_date(date: str | None) -> bool:
    """QQ copies: `2/14/2020` (side window), `2022/03/21` (message manager), `05-01` (NT)."""
    if not date:
        return True
    parts = re.split(r"[/-]", date)
    if len(parts) == 3:
        month, day = (parts[1], parts[2]) if len(parts[0]) == 4 else (parts[0], parts[1])
    else:
        month, day = parts
    return _valid(month, day, None, None, None)


def _time_first_flavour(lines: list[str]) -> str:
    """QQ 消息管理器 txt without its banner (a pasted part), MemoTrace v1 TXT or MemoTrace v2 TXT."""
    v1 = v2 = 0
    for index, line in enumerate(lines):
        stripped = line.rstrip()
        match = QQ_HEADER.match(stripped)
        if match:
            hour = match.group(5)
            if match.group(4) or match.group(8) or len(hour) == 1 or re.search(r"\(\d{5,}\)$|<[^<>]+@[^<>]+>$", stripped):
                return "qq-txt"
        if TIME_FIRST.match(stripped) and stripped.count(" ") == 1 and (index == 0 or not lines[index - 1].strip()):
            v2 += 2  # MemoTrace v2 writes only the time as the title of a system message
        if stripped.startswith(("【图片】", "【语音】", "【视频】", "【文件】", "【发起转账】", "【已收款】", "【表情包】", "引用：")):
            v2 += 1
        if stripped.startswith(("[图片]", "[语音]", "[视频]", "[表情包]", "[文件]", "引用:")) or (
            TIME_FIRST.match(stripped) and "撤回了一条消息" in stripped
        ):
            v1 += 1
    return "memotrace-v2-txt" if v2 > v1 else "memotrace-v1-txt"


def _qianniu(lines: list[str]) -> bool:
    for line in lines:
        stripped = line.strip()
        if stripped in QIANNIU_STATUS or stripped.startswith("当前用户来自"):
            return True
        match = NAME_FULL_TIME.match(stripped)
        if match and match.group("name").endswith(("：", ":")):
            continue  # a ticket field such as 创建时间：2024-07-26 09:58:40
        if match and (len(match.group("mo")) == 1 or len(match.group("d")) == 1 or len(match.group("h")) == 1):
            return True
        if match and not stripped[match.start("y") - 1].isspace() and not match.group("name").endswith(("：", ":")):
            return True  # name glued to the time (readcliper.py)
    return False
