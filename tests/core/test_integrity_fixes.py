"""A damaged manifest, timeline or manual-events file: writes refused, edits found, rebuild mends
what it can (black-box scripting round)."""

import json
from pathlib import Path

from helpers import make_png

from conftest import run


def _setup(case_dir: Path, tmp_path: Path) -> None:
    for name, color in (("a.png", "red"), ("b.png", "blue")):
        make_png(tmp_path / name, color=color)
    assert run("-C", case_dir, "add", tmp_path / "a.png", tmp_path / "b.png").exit_code == 0


def test_add_refuses_a_case_whose_last_manifest_line_was_cut(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    manifest = case_dir / ".kameng" / "manifest.jsonl"
    manifest.write_bytes(manifest.read_bytes()[:-120])
    make_png(tmp_path / "c.png", color="green")
    result = run("-C", case_dir, "add", tmp_path / "c.png")
    assert result.exit_code == 2, result.output
    assert "manifest.jsonl" in result.output and "第 2 行" in result.output and "kameng verify" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (case_dir / "evidence").iterdir()) == ["E01_a.png", "E02_b.png"]  # no second E02


def test_add_refuses_a_manifest_with_a_line_appended_by_hand(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    manifest = case_dir / ".kameng" / "manifest.jsonl"
    with open(manifest, "a", encoding="utf-8") as fh:
        fh.write("not json\n")
    make_png(tmp_path / "c.png", color="green")
    result = run("-C", case_dir, "add", tmp_path / "c.png")
    assert result.exit_code == 2 and "第 3 行" in result.output
    assert len(manifest.read_text(encoding="utf-8").splitlines()) == 3


def test_verify_finds_a_timeline_edited_by_hand_and_rebuild_mends_it(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    events = case_dir / ".kameng" / "events.jsonl"
    rows = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    rows[0]["summary"] = "支付¥900.00"
    events.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = run("-C", case_dir, "verify")
    assert result.exit_code == 1 and "时间线被改动" in result.stdout and "kameng rebuild" in result.stdout
    doc = json.loads(run("-C", case_dir, "verify", "--json").stdout)
    assert {"file": ".kameng/events.jsonl", "status": "timeline-modified"}.items() <= next(
        f for f in doc["files"] if f["file"] == ".kameng/events.jsonl").items()
    assert run("-C", case_dir, "rebuild").exit_code == 0
    after = run("-C", case_dir, "verify")
    assert after.exit_code == 0 and "全部 2 份证据完好" in after.stdout


def test_verify_finds_a_deleted_timeline(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    (case_dir / ".kameng" / "events.jsonl").unlink()
    doc = json.loads(run("-C", case_dir, "verify", "--json").stdout)
    assert doc["ok"] is False
    assert {f["file"]: f["status"] for f in doc["files"]}[".kameng/events.jsonl"] == "timeline-missing"


def test_a_damaged_timeline_names_its_line_and_rebuild_writes_it_anew(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    events = case_dir / ".kameng" / "events.jsonl"
    text = events.read_bytes()
    events.write_bytes(text + b'{"id": "E01-9", "kind"\n')  # a line cut short
    lines = len(text.decode("utf-8").splitlines()) + 1
    result = run("-C", case_dir, "timeline")
    assert result.exit_code == 2, result.output
    assert "events.jsonl" in result.output and f"第 {lines} 行" in result.output and "kameng rebuild" in result.output
    assert "内部错误" not in result.output
    assert run("-C", case_dir, "rebuild").exit_code == 0
    assert run("-C", case_dir, "timeline").exit_code == 0


def test_a_timeline_cut_inside_a_character_is_damage_too(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    events = case_dir / ".kameng" / "events.jsonl"
    events.write_bytes(events.read_bytes() + "{\"summary\": \"截".encode()[:-1])
    result = run("-C", case_dir, "timeline")
    assert result.exit_code == 2 and "events.jsonl" in result.output


def test_damaged_manual_events_are_named_and_not_rebuilt_away(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    assert run("-C", case_dir, "event", "add", "--at", "2024-05-01 10:00", "--kind", "contacted", "电话联系客服").exit_code == 0
    manual = case_dir / ".kameng" / "manual.jsonl"
    manual.write_text(manual.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    result = run("-C", case_dir, "timeline")
    assert result.exit_code == 2 and "manual.jsonl" in result.output and "第 2 行" in result.output
    assert "kameng event add" in result.output


def test_ctrl_c_while_starting_exits_130_without_a_traceback(monkeypatch, capsys) -> None:
    """Ctrl-C during the imports, before kameng's own handler is installed."""
    import pytest

    import kameng_cli.cli.app as app
    from kameng_cli.__main__ import main

    def interrupted() -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(app, "run", interrupted)
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 130
    assert "Traceback" not in capsys.readouterr().err


def test_init_takes_the_chinese_name_of_a_problem_type(tmp_path: Path) -> None:
    root = tmp_path / "case"
    result = run("init", root, "--yes", "--problem", "未到账", "--platform", "星辰卡盟", "--order-no", "X1", "--price", "10",
                 "--paid-at", "2024-05-01 10:00", "--goods", "点卡", "--claim", "退款")
    assert result.exit_code == 0, result.output
    assert 'problem = "not-delivered"' in (root / "case.toml").read_text(encoding="utf-8")


def test_system_errors_are_said_in_the_readers_language() -> None:
    import errno

    from kameng_cli.i18n import os_error, set_lang

    denied = PermissionError(errno.EACCES, "Permission denied")
    set_lang("zh")
    try:
        assert os_error(denied) == "没有权限"
        assert os_error(OSError(errno.ENOSPC, "No space left on device")) == "磁盘空间不足"
        set_lang("en")
        assert os_error(denied) == "permission denied"
        assert os_error(OSError(errno.EIO, "Input/output error")) == "Input/output error"  # kept as the system says it
    finally:
        set_lang("zh")


def test_a_case_file_of_an_unknown_schema_is_refused(case_dir: Path) -> None:
    toml = case_dir / "case.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'schema = "kameng.case/1"' in text
    toml.write_text(text.replace('schema = "kameng.case/1"', 'schema = "kameng.case/9"'), encoding="utf-8")
    result = run("-C", case_dir, "show")
    assert result.exit_code == 2 and "kameng.case/9" in result.output and "schema" in result.output


def test_check_warns_and_draft_refuses_on_a_timeline_edited_by_hand(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    events = case_dir / ".kameng" / "events.jsonl"
    events.write_text(events.read_text(encoding="utf-8").replace("E01", "E01", 1) + "\n", encoding="utf-8")
    checked = run("-C", case_dir, "check")
    assert "被手动改动过" in checked.stderr and "kameng rebuild" in checked.stderr
    drafted = run("-C", case_dir, "draft", "--to", "platform", "--force", "-o", "-")
    assert drafted.exit_code == 2 and "kameng rebuild" in drafted.output and not drafted.stdout.startswith("订单")
    assert run("-C", case_dir, "rebuild").exit_code == 0
    assert "被手动改动过" not in run("-C", case_dir, "check").stderr


def test_rebuild_refuses_a_case_whose_manifest_was_cut(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    manifest = case_dir / ".kameng" / "manifest.jsonl"
    manifest.write_bytes(manifest.read_bytes()[:-120])
    before = (case_dir / ".kameng" / "events.jsonl").read_bytes()
    result = run("-C", case_dir, "rebuild")
    assert result.exit_code == 2 and "manifest.jsonl" in result.output
    assert (case_dir / ".kameng" / "events.jsonl").read_bytes() == before  # E02's events are not dropped


def test_verify_reports_a_copy_replaced_by_a_link(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    copy = case_dir / "evidence" / "E01_a.png"
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(copy.read_bytes())  # the same content, but not kameng's copy any more
    copy.chmod(0o644)
    copy.unlink()
    copy.symlink_to(outside)
    doc = json.loads(run("-C", case_dir, "verify", "--json").stdout)
    assert doc["ok"] is False and {f["file"]: f["status"] for f in doc["files"]}["E01_a.png"] == "linked"
    assert "被替换为链接" in run("-C", case_dir, "verify").stdout
