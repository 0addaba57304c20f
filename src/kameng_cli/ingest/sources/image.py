"""Screenshots and photos: dimensions, EXIF capture time and the EXIF Software tag; with the
`kameng[ocr]` extra also the text on the screen (see kameng_cli/ocr and docs/ocr.md)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ...i18n import said, t
from ...model.records import Event
from ...parsing.times import CST
from ..base import FALLBACK, ParseContext, ParseResult, Sample

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
)

EXIF_IFD = 0x8769
TAG_SOFTWARE = 0x0131
TAG_DATETIME = 0x0132
TAG_DATETIME_ORIGINAL = 0x9003
TAG_OFFSET_TIME_ORIGINAL = 0x9011


def media_type_of(head: bytes) -> str | None:
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"avif"):
        return "image/heic" if head[8:12] != b"avif" else "image/avif"
    return None


def _png_has_exif(path: Path) -> bool:
    """Walk the PNG chunk headers (seeking over their data) looking for an eXIf chunk."""
    import struct

    with open(path, "rb") as fh:
        fh.seek(8)
        while True:
            header = fh.read(8)
            if len(header) < 8:
                return False
            length, kind = struct.unpack(">I4s", header)
            if kind == b"eXIf":
                return True
            if kind == b"IEND":
                return False
            fh.seek(length + 4, 1)


def _exif_time(value: str, offset: str | None) -> datetime | None:
    try:
        naive = datetime.strptime(value.strip().rstrip("\x00"), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if offset:
        try:
            return datetime.fromisoformat(naive.isoformat() + offset.strip().rstrip("\x00"))
        except ValueError:
            pass
    # Phones write local time without an offset; the buyer is in China.
    return naive.replace(tzinfo=CST)


class ImageSource:
    name = "image"
    version = "2"
    label = {"zh": "图片/截图", "en": "image / screenshot"}

    def sniff(self, sample: Sample) -> float:
        return FALLBACK * 3 if media_type_of(sample.head) else 0.0

    def parse(self, path: Path, ctx: ParseContext) -> ParseResult:
        with open(path, "rb") as fh:
            head = fh.read(32)
        result = ParseResult(kind="other", media_type=media_type_of(head) or "application/octet-stream")
        try:
            from PIL import Image, UnidentifiedImageError
        except ImportError:  # pragma: no cover - Pillow is a dependency
            Image = None  # type: ignore[assignment]
        if Image is not None:
            try:
                with Image.open(path) as img:
                    result.facts["width"], result.facts["height"] = img.size
                    # A PNG without an eXIf chunk has no EXIF, and asking Pillow would decode
                    # every pixel to look for one after the image data.
                    skip = img.format == "PNG" and "exif" not in img.info and not _png_has_exif(path)
                    exif = Image.Exif() if skip else img.getexif()
                    software = exif.get(TAG_SOFTWARE)
                    sub = exif.get_ifd(EXIF_IFD)
                    original = sub.get(TAG_DATETIME_ORIGINAL)
                    offset = sub.get(TAG_OFFSET_TIME_ORIGINAL)
                    if software:
                        result.facts["exif_software"] = str(software).strip().rstrip("\x00")
                    if original:
                        when = _exif_time(str(original), str(offset) if offset else None)
                        if when:
                            result.captured_at = when
                            result.captured_at_source = "exif"
                            result.captured_at_confidence = "high"
            except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
                result.note = t("image.unreadable", detail=str(exc))
        if result.captured_at is None and ctx.original_mtime is not None:
            result.captured_at = ctx.original_mtime
            result.captured_at_source = "file-mtime"
            result.captured_at_confidence = "low"
        if result.captured_at is not None:
            flags = [] if result.captured_at_source == "exif" else ["file-mtime"]
            result.events.append(
                Event(
                    id="",
                    time=result.captured_at,
                    kind="captured",
                    actor="me",
                    summary=t("event.captured", name=ctx.original_name or path.name),
                    confidence=0.9 if result.captured_at_source == "exif" else 0.4,
                    locator=None,
                    time_flags=flags,
                    data={"captured_at_source": result.captured_at_source,
                          "say": said("event.captured", name=ctx.original_name or path.name)},
                )
            )
        if Image is not None and "width" in result.facts:
            from ...ocr import available

            if available():
                from ...ocr.screenshot import read_screenshot

                read_screenshot(path, result, ctx)
        return result


SOURCE = ImageSource()
