"""The case folder on disk (see docs/architecture.md, "The case folder").

    case.toml                  facts the user states
    evidence/E01_<name>        untouched, read-only copies
    drafts/                    generated documents
    .kameng/manifest.jsonl     hash-chained ingest log: the single commit point of every exhibit
    .kameng/events.jsonl       derived events (parsers + timeline analyzers); rebuildable
    .kameng/manual.jsonl       events the user entered; never rebuilt
    .kameng/derived/E01.json   what the parser found: warnings, notes, text, rows
    .kameng/staging/           copies being hashed before they are committed
    .kameng/pending.json       the journal of the one commit in progress (crash recovery)
    .kameng/lock

An exhibit exists once its manifest entry exists. Everything written before that entry is listed in
the pending journal, so an interrupted commit is rolled back (in-process on an exception, or by the
next command that takes the lock after a crash).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..bulk import without_gc
from ..errors import CaseNotFound, UserInputError
from ..i18n import t
from ..model.records import Event, Exhibit, Note, Warning, event_sort_key
from . import atomic, manifest
from .lock import case_lock

if TYPE_CHECKING:
    from ..model.case import Case

CASE_FILE = "case.toml"
META = ".kameng"
_EXHIBIT_FILE = re.compile(r"^E(\d+)_")


@dataclass
class Staged:
    """A copy waiting in .kameng/staging/ to be committed as `exhibit`."""

    staged: Path
    exhibit: Exhibit
    events: list[Event]
    derived: dict[str, Any]


@dataclass(frozen=True)
class CasePaths:
    root: Path

    @property
    def case_toml(self) -> Path:
        return self.root / CASE_FILE

    @property
    def evidence(self) -> Path:
        return self.root / "evidence"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    @property
    def meta(self) -> Path:
        return self.root / META

    @property
    def manifest(self) -> Path:
        return self.meta / "manifest.jsonl"

    @property
    def events(self) -> Path:
        return self.meta / "events.jsonl"

    @property
    def events_stamp(self) -> Path:
        return self.meta / "events.sha256"

    @property
    def manual(self) -> Path:
        return self.meta / "manual.jsonl"

    @property
    def derived(self) -> Path:
        return self.meta / "derived"

    @property
    def staging(self) -> Path:
        return self.meta / "staging"

    @property
    def pending(self) -> Path:
        return self.meta / "pending.json"

    @property
    def lock(self) -> Path:
        return self.meta / "lock"


def find_case_root(explicit: str | None = None, cwd: Path | None = None) -> Path:
    """-C DIR, else $KAMENG_CASE, else the nearest folder upward holding case.toml."""
    if explicit:
        root = Path(explicit).expanduser()
        if not (root / CASE_FILE).is_file():
            raise CaseNotFound("case.not_found_at", path=str(root))
        return root.resolve()
    env = os.environ.get("KAMENG_CASE")
    if env:
        root = Path(env).expanduser()
        if not (root / CASE_FILE).is_file():
            raise CaseNotFound("case.not_found_env", path=str(root))
        return root.resolve()
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CASE_FILE).is_file():
            return folder
    raise CaseNotFound("case.not_found", path=str(here))


class CaseStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.paths = CasePaths(root)
        self._manifest: list[dict[str, Any]] | None = None
        self._exhibits_cache: tuple[list[dict[str, Any]], int, dict[str, Exhibit]] | None = None
        self._manifest_walked: tuple[list[dict[str, Any]], int, list[manifest.ChainProblem]] | None = None

    # ---- creating and reading -------------------------------------------------------------------
    @classmethod
    def create(cls, root: Path, case_text: str) -> CaseStore:
        root.mkdir(parents=True, exist_ok=True)
        store = cls(root)
        for folder in (store.paths.evidence, store.paths.drafts, store.paths.meta, store.paths.derived):
            folder.mkdir(exist_ok=True)
        atomic.write_text(store.paths.case_toml, case_text)
        return store

    @staticmethod
    def holds_case(root: Path) -> bool:
        return (root / CASE_FILE).exists() or (root / META / "manifest.jsonl").exists()

    @cached_property
    def case(self) -> Case:
        from .casefile import load_case

        return load_case(self.paths.case_toml)

    def case_or_none(self) -> Case | None:
        from ..errors import CaseFileInvalid

        try:
            return self.case
        except CaseFileInvalid:
            return None

    def manifest_entries(self) -> list[dict[str, Any]]:
        if self._manifest is None:
            self._manifest = manifest.read(self.paths.manifest)
        return self._manifest

    def exhibits(self) -> dict[str, Exhibit]:
        """Exhibits in manifest order, with later `update` entries applied."""
        entries = self.manifest_entries()
        # Folding the manifest is linear; `add` asks once per file, so keep the fold until the
        # manifest list is re-read (a new list) or appended to (a new length).
        cache = self._exhibits_cache
        if cache is None or cache[0] is not entries or cache[1] != len(entries):
            cache = self._exhibits_cache = (entries, len(entries), self._fold(entries))
        return dict(cache[2])

    @staticmethod
    def _fold(entries: list[dict[str, Any]]) -> dict[str, Exhibit]:
        found: dict[str, Exhibit] = {}
        for entry in entries:
            op = entry.get("op")
            if op == "add":
                exhibit = Exhibit.from_json(entry["exhibit"])
                found[exhibit.id] = exhibit
            elif op == "update" and entry.get("id") in found:
                data = found[entry["id"]].to_json()
                data.update(entry.get("changes", {}))
                found[entry["id"]] = Exhibit.from_json(data)
        return found

    def exhibit(self, exhibit_id: str) -> Exhibit:
        exhibits = self.exhibits()
        key = normalise_exhibit_id(exhibit_id)
        if key not in exhibits:
            raise UserInputError("exhibit.unknown", id=exhibit_id, known=", ".join(exhibits) or "—")
        return exhibits[key]

    def derived_events(self) -> list[Event]:
        with without_gc():  # a chat of 100,000 messages is as many events
            return list(map(Event.from_json, self._read_jsonl(self.paths.events, "store.events_damaged")))

    def manual_events(self) -> list[Event]:
        return [Event.from_json(row) for row in self._read_jsonl(self.paths.manual, "store.manual_damaged")]

    def timeline_hashes(self) -> tuple[str, str | None] | None:
        """(the hash of the timeline kameng last wrote, the file's hash now or None when it is gone);
        None for a case from before the stamp (events.sha256), which cannot tell."""
        stamp = self.paths.events_stamp
        if not stamp.is_file():
            return None
        expected = stamp.read_text(encoding="utf-8").strip()
        return expected, atomic.sha256_file(self.paths.events) if self.paths.events.is_file() else None

    def timeline_changed(self) -> bool:
        """The timeline is not what kameng last wrote (edited or deleted by hand): drafts must not quote it."""
        hashes = self.timeline_hashes()
        return hashes is not None and hashes[0] != hashes[1]

    @staticmethod
    def _read_jsonl(path: Path, key: str) -> list[Any]:
        try:
            return atomic.read_jsonl(path)
        except atomic.DamagedLines as exc:
            raise UserInputError(key, file=str(path), line=exc.line) from exc

    def events(self) -> list[Event]:
        return sorted([*self.derived_events(), *self.manual_events()], key=event_sort_key)

    def derived(self, exhibit_id: str) -> dict[str, Any]:
        try:
            return json.loads((self.paths.derived / f"{exhibit_id}.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def warnings(self) -> list[Warning]:
        return [Warning.from_json(w) for eid in self.exhibits() for w in self.derived(eid).get("warnings", [])]

    def notes(self) -> list[Note]:
        return [Note.from_json(n) for eid in self.exhibits() for n in self.derived(eid).get("notes", [])]

    # ---- writing ---------------------------------------------------------------------------------
    @contextlib.contextmanager
    def writing(self, command: str | None = None) -> Iterator[None]:
        """Hold the case lock and bring the folder back to a committed state first."""
        with case_lock(self.paths.lock, command):
            self._manifest = None
            self.recover()
            yield
            self._manifest = None

    def manifest_problems(self) -> list[manifest.ChainProblem]:
        """Where the manifest's hash chain breaks; walked again only when the manifest was re-read or
        appended to (every write recovers first, then checks before it appends)."""
        entries = self.manifest_entries()
        walked = self._manifest_walked
        if walked is None or walked[0] is not entries or walked[1] != len(entries):
            walked = self._manifest_walked = (entries, len(entries), manifest.walk(entries))
        return walked[2]

    def require_whole_manifest(self) -> None:
        """Refuse to write to a case whose manifest is damaged: exhibit numbers would be taken from
        the readable part (two files under one number) and the hash chain restarted."""
        problems = self.manifest_problems()
        if problems:
            first = problems[0]
            raise UserInputError("manifest.damaged", file=str(self.paths.manifest), line=first.line,
                                 problem=t(f"verify.chain.{first.problem}"))

    def next_exhibit_id(self, offset: int = 0) -> str:
        self.require_whole_manifest()
        numbers = [int(entry["exhibit"]["id"][1:]) for entry in self.manifest_entries() if entry.get("op") == "add"]
        return f"E{(max(numbers) if numbers else 0) + 1 + offset:02d}"

    def find_by_hash(self, sha256: str) -> Exhibit | None:
        for exhibit in self.exhibits().values():
            if exhibit.sha256 == sha256:
                return exhibit
        return None

    def commit_exhibits(self, batch: list[Staged], fault: Any = None) -> None:
        """Move staged, parsed copies into the case in one transaction. Call inside `writing()`.

        The manifest entries are the commit point: before them, everything written is named in the
        pending journal and rolled back on any exception (or by the next command after a crash)."""
        fault = fault or (lambda step: None)
        for item in batch:
            if (self.paths.evidence / item.exhibit.file).exists():
                raise UserInputError("exhibit.name_taken", file=item.exhibit.file)
        journal = {"entries": [{"id": item.exhibit.id, "file": item.exhibit.file, "staged": str(item.staged),
                                "sha256": item.exhibit.sha256} for item in batch]}
        atomic.write_json(self.paths.pending, journal)
        try:
            fault("pending-written")
            for item in batch:
                # The staged copy's data must be on disk before the manifest can name it.
                fd = os.open(item.staged, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
                atomic.write_json(self.paths.derived / f"{item.exhibit.id}.json", item.derived, sync_dir=False)
            atomic.fsync_dir(self.paths.derived)
            fault("derived-written")
            parser_events = [e for e in self.derived_events() if not e.source.startswith("timeline:")]
            self._write_events([*parser_events, *(e for item in batch for e in item.events)])
            fault("events-written")
            self.paths.evidence.mkdir(exist_ok=True)
            for item in batch:
                final = self.paths.evidence / item.exhibit.file
                os.replace(item.staged, final)
                os.chmod(final, 0o444)
            atomic.fsync_dir(self.paths.evidence)
            fault("evidence-placed")
            self.require_whole_manifest()
            manifest.append_many(self.paths.manifest, self.manifest_entries(),
                                 [("add", {"exhibit": item.exhibit.to_json()}) for item in batch])
            fault("manifest-written")
        except BaseException:
            self._manifest = None
            self.recover()
            raise
        self.paths.pending.unlink(missing_ok=True)

    def evidence_intact(self, exhibit: Exhibit) -> bool:
        """Whether the stored copy of `exhibit` is there with the content recorded when it was added."""
        path = self.paths.evidence / exhibit.file
        return path.is_file() and atomic.sha256_file(path) == exhibit.sha256

    def restore_evidence(self, exhibit: Exhibit, staged: Path) -> None:
        """Put back the stored copy of `exhibit` from `staged`, a file with the recorded content (the
        user added their original again after `verify` found the copy changed or gone). Call inside
        `writing()`. The restoration is recorded in the manifest; the exhibit keeps its number."""
        if atomic.sha256_file(staged) != exhibit.sha256:
            raise ValueError("restore_evidence: the staged file is not the recorded content")
        fd = os.open(staged, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        self.paths.evidence.mkdir(exist_ok=True)
        final = self.paths.evidence / exhibit.file
        os.replace(staged, final)  # a read-only damaged copy is replaced all the same (the folder is writable)
        os.chmod(final, 0o444)
        atomic.fsync_dir(self.paths.evidence)
        self.require_whole_manifest()
        manifest.append(self.paths.manifest, self.manifest_entries(), "restore", id=exhibit.id, sha256=exhibit.sha256)
        self._manifest = None

    def update_exhibit(self, exhibit_id: str, changes: dict[str, Any]) -> None:
        self.require_whole_manifest()
        manifest.append(self.paths.manifest, self.manifest_entries(), "update", id=exhibit_id, changes=changes)

    def _write_events(self, parser_events: list[Event]) -> None:
        from ..derive import derive

        timeline = derive(parser_events, self.manual_events(), self.case_or_none())
        atomic.write_jsonl(self.paths.events, [e.to_json() for e in [*parser_events, *timeline]])
        # What kameng wrote, so that `verify` can tell a timeline edited by hand (drafts quote it).
        atomic.write_text(self.paths.events_stamp, atomic.sha256_file(self.paths.events) + "\n")

    def refresh_timeline(self) -> None:
        """Re-run timeline analyzers after manual events or case.toml changed."""
        parser_events = [e for e in self.derived_events() if not e.source.startswith("timeline:")]
        self._write_events(parser_events)

    def replace_parser_results(self, results: dict[str, tuple[list[Event], dict[str, Any]]]) -> None:
        """Used by rebuild: write every exhibit's derived record and its events."""
        for exhibit_id, (_events, derived) in results.items():
            atomic.write_json(self.paths.derived / f"{exhibit_id}.json", derived)
        self._write_events([e for _id, (events, _d) in results.items() for e in events])

    def write_manual_events(self, events: list[Event]) -> None:
        atomic.write_jsonl(self.paths.manual, [e.to_json() for e in events])
        self.refresh_timeline()

    # ---- recovery --------------------------------------------------------------------------------
    def recover(self) -> list[str]:
        """Undo a commit that did not reach the manifest; remove staging copies of dead processes."""
        actions: list[str] = []
        if self.manifest_problems():
            # With a damaged manifest "not in the manifest" means "on a line that cannot be read", not
            # "never committed": nothing is removed (and writes are refused, see require_whole_manifest).
            return actions
        known = set(self.exhibits())
        if self.paths.pending.exists():
            try:
                journal = json.loads(self.paths.pending.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                journal = {}
            for entry in journal.get("entries", []):
                exhibit_id = entry.get("id")
                if not exhibit_id or exhibit_id in known:
                    continue
                final = self.paths.evidence / entry.get("file", "")
                if entry.get("file") and final.is_file() and atomic.sha256_file(final) == entry.get("sha256"):
                    final.unlink()  # our own uncommitted copy; the user's original is elsewhere, untouched
                    actions.append(f"removed uncommitted {final.name}")
                (self.paths.derived / f"{exhibit_id}.json").unlink(missing_ok=True)
            self.paths.pending.unlink(missing_ok=True)
        try:
            rows = atomic.read_jsonl(self.paths.events)
        except atomic.DamagedLines:
            rows = []  # a damaged timeline is said by the command that reads it; `rebuild` writes it anew
        kept = [row for row in rows if row.get("exhibit") is None or row.get("exhibit") in known
                or str(row.get("source", "")).startswith("timeline:")]
        if len(kept) != len(rows):
            parser_events = [Event.from_json(r) for r in kept if not str(r.get("source", "")).startswith("timeline:")]
            self._write_events(parser_events)
            actions.append("dropped events of uncommitted exhibits")
        if self.paths.derived.is_dir():
            for path in self.paths.derived.glob("E*.json"):
                if path.stem not in known:
                    path.unlink()
        if self.paths.staging.is_dir():
            for path in self.paths.staging.iterdir():
                pid = path.name.split("-", 1)[0]
                if not (pid.isdigit() and _alive(int(pid))):
                    path.unlink(missing_ok=True)
        return actions


def normalise_exhibit_id(text: str) -> str:
    match = re.fullmatch(r"[Ee]?0*(\d+)", text.strip())
    return f"E{int(match.group(1)):02d}" if match else text.strip()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True




def exhibit_number(file_name: str) -> int | None:
    match = _EXHIBIT_FILE.match(file_name)
    return int(match.group(1)) if match else None
