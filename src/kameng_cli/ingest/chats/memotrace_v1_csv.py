"""WeChatMsg / MemoTrace v1 CSV (exporter_csv.py, chat-exports.md §3.1): 12 columns
`localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender`,
UTF-8 with BOM. 1-to-1 rows of early-2024 builds carry only 9 values, so the name columns are not
trusted blindly. Quote replies (49/57) have an EMPTY StrContent — the reply text is lost."""

from __future__ import annotations

import re

from ...parsing.amounts import AMOUNT_IN_TEXT
from ...parsing.times import display
from ..base import ParseContext
from .common import ChatLog, ChatMessage, chat_amount, chat_note, epoch_time, parse_full_time
from .csvrows import csv_rows, row_warning, unbalanced_quotes
from .memotrace_v1_txt import unescape_name
from .source import ChatSource

TYPES = {"1": "text", "3": "image", "34": "voice", "43": "video", "47": "other", "48": "other", "42": "other",
         "50": "other", "10000": "system", "10002": "system"}
MEDIA = {"47": "sticker", "48": "location", "42": "card", "50": "call"}
APP_SUBTYPES = {"5": ("other", "link"), "6": ("file", "file"), "19": ("other", "merged-forward"), "57": ("text", "quote"),
                "2000": ("transfer", "transfer"), "2001": ("other", "red-packet"), "33": ("other", "mini-program"),
                "36": ("other", "mini-program"), "87": ("system", "group-notice")}
PLACEHOLDER = {"image": "[图片]", "voice": "[语音]", "video": "[视频]", "sticker": "[表情]", "location": "[位置]",
               "card": "[名片]", "link": "[链接]", "file": "[文件]", "merged-forward": "[聊天记录]", "red-packet": "[红包]",
               "mini-program": "[小程序]", "transfer": "[转账]", "call": "[通话]"}


def v1_type(kind: str, sub: str) -> tuple[str, str]:
    """(message type, media) of a MemoTrace v1 record from WeChat's Type and SubType — one mapping for
    the CSV and the HTML, which hold the same records."""
    if kind == "49":
        return APP_SUBTYPES.get(sub, ("other", "app"))
    return TYPES.get(kind, "other"), MEDIA.get(kind, "")


_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_FEE = re.compile(rf"<feedesc>(?:<!\[CDATA\[)?[￥¥]?\s*({AMOUNT_IN_TEXT})")
REQUIRED = ("Type", "IsSender", "CreateTime", "StrContent")


class MemoTraceV1CsvSource(ChatSource):
    name = "memotrace-v1-csv"
    label = {"zh": "留痕/MemoTrace v1 导出（csv）", "en": "MemoTrace v1 export (csv)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        messages: list[ChatMessage] = []
        log = ChatLog(self.name, self.platform, messages)
        quotes_lost = mismatched = 0
        for row_number, row, width in csv_rows(text, REQUIRED, self.name, ctx.original_name):
            kind, sub = row.get("Type", "").strip(), row.get("SubType", "").strip()
            try:
                when = epoch_time(row["CreateTime"])
            except (ValueError, OverflowError):
                when = parse_full_time(row.get("StrTime", ""))
                if when is None:
                    log.warnings.append(row_warning(row_number, "chats.row_no_time", row.get("CreateTime", "")))
                    continue
            str_time = row.get("StrTime", "").strip()
            if str_time and display(when) != str_time:
                mismatched += 1
            content = row.get("StrContent", "")
            msg_type, media = v1_type(kind, sub)
            message = ChatMessage(f"row {row_number}", "", content, when, [])
            is_sender = row.get("IsSender", "").strip()
            message.is_me = is_sender == "1" if is_sender in ("0", "1") else None
            if width >= 12:
                message.sender = unescape_name(row.get("Remark") or row.get("NickName") or "")
                message.sender_id = row.get("Sender") or None
            if msg_type == "system":
                message.system, message.is_me, message.sender = True, None, ""
                message.text = _CDATA.sub(r"\1", content)
                message.text = re.sub(r"<[^>]+>", "", message.text).strip()
            elif media == "quote":
                if not content.strip():
                    quotes_lost += 1
                    message.extra["quote_text_lost"] = True
            elif msg_type != "text" or media:
                message.extra["content_raw"] = content[:500] if content.startswith("<") else ""
                cdata = _CDATA.search(content)
                message.text = PLACEHOLDER.get(media or msg_type, f"[{media or msg_type}]")
                if media == "call" and cdata:
                    message.text = f"[通话] {cdata.group(1)}"
                if msg_type == "transfer":
                    fee = _FEE.search(content)
                    if fee:
                        message.amount = chat_amount(fee.group(1))
            message.type = msg_type
            if media:
                message.extra["media"] = media
            messages.append(message)
        if not any(m.sender for m in messages if m.is_me is False):
            for message in messages:  # 9-value rows: the names are not in the file
                if not message.system and not message.sender:
                    message.sender = "我" if message.is_me else "对方"
        if quotes_lost:
            log.notes.append(chat_note("chat-exporter-loss", "warning", exporter="memotrace-v1-csv", lost=["quote-text"], count=quotes_lost))
        if mismatched:
            log.notes.append(chat_note("chat-time-mismatch", "warning", count=mismatched))
        if unbalanced_quotes(text):
            log.notes.append(chat_note("chat-truncated", "warning", reason="csv"))
        return log


SOURCE = MemoTraceV1CsvSource()
