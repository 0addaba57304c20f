"""Shared by the XLSX layouts: a cheap, cached look at a workbook's first rows for detection, and row
streaming for parsing."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..base import ParseContext, Sample
from .common import PaymentSource
from .table import Row, clean, xlsx_rows

ZIP_MAGIC = b"PK\x03\x04"


@lru_cache(maxsize=8)
def _preview(path: str, size: int, mtime_ns: int, rows: int) -> tuple[tuple[Any, ...], ...]:
    try:
        found = []
        for _, cells in xlsx_rows(path):
            found.append(tuple(clean(c) for c in cells))
            if len(found) >= rows:
                break
        return tuple(found)
    except Exception:  # noqa: BLE001 - an unreadable zip is simply not ours to claim
        return ()


def preview(sample: Sample, rows: int = 30) -> tuple[tuple[Any, ...], ...]:
    """The first rows of a workbook, or () for anything that is not a readable XLSX."""
    if not sample.head.startswith(ZIP_MAGIC) or b"xl/" not in sample.head:
        return ()
    stat = sample.path.stat()
    return _preview(str(sample.path), stat.st_size, stat.st_mtime_ns, rows)


def first_column_text(rows: tuple[tuple[Any, ...], ...]) -> list[str]:
    return [row[0] for row in rows if row and isinstance(row[0], str)]


class XlsxSource(PaymentSource):
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    locator = "row"

    @contextlib.contextmanager
    def open_rows(self, path: Path, ctx: ParseContext) -> Iterator[Iterator[Row]]:
        self._encoding = ""
        yield xlsx_rows(path)
