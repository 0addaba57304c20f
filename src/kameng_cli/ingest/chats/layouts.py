"""Which chat layout a text is: one decision for all chat sources, so that formats that could
overlap (QQ .txt vs MemoTrace TXT, ticket transcripts vs 千牛 copies, …) never both claim a file.

Every chat source's `sniff` asks `classify(sample)` and claims the file only when the answer is its
own name. Signatures come from chat-exports.md §5 ("Detection signatures"); layouts without a
signature line need at least two header lines that start a block (file start or after an empty line).
"""

from __future__ import annotations

import re
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
IOS_LINE = re.compile(r"^(?P<name>.+?) \((?P<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\):(?P<text>.*)$")
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
    if not text:
        return None
    return classify_text(text[:32768])


@lru_cache(maxsize=32)
def classify_text(text: str) -> str | None:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n", 600)[:600]
    first = next((line.strip() for line in lines if line.strip()), "")
    signature = _signature(first, text)
    if signature:
        return signature
    counts = _header_counts(lines)
    if not counts:
        return None
    best = max(counts.items(), key=lambda item: item[1])
    if best[1] < 2:
        return None
    layout = best[0]
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
    if first.startswith("消息记录（此消息记录为文本格式") or ("消息分组:" in text[:4000] and "=" * 64 in text[:4000]):
        return "qq-txt"
    if first.startswith("[QQChatExporter V"):
        return "qce-txt"
    for header, name in CSV_SIGNATURES:
        if first.startswith(header):
            return name
    if "const chatMessages = [" in text[:20000] and "is_send" in text[:30000]:
        return "memotrace-v1-html"
    if first.endswith(" - 微信聊天记录"):
        return "wechatexporter-txt"
    if AI_TXT_DAY.match(first):
        return "memotrace-v2-ai-txt"
    return None


def _header_counts(lines: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    blank_before = True
    for line in lines:
        stripped = line.rstrip()
        if not stripped:
            blank_before = True
            continue
        layout = _header_layout(stripped, blank_before)
        if layout:
            counts[layout] = counts.get(layout, 0) + 1
        blank_before = False
    return counts


def _header_layout(line: str, blank_before: bool) -> str | None:
    # Layouts whose records are one line each may follow each other without empty lines.
    if BRACKET_LINE.match(line):
        return "ticket-bracket"
    if line[:4].isdigit():
        # A table row that starts with a time (payment exports: `2023-05-28 21:05:11 ,文化休闲 ,…`,
        # Alipay 2023+ pads every cell) is not a message header.
        if line.count(",") >= 4 or line.count("\t") >= 4:
            return None
        if WEFLOW_HEADER.match(line):
            return "weflow-txt"
        if not blank_before and TIME_ALONE.match(line):
            # A time alone right under a line: 千牛's older layout (name above it). MemoTrace v2's
            # time-only system titles stand after an empty line.
            return "qianniu-old"
        if QQ_HEADER.match(line) or TIME_FIRST.match(line):
            return "time-first"
        return None
    if line in QIANNIU_STATUS:
        return None
    chatlog = CHATLOG_HEADER.match(line)
    if chatlog:
        # chatlog puts a wxid in the brackets; a QQ number there is a QQ message-manager copy.
        return "qq-copy" if (chatlog.group("id") or "").isdigit() else "chatlog-text"
    if NAME_FULL_TIME.match(line):
        return "name-full-time"
    if MAC_HEADER.match(line):
        return "wechat-mac-copy"
    if QQ_COPY_HEADER.match(line) or QQ_COPY_DAY.match(line):
        return "qq-copy"
    if blank_before and WINDOWS_HEADER.match(line):
        return "wechat-windows-copy"
    return None


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
