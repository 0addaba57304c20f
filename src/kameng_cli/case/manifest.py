"""The append-only ingest log. Each entry carries the hash of the previous one, so any edit,
reordering or deletion of an entry breaks the chain and `kameng verify` can say where."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import atomic

GENESIS = "0" * 64


def entry_hash(entry: dict[str, Any]) -> str:
    body = {k: v for k, v in entry.items() if k != "hash"}
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class ChainProblem:
    line: int
    problem: str  # unreadable / bad-hash / bad-link / bad-seq


def read(path: Path) -> list[dict[str, Any]]:
    entries = []
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    try:
                        entries.append(json.loads(line))
                    except ValueError:
                        entries.append({"_unreadable": line})
    except FileNotFoundError:
        return []
    return entries


def append(path: Path, entries: list[dict[str, Any]], op: str, **body: Any) -> dict[str, Any]:
    """Append one entry (rewriting the file atomically) and return it; `entries` is updated too."""
    return append_many(path, entries, [(op, body)])[0]


def append_many(path: Path, entries: list[dict[str, Any]], items: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Append several entries in one atomic rewrite: they become visible together or not at all."""
    added: list[dict[str, Any]] = []
    for op, body in items:
        prev = (added or entries)[-1].get("hash", GENESIS) if (added or entries) else GENESIS
        entry: dict[str, Any] = {"seq": len(entries) + len(added) + 1, "op": op, **body, "prev": prev}
        entry["hash"] = entry_hash(entry)
        added.append(entry)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    atomic.write_text(path, text + "".join(atomic.dumps(entry) + "\n" for entry in added))
    entries.extend(added)
    return added


def walk(entries: list[dict[str, Any]]) -> list[ChainProblem]:
    problems = []
    prev: str | None = GENESIS
    for index, entry in enumerate(entries, start=1):
        if "_unreadable" in entry:
            problems.append(ChainProblem(index, "unreadable"))
            prev = None
            continue
        if entry.get("seq") != index:
            problems.append(ChainProblem(index, "bad-seq"))
        if entry.get("hash") != entry_hash(entry):
            problems.append(ChainProblem(index, "bad-hash"))
        if prev is not None and entry.get("prev") != prev:
            problems.append(ChainProblem(index, "bad-link"))
        prev = entry.get("hash")
    return problems
