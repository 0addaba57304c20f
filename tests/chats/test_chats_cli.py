"""Chats through the CLI: `kameng add` of a file and of pasted text (`kameng add -`), the derived
timeline events, and refusal of an unusable export with exit status 2-style messages."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA, run, run_json

CHATS = DATA / "chats"


def test_pasted_chat_is_recognised(case_dir: Path) -> None:
    text = (CHATS / "pasted_mac_me.txt").read_text(encoding="utf-8")
    doc = run_json("-C", case_dir, "add", "-", input=text.encode("utf-8"))
    outcome = doc["files"][0]
    assert outcome["status"] == "ok" and outcome["kind"] == "chat"
    events = run_json("-C", case_dir, "timeline")["events"]
    kinds = [e["kind"] for e in events]
    assert kinds.count("message") == 3
    promise = next(e for e in events if e["kind"] == "promise")
    assert promise["data"]["due"] == "2025-03-07T00:00:00+08:00" and promise["exhibit"] == "E01"
    broken = next(e for e in events if e["kind"] == "promise-broken")
    assert broken["data"]["promise"] == promise["id"]


def test_qq_export_with_silence_and_demands(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", CHATS / "memotrace_v2_forward.txt")
    assert result.exit_code == 0, result.output
    events = run_json("-C", case_dir, "timeline")["events"]
    silences = [e for e in events if e["kind"] == "silence"]
    assert [s["data"]["reason"] for s in silences] == ["unanswered-days"]
    demands = [e for e in events if e["kind"] == "demand"]
    assert {d["data"]["claim"] for d in demands} == {"refund", None}
    assert any(d["data"]["channel"] == "platform" for d in demands)


def test_ai_txt_is_refused(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", CHATS / "memotrace_v2_ai_chat.txt")
    assert result.exit_code == 2
    assert "不能作为证据" in result.output
    assert run_json("-C", case_dir, "list")["exhibits"] == []


def test_rebuild_gives_the_same_chat_events(case_dir: Path) -> None:
    run("-C", case_dir, "add", CHATS / "qq_friend_gbk.txt")
    before = [(e["kind"], e["time"], e["data"].get("text")) for e in run_json("-C", case_dir, "timeline")["events"]]
    assert run("-C", case_dir, "rebuild").exit_code == 0
    after = [(e["kind"], e["time"], e["data"].get("text")) for e in run_json("-C", case_dir, "timeline")["events"]]
    assert before == after


def test_rebuild_keeps_the_role_chosen_on_the_terminal(case_dir: Path, monkeypatch) -> None:
    # The guess would take 小葵 (the other name looks like a shop); the user chose otherwise.
    monkeypatch.setenv("KAMENG_INTERACTIVE", "1")
    result = run("-C", case_dir, "add", CHATS / "qq_pasted_part.txt", input="2\n")
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("KAMENG_INTERACTIVE", "0")

    def my_senders() -> set[str]:
        events = run_json("-C", case_dir, "timeline", "--kind", "message")["events"]
        return {e["data"]["sender"] for e in events if e["actor"] == "me"}

    assert my_senders() == {"葵花卡盟客服"}
    assert run("-C", case_dir, "rebuild").exit_code == 0
    assert my_senders() == {"葵花卡盟客服"}
