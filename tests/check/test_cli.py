"""`kameng check`, `kameng rules`, `kameng explain` through the CLI runner: output, JSON, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run, run_json


@pytest.fixture(autouse=True)
def _no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAMENG_OCR", "0")


def jpeg(path: Path, taken: str | None = "2024:05:01 10:30:00", software: str | None = "iOS 17.4") -> Path:
    from PIL import Image

    exif = Image.Exif()
    if software:
        exif[0x0131] = software
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken
    Image.new("RGB", (90, 160), "gray").save(path, exif=exif)
    return path


def add(case_dir: Path, *args: str) -> None:
    result = run("-C", str(case_dir), *args)
    assert result.exit_code == 0, result.output


@pytest.fixture
def warnings_only(case_dir: Path, tmp_path: Path) -> Path:
    """Every link has some evidence; contact and the refusal rest only on manual events (warnings)."""
    add(case_dir, "add", str(jpeg(tmp_path / "pay.jpg", "2024:05:01 09:56:00")), "--kind", "payment")
    add(case_dir, "add", str(jpeg(tmp_path / "order.jpg", "2024:05:01 10:30:00")), "--kind", "order")
    add(case_dir, "event", "add", "--at", "2024-05-01 10:30", "--kind", "delivery-failed", "--actor", "system",
        "--exhibit", "E02", "订单详情显示处理中")
    add(case_dir, "event", "add", "--at", "2024-05-01 11:00", "--kind", "contacted", "电话联系客服")
    add(case_dir, "event", "add", "--at", "2024-05-01 11:05", "--kind", "refused", "--actor", "merchant", "客服拒绝退款")
    return case_dir


def test_fresh_case_has_blockers_and_exits_1(case_dir: Path) -> None:
    result = run("-C", str(case_dir), "check", "--today", "2024-06-01")
    assert result.exit_code == 1
    out = result.stdout
    assert "~ 下单 → ✗ 付款 → ✗ 未交付 → ✗ 已联系 → ✗ 未解决" in out
    assert out.index("阻断") < out.index("警告") < out.index("各渠道准备情况")
    assert "[KM101]" in out and "先找谁：商家和平台同时" in out
    assert "12315: ✗" in out and "投诉人信息" in out


def test_json_is_the_documented_schema(case_dir: Path) -> None:
    document = run_json("-C", str(case_dir), "check", "--today", "2024-06-01")
    assert list(document) == ["schema", "problem_type", "chain", "findings", "first_target", "ready"]
    assert document["schema"] == "kameng.check/1" and document["problem_type"] == "not-delivered"
    assert [link["status"] for link in document["chain"]] == ["weak", "missing", "missing", "missing", "missing"]
    assert document["findings"][0] == {
        "rule": "KM101", "severity": "blocker", "link": "paid",
        "message": "缺少“付款”的证据。", "why": document["chain"][1]["why"], "fix": document["chain"][1]["fix"],
        "exhibits": [],
    }
    assert document["first_target"]["target"] == "both"
    assert document["ready"]["platform"] == {"ready": False, "missing": ["“付款”的证据", "“未交付”的证据"]}
    assert document["ready"]["court"]["claim"]["total"] == "100.00"


def test_warnings_pass_unless_strict(warnings_only: Path) -> None:
    plain = run("-C", str(warnings_only), "check", "--today", "2024-06-01")
    assert plain.exit_code == 0, plain.output
    assert "✓ 下单 → ~ 付款 → ✓ 未交付 → ~ 已联系 → ~ 未解决" in plain.stdout  # nothing was read from pay.jpg
    strict = run("-C", str(warnings_only), "check", "--today", "2024-06-01", "--strict")
    assert strict.exit_code == 1
    assert "--strict" in strict.stdout


def test_english_report(case_dir: Path) -> None:
    result = run("-C", str(case_dir), "--lang", "en", "check", "--today", "2024-06-01")
    assert result.exit_code == 1
    assert "~ ordered → ✗ paid → ✗ not delivered → ✗ contacted → ✗ unresolved" in result.stdout
    assert "Complain first to: the merchant and the platform together" in result.stdout


def test_bad_today_is_a_usage_error(case_dir: Path) -> None:
    result = run("-C", str(case_dir), "check", "--today", "next tuesday")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_check_outside_a_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 2 and "kameng init" in result.output


def test_rules_lists_the_catalog() -> None:
    result = run("rules")
    assert result.exit_code == 0
    for rule_id in ("KM101", "KM201", "KM205", "KM301", "KM304"):
        assert rule_id in result.stdout
    document = run_json("rules")
    assert document["schema"] == "kameng.rules/1"
    assert all(r["rationale"]["zh"] and r["rationale"]["en"] and r["fix"]["zh"] and r["fix"]["en"]
               for r in document["rules"])


def test_explain_prints_rationale_and_fix() -> None:
    result = run("explain", "km301")
    assert result.exit_code == 0
    assert "KM301" in result.stdout and "[TSJB-16]" in result.stdout and "怎么做" in result.stdout
    english = run("--lang", "en", "explain", "KM205")
    assert "What to do" in english.stdout and "image editor" in english.stdout
    assert json.loads(run("explain", "KM101", "--json").stdout)["id"] == "KM101"


def test_explain_unknown_rule() -> None:
    result = run("explain", "KM999")
    assert result.exit_code == 2
    assert "KM999" in result.output and "KM101" in result.output


def test_check_store_is_run_check_over_the_case_folder(warnings_only: Path) -> None:
    from datetime import date

    from kameng_cli.case.store import CaseStore
    from kameng_cli.checks import check_store, run_check

    store = CaseStore(warnings_only)
    report = check_store(store, today=date(2024, 6, 1))
    direct = run_check(store.case, store.exhibits(), store.events(), store.notes(), store.warnings(), date(2024, 6, 1))
    assert report.to_json() == direct.to_json()
    assert report.link("not-delivered").events == ["M0001"]  # type: ignore[union-attr]


def test_a_changed_or_lost_copy_blocks_check_and_drafts_until_restored(warnings_only: Path, tmp_path: Path) -> None:
    import os

    case_dir = warnings_only
    assert run("-C", str(case_dir), "check", "--today", "2024-06-01").exit_code == 0
    copy = case_dir / "evidence" / "E01_pay.jpg"
    os.chmod(copy, 0o644)
    copy.write_bytes(copy.read_bytes() + b"edited")
    (case_dir / "evidence" / "E02_order.jpg").unlink()
    doc = run_json("-C", str(case_dir), "check", "--today", "2024-06-01")
    changed = [f for f in doc["findings"] if f["rule"] == "KM211"]
    assert [(f["severity"], f["exhibits"]) for f in changed] == [("blocker", ["E01"]), ("blocker", ["E02"])]
    assert "已被改动" in changed[0]["message"] and "不见了" in changed[1]["message"]
    draft = run("-C", str(case_dir), "draft", "--to", "platform", "-o", "-")
    assert draft.exit_code == 1 and "KM211" in draft.stderr and draft.stdout == ""
    add(case_dir, "add", str(tmp_path / "pay.jpg"), str(tmp_path / "order.jpg"))  # the originals restore them
    assert run("-C", str(case_dir), "check", "--today", "2024-06-01").exit_code == 0
