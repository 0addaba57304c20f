"""Text decoding for exports and chat logs: BOMs first, then the format's known encoding, then a
detection library (charset-normalizer) for the rest. Line endings and padding are normalised here."""

from __future__ import annotations

import codecs
from functools import lru_cache
from pathlib import Path
from typing import IO

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    pass


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _looks_utf16(data: bytes) -> str | None:
    # UTF-16 without a BOM: every other byte of ASCII-heavy text is NUL.
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        return "utf-16-le"
    if even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        return "utf-16-be"
    return None


# Undecodable characters (and NULs) a text may hold and still be read as damaged text of a known
# encoding rather than handed to a detector: a few bytes a download or a disk spoiled. Random binary
# data decoded as GB18030 gives hundreds in a sample.
FEW_BAD = 8


def _unified(encoding: str) -> str:
    # GB18030 is a superset of GBK and GB2312; decoding with it loses nothing.
    return "gb18030" if encoding.lower() in {"gbk", "gb2312", "cp936"} else encoding


def _tolerated(data: bytes, candidates: tuple[str, ...]) -> tuple[str, str] | None:
    """(encoding, text with U+FFFD for bad bytes) of the candidate that decodes `data` with the fewest
    bad bytes, when they are few: a damaged export stays what it is (and is then refused, naming the
    line), instead of being guessed as another encoding whose characters are all wrong."""
    best: tuple[int, str, str] | None = None
    for encoding in dict.fromkeys(candidates):
        try:
            text = codecs.getincrementaldecoder(encoding)("replace").decode(data, final=False)
        except LookupError:
            continue
        bad = text.count("\ufffd") + text.count("\x00")
        if best is None or bad < best[0]:
            best = (bad, encoding, text)
    if best is None or best[0] > FEW_BAD or best[0] * 50 > len(best[2]):
        return None
    return _unified(best[1]), best[2]


def detect_encoding(data: bytes, preferred: tuple[str, ...] = (), tolerate: bool = False) -> str:
    """The encoding of `data`: BOM, then `preferred` encodings that decode cleanly, then (`tolerate`) a
    preferred encoding that decodes all but a few bytes, then detection."""
    bom = bom_encoding(data)
    if bom:
        return bom
    utf16 = _looks_utf16(data)
    if utf16:
        return utf16
    candidates = (*preferred, "utf-8")
    for encoding in candidates:
        try:
            _decode_prefix(data, encoding)
            return _unified(encoding)
        except UnicodeDecodeError:
            continue
    if tolerate:
        found = _tolerated(data, candidates)
        if found is not None:
            return found[0]
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DecodeError("undetectable")
    return _unified(best.encoding)


def _decode_prefix(data: bytes, encoding: str) -> str:
    """Decode allowing a multi-byte character cut at the end of a sample."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    return decoder.decode(data, final=False)


def decode_head(head: bytes) -> str | None:
    """Decode the first bytes of a file for sniffing; None if it is not text."""
    if not head:
        return ""
    bom = bom_encoding(head)
    if bom is None and _looks_utf16(head) is None and b"\x00" in head[:8192]:
        return None
    try:
        encoding = detect_encoding(head, ("utf-8", "gb18030"))
        return _decode_prefix(head, encoding).lstrip("\ufeff")
    except (DecodeError, UnicodeDecodeError, LookupError):
        return None


@lru_cache(maxsize=4)
def tolerant_head(head: bytes) -> str | None:
    """`decode_head` for sniffing exports: a head with a few bad bytes (or NULs) in a preferred
    encoding is decoded with U+FFFD in their place, so that a damaged export is still recognised — and
    then refused by its parser with the line — rather than kept as an unknown file. Cached: every
    payment source sniffs the same head."""
    if not head:
        return ""
    known = bom_encoding(head) or _looks_utf16(head)
    if known is None and head[:8192].count(0) > FEW_BAD:
        return None  # binary
    preferred = (known,) if known else ("utf-8", "gb18030")
    for encoding in preferred:
        try:
            return _decode_prefix(head, encoding).lstrip("\ufeff")
        except UnicodeDecodeError:
            continue
    found = _tolerated(head, preferred)
    if found is not None:
        return found[1].lstrip("\ufeff")
    return decode_head(head)


def locate_undecodable(path: Path, encoding: str) -> tuple[int, bool] | None:
    """Where a file stops decoding as `encoding`: the 1-based line of the first bad byte, and whether
    it is only a character cut by the end of the file (a download or copy that stopped mid-character).
    None when the whole file decodes."""
    data = path.read_bytes()
    try:
        data.decode(encoding)
        return None
    except UnicodeDecodeError as exc:
        start = exc.start
    before = data[:start].decode(encoding, errors="replace")
    line = normalise_newlines(before).count("\n") + 1
    try:
        codecs.getincrementaldecoder(encoding)("strict").decode(data[start:], final=False)
        cut = True
    except UnicodeDecodeError:
        cut = False
    return line, cut


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, preferred: tuple[str, ...] = ()) -> tuple[str, str]:
    """The whole file as text with \\n line ends, and the encoding used."""
    data = path.read_bytes()
    encoding = detect_encoding(data, preferred)
    text = data.decode(encoding, errors="strict").lstrip("\ufeff")
    return normalise_newlines(text), encoding


def detect_file_encoding(path: Path, preferred: tuple[str, ...] = (), head_size: int = 256 * 1024) -> str:
    """The encoding of a file judged from its first bytes (for streaming large exports)."""
    with open(path, "rb") as fh:
        head = fh.read(head_size)
    # A few damaged bytes keep the export's encoding: reading then stops at them, naming their line.
    return detect_encoding(head, preferred, tolerate=True)


def open_text(path: Path, preferred: tuple[str, ...] = ()) -> tuple[IO[str], str]:
    """Open a file for streaming as text: encoding detected from its head, BOM dropped, and no newline
    translation (newline=""), so the csv module sees CR, LF and CRLF line ends — mixed ones too.
    The encoding returned describes the file's bytes (`utf-8-sig` only when it starts with a BOM):
    it is recorded as the exhibit's provenance."""
    encoding = detect_file_encoding(path, preferred)
    # utf-8-sig reads a file without a BOM the same way, and drops one that detection did not report.
    reader = "utf-8-sig" if encoding == "utf-8" else encoding
    return open(path, encoding=reader, errors="strict", newline=""), encoding  # noqa: SIM115 - caller closes
