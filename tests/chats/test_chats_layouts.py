"""Golden-file tests: every chat layout, parsed as `kameng add` would, against `<input>.expected.json`
next to it in tests/data/chats/ (KAMENG_REGEN=1 rewrites them on purpose)."""

from __future__ import annotations

from pathlib import Path

import pytest
from chat_helpers import case_with, check_golden, compact, parse_file

from conftest import DATA
from kameng_cli.ingest.base import SourceError

INPUTS = DATA / "chats"
# file → (expected source, message count, names that are me in case.toml)
LAYOUTS: dict[str, tuple[str, int, list[str]]] = {
    "qq_friend_gbk.txt": ("qq-txt", 7, ["夜航船"]),
    "qq_group_en_utf16.txt": ("qq-txt", 6, ["阿澈(代充)"]),
    "qq_pasted_part.txt": ("qq-txt", 4, []),
    "qq_two_conversations.txt": ("qq-txt", 6, ["柚子"]),
    "qq_friend_ampm.mht": ("qq-mht", 6, []),
    "qq_truncated.mht": ("qq-mht", 2, []),
    "qce_group_mismatch.txt": ("qce-txt", 3, ["小雨点"]),
    "memotrace_v1_crlf.txt": ("memotrace-v1-txt", 7, ["我是买家"]),
    "memotrace_v1_short_rows.csv": ("memotrace-v1-csv", 7, []),
    "memotrace_v1_escapes.html": ("memotrace-v1-html", 7, []),
    "memotrace_v2_forward.txt": ("memotrace-v2-txt", 8, ["春风"]),
    "memotrace_v2_excel_ids.csv": ("memotrace-v2-csv", 5, ["海盐"]),
    "chatlog_oneday.txt": ("chatlog-text", 4, []),
    "chatlog_newyear.txt": ("chatlog-text", 3, []),
    "chatlog_group.csv": ("chatlog-csv", 3, ["wxid_ajiu"]),
    "wxid_shop02_5000_10000.csv": ("pywxdump-csv", 4, []),
    "weflow_group.txt": ("weflow-txt", 4, ["米粒"]),
    "wechatexporter_system.txt": ("wechatexporter-txt", 6, []),
    "wechat_windows_colon.txt": ("wechat-windows-copy", 4, []),
    "wechat_mac_multiline.txt": ("wechat-mac-copy", 4, ["豆豆"]),
    "qianniu_glued.txt": ("qianniu-copy", 6, ["tb_yueliang"]),
    "ticket_gbk.txt": ("ticket-transcript", 3, ["用户"]),
    "ticket_bracket_seconds.txt": ("ticket-bracket", 4, []),
    "pasted_mac_me.txt": ("wechat-mac-copy", 3, []),
    # held-out fixes (test_chats_heldout_fixes.py)
    "qq_mht_first_rows_wrong.mht": ("qq-mht", 8, []),
    "qq_copy_window_gbk.txt": ("qq-copy", 6, ["青禾"]),
    "qq_copy_msgmgr_bom.txt": ("qq-copy", 4, ["青禾"]),
    "qq_copy_mobile.txt": ("qq-copy", 3, ["青禾"]),
    "qq_copy_nt.txt": ("qq-copy", 3, ["青禾"]),
    "weflow_weclone.csv": ("weflow-csv", 4, []),
    "wechat_12425.csv": ("wechat-12425-csv", 4, []),
    "weflow_transfers.txt": ("weflow-txt", 5, []),
    "qianniu_recall_glued.txt": ("qianniu-copy", 4, ["tb_qinghe"]),
    "qianniu_old_layout_gbk.txt": ("qianniu-copy", 4, ["tb_qinghe"]),
    "qce_pasted_log.txt": ("qce-txt", 5, ["青禾"]),
    "ticket_bracket_today.txt": ("ticket-bracket", 4, []),
    "chatlog_forward.txt": ("chatlog-text", 3, []),
    # tester's report (test_chats_tester_fixes.py): amounts with thousands separators, damaged bytes
    "chatlog_thousands.txt": ("chatlog-text", 5, []),
    "weflow_thousands.txt": ("weflow-txt", 5, []),
    "memotrace_v2_thousands.txt": ("memotrace-v2-txt", 5, ["小葵"]),
    "wechatexporter_thousands.txt": ("wechatexporter-txt", 5, []),
    "wxid_pifa9_0_5.csv": ("pywxdump-csv", 4, []),
    "qq_damaged_bytes.txt": ("qq-txt", 4, ["小明"]),
    # tester's second report (test_chats_tester2_fixes.py)
    "qq_mht_rows_broken.mht": ("qq-mht", 5, []),
    "qq_mht_quoted_printable.mht": ("qq-mht", 5, []),
    "qq_mht_base64_gb18030.mht": ("qq-mht", 5, []),
    "qq_body_block_lines.txt": ("qq-txt", 10, ["阿远"]),
    "wechatexporter_headerlike.txt": ("wechatexporter-txt", 7, []),
    "memotrace_v1_media.html": ("memotrace-v1-html", 12, []),
    "memotrace_v1_media_utf8.csv": ("memotrace-v1-csv", 12, []),
}
# Inputs holding bytes that are no text: an editor re-saving them would replace those bytes, so the
# re-save variants of test_chats_robustness.py do not apply.
DAMAGED = {"qq_damaged_bytes.txt"}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_golden(name: str) -> None:
    source, count, me = LAYOUTS[name]
    detected, result = parse_file(INPUTS / name, case_with(me), stdin=name.startswith(("pasted", "qq_pasted")))
    assert detected == source
    messages = [e for e in result.events if e.kind == "message"]
    assert len(messages) == count
    assert [e.data["index"] for e in messages] == list(range(count))
    assert result.kind == "chat"
    check_golden(compact(detected, result), INPUTS / f"{Path(name).stem}.expected.json")


