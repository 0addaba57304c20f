"""Behaviour behind a black-box tester's report (notes/tester_chats.md): transfer amounts with thousands
separators in every chat layout (D1), a QQ export with damaged bytes (D2), garbage and blank input
(D3, D4), an empty MemoTrace HTML (D5). Inputs 36–41 of tests/data/chats/make_chat_inputs.py; the
error inputs are written here, they are a few bytes each."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from chat_helpers import case_with, parse_file

from conftest import DATA, run, run_json
from kameng_cli.ingest.base import SourceError
from kameng_cli.ingest.chats.common import detect_type

CHATS = DATA / "chats"
D = Decimal

# --- D1: amounts with thousands separators ------------------------------------------------------------

# file → (names that are me, transfer amounts in log order, paid amounts, refunded amounts)
THOUSANDS = {
    "chatlog_thousands.txt": ([], ["1000.00", "12345.60", "1200.50"], ["1000.00", "12345.60"], ["1200.50"]),
    "weflow_thousands.txt": ([], ["1000.00", "1000.00", "12345.60", "1200.50"], ["1000.00", "12345.60"], ["1200.50"]),
    "memotrace_v2_thousands.txt": (["小葵"], ["1000.00", "1000.00", "12345.60", "1200.50"], ["1000.00", "12345.60"], ["1200.50"]),
    "wechatexporter_thousands.txt": ([], ["1000.00", "12345.60", "1200.50"], ["1000.00", "12345.60"], ["1200.50"]),
    "wxid_pifa9_0_5.csv": ([], ["1000.00", "12345.60", "1200.50"], ["1000.00", "12345.60"], ["1200.50"]),
}


@pytest.mark.parametrize("name", sorted(THOUSANDS))
def test_transfer_amounts_keep_their_thousands(name: str) -> None:
    me, transfers, paid, refunded = THOUSANDS[name]
    _source, result = parse_file(CHATS / name, case_with(me))
    messages = [e for e in result.events if e.kind == "message"]
    assert [str(e.amount) for e in messages if e.data["type"] == "transfer"] == transfers
    assert [str(e.amount) for e in result.events if e.kind == "paid"] == paid
    assert [str(e.amount) for e in result.events if e.kind == "refunded"] == refunded
    # `1,2号卡` (a list) and a price in a text are no transfer and carry no amount
    listed = [e for e in messages if "1,2号卡" in e.data["text"]]
    assert listed and all(e.amount is None and e.data["type"] == "text" for e in listed)


@pytest.mark.parametrize(("text", "amount"), [
    ("[转账|接收 ￥1,200.50](批发)", "1200.50"),  # chatlog: was 200.50
    ("[转账]￥1,000.00 卡款", "1000.00"),  # WeFlow: was 1.00
    ("[转账]￥12,345.60 退款", "12345.60"),  # was 12.00
    ("【发起转账】:￥1,000.00\n备注: 卡款\n", "1000.00"),  # MemoTrace v2
    ("【已收款】:￥1,234,567.00", "1234567.00"),
    ("转账：￥1,999.00\n转账说明：货款", "1999.00"),  # PyWxDump: was 1.00
    ("微信转账 ￥2,500.00", "2500.00"),  # WechatExporter: was 2.00
    ("[转账|发送 ￥20.00](押金)", "20.00"),
    ("[转账] 20.00元", "20.00"),
    ("[转账|接收 1,2]", None),  # a comma that starts no group of three is no separator: no amount at all
    ("转账：￥1,2345", "1.00"),  # `1,2345` is no thousands form: never 2345 or 12345
])
def test_amount_in_a_transfer_line(text: str, amount: str | None) -> None:
    typed = detect_type(text)
    assert typed.type == "transfer"
    assert (str(typed.amount) if typed.amount is not None else None) == amount


def test_memotrace_v1_feedesc_with_thousands(tmp_path: Path) -> None:
    html = tmp_path / "卡铺.html"
    html.write_text("\n".join([
        "<html><body><script>", "const chatMessages = [",
        "{ type:1, text: '在吗',is_send:1,timestamp:1725148800,is_chatroom:0,displayname:'小红'},"
        "{ type:49, sub_type:2000, text:'已收款', paysubtype:3, pay_memo:'货款', feedesc:'￥1,200.50',is_send:1,"
        "timestamp:1725148860,is_chatroom:0,displayname:'小红'},",
        "];", "</script></body></html>"]), encoding="utf-8")
    source, result = parse_file(html, case_with())
    assert source == "memotrace-v1-html"
    assert [str(e.amount) for e in result.events if e.kind == "message" and e.amount is not None] == ["1200.50"]


def test_timeline_shows_the_whole_amount(case_dir: Path) -> None:
    assert run("-C", case_dir, "add", CHATS / "chatlog_thousands.txt").exit_code == 0
    events = run_json("-C", case_dir, "timeline")["events"]
    assert sorted(e["amount"] for e in events if e["kind"] in ("paid", "refunded")) == ["1000.00", "1200.50", "12345.60"]


# --- D2: damaged bytes ---------------------------------------------------------------------------------


def test_qq_export_with_damaged_bytes_is_read_with_a_note() -> None:
    source, result = parse_file(CHATS / "qq_damaged_bytes.txt", case_with(["小明"]))
    assert source == "qq-txt" and result.kind == "chat"
    texts = [e.data["text"] for e in result.events if e.kind == "message"]
    assert texts[0] == "在吗\ufffd" and texts[1] == "在" and texts[3] == "好的，马上发"
    note = next(n for n in result.notes if n.code == "chat-undecodable")
    assert note.severity == "warning" and note.data == {"lines": [10, 16], "count": 2, "encoding": "UTF-8"}
    assert any("10, 16" in line for line in result.messages)


def test_damaged_export_without_bom_is_still_recognised(tmp_path: Path) -> None:
    copy = tmp_path / "qq.txt"
    copy.write_bytes((CHATS / "qq_damaged_bytes.txt").read_bytes()[3:])
    source, result = parse_file(copy, case_with(["小明"]))
    assert source == "qq-txt"
    assert len([e for e in result.events if e.kind == "message"]) == 4
    assert next(n for n in result.notes if n.code == "chat-undecodable").data["lines"] == [10, 16]


def test_add_of_a_damaged_export_says_which_lines(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", CHATS / "qq_damaged_bytes.txt")
    assert result.exit_code == 0, result.output
    assert "第 10, 16 行有无法解码的字节" in result.output
    exhibit = run_json("-C", case_dir, "list")["exhibits"][0]
    assert exhibit["kind"] == "chat" and exhibit["parser"] == "qq-txt"
    derived = json.loads((case_dir / ".kameng" / "derived" / "E01.json").read_text(encoding="utf-8"))
    assert [n["data"]["lines"] for n in derived["notes"] if n["code"] == "chat-undecodable"] == [[10, 16]]


def test_forced_format_error_names_the_users_file(case_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "我的聊天记录.txt"
    # a QQ banner, then bytes that are neither UTF-8 nor a few damaged characters
    broken.write_bytes(b"\xef\xbb\xbf" + "消息记录（此消息记录为文本格式，不支持重新导入）\r\n".encode() + bytes(range(128, 256)) * 4)
    result = run("-C", case_dir, "add", "--format", "qq-txt", broken)
    assert result.exit_code == 2
    assert "我的聊天记录.txt 的文字编码" in result.output
    assert "staging" not in result.output


# --- D3: garbage ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("坏.mht", b"From: <Save by Tencent MsgMgr>\r\n\x00\x01\x02garbage", "认出了聊天记录格式（qq-mht）"),
    ("坏.csv", "\ufeff消息ID,类型,发送人,时间,内容,备注,昵称,更多信息\r\n".encode() + bytes(range(1, 256)), "坏.csv 的文字编码"),
])
def test_an_export_signature_over_garbage_is_refused(case_dir: Path, tmp_path: Path, name: str, data: bytes,
                                                       expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run("-C", case_dir, "add", path)
    assert result.exit_code == 2
    assert expected in result.output
    assert run_json("-C", case_dir, "list")["exhibits"] == []


def test_an_unknown_binary_file_is_kept_as_other(case_dir: Path, tmp_path: Path) -> None:
    """docs/architecture.md: a file no source knows is kept as an `other` exhibit (evidence is kept)."""
    path = tmp_path / "archive.txt"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    result = run("-C", case_dir, "add", path)
    assert result.exit_code == 0
    assert run_json("-C", case_dir, "list")["exhibits"][0]["kind"] == "other"


def test_pasted_binary_is_refused(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", "-", input=b"abc\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10")
    assert result.exit_code == 2
    assert "不是文字，而是二进制数据" in result.output
    assert run_json("-C", case_dir, "list")["exhibits"] == []


def test_pasted_undecodable_bytes_are_refused(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", "-", input=bytes(range(256)) * 8)  # NUL bytes: no source reads it
    assert result.exit_code == 2 and "不是文字" in result.output
    assert run_json("-C", case_dir, "list")["exhibits"] == []


# --- D4: blank input -------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\r\n \r\n\t\r\n", "\u3000\n".encode()])
def test_a_blank_file_is_refused(case_dir: Path, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "空白.txt"
    path.write_bytes(data)
    result = run("-C", case_dir, "add", path)
    assert result.exit_code == 2
    assert "空白.txt 里只有空白" in result.output
    assert run_json("-C", case_dir, "list")["exhibits"] == []


@pytest.mark.parametrize("data", [b"\n\n  \n", b"\xef\xbb\xbf\r\n", b" \t "])
def test_a_blank_paste_is_refused_and_is_no_contact(case_dir: Path, data: bytes) -> None:
    result = run("-C", case_dir, "add", "-", input=data)
    assert result.exit_code == 2
    assert result.output.count("粘贴的内容（标准输入）只有空白或空行") == 1
    assert "kameng add -" in result.output  # how to do it right
    assert run_json("-C", case_dir, "list")["exhibits"] == []
    chain = run_json("-C", case_dir, "check")["chain"]
    assert "E01" not in json.dumps(chain)


def test_a_blank_paste_is_explained_in_english(case_dir: Path) -> None:
    result = run("--lang", "en", "-C", case_dir, "add", "-", input=b"  \n")
    assert result.exit_code == 2
    assert "holds only blanks or empty lines" in result.output


# --- D5: an empty MemoTrace HTML -------------------------------------------------------------------------


@pytest.mark.parametrize("html", [
    "<html><script>const chatMessages = [\n/*x*/\n];</script></html>",
    "<html><head><meta charset=\"UTF-8\"></head><body><script>\n    const chatMessages = [\n/*注意看这是分割线*/\n];\n</script></body></html>",
    "<html><body><script>\nconst chatMessages = [\n];\n</script></body></html>",
])
def test_an_empty_memotrace_html_is_recognised_with_no_messages(case_dir: Path, tmp_path: Path, html: str) -> None:
    path = tmp_path / "空.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        parse_file(path, case_with())
    assert caught.value.key == "chats.no_messages"
    result = run("-C", case_dir, "add", path)
    assert result.exit_code == 2
    assert "认出了聊天记录格式（memotrace-v1-html），但一条消息也没有读到" in result.output


def test_a_web_page_mentioning_chat_messages_is_no_export(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>MemoTrace writes <code>const chatMessages = [</code> into its HTML.</p></body></html>",
                    encoding="utf-8")
    from kameng_cli.ingest.base import Sample
    from kameng_cli.ingest.chats.layouts import classify

    assert classify(Sample.of(path)) is None


# --- 千牛: a product card's price line is UI noise (spec §4) --------------------------------------------


def test_qianniu_price_line_is_skipped_but_a_price_alone_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "qianniu.txt"
    path.write_text("\r\n".join([
        "极速卡铺:小美 2024-6-18 9:10:00", "给您加急了", "¥100.00", "已读",
        "tb_buyer881 2024-6-18 9:11:00", "¥1,200.50", "未读",
        "极速卡铺:小美 2024-6-18 9:12:00", "好的", "已读", ""]), encoding="utf-8")
    source, result = parse_file(path, case_with(["tb_buyer881"]))
    assert source == "qianniu-copy"
    assert [e.data["text"] for e in result.events if e.kind == "message"] == ["给您加急了", "¥1,200.50", "好的"]


def test_a_log_starting_minutes_after_payment_says_minutes(case_dir: Path, tmp_path: Path) -> None:
    chat = tmp_path / "工单.txt"
    chat.write_text("[2024/5/1 9:57] 小明：付了，什么时候发？\n[2024/5/1 9:58] 客服小美：马上\n", encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0
    text = json.dumps(run_json("-C", case_dir, "check"), ensure_ascii=False)
    assert "付款（2024-05-01 09:55）2 分钟后" in text and "0.0 小时" not in text


def test_a_forced_format_that_reads_nothing_says_so(case_dir: Path, tmp_path: Path) -> None:
    chat = tmp_path / "copy.txt"
    chat.write_text("小明 2024-05-01 10:00:00\n你好\n", encoding="utf-8")
    result = run("-C", case_dir, "add", "--format", "qq-mht", chat)
    assert result.exit_code == 2
    assert "按你指定的格式" in result.output and "认出了" not in result.output


def test_a_log_out_of_time_order_is_noted(case_dir: Path, tmp_path: Path) -> None:
    chat = tmp_path / "工单.txt"
    chat.write_text("[2024/5/1 10:05] 小明：还没到\n[2024/5/1 10:01] 客服小美：马上\n[2024/5/1 10:06] 小明：好\n"
                    "[2024/5/1 10:06] 客服小美：嗯\n", encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0
    text = json.dumps(run_json("-C", case_dir, "check"), ensure_ascii=False)
    assert "有 1 条消息的时间早于它上面的一条" in text and "第 2 行" in text  # the locator in the reader's language


def test_a_broken_pdf_prints_no_library_noise(case_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "账单.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")  # cut off: no xref, no %%EOF
    result = run("-C", case_dir, "add", broken)
    assert "EOF marker" not in result.stderr and "Traceback" not in result.output
