"""Exhibits and events: what the evidence store and the timeline hold."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from decimal import Decimal
from typing import Any

from ..parsing.amounts import format_amount
from ..parsing.times import isoformat


def _parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(slots=True)
class Exhibit:
    """One piece of evidence: an untouched, hash-verified copy in evidence/."""

    id: str  # E01, E02, ...
    kind: str  # slug from EXHIBIT_KINDS
    name: str  # the original file name
    file: str  # its name in evidence/
    sha256: str
    size: int
    media_type: str
    captured_at: datetime | None = None
    captured_at_source: str = "none"  # see CAPTURED_AT_SOURCES
    captured_at_confidence: str = "low"  # high / low
    parser: str = ""
    parser_version: str = ""
    detected: str = ""  # human label of the detected format, e.g. 支付宝账单（2023+ 格式）
    note: str = ""
    origin: str = ""  # absolute path the file was added from (symlinks resolved)
    added_at: datetime | None = None
    kind_source: str = "parser"  # parser / user
    facts: dict[str, Any] = field(default_factory=dict)  # small parser facts: width, height, exif_software, pages

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["captured_at"] = isoformat(self.captured_at)
        data["added_at"] = isoformat(self.added_at)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Exhibit:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["captured_at"] = _parse_dt(values.get("captured_at"))
        values["added_at"] = _parse_dt(values.get("added_at"))
        return cls(**values)


@dataclass(slots=True)
class Event:
    """One thing that happened, with where it was seen (exhibit + locator) and how sure we are."""

    id: str  # E02-0001 for derived events, M0001 for manual ones
    time: datetime | None
    kind: str  # slug from EVENT_KINDS
    actor: str  # slug from ACTORS
    summary: str
    amount: Decimal | None = None
    order_no: str | None = None
    exhibit: str | None = None
    locator: str | None = None  # "line 12", "row 5", "page 2", "message 31"
    confidence: float = 1.0
    source: str = ""  # the parser that derived it, or "manual"
    time_flags: list[str] = field(default_factory=list)  # no-year, no-timezone, unknown, estimated, ...
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def manual(self) -> bool:
        return self.source == "manual"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "time": isoformat(self.time),
            "kind": self.kind,
            "actor": self.actor,
            "summary": self.summary,
            "amount": format_amount(self.amount),
            "order_no": self.order_no,
            "exhibit": self.exhibit,
            "locator": self.locator,
            "confidence": round(self.confidence, 3),
            "source": self.source,
            "time_flags": list(self.time_flags),
            "data": self.data,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        get = data.get
        amount, time = get("amount"), get("time")
        # Positional: a timeline can hold 100,000 events, and keywords cost a third more here.
        return cls(data["id"], datetime.fromisoformat(time) if time else None, data["kind"], get("actor", "system"),
                   get("summary", ""), Decimal(amount) if amount is not None else None, get("order_no"), get("exhibit"),
                   get("locator"), float(get("confidence", 1.0)), get("source", ""), list(get("time_flags", ())),
                   dict(get("data", {})))


@dataclass(slots=True)
class Warning:
    """A row or record a parser could not interpret; stored, shown, never fatal for the file."""

    exhibit: str | None
    locator: str | None
    reason: str  # catalog key or plain text
    detail: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Warning:
        return cls(**{k: v for k, v in data.items() if k in {f.name for f in fields(cls)}})


@dataclass(slots=True)
class Note:
    """A stored observation about an exhibit that later checks use (e.g. a chat log with gaps)."""

    exhibit: str | None
    code: str  # stable slug, e.g. chat-starts-after-payment
    message: str
    severity: str = "info"  # info / warning / blocker
    data: dict[str, Any] = field(default_factory=dict)
    key: str = ""  # catalog key of the message, so it can be shown in the reader's language
    params: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """The message in the current language (as stored when it has no catalog key)."""
        if not self.key:
            return self.message
        from ..i18n import say_again

        return say_again({"key": self.key, "params": self.params}) or self.message

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Note:
        return cls(**{k: v for k, v in data.items() if k in {f.name for f in fields(cls)}})


def event_sort_key(event: Event) -> tuple[int, float]:
    """Sort key for a stable sort: timed events by time, then the untimed ones in their file order."""
    if event.time is None:
        return (1, 0.0)
    return (0, event.time.timestamp())
