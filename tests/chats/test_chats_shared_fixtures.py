"""The shared chat fixtures (../shared/formats/fixtures/chat) against their manifest: detected by
exactly one source, message counts, first/last times and who is me. Skipped when ../shared is absent."""

from __future__ import annotations

import json

import pytest
from chat_helpers import case_with, parse_file

from conftest import SHARED

FIXTURES = SHARED / "formats" / "fixtures" / "chat"
MANIFEST = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8")) if (FIXTURES / "manifest.json").is_file() else []
SOURCES = {
    "qq_msgmgr_friend_gap.txt": "qq-txt", "qq_msgmgr_group_en_locale.txt": "qq-txt", "qq_msgmgr_friend.mht": "qq-mht",
    "qce_v5_private.txt": "qce-txt", "memotrace_v1_private.txt": "memotrace-v1-txt",
    "memotrace_v1_private_utf8.csv": "memotrace-v1-csv", "memotrace_v1_private_trimmed.html": "memotrace-v1-html",
    "memotrace_v2_private.txt": "memotrace-v2-txt", "memotrace_v2_private.csv": "memotrace-v2-csv",
    "chatlog_api_text.txt": "chatlog-text", "chatlog_api.csv": "chatlog-csv", "wxid_kamengpifa88_0_13.csv": "pywxdump-csv",
    "weflow_private.txt": "weflow-txt", "wechatexporter_ios.txt": "wechatexporter-txt",
    "wechat_windows_copy.txt": "wechat-windows-copy", "wechat_mac_copy.txt": "wechat-mac-copy",
    "qianniu_style_copy.txt": "qianniu-copy", "webchat_bracket_copy.txt": "ticket-bracket",
    "ticket_transcript.txt": "ticket-transcript",
}
pytestmark = pytest.mark.skipif(not MANIFEST, reason="../shared fixtures not present")


@pytest.mark.parametrize("entry", MANIFEST, ids=[m["file"] for m in MANIFEST])
def test_shared_fixture_matches_manifest(entry: dict) -> None:
    me = entry["self"].split(" (")[0]
    source, result = parse_file(FIXTURES / entry["file"], case_with([me], paid_at=entry["first"]))
    assert source == SOURCES[entry["file"]]
    messages = [e for e in result.events if e.kind == "message"]
    assert len(messages) == entry["messages"]
    times = [e.time for e in messages if e.time is not None]
    if entry["first"] is None:
        assert times == [] and all("unknown" in e.time_flags for e in messages)
    else:
        fmt = "%Y-%m-%d %H:%M:%S" if len(entry["first"]) == 19 else "%Y-%m-%d %H:%M"
        assert times[0].strftime(fmt) == entry["first"]
        assert times[-1].strftime(fmt) == entry["last"]
    mine = {e.data["sender"] for e in messages if e.actor == "me"}
    assert mine == {me}
    if "other" in entry:
        assert entry["other"] in {e.data["sender"] for e in messages if e.actor == "counterparty"}


def test_memotrace_v1_txt_lacks_the_call_the_csv_keeps() -> None:
    if not MANIFEST:
        pytest.skip("no shared fixtures")
    _, txt = parse_file(FIXTURES / "memotrace_v1_private.txt", case_with(["林间一只猫"]))
    _, csv = parse_file(FIXTURES / "memotrace_v1_private_utf8.csv", case_with(["林间一只猫"]))
    assert any(n.code == "chat-exporter-loss" and "call" in n.data["lost"] for n in txt.notes)
    assert any(e.data.get("media") == "call" for e in csv.events if e.kind == "message")
    assert any(e.kind == "admission" and "被使用" in e.data["phrase"] for e in csv.events)


def test_gap_fixture_reports_the_three_day_silence() -> None:
    if not MANIFEST:
        pytest.skip("no shared fixtures")
    _, result = parse_file(FIXTURES / "qq_msgmgr_friend_gap.txt", case_with(["小鹿不吃草"]))
    gaps = [n for n in result.notes if n.code == "chat-gap"]
    assert [(g.data["start"], g.data["end"]) for g in gaps] == [("2024-05-02T11:41:59+08:00", "2024-05-05T14:03:37+08:00")]


def test_chatlog_text_takes_the_year_from_the_order() -> None:
    if not MANIFEST:
        pytest.skip("no shared fixtures")
    _, result = parse_file(FIXTURES / "chatlog_api_text.txt", case_with([], paid_at="2024-08-03 19:01:00"))
    messages = [e for e in result.events if e.kind == "message"]
    assert messages[0].time.isoformat() == "2024-08-03T19:02:40+08:00"
    assert all("no-year" in e.time_flags for e in messages)
    assert any(n.code == "chat-year-assumed" and n.data["year"] == 2024 for n in result.notes)
    assert any("2024" in line for line in result.messages)
