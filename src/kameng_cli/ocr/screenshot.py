"""OCR of one image exhibit, as part of its parse: text with boxes into the derived record, facts,
events, notes and the suggested exhibit kind into the ParseResult."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import said, t
from ..model.records import Event, Note, Warning
from ..model.slugs import EXHIBIT_KINDS, label
from ..parsing.amounts import format_yuan
from .crosscheck import clock_before_payment, order_mismatch
from .facts import Fact, Reading, first_amount, read_page
from .model import OcrPage

if TYPE_CHECKING:
    from ..ingest.base import ParseContext, ParseResult

SCHEMA = "kameng.ocr/1"
EVENT_ACTORS = {"delivery-failed": "platform", "delivered": "merchant", "refunded": "merchant"}


def ocr_file(path: Path) -> OcrPage:
    from PIL import Image

    from .engine import recognise_image

    with Image.open(path) as image:
        image.load()
        page, _timing = recognise_image(image)
    return page


def read_screenshot(path: Path, result: ParseResult, ctx: ParseContext) -> None:
    """Add what OCR reads in the image at `path` to `result` (the image source calls this)."""
    try:
        page = _previous_page(ctx) or ocr_file(path)
    except Exception as exc:  # noqa: BLE001 - the engine's failures must not lose the exhibit
        detail = f"{type(exc).__name__}: {exc}"
        result.warnings.append(Warning(exhibit=None, locator=None, reason="ocr.failed", detail=detail,
                                       params={"detail": detail}))
        result.messages.append(t("ocr.failed", detail=f"{type(exc).__name__}: {exc}"))
        return
    apply_page(page, result, ctx)


def _previous_page(ctx: ParseContext) -> OcrPage | None:
    """On rebuild: the page read from these same bytes by this same engine and models before. Only what
    kameng makes of the text is redone (that is what a rebuild is for); a screenshot takes ~0.4 s to
    read again, and a case of 300 screenshots held the lock for minutes."""
    from .engine import _engine_name

    stored = ctx.previous_details.get("ocr")
    if not isinstance(stored, dict) or stored.get("schema") != SCHEMA or stored.get("engine") != _engine_name():
        return None
    try:
        return OcrPage.from_json(stored)
    except (KeyError, TypeError, ValueError):
        return None


def _default_year(ctx: ParseContext, captured_at: datetime | None) -> int | None:
    if ctx.case is not None and ctx.case.order.paid_at is not None:
        return ctx.case.order.paid_at.year
    return captured_at.year if captured_at else None


def forced_kind(ctx: ParseContext) -> str | None:
    """The exhibit kind the user gave (`add --kind`, kept through `rebuild`): the pipeline passes it as
    the source option `kind`. It decides how the screenshot is read, not only its label."""
    kind = ctx.options.get("kind") if isinstance(ctx.options, dict) else None
    return kind if isinstance(kind, str) and kind in EXHIBIT_KINDS else None


def apply_page(page: OcrPage, result: ParseResult, ctx: ParseContext) -> Reading:
    forced = forced_kind(ctx)
    reading = read_page(page, ctx.case, _default_year(ctx, result.captured_at), kind=forced)
    chat: tuple[list[Event], list[Note]] | None = None
    if reading.kind == "chat":
        # Suggested from the layout or the app's words, or chosen by the user: the bubbles are messages.
        from .chat import bubbles, chat_events

        taken_flags = ["file-mtime"] if result.captured_at_source == "file-mtime" else []
        found = bubbles(page, result.captured_at, taken_flags)
        if found:
            chat = chat_events(page, found, result, ctx)
    result.details["ocr"] = {"schema": SCHEMA, **page.to_json(), "reading": reading.to_json()}
    summary: dict[str, Any] = {"lines": len(page.lines), "kind": reading.kind}
    for kind in ("order_no", "merchant_order_no", "trade_no"):
        values = list(dict.fromkeys(f.value for f in reading.of_type(kind)))
        if values:
            summary[kind] = values
    statuses = list(dict.fromkeys(f.value for f in reading.of_type("status")))
    if statuses:
        summary["status"] = statuses
    if reading.supports:
        summary["supports"] = reading.supports
    result.facts["ocr"] = summary
    result.events += events_of(reading, result, ctx)
    for note in _notes(reading, result, ctx):
        result.notes.append(note)
    result.messages.append(_describe(reading, page))
    if chat is not None:
        events, notes = chat
        messages = sum(1 for event in events if event.kind == "message")
        summary["chat"] = {"messages": messages, "signals": len(events) - messages}
        result.events += events
        result.notes += notes
        result.messages.append(t("ocr.chat_read", count=messages, signals=len(events) - messages))
    if reading.forced:
        result.kind = reading.kind
        result.messages.append(t("ocr.kind_forced", kind=label(EXHIBIT_KINDS, reading.kind), slug=reading.kind))
    elif reading.kind != "other":
        result.kind = reading.kind
        result.messages.append(t("ocr.kind_suggested", kind=label(EXHIBIT_KINDS, reading.kind), slug=reading.kind,
                                 why=" + ".join(reading.kind_reason)))
    for note in result.notes:
        if note.code.startswith("ocr-"):
            result.messages.append(note.message)
    return reading


def _describe(reading: Reading, page: OcrPage) -> str:
    parts = []
    for kind in ("order_no", "merchant_order_no", "trade_no"):
        for fact in reading.of_type(kind)[:1]:
            parts.append(f"{t('ocr.fact.' + kind)} {fact.value}")
    paid = first_amount(reading, "paid", "unlabelled")
    if paid is not None:
        parts.append(format_yuan(abs(Decimal(paid.value))))
    parts += list(dict.fromkeys(f.value for f in reading.of_type("status")))
    if not page.lines:
        return t("ocr.no_text")
    return t("ocr.read", lines=len(page.lines), found="，".join(parts) if parts else t("ocr.nothing_found"))


def _locator(fact: Fact) -> str:
    x, y, w, h = fact.box
    return f"box {x},{y},{w},{h}"


def _order_number(reading: Reading) -> str | None:
    for kind in ("order_no", "merchant_order_no"):
        facts = reading.of_type(kind)
        if facts:
            return max(facts, key=lambda f: f.confidence).value
    return None


def _time(reading: Reading, *roles: str) -> Fact | None:
    for role in roles:
        found = reading.of_type("time", role)
        if found:
            return found[0]
    return None


def _when(fact: Fact | None, result: ParseResult) -> tuple[datetime | None, list[str]]:
    """The time of what a page shows: its own timestamp, else the moment the screenshot was taken."""
    if fact is not None:
        return datetime.fromisoformat(fact.value), list(fact.data.get("time_flags", []))
    if result.captured_at is None:
        return None, ["unknown"]
    flags = ["screenshot-time"]
    if result.captured_at_source == "file-mtime":
        flags.append("file-mtime")
    return result.captured_at, flags


def events_of(reading: Reading, result: ParseResult, ctx: ParseContext) -> list[Event]:
    events: list[Event] = []
    order_no = _order_number(reading)
    name = ctx.original_name
    seen: set[str] = set()
    # A page the user calls a payment proves one only when it shows an amount or a payment time: the
    # label alone states no payment (a letter would date it by the file).
    if reading.kind == "payment" and (not reading.forced or first_amount(reading, "paid", "unlabelled") is not None
                                      or _time(reading, "paid", "page", "ordered") is not None):
        events.append(_paid_event(reading, result, order_no, name))
    # In a chat screenshot 处理中 is what someone wrote, not the order's state: the facts keep it,
    # but it makes no status event.
    statuses = [] if reading.kind == "chat" else reading.of_type("status")
    for fact in statuses:
        if fact.value in seen or fact.role == "paid":
            continue
        seen.add(fact.value)
        kind = fact.role
        amount = None
        labelled = None
        if kind == "refunded":
            labelled = _time(reading, "refunded")
            refund = first_amount(reading, "refund")
            amount = abs(Decimal(refund.value)) if refund else None
        elif kind == "delivered":
            labelled = _time(reading, "delivered")
        when, flags = _when(labelled, result)
        actor = "system" if fact.value in ("该卡密已被使用", "卡密无效") else EVENT_ACTORS[kind]
        events.append(Event(
            id="", time=when, kind=kind, actor=actor,
            summary=t("ocr.event.status", status=fact.value, name=name),
            amount=amount, order_no=order_no, locator=_locator(fact), confidence=round(0.9 * fact.confidence, 3),
            time_flags=flags,
            data={"status": fact.value, "ocr": True, "box": list(fact.box), "text": fact.text,
                  "ocr_confidence": fact.confidence, "say": said("ocr.event.status", status=fact.value, name=name)},
        ))
    ordered = _time(reading, "ordered")
    if ordered is not None and reading.kind == "order":
        when, flags = _when(ordered, result)
        events.append(Event(
            id="", time=when, kind="ordered", actor="me", summary=t("ocr.event.ordered", name=name),
            order_no=order_no, locator=_locator(ordered), confidence=round(0.9 * ordered.confidence, 3),
            time_flags=flags, data={"ocr": True, "box": list(ordered.box), "text": ordered.text,
                                    "say": said("ocr.event.ordered", name=name)},
        ))
    return events


def _paid_event(reading: Reading, result: ParseResult, order_no: str | None, name: str) -> Event:
    amount_fact = first_amount(reading, "paid", "unlabelled")
    time_fact = _time(reading, "paid", "page", "ordered")
    when, flags = _when(time_fact, result)
    trade = reading.of_type("trade_no")
    merchant_order = reading.of_type("merchant_order_no")
    statuses = reading.of_type("status")
    anchor = amount_fact or time_fact or (statuses[0] if statuses else None)
    confidence = min(f.confidence for f in (amount_fact, time_fact) if f is not None) if (amount_fact or time_fact) else 0.5
    amount = abs(Decimal(amount_fact.value)) if amount_fact else None
    return Event(
        id="", time=when, kind="paid", actor="me",
        summary=t("ocr.event.paid", amount=format_yuan(amount), name=name),
        amount=amount, order_no=order_no, locator=_locator(anchor) if anchor else None,
        confidence=round(0.9 * confidence, 3), time_flags=flags,
        data={"ocr": True, "status": "支付成功", "direction": "out",
              "say": said("ocr.event.paid", amount=format_yuan(amount), name=name),
              "trade_no": trade[0].value if trade else None,
              "merchant_order_no": merchant_order[0].value if merchant_order else None,
              "box": list(amount_fact.box) if amount_fact else None},
    )


def _notes(reading: Reading, result: ParseResult, ctx: ParseContext) -> list[Note]:
    notes = []
    mismatch = order_mismatch(reading, ctx.case)
    if mismatch:
        notes.append(mismatch)
    paid_time = None
    for event in result.events:
        if event.kind == "paid" and event.data.get("ocr") and event.time and "screenshot-time" not in event.time_flags \
                and "unknown" not in event.time_flags:
            paid_time = event.time
    if paid_time is None:
        labelled = _time(reading, "paid")
        paid_time = datetime.fromisoformat(labelled.value) if labelled else None
    clock = clock_before_payment(reading, paid_time, result.captured_at, result.captured_at_source)
    if clock:
        notes.append(clock)
    return notes
