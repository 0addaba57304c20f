"""xaoyaoo/PyWxDump `export_csv` pages (exportCSV.py, chat-exports.md §3.4): `<wxid>_<start>_<end>.csv`,
5000 messages a page, UTF-8 without BOM, CRLF, `id,MsgSvrID,type_name,is_sender,talker,room_name,msg,
src,CreateTime`; `talker` is a wxid, `is_sender` 1 = me. A user may hand in only one page."""

from __future__ import annotations

import re

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, chat_note, parse_full_time
from .csvrows import csv_rows, row_warning, unbalanced_quotes
from .source import ChatSource

PAGE_SIZE = 5000
TYPES = {"文本": "text", "图片": "image", "语音": "voice", "视频": "video", "表情": "other", "文件": "file",
         "转账": "transfer", "系统通知": "system", "撤回消息": "recall", "位置": "other", "名片": "other",
         "红包": "other", "语音通话": "other", "视频通话": "other", "引用回复": "text", "合并转发的聊天记录": "other"}
_PAGE = re.compile(r"_(\d+)_(\d+)\.csv$", re.I)
REQUIRED = ("type_name", "is_sender", "talker", "msg", "CreateTime")


_QUOTE = re.compile(r"\n\n\[引用\]\((?P<time>[^)]*)\)(?P<name>[^:：\n]*)[:：](?P<content>[\s\S]*)$")


class PyWxDumpCsvSource(ChatSource):
    name = "pywxdump-csv"
    label = {"zh": "PyWxDump 导出（csv 分页）", "en": "PyWxDump export (csv pages)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        messages: list[ChatMessage] = []
        log = ChatLog(self.name, self.platform, messages)
        for row_number, row, _width in csv_rows(text, REQUIRED, self.name, ctx.original_name):
            when = parse_full_time(row["CreateTime"])
            if when is None:
                log.warnings.append(row_warning(row_number, "chats.row_no_time", row["CreateTime"]))
                continue
            kind = row["type_name"].strip()
            message = ChatMessage(f"row {row_number}", row["talker"].strip(), row["msg"], when, [NO_TZ],
                                  sender_id=row["talker"].strip() or None)
            flag = row["is_sender"].strip()
            message.is_me = flag == "1" if flag in ("0", "1") else None
            msg_type = TYPES.get(kind)
            if msg_type in ("system", "recall"):
                message.system, message.is_me = True, None
            if msg_type in ("image", "video", "voice", "file") :
                message.type = msg_type
            if kind and kind not in TYPES:
                message.extra["type_label"] = kind
            if row.get("src"):
                message.extra["src"] = row["src"]
            quoted = _QUOTE.search(message.text)
            if quoted:  # `reply\n\n[引用](time)name:content` (spec §3.4): the reply is the message
                message.text = message.text[:quoted.start()].rstrip()
                message.extra["quote"] = f"{quoted.group('name')}:{quoted.group('content')}"
                message.extra["quote_time"] = quoted.group("time")
            messages.append(message)
            log.title = row.get("room_name", "").strip()
        page = _PAGE.search(ctx.original_name or "")
        if page and (int(page.group(1)) > 0 or len(messages) >= PAGE_SIZE):
            log.notes.append(chat_note("chat-partial-page", "warning", start=int(page.group(1)), end=int(page.group(2))))
        if unbalanced_quotes(text):
            log.notes.append(chat_note("chat-truncated", "warning", reason="csv"))
        return log


SOURCE = PyWxDumpCsvSource()
