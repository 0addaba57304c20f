"""The same conversation added more than once — a MemoTrace CSV and its TXT, an export and a part of
it pasted later, a copy of the last days next to the full export. Each exhibit is read on its own,
so each yields its own promises and deflections; the timeline-wide steps (broken promises, silences,
the facts of a draft) use `copies` to count and quote every message once, citing every exhibit that
holds it.

Two messages are the same when they were said in the same minute by the same side with the same
text (runs of whitespace and line breaks count as one space). The minute, not the second: some copies keep only minutes. Messages without
a time are never matched — a copy without times could pair unrelated lines."""

from __future__ import annotations

from collections.abc import Iterable

from ..model.records import Event

MessageRef = tuple[str, int]  # (exhibit id, message index within it)


def exhibit_order(exhibit: str | None) -> tuple[int, str]:
    """E2 before E10 (and 证据2 before 证据10): ids and labels compared by their number."""
    digits = "".join(filter(str.isdigit, exhibit or ""))
    return (int(digits) if digits else 0, exhibit or "")


def copies(events: Iterable[Event]) -> dict[MessageRef, MessageRef]:
    """Each message that an earlier exhibit (by id) also holds, mapped to that earlier copy."""
    by_exhibit: dict[str, list[Event]] = {}
    for event in events:
        if event.kind == "message" and event.time is not None and event.exhibit and "index" in event.data:
            by_exhibit.setdefault(event.exhibit, []).append(event)
    if len(by_exhibit) < 2:
        return {}
    first: dict[tuple[object, ...], MessageRef] = {}
    found: dict[MessageRef, MessageRef] = {}
    for exhibit in sorted(by_exhibit, key=exhibit_order):
        for message in by_exhibit[exhibit]:
            data = message.data
            text = data.get("text", "")
            if "\n" in text or "  " in text or "\t" in text:
                text = " ".join(text.split())
            key = (message.time.replace(second=0), message.actor, text.strip())  # type: ignore[union-attr]
            there = first.setdefault(key, (exhibit, data["index"]))
            if there[0] != exhibit:
                found[(exhibit, data["index"])] = there
    return found


def message_ref(event: Event) -> MessageRef | None:
    """The message a signal (or a message) event stands for, when it says."""
    index = event.data.get("message_index", event.data.get("index") if event.kind == "message" else None)
    return (event.exhibit, index) if event.exhibit and index is not None else None
