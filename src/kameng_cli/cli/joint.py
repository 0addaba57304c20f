"""`kameng joint DIR... --to 12315|court|police`: one complaint for several buyers of the same
merchant, with a victims table, the total amount and each buyer's evidence list (issue 8)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import UserInputError
from ..i18n import t
from .env import get_env


def register(app: typer.Typer) -> None:
    app.command("joint", help="One complaint for several buyers wronged by the same merchant. / 多人共同投诉")(joint)


def joint(
    ctx: typer.Context,
    folders: list[Path] = typer.Argument(..., help="The buyers' case folders (two or more).", metavar="CASE_DIR..."),
    to: str = typer.Option(..., "--to", help="12315, court or police."),
    representative: Path | None = typer.Option(None, "--as", help="The buyer who files it (default: the first folder)."),
    output: str | None = typer.Option(None, "-o", "--output", help="Write here instead of the representative's drafts/; `-o -` prints Markdown."),
    fmt: str = typer.Option("md", "--format", help="md (default) or pdf."),
    no_redact: bool = typer.Option(False, "--no-redact", help="Keep every buyer's personal data (all of them consented)."),
    letter_date: str | None = typer.Option(None, "--date", help="Date of the document (default: today)."),
) -> None:
    from ..draft.channels import channel_slug
    from ..draft.output import write_exact, write_new

    to = channel_slug(to) or to  # 法院 / 公安 / 市场监管 as well as the slugs
    from ..process.joint import build_joint, load_buyers, render_joint
    from ..process.status import resolve_today

    env = get_env(ctx)
    if fmt not in ("md", "pdf"):
        raise UserInputError("draft.bad_format", value=fmt)
    if output == "-" and fmt == "pdf":
        raise UserInputError("draft.stdout_pdf")
    today = resolve_today(letter_date)
    buyers = load_buyers(list(folders), representative)
    values = build_joint(buyers, to, today=today, redact=not no_redact)
    for warning in values["warnings"]:
        env.warn(warning)
    rep = buyers[0].store
    markdown = render_joint(values, rep.root)
    if fmt == "md":
        if output == "-":
            sys.stdout.write(markdown)
            return
        data = markdown.encode("utf-8")
    else:
        from ..draft.channels import channel
        from ..draft.context import build
        from ..draft.pdf import render_pdf

        context = build(rep, channel(to), redact=not no_redact, today=today)
        data = render_pdf(markdown, context, rep).data
    suffix = ".md" if fmt == "md" else ".pdf"
    path = write_exact(Path(output), data) if output else write_new(rep.paths.drafts, f"joint-{to}", today, suffix, data)
    env.info(t("process.joint.written", path=str(path), count=len(buyers), total=values["total_paid"]))
