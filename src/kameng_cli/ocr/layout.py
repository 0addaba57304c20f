"""Rows of a screenshot: OCR boxes that sit side by side (a label on the left, its value on the
right) are read as one line of text, and any stretch of that text maps back to pixels."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .model import Box, OcrLine, union

SEPARATOR = " "


@dataclass
class Segment:
    start: int  # offset of the line's text in the row text
    line: OcrLine
    index: int  # position of the line in the page


@dataclass
class Row:
    segments: list[Segment] = field(default_factory=list)
    text: str = ""

    @property
    def box(self) -> Box:
        return union([s.line.box for s in self.segments])

    @property
    def confidence(self) -> float:
        return min(s.line.confidence for s in self.segments)

    def span_box(self, start: int, end: int, pad_chars: float = 0.0) -> Box:
        """The pixels of text[start:end], estimated from character widths inside each OCR box."""
        parts: list[Box] = []
        for segment in self.segments:
            text = segment.line.text
            lo = max(start - segment.start, 0)
            hi = min(end - segment.start, len(text))
            if lo >= hi:
                continue
            parts.append(_sub_box(segment.line.box, text, lo, hi, pad_chars))
        return union(parts) if parts else self.box

    def span_confidence(self, start: int, end: int) -> float:
        scores = [s.line.confidence for s in self.segments
                  if s.start < end and s.start + len(s.line.text) > start]
        return min(scores) if scores else self.confidence

    def lines_in(self, start: int, end: int) -> list[int]:
        return [s.index for s in self.segments if s.start < end and s.start + len(s.line.text) > start]


def char_weight(ch: str) -> float:
    """Relative advance of a character: CJK and full-width forms are about twice a Latin digit."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.55


def _sub_box(box: Box, text: str, lo: int, hi: int, pad_chars: float) -> Box:
    x, y, w, h = box
    weights = [char_weight(ch) for ch in text]
    total = sum(weights) or 1.0
    unit = w / total
    left = x + unit * sum(weights[:lo]) - pad_chars * unit
    right = x + unit * sum(weights[:hi]) + pad_chars * unit
    left, right = max(x, left), min(x + w, right)
    return (int(left), y, max(1, round(right - int(left))), h)


def rows_of(lines: list[OcrLine]) -> list[Row]:
    """Group lines whose vertical extents overlap by at least half the smaller height."""
    rows: list[list[tuple[int, OcrLine]]] = []
    for index, line in sorted(enumerate(lines), key=lambda item: (item[1].box[1] + item[1].box[3] / 2, item[1].box[0])):
        placed = False
        for row in rows:
            if _same_row(row[-1][1].box, line.box):
                row.append((index, line))
                placed = True
                break
        if not placed:
            rows.append([(index, line)])
    result = []
    for row in rows:
        built = Row()
        parts = []
        offset = 0
        for index, line in sorted(row, key=lambda item: item[1].box[0]):
            built.segments.append(Segment(start=offset, line=line, index=index))
            parts.append(line.text)
            offset += len(line.text) + len(SEPARATOR)
        built.text = SEPARATOR.join(parts)
        result.append(built)
    return result


def _same_row(a: Box, b: Box) -> bool:
    top = max(a[1], b[1])
    bottom = min(a[1] + a[3], b[1] + b[3])
    return bottom - top >= 0.5 * min(a[3], b[3])
