"""`kameng verify`: re-hash every exhibit and walk the manifest chain."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import atomic, manifest
from .atomic import sha256_file
from .store import CaseStore


@dataclass
class FileCheck:
    file: str
    status: str  # ok / modified / missing / unexpected
    exhibit: str | None = None
    expected: str | None = None
    actual: str | None = None


@dataclass
class VerifyReport:
    files: list[FileCheck] = field(default_factory=list)
    chain: list[manifest.ChainProblem] = field(default_factory=list)
    entries: int = 0

    @property
    def ok(self) -> bool:
        return not self.chain and all(f.status == "ok" for f in self.files)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "kameng.verify/1",
            "ok": self.ok,
            "manifest_entries": self.entries,
            "files": [f.__dict__ for f in self.files],
            "chain": [{"line": p.line, "problem": p.problem} for p in self.chain],
        }




def verify(store: CaseStore) -> VerifyReport:
    if store.paths.pending.exists():
        with store.writing("kameng verify"):
            pass
    entries = store.manifest_entries()
    report = VerifyReport(entries=len(entries), chain=manifest.walk(entries))
    exhibits = store.exhibits()
    known_files = set()
    for exhibit in exhibits.values():
        known_files.add(exhibit.file)
        path = store.paths.evidence / exhibit.file
        if path.is_symlink():
            # The copy was replaced by a link to a file elsewhere: whatever it shows now can change there.
            report.files.append(FileCheck(exhibit.file, "linked", exhibit.id, exhibit.sha256, str(path.resolve())))
            continue
        if not path.is_file():
            report.files.append(FileCheck(exhibit.file, "missing", exhibit.id, exhibit.sha256))
            continue
        actual = sha256_file(path)
        status = "ok" if actual == exhibit.sha256 else "modified"
        report.files.append(FileCheck(exhibit.file, status, exhibit.id, exhibit.sha256, actual))
    timeline = _timeline_check(store, set(exhibits))
    if timeline is not None and timeline.status != "ok":  # listed only when something is wrong with it
        report.files.append(timeline)
    if store.paths.evidence.is_dir():
        for path in sorted(store.paths.evidence.rglob("*")):
            relative = str(path.relative_to(store.paths.evidence))
            if path.is_file() and relative not in known_files:
                report.files.append(FileCheck(relative, "unexpected", actual=sha256_file(path)))
    return report


def _timeline_check(store: CaseStore, known: set[str]) -> FileCheck | None:
    """The timeline is derived, but drafts quote it: one kameng did not write, or that names exhibits
    the manifest does not have, is reported (`rebuild` writes it anew from the evidence)."""
    events = store.paths.events
    name = f"{store.paths.meta.name}/{events.name}"
    hashes = store.timeline_hashes()
    if hashes is None:
        return None  # a case from before the stamp: nothing to compare with
    expected, actual = hashes
    if actual is None:
        return FileCheck(name, "timeline-missing", expected=expected)
    if actual != expected:
        return FileCheck(name, "timeline-modified", expected=expected, actual=actual)
    try:
        rows = atomic.read_jsonl(events)
    except atomic.DamagedLines:
        return FileCheck(name, "timeline-modified", expected=expected, actual=actual)
    if any(row.get("exhibit") and row["exhibit"] not in known for row in rows):
        return FileCheck(name, "timeline-modified", expected=expected, actual=actual)
    return FileCheck(name, "ok")
