"""`kameng add` and `kameng rebuild` as library calls: stage, detect, parse, commit — per file,
all or nothing, continuing past a bad file."""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from ..case import atomic
from ..case.atomic import sha256_file
from ..case.store import CaseStore, Staged
from ..errors import CaseLocked, KamengError, UserInputError
from ..i18n import os_error, pick, t
from ..interrupt import checkpoint
from ..model.records import Event, Exhibit
from ..parsing.times import CST, now
from .base import ParseContext, ParseResult, Sample, SourceError
from .decoding import DecodeError
from .registry import detect

CHUNK = 1 << 20
MAPPED_TABLE = "bank-generic"  # the source that reads any table by the columns `--map` names
MAX_NAME_BYTES = 200
Fault = Callable[[str], None]


@dataclass
class FileOutcome:
    path: str
    status: str  # ok / skipped / error
    exhibit: str | None = None
    reason: str = ""
    detected: str = ""
    kind: str = ""
    messages: list[str] = field(default_factory=list)
    warnings: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "exhibit": self.exhibit, "reason": self.reason,
                "detected": self.detected, "kind": self.kind, "messages": self.messages, "warnings": self.warnings}


@dataclass
class AddOptions:
    kind: str | None = None
    note: str = ""
    at: datetime | None = None
    format: str | None = None
    source_options: dict[str, Any] = field(default_factory=dict)
    ask: Callable[[str, list[str]], str] | None = None


@dataclass
class Input:
    """One thing to add: a file on disk, or text read from standard input."""

    display: str
    path: Path | None = None
    stream: IO[bytes] | None = None


def expand(paths: Iterable[str], stdin: IO[bytes] | None) -> Iterator[Input | FileOutcome]:
    """Files as given, folders walked recursively in name order; `-` is standard input."""
    for raw in paths:
        if raw == "-":
            yield Input(display="-", stream=stdin)
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            files = sorted(
                (p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)),
                key=lambda p: str(p.relative_to(path)),
            )
            if not files:
                yield FileOutcome(raw, "error", reason=t("add.empty_folder"))
            for file in files:
                yield Input(display=str(file), path=file)
        elif path.exists() or path.is_symlink():
            yield Input(display=raw, path=path)
        else:
            yield FileOutcome(raw, "error", reason=t("add.missing"))


def evidence_name(exhibit_id: str, original: str) -> str:
    name = original.replace("/", "_").replace("\\", "_").replace("\x00", "") or "file"
    encoded = name.encode("utf-8")
    if len(encoded) > MAX_NAME_BYTES:
        stem, dot, suffix = name.rpartition(".")
        suffix = f".{suffix}" if dot and len(suffix) <= 10 else ""
        keep = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
        name = encoded[:keep].decode("utf-8", errors="ignore") + suffix
    return f"{exhibit_id}_{name}"


@dataclass
class Prepared:
    """A staged, hashed and parsed file, waiting for its commit."""

    display: str
    staged: Path
    sha256: str
    size: int
    name: str
    origin: str
    result: ParseResult
    parser: str
    version: str
    detected: str
    restores: Exhibit | None = None  # the exhibit whose damaged or lost copy this file puts back
    annotates: Exhibit | None = None  # the exhibit this same file re-added with --note / --kind describes


