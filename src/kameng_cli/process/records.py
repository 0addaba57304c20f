"""Submissions and replies, kept in .kameng/process.jsonl — one JSON object per line, rewritten
atomically under the case lock. This file is the source of truth for `status`; the timeline events
(`submitted`, `reply`) are a projection of it (see log.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..case import atomic
from ..parsing.times import isoformat

SCHEMA = "kameng.process-record/1"
FILE_NAME = "process.jsonl"


def process_path(meta: Path) -> Path:
    return meta / FILE_NAME


@dataclass
class UserRule:
    """A deadline the user states: the platform's own published rule, or the days a letter gave."""

    count: int
    unit: str  # working / calendar
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "unit": self.unit, "note": self.note}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> UserRule | None:
        if not data:
            return None
        return cls(int(data["count"]), str(data["unit"]), str(data.get("note", "")))


@dataclass
class Submission:
    id: str  # S01, S02, ...
    channel: str
    at: datetime
    ticket: str = ""
    exhibit: str | None = None
    event: str = ""  # the timeline event id (M0003)
    rule: UserRule | None = None
    note: str = ""
    recorded_at: datetime | None = None
    # Not stored: the proof file was already an exhibit and is referenced as it is (kind unchanged).
    proof_reused: bool = field(default=False, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {"type": "submission", "schema": SCHEMA, "id": self.id, "channel": self.channel,
                "at": isoformat(self.at), "ticket": self.ticket, "exhibit": self.exhibit, "event": self.event,
                "rule": self.rule.to_json() if self.rule else None, "note": self.note,
                "recorded_at": isoformat(self.recorded_at)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Submission:
        return cls(id=data["id"], channel=data["channel"], at=datetime.fromisoformat(data["at"]),
                   ticket=data.get("ticket") or "", exhibit=data.get("exhibit"), event=data.get("event") or "",
                   rule=UserRule.from_json(data.get("rule")), note=data.get("note") or "",
                   recorded_at=datetime.fromisoformat(data["recorded_at"]) if data.get("recorded_at") else None)


@dataclass
class Reply:
    id: str  # R01, R02, ...
    channel: str
    submission: str  # the submission it answers
    outcome: str
    at: datetime
    text: str = ""
    exhibit: str | None = None
    event: str = ""
    recorded_at: datetime | None = None
    proof_reused: bool = field(default=False, compare=False, repr=False)  # not stored, as for Submission

    def to_json(self) -> dict[str, Any]:
        return {"type": "reply", "schema": SCHEMA, "id": self.id, "channel": self.channel,
                "submission": self.submission, "outcome": self.outcome, "at": isoformat(self.at),
                "text": self.text, "exhibit": self.exhibit, "event": self.event,
                "recorded_at": isoformat(self.recorded_at)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reply:
        return cls(id=data["id"], channel=data["channel"], submission=data["submission"], outcome=data["outcome"],
                   at=datetime.fromisoformat(data["at"]), text=data.get("text") or "", exhibit=data.get("exhibit"),
                   event=data.get("event") or "",
                   recorded_at=datetime.fromisoformat(data["recorded_at"]) if data.get("recorded_at") else None)


@dataclass
class ProcessLog:
    submissions: list[Submission] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> ProcessLog:
        """The records; a line kameng cannot read is reported with its number, never skipped."""
        import json

        from ..errors import UserInputError

        log = cls()
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return log
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if row.get("type") == "submission":
                    log.submissions.append(Submission.from_json(row))
                elif row.get("type") == "reply":
                    log.replies.append(Reply.from_json(row))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise UserInputError("process.log_broken", path=str(path), line=number,
                                     detail=str(exc) or type(exc).__name__) from exc
        return log

    def write(self, path: Path) -> None:
        rows = [s.to_json() for s in self.submissions] + [r.to_json() for r in self.replies]
        atomic.write_jsonl(path, rows)

    def next_id(self, prefix: str) -> str:
        ids = [s.id for s in self.submissions] if prefix == "S" else [r.id for r in self.replies]
        numbers = [int(i[1:]) for i in ids if i[1:].isdigit()]
        return f"{prefix}{(max(numbers) if numbers else 0) + 1:02d}"

    def replies_to(self, submission_id: str) -> list[Reply]:
        return sorted([r for r in self.replies if r.submission == submission_id], key=lambda r: r.at)

    def submission(self, submission_id: str) -> Submission | None:
        return next((s for s in self.submissions if s.id == submission_id.upper()), None)

    def latest_open(self, channel: str) -> Submission | None:
        """The latest submission to `channel` that no closing reply answered."""
        from .rules import CLOSING_OUTCOMES

        for submission in sorted(self.submissions, key=lambda s: s.at, reverse=True):
            if submission.channel != channel:
                continue
            if not any(r.outcome in CLOSING_OUTCOMES for r in self.replies if r.submission == submission.id):
                return submission
        return None
