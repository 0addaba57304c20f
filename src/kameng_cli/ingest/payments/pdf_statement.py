"""Shared by the PDF statement layouts: pypdf text (through the generic PDF source's reader), cached for
detection, turned into table rows by a layout's line pattern. A PDF whose text matches no layout's
markers is left to the generic `pdf` source. Layouts come from column lists only (spec section 3),
so the line patterns are an inference: rows that do not fit become warnings, never silent gaps."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from ..base import ParseContext, Sample
from . import bank_common
from .common import PaymentSource
from .records import RowError
from .table import Header, Row, RowStreamError, amount, date_time

PDF_MAGIC = b"%PDF-"
_DATE = r"\d{4}-?\d{2}-?\d{2}"
_RANGE = r"\s*(?:-{1,2}|—{1,2}|–|~|～|至)\s*"
# A statement period as the PDF statements print it above the table (spec 3.A(2), 3.B(2)).
CMB_PERIOD = re.compile(rf"(?<![\d-])({_DATE}){_RANGE}({_DATE})(?![\d-])")
ICBC_PERIOD = re.compile(rf"起止日期\s*[:：]\s*({_DATE}){_RANGE}({_DATE})")
CMB_APPLIED = re.compile(rf"申\s*请\s*时\s*间\s*[:：]\s*({_DATE}(?:[ T]\d{{2}}:\d{{2}}(?::\d{{2}})?)?)")
MONEY = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$")
_PAGE_NUMBER = re.compile(r"^\s*(?:第\s*\d+\s*页|\d+\s*/\s*\d+)\s*$")


@lru_cache(maxsize=4)
def _pages(path: str, size: int, mtime_ns: int) -> tuple[str, ...] | None:
    from ..sources.pdf import read_pdf_text

    try:
        pages, _facts = read_pdf_text(Path(path))
    except Exception:  # noqa: BLE001 - pypdf raises many types for damaged files; the pdf source reports them
        return None
    return tuple(pages)


def pdf_pages(path: Path) -> tuple[str, ...] | None:
    stat = path.stat()
    return _pages(str(path), stat.st_size, stat.st_mtime_ns)


def pdf_text_head(sample: Sample) -> str:
    if sample.head.lstrip()[:5] != PDF_MAGIC:
        return ""
    pages = pdf_pages(sample.path)
    return "\n".join(pages[:2]) if pages else ""


class PdfStatementSource(PaymentSource):
    """A layout lists its markers, its column names (the synthetic header) and turns one text line (plus
    continuation lines) into cells."""

    media_type = "application/pdf"
    markers: ClassVar[tuple[str, ...]]
    row_start: ClassVar[re.Pattern[str]]

    def sniff(self, sample: Sample) -> float:
        head = pdf_text_head(sample)
        return 0.9 if head and any(marker in head for marker in self.markers) else 0.0

    def split(self, text: str) -> list[str] | None:
        raise NotImplementedError

    @staticmethod
    def dated_signed(cells: list[Any], header: Header) -> tuple[Any, list[str], str, str, Any]:
        """(time, time flags, kind, direction, amount) of a statement row: both banks print a date
        column and one signed amount column; a row with fewer than five cells cannot be read."""
        if len([c for c in cells if c]) < 5:
            raise RowError("payments.row.unreadable", " ".join(map(str, cells)))
        time, flags = date_time(cells[header.index["date"]], None)
        kind, direction, value = bank_common.signed(amount(cells[header.index["amount"]], signed=True))
        return time, flags, kind, direction, value

    @contextlib.contextmanager
    def open_rows(self, path: Path, ctx: ParseContext) -> Iterator[Iterator[Row]]:
        self._encoding = ""
        pages = pdf_pages(path)
        if pages is None or not any(pages):
            raise RowStreamError("payments.broken.pdf", detail="no text")
        yield self._rows(pages)

    def _rows(self, pages: tuple[str, ...]) -> Iterator[Row]:
        """Preamble lines, one synthetic header row, then one row per statement line (wrapped cells
        continue on the next text line: they are joined to the row before)."""
        number = 0
        pending: tuple[int, str] | None = None
        header_sent = False
        for page in pages:
            for raw in page.splitlines():
                number += 1
                line = raw.strip()
                if not line or _PAGE_NUMBER.match(line):
                    continue
                if self.row_start.match(line):
                    if not header_sent:
                        yield 0, [c.names[0] for c in self.columns]
                        header_sent = True
                    if pending:
                        yield self._cells(*pending)
                    pending = (number, line)
                elif pending and not self.is_end(line):
                    pending = (pending[0], f"{pending[1]} {line}")
                elif pending:
                    yield self._cells(*pending)
                    pending = None
                    yield number, [line]  # the footer starts: is_footer() stops the table
                elif not header_sent:
                    yield number, [line]
        if pending:
            yield self._cells(*pending)

    def is_end(self, line: str) -> bool:
        return line.startswith(("————", "合并统计", "---"))

    def is_footer(self, first: Any, cells: list[Any]) -> bool:
        return len(cells) == 1 and isinstance(first, str) and self.is_end(first)

    def _cells(self, number: int, text: str) -> Row:
        cells = self.split(text)
        return number, cells if cells is not None else [text]