class Ingestor:
    def __init__(self, store: CaseStore, options: AddOptions, fault: Fault | None = None,
                 on_bytes: Callable[[int], None] | None = None) -> None:
        self.store = store
        self.options = options
        self.fault = fault or (lambda step: None)
        self.on_bytes = on_bytes or (lambda count: None)

    # A batch is committed in one transaction (one lock, one manifest rewrite, one fsync per folder);
    # small enough that an interruption loses little work, large enough to amortise the fsyncs.
    BATCH_FILES = 64
    BATCH_BYTES = 256 * 1024 * 1024
    BATCH_SECONDS = 2.0
    STAGING_THREADS = 3
    LOOKAHEAD = 6

    def add(self, item: Input) -> FileOutcome:
        """Add one file: stage, parse, commit."""
        return self.add_many([item])[0]

    def add_many(self, items: Iterable[Input | FileOutcome],
                 on_outcome: Callable[[FileOutcome], None] | None = None) -> list[FileOutcome]:
        """Add files in order, committing them in batches; a bad file never stops the others."""
        report = on_outcome or (lambda outcome: None)
        outcomes: list[FileOutcome | None] = []
        batch: list[tuple[int, Prepared]] = []
        batch_bytes, batch_started = 0, time.monotonic()

        def flush() -> None:
            nonlocal batch, batch_bytes
            if batch:
                for (index, _), outcome in zip(batch, self.commit([p for _, p in batch]), strict=True):
                    outcomes[index] = outcome
                    report(outcome)
            batch, batch_bytes = [], 0

        try:
            for item, staging in self._staged_ahead(items):
                checkpoint()
                prepared = item if isinstance(item, FileOutcome) else self.prepare(
                    item, pending=[p for _, p in batch], staging=staging)
                outcomes.append(prepared if isinstance(prepared, FileOutcome) else None)
                if isinstance(prepared, FileOutcome):
                    report(prepared)
                    continue
                checkpoint()  # after a parse that may have swallowed the Ctrl-C (interrupt.py)
                if not batch:
                    batch_started = time.monotonic()
                batch.append((len(outcomes) - 1, prepared))
                batch_bytes += prepared.size
                if (len(batch) >= self.BATCH_FILES or batch_bytes >= self.BATCH_BYTES
                        or time.monotonic() - batch_started >= self.BATCH_SECONDS):
                    flush()
            flush()
        finally:
            for _, prepared in batch:  # staged copies of a batch that was never committed
                prepared.staged.unlink(missing_ok=True)
        done = [o for o in outcomes if o is not None]
        again = {o.exhibit for o in done if o.exhibit and (o.status == "restored" or o.status == "updated" and self.options.kind)}
        if again:
            # The timeline must say what the restored bytes say, whatever was read while the copy was
            # changed; a kind the user now gives decides how the file is read (a screenshot as a chat).
            rebuild(self.store, only=again)
        return done

    def _staged_ahead(self, items: Iterable[Input | FileOutcome]) -> Iterator[tuple[Input | FileOutcome, Future | None]]:
        """Pair each item with the future of its staging copy, a few files ahead.

        Copying and hashing release the GIL, so two staging threads keep both cores busy while the
        main thread parses and commits in input order. Parsing stays on the main thread (it may ask
        the user a question)."""
        from collections import deque
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(self.STAGING_THREADS, thread_name_prefix="kameng-stage")
        window: deque[tuple[Input | FileOutcome, Future | None]] = deque()
        source = iter(items)
        try:
            while True:
                while len(window) < self.LOOKAHEAD:
                    item = next(source, None)
                    if item is None:
                        break
                    stageable = isinstance(item, Input) and item.stream is None
                    window.append((item, pool.submit(self._stage, item) if stageable else None))
                if not window:
                    return
                yield window.popleft()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            for _item, future in window:  # staged ahead but never used (an error or Ctrl-C)
                if future is not None and future.done() and not future.cancelled() and future.exception() is None:
                    future.result()[0].unlink(missing_ok=True)

    def prepare(self, item: Input, pending: list[Prepared] | None = None,
                staging: Future | None = None) -> Prepared | FileOutcome:
        """Stage and parse one file outside the lock; a FileOutcome when it is skipped or bad."""
        staged: Path | None = None
        try:
            staged, sha256, size, name, origin, mtime = staging.result() if staging is not None else self._stage(item)
            self.fault("staged")
            duplicate = self.store.find_by_hash(sha256)
            if duplicate and not self.store.evidence_intact(duplicate):
                # The original of an exhibit whose copy was changed or lost (verify said so): put it back.
                prepared = Prepared(item.display, staged, sha256, size, name, origin, ParseResult(kind="other"),
                                    "", "", "", restores=duplicate)
                staged = None
                return prepared
            if duplicate and self._changes(duplicate):
                # The same file again with --note / --kind: the user says what it shows; no new exhibit.
                prepared = Prepared(item.display, staged, sha256, size, name, origin, ParseResult(kind="other"),
                                    "", "", "", annotates=duplicate)
                staged = None
                return prepared
            if duplicate:
                return FileOutcome(item.display, "skipped", exhibit=duplicate.id,
                                   reason=t("add.duplicate", id=duplicate.id, name=duplicate.name))
            for other in pending or []:
                if other.sha256 == sha256:
                    return FileOutcome(item.display, "skipped", reason=t("add.duplicate_in_run", path=other.display))
            sample = Sample.of(staged, name)
            # --map names the columns of a table for the generic bank reader: it is that reader's option
            forced = self.options.format or (MAPPED_TABLE if self.options.source_options.get("map") else None)
            detection = detect(sample, forced)
            ctx = ParseContext(
                case=self.store.case_or_none(),
                case_root=self.store.root,
                # the kind the user gives decides how a source reads the file (a screenshot as a chat)
                options={**self.options.source_options, **({"kind": self.options.kind} if self.options.kind else {})},
                original_name=name,
                original_mtime=mtime,
                stdin=item.stream is not None,
                ask=self.options.ask,
            )
            if detection.source is None and item.stream is not None:
                raise SourceError("chats.pasted_not_text")  # piped bytes no source reads are no pasted text
            if detection.source is None:
                result = ParseResult(kind="other", note=t("add.not_understood"))
                parser, version, detected = "", "", t("add.detected_unknown")
            else:
                try:
                    result = detection.source.parse(staged, ctx)
                except SourceError as exc:
                    if forced and exc.key == "chats.no_messages":
                        # the user chose the format: nothing was "recognised", the file may not be one
                        raise SourceError("chats.no_messages_forced", source=forced) from exc
                    raise
                parser, version = detection.source.name, detection.source.version
                detected = pick(detection.source.label)
            self.fault("parsed")
            prepared = Prepared(item.display, staged, sha256, size, name, origin, result, parser, version, detected)
            staged = None
            return prepared
        except CaseLocked:
            raise  # another command holds the case: stop the whole run (exit 2), not just this file
        except KamengError as exc:
            return FileOutcome(item.display, "error", reason=exc.render())
        except OSError as exc:
            if exc.filename and _inside(Path(str(exc.filename)), self.store.root):
                # the case cannot be written (read-only mount, full disk), not the user's file unreadable
                return FileOutcome(item.display, "error", reason=t("add.case_write_error", path=exc.filename,
                                                                    detail=os_error(exc)))
            return FileOutcome(item.display, "error", reason=t("add.os_error", detail=os_error(exc)))
        except (DecodeError, UnicodeDecodeError) as exc:
            # A source recognised the file but its bytes do not decode: nothing is ingested.
            return FileOutcome(item.display, "error", reason=t("text.undecodable", detail=str(exc)))
        finally:
            if staged is not None:
                staged.unlink(missing_ok=True)

    def commit(self, batch: list[Prepared]) -> list[FileOutcome]:
        """Commit prepared files under the lock, in one transaction."""
        outcomes: list[FileOutcome] = []
        with self.store.writing():
            to_commit: list[Staged] = []
            for prepared in batch:
                duplicate = self.store.find_by_hash(prepared.sha256)  # another process may have added it
                if duplicate and prepared.restores is not None and not self.store.evidence_intact(duplicate):
                    self.store.restore_evidence(duplicate, prepared.staged)
                    outcomes.append(FileOutcome(prepared.display, "restored", exhibit=duplicate.id,
                                                reason=t("add.restored", id=duplicate.id, name=duplicate.name)))
                    continue
                changes = self._changes(duplicate) if duplicate and prepared.annotates is not None else {}
                if duplicate and changes:
                    prepared.staged.unlink(missing_ok=True)
                    self.store.update_exhibit(duplicate.id, changes)
                    outcomes.append(FileOutcome(prepared.display, "updated", exhibit=duplicate.id,
                                                reason=t("add.updated", id=duplicate.id, name=duplicate.name)))
                    continue
                if duplicate:
                    prepared.staged.unlink(missing_ok=True)
                    outcomes.append(FileOutcome(prepared.display, "skipped", exhibit=duplicate.id,
                                                reason=t("add.duplicate", id=duplicate.id, name=duplicate.name)))
                    continue
                exhibit = self._exhibit(prepared, offset=len(to_commit))
                result = prepared.result
                earlier = [x.id for x in self.store.exhibits().values() if prepared.origin not in ("", "-")
                           and x.origin == prepared.origin]
                if earlier:
                    # The file changed since it was added (a newer export saved over the old one): both stay
                    # evidence; what the two share counts once in check and drafts (signals/overlap.py).
                    result.messages.append(t("add.same_origin", ids="、".join(earlier)))
                derived = {
                    "exhibit": exhibit.id,
                    "parser": prepared.parser,
                    "parser_version": prepared.version,
                    "warnings": [dict(w.to_json(), exhibit=exhibit.id) for w in result.warnings],
                    "notes": [dict(n.to_json(), exhibit=exhibit.id) for n in result.notes],
                    "messages": result.messages,
                    "details": result.details,
                }
                to_commit.append(Staged(prepared.staged, exhibit, self._events(exhibit, result), derived))
                outcomes.append(FileOutcome(prepared.display, "ok", exhibit=exhibit.id, detected=prepared.detected,
                                            kind=exhibit.kind, messages=result.messages,
                                            warnings=len(result.warnings)))
            if to_commit:
                self.store.commit_exhibits(to_commit, self.fault)
        return outcomes

    def _changes(self, exhibit: Exhibit) -> dict[str, Any]:
        """What --note / --kind would change on an exhibit added before."""
        changes: dict[str, Any] = {}
        if self.options.note and self.options.note not in exhibit.note.split("\n"):
            changes["note"] = "\n".join(part for part in (exhibit.note, self.options.note) if part)
        if self.options.kind and (self.options.kind != exhibit.kind or exhibit.kind_source != "user"):
            changes["kind"], changes["kind_source"] = self.options.kind, "user"
        return changes

    def _stage(self, item: Input) -> tuple[Path, str, int, str, str, datetime | None]:
        """Copy into .kameng/staging while hashing (one read of the original), then re-hash the copy."""
        staging = self.store.paths.staging
        staging.mkdir(parents=True, exist_ok=True)
        staged = staging / f"{os.getpid()}-{uuid.uuid4().hex}"
        if item.stream is not None:
            name = f"pasted-{now().strftime('%Y%m%d-%H%M%S')}.txt"
            origin, mtime = "-", None
            source: IO[bytes] = item.stream
            close = False
        else:
            assert item.path is not None
            resolved = item.path.resolve()
            if not resolved.exists():
                raise UserInputError("add.broken_symlink", target=str(resolved))
            if not resolved.is_file():
                raise UserInputError("add.not_a_file")
            if _inside(resolved, self.store.root):
                raise UserInputError("add.inside_case")
            name, origin = item.path.name, str(resolved)
            stat = resolved.stat()
            mtime = datetime.fromtimestamp(stat.st_mtime, CST)
            if stat.st_size == 0:
                raise UserInputError("add.empty_file")
            source = open(resolved, "rb")  # noqa: SIM115 - closed below
            close = True
        digest = hashlib.sha256()
        size = 0
        try:
            with open(staged, "xb") as out:
                for chunk in iter(lambda: source.read(CHUNK), b""):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                    self.on_bytes(len(chunk))
                out.flush()
                # Durable before it can be committed; on a staging thread this wait overlaps the
                # copying of the next file (the commit's own fsync then finds nothing to write).
                os.fsync(out.fileno())
        except BaseException:
            staged.unlink(missing_ok=True)
            raise
        finally:
            if close:
                source.close()
        if size == 0:
            staged.unlink(missing_ok=True)
            raise UserInputError("add.empty_input" if item.stream is not None else "add.empty_file")
        sha256 = digest.hexdigest()
        if sha256_file(staged) != sha256:
            staged.unlink(missing_ok=True)
            raise UserInputError("add.copy_mismatch")
        return staged, sha256, size, name, origin, mtime

    def _exhibit(self, prepared: Prepared, offset: int) -> Exhibit:
        result, name = prepared.result, prepared.name
        exhibit_id = self.store.next_exhibit_id(offset)
        captured_at, source, confidence = result.captured_at, result.captured_at_source, result.captured_at_confidence
        if self.options.at is not None:
            captured_at, source, confidence = self.options.at, "stated", "high"
        note = "\n".join(part for part in (self.options.note, result.note) if part)
        return Exhibit(
            id=exhibit_id,
            kind=self.options.kind or result.kind,
            name=name,
            file=evidence_name(exhibit_id, name),
            sha256=prepared.sha256,
            size=prepared.size,
            media_type=result.media_type,
            captured_at=captured_at,
            captured_at_source=source,
            captured_at_confidence=confidence,
            parser=prepared.parser,
            parser_version=prepared.version,
            detected=prepared.detected,
            note=note,
            origin=prepared.origin,
            added_at=now(),
            kind_source="user" if self.options.kind else "parser",
            facts=result.facts,
        )

    @staticmethod
    def _events(exhibit: Exhibit, result: ParseResult) -> list[Event]:
        events = []
        for number, event in enumerate(result.events, start=1):
            event.id = f"{exhibit.id}-{number}"
            event.exhibit = exhibit.id
            event.source = event.source or exhibit.parser
            if event.kind == "captured" and exhibit.captured_at_source == "stated":
                event.time, event.time_flags = exhibit.captured_at, ["stated"]
            events.append(event)
        return events


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root.resolve())
    except ValueError:
        return False
    return True




