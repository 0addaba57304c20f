"""Hand-made OCR results: pages whose boxes and texts are given exactly, so reading rules can be
tested without the engine."""

from __future__ import annotations

from kameng_cli.ocr.layout import char_weight
from kameng_cli.ocr.model import OcrLine, OcrPage

WIDTH, HEIGHT = 1080, 2340
CHAR = 40  # pixels per CJK character


def line(text: str, x: int, y: int, confidence: float = 0.99) -> OcrLine:
    width = round(sum(char_weight(ch) for ch in text) * CHAR)
    return OcrLine(text=text, box=(x, y, width, 50), confidence=confidence)


def page(*rows: str | tuple[str, ...], clock: str | None = "10:05") -> OcrPage:
    """Each row is one text, or several texts side by side (a label and its right-aligned value)."""
    lines = [line(clock, 40, 20)] if clock else []
    for number, row in enumerate(rows):
        texts = (row,) if isinstance(row, str) else row
        x = 40
        for text in texts:
            made = line(text, x, 200 + number * 100)
            lines.append(made)
            x = made.box[0] + made.box[2] + 200
    return OcrPage(width=WIDTH, height=HEIGHT, lines=lines)
