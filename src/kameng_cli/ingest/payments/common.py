"""What every payment layout shares: the parse pipeline (header by content → typed records → matching
the case → events, warnings, notes, messages), preamble facts, and the checks that reject a broken
or spreadsheet-mangled export as a whole."""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from ...i18n import pick, t
from ...model.records import Event, Note, Warning
from ...parsing.amounts import format_yuan
from ...parsing.times import CST, isoformat
from ..base import ParseContext, ParseResult, Sample, SourceError
from ..decoding import DecodeError, locate_undecodable, open_text
from .bulk import BulkFallback, BulkTriage
from .events import orphan_refund_event, paid_event, recorded_refund_event, refunded_event
from .matching import CaseKeys, Decision, Match, Matcher, describe_payment, exact_order_rule, shown_time
from .records import PaymentRecord, RowError
from .refunds import link_refunds
from .table import STRIP, Column, CsvRows, Header, Row, RowStreamError, csv_rows, find_header, is_scientific

PREFERRED = ("utf-8", "gb18030")

_PERIOD_START = re.compile(r"起始(?:时间|日期)[:：]\s*\[\s*([^\]]+?)\s*\]")
_PERIOD_END = re.compile(r"终止(?:时间|日期)[:：]\s*\[\s*([^\]]+?)\s*\]")
_EXPORTED = re.compile(r"导出时间[:：]\s*\[\s*([^\]]+?)\s*\]")
_COUNT = re.compile(r"共\s*(\d+)\s*笔记录")
FOOTER_STARTS = ("---", "#", "合计", "人民币合计", "共")  # first cells that start a footer (spec section 4 rule 3)
_ENCODING_NAMES = {"gb18030": "GBK/GB18030", "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}


class ExportMangled(Exception):
    """A cell shows the file went through a spreadsheet that destroyed data (ids in E-notation)."""

    def __init__(self, line: int, value: str) -> None:
        super().__init__(value)
        self.line = line
        self.value = value


def check_id(cell: Any, line: int) -> str:
    """An id cell as text; an id a spreadsheet turned into a number makes the whole file unusable."""
    if cell.__class__ is str:
        if ("E" in cell or "e" in cell) and is_scientific(cell):
            raise ExportMangled(line, cell)
        return "" if cell in ("/", "-") else cell
    if is_scientific(cell):
        raise ExportMangled(line, str(cell))
    return "" if cell is None else str(cell)


def preamble_time(value: str) -> datetime | None:
    value = value.strip()
    for candidate in (value, f"{value[:4]}-{value[4:6]}-{value[6:8]}" if re.fullmatch(r"\d{8}", value) else ""):
        if not candidate:
            continue
        try:
            parsed = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return parsed.replace(tzinfo=CST) if parsed.tzinfo is None else parsed
    return None


def stored_exhibit(path: Path, ctx: ParseContext) -> tuple[Any, dict[str, Any]] | None:
    """The exhibit this file already is in the case (found by sha256), and its derived record: what
    `add` learned from the user (a --map, a choice on the terminal) that rebuild and match do not pass."""
    if ctx.case_root is None:
        return None
    from ...case.atomic import sha256_file
    from ...case.store import CaseStore

    digest = sha256_file(path)
    store = CaseStore(ctx.case_root)
    for exhibit in store.exhibits().values():
        if exhibit.sha256 == digest:
            return exhibit, store.derived(exhibit.id)
    return None


def chosen_earlier(path: Path, ctx: ParseContext) -> set[int]:
    found = stored_exhibit(path, ctx)
    if found is None:
        return set()
    matches = found[1].get("details", {}).get("decision", {}).get("matches", [])
    return {m["line"] for m in matches if m.get("rule") == "chosen"}


class PaymentSource:
    """Base of every payment layout; a layout declares its columns and turns cells into a record."""

    name: ClassVar[str]
    version: ClassVar[str] = "1"
    label: ClassVar[dict[str, str]]
    kind: ClassVar[str] = "payment"
    media_type: ClassVar[str] = "text/csv"
    how_key: ClassVar[str] = "payments.how.alipay"  # how to export the file again
    columns: ClassVar[tuple[Column, ...]]
    locator: ClassVar[str] = "line"
    expects_footer: ClassVar[bool] = False  # a complete file ends with a footer block
    # What an original file of the layout looks like, so that an Excel/WPS re-save shows (spec section
    # 4 rule 9): the encodings it comes in (empty: not judged), whether its id cells end with a tab that
    # spreadsheets drop, and whether its amounts never carry thousands separators.
    native_encodings: ClassVar[frozenset[str]] = frozenset()
    ids_end_with_tab: ClassVar[bool] = False
    plain_amounts: ClassVar[bool] = False
    # The statement period and the export (application) time in the preamble when the layout prints
    # them other than as `起始时间：[…]` / `导出时间：[…]` (the PDF statements).
    period_pattern: ClassVar[re.Pattern[str] | None] = None
    exported_pattern: ClassVar[re.Pattern[str] | None] = None

    # ---- detection ---------------------------------------------------------------------------------
    def sniff(self, sample: Sample) -> float:
        raise NotImplementedError

    # ---- reading -----------------------------------------------------------------------------------
    @contextlib.contextmanager
    def open_rows(self, path: Path, ctx: ParseContext) -> Iterator[Iterator[Row]]:
        stream, encoding = open_text(path, PREFERRED)
        self._encoding = encoding
        with stream:
            yield csv_rows(stream)

    def is_footer(self, first: Any, cells: list[Any]) -> bool:
        """Footer lines end the table: dashes, `#` summaries, totals (spec section 4 rule 3)."""
        return isinstance(first, str) and first.startswith(FOOTER_STARTS)

    def record(self, cells: list[Any], header: Header, line: int) -> PaymentRecord:
        raise NotImplementedError

    def bind_header(self, header: Header, ctx: ParseContext) -> None:
        """Layouts with user-given columns (generic CSV) resolve them here."""

    # ---- the pipeline ------------------------------------------------------------------------------
    def parse(self, path: Path, ctx: ParseContext) -> ParseResult:
        try:
            return self._parse(path, ctx, bulk=True)
        except BulkFallback:
            # The bulk path met something the row-by-row path reports exactly (bad bytes, a csv error).
            return self._parse(path, ctx, bulk=False)

    def _parse(self, path: Path, ctx: ParseContext, bulk: bool) -> ParseResult:
        layout = pick(self.label)
        how = t(self.how_key)
        self._encoding = ""
        try:
            with self.open_rows(path, ctx) as rows:
                header, preamble = find_header(rows, self.columns)
                if header is None:
                    raise SourceError("payments.broken.no_header", layout=layout, how=how)
                self.bind_header(header, ctx)
                matcher = Matcher(ctx.case, track_nearest=not self.has_triage)
                scan = self._scan(rows, header, matcher, triage=self.has_triage and matcher.keys.usable, bulk=bulk)
        except DecodeError as exc:
            # Not even a damaged text of the export's encodings (detection tolerates a few bad bytes).
            raise SourceError("payments.broken.undecodable", layout=layout, how=how) from exc
        except RowStreamError as exc:
            if exc.key == "payments.broken.encoding":
                raise self._undecodable(path, layout, how) from exc
            raise SourceError(exc.key, layout=layout, how=how,
                              **{"line": "?", "detail": "", "name": ctx.original_name or path.name, **exc.params}) from exc
        except ExportMangled as exc:
            raise SourceError("payments.broken.mangled", layout=layout, line=exc.line, value=exc.value, how=how) from exc
        scan.preamble = preamble
        self._check_complete(scan, layout, how)
        return self._result(scan, header, ctx, path)

    def _undecodable(self, path: Path, layout: str, how: str) -> SourceError:
        """Bytes that do not decode, found where they are (the text stream reports them a whole block
        early): a character cut by the end of the file is a truncated download, like a cut between
        characters; anything else is damage on a given line. Neither is helped by re-saving the file
        in another encoding — a re-saved bill is weaker evidence (spec section 4 rule 9) — so the
        advice is a fresh export."""
        found = locate_undecodable(path, self._encoding) if self._encoding else None
        if found is None:
            return SourceError("payments.broken.undecodable", layout=layout, how=how)
        line, cut = found
        if cut:
            return SourceError("payments.broken.truncated_row", layout=layout, line=line, how=how)
        return SourceError("payments.broken.encoding", layout=layout, line=line, how=how)

    @property
    def has_triage(self) -> bool:
        return type(self).triage is not PaymentSource.triage

    def triage(self, cells: list[Any], header: Header, keys: CaseKeys) -> tuple[str, datetime] | None:
        """Large-export fast path, given the raw (unstripped) cells: (kind, naive Beijing time) of a row
        that is certainly valid and irrelevant to the case (it is only counted), or None to interpret the
        row fully. Layouts opt in."""
        return None

    def bulk_triage(self, header: Header, keys: CaseKeys) -> BulkTriage | None:
        """The bulk form of `triage` for large CSV exports (payments/bulk.py), or None. Layouts opt in."""
        return None

    def _nearest(self, path: Path, ctx: ParseContext) -> list[Match]:
        """The three rows nearest to the case, for the no-match warning. With the fast path, irrelevant
        rows were not scored during the first pass, so this reads the file again (only when nothing matched)."""
        matcher = Matcher(ctx.case, track_nearest=True)
        with self.open_rows(path, ctx) as rows:
            header, _preamble = find_header(rows, self.columns)
            if header is None:
                return []
            self._scan(rows, header, matcher)
        return matcher.decide(None).nearest

    def read_records(self, path: Path, ctx: ParseContext | None = None) -> tuple[list[PaymentRecord], list[Warning]]:
        """Every row as a typed record, and the rows that could not be read (tests, golden files, tools).
        `parse` streams instead and keeps only what matching needs."""
        collected: list[PaymentRecord] = []
        with self.open_rows(path, ctx or ParseContext()) as rows:
            header, _preamble = find_header(rows, self.columns)
            if header is None:
                return [], []
            self.bind_header(header, ctx or ParseContext())
            scan = self._scan(rows, header, Matcher(None), collected)
        return collected, scan.warnings

    def _scan(self, rows: Iterator[Row], header: Header, matcher: Matcher,
              collect: list[PaymentRecord] | None = None, triage: bool = False, bulk: bool = False) -> _Scan:
        scan = _Scan(self.locator)
        scan.matcher = matcher
        keys = matcher.keys
        kinds = scan.kinds
        width = len(header.cells)
        in_footer = False
        strip = STRIP
        first_quick = last_quick = None
        in_bulk = self.bulk_triage(header, keys) if bulk and triage and isinstance(rows, CsvRows) else None
        # Re-save signs are read from the raw cells (cleaning removes the tabs); rows the fast paths
        # only count are plain by construction and carry no sign either way.
        tab_at = header.index.get("trade_no") if self.ids_end_with_tab else None
        amount_at = header.index.get("amount") if self.plain_amounts else None
        if in_bulk is not None:
            in_bulk.kinds = kinds
            rows = in_bulk.rows_after(rows)
        for line, cells in rows:
            if triage and len(cells) >= width and not in_footer:
                quick = self.triage(cells, header, keys)
                if quick is not None:
                    kinds[quick[0]] += 1
                    scan.records += 1
                    scan.data_rows += 1
                    scan.last_line = line
                    when = quick[1]
                    if first_quick is None or when < first_quick:
                        first_quick = when
                    if last_quick is None or when > last_quick:
                        last_quick = when
                    continue
            cleaned = [c.strip(strip) if c.__class__ is str else c for c in cells]
            if in_footer:
                scan.footer.append(",".join(str(c) for c in cleaned if c not in ("", None)))
                continue
            if not any(cleaned):
                continue
            if self.is_footer(cleaned[0], cleaned):
                in_footer = True
                scan.footer.append(",".join(str(c) for c in cleaned if c not in ("", None)))
                continue
            scan.last_line = line
            scan.data_rows += 1
            if tab_at is not None and tab_at < len(cells) and cleaned[tab_at]:
                scan.ids += 1
                if "\t" in cells[tab_at]:
                    scan.id_tabs += 1
            if amount_at is not None and amount_at < len(cells):
                raw_amount = cells[amount_at]
                if raw_amount.__class__ is str and "," in raw_amount:
                    scan.thousands_lines += 1
                    scan.thousands_example = scan.thousands_example or cleaned[amount_at]
            if len(cleaned) < width:
                cleaned += [""] * (width - len(cleaned))
                scan.short_rows.append(line)
            try:
                record = self.record(cleaned, header, line)
            except RowError as exc:
                scan.warnings.append(Warning(None, f"{self.locator} {line}", exc.reason, exc.detail,
                                             {"value": exc.detail, "line": line, **exc.params}))
                continue
            if record.warning:
                scan.warnings.append(Warning(None, f"{self.locator} {line}", record.warning, record.status,
                                             {"value": record.status, "line": line}))
            if "resaved" in record.time_flags:
                scan.resaved_lines += 1
            scan.kinds[record.kind] += 1
            scan.records += 1
            if record.time is not None:
                scan.first = record.time if scan.first is None or record.time < scan.first else scan.first
                scan.last = record.time if scan.last is None or record.time > scan.last else scan.last
            scan.matcher_feed(record)
            if collect is not None:
                collect.append(record)
        if in_bulk is not None and in_bulk.rows:
            in_bulk.flush()
            scan.records += in_bulk.rows
            scan.data_rows += in_bulk.rows
            scan.last_line = max(scan.last_line, in_bulk.last_line)
            for text in (in_bulk.first, in_bulk.last):
                when = datetime.fromisoformat(text)
                if first_quick is None or when < first_quick:
                    first_quick = when
                if last_quick is None or when > last_quick:
                    last_quick = when
        for when in (first_quick, last_quick):
            if when is not None:
                aware = when.replace(tzinfo=CST)
                scan.first = aware if scan.first is None or aware < scan.first else scan.first
                scan.last = aware if scan.last is None or aware > scan.last else scan.last
        return scan

    def _check_complete(self, scan: _Scan, layout: str, how: str) -> None:
        text = "\n".join([*scan.preamble, *scan.footer])
        counts = [int(c) for c in _COUNT.findall(text)]
        scan.stated = counts[0] if counts else None
        if scan.stated is not None and scan.data_rows < scan.stated:
            raise SourceError("payments.broken.truncated_count", layout=layout, stated=scan.stated,
                              found=scan.data_rows, how=how)
        if self.expects_footer and not scan.footer:
            raise SourceError("payments.broken.truncated_footer", layout=layout, line=scan.last_line, how=how)
        if scan.short_rows and scan.short_rows[-1] == scan.last_line and not scan.footer:
            raise SourceError("payments.broken.truncated_row", layout=layout, line=scan.last_line, how=how)

    # ---- turning the scan into a result ------------------------------------------------------------
    def _result(self, scan: _Scan, header: Header, ctx: ParseContext, path: Path) -> ParseResult:
        result = ParseResult(kind=self.kind, media_type=self.media_type)
        facts = self._facts(scan, header)
        result.facts.update(facts)
        exported = preamble_time(facts["exported_at"]) if facts.get("exported_at") else None
        if exported is not None and len(facts["exported_at"]) <= 10:
            # A date only (the CMB PDF's 申请时间): the file existed by the end of that day, not at midnight,
            # and a capture time bounds what the file shows from above.
            exported = exported.replace(hour=23, minute=59, second=59)
            result.captured_at, result.captured_at_source, result.captured_at_confidence = exported, "export-header", "low"
        elif exported is not None:
            result.captured_at, result.captured_at_source, result.captured_at_confidence = exported, "export-header", "high"
        elif ctx.original_mtime is not None:
            result.captured_at, result.captured_at_source = ctx.original_mtime, "file-mtime"
        result.warnings.extend(scan.warnings)
        edited = self._edited_note(scan)
        if edited is not None:
            result.notes.append(edited)
            result.messages.append(edited.message)
        forced = self._layout_note(path)
        if forced is not None:
            result.notes.append(forced)
            result.messages.append(forced.message)
        matcher = scan.matcher
        if matcher is None or not matcher.keys.usable:
            result.messages.append(t("payments.match.no_case_facts"))
            result.notes.append(Note(None, "payment-not-matched", t("payments.match.no_case_facts"), "info", {},
                                     key="payments.match.no_case_facts"))
            decision = Decision()
        else:
            decision = matcher.decide(ctx.ask, lambda: chosen_earlier(path, ctx))
            if not decision.matches and not decision.plausible and not matcher.track_nearest:
                decision.nearest = self._nearest(path, ctx)
        self._report(decision, scan, result)
        events, matched_lines, refund_message = self._events(decision, scan)
        result.events.extend(events)
        if refund_message:
            result.messages.append(refund_message)
        if scan.warnings:
            result.messages.append(t("payments.rows.unread", count=len(scan.warnings)))
        result.details.update({
            "layout": self.name,
            "header_line": header.line,
            "header": header.cells,
            "matched_lines": sorted(matched_lines),
            "decision": {
                "matches": [{"line": m.record.line, **m.to_json()} for m in decision.matches],
                "plausible": [{"line": m.record.line, "score": round(m.score, 3), **m.to_json()} for m in decision.plausible],
                "nearest": [{"line": m.record.line, "score": round(m.score, 3), **m.to_json()} for m in decision.nearest],
            },
        })
        result.facts["matched_rows"] = len(matched_lines)
        return result

    def _edited_note(self, scan: _Scan) -> Note | None:
        """One `payment-export-edited` note naming every sign that the file went through Excel/WPS (spec
        section 4 rule 9): reformatted times, thousands separators, a UTF-8 export turned into GBK, the ids'
        tabs gone (with another sign). The amounts were still read exactly; the note is about what the file proves."""
        signs: list[str] = []
        texts: list[str] = []
        if scan.resaved_lines:
            signs.append("times")
            texts.append(t("payments.resaved.times", count=scan.resaved_lines))
        if scan.thousands_lines:
            signs.append("thousands")
            texts.append(t("payments.resaved.thousands", count=scan.thousands_lines, example=scan.thousands_example))
        if self.native_encodings and self._encoding and self._encoding not in self.native_encodings:
            signs.append("encoding")
            texts.append(t("payments.resaved.encoding", encoding=_ENCODING_NAMES.get(self._encoding, self._encoding)))
        # Lost tabs only corroborate: alone they may be a text editor trimming whitespace or an exporter
        # variant not yet seen (the project's own example export has none), and a spreadsheet re-save
        # rewrites times or amounts as well.
        if signs and scan.ids and not scan.id_tabs:
            signs.append("tabs")
            texts.append(t("payments.resaved.tabs", count=scan.ids))
        if not signs:
            return None
        data = {"rows": scan.resaved_lines, "signs": signs}
        if signs == ["times"]:  # the note as stored before the other signs were detected
            return Note(None, "payment-export-edited", t("payments.note.resaved", count=scan.resaved_lines), "warning",
                        data, key="payments.note.resaved", params={"count": scan.resaved_lines})
        joined = "；".join(texts)
        return Note(None, "payment-export-edited", t("payments.note.edited", signs=joined), "warning", data,
                    key="payments.note.edited", params={"signs": joined})

    def _layout_note(self, path: Path) -> Note | None:
        """A file read as this layout although its content is not (`--format` given by the user): the
        events may be right, but the reading is the user's override, so say so — and name the layout
        the content does have, when another source claims it."""
        if self.name == "bank-generic":  # read by the user's --map, never claimed by content
            return None
        from ..base import CLAIM
        from ..registry import sources
        from . import payment_source_names

        sample = Sample.of(path)
        if self.sniff(sample) >= CLAIM:
            return None
        registry = sources()
        claims = [registry[name] for name in sorted(payment_source_names())
                  if name != self.name and registry[name].sniff(sample) >= CLAIM]
        if claims:
            text = t("payments.note.forced_other", layout=pick(self.label), name=self.name,
                     other=pick(claims[0].label), other_name=claims[0].name)
            return Note(None, "payment-format-forced", text, "warning", {"format": self.name, "detected": claims[0].name},
                        key="payments.note.forced_other",
                        params={"layout": pick(self.label), "name": self.name, "other": pick(claims[0].label),
                                "other_name": claims[0].name})
        text = t("payments.note.forced", layout=pick(self.label), name=self.name)
        return Note(None, "payment-format-forced", text, "warning", {"format": self.name, "detected": None},
                    key="payments.note.forced", params={"layout": pick(self.label), "name": self.name})

    def _facts(self, scan: _Scan, header: Header) -> dict[str, Any]:
        text = "\n".join([*scan.preamble, *scan.footer])
        facts: dict[str, Any] = {"layout": self.name, "rows": scan.records, "encoding": self._encoding or None,
                                 "kinds": dict(scan.kinds)}
        start_text = end_text = ""
        start, end = _PERIOD_START.search(text), _PERIOD_END.search(text)
        if start:
            start_text, end_text = start.group(1), end.group(1) if end else ""
        elif self.period_pattern is not None and (both := self.period_pattern.search(text)):
            start_text, end_text = both.group(1), both.group(2)
        exported = _EXPORTED.search(text) or (self.exported_pattern.search(text) if self.exported_pattern else None)
        period_start = preamble_time(start_text) if start_text else None
        period_end = preamble_time(end_text) if end_text else None
        if period_end is not None and len(end_text.strip()) <= 10:
            period_end = period_end.replace(hour=23, minute=59, second=59)  # a date-only end is inclusive
        facts["period"] = {
            "start": isoformat(period_start) if period_start else isoformat(scan.first),
            "end": isoformat(period_end) if period_end else isoformat(scan.last),
            "source": "export-header" if period_start else "rows",
        }
        if exported:
            facts["exported_at"] = exported.group(1).strip()
        if scan.stated is not None:
            facts["stated_rows"] = scan.stated
        if scan.warnings:
            facts["unread_rows"] = len(scan.warnings)
        return facts

    def _report(self, decision: Decision, scan: _Scan, result: ParseResult) -> None:
        keys = scan.matcher.keys if scan.matcher else None
        for record in decision.unpaid:
            result.notes.append(Note(None, "payment-order-unpaid", t("payments.note.unpaid", line=record.line), "warning",
                                     {"line": record.line, "status": record.status}, key="payments.note.unpaid",
                                     params={"line": record.line}))
        if decision.matches:
            items = [t("payments.match.item", payment=_brief(m.record), reason=m.reason) for m in decision.matches]
            result.messages.append(t("payments.match.found", count=len(items), items="；".join(items)))
        elif decision.plausible:
            listing = "；".join(f"{n}) {describe_payment(m.record)}" for n, m in enumerate(decision.plausible, 1))
            params: dict[str, Any] = {"count": len(decision.plausible), "items": listing}
            # With an order number in case.toml the advice to fill it in is wrong: the number is there,
            # but no payment row of this export carries it.
            key = "payments.match.ambiguous"
            if keys is not None and keys.order_no:
                key, params["order_no"] = "payments.match.ambiguous_order", keys.order_no
            text = t(key, **params)
            result.messages.append(text)
            result.warnings.append(Warning(None, None, "payments.match.ambiguous", listing, dict(params)))
            result.notes.append(Note(None, "payment-ambiguous", text, "warning",
                                     {"lines": [m.record.line for m in decision.plausible]}, key=key, params=params))
        elif keys is not None and keys.usable:
            listing = "；".join(f"{n}) {describe_payment(m.record)}" for n, m in enumerate(decision.nearest, 1)) or "—"
            text = t("payments.match.none", case=keys.describe(), items=listing)
            result.messages.append(text)
            result.warnings.append(Warning(None, None, "payments.match.none", listing,
                                           {"case": keys.describe(), "items": listing}))
            result.notes.append(Note(None, "payment-not-matched", text, "warning",
                                     {"nearest": [m.record.line for m in decision.nearest]}, key="payments.match.none",
                                     params={"case": keys.describe(), "items": listing}))

    def _events(self, decision: Decision, scan: _Scan) -> tuple[list[Event], set[int], str]:
        events = []
        lines: set[int] = set()
        payments = [m.record for m in decision.matches]
        by_payment: dict[int, Match] = {id(m.record): m for m in decision.matches}
        for match in decision.matches:
            events.append(paid_event(match, self.name, self.locator))
            lines.add(match.record.line)
        if scan.matcher is not None and not payments:
            for refund in scan.matcher.refunds:  # its payment is outside the export: the refund still counts
                match = exact_order_rule(refund, scan.matcher.keys)
                if match is not None and match.rule == "merchant-order-no":
                    events.append(orphan_refund_event(refund, match, self.name, self.locator))
                    lines.add(refund.line)
        if not payments or scan.matcher is None:
            return events, lines, ""
        pairs = link_refunds(payments, scan.matcher.refunds, scan.matcher.keys, scan.matcher.incomes)
        linked_payments = set()
        for payment, refund in pairs:
            events.append(refunded_event(payment, refund, by_payment[id(payment)], self.name, self.locator))
            lines.add(refund.line)
            linked_payments.add(id(payment))
            scan.linked.append(refund)
        for match in decision.matches:
            if id(match.record) not in linked_payments:
                recorded = recorded_refund_event(match.record, match, self.name, self.locator)
                if recorded is not None:
                    events.append(recorded)
        if pairs:
            items = [t("payments.refund.item", time=shown_time(r),
                       amount=format_yuan(r.amount),
                       partial=t("payments.refund.partial") if r.partial else "",
                       reason=t(f"payments.link.{r.link_rule}")) for _, r in pairs]
            return events, lines, t("payments.refund.found", count=len(items), items="；".join(items))
        return events, lines, ""


class _Scan:
    def __init__(self, locator: str) -> None:
        self.locator = locator
        self.preamble: list[str] = []
        self.footer: list[str] = []
        self.warnings: list[Warning] = []
        self.kinds: Counter[str] = Counter()
        self.records = 0
        self.data_rows = 0
        self.last_line = 0
        self.short_rows: list[int] = []
        self.resaved_lines = 0  # rows whose time a spreadsheet reformatted
        self.thousands_lines = 0  # rows whose amount has a thousands separator (layouts that never print one)
        self.thousands_example = ""
        self.ids = 0  # rows with a trade number, and how many of those end with the export's tab
        self.id_tabs = 0
        self.first: datetime | None = None
        self.last: datetime | None = None
        self.stated: int | None = None
        self.matcher: Matcher | None = None
        self.linked: list[PaymentRecord] = []

    def matcher_feed(self, record: PaymentRecord) -> None:
        if self.matcher is not None:
            self.matcher.feed(record)


def _brief(record: PaymentRecord) -> str:
    return t("payments.brief.paid", time=shown_time(record), counterparty=record.counterparty or "—", amount=format_yuan(record.amount))

