"""Fixtures of the OCR tests: the screenshot generator, and `ocr` which skips a test only when the
kameng[ocr] extra is genuinely not installed (CI installs it, so there they always run)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SCREENS_DIR = Path(__file__).resolve().parent.parent / "data" / "ocr"
sys.path.insert(0, str(SCREENS_DIR))

import screens as _screens  # noqa: E402

from kameng_cli.ocr import engine as _engine  # noqa: E402


@pytest.fixture
def screens():
    """The generator module (tests/data/ocr/screens.py); fails loudly without CJK fonts."""
    if not _screens.fonts_available():
        pytest.fail("no Noto CJK fonts found through fontconfig: apt-get install fonts-noto-cjk fontconfig")
    return _screens


@pytest.fixture
def ocr(monkeypatch: pytest.MonkeyPatch):
    """The OCR engine module, enabled; skips when the extra is not installed."""
    if not _engine.installed():
        pytest.skip('the kameng[ocr] extra is not installed (pip install -e ".[ocr]")')
    monkeypatch.delenv("KAMENG_OCR", raising=False)
    return _engine


@pytest.fixture
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """Behave as if the extra were absent, whether or not it is installed."""
    monkeypatch.setattr(_engine, "installed", lambda: False)
