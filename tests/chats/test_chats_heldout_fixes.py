"""Behaviour behind the held-out chat failures (notes/heldout_chats.md F1, F3–F12): who is me in a QQ
mht whose first rows lie, QQ copy-paste layouts, WeFlow's WeClone CSV and the 12425 CSV, WeFlow
transfers, 千牛 recall lines and older layout, QCE records split by pasted logs and QCE placeholders,
time-only web-widget copies, merged forwards, and the conversation of every block of a QQ export.
The inputs are in tests/data/chats/ (make_chat_inputs.py, items 23–35)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from chat_helpers import case_with, parse_file
from test_chats_layouts import INPUTS

from kameng_cli.ingest.base import ParseResult, Sample
from kameng_cli.ingest.chats.common import detect_type
from kameng_cli.ingest.chats.layouts import classify_text
from kameng_cli.ingest.registry import sources


def _messages(result: ParseResult) -> list:
    return [e for e in result.events if e.kind == "message"]


def _roles(result: ParseResult) -> list[str]:
    return [e.actor for e in _messages(result)]


def _signals(result: ParseResult, kind: str) -> list[int]:
    return [e.data.get("message_index", e.data.get("index")) for e in result.events if e.kind == kind]


# --- F1: QQ mht, wrong colour on the first row of each date section --------------------------------

ALTERNATING = ["me", "counterparty", "me", "counterparty", "me", "counterparty", "me", "counterparty"]


def test_mht_colours_are_voted_per_sender_without_my_names() -> None:
    source, result = parse_file(INPUTS / "qq_mht_first_rows_wrong.mht", case_with([]))
    assert source == "qq-mht"
    assert _roles(result) == ALTERNATING
    assert result.facts["me"] == ["青禾"] and result.facts["roles_from"] == "flag"
    kinds = {e.kind for e in result.events if e.actor == "counterparty"}
    assert {"promise", "admission", "refused"} <= kinds  # the shop's words are the shop's again


def test_mht_my_names_agreeing_with_the_vote() -> None:
    _, result = parse_file(INPUTS / "qq_mht_first_rows_wrong.mht", case_with(["青禾"]))
    assert _roles(result) == ALTERNATING
    assert result.facts["me"] == ["青禾"]


def _mht(tmp_path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """A QQ mht (spec §2.2) of one date section: (colour, sender, time, text) per row; BOM, CRLF."""
    boundary = "----=_NextPart_00000000_1111_2222_3333.444455556666"
    table = "".join(f"<tr><td><div style=color:{c};padding-left:10px;><div style=float:left;margin-right:6px;>{s}</div>{t}"
                    f"</div><div style=padding-left:20px;><font color='000000'>{x}</font></div></td></tr>\n" for c, s, t, x in rows)
    text = ("\ufeffFrom: <Save by Tencent MsgMgr>\nSubject: Tencent IM Message\nMIME-Version: 1.0\nContent-Type:multipart/related;\n"
            f"\tcharset=\"utf-8\"\n\ttype=\"text/html\";\n\tboundary=\"{boundary}\"\n\n--{boundary}\nContent-Type:text/html\n"
            "Content-Transfer-Encoding:7bit\n\n<html><body><table width=100% cellspacing=0>"
            "<tr><td><div style=padding-left:10px;>消息对象:星河卡盟</div></td></tr>\n"
            "<tr><td style=padding-left:10px;>日期: 2024-06-01</td></tr>\n" + table + f"</table></body></html>\n\n--{boundary}--\n")
    path = tmp_path / "chat.mht"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


def test_mht_colours_making_everyone_me_are_not_believed(tmp_path: Path) -> None:
    # Every row green: a two-sided chat is not a monologue.
    path = _mht(tmp_path, [("#42B475", "青禾", "20:00:00", "在吗，点卡没到"),
                           ("#42B475", "星河&nbsp;卡盟", "20:01:10", "亲，一小时内给您补发"),
                           ("#42B475", "青禾", "20:02:00", "好"),
                           ("#42B475", "星河&nbsp;卡盟", "20:03:00", "不客气")])
    _, result = parse_file(path, case_with([]))
    assert result.facts["colours_ignored"] == "all_me"
    assert result.facts["me"] == ["青禾"] and result.facts["roles_from"] == "guessed"  # the shop-like name is not me
    assert _roles(result) == ["me", "counterparty", "me", "counterparty"]
    assert any("颜色" in m or "colour" in m for m in result.messages)
    _, named = parse_file(path, case_with(["青禾"]))
    assert named.facts["roles_from"] == "case" and _roles(named) == ["me", "counterparty", "me", "counterparty"]
    assert _signals(named, "promise") == [1]


def test_mht_my_names_win_over_colours(tmp_path: Path) -> None:
    # The colours are consistent but say the opposite of what the user's own name says.
    path = _mht(tmp_path, [("#006EFE", "青禾", "20:00:00", "在吗，点卡没到"),
                           ("#42B475", "星河卡盟", "20:01:10", "亲，一小时内给您补发"),
                           ("#006EFE", "青禾", "20:02:00", "好"),
                           ("#42B475", "星河卡盟", "20:03:00", "不客气")])
    _, result = parse_file(path, case_with(["青禾"]))
    assert result.facts["colours_ignored"] == "disagree"
    assert result.facts["me"] == ["青禾"] and result.facts["roles_from"] == "case"
    assert _roles(result) == ["me", "counterparty", "me", "counterparty"]


def test_mht_a_tied_sender_drops_the_colours(tmp_path: Path) -> None:
    path = _mht(tmp_path, [("#006EFE", "星河卡盟", "20:00:00", "在"), ("#42B475", "青禾", "20:01:10", "在吗"),
                           ("#006EFE", "青禾", "20:02:00", "人呢"), ("#006EFE", "星河卡盟", "20:03:00", "稍等")])
    _, result = parse_file(path, case_with(["青禾"]))
    assert result.facts["colours_ignored"] == "tied"
    assert _roles(result) == ["counterparty", "me", "me", "counterparty"]


def test_mht_a_section_first_row_breaks_a_tie(tmp_path: Path) -> None:
    path = _mht(tmp_path, [("#42B475", "青禾", "20:00:00", "在吗"), ("#006EFE", "星河卡盟", "20:01:10", "在"),
                           ("#42B475", "青禾", "20:02:00", "好"), ("#006EFE", "青禾", "20:03:00", "人呢")])
    _, result = parse_file(path, case_with([]))
    assert "colours_ignored" not in result.facts and result.facts["roles_from"] == "flag"
    assert _roles(result) == ["me", "counterparty", "me", "me"]


# --- F3: QQ copy-paste layouts ----------------------------------------------------------------------


def test_qq_window_copy_time_only_with_grey_lines() -> None:
    source, result = parse_file(INPUTS / "qq_copy_window_gbk.txt", case_with(["青禾"]))
    assert source == "qq-copy" and result.kind == "chat"
    messages = _messages(result)
    assert [m.data["type"] for m in messages] == ["text", "text", "recall", "text", "system", "text"]
    assert _roles(result) == ["counterparty", "me", "system", "me", "system", "counterparty"]
    assert messages[2].data["recalled_by"] == "counterparty"
    assert messages[0].data["sender"] == "星河 卡盟" and messages[0].data["title"] == "客服"
    assert messages[3].data["text"] == "半小时了还是没到账\n你看我上一句"
    # Time only: the day comes from the order (2024-05-01), 12 AM after 11 PM is the next day.
    assert messages[0].time.isoformat() == "2024-05-01T23:58:54+08:00"
    assert messages[3].time.isoformat() == "2024-05-02T00:30:00+08:00"
    assert {"no-date", "no-year"} <= set(messages[0].time_flags)
    assert "after-previous" in messages[2].time_flags
    assert {n.code for n in result.notes} >= {"chat-year-assumed", "chat-recalled", "chat-resaved"}
    assert _signals(result, "promise") == [0]


def test_qq_message_manager_copy_ids_and_mail() -> None:
    _, result = parse_file(INPUTS / "qq_copy_msgmgr_bom.txt", case_with(["青禾"]))
    messages = _messages(result)
    assert [(m.data["sender"], m.data.get("sender_id")) for m in messages] == [
        ("星河卡盟", "88888"), ("青禾", "10001"), ("客服二号", "kf2@qq.com"), ("青禾", "10001")]
    assert _roles(result) == ["counterparty", "me", "counterparty", "me"]
    assert [m.time.strftime("%H:%M:%S") for m in messages] == ["03:13:28", "03:14:30", "03:15:02", "13:20:00"]


def test_mobile_qq_copy_days_from_day_lines() -> None:
    _, result = parse_file(INPUTS / "qq_copy_mobile.txt", case_with(["青禾"]))
    messages = _messages(result)
    assert [m.time.isoformat() for m in messages] == [
        "2024-05-01T23:50:12+08:00", "2024-05-01T23:51:40+08:00", "2024-05-02T10:00:00+08:00"]
    assert all(m.time_flags == ["no-timezone"] for m in messages)  # the day lines give full dates
    assert _roles(result) == ["counterparty", "me", "me"]


def test_qq_nt_copy_month_day_across_new_year() -> None:
    _, result = parse_file(INPUTS / "qq_copy_nt.txt", case_with(["青禾"]))
    messages = _messages(result)
    assert [m.time.date().isoformat() for m in messages] == ["2024-12-31", "2024-12-31", "2025-01-01"]
    assert all("no-year" in m.time_flags and "no-date" not in m.time_flags for m in messages)
    assert messages[1].data["sender"] == "青禾" and messages[1].data["title"] == "LV2 群友"
    assert _roles(result) == ["counterparty", "me", "me"]


@pytest.mark.parametrize("text, layout", [
    ("丧 丧 熊 9:59:54 PM\n在吗\n【煤油】丧 丧 熊 10:00:01 PM\n人呢\n", "qq-copy"),
    ("无情的围观熊 2/14/2020 9:16:13 PM\n在\n无情的围观熊 2/14/2020 9:17:13 PM\n在吗\n", "qq-copy"),
    ("海豹一号机(2589922907) 2022/03/21 19:05:05\n你好\n海豹一号机(2589922907) 2022/03/21 19:06:05\n在\n", "qq-copy"),
    ("织练取(958884) 13:13:28\n在吗\n白菜(10001) 13:14:30\n在\n", "qq-copy"),  # QQ number: not chatlog
    ("阿九(wxid_ajiu) 13:13:28\n在吗\n\n小铺(wxid_shop) 13:14:30\n在\n", "chatlog-text"),
    ("豆豆 2025/3/3 10:00\n在吗\n\n小铺 2025/3/3 10:02\n在\n", "wechat-mac-copy"),
])
def test_qq_copy_detection_against_neighbours(text: str, layout: str) -> None:
    assert classify_text(text) == layout


# --- F4: WeFlow WeClone CSV and 12425/wechat-exporter CSV --------------------------------------------


def test_weflow_weclone_csv() -> None:
    source, result = parse_file(INPUTS / "weflow_weclone.csv", case_with([]))
    assert source == "weflow-csv" and result.kind == "chat"
    messages = _messages(result)
    assert _roles(result) == ["me", "counterparty", "me", "system"]
    assert [m.data["type"] for m in messages] == ["text", "text", "image", "recall"]
    assert messages[0].time.isoformat() == "2024-10-03T09:00:00+08:00"
    assert result.facts["roles_from"] == "flag"
    assert _signals(result, "promise") == [1]


def test_wechat_12425_csv_direction_column() -> None:
    source, result = parse_file(INPUTS / "wechat_12425.csv", case_with([]))
    assert source == "wechat-12425-csv"
    messages = _messages(result)
    assert _roles(result) == ["me", "counterparty", "me", "system"]
    assert [m.data["sender"] for m in messages[:3]] == ["我", "游卡小铺-晓晓", "我"]  # contact columns ignored on my rows
    assert [m.data["type"] for m in messages] == ["text", "text", "image", "recall"]
    assert _signals(result, "admission") == [1]


def test_new_csv_sources_win_over_the_bank_fallback() -> None:
    for name in ("weflow_weclone.csv", "wechat_12425.csv"):
        sample = Sample.of(INPUTS / name)
        claims = [s.name for s in sources().values() if s.sniff(sample) >= 0.5]
        assert claims == [name.startswith("weflow") and "weflow-csv" or "wechat-12425-csv"]


# --- F5: WeFlow transfers ---------------------------------------------------------------------------


def test_weflow_transfers_have_amounts_and_money_events() -> None:
    _, result = parse_file(INPUTS / "weflow_transfers.txt", case_with([]))
    messages = _messages(result)
    assert [m.amount for m in messages[1:]] == [Decimal("100.00"), Decimal("100.00"), Decimal("20.00"), Decimal("50.00")]
    assert all(m.data["type"] == "transfer" for m in messages[1:])
    money = [(e.kind, e.amount, e.data["message_index"]) for e in result.events if e.kind in ("paid", "refunded")]
    # The shop's [转账收款] is the receipt of my 100 and counts once; 云游卡铺→我 is a refund.
    assert money == [("paid", Decimal("100.00"), 1), ("paid", Decimal("20.00"), 3), ("refunded", Decimal("50.00"), 4)]


@pytest.mark.parametrize("text, amount, state, payer", [
    ("[转账]￥100.00 点卡X1 我→云游卡铺", "100.00", "", "我"),
    ("[转账] ￥100.00", "100.00", "", ""),
    ("[转账] 100.00元", "100.00", "", ""),
    ("[转账收款]￥100.00", "100.00", "已收款", ""),
    ("[转账|发送 ￥20.00](备注)", "20.00", "发送", ""),
    ("【发起转账】:￥100.00", "100.00", "发起转账", ""),
])
def test_transfer_forms(text: str, amount: str, state: str, payer: str) -> None:
    typed = detect_type(text)
    assert (typed.type, typed.amount, typed.transfer_state, typed.payer) == ("transfer", Decimal(amount), state, payer)


# --- F6, F8: 千牛 ---------------------------------------------------------------------------------------


def test_qianniu_recall_right_under_a_message_stands_alone() -> None:
    _, result = parse_file(INPUTS / "qianniu_recall_glued.txt", case_with(["tb_qinghe"]))
    messages = _messages(result)
    assert messages[2].data["text"] == "我要申请平台介入"
    assert messages[3].data["type"] == "recall" and messages[3].data["recalled_by"] == "counterparty"
    assert [m.data.get("read_status") for m in messages[:2]] == ["已读", "未读"]
    assert "chat-recalled" in {n.code for n in result.notes}


def test_qianniu_older_layout_name_above_time() -> None:
    source, result = parse_file(INPUTS / "qianniu_old_layout_gbk.txt", case_with(["tb_qinghe"]))
    assert source == "qianniu-copy"
    messages = _messages(result)
    assert [m.data["sender"] for m in messages] == ["tb_qinghe", "星河数码旗舰店:阿杰", "星河数码旗舰店:阿杰", "tb_qinghe"]
    assert [m.data["text"] for m in messages] == ["老板，昨天拍的点卡到现在都没发", "在的，稍等我看看", "晚上八点前肯定给你发过去", "八点都过了，人呢？"]
    assert messages[0].locator == "line 1" and messages[0].data["read_status"] == "已读"
    assert _roles(result) == ["me", "counterparty", "counterparty", "me"]
    assert _signals(result, "promise") == [2]


def test_memotrace_v2_time_only_titles_are_not_the_qianniu_older_layout() -> None:
    text = "2024-07-01 10:00:00 春风\n在吗\n\n2024-07-01 10:01:00\n你撤回了一条消息\n\n2024-07-01 10:02:00 阿福小店\n【图片】\n"
    assert classify_text(text) == "memotrace-v2-txt"


# --- F7, F10: QCE ---------------------------------------------------------------------------------------


def test_qce_pasted_log_does_not_split_a_record() -> None:
    _, result = parse_file(INPUTS / "qce_pasted_log.txt", case_with(["青禾"]))
    messages = _messages(result)
    assert len(messages) == 5 and result.facts["counts"]["parsed"] == 5
    assert "说好5分钟到账" in messages[0].data["text"] and messages[0].actor == "me"
    assert "chat-count-mismatch" not in {n.code for n in result.notes}
    assert not [e for e in result.events if e.kind == "promise"]  # no invented shop promise


def test_qce_placeholders_are_typed() -> None:
    _, result = parse_file(INPUTS / "qce_pasted_log.txt", case_with(["青禾"]))
    messages = _messages(result)
    assert [(m.data["type"], m.data.get("media")) for m in messages[1:4]] == [("image", None), ("other", "sticker"), ("system", None)]
    assert messages[3].actor == "system"


# --- F9: time-only web-widget copy -------------------------------------------------------------------


def test_bracket_copy_with_time_only_lines() -> None:
    source, result = parse_file(INPUTS / "ticket_bracket_today.txt", case_with([]))
    assert source == "ticket-bracket"
    messages = _messages(result)
    assert [m.time.isoformat() for m in messages] == [
        "2024-04-30T22:00:00+08:00", "2024-05-01T10:00:00+08:00", "2024-05-01T10:02:00+08:00", "2024-05-01T10:05:00+08:00"]
    assert "no-date" not in messages[0].time_flags and {"no-date", "minute"} <= set(messages[1].time_flags)
    assert messages[2].data["text"] == "您好，这边核实一下\n请提供一下付款截图"
    assert messages[3].data["type"] == "image"
    assert _roles(result) == ["me", "me", "counterparty", "me"]
    assert "chat-year-assumed" in {n.code for n in result.notes}


# --- F11: merged forwards ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "【合并转发的聊天记录】\n\n- 2025-03-09 10:02:15 速充小铺-阿强: 付款后5分钟自动到账",
    "[合并转发|发货记录]\n  蓝鲸数卡-客服 12-30 10:00:00\n  卡密已发送",
    "[转发的聊天记录]发货记录",
])
def test_merged_forward_is_marked(text: str) -> None:
    typed = detect_type(text)
    assert (typed.type, typed.media) == ("other", "merged-forward")


def test_chatlog_merged_forward_gives_no_signal() -> None:
    _, result = parse_file(INPUTS / "chatlog_forward.txt", case_with([]))
    messages = _messages(result)
    assert (messages[1].data["type"], messages[1].data["media"]) == ("other", "merged-forward")
    assert not [e for e in result.events if e.kind == "promise"]  # 保证5分钟到账 is quoted, not said


# --- F12: several conversations in one QQ export ---------------------------------------------------------


def test_every_block_of_a_qq_export_names_its_conversation() -> None:
    _, result = parse_file(INPUTS / "qq_two_conversations.txt", case_with(["柚子"]))
    messages = _messages(result)
    assert all(m.data.get("conversation") for m in messages)
    assert messages[0].data["conversation"] == "青柠卡铺"
    assert len({m.data["conversation"] for m in messages}) == 2
