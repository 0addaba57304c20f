"""`kameng draft --to CHANNEL`: a complaint letter for one channel, as Markdown or PDF."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import UserInputError
from ..i18n import catalog, join, t
from .env import get_env


def register(app: typer.Typer) -> None:
    app.command("draft", help="Write a complaint letter for a channel (see `kameng channels`). / 起草投诉文书")(draft)


def draft(
    ctx: typer.Context,
    to: str = typer.Option(..., "--to", help="Channel: platform, merchant, 12315, consumer-association, heimao, court, police."),
    fmt: str = typer.Option("md", "--format", help="md (default) or pdf."),
    output: str | None = typer.Option(None, "-o", "--output", help="Write here instead of drafts/; `-o -` prints Markdown."),
    force: bool = typer.Option(False, "--force", help="Draft even when `kameng check` reports blockers."),
    no_redact: bool = typer.Option(False, "--no-redact", help="Keep ID, card and phone numbers, addresses and card secrets (private channels only)."),
    bundle: bool = typer.Option(False, "--bundle", help="Append the evidence (screenshots, PDFs, chat and payment tables) to the PDF."),
    explain_dates: bool = typer.Option(False, "--explain-dates", help="Show how every date in the letter was computed."),
    font: Path | None = typer.Option(None, "--font", help="An extra font file (TTF/OTF/TTC) for characters the bundled font lacks."),
    letter_date: str | None = typer.Option(None, "--date", help="Date of the letter (default: today); deadlines count from it."),
    followup: bool = typer.Option(False, "--followup", help="A 催办 letter about the earlier submission to this channel (docs/process.md)."),
) -> None:
    from ..draft.channels import channel
    from ..draft.context import build, check_report
    from ..draft.markdown import render
    from ..draft.output import write_exact, write_new
    from ..parsing.times import now

    env = get_env(ctx)
    spec = channel(to)
    if fmt not in ("md", "pdf"):
        raise UserInputError("draft.bad_format", value=fmt)
    if output == "-" and fmt == "pdf":
        raise UserInputError("draft.stdout_pdf")
    if bundle and fmt != "pdf":
        raise UserInputError("draft.bundle_needs_pdf")
    if font is not None and not font.is_file():
        raise UserInputError("draft.font_missing", path=str(font))
    today = now().date()
    if letter_date:
        from datetime import date

        try:
            today = date.fromisoformat(letter_date)
        except ValueError:
            raise UserInputError("draft.bad_date", value=letter_date) from None

    store = env.store()
    if followup:
        _followup(env, store, spec.slug, today=today, fmt=fmt, output=output, redact=not no_redact, font=font,
                  bundle=bundle)
        return
    if store.timeline_changed():
        raise UserInputError("draft.timeline_changed")  # a letter must not state what no evidence says
    events = store.events()  # read once for the check, the case-file warnings and the letter
    report = check_report(store, events)
    from ..case.casefile import case_warnings

    for warning in case_warnings(store.case, events):
        _warn(env, warning)  # a mistyped ID number or payment time would go into the letter as it is
    # Only the blockers that concern this channel stop it (12315's three-year line is no reason to hold
    # back a lawsuit): checks.readiness.blockers_for.
    blockers = []
    if report is not None:
        from ..checks.readiness import blockers_for

        blockers = blockers_for(report, spec.slug, store.case)
    if report is None:
        _warn(env, t("draft.check_unavailable"))
    elif blockers:
        lines = [f"  - [{b.rule}] {b.message}" + (f" → {b.fix}" if b.fix else "") for b in blockers]
        if not force:
            _say(env, t("draft.blocked", count=len(blockers)) + "\n" + "\n".join(lines))
            raise typer.Exit(1)
        _warn(env, t("draft.forced", count=len(blockers)) + "\n" + "\n".join(lines))
    readiness = report.ready.get(spec.slug) if report is not None else None
    if readiness is not None and not readiness.ready:
        lines = "\n".join(f"  - {sentence}" for sentence in readiness.missing)
        if spec.slug == "police" and not readiness.details.get("signs"):
            # A report to the police about a civil dispute is turned away and may be read as a false
            # accusation: without a sign of fraud, only on purpose.
            if not force:
                _say(env, t("draft.police_no_fraud") + "\n" + lines)
                raise typer.Exit(1)
            _warn(env, t("draft.police_forced") + "\n" + lines)
        else:
            _warn(env, t("draft.channel_not_ready", channel=_label(spec.slug)) + "\n" + lines)
    if spec.slug == "police" and readiness is not None and readiness.details.get("signs") == ["fake-shop"]:
        # fraud = true is the user's own word: the report then rests on no sign the evidence shows.
        _warn(env, t("draft.police_stated_only"))
    if spec.public and no_redact:
        _warn(env, t("draft.public_no_redact", channel=_label(spec.slug)))

    context = build(store, spec, redact=not no_redact, today=today, report=report, events=events)
    markdown = render(spec.template, context.values, store.root)
    _report_warnings(env, context)
    if explain_dates:
        _explain(env, context)

    letter_hits = len(context.redactor.hits)  # what the appendix masks comes after: all of it is printed
    if fmt == "md":
        if output == "-":
            sys.stdout.write(markdown)
            path = None
        else:
            data = markdown.encode("utf-8")
            path = write_exact(Path(output), data) if output else write_new(store.paths.drafts, spec.slug, today, ".md", data)
    else:
        from ..draft.pdf import render_pdf

        pdf = render_pdf(markdown, context, store, font=font, bundle=bundle)
        for warning in pdf.warnings:
            _warn(env, warning)
        path = write_exact(Path(output), pdf.data) if output else write_new(store.paths.drafts, spec.slug, today, ".pdf", pdf.data)
    # Only what the letter (and its appendix) actually prints masked, by name in the user's language.
    counts = {k: v for k, v in context.redactor.printed_counts(markdown, since=letter_hits).items() if v}
    if counts:
        env.info(t("draft.redacted", counts=t("draft.counts_sep").join(
            t("draft.redacted.item", kind=t(f"draft.redacted.kind.{k}"), count=v) for k, v in counts.items())))
    if path is not None:
        env.info(t("draft.written", path=str(path)))


def _followup(env, store, channel: str, *, today, fmt: str, output: str | None, redact: bool,  # noqa: ANN001
              font: Path | None, bundle: bool) -> None:
    """`--followup`: the 催办 letter of kameng_cli.process.followup, written like a draft."""
    from ..process.followup import write_followup

    if bundle:
        raise UserInputError("draft.followup_no_bundle")
    letter, path = write_followup(store, channel, today=today, fmt=fmt, output=output, redact=redact, font=font)
    for warning in letter.warnings:
        _warn(env, warning)
    if path is not None:
        env.info(t("draft.written", path=str(path)))


def _label(slug: str) -> str:
    """A channel as the user reads it: 人民法院 / court, never the slug in a Chinese sentence."""
    return t(f"process.channel.{slug}")


def _fact(slug: str, channel: str) -> str:
    """A missing fact's label; a channel may name it its own way (a court's 被告, not 被投诉人)."""
    key = f"fact.{channel}.{slug}"
    return t(key) if key in catalog() else t(f"fact.{slug}")


def _say(env, text: str) -> None:  # noqa: ANN001 - Env
    """A plain line on stderr: never wrapped (scripts and tests read it), never read as rich markup."""
    env.err.print(text, markup=False, highlight=False, soft_wrap=True)


def _warn(env, text: str) -> None:  # noqa: ANN001 - Env
    from rich.text import Text

    label = t("label.warning")
    gap = "" if label.endswith("：") else " "  # 注意：文书… / Warning: the letter…
    env.err.print(Text(label, style="yellow") + Text(gap + text), soft_wrap=True)


def _report_warnings(env, context) -> None:  # noqa: ANN001 - Env and DraftContext, imported lazily
    if context.left_out:
        _warn(env, t("draft.left_out", files=join(f"{x.id}（{x.name}）" for x in context.left_out)))
    if context.missing:
        _warn(env, t("draft.missing", items=join((_fact(slug, context.spec.slug) for slug in context.missing), clauses=True)))
    for warning in context.tone:
        _warn(env, t("draft.tone", where=warning.where, phrase=warning.phrase, category=t(f"draft.tone.{warning.category}"),
                   suggestion=warning.suggestion))
    for name, length, limit in context.length_warnings:
        field = t(f"draft.field.{name}") if f"draft.field.{name}" in catalog() else name
        _warn(env, t("draft.too_long", field=field, length=length, limit=limit))
    comp = context.claims.compensation
    if not comp.offered and comp.why_not and (context.values["fraud"] or "compensation" in context.values["claims_wanted"]):
        _warn(env, t("draft.compensation_not_offered", reason=t(comp.why_not)))


def _explain(env, context) -> None:  # noqa: ANN001
    _say(env, t("draft.dates.title"))
    if context.spec.deadline is None:
        _say(env, "  " + t("draft.dates.none", reason=t(context.spec.no_deadline_reason)))
    from ..i18n import get_lang

    lang = get_lang()
    for item in context.deadlines:
        name = f"draft.dates.name.{item.name}"
        if f"{name}.{context.spec.slug}" in catalog():
            name += f".{context.spec.slug}"
        _say(env, t("draft.dates.item", text=item.text, name=t(name), due=item.due.isoformat(),
                    note=t("draft.dates.reference") if item.reference_only else "",
                    explain=item.explain_in(lang), basis=item.basis))
