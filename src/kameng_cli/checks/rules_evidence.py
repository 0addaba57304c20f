"""KM2xx: consistency of the evidence — amounts, order numbers, who was paid, refunds, screenshots
that look edited or undated, chat logs that may be incomplete, rows the parsers could not read."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

from ..i18n import catalog, join, shown_locator, t
from ..legal.transactions import transactions
from ..model.finding import SEVERITIES, Finding
from ..model.records import Event, Note
from ..parsing.amounts import format_yuan
from ..parsing.times import display
from .catalog import get, rule
from .context import IMAGE_EDITORS, CheckContext, is_image, is_payment_export, norm_order_no

# Payment processors that appear as the counterparty for many merchants: not wrong, but not the merchant.
AGGREGATORS = re.compile(r"支付宝|财付通|银联|网银在线|快钱|汇付|易宝|通联|拉卡拉|连连|宝付|收钱吧|聚合支付|付呗")
# Words every company and shop name shares; they say nothing about who was paid.
_GENERIC = re.compile(r"有限责任公司|股份有限公司|有限公司|公司|科技|网络|信息|技术|商贸|贸易|电子商务|数码|文化|传媒|"
                      r"专营店|旗舰店|官方|店铺|小店|卡盟|发卡网|发卡|平台|商城|[（）()\s·.\-]")
# Masked personal names as bills show them ("*明", "张**"): money went to a person, not a business.
_PERSON = re.compile(r"^(?:\*{1,3}[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]\*{1,3}[\u4e00-\u9fff]?)(?:\(.*\))?$")


# Chat notes that describe the log rather than a gap in it.
DESCRIPTIVE_NOTES = frozenset({"chat-span"})


def _source_of(ctx: CheckContext, event: Event) -> str:
    """Where an amount or order number was read: export / screenshot / manual."""
    if event.manual:
        return "manual"
    exhibit = ctx.exhibits.get(event.exhibit or "")
    if exhibit is not None and is_payment_export(exhibit):
        return "export"
    if event.data.get("ocr") or (exhibit is not None and is_image(exhibit)):
        return "screenshot"
    return "other"


@rule("KM201", "amount-mismatch", "blocker")
def amount_mismatch(ctx: CheckContext) -> list[Finding]:
    """The amount paid (export / payment page / order page) differs from the price in case.toml."""
    this = get("KM201")
    price = ctx.case.order.price
    findings = []
    by_source: dict[str, dict[Decimal, list[Event]]] = defaultdict(lambda: defaultdict(list))
    for event in ctx.events_of("paid", "ordered"):
        if event.amount is not None and event.actor != "merchant":
            by_source[_source_of(ctx, event)][abs(event.amount)].append(event)
    if price is not None:
        for source, amounts in by_source.items():
            if price in amounts:
                continue
            events = [e for group in amounts.values() for e in group]
            shown = join(format_yuan(a) for a in sorted(amounts))
            severity = "blocker" if source == "export" else "warning"
            findings.append(this.finding("check.msg.KM201", severity=severity, link="paid",
                                         exhibits=list(dict.fromkeys(e.exhibit for e in events if e.exhibit)),
                                         events=[e.id for e in events[:10]], amounts=shown,
                                         where=t(f"check.source.{source}"), price=format_yuan(price)))
    elif by_source:
        # No price stated: the evidence disagreeing with itself is still a problem.
        amounts = {a for group in by_source.values() for a in group}
        if len(amounts) > 1:
            shown = join(format_yuan(a) for a in sorted(amounts))
            findings.append(this.finding("check.msg.KM201.inner", severity="warning", link="paid", amounts=shown))
    findings.extend(_paid_twice(ctx))
    notes = [note for note in ctx.notes if note.code == "ocr-amount-mismatch"]
    findings = _said_by_notes(findings, notes)
    for note in notes:
        findings.append(this.finding("check.msg.note", severity="warning", link="paid",
                                     exhibits=[note.exhibit] if note.exhibit else [],
                                     exhibit=note.exhibit or "—", text=note.text()))
    return findings


def _paid_twice(ctx: CheckContext) -> list[Finding]:
    """Several payments for the one order: all of it is claimed back, and the user should know why."""
    claims = ctx.claims()
    if not claims.repeated or claims.paid is None:
        return []
    by_id = {e.id: e for e in ctx.events_of("paid")}
    shown = [by_id[i] for i in claims.payments if i in by_id]
    items = join(f"{e.time.strftime('%Y-%m-%d %H:%M') if e.time else '—'} {format_yuan(abs(e.amount or 0))}"
                 f"（{e.exhibit or '—'}）" for e in shown)
    return [get("KM201").finding("check.msg.KM201.repeated", severity="warning", link="paid",
                                 exhibits=list(dict.fromkeys(e.exhibit for e in shown if e.exhibit)),
                                 events=[e.id for e in shown[:10]], count=len(shown), items=items,
                                 total=format_yuan(claims.paid), why=t("check.why.KM201.repeated"),
                                 fix=t("check.fix.KM201.repeated"))]


def _said_by_notes(findings: list[Finding], notes: list[Note]) -> list[Finding]:
    """A screenshot an OCR cross-check note already reports (its amount or order number against the
    export's) is not reported a second time by the general comparison: that finding keeps the other
    exhibits, or goes when it had no other."""
    noted = {note.exhibit for note in notes if note.exhibit}
    kept = []
    for finding in findings:
        if noted and set(finding.exhibits) & noted:
            if not set(finding.exhibits) - noted:
                continue
            finding.exhibits = [x for x in finding.exhibits if x not in noted]
        kept.append(finding)
    return kept


def _same_order(a: str, b: str) -> bool:
    # Screens truncate long numbers and some exports prefix the platform's code: containment is a match.
    return a == b or (len(a) >= 8 and len(b) >= 8 and (a in b or b in a))


@rule("KM202", "order-number-mismatch", "warning")
def order_number_mismatch(ctx: CheckContext) -> list[Finding]:
    """An exhibit shows an order number other than the one in case.toml (or exhibits disagree)."""
    this = get("KM202")
    wanted = norm_order_no(ctx.case.order.number)
    seen: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))  # number -> exhibit -> events
    shown_as: dict[str, str] = {}
    for event in ctx.events:
        number = norm_order_no(event.order_no)
        if number:
            seen[number][event.exhibit or "manual"].append(event.id)
            shown_as.setdefault(number, event.order_no or number)
    findings = []
    reference = wanted or (max(seen, key=lambda n: len(seen[n])) if seen else "")
    # A screenshot an OCR note already reports is said by that note alone (and not named here either).
    notes = [note for note in ctx.notes if note.code == "ocr-order-mismatch"]
    noted = {note.exhibit for note in notes if note.exhibit}
    for number, where in seen.items():
        if not reference or _same_order(number, reference):
            continue
        where = {x: ids for x, ids in where.items() if x not in noted}
        if not where:
            continue
        exhibits = [x for x in where if x != "manual"]
        events = [e for ids in where.values() for e in ids][:10]
        findings.append(this.finding("check.msg.KM202", link="ordered", exhibits=exhibits, events=events,
                                     found=shown_as[number], where=join(where),
                                     expected=ctx.case.order.number or shown_as.get(reference, reference)))
    for note in notes:
        findings.append(this.finding("check.msg.note", link="ordered", exhibits=[note.exhibit] if note.exhibit else [],
                                     exhibit=note.exhibit or "—", text=note.text()))
    return findings


def _core(name: str) -> str:
    return _GENERIC.sub("", name)


def _plausible(counterparty: str, names: list[str]) -> bool:
    """The counterparty shares a distinctive part (two characters or more) with a known name."""
    core = _core(counterparty)
    for name in names:
        other = _core(name)
        if not other or not core:
            continue
        if other in core or core in other:
            return True
        # any shared run of 2+ characters ("星辰" in 星辰卡盟 and 杭州星辰网络科技有限公司)
        if any(other[i:i + 2] in core for i in range(len(other) - 1)):
            return True
    return False


@rule("KM203", "payment-counterparty", "warning")
def payment_counterparty(ctx: CheckContext) -> list[Finding]:
    """The payment went to someone who is not plausibly the merchant or the platform."""
    this = get("KM203")
    names = [*ctx.merchant_names, *ctx.platform_names]
    findings = []
    # A payment shown by two exhibits (the same chat in two export formats, a bill and a statement) is
    # one payment: one finding citing every exhibit that shows it.
    for group in transactions(ctx.payments(), "paid"):
        event = group[0]
        counterparty = str(event.data.get("counterparty") or "").strip()
        if not counterparty:
            continue
        refs = {"exhibits": list(dict.fromkeys(e.exhibit for e in group if e.exhibit)), "events": [e.id for e in group],
                "link": "paid"}
        if _PERSON.match(counterparty):
            findings.append(this.finding("check.msg.KM203.person", **refs, who=counterparty,
                                         fix=t("check.fix.KM203.person")))
        elif AGGREGATORS.search(counterparty):
            findings.append(this.finding("check.msg.KM203.aggregator", severity="info", **refs, who=counterparty,
                                         fix=t("check.fix.KM203.aggregator")))
        elif names and not _plausible(counterparty, names):
            findings.append(this.finding("check.msg.KM203", **refs, who=counterparty, names=join(names)))
    return findings


@rule("KM204", "refund-received", "warning")
def refund_received(ctx: CheckContext) -> list[Finding]:
    """Refunds already received: the claim must shrink by them (or the dispute may be settled). A
    payment row that says it was refunded while the refund row is missing is named too."""
    claims = ctx.claims()
    refunded = claims.refunded
    if not refunded:
        return []
    this = get("KM204")
    findings = []
    for row in claims.row_refunds:
        kind = "closed" if row.inferred else "row"
        findings.append(this.finding(f"check.msg.KM204.{kind}", severity="warning" if row.inferred else "info",
                                     link="paid", exhibits=[row.exhibit] if row.exhibit else [], events=[row.event],
                                     exhibit=row.exhibit or "—", line=row.line if row.line is not None else "—",
                                     status=row.status, amount=format_yuan(row.amount),
                                     fix=t(f"check.fix.KM204.{kind}")))
    by_id = {e.id: e for e in ctx.events_of("refunded", "paid")}
    shown = [by_id[i] for i in [*claims.refund_events, *(r.event for r in claims.row_refunds)] if i in by_id]
    refs = {"exhibits": list(dict.fromkeys(e.exhibit for e in shown if e.exhibit)),
            "events": [e.id for e in shown[:10]], "link": "paid"}
    paid = claims.paid
    if paid is not None and refunded >= paid:
        return [*findings, this.finding("check.msg.KM204.full", **refs, refunded=format_yuan(refunded),
                                        paid=format_yuan(paid))]
    outstanding = (paid - refunded) if paid is not None else None
    return [*findings, this.finding("check.msg.KM204", severity="info", **refs, refunded=format_yuan(refunded),
                                    paid=format_yuan(paid), outstanding=format_yuan(outstanding))]


@rule("KM205", "screenshot-edited", "warning")
def screenshot_edited(ctx: CheckContext) -> list[Finding]:
    """Screenshots whose EXIF Software tag names an image editor (may be challenged as 后期处理)."""
    edited = []
    for exhibit in ctx.exhibits.values():
        software = str(exhibit.facts.get("exif_software") or "")
        if software and IMAGE_EDITORS.search(software):
            edited.append((exhibit, software))
    if not edited:
        return []
    this = get("KM205")
    if len(edited) == 1:
        exhibit, software = edited[0]
        return [this.finding("check.msg.KM205", exhibits=[exhibit.id], exhibit=exhibit.id, name=exhibit.name,
                             software=software)]
    shown = join(t("check.msg.KM205.item", exhibit=x.id, software=s) for x, s in edited[:20])
    return [this.finding("check.msg.KM205.many", exhibits=[x.id for x, _ in edited], count=len(edited),
                         items=shown + ("…" if len(edited) > 20 else ""))]


@rule("KM206", "screenshot-undated", "warning")
def screenshot_undated(ctx: CheckContext) -> list[Finding]:
    """Screenshots with no trustworthy capture time (none, or only the file's modification time)."""
    undated = [x for x in ctx.exhibits.values() if is_image(x) and x.captured_at_source in ("none", "file-mtime")]
    if not undated:
        return []
    shown = join(x.id for x in undated[:20]) + ("…" if len(undated) > 20 else "")
    return [get("KM206").finding("check.msg.KM206", exhibits=[x.id for x in undated], count=len(undated),
                                 exhibits_list=shown)]


@rule("KM207", "chat-incomplete", "blocker")
def chat_incomplete(ctx: CheckContext) -> list[Finding]:
    """Completeness notes the chat parsers stored: late start, gaps, recalls, exporter losses."""
    this = get("KM207")
    # The same conversation added twice (two export formats) has the same recall, gap or late start
    # in both: one finding citing both exhibits.
    merged: dict[tuple[Any, ...], tuple[Note, list[str]]] = {}
    covered = _covered_chats(ctx)
    noted = {(note.code, note.exhibit) for note in ctx.notes}
    for note in ctx.notes:
        if note.exhibit in covered and all((note.code, other) not in noted for other in covered[note.exhibit]):
            continue  # every message of this copy is in a fuller one that lacks the problem (the fix was made)
        if note.code.startswith("chat-") and note.code not in DESCRIPTIVE_NOTES:
            key = (note.code, _same_in_every_copy(note.data)) if note.exhibit else (id(note),)
            merged.setdefault(key, (note, []))[1].append(note.exhibit or "")
    return [_note_finding(this, note, "contacted", [x for x in exhibits if x]) for note, exhibits in merged.values()]


def _covered_chats(ctx: CheckContext) -> dict[str, list[str]]:
    """Chat exhibits whose every message another exhibit also holds (a cut export next to the full
    one, a TXT next to the CSV of the same chat): exhibit → the exhibits that hold all of it."""
    from ..signals.overlap import copies

    sizes: dict[str, int] = defaultdict(int)
    for event in ctx.events_of("message"):
        if event.exhibit and "index" in event.data:
            sizes[event.exhibit] += 1
    held: dict[tuple[str, str], set[int]] = defaultdict(set)  # (one, other) → messages of one the other holds
    for (later, later_index), (earlier, earlier_index) in copies(ctx.events).items():
        held[(earlier, later)].add(earlier_index)
        held[(later, earlier)].add(later_index)
    covered: dict[str, list[str]] = defaultdict(list)
    for (one, other), found in held.items():
        if one != other and sizes.get(one) and len(found) >= sizes[one] and sizes.get(other, 0) >= sizes[one]:
            covered[one].append(other)
    return covered


def _same_in_every_copy(data: dict[str, Any]) -> str:
    """A note's data without what differs between two exports of one conversation (locators are
    lines in one and rows in the other; counts and the median rhythm depend on how much each holds)."""
    kept = {k: _MINUTE_OF.sub(r"\1", v) if isinstance(v, str) else v for k, v in data.items()
            if not k.endswith("locator") and k not in ("count", "median_minutes", "previous")}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str)


_MINUTE_OF = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):\d{2}.*$")  # some copies keep only minutes


