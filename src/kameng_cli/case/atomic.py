"""Atomic file writes: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..bulk import without_gc


def sha256_file(path: Path | str, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file, read in chunks (never the whole file in memory)."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # some filesystems do not allow opening a directory
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_bytes(path: Path, data: bytes, sync_dir: bool = True) -> None:
    """Write `data` to `path` atomically. With sync_dir=False the caller fsyncs the folder once after
    several writes (the rename is durable only after that)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if sync_dir:
        fsync_dir(path.parent)


def write_text(path: Path, text: str, sync_dir: bool = True) -> None:
    write_bytes(path, text.encode("utf-8"), sync_dir)


def dumps(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def write_json(path: Path, document: Any, sync_dir: bool = True) -> None:
    write_text(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n", sync_dir)


def write_jsonl(path: Path, rows: Iterable[Any]) -> None:
    write_text(path, "".join(dumps(row) + "\n" for row in rows))


class DamagedLines(ValueError):
    """A JSON-lines file with a line that is not JSON (or not UTF-8): edited or damaged by hand."""

    def __init__(self, path: Path, line: int) -> None:
        super().__init__(f"{path}: line {line} cannot be read")
        self.path, self.line = path, line


def read_jsonl(path: Path) -> list[Any]:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DamagedLines(path, data.count(b"\n", 0, exc.start) + 1) from exc
    # One decoder call for the whole file instead of one per line (timelines run to 100,000 events),
    # without the collector rescanning the rows as they pile up (it doubles the time).
    with without_gc():
        body = text.rstrip("\n")
        if body and "\n\n" not in body and not body.startswith("\n"):
            try:
                return json.loads("[" + body.replace("\n", ",") + "]")
            except ValueError:
                pass  # a bad line, or blanks on an empty line: read line by line below
        rows = [line for line in text.split("\n") if line.strip()]
        try:
            return json.loads("[" + ",".join(rows) + "]")
        except ValueError:
            pass
        found = []
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    found.append(json.loads(line))
                except ValueError as exc:
                    raise DamagedLines(path, number) from exc
        return found
