"""The rule catalog: one function per rule, each with a stable id, a slug and the highest severity it
reports. Titles, rationales and fixes live in the message catalog (messages/check.py) under
`rule.<ID>.title|rationale|fix`, in Chinese and English; a test fails when one is missing.

Id ranges: KM1xx the evidence chain, KM2xx consistency of the evidence, KM3xx time limits and
channels. Ids are never reused or renumbered: scripts and saved reports refer to them.
Every rule takes the CheckContext and must be linear in the number of events and exhibits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import t
from ..model.finding import Finding
from .context import CheckContext

RuleFunction = Callable[[CheckContext], list[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    slug: str
    severity: str  # the highest severity this rule reports
    function: RuleFunction

    def title(self, lang: str | None = None) -> str:
        return t(f"rule.{self.id}.title", lang)

    def rationale(self, lang: str | None = None) -> str:
        return t(f"rule.{self.id}.rationale", lang)

    def fix(self, lang: str | None = None) -> str:
        return t(f"rule.{self.id}.fix", lang)

    def finding(self, message_key: str, *, severity: str | None = None, link: str | None = None,
                exhibits: list[str] | None = None, events: list[str] | None = None, why: str | None = None,
                fix: str | None = None, **params: object) -> Finding:
        """A finding of this rule; why and fix default to the rule's rationale and fix."""
        return Finding(rule=self.id, severity=severity or self.severity, message=t(message_key, **params),
                       why=self.rationale() if why is None else why, fix=self.fix() if fix is None else fix,
                       link=link, exhibits=list(exhibits or []), events=list(events or []))


RULES: dict[str, Rule] = {}


def rule(rule_id: str, slug: str, severity: str) -> Callable[[RuleFunction], RuleFunction]:
    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in RULES:
            raise RuntimeError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, slug, severity, function)
        return function

    return register


def get(rule_id: str) -> Rule:
    return RULES[rule_id]


def all_rules() -> list[Rule]:
    """Every rule, by id. Importing the rule modules registers them."""
    from . import rules_chain, rules_channels, rules_evidence  # noqa: F401

    return [RULES[key] for key in sorted(RULES)]


def find(rule_id: str) -> Rule | None:
    all_rules()
    return RULES.get(rule_id.strip().upper())
