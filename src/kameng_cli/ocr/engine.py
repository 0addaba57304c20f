"""The optional OCR engine (the `kameng[ocr]` extra): rapidocr on onnxruntime, fully offline.

The engine is created once per process, on first use, from the model files that ship inside the
rapidocr wheel (`rapidocr/models/`). Every model path is given explicitly: rapidocr 3.x otherwise
resolves models by name and calls its downloader (which returns early only when a file of the
expected name and hash already sits in its model folder), so naming the files is what keeps it from
ever reaching the network.
"""

from __future__ import annotations

import importlib.util
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import OcrLine, OcrPage

# Files inside the rapidocr 3.x wheel (checked for 3.10: rapidocr/models/).
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
CLS_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"
MODEL_FILES = (DET_MODEL, REC_MODEL, CLS_MODEL)

# Phone screenshots are upright: the orientation classifier only costs time.
_PARAMS: dict[str, Any] = {
    "Global.log_level": "error",
    "Global.use_cls": False,
    "Global.text_score": 0.5,
    # Tall screenshots (1170×2532) are read at 1600 px on the long side: a quarter less CPU than
    # rapidocr's 2000, same accuracy on benchmarks/ocr_accuracy.py. Small images are still
    # enlarged by the detector (short side to 736).
    "Global.max_side_len": 1600,
}

_lock = threading.Lock()
_engine: Any = None
load_seconds: float | None = None  # how long building the engine took (for benchmarks and doctor)


class OcrUnavailable(RuntimeError):
    """The extra is not installed, or its packaged models are missing."""


def disabled_by_user() -> bool:
    """KAMENG_OCR=0 turns OCR off (e.g. on a slow machine) even when the extra is installed."""
    return os.environ.get("KAMENG_OCR", "").strip().lower() in ("0", "off", "no", "false")


def installed() -> bool:
    """Both packages of the extra are importable (checked without importing them)."""
    return importlib.util.find_spec("rapidocr") is not None and importlib.util.find_spec("onnxruntime") is not None


def available() -> bool:
    return installed() and not disabled_by_user()


def models_dir() -> Path | None:
    """The folder inside the rapidocr package that holds the shipped models (no import needed)."""
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def missing_models() -> list[str]:
    folder = models_dir()
    if folder is None:
        return list(MODEL_FILES)
    return [name for name in MODEL_FILES if not (folder / name).is_file()]


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for package in ("rapidocr", "onnxruntime"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            continue
    return found


def engine() -> Any:
    """The one engine of this process, built on first use."""
    global _engine, load_seconds
    if _engine is not None:
        return _engine
    with _lock:
        if _engine is None:
            if not installed():
                raise OcrUnavailable("the kameng[ocr] extra is not installed")
            missing = missing_models()
            if missing:
                raise OcrUnavailable(f"models missing from the rapidocr package: {', '.join(missing)}")
            # onnxruntime reads this when it is imported; later is too late.
            os.environ["ORT_DISABLE_TELEMETRY"] = "1"
            started = time.perf_counter()
            from rapidocr import RapidOCR

            folder = models_dir()
            assert folder is not None
            params = dict(_PARAMS)
            params["Det.model_path"] = str(folder / DET_MODEL)
            params["Rec.model_path"] = str(folder / REC_MODEL)
            params["Cls.model_path"] = str(folder / CLS_MODEL)
            built = RapidOCR(params=params)
            _quiet_rapidocr_logger()
            load_seconds = time.perf_counter() - started
            _engine = built
    return _engine


def _quiet_rapidocr_logger() -> None:
    import logging

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)


@dataclass
class Timing:
    load: float
    recognise: float


def recognise_image(image: Any) -> tuple[OcrPage, Timing]:
    """OCR a PIL image (any mode). Returns the lines top to bottom and how long it took."""
    first = _engine is None
    ocr = engine()
    load = (load_seconds or 0.0) if first else 0.0
    rgb = _prepare(image)
    started = time.perf_counter()
    output = ocr(rgb)
    elapsed = time.perf_counter() - started
    lines: list[OcrLine] = []
    boxes = getattr(output, "boxes", None)
    texts = getattr(output, "txts", None) or ()
    scores = getattr(output, "scores", None) or ()
    if boxes is not None:
        for points, text, score in zip(boxes, texts, scores, strict=False):
            xs = [float(p[0]) for p in points]
            ys = [float(p[1]) for p in points]
            x, y = max(0, round(min(xs))), max(0, round(min(ys)))
            w = min(rgb.width, round(max(xs))) - x
            h = min(rgb.height, round(max(ys))) - y
            if not str(text).strip() or w <= 0 or h <= 0:
                continue
            lines.append(OcrLine(text=str(text), box=(x, y, w, h), confidence=round(float(score), 4)))
    lines.sort(key=lambda line: (line.box[1] + line.box[3] / 2, line.box[0]))
    page = OcrPage(width=rgb.width, height=rgb.height, lines=lines, engine=_engine_name(),
                   seconds=round(elapsed, 3))
    return page, Timing(load=load, recognise=elapsed)


def _prepare(image: Any) -> Any:
    """RGB, upright (EXIF orientation applied), and light text on dark backgrounds inverted: the
    detector was trained on dark text and misses parts of dark-mode screenshots otherwise."""
    from PIL import ImageOps, ImageStat

    upright = ImageOps.exif_transpose(image) or image
    rgb = upright.convert("RGB")
    if ImageStat.Stat(rgb.convert("L")).mean[0] < 100:
        rgb = ImageOps.invert(rgb)
    return rgb


def _engine_name() -> str:
    found = versions()
    return f"rapidocr {found.get('rapidocr', '?')} / onnxruntime {found.get('onnxruntime', '?')} ({DET_MODEL}, {REC_MODEL})"
