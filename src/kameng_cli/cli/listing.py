"""`kameng list`: the exhibits."""

from __future__ import annotations

import typer

from ..i18n import t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("list", help="List the exhibits. / 列出证据")(list_exhibits)


def exhibit_json(exhibit) -> dict:
    data = exhibit.to_json()
    return {key: data[key] for key in (
        "id", "kind", "name", "file", "sha256", "size", "media_type", "captured_at", "captured_at_source",
        "captured_at_confidence", "parser", "parser_version", "detected", "note", "origin", "added_at", "facts")}


def list_exhibits(ctx: typer.Context, as_json: bool = JSON) -> None:
    env = get_env(ctx)
    store = env.store()
    exhibits = list(store.exhibits().values())
    if as_json:
        env.emit_json({"schema": "kameng.exhibits/1", "exhibits": [exhibit_json(e) for e in exhibits]})
        return
    if not exhibits:
        env.info(t("list.empty"))
        return
    from rich.table import Table

    keys = ("list.col.id", "list.col.kind", "list.col.name", "list.col.size", "list.col.captured", "list.col.detected",
            "list.col.sha")
    if env.console.width < NARROW:
        # Seven columns do not fit a phone-sized terminal: one block per exhibit, one field per line.
        for exhibit in exhibits:
            values = _row(exhibit)
            env.console.print(f"{values[0]}  {values[1]}", markup=False, highlight=False, soft_wrap=True)
            for key, value in zip(keys[2:], values[2:], strict=True):
                env.console.print(f"  {t(key)}: {value}", markup=False, highlight=False, soft_wrap=True)
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for key in keys:
        # fold, never cut: in a pipe or a small window the whole name and format stay readable
        table.add_column(t(key), overflow="fold", no_wrap=key in ("list.col.id", "list.col.sha"))
    for exhibit in exhibits:
        table.add_row(*_row(exhibit))
    env.console.print(table)


NARROW = 70  # columns below which `list` prints blocks instead of a table


def _row(exhibit) -> list[str]:  # noqa: ANN001 - Exhibit
    from ..model.slugs import EXHIBIT_KINDS, label
    from ..parsing.times import display

    captured = display(exhibit.captured_at)
    if exhibit.captured_at is not None:
        captured += f" ({t('captured.' + exhibit.captured_at_source)})"
    return [exhibit.id, label(EXHIBIT_KINDS, exhibit.kind), exhibit.name, _size(exhibit.size), captured,
            _detected(exhibit), exhibit.sha256[:12]]


def _detected(exhibit) -> str:  # noqa: ANN001 - Exhibit
    """The format in the reader's language (the stored label is in the language of the day it was added).
    The sources are loaded only when the stored label is in the other language: importing every parser
    costs `list` ~70 ms."""
    from ..i18n import get_lang, pick

    stored = exhibit.detected or ""
    if stored and (get_lang() == "zh") == any("\u4e00" <= char <= "\u9fff" for char in stored):
        return stored
    from ..ingest.registry import sources

    source = sources().get(exhibit.parser) if exhibit.parser else None
    label = getattr(source, "label", None)
    return pick(label) if isinstance(label, dict) and label else exhibit.detected or "—"


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
