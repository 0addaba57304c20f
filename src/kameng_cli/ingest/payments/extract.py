"""The redacted extract of a payment export for the evidence appendix: the header row and the matched
rows only, with the export period and the original file's sha256 (format in docs/payments.md). The
preamble (holder's real name, account) and every other row stay out."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import UserInputError
from ...i18n import pick
from ..base import ParseContext
from . import payment_source_names
from .table import clean, find_header, text

if TYPE_CHECKING:
    from ...case.store import CaseStore
    from ...model.records import Exhibit

EXTRACT_SCHEMA = "kameng.payment-extract/1"
ROW_CHOICES = ("matched",)


@dataclass
class Extract:
    exhibit: str
    original: str
    sha256: str
    layout: str
    layout_label: str
    period: dict[str, Any]
    exported_at: str | None
    total_rows: int
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    header_line: int = 0

    def render(self) -> str:
        """`#` comment lines, then CSV: a `line` column followed by the export's own columns."""
        lines = [
            "# kameng 支付记录节选（已脱敏）/ payment record extract (redacted)",
            f"# schema: {EXTRACT_SCHEMA}",
            f"# exhibit: {self.exhibit}",
            f"# original: {self.original}",
            f"# sha256: {self.sha256}",
            f"# layout: {self.layout} ({self.layout_label})",
            f"# period: {self.period.get('start') or '?'} — {self.period.get('end') or '?'}",
            f"# exported_at: {self.exported_at or '?'}",
            f"# header_line: {self.header_line}",
            f"# rows: {len(self.rows)} of {self.total_rows} "
            f"(lines {', '.join(str(n) for n, _ in self.rows)}); other rows and the export's preamble "
            "(holder name, account) are left out",
        ]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["line", *self.header])
        for number, cells in self.rows:
            writer.writerow([number, *cells])
        return "\n".join(lines) + "\n" + buffer.getvalue()

    def to_json(self) -> dict[str, Any]:
        return {"schema": EXTRACT_SCHEMA, "exhibit": self.exhibit, "original": self.original, "sha256": self.sha256,
                "layout": self.layout, "period": self.period, "exported_at": self.exported_at,
                "total_rows": self.total_rows, "header_line": self.header_line, "header": self.header,
                "rows": [{"line": n, "cells": c} for n, c in self.rows]}


def _row_reader(exhibit: Exhibit, source: Any) -> Any:
    if exhibit.parser == "bank-generic":
        from .bank_generic import _MappedTable, parse_map

        mapping = exhibit.facts.get("map")
        if not mapping:
            raise UserInputError("payments.extract.nothing", id=exhibit.id)
        return _MappedTable(parse_map(str(mapping)), source.label)
    return source


def build_extract(store: CaseStore, exhibit_id: str, rows: str = "matched") -> Extract:
    if rows not in ROW_CHOICES:
        raise UserInputError("payments.extract.bad_rows", value=rows, known=", ".join(ROW_CHOICES))
    exhibit = store.exhibit(exhibit_id)
    if exhibit.parser not in payment_source_names():
        raise UserInputError("payments.extract.not_payment", id=exhibit.id, parser=exhibit.parser or "—")
    from ..registry import sources

    source = sources().get(exhibit.parser)
    details = store.derived(exhibit.id).get("details", {})
    wanted = set(details.get("matched_lines", []))
    if source is None or not wanted:
        raise UserInputError("payments.extract.nothing", id=exhibit.id)
    path = store.paths.evidence / exhibit.file
    from ...case.atomic import sha256_file

    if not path.is_file() or sha256_file(path) != exhibit.sha256:
        raise UserInputError("payments.extract.tampered", id=exhibit.id)
    reader = _row_reader(exhibit, source)
    extract = Extract(
        exhibit=exhibit.id, original=exhibit.name, sha256=exhibit.sha256, layout=exhibit.parser,
        layout_label=pick(source.label), period=dict(exhibit.facts.get("period") or {}),
        exported_at=exhibit.facts.get("exported_at"), total_rows=int(exhibit.facts.get("rows") or 0), header=[],
    )
    with reader.open_rows(Path(path), ParseContext()) as stream:
        header, _preamble = find_header(stream, reader.columns)
        if header is None:
            raise UserInputError("payments.extract.nothing", id=exhibit.id)
        names = [text(c) if not isinstance(c, str) else c for c in header.cells]
        while names and not names[-1]:
            names.pop()  # the exports' trailing comma makes an empty last column
        extract.header = names
        extract.header_line = header.line
        width = len(names)
        for line, cells in stream:
            if line in wanted:
                cleaned = [_cell(clean(c)) for c in cells][:width]
                extract.rows.append((line, cleaned))
                if len(extract.rows) == len(wanted):
                    break
    return extract


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"  # numeric amounts (WeChat 2026 XLSX); ids never reach here as floats
    return "" if value is None else str(value)
