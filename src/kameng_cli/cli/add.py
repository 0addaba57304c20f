"""`kameng add PATH...`: keep an untouched, hash-verified copy of each file and read what it says."""

from __future__ import annotations

import sys

import typer

from ..errors import UserInputError
from ..i18n import t
from .env import Env, get_env
from .options import JSON, parse_time_option


def register(app: typer.Typer) -> None:
    app.command("add", help="Add evidence files, folders, or - for pasted text. / 添加证据")(add)


def add(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for standard input.", metavar="PATH..."),
    kind: str | None = typer.Option(None, "--kind", help="Exhibit kind, e.g. payment, order, chat (overrides detection)."),
    note: str = typer.Option("", "--note", help="A note kept with the exhibit."),
    at: str | None = typer.Option(None, "--at", help="When the evidence was captured, if you know better than the file."),
    format_name: str | None = typer.Option(None, "--format", help="Use this source instead of detection (see `kameng doctor`)."),
    column_map: str | None = typer.Option(None, "--map", help="Column mapping for a generic bank CSV, e.g. 时间=交易日期,金额=支出."),
    as_json: bool = JSON,
) -> None:
    from ..ingest.pipeline import AddOptions, Ingestor, expand
    from ..model.slugs import EXHIBIT_KINDS

    env = get_env(ctx)
    if kind is not None and kind not in EXHIBIT_KINDS:
        raise UserInputError("option.bad_kind", value=kind, known=", ".join(EXHIBIT_KINDS))
    when = parse_time_option(at, "--at", allow_future=False)
    store = env.store()
    store.case  # noqa: B018 - a broken case.toml is reported before anything is copied
    options = AddOptions(kind=kind, note=note, at=when, format=format_name,
                         source_options={"map": column_map} if column_map else {},
                         ask=_asker(env) if env.interactive else None)
    if "-" in paths and sys.stdin.isatty() and not env.quiet:
        env.err.print(t("add.paste_hint"))
    items = list(expand(paths, sys.stdin.buffer))
    with _progress(env, items) as progress:
        ingestor = Ingestor(store, options, on_bytes=progress.advance)
        outcomes = ingestor.add_many(items, on_outcome=lambda outcome: progress.file_done(outcome.path))
    if as_json:
        env.emit_json({"schema": "kameng.add/1", "files": [o.to_json() for o in outcomes]})
    else:
        _summary(env, outcomes)
    if any(o.status == "error" for o in outcomes):
        # Nothing could be added: bad input (2). Some files added, some not: problems found (1).
        raise typer.Exit(2 if all(o.status == "error" for o in outcomes) else 1)


def _asker(env: Env):
    def ask(question: str, choices: list[str]) -> str:
        env.err.print(question)
        for number, choice in enumerate(choices, start=1):
            env.err.print(f"  {number}. {choice}")
        while True:
            raw = typer.prompt(t("init.ask.choose"), err=True)
            if raw.strip().isdigit() and 1 <= int(raw) <= len(choices):
                return choices[int(raw) - 1]
            if raw.strip() in choices:
                return raw.strip()

    return ask


class _progress:
    """A byte-based progress bar on a terminal for many or large files; nothing otherwise."""

    LARGE = 50 * 1024 * 1024

    def __init__(self, env: Env, items: list) -> None:
        from ..ingest.pipeline import Input

        sizes = [_size(item.path) for item in items if isinstance(item, Input) and item.path is not None]
        self.total = sum(sizes)
        self.enabled = env.stderr_is_terminal and not env.quiet and (len(items) > 3 or self.total > self.LARGE)
        self.progress = None
        self.task = None

    def __enter__(self) -> _progress:
        if self.enabled:
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                                     TimeRemainingColumn(), transient=True)
            self.progress.start()
            self.task = self.progress.add_task(t("add.progress"), total=self.total or None)
        return self

    def advance(self, count: int) -> None:
        if self.progress is not None:
            self.progress.update(self.task, advance=count)

    def file_done(self, name: str) -> None:
        if self.progress is not None:
            self.progress.update(self.task, description=f"{t('add.progress')} {name[-40:]}")

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def _size(path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _summary(env: Env, outcomes: list) -> None:
    from rich.table import Table

    from ..model.slugs import EXHIBIT_KINDS, label

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for column in ("add.col.status", "add.col.file", "add.col.exhibit", "add.col.detail"):
        # fold, never cut: a refusal's reason ends with how to fix it
        table.add_column(t(column), overflow="fold", no_wrap=column in ("add.col.status", "add.col.exhibit"))
    styles = {"ok": "green", "restored": "green", "updated": "green", "skipped": "yellow", "error": "red"}
    for outcome in outcomes:
        status = t(f"add.status.{outcome.status}")
        if outcome.status == "ok":
            detail = t("add.detail_ok", detected=outcome.detected, kind=label(EXHIBIT_KINDS, outcome.kind))
            if outcome.warnings:
                detail += t("add.detail_warnings", count=outcome.warnings)
        else:
            detail = outcome.reason
        table.add_row(f"[{styles[outcome.status]}]{status}[/]", outcome.path, outcome.exhibit or "—", detail)
    if not env.quiet or any(o.status == "error" for o in outcomes):
        env.console.print(table)
    for outcome in outcomes:
        for message in outcome.messages:
            env.console.print(f"  {outcome.exhibit}: {message}", markup=False)
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("ok", "skipped", "error", "restored", "updated")}
    extra = "".join(t(f"add.totals_{status}", count=n) for status in ("restored", "updated") if (n := counts.pop(status)))
    env.info(t("add.totals", **counts) + extra)
