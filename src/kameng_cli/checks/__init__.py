"""`kameng check`: is the evidence a chain a platform, 12315 or a court cannot wave away as 证据不足?

    run_check(case, exhibits, events, notes, warnings, today) -> CheckReport   (pure)
    check_store(store, today=None) -> CheckReport

The chain per problem type is in `chains.py`, the rule catalog in `catalog.py` (rules in
`rules_chain.py`, `rules_evidence.py`, `rules_channels.py`), who to complain to in `target.py`, channel
readiness in `readiness.py`. The JSON schema is documented in docs/check.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..model.finding import SEVERITIES, CheckReport

if TYPE_CHECKING:
    from ..case.store import CaseStore
    from ..model.case import Case
    from ..model.records import Event, Exhibit, Note, Warning

__all__ = ["run_check", "check_store"]


def _as_date(today: date | datetime | None) -> date:
    from ..parsing.times import now, to_cst

    if today is None:
        return now().date()
    if isinstance(today, datetime):
        return to_cst(today).date()
    return today


def run_check(case: Case, exhibits: Mapping[str, Exhibit] | Iterable[Exhibit], events: Iterable[Event],
              notes: Iterable[Note], warnings: Iterable[Warning], today: date | datetime | None) -> CheckReport:
    """Assess the chain, run every rule of the catalog, pick the first target and channel readiness."""
    from .catalog import all_rules
    from .chains import assess_chain
    from .context import CheckContext
    from .readiness import assess_readiness
    from .target import first_target

    ctx = CheckContext.build(case, exhibits, events, notes, warnings, _as_date(today))
    chain = assess_chain(ctx)
    findings = [finding for rule in all_rules() for finding in rule.function(ctx)]
    # Most severe first; within a severity by rule id, keeping each rule's own order (stable sort).
    findings.sort(key=lambda f: (SEVERITIES.index(f.severity), f.rule))
    return CheckReport(problem_type=case.problem, chain=chain, findings=findings, first_target=first_target(ctx),
                       ready=assess_readiness(ctx, findings))


def check_store(store: CaseStore, today: date | datetime | None = None, events: list[Event] | None = None) -> CheckReport:
    """`run_check` over a case folder; `events`: the timeline when the caller has read it already."""
    exhibits = store.exhibits()
    derived = [store.derived(exhibit_id) for exhibit_id in exhibits]
    from ..model.records import Note, Warning

    notes = [Note.from_json(n) for d in derived for n in d.get("notes", [])]
    warnings = [Warning.from_json(w) for d in derived for w in d.get("warnings", [])]
    # The stored copies themselves: a letter must not cite a copy that no longer proves what it showed
    # (KM211). Hashing is what `kameng verify` does; the rules stay functions of what they are given.
    for exhibit in exhibits.values():
        if not store.evidence_intact(exhibit):
            gone = not (store.paths.evidence / exhibit.file).is_file()
            notes.append(Note(exhibit.id, "evidence-changed", exhibit.file, "blocker",
                              {"missing": gone, "file": exhibit.file}))
    return run_check(store.case, exhibits, store.events() if events is None else events, notes, warnings, today)
