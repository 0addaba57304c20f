"""The same conversation added more than once — a MemoTrace CSV and its TXT, an export and a part of
it pasted later, a copy of the last days next to the full export. Each exhibit is read on its own,
so each yields its own promises and deflections; the timeline-wide steps (broken promises, silences,
the facts of a draft) use `copies` to count and quote every message once, citing every exhibit that
holds it.

Two messages are the same when the same side said the same text (punctuation and whitespace aside:
OCR and exporters differ there) in the same minute — the minute, not the second, as some copies keep
only minutes. A chat screenshot dates its bubbles by the time label above them (flag `time-label`):
such a message matches one sent at that minute or up to two hours later. The bubbles above the first
label (a screenshot taken further down the chat) have no time: each is matched to the one dated
message of another exhibit with the same side and text, if there is exactly one. Other messages
without a time are never matched — a copy without times could pair unrelated lines."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from ..model.records import Event

MessageRef = tuple[str, int]  # (exhibit id, message index within it)


def exhibit_order(exhibit: str | None) -> tuple[int, str]:
    """E2 before E10 (and 证据2 before 证据10): ids and labels compared by their number."""
    digits = "".join(filter(str.isdigit, exhibit or ""))
    return (int(digits) if digits else 0, exhibit or "")


_last: tuple[tuple[Event, ...], dict[MessageRef, MessageRef]] | None = None


def copies(events: Iterable[Event]) -> dict[MessageRef, MessageRef]:
    """Each message that an earlier exhibit (by id) also holds, mapped to that earlier copy; and each
    undated bubble of a screenshot mapped to the one dated message of another exhibit it repeats.

    For a tuple (the timeline `derive` hands every analyzer) the answer is kept until another tuple
    is asked about: promise-broken and silence both need it, and it costs 0.3 s per 100,000 messages.
    The caller must not change the events meanwhile (analyzers only read them)."""
    global _last
    if isinstance(events, tuple):
        if _last is not None and _last[0] is events:
            return _last[1]
        found = _copies(events)
        _last = (events, found)
        return found
    return _copies(events)


def _copies(events: Iterable[Event]) -> dict[MessageRef, MessageRef]:
    by_exhibit: dict[str, list[Event]] = {}
    undated: list[Event] = []  # screenshot bubbles above the first time label (a scrolled-on screenshot)
    for event in events:
        if event.kind == "message" and event.exhibit and "index" in event.data:
            if event.time is not None:
                by_exhibit.setdefault(event.exhibit, []).append(event)
            elif event.data.get("ocr"):
                undated.append(event)
    if len(by_exhibit) + (1 if undated else 0) < 2:
        return {}
    seen: dict[tuple[str, str], list[tuple[str, int, datetime, bool]]] = {}
    found: dict[MessageRef, MessageRef] = {}
    for exhibit in sorted(by_exhibit, key=exhibit_order):
        for message in by_exhibit[exhibit]:
            data = message.data
            key = (message.actor, _comparable(data.get("text", "")))
            when, label = message.time, TIME_LABEL in message.time_flags
            earlier = seen.setdefault(key, [])
            match = next(((x, i) for x, i, t, lab in earlier if x != exhibit and _same_time(t, lab, when, label)), None)
            if match is not None:
                found[(exhibit, data["index"])] = match
            else:
                earlier.append((exhibit, data["index"], when, label))  # type: ignore[arg-type]
    for message in undated:
        # Only when exactly one dated message elsewhere says it: a short 好的 may have been said often.
        others = [(x, i) for x, i, _t, _lab in seen.get((message.actor, _comparable(message.data.get("text", ""))), [])
                  if x != message.exhibit]
        if len(others) == 1:
            found[(message.exhibit, message.data["index"])] = others[0]  # type: ignore[index]
    return found


TIME_LABEL = "time-label"  # the time shown above a screenshot's bubbles: sent then or a little later
_LABEL_SPAN = timedelta(hours=2)
_NOT_COMPARED = re.compile(r"[\W_]+")  # punctuation (either width) and whitespace: OCR and exporters differ


def _comparable(text: str) -> str:
    return _NOT_COMPARED.sub("", text) if not text.isalnum() else text


def _same_time(a: datetime, a_label: bool, b: datetime | None, b_label: bool) -> bool:
    if b is None:
        return False
    if a_label == b_label:
        return a.replace(second=0) == b.replace(second=0)
    label, exact = (a, b) if a_label else (b, a)
    return timedelta(0) <= exact.replace(second=0) - label < _LABEL_SPAN


def message_ref(event: Event) -> MessageRef | None:
    """The message a signal (or a message) event stands for, when it says."""
    index = event.data.get("message_index", event.data.get("index") if event.kind == "message" else None)
    return (event.exhibit, index) if event.exhibit and index is not None else None
