"""Shared test helpers: a CLI runner in a forced non-terminal, Chinese, no-colour environment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kameng_cli.cli.app import app

TESTS = Path(__file__).parent
DATA = TESTS / "data"
SHARED = TESTS.parent.parent / "shared"


@pytest.fixture(autouse=True)
def _quiet_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KAMENG_LANG", "zh")
    monkeypatch.setenv("KAMENG_INTERACTIVE", "0")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "240")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KAMENG_CASE", raising=False)
    monkeypatch.delenv("KAMENG_CALENDAR", raising=False)
    from kameng_cli.i18n import set_lang
    from kameng_cli.legal.calendar import use_case

    set_lang(None)  # a `--lang en` run must not leak into the next in-process run
    use_case(None)  # nor the case whose holiday schedules the last command used


def run(*args: str, input: str | bytes | None = None):
    """Invoke `kameng ARGS` in-process and return the click Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def run_json(*args: str, input: str | bytes | None = None) -> dict:
    result = run(*args, "--json", input=input)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


NOT_DELIVERED = [
    "--problem", "not-delivered", "--platform", "星辰卡盟", "--merchant", "云游数码专营店",
    "--order-no", "XC20240501095512", "--goods", "云游一卡通100元", "--face-value", "100",
    "--price", "100", "--paid-at", "2024-05-01 09:55:12", "--payment-channel", "支付宝",
    "--my-name", "小明", "--claim", "refund",
]


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """A fresh not-delivered case with the example facts."""
    root = tmp_path / "case"
    result = run("init", str(root), *NOT_DELIVERED)
    assert result.exit_code == 0, result.output
    return root
