"""`kameng status` / `kameng next` as a library: every submission with its running deadline, the
warnings (12315-vs-消协 exclusivity, 多头投诉, duplicates, estimated dates), the limitation period, and
the ONE recommended next step (channels.md §8).

The step, in order of urgency:
1. the limitation period passed or ends within 90 days → review it / go to court now;
2. an open submission whose deadline passed → follow up (12315's acceptance decision, a court's filing)
   or escalate (merchant, platform, 12315 after 60 days of mediation, a user-stated rule);
3. a platform complaint without the platform's own deadline → enter it (kameng never invents one);
4. an open submission still within its time → wait until its date (or for an answer, when the channel
   has no deadline);
5. the latest answer left the dispute open (refused, rejected, silent, partial) → escalate;
6. nothing sent yet → start with a demand letter to the merchant (§8.1);
7. resolved → nothing to do.
Fraud signs add the police as a parallel step (§8.4), never as a replacement.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import UserInputError
from ..i18n import t
from .deadlines import ActiveDeadline, active_deadline, closing_reply
from .limitation import Limitation, compute_limitation
from .records import ProcessLog, Reply, Submission
from .rules import CHANNELS, EXCLUSIVE_PAIRS, UNRESOLVED_OUTCOMES, process_channel

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..case.store import CaseStore
    from ..legal.calendar import Calendar
    from ..model.case import Case

SCHEMA = "kameng.status/1"
# 多头投诉: the same thresholds as `kameng check` (KM304).
BURST_DAYS = 7
BURST_CHANNELS = 3
FORMAL_BODIES = ("12315", "consumer-association", "court")


def resolve_today(value: str | None) -> date:
    """--today, else $KAMENG_TODAY, else the date in Asia/Shanghai (tests and cron jobs pin it)."""
    from ..parsing.times import now

    text = value or os.environ.get("KAMENG_TODAY", "").strip()
    if not text:
        return now().date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserInputError("process.bad_today", value=text) from None


@dataclass
class SubmissionStatus:
    submission: Submission
    replies: list[Reply]
    deadline: ActiveDeadline | None
    no_deadline: str  # catalog key when deadline is None

    @property
    def open(self) -> bool:
        return closing_reply(self.replies) is None

    @property
    def outcome(self) -> str | None:
        closing = closing_reply(self.replies)
        if closing is not None:
            return closing.outcome
        return self.replies[-1].outcome if self.replies else None

    def overdue(self, today: date) -> bool:
        return self.open and self.deadline is not None and self.deadline.days_left(today) < 0

    def to_json(self, today: date) -> dict[str, Any]:
        s = self.submission
        return {
            "id": s.id,
            "channel": s.channel,
            "channel_label": t(f"process.channel.{s.channel}"),
            "at": s.at.isoformat(),
            "ticket": s.ticket or None,
            "exhibit": s.exhibit,
            "event": s.event,
            "state": "open" if self.open else "closed",
            "outcome": self.outcome,
            "replies": [{"id": r.id, "outcome": r.outcome, "at": r.at.isoformat(), "text": r.text or None,
                         "exhibit": r.exhibit, "event": r.event} for r in self.replies],
            "deadline": self.deadline.to_json(today) if self.deadline else None,
            "no_deadline_reason": None if self.deadline else t(self.no_deadline),
        }


@dataclass
class Step:
    action: str  # start / follow-up / escalate / report / wait / enter-rule / review-limitation / done
    channel: str | None  # the channel to act on (follow up with, escalate to, wait for)
    reason_key: str
    params: dict[str, Any] = field(default_factory=dict)
    submission: str | None = None
    command: str = ""

    @property
    def reason(self) -> str:
        return t(self.reason_key, **self.params)

    @property
    def title(self) -> str:
        channel = t(f"process.channel.{self.channel}") if self.channel else ""
        return t(f"process.action.{self.action}", channel=channel)

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action, "channel": self.channel, "submission": self.submission,
                "title": self.title, "reason": self.reason, "code": self.reason_key.rpartition(".")[2],
                "command": self.command or None}


@dataclass
class ProcessWarning:
    code: str  # exclusive-bodies / many-channels / duplicate-submission / estimated-date / platform-rule-missing
    severity: str  # blocker / warning / info
    message: str
    submissions: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message, "submissions": self.submissions}


@dataclass
class StatusReport:
    case_root: str
    today: date
    items: list[SubmissionStatus]
    limitation: Limitation
    next: Step
    also: list[Step]
    warnings: list[ProcessWarning]

    @property
    def open_items(self) -> list[SubmissionStatus]:
        return [i for i in self.items if i.open]

    @property
    def overdue(self) -> bool:
        return any(i.overdue(self.today) for i in self.items) or self.limitation.state(self.today) == "passed"

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "case": self.case_root,
            "today": self.today.isoformat(),
            "overdue": self.overdue,
            "submissions": [i.to_json(self.today) for i in self.items],
            "next": self.next.to_json(),
            "also": [s.to_json() for s in self.also],
            "limitation": self.limitation.to_json(self.today),
            "warnings": [w.to_json() for w in self.warnings],
        }


def build_status(store: CaseStore, today: date, calendar: Calendar | None = None) -> StatusReport:
    from ..legal.calendar import Calendar
    from .log import read_log

    # A fresh calendar per report: it reads the schedule files as they are now (after `calendar
    # --update`), where the process-wide default_calendar() would keep what it read first.
    calendar = calendar or Calendar(case_root=store.root)
    log = read_log(store)
    case = store.case
    events = store.events()
    items = []
    for submission in sorted(log.submissions, key=lambda s: (s.at, s.id)):
        replies = log.replies_to(submission.id)
        active, why = active_deadline(submission, replies, calendar)
        items.append(SubmissionStatus(submission, replies, active, why))
    limitation = compute_limitation(case, events, store.exhibits(), log, calendar)
    warnings = find_warnings(items, today)
    step = next_step(items, case, limitation, today)
    also = parallel_steps(log, case, step, lambda: evidence_fraud_signs(store, case, events, today))
    return StatusReport(store.root.name, today, items, limitation, step, also, warnings)


# ---- warnings -----------------------------------------------------------------------------------
def find_warnings(items: list[SubmissionStatus], today: date) -> list[ProcessWarning]:
    warnings: list[ProcessWarning] = []
    first: dict[str, Submission] = {}
    for item in items:
        first.setdefault(item.submission.channel, item.submission)
    for one, other in EXCLUSIVE_PAIRS:
        if one in first and other in first:
            warnings.append(ProcessWarning("exclusive-bodies", "blocker", t(
                "process.warn.exclusive", first=t(f"process.channel.{one}"), second=t(f"process.channel.{other}")),
                [first[one].id, first[other].id]))
    formal = [c for c in FORMAL_BODIES if c in first]
    burst = _burst([i.submission for i in items if i.submission.channel not in ("merchant",)])
    if len(formal) >= 2 or len(burst) >= BURST_CHANNELS:
        chosen = burst if len(burst) >= BURST_CHANNELS else [first[c] for c in formal]
        warnings.append(ProcessWarning("many-channels", "warning", t(
            "process.warn.many", channels="、".join(t(f"process.channel.{s.channel}") for s in chosen)),
            [s.id for s in chosen]))
    open_by_channel: dict[str, list[str]] = {}
    for item in items:
        if item.open:
            open_by_channel.setdefault(item.submission.channel, []).append(item.submission.id)
    for channel, ids in open_by_channel.items():
        if len(ids) > 1:
            warnings.append(ProcessWarning("duplicate-submission", "warning", t(
                "process.warn.duplicate", channel=t(f"process.channel.{channel}"), ids="、".join(ids)), ids))
    for item in items:
        if item.open and item.no_deadline == "process.deadline.platform_rule_needed":
            warnings.append(ProcessWarning("platform-rule-missing", "warning", t(
                "process.warn.platform_rule", id=item.submission.id), [item.submission.id]))
        if item.open and item.deadline is not None and item.deadline.result.estimated:
            warnings.append(ProcessWarning("estimated-date", "info", t(
                "process.warn.estimated", id=item.submission.id, due=item.deadline.due.isoformat(),
                year=item.deadline.due.year), [item.submission.id]))
    return warnings


def _burst(submissions: list[Submission]) -> list[Submission]:
    """The largest set of distinct channels first used within BURST_DAYS of each other."""
    first: dict[str, Submission] = {}
    for s in sorted(submissions, key=lambda s: s.at):
        first.setdefault(s.channel, s)
    ordered = sorted(first.values(), key=lambda s: s.at)
    best: list[Submission] = []
    for index, start in enumerate(ordered):
        window = [s for s in ordered[index:] if (s.at - start.at).days < BURST_DAYS]
        if len(window) > len(best):
            best = window
    return best


# ---- the next step ------------------------------------------------------------------------------
def used_channels(items: list[SubmissionStatus]) -> set[str]:
    return {i.submission.channel for i in items}


def escalation_target(from_channel: str, used: set[str], case: Case) -> str:
    """The next channel after `from_channel` (channels.md §8), skipping what was used, what does not
    apply (no platform involved) and what exclusivity rules out (12315 ⟷ 消协, 12315 after a court)."""
    spec = process_channel(from_channel)
    for target in spec.escalate_to:
        if target in used:
            continue
        if target == "platform" and not (case.platform.name or case.platform.company):
            continue
        if target == "12315" and ({"consumer-association", "court"} & used):
            continue
        if target == "consumer-association" and "12315" in used:
            continue
        if target == "consumer-association" and "12315" in spec.escalate_to and "12315" not in used:
            continue  # 12315 and 消协 are alternatives: recommend the first, never both
        return target
    return "court"


def next_step(items: list[SubmissionStatus], case: Case, limitation: Limitation, today: date) -> Step:
    used = used_channels(items)
    state = limitation.state(today)
    if state == "passed":
        return Step("review-limitation", "court", "process.reason.limitation_passed",
                    {"due": limitation.due.isoformat() if limitation.due else ""})
    if state == "near" and "court" not in used:
        return Step("escalate", "court", "process.reason.limitation_near",
                    {"due": limitation.due.isoformat() if limitation.due else "",
                     "days": limitation.days_left(today)}, command="kameng draft --to court")
    civil_open = [i for i in items if i.open and not process_channel(i.submission.channel).parallel]
    overdue = sorted((i for i in items if i.overdue(today)), key=lambda i: i.deadline.days_left(today))  # type: ignore[union-attr]
    for item in overdue:
        step = _overdue_step(item, used, case, today)
        if step is not None:
            return step
    for item in civil_open:
        if item.no_deadline == "process.deadline.platform_rule_needed":
            return Step("enter-rule", item.submission.channel, "process.reason.platform_rule",
                        {"id": item.submission.id}, submission=item.submission.id,
                        command=f"kameng submit platform --amend {item.submission.id} --deadline-days N "
                                "--deadline-unit working|calendar")
    waiting = [i for i in civil_open if i.deadline is not None]
    if waiting:
        soonest = min(waiting, key=lambda i: i.deadline.due)  # type: ignore[union-attr]
        active = soonest.deadline
        assert active is not None
        return Step("wait", soonest.submission.channel, "process.reason.wait",
                    {"id": soonest.submission.id, "due": active.due.isoformat(), "days": active.days_left(today),
                     "clock": t(f"process.clock.{active.clock.name}")}, submission=soonest.submission.id)
    if civil_open:
        item = civil_open[-1]
        return Step("wait", item.submission.channel, "process.reason.wait_no_deadline",
                    {"id": item.submission.id, "why": t(item.no_deadline)}, submission=item.submission.id)
    closed = [i for i in items if not i.open and not process_channel(i.submission.channel).parallel]
    if closed:
        latest = max(closed, key=lambda i: closing_reply(i.replies).at)  # type: ignore[union-attr]
        outcome = latest.outcome or ""
        if outcome in UNRESOLVED_OUTCOMES:
            if latest.submission.channel == "court":
                return Step("done", None, "process.reason.court_decided", {"outcome": t(f"process.outcome.{outcome}")})
            target = escalation_target(latest.submission.channel, used, case)
            key = "process.reason.rejected_12315" if (outcome == "rejected" and latest.submission.channel == "12315") \
                else "process.reason.escalate_outcome"
            return Step("escalate", target, key,
                        {"id": latest.submission.id, "channel": t(f"process.channel.{latest.submission.channel}"),
                         "outcome": t(f"process.outcome.{outcome}"), "target": t(f"process.channel.{target}")},
                        submission=latest.submission.id, command=f"kameng draft --to {target}")
        return Step("done", None, "process.reason.resolved", {"id": latest.submission.id})
    first = "merchant"
    return Step("start", first, "process.reason.start", {}, command=f"kameng draft --to {first}")


def _overdue_step(item: SubmissionStatus, used: set[str], case: Case, today: date) -> Step | None:
    active = item.deadline
    assert active is not None
    s = item.submission
    params = {"id": s.id, "channel": t(f"process.channel.{s.channel}"), "due": active.due.isoformat(),
              "days": -active.days_left(today), "clock": t(f"process.clock.{active.clock.name}"),
              "ticket": s.ticket or "—"}
    # Authorities that owe a decision are chased first (催办); a counterparty that let the time pass
    # is escalated past (channels.md §1, §2, §3 "何时升级").
    if active.clock.name in ("acceptance", "filing", "trial") or (
            active.clock.name == "user" and s.channel in ("consumer-association", "police", "heimao")):
        return Step("follow-up", s.channel, "process.reason.follow_up", params, submission=s.id,
                    command=f"kameng draft --to {s.channel} --followup")
    target = escalation_target(s.channel, used, case)
    params["target"] = t(f"process.channel.{target}")
    return Step("escalate", target, "process.reason.escalate_overdue", params, submission=s.id,
                command=f"kameng draft --to {target}")


def fraud_signs(case: Case) -> bool:
    return case.fraud or case.problem == "merchant-vanished"


def evidence_fraud_signs(store: CaseStore, case: Case, events: list[Any], today: date) -> list[str]:
    """The signs of fraud as `kameng check` finds them (checks.readiness, the police channel):
    paid-unreachable (the merchant blocked the buyer or vanished — not a merchant who keeps answering),
    card-resold, fake-shop (the user's fraud = true), private-transfer."""
    from ..checks.chains import assess_chain
    from ..checks.context import CheckContext
    from ..checks.readiness import fraud_signs as check_fraud_signs

    ctx = CheckContext.build(case, store.exhibits(), events, [], [], today)
    assess_chain(ctx)
    signs = list(check_fraud_signs(ctx))
    if case.problem == "merchant-vanished" and "paid-unreachable" not in signs:
        signs.insert(0, "vanished-stated")  # the problem type the user chose; no evidence of it yet
    return signs


def parallel_steps(log: ProcessLog, case: Case, step: Step | None = None,
                   signs: Callable[[], list[str]] | None = None) -> list[Step]:
    """The police as a parallel step (§8.4) when the case has signs of fraud and no report is recorded,
    and the dispute is not settled. The reason names the signs the evidence shows, never a default
    list: 收款后失联 only when the merchant did vanish."""
    used = {s.channel for s in log.submissions}
    steps = []
    settled = step is not None and step.reason_key == "process.reason.resolved"
    if fraud_signs(case) and "police" not in used and not settled:
        found = signs() if signs is not None else []
        if not found:
            found = ["fake-shop"] if case.fraud else ["vanished-stated"]
        listed = t("process.sign.sep").join(t(f"process.sign.{sign}") for sign in found)
        steps.append(Step("report", "police", "process.reason.police", {"signs": listed},
                          command="kameng draft --to police"))
    return steps


def known_channels() -> list[str]:
    return list(CHANNELS)
