"""`kameng doctor`: what this installation can read and which optional features are missing."""

from __future__ import annotations

import importlib.util

import typer

from ..i18n import pick, t
from .env import get_env
from .options import JSON


def register(app: typer.Typer) -> None:
    app.command("doctor", help="Show installed input formats and optional features. / 环境检查")(doctor)


def doctor(ctx: typer.Context, as_json: bool = JSON) -> None:
    from .. import __version__
    from ..ingest.registry import sources

    env = get_env(ctx)
    registry = sources()
    features = {
        "ocr": importlib.util.find_spec("rapidocr") is not None and importlib.util.find_spec("onnxruntime") is not None,
        "pdf-writer": importlib.util.find_spec("typst") is not None,
    }
    if as_json:
        env.emit_json({
            "schema": "kameng.doctor/1", "version": __version__,
            "sources": [{"name": s.name, "version": s.version, "label": pick(s.label)} for s in registry.values()],
            "features": features,
        })
        return
    env.console.print(f"kameng {__version__}")
    env.console.print(t("doctor.sources"))
    for source in registry.values():
        env.console.print(f"  {source.name:<22} {pick(source.label)}")
    for feature, present in features.items():
        state = t("doctor.present") if present else t("doctor.absent")
        env.console.print(f"{t('doctor.feature.' + feature)}: {state}")
        if not present:
            env.console.print(f"  {t('doctor.feature.' + feature + '.how')}")
