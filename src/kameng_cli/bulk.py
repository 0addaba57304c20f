"""Building or loading hundreds of thousands of small objects at once (a 100,000-message log, the
timeline of a case holding one)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_gc() -> Iterator[None]:
    """Parsed rows and events are dicts and dataclasses without reference cycles; the cyclic collector
    would rescan them again and again while they pile up (a third of the run time of parsing a
    100,000-message log, half of decoding its stored timeline).

    On the way out the survivors (the result, which lives on) are handed to the oldest generation in
    one step (freeze + unfreeze are list splices): otherwise the first young collection after
    re-enabling would walk every one of them at once. Skipped if someone froze objects on purpose."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
