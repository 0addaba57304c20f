"""The bulk fast path for large CSV exports. A year-long export is mostly rows of other shops; judging
them one by one costs more than splitting the file. Here one compiled pattern describes a row the
layout's `triage` would certainly accept (valid, irrelevant to the case), blocks of text are split by
that pattern in C, and only what it leaves over — refunds, rows near the case, anything unusual —
reaches the row-by-row path as ordinary cells with their physical line numbers.

The pattern accepts a subset of what `triage` accepts, and accepted rows are counted exactly as
`triage` would count them, so the scan ends the same either way. Rows the pattern refuses (NUL, an
impossible date, ...) are read one by one; after quotes or a footer the rest of the file goes through
the csv module as before; bad bytes or a csv error make the whole file be read again row by row.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from .table import STRIP, CsvRows

CHUNK = 1 << 18  # characters per block: about a megabyte of memory whatever the file size (and faster
# than larger blocks, which leave the CPU caches)

# csv's characters: a plain (unquoted) cell holds none of these.
_CELL_CHARS = r'[^,"\r\n\x00]'
_PAD_CHARS = "[" + re.escape(STRIP.replace("\r", "").replace("\n", "")) + "]"
PAD = _PAD_CHARS + "{0,64}+"
# Only dates that exist in every year (29 February goes the row-by-row way), and no year 0.
DATE = (r"(?!0000)[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
        r"|02-(?:0[1-9]|1[0-9]|2[0-8]))")
HMS = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
_CELL_END = "[" + re.escape(STRIP.replace("\r", "").replace("\n", "")) + r"]*+(?:,|\r?\n)"


def generic_cell(name: str | None = None) -> str:
    """Any plain cell, at most csv's field size limit long (a longer one is an error for csv)."""
    body = f"{_CELL_CHARS}{{0,{csv.field_size_limit()}}}+"
    return f"(?P<{name}>{body})" if name else body


def time_cell() -> str:
    """`YYYY-MM-DD HH:MM:SS`, padded, a time `datetime.fromisoformat` reads; group `time`."""
    return f"{PAD}(?P<time>{DATE} {HMS}){PAD}"


def choice_cell(name: str, values: frozenset[str] | set[str]) -> str:
    alternatives = "|".join(re.escape(v) for v in sorted(values, key=lambda v: (-len(v), v)))
    return f"{PAD}(?P<{name}>{alternatives}){PAD}"


def excluding(texts: frozenset[str] | set[str], ignore_case: bool = False) -> str:
    """A lookahead refusing a cell whose stripped text is one of `texts`."""
    if not texts:
        return ""
    alternatives = "|".join(re.escape(v) for v in sorted(texts, key=lambda v: (-len(v), v)))
    if ignore_case:
        alternatives = f"(?i:{alternatives})"
    return f"(?!(?:{alternatives}){_CELL_END})"


class KindCounter(Protocol):
    """What a layout knows about the rows its pattern accepts: their kinds, from the pattern's named
    groups (one list per group, one item per accepted row)."""

    def count(self, columns: dict[str, list[Any]]) -> Counter[str]: ...

    def kind_at(self, columns: dict[str, list[Any]], index: int) -> str: ...


class BulkFallback(Exception):
    """The bulk path met something only the original path reports exactly (bad bytes, a csv error):
    the file is read again without it."""


