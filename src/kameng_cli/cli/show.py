"""`kameng show`: the case as stated in case.toml."""

from __future__ import annotations

import typer

from ..i18n import t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("show", help="Print the case facts (validates case.toml). / 显示案件信息")(show)


def show(ctx: typer.Context, as_json: bool = JSON) -> None:
    from ..case.casefile import case_warnings
    from ..model.slugs import CLAIMS, PROBLEM_TYPES, label
    from ..parsing.amounts import format_yuan
    from ..parsing.times import display

    env = get_env(ctx)
    store = env.store()
    case = store.case
    warnings = case_warnings(case, store.events())
    if as_json:
        env.emit_json({"schema": "kameng.case/1", "path": str(store.root), "case": case.to_json(),
                       "warnings": warnings})
        return
    from rich.panel import Panel
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    rows = [
        (t("field.problem"), f"{label(PROBLEM_TYPES, case.problem)} ({case.problem})"),
        (t("field.claims"), "、".join(label(CLAIMS, c) for c in case.claims) or "—"),
        (t("field.platform"), " / ".join(x for x in (case.platform.name, case.platform.site, case.platform.company) if x) or "—"),
        (t("field.platform_uscc"), case.platform.uscc or "—"),
        (t("field.merchant"), " / ".join(x for x in (case.merchant.name, case.merchant.shop, case.merchant.contact) if x) or "—"),
        (t("field.order_no"), case.order.number or "—"),
        (t("field.goods"), case.order.goods or "—"),
        (t("field.face_value"), format_yuan(case.order.face_value)),
        (t("field.price"), format_yuan(case.order.price)),
        (t("field.paid_at"), display(case.order.paid_at)),
        (t("field.payment_channel"), case.order.payment_channel or "—"),
        (t("field.my_names"), "、".join(case.my_names) or "—"),
    ]
    for name, value in rows:
        grid.add_row(name, value)
    env.console.print(Panel(grid, title=t("show.title", path=str(store.root)), expand=False))
    for warning in warnings:
        env.warn(warning)
