"""What `kameng check` reports: the evidence chain link by link, findings from the rule catalog,
and which channels the case is ready for. `draft` and `status` consume the same objects.

The JSON shape (schema `kameng.check/1`) is documented in docs/check.md; `to_json` emits exactly the
keys listed there, so fields kept only for the terminal report (a finding's events) stay out of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("blocker", "warning", "info")
LINK_STATUSES = ("proven", "weak", "missing")
CHANNELS = ("platform", "12315", "court", "police")
TARGETS = ("merchant", "platform", "both")


@dataclass
class Finding:
    rule: str  # stable id, e.g. KM101
    severity: str  # blocker / warning / info
    message: str  # what was found in this case, one sentence
    why: str = ""  # why it matters (how complaints fail)
    fix: str = ""  # what to do: what to capture, where, what must be visible
    link: str | None = None  # the chain link it concerns, if any
    exhibits: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # shown in the terminal report, not in JSON

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "link": self.link,
            "message": self.message,
            "why": self.why,
            "fix": self.fix,
            "exhibits": list(self.exhibits),
        }


@dataclass
class ChainLink:
    link: str  # slug, e.g. paid, not-delivered, contacted, unresolved
    status: str  # proven / weak / missing
    exhibits: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    why: str = ""  # empty when proven
    fix: str = ""  # empty when proven
    weakness: str | None = None  # internal: the code of the reason it is weak or missing

    @property
    def mark(self) -> str:
        return {"proven": "✓", "weak": "~", "missing": "✗"}[self.status]

    def to_json(self) -> dict[str, Any]:
        return {
            "link": self.link,
            "status": self.status,
            "exhibits": list(self.exhibits),
            "events": list(self.events),
            "why": self.why,
            "fix": self.fix,
        }


@dataclass
class Readiness:
    ready: bool
    missing: list[str] = field(default_factory=list)  # what is missing, one sentence each
    details: dict[str, Any] = field(default_factory=dict)  # channel-specific, e.g. the court's computed claim

    def to_json(self) -> dict[str, Any]:
        return {"ready": self.ready, "missing": list(self.missing), **self.details}


@dataclass
class CheckReport:
    problem_type: str
    chain: list[ChainLink] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    first_target: dict[str, Any] = field(default_factory=dict)  # {"target": "platform", "reason": "..."}
    ready: dict[str, Readiness] = field(default_factory=dict)  # platform / 12315 / court / police

    @property
    def blockers(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "blocker"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def link(self, slug: str) -> ChainLink | None:
        return next((link for link in self.chain if link.link == slug), None)

    def failed(self, strict: bool = False) -> bool:
        """True when the report should end with exit code 1: a blocker, or with --strict a warning."""
        return bool(self.blockers) or (strict and bool(self.warnings))

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "kameng.check/1",
            "problem_type": self.problem_type,
            "chain": [link.to_json() for link in self.chain],
            "findings": [finding.to_json() for finding in self.findings],
            "first_target": self.first_target,
            "ready": {name: readiness.to_json() for name, readiness in self.ready.items()},
        }