class BulkTriage:
    """Counts of the rows accepted in bulk, merged into the scan by `PaymentSource._scan`."""

    def __init__(self, line_pattern: str, kinds: KindCounter, is_footer: Callable[[Any, list[Any]], bool],
                 footer_marks: tuple[str, ...] | None = None) -> None:
        # One row per match, anchored at a line start; a block's other rows are the pattern's separators.
        self.pattern = re.compile("^" + line_pattern + r"\r?\n", re.MULTILINE)
        self.stride = self.pattern.groups + 1
        groups = self.pattern.groupindex
        self.time_at = groups["time"]
        self.column_at = {name: at for name, at in groups.items() if name != "time"}
        self.kind_counter = kinds
        self.is_footer = is_footer
        self.footer_marks = footer_marks  # text every footer line contains, if known: most blocks skip the check
        self.kinds: Counter[str] = Counter()  # the scan's counter (`PaymentSource._scan` sets it)
        self.pending: Counter[str] = Counter()
        self.rows = 0
        self.last_line = 0
        self.first: str | None = None  # ISO text: same-format timestamps order as their text does
        self.last: str | None = None

    # ---- the row stream ----------------------------------------------------------------------------
    def rows_after(self, rows: CsvRows) -> Iterator[tuple[int, list[Any]]]:
        """The rows `rows` would still give, minus those accepted in bulk, with the same line numbers."""
        stream = rows.stream
        line = rows.line_num
        with contextlib.suppress(AttributeError, ValueError):
            # Decode in blocks as large as ours rather than 8 KiB ones (CPython's TextIOWrapper). Bad bytes
            # are reported by the row-by-row path (BulkFallback), which keeps the default.
            stream._CHUNK_SIZE = CHUNK
        stride = self.stride
        kinds = self.kinds
        limit = csv.field_size_limit()
        while True:
            try:
                chunk = stream.read(CHUNK)
                # The rest of the line the block size cut. It is not appended to the block (a copy of
                # megabytes): the cut line is left unmatched, so it ends the last gap, completed there.
                tail = stream.readline() if chunk and chunk[-1] != "\n" else ""
            except UnicodeDecodeError as exc:
                raise BulkFallback from exc
            if not chunk:
                return
            # NUL needs no search here: the pattern refuses it and csv then reports it on the gap.
            parts = [] if '"' in chunk or '"' in tail else self.pattern.split(chunk)
            gaps = parts[0::stride]
            if tail and gaps:
                gaps[-1] += tail
            if not parts or self._footer_in(gaps):
                # Quotes may span lines and a footer ends the data: from here on, one csv reader reads
                # everything as before.
                yield from self._legacy(chunk + tail, stream, line)
                return
            accepted = len(gaps) - 1
            # Where each kind first appears: the scan's counter meets kinds in file order, so its keys
            # keep the order the row-by-row path gives them.
            firsts = self._count(parts, accepted) if accepted else []
            # Gap `i` is the text before accepted row `i`; the rows in it go through csv as before.
            previous = last_accepted = 0
            for index in itertools.compress(range(len(gaps)), gaps):
                while firsts and firsts[0][0] < index:
                    kinds[firsts.pop(0)[1]] += 0
                line += index - previous
                previous = index
                if index == accepted:
                    last_accepted = line
                gap = gaps[index]
                body = gap[:-2] if gap[-2:] == "\r\n" else gap[:-1]
                if gap[-1] == "\n" and "\n" not in body and "\r" not in body and "\x00" not in body \
                        and len(body) < limit:
                    # One plain line (the usual gap: a refund): what csv makes of it, without a reader.
                    line += 1
                    yield line, body.split(",") if body else []
                    continue
                reader = csv.reader(io.StringIO(gap, newline=""))
                try:
                    for cells in reader:
                        yield line + reader.line_num, cells
                except csv.Error as exc:
                    raise BulkFallback from exc
                line += reader.line_num
            for _position, kind in firsts:
                kinds[kind] += 0
            line += accepted - previous
            if accepted:
                self.last_line = max(self.last_line, last_accepted or line)

    def _footer_in(self, gaps: list[str]) -> bool:
        if self.footer_marks is not None:
            left = "".join(gaps)
            if not any(mark in left for mark in self.footer_marks):
                return False
        for gap in filter(None, gaps):
            try:
                for cells in csv.reader(io.StringIO(gap, newline="")):
                    cleaned = [c.strip(STRIP) for c in cells]
                    if any(cleaned) and self.is_footer(cleaned[0], cleaned):
                        return True
            except csv.Error:
                return True  # the csv reader of the original path reports it
        return False

    def _legacy(self, text: str, stream: Any, line: int) -> Iterator[tuple[int, list[Any]]]:
        try:
            reader = csv.reader(itertools.chain(io.StringIO(text, newline=""), stream))
            for cells in reader:
                yield line + reader.line_num, cells
        except (UnicodeDecodeError, csv.Error) as exc:
            raise BulkFallback from exc

    # ---- counting ----------------------------------------------------------------------------------
    def _count(self, parts: list[str], accepted: int) -> list[tuple[int, str]]:
        stride = self.stride
        times = parts[self.time_at::stride]
        first, last = min(times), max(times)
        self.first = first if self.first is None or first < self.first else self.first
        self.last = last if self.last is None or last > self.last else self.last
        columns = {name: parts[at::stride] for name, at in self.column_at.items()}
        counts = self.kind_counter.count(columns)
        self.pending.update(counts)
        self.rows += accepted
        unseen = {kind for kind in counts if kind not in self.kinds}
        firsts = []
        for index in range(accepted):  # stops at the last kind new to the scan (in the first block, at once)
            if not unseen:
                break
            kind = self.kind_counter.kind_at(columns, index)
            if kind in unseen:
                unseen.discard(kind)
                firsts.append((index, kind))
        return firsts

    def flush(self) -> None:
        """Add the counts of accepted rows to the scan's counter (their keys are in place already)."""
        self.kinds.update(self.pending)
        self.pending.clear()
