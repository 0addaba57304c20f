"""`kameng event add|rm`: events that have no file (a phone call with support)."""

from __future__ import annotations

import typer

from ..errors import UserInputError
from ..i18n import t
from .env import get_env
from .options import parse_time_option

app = typer.Typer(name="event", help="Add or remove manual events. / 手动事件", no_args_is_help=True)


@app.command("add", help="Record an event that has no file, e.g. a phone call. / 添加手动事件")
def event_add(
    ctx: typer.Context,
    summary: str = typer.Argument(..., help="What happened, in one sentence.", metavar="SUMMARY"),
    at: str = typer.Option(..., "--at", help="When it happened, e.g. 2024-05-01 10:00."),
    kind: str = typer.Option(..., "--kind", help="Event kind, e.g. contacted, promise, refused, note."),
    actor: str = typer.Option("me", "--actor", help="me / merchant / platform / counterparty / system ..."),
    exhibit: str | None = typer.Option(None, "--exhibit", help="An exhibit that supports it, e.g. E03."),
    amount: str | None = typer.Option(None, "--amount", help="An amount involved, e.g. 100."),
    order_no: str | None = typer.Option(None, "--order-no", help="The order number involved."),
) -> None:
    from ..case.store import normalise_exhibit_id
    from ..model.records import Event
    from ..model.slugs import ACTORS, EVENT_KINDS
    from ..parsing.amounts import AmountError, parse_amount

    env = get_env(ctx)
    if kind not in EVENT_KINDS:
        raise UserInputError("option.bad_event_kind", value=kind, known=", ".join(EVENT_KINDS))
    if actor not in ACTORS:
        raise UserInputError("option.bad_actor", value=actor, known=", ".join(ACTORS))
    if not summary.strip():
        raise UserInputError("event.empty_summary")
    when = parse_time_option(at, "--at", allow_future=False)
    value = None
    if amount is not None:
        try:
            value = parse_amount(amount)
        except AmountError as exc:
            raise UserInputError("option.bad_amount", flag="--amount", value=amount) from exc
    store = env.store()
    with store.writing():
        if exhibit is not None:
            exhibit = store.exhibit(exhibit).id
        events = store.manual_events()
        numbers = [int(e.id[1:]) for e in events if e.id[1:].isdigit()]
        event = Event(id=f"M{(max(numbers) + 1) if numbers else 1:04d}", time=when, kind=kind, actor=actor,
                      summary=summary.strip(), amount=value, order_no=order_no,
                      exhibit=normalise_exhibit_id(exhibit) if exhibit else None, confidence=0.5, source="manual")
        store.write_manual_events([*events, event])
    env.info(t("event.added", id=event.id))
    if not env.quiet:
        typer.echo(event.id)


@app.command("rm", help="Remove a manual event by id (M0001). / 删除手动事件")
def event_rm(ctx: typer.Context, event_id: str = typer.Argument(..., help="The id shown by `kameng timeline --json`.", metavar="EVENT_ID")) -> None:
    env = get_env(ctx)
    store = env.store()
    with store.writing():
        events = store.manual_events()
        kept = [e for e in events if e.id != event_id.strip().upper()]
        if len(kept) == len(events):
            found = next((e for e in store.derived_events() if e.id == event_id.strip().upper()), None)
            if found is not None:
                timeline = found.source.startswith("timeline:")  # T0001: a broken promise, a silence
                raise UserInputError("event.rm_timeline" if timeline else "event.rm_derived", id=found.id)
            raise UserInputError("event.unknown", id=event_id)
        store.write_manual_events(kept)
    env.info(t("event.removed", id=event_id.strip().upper()))
