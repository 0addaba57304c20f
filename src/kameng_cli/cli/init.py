"""`kameng init [DIR]`: make a case folder, by interview on a terminal or from flags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ..errors import UserInputError
from ..i18n import get_lang, t
from .env import Env, get_env


def register(app: typer.Typer) -> None:
    app.command("init", help="Create a case folder (interview on a terminal, or flags). / 新建案件文件夹")(init)


def init(
    ctx: typer.Context,
    directory: Path = typer.Argument(Path("."), help="Folder for the case (created if missing).", metavar="DIR"),
    platform: str | None = typer.Option(None, "--platform", help="Platform name (卡盟网站/App)."),
    platform_site: str | None = typer.Option(None, "--platform-site", help="Platform web address."),
    platform_company: str | None = typer.Option(None, "--platform-company", help="Operator company (运营公司全称)."),
    platform_uscc: str | None = typer.Option(None, "--platform-uscc", help="统一社会信用代码 of the operator."),
    merchant: str | None = typer.Option(None, "--merchant", help="Merchant / shop name."),
    merchant_shop: str | None = typer.Option(None, "--merchant-shop", help="Shop link or id."),
    merchant_contact: str | None = typer.Option(None, "--merchant-contact", help="Merchant QQ / WeChat / phone."),
    order_no: str | None = typer.Option(None, "--order-no", help="Order number."),
    goods: str | None = typer.Option(None, "--goods", help="Goods bought."),
    face_value: str | None = typer.Option(None, "--face-value", help="Face value, e.g. 100 or ¥100.00."),
    price: str | None = typer.Option(None, "--price", help="Price paid, e.g. ¥98.50."),
    paid_at: str | None = typer.Option(None, "--paid-at", help="Payment time, e.g. 2024-05-01 09:55."),
    payment_channel: str | None = typer.Option(None, "--payment-channel", help="Alipay / WeChat Pay / bank card ..."),
    problem: str | None = typer.Option(None, "--problem", help="Problem type slug, e.g. not-delivered."),
    claim: list[str] = typer.Option([], "--claim", help="refund / redeliver / compensation / interest (repeatable)."),
    my_name: list[str] = typer.Option([], "--my-name", help="Your own nickname in chats (repeatable)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Never ask; take the flags as they are."),
) -> None:
    from ..case.casefile import render_case
    from ..case.store import CaseStore
    from ..interview import build_case, questions_for, validate_answer, validate_problem
    from ..model.slugs import ORDER_PROBLEMS, PROBLEM_TYPES

    env = get_env(ctx)
    root = directory.expanduser()
    if env.case_dir and not root.is_absolute():
        root = Path(env.case_dir).expanduser() / root  # -C DIR: as if started in DIR, as for every command
    if CaseStore.holds_case(root):
        raise UserInputError("init.exists", path=str(root))
    if root.exists() and not root.is_dir():
        raise UserInputError("init.not_a_folder", path=str(root))
    given: dict[str, Any] = {
        "platform.name": platform, "platform.site": platform_site, "platform.company": platform_company,
        "platform.uscc": platform_uscc, "merchant.name": merchant, "merchant.shop": merchant_shop,
        "merchant.contact": merchant_contact, "order.number": order_no, "order.goods": goods,
        "order.face_value": face_value, "order.price": price, "order.paid_at": paid_at,
        "order.payment_channel": payment_channel, "claims": claim or None, "my_names": my_name or None,
    }
    interactive = env.interactive and not yes
    if problem is not None:
        chosen = validate_problem(problem)
    elif interactive:
        chosen = _ask_problem(env)
    else:
        # Every flag still missing at once (those every problem type needs), not one round per flag.
        common = set.intersection(*({q.flag for q in questions_for(p) if q.required and given.get(q.key) is None}
                                    for p in PROBLEM_TYPES))
        order = [q.flag for q in questions_for("not-delivered")]

        def in_order(found: set[str]) -> list[str]:
            return sorted(found, key=lambda flag: order.index(flag) if flag in order else len(order))

        flags = ["--problem", *in_order(common)]
        # What a problem with an order (most cases: not delivered, card invalid …) needs on top, so
        # that the user does not learn the flags one round at a time.
        for_orders = set.intersection(*({q.flag for q in questions_for(p) if q.required and given.get(q.key) is None}
                                        for p in ORDER_PROBLEMS)) - common
        if for_orders:
            raise UserInputError("init.missing_with_orders", flags=", ".join(flags),
                                 order_flags=", ".join(in_order(for_orders)))
        raise UserInputError("init.missing", flags=", ".join(flags))

    answers: dict[str, Any] = {}
    warnings: list[str] = []
    missing: list[str] = []
    for question in questions_for(chosen):
        raw = given.get(question.key)
        if raw is not None:
            value, warning = validate_answer(question, raw)
        elif interactive:
            value, warning = _ask(env, question)
        else:
            if question.required:
                missing.append(question.flag)
            continue
        if warning:
            warnings.append(t(warning, value=value))
        answers[question.key] = value
    if missing:
        raise UserInputError("init.missing", flags=", ".join(missing))

    case = build_case(chosen, answers)
    store = CaseStore.create(root, render_case(case))
    for warning in warnings:
        env.warn(warning)
    env.info(t("init.done", path=str(store.root)))
    env.info(t("init.next"))


def _ask_problem(env: Env) -> str:
    from ..interview import validate_problem
    from ..model.slugs import PROBLEM_TYPES

    lang = get_lang()
    env.err.print(t("init.ask.problem"))
    for number, (slug, info) in enumerate(PROBLEM_TYPES.items(), start=1):
        env.err.print(f"  {number}. {info[lang]} ({slug}) — {info['hint_' + lang]}")
    while True:
        raw = typer.prompt(t("init.ask.choose"), err=True)
        try:
            return validate_problem(raw)
        except UserInputError as exc:
            env.err.print(exc.render())


def _ask(env: Env, question: Any) -> tuple[Any, str | None]:
    from ..interview import validate_answer

    prompt = t(f"init.ask.{question.key}")
    if not question.required:
        prompt += t("init.ask.optional")
    default = "refund" if question.kind == "claims" else ""
    while True:
        raw = typer.prompt(prompt, default=default, show_default=bool(default), err=True)
        if not str(raw).strip():
            if question.required:
                env.err.print(t("init.ask.required"))
                continue
            return "" if question.kind not in ("claims", "names") else [], None
        try:
            return validate_answer(question, raw)
        except UserInputError as exc:
            env.err.print(exc.render())
