"""MemoTrace v2 CSV (exporter/exporter_csv.py, chat-exports.md §3.2): `消息ID,类型,发送人,时间,内容,备注,
昵称,更多信息`, UTF-8 with BOM. There is no is-sender column: direction comes from names only."""

from __future__ import annotations

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, chat_note, parse_full_time
from .csvrows import csv_rows, row_warning, unbalanced_quotes
from .source import ChatSource

TYPES = {"文本": "text", "图片": "image", "语音": "voice", "视频": "video", "表情包": "other", "文件": "file",
         "转账": "transfer", "红包": "other", "引用消息": "text", "系统消息": "system", "合并转发的聊天记录": "other",
         "分享链接": "other", "音视频通话": "other", "拍一拍": "system", "位置": "other", "名片": "other"}
REQUIRED = ("类型", "发送人", "时间", "内容")


class MemoTraceV2CsvSource(ChatSource):
    name = "memotrace-v2-csv"
    label = {"zh": "留痕/MemoTrace v2 导出（csv）", "en": "MemoTrace v2 export (csv)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        messages: list[ChatMessage] = []
        log = ChatLog(self.name, self.platform, messages)
        for row_number, row, _width in csv_rows(text, REQUIRED, self.name, ctx.original_name):
            when = parse_full_time(row["时间"])
            if when is None:
                # Excel re-saves turn times into `2024/5/1 10:02` (handled) or numbers (not).
                log.warnings.append(row_warning(row_number, "chats.row_no_time", row["时间"]))
                continue
            kind = row["类型"].strip()
            msg_type = TYPES.get(kind)
            content = row["内容"].rstrip("\n")
            message = ChatMessage(f"row {row_number}", row["发送人"].strip(), content, when, [NO_TZ])
            message.type = msg_type if msg_type in ("system", "transfer") else None
            if msg_type == "system" or (not message.sender and kind == "系统消息"):
                message.system = True
            if kind == "引用消息":
                body, _, quote = content.partition("\n引用：")
                message.text, message.extra["quote"] = body, quote
            if kind and kind not in TYPES:
                message.extra["type_label"] = kind
            message_id = row.get("消息ID", "")
            if "E+" in message_id.upper():
                message.extra["id_mangled"] = True
            messages.append(message)
        if any(m.extra.get("id_mangled") for m in messages):
            log.facts["resaved"] = ["excel-ids"]
        if unbalanced_quotes(text):
            log.notes.append(chat_note("chat-truncated", "warning", reason="csv"))
        return log


SOURCE = MemoTraceV2CsvSource()
