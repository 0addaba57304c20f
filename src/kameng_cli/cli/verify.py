"""`kameng verify`: has any evidence changed since it was added?"""

from __future__ import annotations

import typer

from ..i18n import t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("verify", help="Re-hash every exhibit and check the manifest chain. / 校验证据完整性")(verify)


def verify(ctx: typer.Context, as_json: bool = JSON) -> None:
    from ..case.verify import verify as run_verify

    env = get_env(ctx)
    report = run_verify(env.store())
    if as_json:
        env.emit_json(report.to_json())
    else:
        for check in report.files:
            if check.status == "ok":
                if not env.quiet:
                    env.console.print(f"[green]{t('verify.ok')}[/]  {check.file}")
                continue
            env.console.print(f"[red]{t('verify.' + check.status)}[/]  {check.file}")
            env.console.print(f"    {t('verify.' + check.status + '.what')}")
            env.console.print(f"    {t('verify.' + check.status + '.fix')}")
        for problem in report.chain:
            env.console.print(f"[red]{t('verify.chain')}[/]  manifest.jsonl:{problem.line} ({problem.problem})")
            env.console.print(f"    {t('verify.chain.' + problem.problem)}")
            env.console.print(f"    {t('verify.chain.fix')}")
        exhibits = sum(1 for check in report.files if check.exhibit)
        summary = t("verify.summary_ok", count=exhibits) if report.ok else t("verify.summary_bad")
        env.console.print(summary)
    if not report.ok:
        raise typer.Exit(1)
