"""MemoTrace v2 TXT (exporter/exporter_txt.py, chat-exports.md §3.2): blocks `time name\\nbody` joined by
one empty line, no trailing newline; a system message's title is the time alone. Placeholders are
full-width (`【图片】`), transfers `【发起转账】:￥100.00` followed by a memo line and an extra newline."""

from __future__ import annotations

from ..base import ParseContext
from .common import ChatLog
from .memotrace_v1_txt import read_time_first
from .source import ChatSource


class MemoTraceV2TxtSource(ChatSource):
    name = "memotrace-v2-txt"
    label = {"zh": "留痕/MemoTrace v2 导出（txt）", "en": "MemoTrace v2 export (txt)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        return ChatLog(self.name, self.platform, read_time_first(text, self.name, system_one_liner=False))


SOURCE = MemoTraceV2TxtSource()
