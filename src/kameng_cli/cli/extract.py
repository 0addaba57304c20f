"""`kameng extract E02 --rows matched`: a redacted extract of a payment export for the evidence
appendix — header, matched rows, export period, the original's sha256 (docs/payments.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import UserInputError
from ..i18n import os_error, t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("extract", help="Redacted extract of a payment export (matched rows only). / 支付记录脱敏节选")(extract)


def extract(
    ctx: typer.Context,
    exhibit_id: str = typer.Argument(..., help="The payment exhibit, e.g. E02.", metavar="EXHIBIT"),
    rows: str = typer.Option("matched", "--rows", help="Which rows: matched (the rows tied to the case)."),
    output: str | None = typer.Option(None, "-o", "--output", help="Write here (never overwritten); - for standard output."),
    as_json: bool = JSON,
) -> None:
    from ..ingest.payments.extract import build_extract

    env = get_env(ctx)
    store = env.store()
    document = build_extract(store, exhibit_id, rows)
    if output == "-":
        if as_json:
            env.emit_json(document.to_json())
        else:
            sys.stdout.write(document.render())
        return
    if output is not None:
        target = Path(output).expanduser()
    else:
        store.paths.drafts.mkdir(exist_ok=True)
        target = _free_name(store.paths.drafts, f"{document.exhibit}_payment_extract", ".csv")
    try:
        with open(target, "x", encoding="utf-8", newline="") as fh:
            fh.write(document.render())
    except FileExistsError as exc:
        raise UserInputError("payments.extract.exists", path=str(target)) from exc
    except OSError as exc:
        raise UserInputError("payments.extract.unwritable", path=str(target), detail=os_error(exc)) from exc
    if as_json:
        env.emit_json({**document.to_json(), "path": str(target)})
    else:
        env.info(t("payments.cli.extract.done", path=str(target), rows=len(document.rows)))


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate
