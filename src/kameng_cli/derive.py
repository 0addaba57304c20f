"""Timeline-wide derivations (a promise broken, silence after a demand, a refund matched to its
payment): functions that see every parser and manual event and add events of their own.

Packages list their analyzers as "module:function" strings in an `ANALYZERS` attribute; each takes
(events, case) and returns new events. They run after every change to the timeline."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .model.records import Event, event_sort_key

if TYPE_CHECKING:
    from .model.case import Case

_PACKAGES = ("kameng_cli.ingest.payments", "kameng_cli.signals", "kameng_cli.ocr")

Analyzer = Callable[[Sequence[Event], "Case | None"], list[Event]]


def analyzers() -> list[tuple[str, Analyzer]]:
    found = []
    for package in _PACKAGES:
        try:
            module = importlib.import_module(package)
        except ModuleNotFoundError:
            continue
        for spec in getattr(module, "ANALYZERS", ()):
            module_name, _, attr = spec.partition(":")
            found.append((spec, getattr(importlib.import_module(module_name), attr)))
    return found


def derive(parser_events: list[Event], manual_events: list[Event], case: Case | None) -> list[Event]:
    """The timeline-level events for the current parser and manual events, ids T0001, T0002, ..."""
    # A tuple: every analyzer sees the same events, and what they compute from them alone (which
    # messages repeat another exhibit's, signals/overlap.py) can be computed once.
    base = tuple(sorted([*parser_events, *manual_events], key=event_sort_key))
    derived: list[Event] = []
    for name, analyze in analyzers():
        for event in analyze(base, case):
            event.source = event.source or f"timeline:{name.rpartition(':')[2]}"
            derived.append(event)
    for number, event in enumerate(derived, start=1):
        event.id = f"T{number:04d}"
    return derived
