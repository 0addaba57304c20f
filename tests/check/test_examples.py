"""The example cases in examples/<name>/ (those with a commands.txt): each is copied to a scratch
folder, its materials are added with the commands a user would type, and `kameng check` must give the
chain in its expected.toml. The deliberately incomplete case's whole output is a golden file
(examples/incomplete-evidence/expected/); regenerate on purpose with KAMENG_REGEN=1."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from conftest import run
from kameng_cli.parsing.times import CST

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CASES = sorted(p for p in EXAMPLES.iterdir() if (p / "commands.txt").is_file()) if EXAMPLES.is_dir() else []
TODAY = "2025-01-15"
GOLDEN = "incomplete-evidence"
# Files copied out of git carry the checkout's time; a user's screenshot without EXIF would carry the
# time it was saved. Pin it so the golden output does not depend on when the tests run.
SAVED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=CST).timestamp()


@pytest.fixture(autouse=True)
def _no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    # The expected results are those of a plain install; OCR would add evidence read from pixels.
    monkeypatch.setenv("KAMENG_OCR", "0")


def commands(example: Path) -> list[list[str]]:
    lines = (example / "commands.txt").read_text(encoding="utf-8").splitlines()
    return [shlex.split(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def build(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "example"
    shutil.copytree(example, work)
    for material in (work / "materials").iterdir():
        os.utime(material, (SAVED_AT, SAVED_AT))
    case = tmp_path / "case"
    for folder in ("evidence", "drafts", ".kameng"):
        (case / folder).mkdir(parents=True)
    shutil.copy(work / "case.toml", case / "case.toml")
    monkeypatch.chdir(work)
    for args in commands(work):
        result = run("-C", str(case), *args)
        assert result.exit_code == 0, f"{example.name}: kameng {shlex.join(args)}\n{result.output}"
    return case


def test_there_is_an_example_per_chain_and_a_golden_one() -> None:
    problems = set()
    for example in CASES:
        problems.add(tomllib.loads((example / "case.toml").read_text(encoding="utf-8"))["problem"])
    assert {"card-invalid", "not-as-described", "delayed", "merchant-vanished", "after-sales-refused",
            "account-stolen", "privacy-leak"} <= problems
    assert (EXAMPLES / GOLDEN / "commands.txt").is_file()


@pytest.mark.parametrize("example", CASES, ids=[p.name for p in CASES])
def test_example_chain_is_as_expected(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = build(example, tmp_path, monkeypatch)
    expected = tomllib.loads((example / "expected.toml").read_text(encoding="utf-8"))["chain"]
    result = run("-C", str(case), "check", "--today", TODAY, "--json")
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "kameng.check/1"
    assert {link["link"]: link["status"] for link in report["chain"]} == expected
    blockers = [f["rule"] for f in report["findings"] if f["severity"] == "blocker"]
    assert result.exit_code == (1 if blockers else 0)


def _compare(path: Path, actual: str) -> None:
    if os.environ.get("KAMENG_REGEN") == "1" or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{path} differs; rerun with KAMENG_REGEN=1 if intended"


@pytest.mark.skipif(not (EXAMPLES / GOLDEN).is_dir(), reason="examples/ not present")
def test_incomplete_case_output_is_the_golden_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = build(EXAMPLES / GOLDEN, tmp_path, monkeypatch)
    expected = EXAMPLES / GOLDEN / "expected"
    text = run("-C", str(case), "check", "--today", TODAY)
    assert text.exit_code == 1  # it has blockers
    _compare(expected / "check.txt", text.stdout)
    as_json = run("-C", str(case), "check", "--today", TODAY, "--json")
    assert as_json.exit_code == 1
    _compare(expected / "check.json", as_json.stdout)
    english = run("-C", str(case), "--lang", "en", "check", "--today", TODAY)
    _compare(expected / "check.en.txt", english.stdout)