@rule("KM208", "screen-clock-before-payment", "warning")
def screen_clock_before_payment(ctx: CheckContext) -> list[Finding]:
    """A screenshot's own clock is earlier than the payment it shows (OCR cross-check, issue 7)."""
    this = get("KM208")
    return [this.finding("check.msg.note", link="paid", exhibits=[n.exhibit] if n.exhibit else [],
                         exhibit=n.exhibit or "—", text=n.text())
            for n in ctx.notes if n.code == "ocr-clock-before-payment"]


# Stored warnings that are about the file as a whole, not a row left unread: the payment parsers' "no row
# matches the case" and "several rows could" (reported by KM210 from their notes).
NOT_ROW_WARNINGS = ("payments.match.",)


@rule("KM209", "rows-not-understood", "info")
def rows_not_understood(ctx: CheckContext) -> list[Finding]:
    """Rows or records a parser could not interpret: the evidence may hold more than the timeline."""
    per_exhibit: dict[str, list[str]] = defaultdict(list)
    for warning in ctx.warnings:
        if warning.reason.startswith(NOT_ROW_WARNINGS):
            continue
        per_exhibit[warning.exhibit or "—"].append(warning.locator or "")
    this = get("KM209")
    # Which rows: the user looks them up in the copy (evidence/), so they are named.
    return [this.finding("check.msg.KM209", exhibits=[x] if x != "—" else [], exhibit=x, count=len(where),
                         where=join([shown_locator(w) for w in where[:5] if w]) + ("…" if len(where) > 5 else "") or "—")
            for x, where in per_exhibit.items()]


