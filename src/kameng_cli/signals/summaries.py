"""What a signal event says, as message keys (i18n.said), rebuilt from its own data: the summary stored
with an event is in the language of the command that made it, and `timeline --lang en` must not show
Chinese text of kameng's own. Light on purpose: `timeline` imports it, not the extractor."""

from __future__ import annotations

from typing import Any

from ..i18n import said

SPOKEN = frozenset({"promise", "deflection", "admission", "refused", "demand", "delivered", "refunded"})
ANALYSED = frozenset({"promise-broken", "silence"})


def say(kind: str, data: dict[str, Any]) -> Any | None:
    """The message keys of a signal event's summary, or None for any other event."""
    phrase = data.get("phrase", "")
    if kind == "promise":
        if data.get("due"):
            return said("signals.summary.promise_due", phrase=phrase, due=str(data["due"]).replace("T", " ")[:16])
        if data.get("due_passed"):
            return said("signals.summary.promise_passed", phrase=phrase, due=str(data["due_passed"]).replace("T", " ")[:16])
        return said("signals.summary.promise_vague", phrase=phrase)
    if kind == "deflection":
        return said("signals.summary.deflection", phrase=phrase, category=said(f"signals.category.{data.get('category', '')}"))
    if kind == "demand":
        claim = said(f"signals.claim.{data['claim']}") if data.get("claim") else said("signals.claim.none")
        demand = said("signals.summary.demand", claim=claim, phrase=phrase)
        if data.get("threat"):
            return [demand, said("signals.summary.threat", channels="、".join(data.get("channels") or []))]
        return demand
    if kind in ("delivered", "refunded") and data.get("category") != "confirmed":
        return None  # money moved by a transfer in the chat (its own summary), not the user's word
    if kind in SPOKEN:
        return said(f"signals.summary.{kind}", phrase=phrase)
    if kind == "promise-broken" and data.get("due"):
        return said("signals.summary.promise_broken", phrase=phrase, due=str(data["due"])[:16].replace("T", " "))
    if kind == "silence" and data.get("reason"):
        key = "signals.summary.silence_no_reply" if data["reason"] == "no-reply" else "signals.summary.silence_days"
        return said(key, hours=data.get("hours"), days=len(data.get("days") or []),
                    since=str(data.get("since") or "")[:16].replace("T", " "))
    return None
