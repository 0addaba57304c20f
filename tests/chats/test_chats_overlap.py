"""One conversation added twice — a full export with seconds and a pasted copy with minutes — is
counted and quoted once: one broken promise, one silence, draft facts citing both exhibits, one
check finding per recall."""

from __future__ import annotations

from pathlib import Path

from conftest import run, run_json

SEP = "=" * 64
EXPORT = "\n".join([
    "消息记录（此消息记录为文本格式，不支持重新导入）", "", SEP, "消息分组:我的好友", SEP, "消息对象:云游数码专营店", SEP, "",
    "2024-05-01 10:00:05 小明", "100元点卡付了，没发卡密，订单XC20240501095512", "",
    "2024-05-01 10:01:30 云游数码专营店", "系统延迟，5分钟内给您补发", "",
    "2024-05-01 10:02:10 系统消息", "云游数码专营店撤回了一条消息", "",
    "2024-05-01 10:20:00 小明", "还没到，给我退款", "",
    "2024-05-02 11:00:00 小明", "人呢？不处理我就去12315投诉", "", "",
])
PASTED = "\n".join([
    "[2024-05-01 10:01] 云游数码专营店：系统延迟，5分钟内给您补发",
    "[2024-05-01 10:02] 系统消息：云游数码专营店撤回了一条消息",
    "[2024-05-01 10:20] 小明：还没到，给我退款",
    "[2024-05-02 11:00] 小明：人呢？不处理我就去12315投诉",
])


def _case_with_both(case_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "全部消息记录.txt").write_bytes(("\ufeff" + EXPORT).replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "复制的聊天.txt").write_text(PASTED, encoding="utf-8")
    for name in ("全部消息记录.txt", "复制的聊天.txt"):
        assert run("-C", case_dir, "add", tmp_path / name).exit_code == 0


def test_a_conversation_added_twice_breaks_each_promise_once_and_waits_once(case_dir: Path, tmp_path: Path) -> None:
    _case_with_both(case_dir, tmp_path)
    events = run_json("-C", case_dir, "timeline")["events"]
    promises = [e for e in events if e["kind"] == "promise"]
    assert {e["exhibit"] for e in promises} == {"E01", "E02"}  # each exhibit keeps its own reading
    broken = [e for e in events if e["kind"] == "promise-broken"]
    assert len(broken) == 1 and broken[0]["exhibit"] == "E01"
    silences = [e for e in events if e["kind"] == "silence"]
    assert len(silences) == 1 and silences[0]["data"]["reason"] == "unanswered-days"


def test_draft_quotes_each_message_once_citing_both(case_dir: Path, tmp_path: Path) -> None:
    _case_with_both(case_dir, tmp_path)
    out = tmp_path / "letter.md"
    assert run("-C", case_dir, "draft", "--to", "platform", "--force", "-o", out).exit_code in (0, 1)
    text = out.read_text(encoding="utf-8")
    assert text.count("5分钟内给您补发") == 1
    line = next(line for line in text.splitlines() if "5分钟内给您补发" in line)
    assert "证据1、证据2" in line


def test_check_reports_a_recall_in_both_copies_once(case_dir: Path, tmp_path: Path) -> None:
    _case_with_both(case_dir, tmp_path)
    findings = [f for f in run_json("-C", case_dir, "check")["findings"] if f["rule"] == "KM207"]
    recalls = [f for f in findings if "撤回" in f["message"]]
    assert len(recalls) == 1 and recalls[0]["exhibits"] == ["E01", "E02"]
