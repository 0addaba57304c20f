"""`kameng rules` lists the check catalog; `kameng explain KM101` prints one rule's rationale and fix.
Neither needs a case folder."""

from __future__ import annotations

import typer

from ..errors import UserInputError
from ..i18n import t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("rules", help="List the rules `kameng check` applies. / 检查规则列表")(rules)
    app.command("explain", help="Explain one rule, e.g. kameng explain KM101. / 解释规则")(explain)


def rules(ctx: typer.Context, as_json: bool = JSON) -> None:
    from ..checks.catalog import all_rules

    env = get_env(ctx)
    catalog = all_rules()
    if as_json:
        env.emit_json({"schema": "kameng.rules/1", "rules": [_rule_json(r) for r in catalog]})
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for key in ("check.rules.col.id", "check.rules.col.severity", "check.rules.col.title"):
        table.add_column(t(key))
    for rule in catalog:
        table.add_row(rule.id, t(f"check.sev.{rule.severity}"), rule.title())
    env.console.print(table)
    env.info(t("check.rules.hint"))


def explain(ctx: typer.Context, rule_id: str = typer.Argument(..., help="A rule id, e.g. KM101.", metavar="RULE"),
            as_json: bool = JSON) -> None:
    from ..checks.catalog import all_rules, find

    env = get_env(ctx)
    rule = find(rule_id)
    if rule is None:
        raise UserInputError("check.explain.unknown", id=rule_id, known=", ".join(r.id for r in all_rules()))
    if as_json:
        env.emit_json({"schema": "kameng.rule/1", **_rule_json(rule)})
        return
    from rich.text import Text

    console = env.console
    console.print(Text(f"{rule.id} {rule.title()} ({rule.slug})", style="bold"))
    console.print(Text(t("check.explain.severity", severity=t(f"check.sev.{rule.severity}")), style="dim"))
    console.print()
    console.print(Text(t("check.explain.rationale"), style="bold"))
    console.print(Text(rule.rationale()))
    console.print()
    console.print(Text(t("check.explain.fix"), style="bold"))
    console.print(Text(rule.fix()))


def _rule_json(rule) -> dict:
    return {"id": rule.id, "slug": rule.slug, "severity": rule.severity,
            "title": {"zh": rule.title("zh"), "en": rule.title("en")},
            "rationale": {"zh": rule.rationale("zh"), "en": rule.rationale("en")},
            "fix": {"zh": rule.fix("zh"), "en": rule.fix("en")}}
