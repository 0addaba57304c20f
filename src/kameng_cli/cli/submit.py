"""`kameng submit CHANNEL`: record that a complaint was sent (issue 8)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import UserInputError
from ..i18n import t
from .env import get_env
from .options import JSON, parse_time_option


def register(app: typer.Typer) -> None:
    app.command("submit", help="Record a complaint you sent (platform, merchant, 12315, consumer-association, "
                               "heimao, court, police). / 记录已提交的投诉")(submit)


def submit(
    ctx: typer.Context,
    channel: str = typer.Argument(..., help="platform / merchant / 12315 / consumer-association / heimao / court / police", metavar="CHANNEL"),
    at: str | None = typer.Option(None, "--at", help="When it was sent (default: now), e.g. 2024-05-03 10:00."),
    ticket: str = typer.Option("", "--ticket", help="The ticket or case number the channel gave."),
    proof: Path | None = typer.Option(None, "--file", help="Proof of sending (screenshot, e-mail): becomes an exhibit."),
    deadline_days: int | None = typer.Option(None, "--deadline-days", help="The deadline the channel's own rule (or your letter) states."),
    deadline_unit: str | None = typer.Option(None, "--deadline-unit", help="working or calendar (with --deadline-days)."),
    note: str = typer.Option("", "--note", help="A note kept with the record."),
    amend: str | None = typer.Option(None, "--amend", help="Add --ticket or the deadline rule to a recorded submission (S01) instead of recording a new one."),
    as_json: bool = JSON,
) -> None:
    from ..process.log import amend_submission, record_submission
    from ..process.records import UserRule
    from ..process.rules import process_channel

    env = get_env(ctx)
    channel = process_channel(channel).slug  # a Chinese name (消协, 法院 …) names its slug
    rule = None
    if deadline_days is not None or deadline_unit is not None:
        if deadline_days is None or deadline_unit is None:
            raise UserInputError("process.days_without_unit")
        rule = UserRule(deadline_days, deadline_unit)
    store = env.store()
    if amend is not None:
        if at is not None or proof is not None:
            raise UserInputError("process.amend_only")
        submission = amend_submission(store, amend, channel=channel, ticket=ticket, rule=rule)
        if as_json:
            env.emit_json({**submission.to_json(), "schema": "kameng.submission/1"})
        else:
            env.info(t("process.amended", id=submission.id))
        return
    when = parse_time_option(at, "--at", allow_future=False)
    submission = record_submission(store, channel, at=when, ticket=ticket, proof=proof, rule=rule, note=note)
    say_exhibit(env, store, submission)
    if as_json:
        env.emit_json({**submission.to_json(), "schema": "kameng.submission/1"})
        return
    _warn_about(env, store, submission.id)
    env.info(t("process.submit.done", id=submission.id, channel=t(f"process.channel.{channel}"),
               at=submission.at.strftime("%Y-%m-%d %H:%M"),
               ticket=t("process.submitted.ticket", ticket=submission.ticket) if submission.ticket else ""))
    if not env.quiet:
        typer.echo(submission.id)


def _warn_about(env, store, submission_id: str) -> None:  # noqa: ANN001 - Env, CaseStore
    """The self-check before filing (channels.md §3): exclusivity and 多头投诉 involving this record."""
    from ..process.status import build_status, resolve_today

    report = build_status(store, resolve_today(None))
    for warning in report.warnings:
        if warning.severity != "info" and submission_id in warning.submissions:
            env.warn(warning.message)


def say_exhibit(env, store, record) -> None:  # noqa: ANN001 - Env, CaseStore, Submission | Reply
    """Which exhibit proves the record: a new one, or one that was evidence already (kind unchanged).
    Shared with `kameng reply`."""
    if not record.exhibit:
        return
    if record.proof_reused:
        from ..model.slugs import EXHIBIT_KINDS, label

        exhibit = store.exhibits().get(record.exhibit)
        kind = label(EXHIBIT_KINDS, exhibit.kind) if exhibit is not None else "—"
        env.info(t("process.submit.exhibit_reused", exhibit=record.exhibit, kind=kind))
    else:
        env.info(t("process.submit.exhibit", exhibit=record.exhibit))
