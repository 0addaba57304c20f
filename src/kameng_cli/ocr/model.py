"""OCR results as stored in the case: lines of text, each with its box (x, y, w, h in pixels of the
upright image) and the recogniser's confidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Box = tuple[int, int, int, int]


@dataclass
class OcrLine:
    text: str
    box: Box
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "box": list(self.box), "confidence": self.confidence}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OcrLine:
        x, y, w, h = (int(v) for v in data["box"])
        return cls(text=str(data["text"]), box=(x, y, w, h), confidence=float(data.get("confidence", 1.0)))


@dataclass
class OcrPage:
    width: int
    height: int
    lines: list[OcrLine] = field(default_factory=list)
    engine: str = ""
    seconds: float = 0.0

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_json(self) -> dict[str, Any]:
        return {"width": self.width, "height": self.height, "engine": self.engine, "seconds": self.seconds,
                "lines": [line.to_json() for line in self.lines]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OcrPage:
        return cls(width=int(data.get("width", 0)), height=int(data.get("height", 0)),
                   lines=[OcrLine.from_json(row) for row in data.get("lines", [])],
                   engine=str(data.get("engine", "")), seconds=float(data.get("seconds", 0.0)))


def union(boxes: list[Box]) -> Box:
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    return (x0, y0, x1 - x0, y1 - y0)
