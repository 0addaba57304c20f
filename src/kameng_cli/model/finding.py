"""What `kameng check` reports: the evidence chain link by link, findings from the rule catalog,
and which channels the case is ready for. `draft` and `status` consume the same objects."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("blocker", "warning", "info")
LINK_STATUSES = ("proven", "weak", "missing")


@dataclass
class Finding:
    rule: str  # stable id, e.g. KM101
    severity: str  # blocker / warning / info
    message: str
    why: str = ""
    fix: str = ""
    link: str | None = None  # the chain link it concerns, if any
    exhibits: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ChainLink:
    link: str  # slug, e.g. paid, not-delivered, contacted, unresolved
    status: str  # proven / weak / missing
    exhibits: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    why: str = ""
    fix: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Readiness:
    ready: bool
    missing: list[str] = field(default_factory=list)  # what is missing, as sentences

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


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

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "kameng.check/1",
            "problem_type": self.problem_type,
            "chain": [link.to_json() for link in self.chain],
            "findings": [finding.to_json() for finding in self.findings],
            "first_target": self.first_target,
            "ready": {name: readiness.to_json() for name, readiness in self.ready.items()},
        }
