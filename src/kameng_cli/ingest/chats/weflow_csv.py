"""WeFlow's WeClone CSV (WeCloneFormatter.ts, chat-exports.md §3.5): UTF-8 with BOM, CRLF,
`id,MsgSvrID,type_name,is_sender,talker,msg,src,CreateTime` — PyWxDump's columns without `room_name`.
`type_name` is English (`text`, `image`, …; WeClone's own samples also write `Image`), `is_sender`
1 = me, `CreateTime` an ISO time (`2024-10-03T09:00:00`; WeClone's samples show `2024/10/4 11:42`)."""

from __future__ import annotations

from datetime import datetime

from ...parsing.times import CST
from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, chat_note, parse_full_time
from .csvrows import csv_rows, row_warning, unbalanced_quotes
from .pywxdump_csv import TYPES as CHINESE_TYPES
from .source import ChatSource

# The declared types worth keeping; text and anything else is typed from the message itself.
TYPES = {"image": "image", "voice": "voice", "audio": "voice", "video": "video", "file": "file", "system": "system",
         "sys": "system", "recall": "recall", "revoke": "recall", "transfer": "transfer"}
REQUIRED = ("type_name", "is_sender", "talker", "msg", "CreateTime")


def iso_or_local(text: str) -> datetime | None:
    """An ISO time with its offset (converted to Asia/Shanghai), or a local time without one."""
    text = text.strip()
    if "T" in text and (text.endswith("Z") or text[-6:-5] in "+-" and text[-3:-2] == ":"):
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(CST)
        except ValueError:
            return None
    return parse_full_time(text)


class WeFlowCsvSource(ChatSource):
    name = "weflow-csv"
    label = {"zh": "WeFlow 导出（WeClone csv）", "en": "WeFlow export (WeClone csv)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        messages: list[ChatMessage] = []
        log = ChatLog(self.name, self.platform, messages)
        for row_number, row, _width in csv_rows(text, REQUIRED, self.name, ctx.original_name):
            when = iso_or_local(row["CreateTime"])
            if when is None:
                log.warnings.append(row_warning(row_number, "chats.row_no_time", row["CreateTime"]))
                continue
            kind = row["type_name"].strip()
            talker = row["talker"].strip()
            message = ChatMessage(f"row {row_number}", talker, row["msg"], when, [NO_TZ], sender_id=talker or None)
            flag = row["is_sender"].strip()
            message.is_me = flag == "1" if flag in ("0", "1") else None
            msg_type = TYPES.get(kind.lower()) or CHINESE_TYPES.get(kind)
            if msg_type in ("system", "recall"):
                message.system, message.is_me = True, None
            if msg_type in ("image", "video", "voice", "file"):
                message.type = msg_type
            if kind and kind.lower() != "text" and msg_type is None:
                message.extra["type_label"] = kind
            if row.get("src"):
                message.extra["src"] = row["src"]
            messages.append(message)
        if unbalanced_quotes(text):
            log.notes.append(chat_note("chat-truncated", "warning", reason="csv"))
        return log


SOURCE = WeFlowCsvSource()
