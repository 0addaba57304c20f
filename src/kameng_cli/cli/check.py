"""`kameng check [--strict] [--json]`: the evidence chain as a row of links, findings grouped by
severity, who to complain to first, and readiness per channel. Exit 1 on any blocker (with --strict,
on any warning too); the JSON document is `kameng.check/1` (docs/check.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from ..errors import ExitStatus
from ..i18n import join, t
from .env import get_env
from .options import JSON

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..model.finding import CheckReport


def register(app: typer.Typer) -> None:
    app.command("check", help="Check the evidence chain and readiness per channel. / 证据链检查")(check)


def check(
    ctx: typer.Context,
    strict: bool = typer.Option(False, "--strict", help="Warnings count as problems too (exit 1)."),
    today: str | None = typer.Option(
        None, "--today", help="Judge time limits as of this date instead of today, e.g. 2027-04-01.", metavar="DATE"
    ),
    as_json: bool = JSON,
) -> None:
    from ..case.casefile import case_warnings
    from ..checks import check_store
    from .options import parse_time_option

    env = get_env(ctx)
    as_of = parse_time_option(today, "--today")
    store = env.store()
    events = store.events()  # read once: the timeline of a long chat is 100,000 events
    report = check_store(store, today=as_of, events=events)
    if store.timeline_changed():
        env.warn(t("store.timeline_changed"))
    for warning in case_warnings(store.case, events, as_of):
        env.warn(warning)  # case.toml facts that load but look mistyped (stderr, also with --json)
    if as_json:
        env.emit_json(report.to_json())
    else:
        render(env.console, report, strict=strict)
    if report.failed(strict):
        raise typer.Exit(int(ExitStatus.PROBLEMS))


def _chain_row(report: CheckReport):
    from rich.text import Text

    styles = {"proven": "green", "weak": "yellow", "missing": "red"}
    row = Text()
    for index, link in enumerate(report.chain):
        if index:
            row.append(" → ", style="dim")
        row.append(f"{link.mark} {t(f'check.link.{link.link}')}", style=styles[link.status])
    return row


class _Indented:
    """A paragraph wrapped to the console width under its own indentation, without trailing spaces
    (rich's Padding pads every line to the full width, which breaks golden files and copy-paste)."""

    def __init__(self, text: str | Text, left: int, style: str) -> None:
        self.text, self.left, self.style = text, left, style

    def __rich_console__(self, console, options):
        from rich.segment import Segment
        from rich.text import Text

        width = max(20, options.max_width - self.left)
        text = self.text if isinstance(self.text, Text) else Text(self.text, style=self.style)
        bullet = ""
        if text.plain.startswith("- "):
            # a hanging indent: the bullet stays with its text (a long run of Chinese has no space to break
            # at, so wrapping it whole would leave "-" alone on its line)
            bullet, text = "- ", text[2:]
            width -= 2
        for index, line in enumerate(text.wrap(console, width)):
            line.rstrip()
            yield Segment(" " * self.left + (bullet if index == 0 else " " * len(bullet)))
            yield from line.render(console)
            yield Segment.line()


def _indented(text: str | Text, left: int = 6, style: str = "") -> _Indented:
    return _Indented(text, left, style)


def render(console: Console, report: CheckReport, strict: bool = False) -> None:
    from rich.text import Text

    from ..model.finding import SEVERITIES
    from ..model.slugs import PROBLEM_TYPES, label

    problem = f"{label(PROBLEM_TYPES, report.problem_type)} ({report.problem_type})"
    console.print(Text(t("check.title", problem=problem), style="bold"))
    console.print()
    console.print(Text(t("check.chain"), style="bold underline"))
    console.print(_chain_row(report))
    console.print(Text(t("check.legend"), style="dim"))
    console.print()

    console.print(Text(t("check.findings"), style="bold underline"))
    if not report.findings:
        console.print(Text(t("check.no_findings")))
    colours = {"blocker": "red", "warning": "yellow", "info": "blue"}
    for severity in SEVERITIES:
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        console.print(Text(f"{t(f'check.severity.{severity}')} ({len(group)})", style=f"bold {colours[severity]}"))
        for finding in group:
            head = Text(f"[{finding.rule}] ", style=colours[severity])
            head.append(finding.message)
            console.print(_indented(head, 2))
            if finding.why:
                console.print(_indented(f"{t('check.label.why')}{finding.why}"))
            if finding.fix:
                console.print(_indented(f"{t('check.label.fix')}{finding.fix}"))
            refs = [*finding.exhibits, *finding.events]
            if refs:
                console.print(_indented(f"{t('check.label.evidence')}{', '.join(refs)}", style="dim"))
    console.print()

    target = report.first_target
    if target:
        console.print(Text(t("check.first_target", target=t(f"check.target_label.{target['target']}")),
                           style="bold"))
        console.print(_indented(target["reason"], 2))
        console.print()

    console.print(Text(t("check.readiness"), style="bold underline"))
    for name, readiness in report.ready.items():
        line = Text(f"  {t(f'check.channel.{name}')}: ")
        if readiness.ready:
            line.append(f"✓ {t('check.ready_yes')}", style="green")
            console.print(line)
        else:
            line.append(f"✗ {t('check.ready_no')}", style="red")
            console.print(line)
            for missing in readiness.missing:
                console.print(_indented(f"- {missing}"))
        claim = readiness.details.get("claim")
        if claim and claim.get("total"):
            console.print(_indented(t("check.claim", total=f"¥{claim['total']}",
                                            refund=f"¥{claim['refund']}" if claim["refund"] else "—",
                                            compensation=f"¥{claim['compensation']}" if claim["compensation"] else "—"),
                               style="dim"))
        signs = readiness.details.get("signs")
        if signs:
            console.print(_indented(t("check.signs", signs=join(t(f"check.sign.{s}") for s in signs)),
                               style="dim"))
    console.print()
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in SEVERITIES}
    summary = t("check.summary", blockers=counts["blocker"], warnings=counts["warning"], infos=counts["info"])
    if strict:
        summary += t("check.summary.strict")
    console.print(Text(summary, style="bold"))
