"""Timeline-wide signal analyzers (run by kameng_cli.derive over every parser and manual event):

- `promise_broken`: a promise whose due time has passed with no `delivered` or `refunded` event
  between the promise and its due time — payments, screenshots and manual events all count.
- `silence`: the counterparty left the user waiting longer than SILENCE_HOURS (default 24 h) before a
  real answer (stickers, 嗯/收到 are not answers), or the user's last messages span ≥ 2 days with no
  answer at all (商家失联).

A conversation added twice (two export formats, an export and a pasted part) is counted once: a
promise or a wait that an earlier exhibit also holds is left to that exhibit (overlap.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..i18n import say_again
from ..model.records import Event
from ..parsing.times import isoformat, now
from .overlap import copies, message_ref
from .summaries import say

if TYPE_CHECKING:
    from ..model.case import Case

SILENCE_HOURS = 24.0
KEEPS_PROMISE = ("delivered", "refunded")
# Replies that answer nothing (chat-exports.md §8.2 F 空应答).
EMPTY_REPLIES = frozenset({"嗯", "嗯嗯", "好的", "好", "收到", "在的", "在", "ok", "OK", "好的亲", "在的亲", "收到亲", "哦", "噢", "？", "?"})


def promise_broken(events: Sequence[Event], case: Case | None, today: datetime | None = None) -> list[Event]:
    current = today or now()
    settling = [e for e in events if e.kind in KEEPS_PROMISE and e.time is not None]
    repeated = copies(events)
    broken = []
    for promise in events:
        if promise.kind != "promise" or not promise.data.get("due") or message_ref(promise) in repeated:
            continue
        due = datetime.fromisoformat(promise.data["due"])
        if due > current:
            continue
        start = promise.time
        kept = [e for e in settling if (start is None or e.time >= start) and e.time <= due]  # type: ignore[operator]
        if kept:
            continue
        late = next((e for e in settling if e.time > due and (start is None or e.time >= start)), None)  # type: ignore[operator]
        data: dict[str, Any] = {"promise": promise.id, "due": promise.data["due"], "phrase": promise.data.get("phrase", ""),
                                "text": promise.data.get("text", ""), "message_index": promise.data.get("message_index"),
                                "settled_late": late.id if late else None}
        if promise.data.get("due_uncertain"):
            data["due_uncertain"] = promise.data["due_uncertain"]
        broken.append(Event(
            id="", time=due, kind="promise-broken", actor=promise.actor, summary=say_again(say("promise-broken", data)) or "",
            exhibit=promise.exhibit, locator=promise.locator, confidence=promise.confidence,
            time_flags=list(promise.time_flags), data=data,
        ))
    return broken


def silence(events: Sequence[Event], case: Case | None, threshold_hours: float = SILENCE_HOURS) -> list[Event]:
    by_exhibit: dict[str | None, list[Event]] = {}
    for event in events:
        if event.kind == "message" and event.time is not None:
            by_exhibit.setdefault(event.exhibit, []).append(event)
    found: list[Event] = []
    for exhibit, messages in by_exhibit.items():
        messages.sort(key=lambda e: (e.time, e.data.get("index", 0)))  # type: ignore[arg-type, return-value]
        found += _silences(exhibit, messages, threshold_hours)
    repeated = copies(events) if len(by_exhibit) > 1 else {}
    return [event for event in found if message_ref(event) not in repeated]


def _answers(message: Event) -> bool:
    data = message.data
    if data.get("type") == "other" and data.get("media") == "sticker":
        return False
    return not (data.get("type") == "text" and data.get("text", "").strip().strip("~～!！。.") in EMPTY_REPLIES)


_THANKS = ("谢谢", "多谢", "感谢", "辛苦了", "麻烦了", "好吧", "行吧", "知道了", "明白了", "了解", "那好")


def _acknowledges(message: Event) -> bool:
    """The user's 好的 / 好的谢谢 / 行吧: an acknowledgement, not a question or a demand."""
    data = message.data
    if data.get("type") != "text":
        return data.get("type") == "other" and data.get("media") == "sticker"
    text = data.get("text", "").strip()
    bare = "".join(ch for ch in text if ch.isalnum())
    if not bare or bare in EMPTY_REPLIES:
        return True
    for word in ("好的", "嗯嗯", "嗯", "好", "ok", "OK", "行", *_THANKS):
        bare = bare.replace(word, "")
    return not bare and len(text) <= 12


def _silences(exhibit: str | None, messages: list[Event], threshold: float) -> list[Event]:
    found = []
    waiting: Event | None = None
    trailing: list[Event] = []
    for message in messages:
        if message.actor == "me":
            if waiting is None and _acknowledges(message):
                continue  # 好的 / 谢谢 asks nothing: no answer is owed to it
            if waiting is None:
                waiting = message
                trailing = []
            trailing.append(message)
        elif message.actor == "counterparty" and _answers(message) and waiting is not None:
            hours = (message.time - waiting.time).total_seconds() / 3600  # type: ignore[operator]
            if hours > threshold:
                found.append(_silence_event(exhibit, waiting, message, hours, "no-reply", threshold))
            waiting, trailing = None, []
    if waiting is not None:
        days = sorted({m.time.date() for m in trailing})  # type: ignore[union-attr]
        if len(days) >= 2:
            last = trailing[-1]
            hours = (last.time - waiting.time).total_seconds() / 3600  # type: ignore[operator]
            event = _silence_event(exhibit, waiting, None, hours, "unanswered-days", threshold, days=[d.isoformat() for d in days])
            event.data["messages"] = len(trailing)
            event.data["last"] = isoformat(last.time)
            found.append(event)
    return found


def _silence_event(exhibit: str | None, waiting: Event, answer: Event | None, hours: float, reason: str, threshold: float,
                   days: list[str] | None = None) -> Event:
    data: dict[str, Any] = {
        "since": isoformat(waiting.time), "until": isoformat(answer.time) if answer else None, "hours": round(hours, 1),
        "reason": reason, "threshold_hours": threshold, "message": waiting.id, "message_index": waiting.data.get("index"),
        "answer": answer.id if answer else None}
    if days is not None:
        data["days"] = days
    # the summary's words come from signals/summaries.py, which timeline also uses to say it again
    return Event(id="", time=waiting.time, kind="silence", actor="counterparty", summary=say_again(say("silence", data)) or "",
                 exhibit=exhibit, locator=waiting.locator, confidence=waiting.confidence,
                 time_flags=list(waiting.time_flags), data=data)
