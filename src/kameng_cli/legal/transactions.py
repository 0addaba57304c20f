"""One payment (or refund) shown by several exhibits — the Alipay bill and the statement of the bank
card behind it, a bill export and a payment screenshot, a manual note of it — is one payment. Sums of
money (what was paid, what was refunded, what is still owed) count it once; facts and evidence lists
still cite every exhibit that shows it.

Two `paid` (or two `refunded`) events of different exhibits are the same transaction when their
amounts are equal and they share a trade or merchant-order number (two exports giving different
numbers are two transactions — paid twice; a number read by OCR may be misread and decides only when
it agrees), or their times are at most WINDOW apart (a bank posts a card payment seconds to minutes
after the payment app), or one of them has only a date (some bank statements) and the dates agree.
Within one exhibit every row is its own transaction: a double charge stays two.
"""

from __future__ import annotations

from datetime import timedelta

from ..model.records import Event

WINDOW = timedelta(minutes=10)
_NUMBERS = ("trade_no", "merchant_order_no")


def transactions(events: list[Event], kind: str) -> list[list[Event]]:
    """The `kind` events ("paid" / "refunded") grouped by transaction, in time order; in each group
    the strongest copy first (a bill or bank export before a screenshot's reading or a manual note)."""
    groups: list[list[Event]] = []
    candidates = [e for e in events if e.kind == kind]
    candidates.sort(key=lambda e: (e.time is None, e.time or 0, _weakness(e)))  # type: ignore[operator]
    for event in candidates:
        group = next((g for g in groups if _same(g, event)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
            group.sort(key=_weakness)
    return groups


def distinct(events: list[Event], kind: str) -> list[Event]:
    """Each transaction of `kind` once, by its strongest copy."""
    return [group[0] for group in transactions(events, kind)]


def _weakness(event: Event) -> tuple[int, int]:
    """Lower is stronger: an export's row, then a screenshot's reading, then a manual note."""
    return (2 if event.manual else 1 if event.data.get("ocr") else 0, 0 if event.time is not None else 1)


def _same(group: list[Event], event: Event) -> bool:
    if event.amount is None or any(member.exhibit == event.exhibit and not event.manual for member in group):
        return False  # two rows of one export are two transactions
    first = group[0]
    if first.amount is None or abs(first.amount) != abs(event.amount):
        return False
    read_from_pixels = bool(event.data.get("ocr") or first.data.get("ocr"))  # a digit may be misread
    for name in _NUMBERS:
        mine, theirs = event.data.get(name), first.data.get(name)
        if mine and theirs and (mine == theirs or not read_from_pixels):
            return bool(mine == theirs)  # both say which transaction they are: trust that
    if event.time is None or first.time is None:
        return False
    if "date-only" in event.time_flags or "date-only" in first.time_flags:
        return event.time.date() == first.time.date()
    return abs(event.time - first.time) <= WINDOW
