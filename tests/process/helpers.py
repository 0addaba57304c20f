"""Helpers for the process tests: proof files and a case with a recorded history."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any

from conftest import run

GOLDEN = Path(__file__).parent / "golden"


def proof(tmp_path: Path, name: str, text: str) -> Path:
    """A proof of sending as users keep it: the confirmation e-mail saved as text."""
    path = tmp_path / "proofs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    # A fixed modification time, so the capture time kameng derives from it is the same on every run.
    stamp = datetime.datetime(2024, 5, 20, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8))).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def ok(*args: Any) -> str:
    result = run(*[str(a) for a in args])
    assert result.exit_code == 0, (args, result.output, result.stderr)
    return result.stdout.strip()


def status_json(case: Path, today: str, *extra: str) -> tuple[int, dict[str, Any]]:
    result = run("-C", case, "status", "--json", "--today", today, *extra)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def golden(name: str, document: dict[str, Any]) -> None:
    """Compare with golden/<name>.json; KAMENG_REGEN=1 rewrites it on purpose."""
    path = GOLDEN / f"{name}.json"
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if os.environ.get("KAMENG_REGEN") == "1" or not path.exists():
        if os.environ.get("KAMENG_REGEN") != "1" and os.environ.get("CI"):
            raise AssertionError(f"golden file {path.name} is missing; run with KAMENG_REGEN=1")
        path.write_text(text, encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text), f"differs from {path.name}"


def golden_text(name: str, text: str) -> None:
    """Compare a Markdown document with golden/<name>; KAMENG_REGEN=1 rewrites it on purpose."""
    path = GOLDEN / name
    if os.environ.get("KAMENG_REGEN") == "1" or not path.exists():
        if os.environ.get("KAMENG_REGEN") != "1" and os.environ.get("CI"):
            raise AssertionError(f"golden file {path.name} is missing; run with KAMENG_REGEN=1")
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"differs from {path.name}"
