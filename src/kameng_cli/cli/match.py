"""`kameng match`: match the payment exports against case.toml again (after editing the order number,
amount or payment time); only the payment exhibits are re-read."""

from __future__ import annotations

import typer

from ..i18n import t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("match", help="Re-match payment exports against case.toml. / 重新匹配支付记录")(match)


def match(ctx: typer.Context, as_json: bool = JSON) -> None:
    from ..ingest.payments import payment_source_names
    from ..ingest.pipeline import rebuild

    env = get_env(ctx)
    store = env.store()
    store.case  # noqa: B018 - a broken case.toml is reported before anything is re-read
    ids = {e.id for e in store.exhibits().values() if e.parser in payment_source_names()}
    from .add import _asker

    # On a terminal, several plausible payments are asked about (the answer is remembered), as on `add`.
    report = rebuild(store, only=ids, ask=_asker(env) if env.interactive else None) if ids else None
    errors = dict(report.errors) if report else {}
    events = store.derived_events()
    documents = []
    unmatched = False
    for exhibit_id in sorted(ids):
        details = store.derived(exhibit_id).get("details", {})
        matched = [e.id for e in events if e.exhibit == exhibit_id and e.kind in ("paid", "refunded")]
        paid = any(e.exhibit == exhibit_id and e.kind == "paid" for e in events)
        unmatched = unmatched or (not paid and exhibit_id not in errors)
        documents.append({
            "exhibit": exhibit_id,
            "messages": store.derived(exhibit_id).get("messages", []),
            "matched_lines": details.get("matched_lines", []),
            "events": matched,
            "error": errors.get(exhibit_id),
        })
    if as_json:
        env.emit_json({"schema": "kameng.match/1", "exhibits": documents})
    else:
        if not ids:
            env.info(t("payments.cli.match.no_exhibits"))
        for document in documents:
            if document["error"]:
                env.err.print(f"{document['exhibit']}: {document['error']}")
            for message in document["messages"]:
                env.console.print(f"{document['exhibit']}: {message}", markup=False)
        if ids:
            env.info(t("payments.cli.match.done", count=len(ids),
                       events=sum(len(d["events"]) for d in documents)))
    if errors or unmatched:
        raise typer.Exit(1)
