"""12425/wechat-exporter CSV from an iPhone backup (wechat-exporter.py, chat-exports.md §3.7):
`时刻,消息类型,消息方向,ID,微信号,昵称,备注名,内容`, BOM optional. `消息方向` is the only sign of who
spoke: 发送 = me, 接收 = the other side; in one-to-one chats the ID/微信号/昵称/备注名 columns show the
contact even on my own rows, so my rows are named `我`."""

from __future__ import annotations

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, chat_note, parse_full_time
from .csvrows import csv_rows, row_warning, unbalanced_quotes
from .source import ChatSource

TYPES = {"文本": None, "图片": "image", "语音": "voice", "视频": "video", "表情": "other", "链接": "other",
         "通话": "other", "系统消息": "system", "撤回的消息": "recall", "文件": "file", "转账": "transfer"}
MEDIA = {"表情": "sticker", "链接": "link", "通话": "call"}
REQUIRED = ("时刻", "消息类型", "消息方向", "内容")
ME = "我"


class Wechat12425CsvSource(ChatSource):
    name = "wechat-12425-csv"
    label = {"zh": "12425/wechat-exporter 导出（iOS csv）", "en": "12425/wechat-exporter export (iOS csv)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        messages: list[ChatMessage] = []
        log = ChatLog(self.name, self.platform, messages)
        for row_number, row, _width in csv_rows(text, REQUIRED, self.name, ctx.original_name):
            when = parse_full_time(row["时刻"])
            if when is None:
                log.warnings.append(row_warning(row_number, "chats.row_no_time", row["时刻"]))
                continue
            kind, direction = row["消息类型"].strip(), row["消息方向"].strip()
            contact = next((row.get(c, "").strip() for c in ("备注名", "昵称", "微信号", "ID") if row.get(c, "").strip()), "")
            mine = direction == "发送"
            message = ChatMessage(f"row {row_number}", ME if mine else contact, row["内容"], when, [NO_TZ],
                                  sender_id=None if mine else (row.get("微信号", "").strip() or None))
            message.is_me = mine if direction in ("发送", "接收") else None
            msg_type = TYPES.get(kind)
            if msg_type in ("system", "recall"):
                message.system, message.is_me = True, None
                message.sender, message.sender_id = "", None
            elif msg_type is not None and msg_type != "transfer":
                message.type = msg_type
                if kind in MEDIA:
                    message.extra["media"] = MEDIA[kind]
            if kind and kind not in TYPES:
                message.extra["type_label"] = kind
            if not mine and contact:
                log.title = log.title or contact
            messages.append(message)
        if unbalanced_quotes(text):
            log.notes.append(chat_note("chat-truncated", "warning", reason="csv"))
        return log


SOURCE = Wechat12425CsvSource()
