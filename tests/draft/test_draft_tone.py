"""Tone lint: warnings with a factual wording, the text itself never changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from draft_cases import BUILDERS, LETTER_DATES, no_blockers

from conftest import run
from kameng_cli.draft.tone import lint


def test_insults_and_threats_get_a_factual_suggestion() -> None:
    warnings = lint("你们就是骗子，垃圾平台，再不退款我就曝光你！", "case.statement")
    assert [(w.phrase, w.category) for w in warnings] == [("骗子", "insult"), ("垃圾", "insult"), ("曝光你", "threat")]
    assert all(w.suggestion and w.where == "case.statement" for w in warnings)
    assert "投诉" in warnings[2].suggestion


def test_factual_text_passes() -> None:
    assert lint("2024年5月1日付款100元，至今未到账，客服承诺24小时内到账但未兑现。", "case.statement") == []


def test_draft_warns_but_keeps_the_users_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_blockers(monkeypatch)
    root = BUILDERS["card-invalid"](tmp_path, monkeypatch)
    result = run("-C", root, "draft", "--to", "merchant", "-o", "-", "--date", LETTER_DATES["card-invalid"])
    assert result.exit_code == 0
    assert "这就是个骗子黑店" in result.stdout  # not silently changed
    assert "“骗子”属于侮辱性用语" in result.stderr and "“黑店”属于侮辱性用语" in result.stderr
    assert "kameng 未改动原文" in result.stderr
