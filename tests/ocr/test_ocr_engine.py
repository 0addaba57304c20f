"""The engine: offline (no connection attempted, nothing written to the home folder), loaded
lazily and once, onnxruntime telemetry off before onnxruntime is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

OFFLINE_RUN = r'''
import json, os, socket, sys

def refuse(*args, **kwargs):
    raise AssertionError(f"network access attempted: {args!r}")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
os.environ.pop("ORT_DISABLE_TELEMETRY", None)

import kameng_cli.ocr, kameng_cli.ocr.redact, kameng_cli.ocr.facts  # noqa: E401
import kameng_cli.ingest.sources.image  # noqa: F401
lazy = "onnxruntime" not in sys.modules and "rapidocr" not in sys.modules

from PIL import Image
from kameng_cli.ocr import engine

page, timing = engine.recognise_image(Image.open(sys.argv[1]))
first = engine.engine()
page2, timing2 = engine.recognise_image(Image.open(sys.argv[1]))
print(json.dumps({"lazy": lazy, "telemetry": os.environ.get("ORT_DISABLE_TELEMETRY"),
                  "same_engine": engine.engine() is first, "load": timing.load, "second_load": timing2.load,
                  "text": [line.text for line in page.lines]}, ensure_ascii=False))
'''


def test_ocr_runs_offline_lazily_and_loads_the_models_once(ocr, screens, tmp_path: Path) -> None:
    screen = screens.render(7, "card-error", dark=False, jpeg=False, scale=0.67, phone=(720, 1600))
    image = tmp_path / "shot.png"
    image.write_bytes(screen.encoded())
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local")}
    env.pop("KAMENG_OCR", None)
    done = subprocess.run([sys.executable, "-c", OFFLINE_RUN, str(image)], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["lazy"] is True  # importing kameng's OCR modules does not load the engine
    assert report["telemetry"] == "1"
    assert report["same_engine"] is True and report["load"] > 0 and report["second_load"] == 0
    assert screen.fields["status"] in report["text"]
    assert list(home.iterdir()) == []  # no device id, no model download, no cache


def test_models_ship_inside_the_wheel(ocr) -> None:
    assert ocr.missing_models() == []
    assert all((ocr.models_dir() / name).stat().st_size > 100_000 for name in ocr.MODEL_FILES)


def test_kameng_ocr_0_turns_it_off(ocr, monkeypatch) -> None:
    monkeypatch.setenv("KAMENG_OCR", "0")
    assert ocr.installed() and not ocr.available()