def test_every_input_has_a_layout_entry() -> None:
    inputs = {p.name for p in INPUTS.iterdir() if p.suffix in (".txt", ".csv", ".mht", ".html")}
    assert inputs - set(LAYOUTS) == {"memotrace_v2_ai_chat.txt"}


def test_memotrace_ai_txt_is_refused_with_an_explanation() -> None:
    with pytest.raises(SourceError) as caught:
        parse_file(INPUTS / "memotrace_v2_ai_chat.txt", case_with())
    assert caught.value.key == "chats.memotrace_ai_txt"
    assert "15/18" in caught.value.render()


def test_roles_are_asked_once_on_a_terminal() -> None:
    asked: list[list[str]] = []

    def ask(question: str, choices: list[str]) -> str:
        asked.append(choices)
        return choices[0]

    _, result = parse_file(INPUTS / "qq_pasted_part.txt", case_with([]), ask=ask)
    assert len(asked) == 1 and asked[0][:2] == ["小葵", "葵花卡盟客服"]
    messages = [e for e in result.events if e.kind == "message"]
    assert {e.data["sender"] for e in messages if e.actor == "me"} == {"小葵"}
    assert result.facts["roles_from"] == "asked"


def test_roles_from_case_names_need_no_question() -> None:
    def ask(question: str, choices: list[str]) -> str:  # pragma: no cover - must not be called
        raise AssertionError("asked although case.toml names me")

    _, result = parse_file(INPUTS / "qq_pasted_part.txt", case_with(["小葵"]), ask=ask)
    assert result.facts["roles_from"] == "case"


def test_guessed_roles_say_so() -> None:
    _, result = parse_file(INPUTS / "qq_pasted_part.txt", case_with([]))
    assert result.facts["roles_from"] == "guessed"
    assert any("my_names" in line for line in result.messages)
    assert all(e.confidence < 1 for e in result.events if e.kind == "message" and e.actor != "system")


def test_transfers_in_a_chat_are_payments_and_refunds() -> None:
    """The user's transfer is a payment; the other side's receipt of it (【已收款】) is not another one;
    the other side's transfer to the user (退款) is a refund."""
    _, forward = parse_file(INPUTS / "memotrace_v2_forward.txt", case_with(["春风"]))
    paid = [e for e in forward.events if e.kind == "paid"]
    assert [(str(e.amount), e.data["transfer_state"]) for e in paid] == [("30.00", "发起转账")]
    assert not [e for e in forward.events if e.kind == "refunded"]
    _, refund = parse_file(INPUTS / "wxid_shop02_5000_10000.csv", case_with([]))
    assert [(e.kind, str(e.amount), e.actor) for e in refund.events if e.kind in ("paid", "refunded")] == [
        ("refunded", "100.00", "merchant")]
