"""The skeleton every chat source fills in: detection through `layouts.classify`, decoding, and
`build_result`. A subclass names itself and implements `read(text, ctx) -> ChatLog`."""

from __future__ import annotations

from pathlib import Path

from ...bulk import without_gc
from ..base import ParseContext, ParseResult, Sample
from .common import SURE, ChatLog, read_chat_text
from .layouts import classify
from .result import build_result


class ChatSource:
    name = ""
    version = "1"
    label: dict[str, str] = {}
    platform = "wechat"
    encodings: tuple[str, ...] = ("utf-8", "gb18030")

    def sniff(self, sample: Sample) -> float:
        return SURE if classify(sample) == self.name else 0.0

    def parse(self, path: Path, ctx: ParseContext) -> ParseResult:
        with without_gc():
            read = read_chat_text(path, self.encodings, ctx.original_name)
            log = self.read(read.text, ctx)
            log.encoding, log.endings, log.damaged_lines = read.encoding, read.endings, read.damaged_lines
            return build_result(log, ctx)

    def read(self, text: str, ctx: ParseContext) -> ChatLog:  # pragma: no cover - abstract
        raise NotImplementedError