@dataclass
class RebuildReport:
    exhibits: int = 0
    events: int = 0
    warnings: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


def rebuild(store: CaseStore, only: set[str] | None = None,
            ask: Callable[[str, list[str]], str] | None = None) -> RebuildReport:
    """Re-derive every exhibit's events from its evidence copy (under the lock); manual events stay.

    `only` limits re-parsing to some exhibits (e.g. `kameng match` re-runs payment matching); the
    others keep their stored results. `ask` (`kameng match` on a terminal) lets a source ask the user,
    e.g. which of several plausible payments is the case's."""
    from .registry import sources

    registry = sources()
    report = RebuildReport()
    with store.writing("kameng rebuild"):
        store.require_whole_manifest()  # exhibits read from a damaged manifest would silently go missing
        case = store.case_or_none()
        # What each exhibit was read as before: kept for those not read again (a changed or missing copy,
        # OCR that cannot run now, or not asked for). A damaged timeline is what rebuild writes anew.
        read_before: dict[str, list[Event]] = defaultdict(list)
        try:
            for event in store.derived_events():
                if event.exhibit and not event.source.startswith("timeline:"):
                    read_before[event.exhibit].append(event)
        except UserInputError:
            pass
        results: dict[str, tuple[list[Event], dict[str, Any]]] = {}

        def keep(exhibit: Exhibit) -> None:
            events = read_before.get(exhibit.id, [])
            results[exhibit.id] = (events, store.derived(exhibit.id))
            report.events += len(events)

        for exhibit in store.exhibits().values():
            checkpoint()
            report.exhibits += 1
            if only is not None and exhibit.id not in only:
                keep(exhibit)
                continue
            path = store.paths.evidence / exhibit.file
            source = registry.get(exhibit.parser)
            if source is None or not path.is_file():
                reason = t("rebuild.no_parser", parser=exhibit.parser or "—") if path.is_file() else t("verify.missing.what")
                if exhibit.parser:
                    report.errors.append((exhibit.id, reason))
                # What was read from it when it was added stays, as for a changed copy: the copy's
                # absence is for verify to report and `kameng add ORIGINAL` to mend, not a reason to forget.
                keep(exhibit)
                continue
            if not store.evidence_intact(exhibit):
                # A copy changed since it was added is never read again: what it says now is not the
                # evidence. Its events stay as they were read from the recorded bytes until the user puts
                # the original back (`kameng add ORIGINAL` restores it and reads it again).
                report.errors.append((exhibit.id, t("rebuild.changed", id=exhibit.id, name=exhibit.name)))
                keep(exhibit)
                continue
            # What the earlier parse read is reused only for the very bytes it was read from (intact here).
            previous = store.derived(exhibit.id).get("details", {})
            ctx = ParseContext(case=case, case_root=store.root, original_name=exhibit.name,
                               original_mtime=exhibit.captured_at if exhibit.captured_at_source == "file-mtime" else None,
                               stdin=exhibit.origin == "-", previous_facts=exhibit.facts, previous_details=previous,
                               options={"kind": exhibit.kind} if exhibit.kind_source == "user" else {}, ask=ask)
            try:
                result = source.parse(path, ctx)
            except KamengError as exc:
                report.errors.append((exhibit.id, exc.render()))
                results[exhibit.id] = ([], store.derived(exhibit.id))
                continue
            if exhibit.facts.get("ocr") and "ocr" not in result.facts:
                # Read with OCR when added, and OCR cannot run now (extra missing, KAMENG_OCR=0): what it
                # read stays, and so does the kind it decided, rather than a screenshot turning blank.
                report.errors.append((exhibit.id, t("rebuild.no_ocr", id=exhibit.id, name=exhibit.name)))
                keep(exhibit)
                continue
            events = Ingestor._events(exhibit, result)
            derived = {
                "exhibit": exhibit.id, "parser": source.name, "parser_version": source.version,
                "warnings": [dict(w.to_json(), exhibit=exhibit.id) for w in result.warnings],
                "notes": [dict(n.to_json(), exhibit=exhibit.id) for n in result.notes],
                "messages": result.messages, "details": result.details,
            }
            report.events += len(events)
            report.warnings += len(result.warnings)
            results[exhibit.id] = (events, derived)
            changes: dict[str, Any] = {}
            if exhibit.kind_source != "user" and result.kind != exhibit.kind:
                changes["kind"] = result.kind
            facts = json.loads(atomic.dumps(result.facts))  # as stored, so that unchanged facts compare equal
            if any(exhibit.facts.get(key) != value for key, value in facts.items()):
                # What the parse found depends on case.toml too (whom my_names makes the user, the
                # order's year): the exhibit's facts follow, or check would judge by the old reading.
                changes["facts"] = {**exhibit.facts, **facts}
            if changes:
                store.update_exhibit(exhibit.id, changes)
        store.replace_parser_results(results)
    return report
