"""Small builders for test inputs (images with or without EXIF, text files)."""

from __future__ import annotations

from pathlib import Path


def make_png(path: Path, size: tuple[int, int] = (60, 120), color: str = "white") -> Path:
    from PIL import Image

    Image.new("RGB", size, color).save(path)
    return path


def make_jpeg_with_exif(path: Path, taken: str = "2024:05:01 10:30:00", software: str | None = None,
                        offset: str | None = None) -> Path:
    from PIL import Image

    exif = Image.Exif()
    if software:
        exif[0x0131] = software
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = taken
    if offset:
        sub[0x9011] = offset
    Image.new("RGB", (90, 160), "gray").save(path, exif=exif)
    return path
