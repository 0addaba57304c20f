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
    ocr = ocr_status()
    features = {
        "ocr": ocr["installed"],
        "pdf-writer": importlib.util.find_spec("typst") is not None,
    }
    if as_json:
        env.emit_json({
            "schema": "kameng.doctor/1", "version": __version__,
            "sources": [{"name": s.name, "version": s.version, "label": pick(s.label)} for s in registry.values()],
            "features": features,
            "ocr": ocr,
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
            # markup=False: rich would swallow the "[ocr]" of kameng[ocr] as a style tag.
            env.console.print(f"  {t('doctor.feature.' + feature + '.how')}", markup=False)
        if feature == "ocr":
            for line in ocr_lines(ocr):
                env.console.print(line, markup=False)


# ---- OCR (issue 7) -----------------------------------------------------------------------------------
def ocr_status() -> dict[str, object]:
    """What the OCR extra would add and whether it is ready, found without importing the engine."""
    from ..ocr import engine

    installed = engine.installed()
    return {
        "installed": installed,
        "enabled": installed and not engine.disabled_by_user(),
        "versions": engine.versions() if installed else {},
        "models": list(engine.MODEL_FILES),
        "models_missing": engine.missing_models() if installed else list(engine.MODEL_FILES),
        "offline": True,
        "install": 'pip install "kameng[ocr]"',
    }


def ocr_lines(status: dict[str, object]) -> list[str]:
    from ..ocr import engine

    lines = [t("ocr.doctor.adds")]
    if not status["installed"]:
        return lines
    missing = status["models_missing"]
    if missing:
        lines.append(t("ocr.doctor.models_missing", files=", ".join(missing)))  # type: ignore[arg-type]
    else:
        versions = status["versions"]
        assert isinstance(versions, dict)
        lines.append(t("ocr.doctor.engine", engine=", ".join(f"{k} {v}" for k, v in versions.items())
                       + f" ({engine.DET_MODEL}, {engine.REC_MODEL})"))
    if not status["enabled"]:
        lines.append(t("ocr.doctor.disabled"))
    lines.append(t("ocr.doctor.rebuild"))
    return lines