@rule("KM210", "payment-export-notes", "warning")
def payment_export_notes(ctx: CheckContext) -> list[Finding]:
    """Notes the payment parsers stored: a re-saved export, no or several matching rows, an unpaid order."""
    this = get("KM210")
    findings = []
    for note in ctx.notes:
        if not note.code.startswith("payment-"):
            continue
        finding = _note_finding(this, note, "paid")
        if note.code == "payment-not-matched" and note.exhibit:
            _say_what_the_export_misses(ctx, note.exhibit, finding)
        findings.append(finding)
    return findings


def _say_what_the_export_misses(ctx: CheckContext, exhibit_id: str, finding: Finding) -> None:
    """An export without the case's payment: whether its period could hold the payment at all, and
    whether another exhibit has proved the payment since (then it is only for the record)."""
    exhibit = ctx.exhibits.get(exhibit_id)
    period = exhibit.facts.get("period") if exhibit is not None else None
    paid_at = ctx.case.order.paid_at
    if isinstance(period, dict) and paid_at is not None and period.get("start") and period.get("end"):
        from datetime import datetime

        start, end = datetime.fromisoformat(str(period["start"])), datetime.fromisoformat(str(period["end"]))
        if not start <= paid_at <= end:
            day = display(paid_at)[:10]
            finding.fix = t("check.km210.period", start=display(start)[:10], end=display(end)[:10], day=day)
    elsewhere = sorted({e.exhibit for e in ctx.payments() if e.exhibit and e.exhibit != exhibit_id})
    if elsewhere:
        finding.severity = "info"
        finding.message += t("check.km210.proved_elsewhere", exhibits=join(elsewhere))


