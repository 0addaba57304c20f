"""Reading export tables: rows from CSV text or an XLSX sheet, the header found by its column names
(never by line number), columns declared by name, cells cleaned of the exports' padding and tabs."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import IO, Any

from ...errors import UserInputError
from ...parsing.amounts import AmountError, parse_amount
from ...parsing.times import CST
from .records import RowError

# Alipay pads cells with spaces and ends id cells with a tab (spec 1.A-1.C); ICBC pads and adds a tab
# inside the quotes (3.B); WeChat 2025 puts the tab after the closing quote (2.B).
STRIP = " \t\u3000\ufeff\r\n\u00a0"
NULL_CELLS = frozenset({"", "/", "-", "（空）", "(空)"})

Row = tuple[int, list[Any]]  # (line or row number in the original, cells)


def first_line(head: str | None) -> str:
    """The first non-empty line of a decoded head, without BOM, quotes and trailing commas: where every
    export prints its title (spec section 0, "First line")."""
    for line in (head or "").lstrip("\ufeff").splitlines():
        stripped = line.strip().rstrip(",").strip().strip('"').strip()
        if stripped:
            return stripped
    return ""


def head_text(sample: Any) -> str | None:
    """A sample's head as text for the payment sniffers: a few damaged bytes do not hide what the
    export is (its parser then refuses it, naming the line)."""
    from ..decoding import tolerant_head

    return tolerant_head(sample.head)


def clean(cell: Any) -> Any:
    return cell.strip(STRIP) if isinstance(cell, str) else cell


def text(cell: Any) -> str:
    """A cell as text, '' for the exports' null markers."""
    if cell is None:
        return ""
    if not isinstance(cell, str):
        if isinstance(cell, float) and cell.is_integer():
            return str(int(cell))
        return str(cell)
    return "" if cell in NULL_CELLS else cell


def csv_rows(stream: IO[str]) -> CsvRows:
    """Rows of a CSV text stream with the physical line each ends on. The exports' bare tab after a
    closing quote is tolerated by the non-strict reader and removed later by `clean`."""
    return CsvRows(stream)


class CsvRows:
    """The row iterator `csv_rows` returns; it keeps its stream and physical line count so that a bulk
    reader (payments/bulk.py) can take over after the header."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.reader = csv.reader(stream)
        self._rows = self._generate()

    @property
    def line_num(self) -> int:
        return self.reader.line_num

    def __iter__(self) -> Iterator[Row]:
        return self._rows

    def __next__(self) -> Row:
        return next(self._rows)

    def _generate(self) -> Iterator[Row]:
        reader = self.reader
        try:
            for cells in reader:
                yield reader.line_num, cells
        except UnicodeDecodeError as exc:
            raise RowStreamError("payments.broken.encoding", line=reader.line_num + 1, detail=str(exc)) from exc
        except csv.Error as exc:
            raise RowStreamError("payments.broken.csv", line=reader.line_num, detail=str(exc)) from exc


def xlsx_rows(path: Any) -> Iterator[Row]:
    """Rows of the first worksheet (or `Sheet1`) with their spreadsheet row numbers; values typed as
    the file stores them (numbers stay numbers: the 2026 WeChat amounts are numeric cells)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        names = book.sheet_names
        sheet = book.get_sheet_by_name("Sheet1") if "Sheet1" in names else book.get_sheet_by_index(0)
        first_row = sheet.start[0] if sheet.start else 0
        rows = sheet.iter_rows() if hasattr(sheet, "iter_rows") else iter(sheet.to_python())
    except Exception as exc:  # noqa: BLE001 - calamine raises its own types for damaged workbooks
        raise RowStreamError("payments.broken.xlsx", detail=str(exc) or type(exc).__name__) from exc
    for offset, cells in enumerate(rows):
        yield first_row + offset + 1, list(cells)


