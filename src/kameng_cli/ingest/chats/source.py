"""The skeleton every chat source fills in: detection through `layouts.classify`, decoding, and
`build_result`. A subclass names itself and implements `read(text, ctx) -> ChatLog`."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..base import ParseContext, ParseResult, Sample
from .common import SURE, ChatLog, read_chat_text
from .layouts import classify
from .result import build_result


@contextmanager
def without_gc() -> Iterator[None]:
    """Parsing a big log creates hundreds of thousands of small dicts and no reference cycles; the
    cyclic collector would rescan them again and again (a third of the run time at 100,000 messages).

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


class ChatSource:
    name = ""
    version = "1"
    label: dict[str, str] = {}
    platform = "wechat"
    encodings: tuple[str, ...] = ("utf-8", "gb18030")

    def sniff(self, sample: Sample) -> float:
        return SURE if classify(sample) == self.name else 0.0

    def parse(self, path: Path, ctx: ParseContext) -> ParseResult:
        with without_gc():
            text, encoding, endings = read_chat_text(path, self.encodings)
            log = self.read(text, ctx)
            log.encoding, log.endings = encoding, endings
            return build_result(log, ctx)

    def read(self, text: str, ctx: ParseContext) -> ChatLog:  # pragma: no cover - abstract
        raise NotImplementedError
