"""One clock spec per channel (../shared/law/channels.md §0–§7) and the escalation order (§8).

Only clocks the verified material states are built in. Where the law sets none (the merchant: kameng
suggests the 15-day reference of [QHCF-8]; the platform: its own published rule, which the user must
enter; 消协, 黑猫, police: none verified) a submission has no deadline unless the user states one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UserInputError

CHANNEL_SLUGS = ("platform", "merchant", "12315", "consumer-association", "heimao", "court", "police")

# Outcomes of `kameng reply --outcome`. `accepted` is kameng's extra: 12315 accepted the complaint
# (受理) or the court opened the case (立案); it starts the next clock instead of closing the channel.
OUTCOMES = ("resolved", "partial", "refused", "silent", "rejected", "accepted")
CLOSING_OUTCOMES = frozenset({"resolved", "partial", "refused", "silent", "rejected"})
# Outcomes after which the dispute is still open and the next channel is due.
UNRESOLVED_OUTCOMES = frozenset({"partial", "refused", "silent", "rejected"})


@dataclass(frozen=True)
class Clock:
    name: str  # answer / acceptance / mediation / filing / trial / user
    count: int
    unit: str  # working / calendar / months
    article: str  # law.json id of the rule, or of the reference it follows
    after: str = "submitted"  # submitted / accepted: which moment starts it
    reference_only: bool = False  # the law sets no deadline here; kameng suggests one by analogy


@dataclass(frozen=True)
class ProcessChannel:
    slug: str
    actor: str  # who answers (the `reply` event's actor)
    clocks: tuple[Clock, ...] = ()
    statutory: bool = False  # the deadline is the law's: a user-stated rule does not replace it
    needs_user_rule: bool = False  # the platform's own rule: kameng must not invent a number
    escalate_to: tuple[str, ...] = ()  # §8, in order of preference
    parallel: bool = False  # runs alongside the civil route (黑猫, police)
    interrupts: str = "no"  # yes / possible / no: effect on the limitation period
    interrupt_article: str = ""

    def clock(self, after: str) -> Clock | None:
        return next((c for c in self.clocks if c.after == after), None)


CHANNELS: dict[str, ProcessChannel] = {
    spec.slug: spec
    for spec in (
        ProcessChannel(
            "merchant", "merchant",
            clocks=(Clock("answer", 15, "calendar", "QHCF-8", reference_only=True),),
            escalate_to=("platform", "12315", "consumer-association", "court"),
            # A demand sent by letter, SMS, e-mail or chat that reached the merchant ([SXGD-8]).
            interrupts="yes", interrupt_article="SXGD-8",
        ),
        ProcessChannel(
            "platform", "platform", needs_user_rule=True,
            escalate_to=("12315", "consumer-association", "court"),
        ),
        ProcessChannel(
            "12315", "authority", statutory=True,
            clocks=(Clock("acceptance", 7, "working", "TSJB-15"),
                    Clock("mediation", 60, "calendar", "TSJB-23", after="accepted")),
            escalate_to=("court",),
            interrupts="possible", interrupt_article="SXGD-12",
        ),
        ProcessChannel(
            "consumer-association", "authority",
            escalate_to=("court",),
            interrupts="possible", interrupt_article="SXGD-12",
        ),
        ProcessChannel("heimao", "merchant", parallel=True),
        ProcessChannel(
            "court", "authority", statutory=True,
            clocks=(Clock("filing", 7, "calendar", "MSSS-126"),
                    Clock("trial", 2, "months", "MSSS-168", after="accepted")),
            interrupts="yes", interrupt_article="MFD-195",
        ),
        ProcessChannel("police", "authority", parallel=True, interrupts="yes", interrupt_article="SXGD-13"),
    )
}

# 12315 refuses a dispute 消协 (or a court) already handles, and the other way round in practice:
# the two are alternatives ([TSJB-16] item 2, channels.md §4).
EXCLUSIVE_PAIRS = (("12315", "consumer-association"), ("12315", "court"))


def process_channel(slug: str) -> ProcessChannel:
    """The channel `slug` names: a slug, or one of its Chinese names (消协, 法院, …; draft.channels)."""
    from ..draft.channels import channel_slug

    found = channel_slug(slug)
    if found is None or found not in CHANNELS:
        raise UserInputError("process.unknown_channel", value=slug, known=", ".join(CHANNEL_SLUGS))
    return CHANNELS[found]
