"""Plain text no specific source recognised: kept whole, searchable, and pasted chats marked as such."""

from __future__ import annotations

from pathlib import Path

from ...i18n import t
from ..base import FALLBACK, ParseContext, ParseResult, Sample, SourceError
from ..decoding import DecodeError, read_text


class TextSource:
    name = "text"
    version = "1"
    label = {"zh": "纯文本", "en": "plain text"}

    def sniff(self, sample: Sample) -> float:
        return FALLBACK if sample.text is not None and sample.head else 0.0

    def parse(self, path: Path, ctx: ParseContext) -> ParseResult:
        try:
            text, encoding = read_text(path, ("utf-8", "gb18030"))
        except (DecodeError, UnicodeDecodeError) as exc:
            raise SourceError("text.undecodable", detail=str(exc)) from exc
        result = ParseResult(kind="chat" if ctx.stdin else "other", media_type="text/plain")
        result.facts["encoding"] = encoding
        result.facts["lines"] = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        result.details["text"] = text
        if ctx.original_mtime is not None and not ctx.stdin:
            result.captured_at = ctx.original_mtime
            result.captured_at_source = "file-mtime"
        result.note = t("text.pasted") if ctx.stdin else ""
        return result


SOURCE = TextSource()
