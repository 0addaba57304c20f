"""`kameng calendar --update FILE` / `--show YEAR`: the 放假调休 schedule deadlines are computed with."""

from __future__ import annotations

import contextlib
from pathlib import Path

import typer

from ..errors import CaseNotFound, UserInputError
from ..i18n import t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("calendar", help="Load the official holiday schedule, or show a year's holidays. / 节假日调休安排")(calendar)


def calendar(
    ctx: typer.Context,
    update: Path | None = typer.Option(None, "--update", help="A schedule file (TOML or JSON, see docs/process.md) to load.", metavar="FILE"),
    show: int | None = typer.Option(None, "--show", help="List the holidays and make-up working days of YEAR.", metavar="YEAR"),
    for_case: bool = typer.Option(False, "--for-case", help="Keep the schedule in this case folder (calendar/), so that it "
                                  "travels with the folder, instead of in your user settings."),
    as_json: bool = JSON,
) -> None:
    from ..legal.calendar import Calendar, case_schedule_dir
    from ..process.holidays import (
        changes,
        install_schedule,
        open_deadlines,
        read_schedule,
        year_days,
        year_source,
    )

    env = get_env(ctx)
    if update is None and show is None:
        raise UserInputError("process.calendar.what")
    document: dict = {"schema": "kameng.calendar/1"}
    if update is not None:
        schedule = read_schedule(update)
        store = None
        if for_case:
            store = env.store()  # outside a case: exit 2, "not a case folder"
        with contextlib.suppress(CaseNotFound):
            store = store or env.store()
        root = store.root if store is not None else None
        before = open_deadlines(store, Calendar(case_root=root)) if store is not None else {}
        if for_case and store is not None:
            with store.writing("calendar"):
                target = install_schedule(update, schedule, case_schedule_dir(store.root))
        else:
            target = install_schedule(update, schedule)
        after = open_deadlines(store, Calendar(case_root=root)) if store is not None else {}
        changed = changes(before, after)
        document["update"] = {"file": str(update), "stored": str(target), "years": sorted(schedule.years),
                              "holidays": len(schedule.holidays), "workdays": len(schedule.workdays),
                              "recomputed": [c.to_json() for c in changed]}
        if not as_json:
            env.info(t("process.calendar.loaded", years="、".join(str(y) for y in sorted(schedule.years)),
                       holidays=len(schedule.holidays), workdays=len(schedule.workdays), path=str(target)))
            for c in changed:
                typer.echo(_change_line(c))
    if show is not None:
        if not 1900 <= show <= 2200:
            raise UserInputError("process.calendar.bad_year", value=show)
        store = None
        with contextlib.suppress(CaseNotFound):
            store = env.store()
        cal = Calendar(case_root=store.root if store is not None else None)
        days = year_days(cal, show)
        source = year_source(cal, show)
        document["show"] = {"year": show, "source": source, "days": days}
        if not as_json:
            typer.echo(t("process.calendar.show_title", year=show, source=_source_label(source)))
            for day in days:
                reason = t(f"process.calendar.reason.{day['reason']}")
                typer.echo(f"  {day['date']}  {reason}  {day['name']}".rstrip())
    if as_json:
        env.emit_json(document)


def _change_line(change) -> str:  # noqa: ANN001 - process.holidays.Change
    """`S01 12315 受理决定期限：2027-01-05（估算） → 2027-01-07`; the limitation period by its name; a date
    the schedule did not move said as unchanged, so that the one that moved stands out."""
    def mark(estimated: bool) -> str:
        return t("process.calendar.estimated_mark") if estimated else ""

    if change.submission is None:
        what = t("process.calendar.limitation")
    else:
        what = t("process.calendar.deadline", id=change.submission, channel=t(f"process.channel.{change.channel}"),
                 clock=t(f"process.clock.{change.clock}"))
    if not change.moved:
        return t("process.calendar.unchanged", what=what, due=change.after + mark(change.after_estimated))
    return t("process.calendar.changed", what=what, before=change.before + mark(change.before_estimated),
             after=change.after + mark(change.after_estimated))


def _source_label(source: str) -> str:
    if source in ("estimated", "chinesecalendar"):
        return t(f"process.calendar.source.{source}")
    return source
