"""Recording submissions and replies: the proof file becomes an exhibit of kind `complaint` (through
the ordinary ingest pipeline), the record goes to .kameng/process.jsonl, and its timeline event to
.kameng/manual.jsonl.

Why manual.jsonl and not a timeline analyzer: analyzers see only events and case.toml, not the case
folder, and `rebuild` re-derives events.jsonl from the evidence alone — a submission is something the
user states, like `kameng event add`, so it lives with the user's events, which `rebuild` never
touches and `verify` does not need (it checks the evidence and the manifest chain). Each event carries
data.process = the record id; after every write the projected events are regenerated from
process.jsonl (which stays the source of truth), so a removed or stale event is restored on the next
`submit`/`reply`. Event ids (M0001, ...) are allocated once and kept in the record.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserInputError
from ..i18n import os_error, t
from ..model.records import Event
from ..parsing.times import now
from .records import ProcessLog, Reply, Submission, UserRule, process_path
from .rules import OUTCOMES, process_channel

if TYPE_CHECKING:
    from ..case.store import CaseStore


def read_log(store: CaseStore) -> ProcessLog:
    return ProcessLog.read(process_path(store.paths.meta))


def add_proof(store: CaseStore, path: Path, note: str, at: datetime | None = None) -> tuple[str, bool]:
    """The exhibit that proves the sending (or the answer), and whether it was already evidence.

    A new file becomes an exhibit of kind `complaint`. A file that is already an exhibit (same hash:
    the 充值失败 screenshot sent along with the complaint) is referenced as it is: its kind and note
    are evidence the user settled and are never changed behind their back (a damaged stored copy is
    still put back from the original, as `kameng add` does)."""
    from ..case.atomic import sha256_file
    from ..ingest.pipeline import AddOptions, Ingestor, Input

    if not path.is_file():
        raise UserInputError("process.proof_missing", path=str(path))
    try:
        existing = store.find_by_hash(sha256_file(path))
    except OSError as exc:
        raise UserInputError("process.proof_failed", path=str(path), reason=os_error(exc)) from exc
    if existing is not None:
        if store.evidence_intact(existing):
            return existing.id, True
        # Restore the damaged copy: no --kind / --note, so the exhibit itself stays as it was.
        outcome = Ingestor(store, AddOptions()).add(Input(display=str(path), path=path))
        if outcome.status == "error" or outcome.exhibit is None:
            raise UserInputError("process.proof_failed", path=str(path), reason=outcome.reason)
        return outcome.exhibit, True
    outcome = Ingestor(store, AddOptions(kind="complaint", note=note)).add(Input(display=str(path), path=path))
    if outcome.status == "error" or outcome.exhibit is None:
        raise UserInputError("process.proof_failed", path=str(path), reason=outcome.reason)
    return outcome.exhibit, False


def _next_event_id(store: CaseStore) -> str:
    numbers = [int(e.id[1:]) for e in store.manual_events() if e.id.startswith("M") and e.id[1:].isdigit()]
    return f"M{(max(numbers) + 1) if numbers else 1:04d}"


def submission_event(submission: Submission) -> Event:
    label = t(f"process.channel.{submission.channel}", lang="zh")
    summary = t(f"process.submitted.{submission.channel}", lang="zh")
    if submission.ticket:
        summary += t("process.submitted.ticket", lang="zh", ticket=submission.ticket)
    data: dict[str, Any] = {"process": submission.id, "submission": submission.id, "channel": submission.channel,
            "channel_label": label, "ticket": submission.ticket or None}
    if submission.rule:
        data["rule"] = submission.rule.to_json()
    if submission.note:
        data["note"] = submission.note
    return Event(id=submission.event, time=submission.at, kind="submitted", actor="me", summary=summary,
                 exhibit=submission.exhibit, confidence=0.5, source="manual", data=data)


def reply_event(reply: Reply) -> Event:
    spec = process_channel(reply.channel)
    label = t(f"process.channel.{reply.channel}", lang="zh")
    outcome = t(f"process.outcome.{reply.outcome}", lang="zh")
    summary = t("process.reply.summary", lang="zh", channel=label, outcome=outcome)
    data: dict[str, Any] = {"process": reply.id, "reply": reply.id, "submission": reply.submission, "channel": reply.channel,
            "channel_label": label, "outcome": reply.outcome}
    if reply.text:
        data["text"] = reply.text
    return Event(id=reply.event, time=reply.at, kind="reply", actor=spec.actor, summary=summary,
                 exhibit=reply.exhibit, confidence=0.5, source="manual", data=data)


def validate_rule(rule: UserRule | None) -> None:
    if rule is None:
        return
    if rule.unit not in ("working", "calendar"):
        raise UserInputError("process.bad_unit", value=rule.unit)
    if not 1 <= rule.count <= 366:
        raise UserInputError("process.bad_days", value=rule.count)


def sync_events(store: CaseStore, log: ProcessLog) -> None:
    """Regenerate the projected events of every record (call under `store.writing()`)."""
    kept = [e for e in store.manual_events() if not e.data.get("process")]
    projected = [submission_event(s) for s in log.submissions] + [reply_event(r) for r in log.replies]
    store.write_manual_events([*kept, *projected])


def record_submission(store: CaseStore, channel: str, *, at: datetime | None, ticket: str = "",
                      proof: Path | None = None, rule: UserRule | None = None, note: str = "") -> Submission:
    spec = process_channel(channel)
    channel = spec.slug  # 消协 → consumer-association
    if rule is not None and spec.statutory:
        raise UserInputError("process.rule_statutory", channel=channel, name=t(f"process.channel.{channel}"))
    validate_rule(rule)
    when = at or now()
    exhibit, reused = None, False
    if proof is not None:
        exhibit, reused = add_proof(store, proof, t("process.proof_note.submitted", lang="zh",
                                            channel=t(f"process.channel.{channel}", lang="zh"),
                                            ticket=ticket or "—"))
    with store.writing("kameng submit"):
        log = read_log(store)
        submission = Submission(id=log.next_id("S"), channel=channel, at=when, ticket=ticket.strip(), exhibit=exhibit,
                                event=_next_event_id(store), rule=rule, note=note.strip(), recorded_at=now())
        log.submissions.append(submission)
        log.write(process_path(store.paths.meta))
        sync_events(store, log)
    submission.proof_reused = reused
    return submission


def amend_submission(store: CaseStore, submission_id: str, *, channel: str, ticket: str = "",
                     rule: UserRule | None = None) -> Submission:
    """Add what was learnt later to a recorded submission: the ticket number, the platform's rule."""
    spec = process_channel(channel)
    channel = spec.slug
    if rule is not None and spec.statutory:
        raise UserInputError("process.rule_statutory", channel=channel, name=t(f"process.channel.{channel}"))
    validate_rule(rule)
    with store.writing("kameng submit"):
        log = read_log(store)
        found = log.submission(submission_id)
        if found is None or found.channel != channel:
            raise UserInputError("process.unknown_submission", id=submission_id, channel=channel,
                                 name=t(f"process.channel.{channel}"),
                                 known=", ".join(s.id for s in log.submissions if s.channel == channel) or "—")
        if ticket.strip():
            found.ticket = ticket.strip()
        if rule is not None:
            found.rule = rule
        log.write(process_path(store.paths.meta))
        sync_events(store, log)
    return found


