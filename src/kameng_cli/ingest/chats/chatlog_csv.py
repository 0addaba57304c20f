"""sjzar/chatlog `/api/v1/chatlog?…&format=csv` (chat-exports.md §3.3): Go encoding/csv, no BOM, LF,
`Time,SenderName,Sender,TalkerName,Talker,Content`. No is-self column: in a one-to-one chat the
other side's wxid is the Talker, so a row whose Sender is not the Talker is mine."""

from __future__ import annotations

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, chat_note, parse_full_time
from .csvrows import csv_rows, row_warning, unbalanced_quotes
from .source import ChatSource

REQUIRED = ("Time", "SenderName", "Sender", "Talker", "Content")


class ChatlogCsvSource(ChatSource):
    name = "chatlog-csv"
    label = {"zh": "chatlog 导出（csv）", "en": "chatlog export (csv)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        messages: list[ChatMessage] = []
        log = ChatLog(self.name, self.platform, messages)
        talkers: set[str] = set()
        for row_number, row, _width in csv_rows(text, REQUIRED, self.name, ctx.original_name):
            when = parse_full_time(row["Time"])
            if when is None:
                log.warnings.append(row_warning(row_number, "chats.row_no_time", row["Time"]))
                continue
            sender_id, talker = row["Sender"].strip(), row["Talker"].strip()
            talkers.add(talker)
            message = ChatMessage(f"row {row_number}", row["SenderName"].strip() or sender_id, row["Content"], when, [NO_TZ],
                                  sender_id=sender_id or None)
            if sender_id == "系统消息":
                message.system, message.sender = True, ""
            elif not talker.endswith("@chatroom"):
                message.is_me = sender_id != talker
            messages.append(message)
            log.title = row.get("TalkerName", "").strip() or talker
        log.group = any(t.endswith("@chatroom") for t in talkers)
        if unbalanced_quotes(text):
            log.notes.append(chat_note("chat-truncated", "warning", reason="csv"))
        return log


SOURCE = ChatlogCsvSource()
