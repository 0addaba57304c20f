"""A fast plain-text table for long listings (the timeline of a big case has thousands of rows, and
rich's Table spends about a millisecond per row measuring). Columns are aligned by display width, so
Chinese text lines up; the last column folds to the terminal width."""

from __future__ import annotations

import os
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from functools import lru_cache


@lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _fold(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, used = [], 0
        for ch in paragraph:
            w = _char_width(ch)
            if used + w > width and current:
                lines.append("".join(current))
                current, used = [], 0
            current.append(ch)
            used += w
        lines.append("".join(current))
    return lines


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_width(text))


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None = None, gap: int = 2) -> str:
    """Aligned columns; every column but the last keeps its natural width, the last one folds."""
    if width is None:
        width = terminal_width()
    columns = len(headers)
    widths = [cell_width(h) for h in headers]
    for row in rows:
        for index in range(columns - 1):
            widths[index] = max(widths[index], cell_width(row[index]))
    fixed = sum(widths[:-1]) + gap * (columns - 1)
    last = max(20, width - fixed)
    spacer = " " * gap
    out = [spacer.join(_pad(h, widths[i]) for i, h in enumerate(headers[:-1])) + spacer + headers[-1]]
    blank = spacer.join(" " * w for w in widths[:-1]) + spacer
    for row in rows:
        head = spacer.join(_pad(row[i], widths[i]) for i in range(columns - 1)) + spacer
        folded = _fold(row[-1], last)
        out.append(head + folded[0])
        out.extend(blank + line for line in folded[1:])
    return "\n".join(line.rstrip() for line in out) + "\n"


def terminal_width() -> int:
    columns = os.environ.get("COLUMNS")
    if columns and columns.isdigit():
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return 120
