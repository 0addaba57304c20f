"""Redacted copies of image exhibits for drafts and the PDF appendix.

Sensitive boxes (see sensitive.py) found in the stored OCR text, plus the boxes the user drew by hand
(`kameng redact E03 --box x,y,w,h`, kept in .kameng/redact-boxes.json), are filled with black: the
pixels are replaced in a new PNG under .kameng/redacted/, never drawn over in a viewer, and the
evidence copy is never touched. The copy is remade only when its inputs change.

Importing this module does not import the OCR engine: without the extra only manual boxes apply.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..case import atomic
from ..errors import UserInputError
from .model import Box, OcrPage
from .sensitive import SensitiveBox, sensitive_boxes

if TYPE_CHECKING:
    from PIL import Image as PILImage

    from ..case.store import CaseStore

BOXES_FILE = "redact-boxes.json"
BOXES_SCHEMA = "kameng.redact-boxes/1"
REDACTED_DIR = "redacted"
MARGIN = 2  # pixels around every box: anti-aliased glyph edges reach past OCR boxes
RENDER_VERSION = "1"


@dataclass
class RedactedImage:
    exhibit: str
    path: Path  # PNG with the sensitive boxes blacked out
    boxes: list[SensitiveBox] = field(default_factory=list)
    ocr_used: bool = False  # False: no OCR text was available, only manual boxes were applied
    width: int = 0
    height: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"exhibit": self.exhibit, "path": str(self.path), "ocr_used": self.ocr_used,
                "width": self.width, "height": self.height, "boxes": [b.to_json() for b in self.boxes]}


# ---- manual boxes ------------------------------------------------------------------------------------
def boxes_path(store: CaseStore) -> Path:
    return store.paths.meta / BOXES_FILE


def manual_boxes(store: CaseStore) -> dict[str, list[Box]]:
    try:
        document = json.loads(boxes_path(store).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError as exc:
        raise UserInputError("redact.bad_box", value=f"{boxes_path(store)}: {exc}") from exc
    result: dict[str, list[Box]] = {}
    for exhibit_id, boxes in document.get("boxes", {}).items():
        result[exhibit_id] = [(int(b[0]), int(b[1]), int(b[2]), int(b[3])) for b in boxes]
    return result


def _write_manual(store: CaseStore, boxes: dict[str, list[Box]]) -> None:
    document = {"schema": BOXES_SCHEMA, "boxes": {k: [list(b) for b in v] for k, v in sorted(boxes.items()) if v}}
    atomic.write_json(boxes_path(store), document)


def add_manual_boxes(store: CaseStore, exhibit_id: str, new: list[Box]) -> list[Box]:
    """Store boxes drawn by hand (takes the case lock). Returns all manual boxes of the exhibit."""
    with store.writing("kameng redact"):
        boxes = manual_boxes(store)
        current = boxes.setdefault(exhibit_id, [])
        for box in new:
            if box not in current:
                current.append(box)
        _write_manual(store, boxes)
        return list(current)


def clear_manual_boxes(store: CaseStore, exhibit_id: str) -> None:
    with store.writing("kameng redact"):
        boxes = manual_boxes(store)
        boxes.pop(exhibit_id, None)
        _write_manual(store, boxes)


def parse_box(text: str) -> Box:
    parts = [p.strip() for p in text.replace("，", ",").split(",")]
    if len(parts) != 4 or not all(p.isdigit() for p in parts):
        raise UserInputError("redact.bad_box", value=text)
    x, y, w, h = (int(p) for p in parts)
    if w <= 0 or h <= 0:
        raise UserInputError("redact.bad_box", value=text)
    return (x, y, w, h)


# ---- the redacted copy -------------------------------------------------------------------------------
def _stored_page(store: CaseStore, exhibit_id: str) -> OcrPage | None:
    stored = store.derived(exhibit_id).get("details", {}).get("ocr")
    return OcrPage.from_json(stored) if stored else None


def _open(path: Path, exhibit_id: str) -> PILImage.Image:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.load()
            upright = ImageOps.exif_transpose(image) or image
            # OCR boxes are in upright pixels; RGB drops alpha so black really is opaque black.
            return upright.convert("RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UserInputError("redact.unreadable", id=exhibit_id, detail=str(exc)) from exc


def _clip(box: Box, width: int, height: int, margin: int = 0) -> Box | None:
    x0, y0 = max(0, box[0] - margin), max(0, box[1] - margin)
    x1, y1 = min(width, box[0] + box[2] + margin), min(height, box[1] + box[3] + margin)
    if x1 <= x0 or y1 <= y0:
        return None
    return (x0, y0, x1 - x0, y1 - y0)


def redacted_image(store: CaseStore, exhibit_id: str) -> RedactedImage:
    """The redacted PNG of an image exhibit (made or reused), with the boxes that were blacked out."""
    from . import available

    exhibit = store.exhibit(exhibit_id)
    if not exhibit.media_type.startswith("image/"):
        raise UserInputError("redact.not_image", id=exhibit.id, media_type=exhibit.media_type)
    page = _stored_page(store, exhibit.id)
    manual = manual_boxes(store).get(exhibit.id, [])
    if page is not None:
        ocr_state = "stored:" + hashlib.sha256(json.dumps(page.to_json()["lines"], sort_keys=True).encode()).hexdigest()
    else:
        ocr_state = "fresh" if available() else "none"
    key = hashlib.sha256(json.dumps([RENDER_VERSION, exhibit.sha256, [list(b) for b in manual], ocr_state],
                                    sort_keys=True).encode()).hexdigest()
    folder = store.paths.meta / REDACTED_DIR
    target = folder / f"{exhibit.id}.png"
    meta_path = folder / f"{exhibit.id}.json"
    cached = _cached(meta_path, target, key)
    if cached is not None:
        return cached
    image = _open(store.paths.evidence / exhibit.file, exhibit.id)
    width, height = image.size
    if page is None and ocr_state == "fresh":
        from .engine import recognise_image

        page, _timing = recognise_image(image)
    boxes: list[SensitiveBox] = []
    if page is not None:
        for found in sensitive_boxes(page):
            clipped = _clip(found.box, width, height, MARGIN)
            if clipped:
                boxes.append(SensitiveBox(box=clipped, reason=found.reason, source="ocr", hint=found.hint))
    for box in manual:
        clipped = _clip(box, width, height)
        if clipped:
            boxes.append(SensitiveBox(box=clipped, reason="manual", source="manual"))
    result = RedactedImage(exhibit=exhibit.id, path=target, boxes=boxes, ocr_used=page is not None,
                           width=width, height=height)
    for item in boxes:
        x, y, w, h = item.box
        # Replace the pixels themselves: nothing of the original survives in the copy.
        image.paste((0, 0, 0), (x, y, x + w, y + h))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # a fresh file: no EXIF, no text chunks of the original
    atomic.write_bytes(target, buffer.getvalue())
    atomic.write_json(meta_path, {"key": key, **result.to_json(), "path": target.name})
    return result


def _cached(meta_path: Path, target: Path, key: str) -> RedactedImage | None:
    """The copy made earlier from the same evidence, OCR text and manual boxes, if it is still there."""
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("key") != key or not target.is_file():
        return None
    boxes = [SensitiveBox(box=(int(b["box"][0]), int(b["box"][1]), int(b["box"][2]), int(b["box"][3])),
                          reason=b["reason"], source=b["source"], hint=b.get("hint", "")) for b in meta.get("boxes", [])]
    return RedactedImage(exhibit=meta["exhibit"], path=target, boxes=boxes, ocr_used=bool(meta.get("ocr_used")),
                         width=int(meta.get("width", 0)), height=int(meta.get("height", 0)))


def preview(redacted: RedactedImage, output: Path) -> Path:
    """The redacted copy with every box framed in red and numbered, for the user to look at."""
    from PIL import Image, ImageDraw, ImageFont

    with Image.open(redacted.path) as image:
        canvas = image.convert("RGB")
    draw = ImageDraw.Draw(canvas)
    stroke = max(2, canvas.width // 300)
    try:
        label_font: Any = ImageFont.load_default(size=max(14, canvas.width // 40))
    except TypeError:  # Pillow < 10.1 has only the small bitmap font
        label_font = ImageFont.load_default()
    for number, item in enumerate(redacted.boxes, start=1):
        x, y, w, h = item.box
        draw.rectangle((x - stroke, y - stroke, x + w + stroke, y + h + stroke), outline=(230, 30, 30), width=stroke)
        draw.text((x + w + stroke * 3, y), str(number), fill=(230, 30, 30), font=label_font)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    atomic.write_bytes(output, buffer.getvalue())
    return output
