"""An event's summary in the reader's language.

`Event.summary` is written once, in the language of the command that made the event. Producers of
generated text either keep what they said (`data["say"]`, see i18n.said: screenshots, refunds) or are
said again from their own fields — chat signals (signals/summaries.py) and payments: a log or a bill can
hold 100,000 of them, and nothing extra is stored. Manual events, chat
messages and anything else keep the text they were given."""

from __future__ import annotations

from typing import Any

from ..i18n import say_again, t
from ..signals.summaries import ANALYSED, SPOKEN
from ..signals.summaries import say as signal_say


def summary_in(kind: str, summary: str, amount: Any, data: dict[str, Any], source: str = "", lang: str | None = None) -> str:
    if source == "manual":
        return summary  # the user's own words
    say = data.get("say")
    if say is not None:
        return say_again(say, lang) or summary
    if ("message_index" in data and kind in SPOKEN) or kind in ANALYSED:
        return say_again(signal_say(kind, data), lang) or summary
    if kind == "paid" and "match" in data and amount is not None:
        from ..parsing.amounts import format_yuan

        return t("payments.event.paid", lang, counterparty=data.get("counterparty") or "—", amount=format_yuan(amount))
    return summary
