"""The example case in examples/ runs end to end."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import run, run_json

EXAMPLES = Path(__file__).parents[2] / "examples"


def _copy_example(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    root.mkdir()
    shutil.copy(EXAMPLES / name / "case.toml", root / "case.toml")
    return root


def test_undelivered_card_example(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KAMENG_OCR", "0")  # the same result with or without the optional extra
    root = _copy_example(tmp_path, "undelivered-card")
    assert run("-C", root, "show").exit_code == 0
    result = run("-C", root, "add", EXAMPLES / "undelivered-card" / "materials")
    assert result.exit_code == 0, result.output
    assert "匹配到 1 笔：2024-05-01 09:55 向 星辰卡盟 支付 ¥100.00，依据：商家订单号一致" in result.stdout
    exhibits = {e["name"]: e for e in run_json("-C", root, "list")["exhibits"]}
    assert set(exhibits) == {"支付成功.png", "订单处理中.png", "平台客服工单.txt", "QQ聊天记录-云游数码.txt",
                             "支付宝交易明细(20240425-20240505).csv"}
    assert exhibits["支付成功.png"]["captured_at"] == "2024-05-01T09:55:40+08:00"
    assert exhibits["订单处理中.png"]["captured_at_source"] == "exif"
    assert exhibits["QQ聊天记录-云游数码.txt"]["kind"] == "chat"
    assert exhibits["支付宝交易明细(20240425-20240505).csv"]["kind"] == "payment"
    assert run("-C", root, "verify").exit_code == 0
    events = run_json("-C", root, "timeline")["events"]
    assert all(e["time"] is None or e["time"].startswith("2024-05") for e in events)
    kinds = {e["kind"] for e in events}
    assert {"paid", "message", "promise", "promise-broken", "deflection"} <= kinds
    [paid] = [e for e in events if e["kind"] == "paid"]
    assert paid["amount"] == "100.00" and paid["order_no"] == "XC20240501095512"
    report = run_json("-C", root, "check")
    assert [link["status"] for link in report["chain"]] == ["proven"] * 5
    assert not [f for f in report["findings"] if f["severity"] in ("blocker", "warning")]
    result = run("-C", root, "draft", "--to", "platform", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "订单XC20240501095512，购买云游一卡通100元未到账，要求全额退款¥100.00"


def test_readme_example_script_runs(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "TMPDIR": str(tmp_path)}
    proc = subprocess.run(["sh", str(EXAMPLES / "run.sh")], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "E05" in proc.stdout and "全部" in proc.stdout and "平台投诉书" in proc.stdout


def test_stored_notes_follow_the_readers_language(tmp_path: Path, monkeypatch) -> None:
    """A note stored while adding in Chinese is shown in English to an English reader."""
    monkeypatch.setenv("KAMENG_OCR", "0")
    root = _copy_example(tmp_path, "undelivered-card")
    assert run("-C", root, "add", EXAMPLES / "undelivered-card" / "materials").exit_code == 0
    zh = [f["message"] for f in run_json("-C", root, "check")["findings"] if f["rule"] == "KM207"]
    en = [f["message"] for f in run_json("--lang", "en", "-C", root, "check")["findings"] if f["rule"] == "KM207"]
    assert zh and en and len(zh) == len(en)
    assert any("聊天记录" in text for text in zh)
    assert not any("聊天记录" in text for text in en)
