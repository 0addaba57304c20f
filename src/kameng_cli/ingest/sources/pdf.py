"""PDF documents: page count, text of each page (pypdf) and the document's creation time."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from ...i18n import t
from ..base import FALLBACK, ParseContext, ParseResult, Sample

_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([+-Z])?(\d{2})?'?(\d{2})?")


def pdf_date(value: str) -> datetime | None:
    match = _PDF_DATE.match(value or "")
    if not match:
        return None
    year, month, day, hour, minute, second, sign, off_h, off_m = match.groups()
    tz = timezone(timedelta(hours=8))
    if sign in ("+", "-") and off_h:
        delta = timedelta(hours=int(off_h), minutes=int(off_m or 0))
        tz = timezone(delta if sign == "+" else -delta)
    elif sign == "Z":
        tz = UTC
    try:
        return datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0),
                        int(second or 0), tzinfo=tz)
    except ValueError:
        return None


def read_pdf_text(path: Path) -> tuple[list[str], dict[str, object]]:
    """Text of every page and a few facts; raises pypdf errors for broken files."""
    import logging

    from pypdf import PdfReader

    # pypdf logs what it repairs ("EOF marker not found") to stderr; kameng reports a broken file itself.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(str(path))
    facts: dict[str, object] = {}
    if reader.is_encrypted:
        facts["encrypted"] = True
        if not reader.decrypt(""):
            return [], facts
    facts["pages"] = len(reader.pages)
    created = None
    try:
        info = reader.metadata
        created = pdf_date(str(info.get("/CreationDate", ""))) if info else None
    except Exception:  # noqa: BLE001 - a broken info dictionary must not lose the document
        created = None
    if created:
        facts["created"] = created.isoformat()
    pages = []
    for page in reader.pages:
        try:
            pages.append(page.extract_text() or "")
        except Exception:  # noqa: BLE001 - one bad page keeps the others
            pages.append("")
    return pages, facts


class PdfSource:
    name = "pdf"
    version = "1"
    label = {"zh": "PDF 文档", "en": "PDF document"}

    def sniff(self, sample: Sample) -> float:
        return FALLBACK * 3 if sample.head[:1024].lstrip().startswith(b"%PDF-") else 0.0

    def parse(self, path: Path, ctx: ParseContext) -> ParseResult:
        result = ParseResult(kind="other", media_type="application/pdf")
        try:
            pages, facts = read_pdf_text(path)
        except Exception as exc:  # noqa: BLE001 - pypdf raises many types for damaged files
            result.note = t("pdf.unreadable", detail=str(exc) or type(exc).__name__)
            return result
        result.facts.update({k: v for k, v in facts.items() if k != "created"})
        if facts.get("encrypted") and not pages:
            result.note = t("pdf.encrypted")
        result.details["pages"] = pages
        created = facts.get("created")
        if isinstance(created, str):
            result.captured_at = datetime.fromisoformat(created)
            result.captured_at_source = "pdf-metadata"
            result.captured_at_confidence = "low"
        elif ctx.original_mtime is not None:
            result.captured_at = ctx.original_mtime
            result.captured_at_source = "file-mtime"
        return result


SOURCE = PdfSource()
