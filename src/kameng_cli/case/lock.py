"""One writer per case: an advisory lock on .kameng/lock that the OS drops if the process dies."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import CaseLocked

DEFAULT_TIMEOUT = 5.0


def _timeout() -> float:
    try:
        return float(os.environ.get("KAMENG_LOCK_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


@contextlib.contextmanager
def case_lock(lock_path: Path, command: str | None = None, timeout: float | None = None) -> Iterator[None]:
    """Hold the case lock; wait up to `timeout` seconds, then fail naming the holder."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + (_timeout() if timeout is None else timeout)
    acquired = False
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(lock_path)
                    raise CaseLocked(
                        "lock.busy",
                        command=holder.get("command", "?"),
                        pid=holder.get("pid", "?"),
                        path=str(lock_path),
                    ) from None
                time.sleep(0.05)
        acquired = True
        info = {"pid": os.getpid(), "command": command or " ".join(["kameng", *sys.argv[1:]])}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info, ensure_ascii=False).encode("utf-8"), 0)
        yield
    finally:
        if acquired:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
        os.close(fd)  # closing the descriptor releases the flock


def _read_holder(lock_path: Path) -> dict[str, object]:
    try:
        return json.loads(lock_path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
