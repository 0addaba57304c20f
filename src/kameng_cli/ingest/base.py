"""The source interface every input format implements (see docs/architecture.md, "Sources").

A source is side-effect free: `sniff` looks at a sample of the file and says how sure it is that the
file is its format; `parse` reads the evidence copy and returns what it found. Sources never write
to the case; the store does that, all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import UserInputError
from ..model.records import Event, Note, Warning

if TYPE_CHECKING:
    from ..model.case import Case

HEAD_SIZE = 64 * 1024

# A score at or above CLAIM means "this file is mine"; two sources claiming one file is an error.
# Generic fallbacks (any image, any PDF, any text) answer with a score below CLAIM.
CLAIM = 0.5
FALLBACK = 0.1


@dataclass
class Sample:
    """What detection may look at: the first bytes, the name and (for containers) the path."""

    path: Path
    name: str
    size: int
    head: bytes

    @classmethod
    def of(cls, path: Path, name: str | None = None) -> Sample:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_SIZE)
        return cls(path=path, name=name or path.name, size=path.stat().st_size, head=head)

    @cached_property
    def text(self) -> str | None:
        """The head decoded as text, or None when it is binary."""
        from .decoding import decode_head

        return decode_head(self.head)

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()


@dataclass
class ParseContext:
    """What a source may know about the case and the run."""

    case: Case | None = None
    case_root: Path | None = None  # the case folder (user vocabularies live in <case>/signals/)
    options: dict[str, Any] = field(default_factory=dict)  # e.g. {"map": "时间=交易日期,..."} from --map
    original_name: str = ""
    original_mtime: datetime | None = None
    stdin: bool = False  # the file is text the user pasted on standard input
    # Ask the user a question on a terminal: ask(prompt_text, choices) -> chosen; None when not interactive.
    ask: Callable[[str, list[str]], str] | None = None
    # On rebuild: the facts the exhibit's earlier parse stored (e.g. which chat sender the user chose
    # as "me"), so that answers given once on a terminal are not asked or guessed again.
    previous_facts: dict[str, Any] = field(default_factory=dict)
    # On rebuild, for a file whose stored copy is intact: the details its earlier parse stored (the OCR
    # page of a screenshot), which a source may reuse when nothing that produced them has changed.
    previous_details: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParseResult:
    kind: str = "other"
    media_type: str = "application/octet-stream"
    captured_at: datetime | None = None
    captured_at_source: str = "none"
    captured_at_confidence: str = "low"
    events: list[Event] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # small; stored with the exhibit record
    details: dict[str, Any] = field(default_factory=dict)  # large (text, rows); stored beside it
    messages: list[str] = field(default_factory=list)  # lines `add` prints for this file
    note: str = ""


class Source(Protocol):
    name: str  # slug, e.g. "alipay-2023"; what --format takes
    version: str
    label: dict[str, str]  # {"zh": "支付宝账单（2023+ 格式）", "en": "Alipay bill (2023+ layout)"}

    def sniff(self, sample: Sample) -> float: ...

    def parse(self, path: Path, ctx: ParseContext) -> ParseResult: ...


class SourceError(UserInputError):
    """A file was recognised but cannot be used (truncated, header missing, mangled by Excel).
    The message says what is wrong and how to export it again; nothing of the file is ingested."""
