"""`kameng reply CHANNEL --outcome ...`: record the answer to a submission (issue 8)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..i18n import t
from .env import get_env
from .options import JSON, parse_time_option


def register(app: typer.Typer) -> None:
    app.command("reply", help="Record the answer to a complaint. / 记录投诉的答复")(reply)


def reply(
    ctx: typer.Context,
    channel: str = typer.Argument(..., help="The channel that answered (as given to `kameng submit`).", metavar="CHANNEL"),
    outcome: str = typer.Option(..., "--outcome", help="resolved / partial / refused / silent / rejected / accepted (受理/立案)."),
    text: str = typer.Option("", "--text", help="What the answer said, verbatim."),
    proof: Path | None = typer.Option(None, "--file", help="The answer (screenshot, letter): becomes an exhibit."),
    at: str | None = typer.Option(None, "--at", help="When it came (default: now)."),
    submission: str | None = typer.Option(None, "--submission", help="Which submission it answers (default: the latest open one)."),
    as_json: bool = JSON,
) -> None:
    from ..process.log import record_reply
    from ..process.rules import process_channel
    from .submit import say_exhibit

    env = get_env(ctx)
    channel = process_channel(channel).slug  # a Chinese name (消协, 法院 …) names its slug
    when = parse_time_option(at, "--at", allow_future=False)
    store = env.store()
    answer = record_reply(store, channel, outcome=outcome, at=when, text=text, proof=proof, submission_id=submission)
    say_exhibit(env, store, answer)
    if as_json:
        env.emit_json({**answer.to_json(), "schema": "kameng.reply/1"})
        return
    env.info(t("process.reply.done", id=answer.id, channel=t(f"process.channel.{channel}"),
               submission=answer.submission, outcome=t(f"process.outcome.{outcome}")))
    if not env.quiet:
        typer.echo(answer.id)
