"""`kameng channels`: the complaint channels `kameng draft --to` knows, one line each."""

from __future__ import annotations

import typer

from ..i18n import t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("channels", help="List the complaint channels for `kameng draft --to`. / 投诉渠道")(channels)


def channels(ctx: typer.Context, as_json: bool = JSON) -> None:
    from ..draft.channels import CHANNELS
    from ..i18n import get_lang, pick

    env = get_env(ctx)
    if as_json:
        env.emit_json({"schema": "kameng.channels/1", "channels": [spec.to_json() for spec in CHANNELS.values()]})
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for key in ("channels.col.channel", "channels.col.name", "channels.col.public", "channels.col.deadline",
                "channels.col.summary"):
        table.add_column(t(key), overflow="fold", no_wrap=key == "channels.col.channel")  # a slug is typed: never split
    lang = get_lang()
    for spec in CHANNELS.values():
        rule = spec.deadline
        if rule is None:
            deadline = t("channels.deadline.none")
        elif rule.reference_only:
            deadline = t("channels.deadline.reference", count=rule.count)
        else:
            deadline = t(f"channels.deadline.{rule.unit}", count=rule.count)
        table.add_row(spec.slug, pick(spec.label, lang), t("channels.yes" if spec.public else "channels.no"),
                      deadline, pick(spec.summary, lang))
    env.console.print(table)
