"""`kameng remind --ics -o FILE`: the deadlines as an iCalendar file for phone calendars (issue 8)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import KamengError, UserInputError
from ..i18n import join, t
from .env import get_env


def register(app: typer.Typer) -> None:
    app.command("remind", help="Export the deadlines as an iCalendar (.ics) file. / 导出期限提醒")(remind)


def remind(
    ctx: typer.Context,
    ics: bool = typer.Option(False, "--ics", help="Write iCalendar (the only format so far)."),
    output: str = typer.Option(..., "-o", "--output", help="The .ics file to write; `-o -` prints it."),
    all_dir: Path | None = typer.Option(None, "--all", help="Every case folder under DIR in one calendar.", metavar="DIR"),
    today: str | None = typer.Option(None, "--today", help="Count days from this date (YYYY-MM-DD); also $KAMENG_TODAY."),
) -> None:
    from ..case.atomic import write_bytes
    from ..case.store import CaseStore
    from ..process.ics import calendar_bytes
    from ..process.portfolio import case_folders, one_line
    from ..process.status import build_status, resolve_today

    env = get_env(ctx)
    if not ics:
        raise UserInputError("process.remind.format")
    day = resolve_today(today)
    broken: list[str] = []
    if all_dir is not None:
        # Like `status --all`: a folder that cannot be read is reported and left out; the reminders
        # of every other case are still written (exit 1 says that one is missing).
        folders = case_folders(all_dir)
        if not folders:
            raise UserInputError("process.all.none", path=str(all_dir))
        reports = []
        for folder in folders:
            try:
                store = CaseStore(folder.resolve())
                reports.append((str(store.root), build_status(store, day)))
            except KamengError as exc:
                broken.append(folder.name)
                env.warn(t("process.remind.case_error", case=folder.name, reason=one_line(exc.render())))
    else:
        store = env.store()
        reports = [(str(store.root), build_status(store, day))]
    data = calendar_bytes(reports)
    if output == "-":
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    else:
        path = Path(output)
        write_bytes(path, data)
        count = data.count(b"BEGIN:VEVENT")
        env.info(t("process.remind.written", path=str(path), count=count))
    if broken:
        env.warn(t("process.remind.left_out", count=len(broken), cases=join(broken)))
        raise typer.Exit(1)