def record_reply(store: CaseStore, channel: str, *, outcome: str, at: datetime | None, text: str = "",
                 proof: Path | None = None, submission_id: str | None = None) -> Reply:
    channel = process_channel(channel).slug
    if outcome not in OUTCOMES:
        raise UserInputError("process.bad_outcome", value=outcome, known=", ".join(OUTCOMES))
    log = read_log(store)
    target = _target(log, channel, submission_id)
    when = at or now()
    if when < target.at:
        raise UserInputError("process.reply_before_submission", submission=target.id, at=target.at.isoformat())
    exhibit, reused = None, False
    if proof is not None:
        exhibit, reused = add_proof(store, proof, t("process.proof_note.reply", lang="zh",
                                            channel=t(f"process.channel.{channel}", lang="zh"),
                                            outcome=t(f"process.outcome.{outcome}", lang="zh")))
    with store.writing("kameng reply"):
        log = read_log(store)
        target = _target(log, channel, target.id)
        reply = Reply(id=log.next_id("R"), channel=channel, submission=target.id, outcome=outcome, at=when,
                      text=text.strip(), exhibit=exhibit, event=_next_event_id(store), recorded_at=now())
        log.replies.append(reply)
        log.write(process_path(store.paths.meta))
        sync_events(store, log)
    reply.proof_reused = reused
    return reply


def _target(log: ProcessLog, channel: str, submission_id: str | None) -> Submission:
    if submission_id:
        found = log.submission(submission_id)
        if found is None or found.channel != channel:
            raise UserInputError("process.unknown_submission", id=submission_id, channel=channel,
                                 name=t(f"process.channel.{channel}"),
                                 known=", ".join(s.id for s in log.submissions if s.channel == channel) or "—")
        return found
    found = log.latest_open(channel)
    if found is None:
        raise UserInputError("process.no_open_submission", channel=channel, name=t(f"process.channel.{channel}"))
    return found
