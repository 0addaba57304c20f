"""The same conversation added more than once — a MemoTrace CSV and its TXT, an export and a part of
it pasted later, a copy of the last days next to the full export. Each exhibit is read on its own,
so each yields its own promises and deflections; the timeline-wide steps (broken promises, silences,
the facts of a draft) use `copies` to count and quote every message once, citing every exhibit that
holds it.

Two messages are the same when they were said in the same minute by the same side with the same
text (whitespace aside). The minute, not the second: some copies keep only minutes. Messages without
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
    messages = [e for e in events if e.kind == "message" and e.time is not None and e.exhibit and "index" in e.data]
    if len({message.exhibit for message in messages}) < 2:
        return {}
    messages.sort(key=lambda e: (exhibit_order(e.exhibit), e.data["index"]))
    first: dict[tuple[object, ...], MessageRef] = {}
    found: dict[MessageRef, MessageRef] = {}
    for message in messages:
        key = (message.time.replace(second=0, microsecond=0), message.actor,  # type: ignore[union-attr]
               " ".join(str(message.data.get("text", "")).split()))
        here = (message.exhibit, message.data["index"])
        there = first.setdefault(key, here)  # type: ignore[arg-type]
        if there[0] != here[0]:
            found[here] = there  # type: ignore[assignment]
    return found


def message_ref(event: Event) -> MessageRef | None:
    """The message a signal (or a message) event stands for, when it says."""
    index = event.data.get("message_index", event.data.get("index") if event.kind == "message" else None)
    return (event.exhibit, index) if event.exhibit and index is not None else None
