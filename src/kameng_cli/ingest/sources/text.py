"""Plain text no specific source recognised: kept whole, searchable, and pasted chats marked as such.

Text with nothing in it (only blanks, line ends or a BOM) is no evidence, as a 0-byte file is not:
it is refused with a message (a blank paste would otherwise be filed as a chat, which `check` counts
as contact with the merchant). Pasted bytes that are no text (binary data piped in) are refused too."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ...i18n import t
from ..base import FALLBACK, ParseContext, ParseResult, Sample, SourceError
from ..decoding import DecodeError, read_text

# Blanks an editor or a paste leaves: nothing a reader could see.
_BLANKS = " \t\r\n\f\v\u3000\xa0\ufeff\u200b"
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")


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
        if not text.strip(_BLANKS):
            if ctx.stdin:
                raise SourceError("chats.pasted_blank")
            raise SourceError("chats.blank_file", file=ctx.original_name or path.name)
        if ctx.stdin and not_text(text):
            raise SourceError("chats.pasted_not_text")
        result = ParseResult(kind="chat" if ctx.stdin else "other", media_type="text/plain")
        result.facts["encoding"] = encoding
        result.facts["lines"] = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        result.details["text"] = text
        if ctx.original_mtime is not None and not ctx.stdin:
            result.captured_at = ctx.original_mtime
            result.captured_at_source = "file-mtime"
        result.note = t("text.pasted") if ctx.stdin else ""
        return result


def not_text(text: str, sample_size: int = 20000) -> bool:
    """Binary bytes that a decoder turned into characters: control characters (other than tabs and line
    ends), unassigned or private-use code points and U+FFFD make up more than 2 % of the characters."""
    sample = text[:sample_size]
    odd = sum(1 for ch in sample if ch not in _TEXT_CONTROLS and (ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")))
    return odd > max(2, len(sample) * 0.02)


SOURCE = TextSource()
