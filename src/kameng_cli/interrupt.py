"""A Ctrl-C that cannot be lost.

Python turns SIGINT into a KeyboardInterrupt wherever the main thread happens to be. Seen here: a
Ctrl-C in the first second of `kameng add` on a folder of screenshots, while the OCR engine starts,
was sometimes never raised (or raised and dropped inside a native library), and `add` went on for
minutes and exited 0. The handler installed here also records the request; long loops call
`checkpoint()` between files, so a Ctrl-C stops the run at the next file boundary at the latest.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

_requested = False


def install() -> None:
    """Use the recording handler (the real command line only; a library caller keeps its own)."""
    global _requested
    _requested = False
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _on_sigint)


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    global _requested
    _requested = True
    raise KeyboardInterrupt


def checkpoint() -> None:
    """Raise KeyboardInterrupt if Ctrl-C was pressed, even when the first one was swallowed."""
    if _requested:
        raise KeyboardInterrupt
