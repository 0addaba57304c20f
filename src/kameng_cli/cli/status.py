"""`kameng status` and `kameng next`: where each complaint stands, its deadline, the limitation
period, and the one recommended next step (issue 8). Exit 1 when something is overdue (for cron)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..i18n import t
from .env import Env, get_env
from .options import JSON

TODAY_HELP = "Count days from this date (YYYY-MM-DD) instead of today; also $KAMENG_TODAY."


def register(app: typer.Typer) -> None:
    app.command("status", help="Deadlines of every complaint, the limitation period and the next step. / 投诉进度与期限")(status)
    app.command("next", help="The one recommended next step and why. / 下一步怎么做")(next_step)


def status(
    ctx: typer.Context,
    as_json: bool = JSON,
    today: str | None = typer.Option(None, "--today", help=TODAY_HELP),
    all_dir: Path | None = typer.Option(None, "--all", help="Summarise every case folder under DIR, one row each.", metavar="DIR"),
) -> None:
    from ..process.status import build_status, resolve_today

    env = get_env(ctx)
    day = resolve_today(today)
    if all_dir is not None:
        _status_all(env, all_dir, day, as_json)
        return
    report = build_status(env.store(), day)
    if as_json:
        env.emit_json(report.to_json())
    else:
        _print_report(env, report)
    if report.overdue:
        raise typer.Exit(1)


def next_step(
    ctx: typer.Context,
    as_json: bool = JSON,
    today: str | None = typer.Option(None, "--today", help=TODAY_HELP),
) -> None:
    from ..process.status import build_status, resolve_today

    env = get_env(ctx)
    report = build_status(env.store(), resolve_today(today))
    if as_json:
        env.emit_json({"schema": "kameng.next/1", "case": report.case_root, "today": report.today.isoformat(),
                       "overdue": report.overdue, "next": report.next.to_json(),
                       "also": [s.to_json() for s in report.also]})
    else:
        _print_step(env, report)
    if report.overdue:
        raise typer.Exit(1)


def _out(env: Env, text: str) -> None:
    env.console.print(text, markup=False, highlight=False, soft_wrap=True)


def _print_step(env: Env, report) -> None:  # noqa: ANN001 - StatusReport, imported lazily
    _out(env, t("process.status.next", title=report.next.title))
    _out(env, "  " + report.next.reason)
    if report.next.command:
        _out(env, t("process.status.command", command=report.next.command))
    for step in report.also:
        _out(env, t("process.status.also", title=step.title, reason=step.reason))


def _print_report(env: Env, report) -> None:  # noqa: ANN001
    from ..process.deadlines import describe

    _out(env, t("process.status.title", today=report.today.isoformat()))
    if not report.items:
        _out(env, t("process.status.none"))
    for item in report.items:
        s = item.submission
        state = t("process.status.open") if item.open else t(
            "process.status.closed", outcome=t(f"process.outcome.{item.outcome}"))
        _out(env, t("process.status.row", id=s.id, channel=t(f"process.channel.{s.channel}"),
                    at=s.at.strftime("%Y-%m-%d %H:%M"), ticket=s.ticket or "—", state=state))
        if item.open:
            if item.deadline is not None:
                _out(env, "    " + describe(item.deadline, report.today))
            else:
                _out(env, "    " + t("process.status.no_deadline", why=t(item.no_deadline)))
    lim = report.limitation
    if lim.due is None:
        _out(env, t("process.status.limitation_unknown"))
    else:
        if lim.interrupted_by is not None:
            i = lim.interrupted_by
            since = t("process.limitation.since_interrupt", ref=i.ref, what=t(f"process.limitation.what.{i.what}"),
                      time=i.time.strftime("%Y-%m-%d"))
        else:
            since = t("process.limitation.since_knew")
        _out(env, t("process.status.limitation", due=lim.due.isoformat(),
                    estimated=t("process.calendar.estimated_mark") if lim.estimated else "",
                    state=t(f"process.limitation.state.{lim.state(report.today)}"),
                    start=lim.start.strftime("%Y-%m-%d") if lim.start else "—", since=since))
        for p in lim.possible:
            _out(env, t("process.limitation.possible", ref=p.ref, channel=t(f"process.channel.{p.channel}"),
                        time=p.time.strftime("%Y-%m-%d")))
    for warning in report.warnings:
        _out(env, t("process.status.warning", message=warning.message))
    _print_step(env, report)


def _status_all(env: Env, root: Path, day, as_json: bool) -> None:  # noqa: ANN001 - date
    from ..process.portfolio import portfolio, portfolio_json, row_text

    rows = portfolio(root, day)
    if as_json:
        env.emit_json(portfolio_json(root, day, rows))
    else:
        _out(env, t("process.all.header"))
        for row in rows:
            _out(env, row_text(row))
    if any(r.is_overdue or r.error for r in rows):
        raise typer.Exit(1)  # something needs attention: a deadline passed, or a case cannot be read
