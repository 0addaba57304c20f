"""Process tests: a pinned "today", OCR off (proof screenshots need no text), a fresh calendar."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _process_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from kameng_cli.legal.calendar import reset_default_calendar

    monkeypatch.setenv("KAMENG_OCR", "0")
    monkeypatch.delenv("KAMENG_TODAY", raising=False)
    reset_default_calendar()
    yield
    # `calendar --update` writes into this test's XDG folder; later tests must not see it.
    reset_default_calendar()
