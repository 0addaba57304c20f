import json
import os
from pathlib import Path

from helpers import make_png

from conftest import run


def _setup(case_dir: Path, tmp_path: Path) -> None:
    for name, color in (("a.png", "red"), ("b.png", "blue"), ("c.png", "green")):
        make_png(tmp_path / name, color=color)
    assert run("-C", case_dir, "add", tmp_path / "a.png", tmp_path / "b.png", tmp_path / "c.png").exit_code == 0


def test_clean_case_verifies(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    result = run("-C", case_dir, "verify")
    assert result.exit_code == 0
    assert "全部 3 份证据完好" in result.stdout


def test_modified_missing_and_unexpected_files_are_reported(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    evidence = case_dir / "evidence"
    os.chmod(evidence / "E01_a.png", 0o644)
    with open(evidence / "E01_a.png", "ab") as fh:
        fh.write(b"x")
    (evidence / "E02_b.png").unlink()
    (evidence / "extra.jpg").write_bytes(b"hand-made")
    result = run("-C", case_dir, "verify")
    assert result.exit_code == 1
    out = result.stdout
    assert "已被修改  E01_a.png" in out and "kameng add 原件" in out
    assert "丢失  E02_b.png" in out and "以原编号恢复" in out
    assert "未登记  extra.jpg" in out and "移出 evidence/" in out
    doc = json.loads(run("-C", case_dir, "verify", "--json").stdout)
    statuses = {f["file"]: f["status"] for f in doc["files"]}
    assert statuses == {"E01_a.png": "modified", "E02_b.png": "missing", "E03_c.png": "ok", "extra.jpg": "unexpected"}
    assert doc["schema"] == "kameng.verify/1" and doc["ok"] is False


def test_manifest_tampering_breaks_the_chain(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    manifest = case_dir / ".kameng" / "manifest.jsonl"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[1])
    entry["exhibit"]["sha256"] = "0" * 64  # someone "fixes" the recorded hash of an edited file
    lines[1] = json.dumps(entry, ensure_ascii=False)
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("-C", case_dir, "verify", "--json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert {"line": 2, "problem": "bad-hash"} in doc["chain"]


def test_deleted_manifest_line_breaks_the_chain(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    manifest = case_dir / ".kameng" / "manifest.jsonl"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text("\n".join([lines[0], lines[2]]) + "\n", encoding="utf-8")
    doc = json.loads(run("-C", case_dir, "verify", "--json").stdout)
    problems = {p["problem"] for p in doc["chain"]}
    assert {"bad-link", "bad-seq"} <= problems
    result = run("-C", case_dir, "verify")
    assert "清单链断裂" in result.stdout and "被删除" in result.stdout


def test_verify_in_english(case_dir: Path, tmp_path: Path) -> None:
    _setup(case_dir, tmp_path)
    (case_dir / "evidence" / "E03_c.png").chmod(0o644)
    (case_dir / "evidence" / "E03_c.png").write_bytes(b"changed")
    result = run("--lang", "en", "-C", case_dir, "verify")
    assert result.exit_code == 1
    assert "MODIFIED  E03_c.png" in result.stdout


def test_adding_the_original_again_restores_a_changed_or_lost_copy(case_dir: Path, tmp_path: Path) -> None:
    """verify's advice works: `kameng add ORIGINAL` puts the copy back under the same number."""
    _setup(case_dir, tmp_path)
    evidence = case_dir / "evidence"
    os.chmod(evidence / "E01_a.png", 0o644)
    with open(evidence / "E01_a.png", "ab") as fh:
        fh.write(b"x")
    (evidence / "E02_b.png").unlink()
    events_before = (case_dir / ".kameng" / "events.jsonl").read_text(encoding="utf-8")
    assert run("-C", case_dir, "verify").exit_code == 1
    result = run("-C", case_dir, "add", tmp_path / "a.png", tmp_path / "b.png", tmp_path / "c.png", "--json")
    assert result.exit_code == 0, result.output
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(result.stdout)["files"]}
    assert [files[n]["status"] for n in ("a.png", "b.png", "c.png")] == ["restored", "restored", "skipped"]
    assert [files[n]["exhibit"] for n in ("a.png", "b.png", "c.png")] == ["E01", "E02", "E03"]
    assert (evidence / "E01_a.png").read_bytes() == (tmp_path / "a.png").read_bytes()
    assert not os.access(evidence / "E02_b.png", os.W_OK) or os.geteuid() == 0
    assert oct((evidence / "E02_b.png").stat().st_mode & 0o777) == oct(0o444)
    result = run("-C", case_dir, "verify", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["ok"] is True  # the manifest chain holds too
    assert (case_dir / ".kameng" / "events.jsonl").read_text(encoding="utf-8") == events_before
    listing = json.loads(run("-C", case_dir, "list", "--json").stdout)["exhibits"]
    assert [e["id"] for e in listing] == ["E01", "E02", "E03"]  # no new exhibit
    # An intact copy is still a plain duplicate.
    again = json.loads(run("-C", case_dir, "add", tmp_path / "a.png", "--json").stdout)["files"][0]
    assert again["status"] == "skipped" and again["exhibit"] == "E01"


def test_a_changed_copy_is_never_read_into_the_timeline(case_dir: Path, tmp_path: Path) -> None:
    """Editing a stored chat copy (10分钟 → 60分钟) must not put a made-up promise into the timeline or a
    letter: rebuild keeps what the recorded bytes said and exits 1 naming the exhibit; adding the
    original back restores it and the timeline says what it says."""
    chat = tmp_path / "工单.txt"
    chat.write_text("[2024/5/1 10:00] 客服小美：收到，10分钟内到账，请耐心等待\n[2024/5/1 10:30] 小明：还没到\n", encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0
    promise = [e for e in json.loads(run("-C", case_dir, "timeline", "--json").stdout)["events"] if e["kind"] == "promise"]
    assert promise and promise[0]["data"]["due"] == "2024-05-01T10:10:00+08:00"
    copy = next((case_dir / "evidence").iterdir())
    os.chmod(copy, 0o644)
    copy.write_text(copy.read_text(encoding="utf-8").replace("10分钟", "60分钟"), encoding="utf-8")

    result = run("-C", case_dir, "rebuild")
    assert result.exit_code == 1
    assert "E01" in result.stderr and "已被修改" in result.stderr and "kameng add" in result.stderr
    timeline = run("-C", case_dir, "timeline", "--json").stdout
    assert "60分钟" not in timeline and "2024-05-01T10:10:00+08:00" in timeline

    result = run("-C", case_dir, "add", chat, "--json")
    assert json.loads(result.stdout)["files"][0]["status"] == "restored"
    assert run("-C", case_dir, "verify").exit_code == 0
    assert run("-C", case_dir, "rebuild").exit_code == 0
    timeline = run("-C", case_dir, "timeline", "--json").stdout
    assert "60分钟" not in timeline and "2024-05-01T10:10:00+08:00" in timeline
