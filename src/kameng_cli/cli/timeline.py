"""`kameng timeline`: every event in time order."""

from __future__ import annotations

import typer

from ..errors import UserInputError
from ..i18n import t
from .env import get_env
from .options import JSON, parse_time_option


def register(app: typer.Typer) -> None:
    app.command("timeline", help="Show the events in time order. / 时间线")(timeline)


def timeline(
    ctx: typer.Context,
    since: str | None = typer.Option(None, "--since", help="Only events at or after this time."),
    until: str | None = typer.Option(None, "--until", help="Only events at or before this time (a date means the whole day)."),
    kind: list[str] = typer.Option([], "--kind", help="Only these event kinds (repeatable), e.g. paid, promise."),
    as_json: bool = JSON,
) -> None:
    from ..model.slugs import EVENT_KINDS

    env = get_env(ctx)
    for value in kind:
        if value not in EVENT_KINDS:
            raise UserInputError("option.bad_event_kind", value=value, known=", ".join(EVENT_KINDS))
    start = parse_time_option(since, "--since")
    end = parse_time_option(until, "--until", end_of_day=True)
    events = env.store().events()
    if start is not None:
        events = [e for e in events if e.time is not None and e.time >= start]
    if end is not None:
        events = [e for e in events if e.time is not None and e.time <= end]
    if kind:
        events = [e for e in events if e.kind in kind]
    from ..model.summary import summary_in

    if as_json:
        documents = []
        for event in events:
            document = event.to_json()
            document["summary"] = summary_in(event.kind, event.summary, event.amount, event.data, event.source)
            documents.append(document)
        env.emit_json({"schema": "kameng.timeline/1", "events": documents})
        return
    if not events:
        env.info(t("timeline.empty"))
        return
    import sys

    from ..model.slugs import ACTORS, label
    from ..parsing.amounts import format_yuan
    from ..parsing.times import display
    from .render import plain_table

    headers = [t(key) for key in ("timeline.col.time", "timeline.col.actor", "timeline.col.kind",
                                  "timeline.col.source", "timeline.col.summary")]
    rows = []
    for event in events:
        when = display(event.time) if event.time else t("timeline.time_unknown")
        if event.time_flags:
            when += " *"
        summary = summary_in(event.kind, event.summary, event.amount, event.data, event.source)
        if event.amount is not None and format_yuan(event.amount) not in summary:
            summary += f" ({format_yuan(event.amount)})"
        where = event.exhibit or t("timeline.manual")
        if event.locator:
            where += f" {event.locator}"
        rows.append([when, label(ACTORS, event.actor), label(EVENT_KINDS, event.kind), where, summary])
    sys.stdout.write(plain_table(headers, rows))
    if any(e.time_flags for e in events):
        env.info(t("timeline.flag_legend"))
