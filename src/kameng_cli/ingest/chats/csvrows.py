"""CSV reading shared by the chat CSV sources: rows as dicts with their spreadsheet row number
(header = row 1), a check that the last row is complete, and cell helpers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ...model.records import Warning
from ..base import SourceError


def csv_rows(text: str, required: tuple[str, ...], source: str, file: str) -> Iterator[tuple[int, dict[str, str], int]]:
    """(row number, {column: value}, number of values) for each data row; a header without the
    required columns is a broken file (SourceError)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    except StopIteration as exc:
        raise SourceError("chats.csv_empty", file=file) from exc
    missing = [c for c in required if c not in header]
    if missing:
        raise SourceError("chats.csv_columns", file=file, source=source, missing=", ".join(missing))
    # A record is one spreadsheet row however many lines its quoted cells span (reader.line_num would
    # give the last physical line of a multi-line message).
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        row = dict(zip(header, values, strict=False))
        yield number, row, len(values)


def unbalanced_quotes(text: str) -> bool:
    """A CSV cut in the middle of a quoted field (an interrupted export or copy)."""
    return text.count('"') % 2 == 1


def row_warning(row: int, reason: str, detail: str = "") -> Warning:
    return Warning(None, f"row {row}", reason, detail)
