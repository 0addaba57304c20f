"""Everything a check looks at, indexed once: events by kind, exhibits by id and kind, how strong each
piece of evidence is. Built in one pass over the events so that every rule stays linear."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from ..legal.claims import Claims, compute
from ..model.records import Event, Exhibit, Note, Warning
from ..model.summary import summary_in

if TYPE_CHECKING:
    from ..model.case import Case
    from ..model.finding import ChainLink

# Capture times a complaint handler can check: written by the camera/OS, by the exporting app, or the
# message's own time. A file's modification time changes on every copy and proves nothing.
STRONG_CAPTURE = frozenset({"exif", "export-header", "message-time", "pdf-metadata"})
# Below this a parser's match (a payment row scored against case.toml) is a guess, not proof.
MIN_CONFIDENCE = 0.6
# Screenshot clocks show minutes while exports show seconds; allow that much disorder.
ORDER_TOLERANCE = timedelta(minutes=2)
PAYMENT_PARSERS = ("alipay", "wechat", "bank")
# Event times that are really a screenshot's capture time (issue 7 marks OCR facts without a printed
# time "screenshot-time"; "file-mtime" when even that is the file's time).
CAPTURE_FLAGS = frozenset({"screenshot-time", "file-mtime"})

# EXIF Software values written by image editors (desktop, phone apps popular in China). A phone's own
# camera/screenshot tool writes its OS version ("iOS 17.4", "HMA-AL00 ...") or nothing.
IMAGE_EDITORS = re.compile(
    r"photoshop|lightroom|gimp|paint\.net|pixelmator|affinity|snapseed|picsart|canva|fotor|polarr|"
    r"facetune|vsco|meitu|美图|醒图|xingtu|一甜|黄油相机|picsew|inshot|snipaste|faststone|acdsee|"
    r"画图|windows photo editor|photoscape|luminar|capture one|darktable|krita|inkscape|pinta|paint 3d",
    re.IGNORECASE,
)
# Outcomes of a recorded reply (issue 8, `kameng reply --outcome`) that leave the dispute open.
OPEN_OUTCOMES = frozenset({"refused", "rejected", "silent"})


_ORDER_NOISE = re.compile(r"[\s\-_#:：]")


def norm_order_no(value: str | None) -> str:
    """Order numbers compared without spaces, dashes and case (screens wrap and hyphenate them)."""
    return _ORDER_NOISE.sub("", value).upper() if value else ""


def is_image(exhibit: Exhibit) -> bool:
    return exhibit.media_type.startswith("image/")


def is_payment_export(exhibit: Exhibit) -> bool:
    return exhibit.parser.startswith(PAYMENT_PARSERS)


def roles_guessed(exhibit: Exhibit) -> bool:
    """A chat in which kameng guessed which speaker is the user (case.toml names none of them in
    my_names): everything read from it is low-confidence until my_names is set and rebuilt."""
    return exhibit.facts.get("roles_from") == "guessed"


@dataclass
class Item:
    """One piece of support for a chain link: an event or an exhibit (or the user's statement)."""

    event: Event | None = None
    exhibit: Exhibit | None = None
    weakness: str | None = None  # None = strong
    time: datetime | None = None

    @property
    def strong(self) -> bool:
        return self.weakness is None

    @property
    def statement(self) -> bool:
        return self.event is None and self.exhibit is None

    @property
    def dated(self) -> bool:
        """The time says when it happened (an event's own time, a stated time), not merely when a
        screenshot of it was taken — only such times can anchor the links that follow."""
        if self.event is not None:
            return self.event.time is not None and not CAPTURE_FLAGS.intersection(self.event.time_flags)
        return self.statement and self.time is not None


@dataclass
class CheckContext:
    case: Case
    exhibits: dict[str, Exhibit]
    events: list[Event]
    notes: list[Note]
    warnings: list[Warning]
    today: date
    by_kind: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    exhibits_by_kind: dict[str, list[Exhibit]] = field(default_factory=lambda: defaultdict(list))
    events_by_exhibit: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    last_resolution: datetime | None = None  # the latest delivery or refund
    chain: list[ChainLink] = field(default_factory=list)  # filled by the chain assessment
    out_of_order: dict[str, list[Item]] = field(default_factory=dict)  # link -> items before their anchor
    anchors: dict[str, datetime] = field(default_factory=dict)  # link -> earliest in-order time
    _claims: Claims | None = field(default=None, repr=False)

    @classmethod
    def build(cls, case: Case, exhibits: Mapping[str, Exhibit] | Iterable[Exhibit], events: Iterable[Event],
              notes: Iterable[Note], warnings: Iterable[Warning], today: date) -> CheckContext:
        table = dict(exhibits) if isinstance(exhibits, Mapping) else {e.id: e for e in exhibits}
        ctx = cls(case=case, exhibits=table, events=list(events), notes=list(notes),
                  warnings=list(warnings), today=today)
        for exhibit in table.values():
            ctx.exhibits_by_kind[exhibit.kind].append(exhibit)
        for event in ctx.events:
            ctx.by_kind[event.kind].append(event)
            # Timeline analyzers report cross-checks as `note` events with data.code (issue 7's
            # ocr-amount-mismatch); they are notes about an exhibit like the parsers' own.
            if event.kind == "note" and event.data.get("code") and not event.manual:
                message = summary_in(event.kind, event.summary, event.amount, event.data, event.source)
                ctx.notes.append(Note(exhibit=event.exhibit, code=str(event.data["code"]), message=message,
                                      severity=str(event.data.get("severity", "warning"))))
            if event.exhibit and event.kind != "captured":  # every image has a "screenshot taken" event
                ctx.events_by_exhibit[event.exhibit] += 1
            if event.kind in ("delivered", "refunded") and event.time is not None and (
                ctx.last_resolution is None or event.time > ctx.last_resolution
            ):
                ctx.last_resolution = event.time
        return ctx

    # ---- grading evidence ------------------------------------------------------------------------
    def exhibit_weakness(self, exhibit: Exhibit) -> str | None:
        software = exhibit.facts.get("exif_software")
        if software and IMAGE_EDITORS.search(str(software)):
            return "edited"  # saved by an image editor: open to the charge of 后期处理 (KM205)
        if exhibit.captured_at_source in STRONG_CAPTURE:
            return None
        if exhibit.captured_at_source == "stated":
            return "stated-time"
        return "no-capture-time"

    def event_weakness(self, event: Event) -> str | None:
        exhibit = self.exhibits.get(event.exhibit or "")
        if event.manual:
            # A manual event backed by an exhibit is as good (or as weak) as the exhibit.
            return self.exhibit_weakness(exhibit) if exhibit is not None else "manual-only"
        if event.time is None or "unknown" in event.time_flags:
            return "time-unknown"
        if exhibit is not None and roles_guessed(exhibit):
            return "roles-guessed"  # who said it (or who was silent) rests on kameng's guess of who the user is
        match = event.data.get("match")
        confidence = match.get("confidence") if isinstance(match, dict) else None
        if isinstance(confidence, int | float) and confidence < MIN_CONFIDENCE:
            return "low-confidence"  # a payment row matched to the order by amount and time only
        if event.confidence < MIN_CONFIDENCE:
            # Say what made it uncertain: a payment match, or a reading (OCR) kameng is not sure of.
            if isinstance(match, dict):
                return "low-confidence"
            return "uncertain-reading"
        if "file-mtime" in event.time_flags:
            return "no-capture-time"
        if exhibit is not None and event.data.get("ocr") and self.exhibit_weakness(exhibit):
            return self.exhibit_weakness(exhibit)
        return None

    def event_item(self, event: Event, weakness: str | None = None) -> Item:
        return Item(event=event, exhibit=self.exhibits.get(event.exhibit or ""),
                    weakness=weakness or self.event_weakness(event), time=event.time)

    def exhibit_item(self, exhibit: Exhibit, weakness: str | None = None) -> Item:
        return Item(exhibit=exhibit, weakness=weakness or self.exhibit_weakness(exhibit), time=exhibit.captured_at)

    def events_of(self, *kinds: str) -> list[Event]:
        found: list[Event] = []
        for kind in kinds:
            found.extend(self.by_kind.get(kind, ()))
        return found

    def exhibits_of(self, *kinds: str) -> list[Exhibit]:
        found: list[Exhibit] = []
        for kind in kinds:
            found.extend(self.exhibits_by_kind.get(kind, ()))
        return found

    # ---- facts derived from the timeline ---------------------------------------------------------
    def payments(self) -> list[Event]:
        """The user's payments for this order (payment parsers keep only the rows matched to the case)."""
        return [e for e in self.by_kind.get("paid", ()) if e.actor != "merchant"]

    def refunds(self) -> list[Event]:
        return [e for e in self.by_kind.get("refunded", ()) if e.amount is not None]

    def claims(self) -> Claims:
        """The money claim, computed once by the rule the letters use (legal/claims.py)."""
        if self._claims is None:
            self._claims = compute(self.case, self.events)
        return self._claims

    def paid_total(self) -> Decimal | None:
        """What was paid for the order: recorded payments (each transaction once), else order.price."""
        return self.claims().paid

    def refunded_total(self) -> Decimal:
        """Every refund received for the order, each once (legal/claims.py: refunds)."""
        return self.claims().refunded

    def paid_at(self) -> datetime | None:
        times = [e.time for e in self.payments() if e.time is not None]
        return min(times) if times else self.case.order.paid_at

    def knew_at(self) -> datetime | None:
        """When the user knew (or should have known) of the harm: the problem's first sign, else payment."""
        return self.anchors.get("problem") or self.paid_at()

    def submissions(self) -> list[Event]:
        """Complaints recorded as sent (issue 8: `kameng submit`), each with data.channel."""
        return list(self.by_kind.get("submitted", ()))

    @property
    def merchant_names(self) -> list[str]:
        case = self.case
        return [n for n in (case.merchant.name, case.merchant.shop, case.merchant.contact) if n]

    @property
    def platform_names(self) -> list[str]:
        case = self.case
        return [n for n in (case.platform.name, case.platform.company, case.platform.site) if n]
