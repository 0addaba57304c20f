"""`kameng rebuild`: re-derive all parser events from the evidence copies; manual events survive."""

from __future__ import annotations

import typer

from ..i18n import t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("rebuild", help="Re-read every exhibit and rebuild the timeline. / 重建时间线")(rebuild)


def rebuild(ctx: typer.Context, as_json: bool = JSON) -> None:
    from ..ingest.pipeline import rebuild as run_rebuild

    env = get_env(ctx)
    report = run_rebuild(env.store())
    if as_json:
        env.emit_json({"schema": "kameng.rebuild/1", "exhibits": report.exhibits, "events": report.events,
                       "warnings": report.warnings,
                       "errors": [{"exhibit": e, "reason": r} for e, r in report.errors]})
    else:
        for exhibit_id, reason in report.errors:
            env.err.print(f"{exhibit_id}: {reason}")
        env.info(t("rebuild.done", exhibits=report.exhibits, events=report.events, warnings=report.warnings))
    if report.errors:
        raise typer.Exit(1)
