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

    from ..model.slugs import EXHIBIT_KINDS, label
    from ..parsing.times import display

    table = Table(box=None, header_style="bold", pad_edge=False)
    for key in ("list.col.id", "list.col.kind", "list.col.name", "list.col.size", "list.col.captured", "list.col.detected", "list.col.sha"):
        table.add_column(t(key))
    for exhibit in exhibits:
        captured = display(exhibit.captured_at)
        if exhibit.captured_at is not None:
            captured += f" ({t('captured.' + exhibit.captured_at_source)})"
        table.add_row(exhibit.id, label(EXHIBIT_KINDS, exhibit.kind), exhibit.name, _size(exhibit.size), captured,
                      exhibit.detected or "—", exhibit.sha256[:12])
    env.console.print(table)


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