@rule("KM211", "evidence-changed", "blocker")
def evidence_changed(ctx: CheckContext) -> list[Finding]:
    """A stored copy that no longer matches the hash recorded when it was added, or is gone (what
    `kameng verify` reports): nothing citing it can be submitted."""
    this = get("KM211")
    changed = [n for n in ctx.notes if n.code == "evidence-changed"]
    return [this.finding("check.msg.KM211.missing" if n.data.get("missing") else "check.msg.KM211",
                         exhibits=[n.exhibit] if n.exhibit else [], exhibit=n.exhibit or "—", file=n.data.get("file", ""))
            for n in changed]


def _note_finding(this: Any, note: Note, link: str, exhibits: list[str] | None = None) -> Finding:
    """A parser's stored note as a finding of rule `this`, with the note's own why/fix texts when the
    catalog has them (check.note.<code>.why / .fix). `exhibits`: every exhibit the note holds for."""
    known = catalog()
    severity = note.severity if note.severity in SEVERITIES else "warning"
    why_key, fix_key = f"check.note.{note.code}.why", f"check.note.{note.code}.fix"
    exhibits = exhibits if exhibits is not None else [note.exhibit] if note.exhibit else []
    return this.finding("check.msg.note", severity=severity, link=link,
                        exhibits=exhibits, exhibit=join(exhibits) or "—",
                        text=note.text(), why=t(why_key) if why_key in known else None,
                        fix=t(fix_key) if fix_key in known else None)
