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


def test_undelivered_card_example(tmp_path: Path) -> None:
    root = _copy_example(tmp_path, "undelivered-card")
    assert run("-C", root, "show").exit_code == 0
    result = run("-C", root, "add", EXAMPLES / "undelivered-card" / "materials")
    assert result.exit_code == 0, result.output
    exhibits = {e["name"]: e for e in run_json("-C", root, "list")["exhibits"]}
    assert {"支付成功.png", "订单处理中.png", "客服聊天.txt"} <= set(exhibits)
    assert exhibits["支付成功.png"]["captured_at"] == "2024-05-01T09:55:40+08:00"
    assert exhibits["订单处理中.png"]["captured_at_source"] == "exif"
    assert run("-C", root, "verify").exit_code == 0
    events = run_json("-C", root, "timeline")["events"]
    assert events and all(e["time"] is None or e["time"].startswith("2024-05") for e in events)


def test_readme_example_script_runs(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "TMPDIR": str(tmp_path)}
    proc = subprocess.run(["sh", str(EXAMPLES / "run.sh")], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "E03" in proc.stdout and "全部" in proc.stdout
