"""Shared by the XLSX layouts: a cheap, cached look at a workbook's first rows for detection, and row
streaming for parsing."""

from __future__ import annotations

import contextlib
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...i18n import t
from ..base import ParseContext, Sample
from .common import PaymentSource
from .table import Row, RowStreamError, clean, xlsx_rows

ZIP_MAGIC = b"PK\x03\x04"
_END_OF_DIRECTORY = b"PK\x05\x06"  # a zip's last record; a file cut short has none
_SALVAGE_LIMIT = 8 * 1024 * 1024  # bytes of a damaged workbook searched for its text


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


@dataclass(frozen=True)
class Damage:
    """A file that is an XLSX (a zip holding `xl/` parts) but cannot be opened: what is wrong, and the
    text that could still be read from the parts before the damage (to tell whose export it was)."""

    truncated: bool
    size: int
    error: str
    text: str

    def describe(self) -> str:
        if self.truncated:
            return t("payments.xlsx.truncated", size=self.size)
        return t("payments.xlsx.unreadable", detail=self.error)


@lru_cache(maxsize=8)
def _damage(path: str, size: int, mtime_ns: int) -> Damage | None:
    try:
        next(iter(xlsx_rows(path)), None)
        return None
    except RowStreamError as exc:
        error = str(exc.params.get("detail", ""))
    except Exception as exc:  # noqa: BLE001 - calamine raises its own types for damaged workbooks
        error = str(exc) or type(exc).__name__
    with open(path, "rb") as fh:
        data = fh.read(_SALVAGE_LIMIT)
        fh.seek(max(0, size - 65_557))  # the end record sits in the last 22 bytes + a comment of ≤ 64 KiB
        tail = fh.read()
    return Damage(_END_OF_DIRECTORY not in tail, size, error, _salvage(data))


def damage(sample: Sample) -> Damage | None:
    """Why a file that is an XLSX cannot be read, or None (readable, or not an XLSX at all). Spreadsheets
    cut short by a download or an interrupted unzip are the usual case (spec section 4 rule 1, section 5)."""
    if not sample.head.startswith(ZIP_MAGIC) or b"xl/" not in sample.head:
        return None
    if preview(sample):
        return None
    stat = sample.path.stat()
    return _damage(str(sample.path), stat.st_size, stat.st_mtime_ns)


def _salvage(data: bytes) -> str:
    """The text of the `xl/` parts whose bytes are still there, read entry by entry from the zip's local
    headers (the central directory at the end may be gone); a part cut short gives what it has."""
    found: list[str] = []
    offset = data.find(ZIP_MAGIC)
    while offset >= 0 and offset + 30 <= len(data):
        # Local header: signature, version, flags, method, time, date, crc, sizes, name and extra lengths.
        flags, method = struct.unpack_from("<HH", data, offset + 6)
        (compressed,) = struct.unpack_from("<I", data, offset + 18)
        name_len, extra_len = struct.unpack_from("<HH", data, offset + 26)
        name = data[offset + 30:offset + 30 + name_len].decode("utf-8", "replace")
        start = offset + 30 + name_len + extra_len
        known_size = compressed and not flags & 0x08
        chunk = data[start:start + compressed] if known_size else data[start:]
        end = start + compressed if known_size else -1
        if method == 8:
            inflater = zlib.decompressobj(-15)
            try:
                content = inflater.decompress(chunk)
            except zlib.error:
                content, end = b"", -1
            if not known_size and inflater.eof:
                end = len(data) - len(inflater.unused_data)
        elif method == 0 and known_size:
            content = chunk
        else:
            content, end = b"", -1
        if name.startswith("xl/") and name.endswith(".xml"):
            found.append(content.decode("utf-8", "ignore"))
        if end < 0:
            break
        offset = data.find(ZIP_MAGIC, end)
    return "\n".join(found)


def first_column_text(rows: tuple[tuple[Any, ...], ...]) -> list[str]:
    return [row[0] for row in rows if row and isinstance(row[0], str)]


class XlsxSource(PaymentSource):
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    locator = "row"

    @contextlib.contextmanager
    def open_rows(self, path: Path, ctx: ParseContext) -> Iterator[Iterator[Row]]:
        self._encoding = ""
        broken = damage(Sample.of(path))
        if broken is not None:
            raise RowStreamError(self.damaged_key(broken, path, ctx), detail=broken.describe())
        yield xlsx_rows(path)

    def damaged_key(self, broken: Damage, path: Path, ctx: ParseContext) -> str:
        """The message for a workbook that cannot be opened: the layout's own when its text still shows it
        is this export, a generic one otherwise."""
        return "payments.broken.xlsx"