class RowStreamError(Exception):
    """The row stream itself broke (bad bytes, unreadable workbook): the file is unusable."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Column:
    """A column declared by the names it has carried in the exports."""

    key: str
    names: tuple[str, ...]
    required: bool = True


@dataclass
class Header:
    line: int
    cells: list[str]
    index: dict[str, int]  # column key -> position
    _getters: dict[tuple[str, ...], Any] = field(default_factory=dict, repr=False)

    def position(self, key: str) -> int | None:
        return self.index.get(key)

    def getter(self, *keys: str) -> Any:
        """A fast `cells -> (value, ...)` for required columns, built once per file."""
        found = self._getters.get(keys)
        if found is None:
            found = self._getters[keys] = itemgetter(*(self.index[k] for k in keys))
        return found


def bind(columns: tuple[Column, ...], cells: list[Any]) -> dict[str, int] | None:
    """Positions of the declared columns in a candidate header row; None if a required one is absent."""
    names = [clean(c) if isinstance(c, str) else "" for c in cells]
    index: dict[str, int] = {}
    for column in columns:
        for name in column.names:
            if name in names:
                index[column.key] = names.index(name)
                break
        else:
            if column.required:
                return None
    return index


def unknown_column(name: str, cells: list[Any]) -> UserInputError:
    real = [clean(c) for c in cells if isinstance(c, str) and clean(c)]
    return UserInputError("payments.map.unknown_column", column=name, columns="、".join(real) or "—")


def find_header(rows: Iterator[Row], columns: tuple[Column, ...], limit: int = 80
                ) -> tuple[Header | None, list[str]]:
    """Scan at most `limit` rows for the header; return it and the preamble text lines before it."""
    preamble: list[str] = []
    for count, (line, cells) in enumerate(rows):
        index = bind(columns, cells)
        if index is not None:
            return Header(line, [clean(c) if isinstance(c, str) else text(c) for c in cells], index), preamble
        preamble.append(",".join(text(clean(c)) for c in cells).rstrip(","))
        if count >= limit:
            break
    return None, preamble


# ---- cell values -----------------------------------------------------------------------------------
PLAIN_AMOUNT = re.compile(r"^\d+(?:\.\d{1,2})?$")
_SIGNED_AMOUNT = re.compile(r"^-?\d+(?:\.\d{1,2})?$")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$")
_SHORT_TIME = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_DATE_ONLY = re.compile(r"^(\d{4})[/.\-]?(\d{1,2})[/.\-]?(\d{1,2})$")


def amount(cell: Any, *, signed: bool = False) -> Decimal:
    """An export amount: `100.00`, `¥100.00`, `￥1,288.00`, a numeric cell. Exact (Decimal)."""
    if isinstance(cell, bool):
        raise RowError("payments.row.bad_amount", str(cell))
    if isinstance(cell, int | float | Decimal):
        value = parse_amount(cell)
    else:
        raw = cell if cell.__class__ is str else ""
        if "¥" in raw or "￥" in raw or "," in raw:
            raw = raw.replace("¥", "").replace("￥", "").replace(",", "").strip()
        if _SIGNED_AMOUNT.match(raw):
            value = Decimal(raw).quantize(Decimal("0.01"))
        else:
            try:
                value = parse_amount(cell if isinstance(cell, str) else str(cell))
            except (AmountError, InvalidOperation) as exc:
                raise RowError("payments.row.bad_amount", str(cell)) from exc
    if value < 0 and not signed:
        raise RowError("payments.row.bad_amount", str(cell))
    return value


def is_scientific(cell: Any) -> bool:
    """An id a spreadsheet turned into a number (`2.02405E+25`): the digits are lost for good."""
    if isinstance(cell, float):
        return True
    return isinstance(cell, str) and bool(_SCIENTIFIC.match(cell))


def export_time(cell: Any) -> tuple[datetime, list[str]]:
    """An export timestamp (Beijing time without a zone). Short forms (`2024/1/2 13:45`) are what Excel
    or WPS leave after re-saving a file (spec section 4 rule 9): accepted and flagged."""
    if cell.__class__ is str and len(cell) == 19 and cell[4] == "-" and cell[10] == " ":
        try:
            return datetime.fromisoformat(cell).replace(tzinfo=CST), []
        except ValueError:
            pass
    if isinstance(cell, datetime):
        return (cell.replace(tzinfo=CST) if cell.tzinfo is None else cell), []
    value = cell if isinstance(cell, str) else ""
    if _ISO_TIME.match(value):
        try:
            return datetime.fromisoformat(value).replace(tzinfo=CST), []
        except ValueError as exc:  # `2024-02-30 10:00:00`, year 0000: a bad row, not a crash
            raise RowError("payments.row.bad_time", value) from exc
    match = _SHORT_TIME.match(value)
    if match:
        y, m, d, hh, mm, ss = match.groups()
        try:
            return datetime(int(y), int(m), int(d), int(hh), int(mm), int(ss or 0), tzinfo=CST), (
                [] if ss else ["resaved"])
        except ValueError as exc:
            raise RowError("payments.row.bad_time", value) from exc
    raise RowError("payments.row.bad_time", str(cell))


def date_time(date_cell: Any, time_cell: Any) -> tuple[datetime, list[str]]:
    """A bank row's date (`20241128`, `2024-11-28`) and optional time (`21:05:11`)."""
    date_text = text(clean(date_cell))
    time_text = text(clean(time_cell)) if time_cell is not None else ""
    if isinstance(date_cell, datetime):
        base = date_cell.replace(tzinfo=CST)
        return base, []
    if time_text:
        joined = f"{date_text} {time_text}"
        if re.fullmatch(r"\d{8} \d{2}:\d{2}:\d{2}", joined):
            joined = f"{date_text[:4]}-{date_text[4:6]}-{date_text[6:]} {time_text}"
        return export_time(joined)
    if " " in date_text or "T" in date_text:
        return export_time(date_text.replace("T", " "))
    match = _DATE_ONLY.match(date_text)
    if not match:
        raise RowError("payments.row.bad_time", date_text)
    try:
        return datetime(int(match[1]), int(match[2]), int(match[3]), tzinfo=CST), ["date-only"]
    except ValueError as exc:
        raise RowError("payments.row.bad_time", date_text) from exc
