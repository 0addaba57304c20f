"""Shared helpers of the chat tests: parse a file as `kameng add` would, and the compact form of a
ParseResult that golden files hold."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from kameng_cli.ingest.base import ParseContext, ParseResult, Sample
from kameng_cli.ingest.registry import detect
from kameng_cli.model.case import Case
from kameng_cli.parsing.times import parse_time

PAID_AT = "2024-05-01 09:55:12"


def case_with(my_names: list[str] | None = None, paid_at: str | None = PAID_AT) -> Case:
    return Case(problem="not-delivered", my_names=my_names or [],
                order={"number": "X1", "paid_at": parse_time(paid_at) if paid_at else None})


def parse_file(path: Path, case: Case | None = None, *, stdin: bool = False, ask=None, case_root: Path | None = None) -> tuple[str, ParseResult]:
    detection = detect(Sample.of(path))
    assert detection.source is not None, f"{path.name}: not detected"
    ctx = ParseContext(case=case, case_root=case_root, original_name=path.name, stdin=stdin, ask=ask)
    return detection.source.name, detection.source.parse(path, ctx)


def compact(source: str, result: ParseResult) -> dict[str, Any]:
    events = []
    for event in result.events:
        item = event.to_json()
        for key in ("id", "exhibit", "source", "summary"):
            item.pop(key)
        events.append(item)
    facts = {k: result.facts.get(k) for k in ("format", "messages", "encoding", "first", "last", "me", "roles_from", "title", "group")
             if k in result.facts}
    return {
        "source": source,
        "kind": result.kind,
        "facts": facts,
        "events": events,
        "notes": [{"code": n.code, "severity": n.severity, "data": n.data} for n in result.notes],
        "warnings": [w.to_json() for w in result.warnings],
    }


def check_golden(actual: dict[str, Any], expected_path: Path) -> None:
    text = json.dumps(actual, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"
    if os.environ.get("KAMENG_REGEN") == "1" or not expected_path.exists():
        expected_path.write_text(text, encoding="utf-8")
        if os.environ.get("KAMENG_REGEN") != "1":
            raise AssertionError(f"{expected_path.name} did not exist; written — review it and rerun")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert json.loads(text) == expected, f"{expected_path.name} differs (KAMENG_REGEN=1 to accept on purpose)"
