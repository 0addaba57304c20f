"""MemoTrace v2 "AI TXT" (exporter_ai_txt.py, chat-exports.md §3.2): day banners, no per-message times,
and `remove_privacy_info()` replaces phone numbers and every 15/18-digit run — order and card numbers
included. It is recognised only to refuse it, with an explanation of what to export instead."""

from __future__ import annotations

from pathlib import Path

from ..base import ParseContext, ParseResult, SourceError
from .source import ChatSource


class MemoTraceV2AiTxtSource(ChatSource):
    name = "memotrace-v2-ai-txt"
    label = {"zh": "留痕/MemoTrace v2「AI 对话」导出（不可作证据）", "en": "MemoTrace v2 AI-TXT export (not usable as evidence)"}

    def parse(self, path: Path, ctx: ParseContext) -> ParseResult:
        raise SourceError("chats.memotrace_ai_txt", file=ctx.original_name or path.name)


SOURCE = MemoTraceV2AiTxtSource()
