"""`kameng remind --ics -o FILE`: the deadlines as an iCalendar file for phone calendars (issue 8)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import UserInputError
from ..i18n import t
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
    from ..process.portfolio import case_folders
    from ..process.status import build_status, resolve_today

    env = get_env(ctx)
    if not ics:
        raise UserInputError("process.remind.format")
    day = resolve_today(today)
    if all_dir is not None:
        stores = [CaseStore(folder.resolve()) for folder in case_folders(all_dir)]
    else:
        stores = [env.store()]
    reports = [(str(store.root), build_status(store, day)) for store in stores]
    data = calendar_bytes(reports)
    if output == "-":
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    path = Path(output)
    write_bytes(path, data)
    count = data.count(b"BEGIN:VEVENT")
    env.info(t("process.remind.written", path=str(path), count=count))
