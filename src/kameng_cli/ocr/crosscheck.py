"""Cross-checks between what a screenshot shows and the rest of the case (codes documented in
docs/ocr.md): the order number differs from case.toml, the paid amount differs from the payment
export's row, the screen's own clock is earlier than the payment it shows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from ..i18n import said, say_again, t
from ..model.records import Event, Note
from ..parsing.amounts import format_amount, format_yuan
from ..parsing.times import CST, display, isoformat
from .facts import Reading

if TYPE_CHECKING:
    from ..model.case import Case

ORDER_MISMATCH = "ocr-order-mismatch"
AMOUNT_MISMATCH = "ocr-amount-mismatch"
CLOCK_BEFORE_PAYMENT = "ocr-clock-before-payment"
CODES = (ORDER_MISMATCH, AMOUNT_MISMATCH, CLOCK_BEFORE_PAYMENT)

# A payment event from an export and a screenshot's payment page are the same payment when they
# share a number, or else when they are this close in time.
SAME_PAYMENT_WINDOW = timedelta(minutes=10)
EXPORT_SOURCES = ("alipay", "wechat", "bank")


def _clean(number: str) -> str:
    return number.replace(" ", "").replace("-", "").upper()


def order_mismatch(reading: Reading, case: Case | None) -> Note | None:
    """The screenshot shows an order number and none of them is the one in case.toml."""
    stated = (case.order.number if case else "") or ""
    if not stated.strip():
        return None
    seen = [f for f in reading.facts if f.type in ("order_no", "merchant_order_no")]
    if not seen or any(_clean(f.value) == _clean(stated) for f in seen):
        return None
    shown = seen[0]
    return Note(exhibit=None, code=ORDER_MISMATCH, severity="warning",
                message=t("ocr.note.order_mismatch", seen=shown.value, stated=stated),
                key="ocr.note.order_mismatch", params={"seen": shown.value, "stated": stated},
                data={"seen": shown.value, "stated": stated, "box": list(shown.box),
                      "confidence": shown.confidence, "all_seen": [f.value for f in seen]})


def clock_before_payment(reading: Reading, paid_at: datetime | None, captured_at: datetime | None,
                         captured_source: str) -> Note | None:
    """The status-bar clock reads earlier than the payment time the page shows: the screenshot
    cannot have been taken after that payment, so the page or the clock was edited.

    The clock has no date: it is taken on the screenshot's own date (EXIF or file time) when known,
    else on the payment's date (said in data.assumed_date)."""
    clocks = reading.of_type("clock")
    if paid_at is None or not clocks:
        return None
    clock = clocks[0]
    hour, minute = (int(part) for part in clock.value.split(":"))
    assumed = captured_at is None or captured_source not in ("exif", "stated")
    day = (paid_at if assumed else captured_at).astimezone(CST).date()  # type: ignore[union-attr]
    shown = datetime(day.year, day.month, day.day, hour, minute, tzinfo=CST)
    # The clock shows whole minutes: 09:55 on a page paid at 09:55:12 is consistent.
    if shown >= paid_at.astimezone(CST).replace(second=0, microsecond=0):
        return None
    return Note(exhibit=None, code=CLOCK_BEFORE_PAYMENT, severity="warning",
                message=t("ocr.note.clock_before_payment", clock=clock.value, paid=display(paid_at)),
                key="ocr.note.clock_before_payment", params={"clock": clock.value, "paid": display(paid_at)},
                data={"clock": clock.value, "clock_box": list(clock.box), "paid_at": isoformat(paid_at),
                      "assumed_date": assumed, "date": day.isoformat()})


def amount_mismatch(events: Sequence[Event], case: Case | None) -> list[Event]:
    """Timeline analyzer: a payment page read by OCR against the export row of the same payment.

    Returns `note` events with data.code = ocr-amount-mismatch (check reads them, see docs/ocr.md)."""
    screenshots = [e for e in events if e.kind == "paid" and e.data.get("ocr") and e.amount is not None]
    exports = [e for e in events if e.kind == "paid" and not e.data.get("ocr") and e.amount is not None
               and e.source.startswith(EXPORT_SOURCES)]
    found: list[Event] = []
    for shot in screenshots:
        row = _same_payment(shot, exports)
        if row is None or abs(row.amount or Decimal(0)) == abs(shot.amount or Decimal(0)):
            continue
        say = said("ocr.note.amount_mismatch", seen=format_yuan(abs(shot.amount or Decimal(0))),
                   export=format_yuan(abs(row.amount or Decimal(0))), row=row.exhibit or "?")
        found.append(Event(
            id="", time=shot.time, kind="note", actor="system", summary=say_again(say) or "",
            order_no=shot.order_no, exhibit=shot.exhibit, locator=shot.locator, confidence=shot.confidence,
            data={"code": AMOUNT_MISMATCH, "severity": "warning", "screenshot_event": shot.id,
                  "export_event": row.id, "export_exhibit": row.exhibit,
                  "seen": format_amount(abs(shot.amount or Decimal(0))),
                  "export": format_amount(abs(row.amount or Decimal(0))), "matched_by": _matched_by(shot, row), "say": say},
        ))
    return found


def _numbers(event: Event) -> set[str]:
    values = {event.order_no, event.data.get("trade_no"), event.data.get("merchant_order_no")}
    return {_clean(v) for v in values if v}


def _matched_by(shot: Event, row: Event) -> str:
    return "number" if _numbers(shot) & _numbers(row) else "time"


def _same_payment(shot: Event, exports: list[Event]) -> Event | None:
    wanted = _numbers(shot)
    for row in exports:
        if wanted & _numbers(row):
            return row
    if shot.time is None or "file-mtime" in shot.time_flags or "screenshot-time" in shot.time_flags:
        return None
    timed = [r for r in exports if r.time is not None and abs(r.time - shot.time) <= SAME_PAYMENT_WINDOW]
    return min(timed, key=lambda r: abs(r.time - shot.time)) if timed else None  # type: ignore[operator]


def notes_from_events(events: list[Event]) -> list[Note]:
    """The timeline's OCR cross-check events as Notes, for `check` (see docs/ocr.md)."""
    return [Note(exhibit=e.exhibit, code=e.data["code"], message=e.summary, severity=e.data.get("severity", "warning"),
                 data={k: v for k, v in e.data.items() if k not in ("code", "severity")})
            for e in events if e.kind == "note" and e.data.get("code") in CODES]
