"""Behaviour behind a black-box tester's second report (notes/tester_chats2.md): QQ .mht rows broken
over several lines (D1) and HTML parts in quoted-printable or base64 (D2), QQ .txt bodies holding lines
of a block header (D3), WechatExporter continuation lines shaped like headers (D4), MemoTrace v1 HTML
media tags (D6). Inputs 42–48 of tests/data/chats/make_chat_inputs.py; variants are written here."""

from __future__ import annotations

import re
from pathlib import Path

from chat_helpers import case_with, parse_file

from conftest import DATA
from kameng_cli.ingest.chats import memotrace_v1_csv, memotrace_v1_html

CHATS = DATA / "chats"
RULE = "=" * 64


def _messages(path: Path, me: list[str] | None = None, source: str | None = None) -> list:
    detected, result = parse_file(path, case_with(me or []))
    if source:
        assert detected == source
    return [e for e in result.events if e.kind == "message"]


def _seen(messages: list) -> list[tuple]:
    """What a reader makes of each record, without where it stands in the file."""
    return [(m.data["sender"], m.actor, m.data["type"], m.data["text"], m.time, m.data.get("images_missing")) for m in messages]


# --- D1: .mht rows broken over lines ----------------------------------------------------------------


def test_mht_rows_broken_over_lines_read_as_on_one_line(tmp_path: Path) -> None:
    """Line breaks between the tags of a row (tr/td, sender/time div, content div, inside `<div style`)
    change nothing: the same file with every row on one line reads the same records."""
    broken = CHATS / "qq_mht_rows_broken.mht"
    text = broken.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    head, _, rest = text.partition("<html")
    html, _, tail = rest.partition("</html>")
    joined = tmp_path / "joined.mht"
    one_line_rows = re.sub(r">\s+<", "><", re.sub(r"<div\s+style", "<div style", html))
    joined.write_text(head + "<html" + one_line_rows.replace("<tr>", "\n<tr>") + "</html>" + tail, encoding="utf-8")
    broken_read, joined_read = _messages(broken, source="qq-mht"), _messages(joined, source="qq-mht")
    assert len(broken_read) == 5
    assert [m.data["text"] for m in broken_read] == ["在吗？付了款没收到卡密", "亲，5分钟内到账", "半小时了\n人呢？",
                                                   "已反馈相关部门，请耐心等待", "今天不发就退款"]
    assert [m.actor for m in broken_read] == ["me", "counterparty", "me", "counterparty", "me"]
    assert [m.time.strftime("%m-%d %H:%M:%S") for m in broken_read] == [
        "06-12 20:58:01", "06-12 21:03:11", "06-12 21:30:00", "06-13 10:00:00", "06-13 10:01:00"]
    assert [(s, a, t, x) for s, a, t, x, *_ in _seen(broken_read)] == [(s, a, t, x) for s, a, t, x, *_ in _seen(joined_read)]
    # a file line each: the row's <tr>
    assert [m.locator for m in broken_read] == ["line 15", "line 20", "line 26", "line 32", "line 37"]


def test_mht_content_on_the_line_after_the_sender(tmp_path: Path) -> None:
    """The tester's shape: a CRLF between `…time</div>` and `<div style=padding-left:20px;>` in every row."""
    text = (CHATS / "qq_friend_ampm.mht").read_bytes().decode("utf-8-sig")
    split = text.replace("</div><div style=padding-left:20px;>", "</div>\r\n<div style=padding-left:20px;>")
    assert split != text
    path = tmp_path / "split.mht"
    path.write_bytes(b"\xef\xbb\xbf" + split.encode("utf-8"))
    assert _seen(_messages(path, source="qq-mht")) == _seen(_messages(CHATS / "qq_friend_ampm.mht"))


# --- D2: quoted-printable and base64 HTML parts ------------------------------------------------------


def test_mht_encoded_html_parts_are_decoded() -> None:
    """A quoted-printable part (UTF-8) and a base64 part (GB18030, charset on the part) read the same
    records: `=3D` is an `=`, soft line breaks vanish, the picture part is found by its
    Content-Location and the picture without a part is named missing; records are counted (`record N`),
    as the decoded HTML has no lines of the file."""
    qp = _messages(CHATS / "qq_mht_quoted_printable.mht", source="qq-mht")
    b64 = _messages(CHATS / "qq_mht_base64_gb18030.mht", source="qq-mht")
    assert _seen(qp) == _seen(b64)
    assert [m.data["text"] for m in qp] == ["在吗？付了款没收到卡密 = 100元", "亲，5分钟内到账，不到账全额退款", "[图片]", "[图片]",
                                          "已反馈相关部门\n请耐心等待"]
    assert [m.data["sender"] for m in qp] == ["阿远", "青柠 卡铺", "阿远", "阿远", "青柠 卡铺"]
    assert [m.data.get("images_missing") for m in qp] == [None, None, None, ["{CCCCCCCC-0000-1111-2222-333333333333}.dat"], None]
    assert [m.locator for m in qp] == [f"record {n}" for n in range(1, 6)]


def test_mht_encoded_complete_file_is_not_truncated_but_a_cut_one_is(tmp_path: Path) -> None:
    _source, result = parse_file(CHATS / "qq_mht_quoted_printable.mht", case_with([]))
    assert "chat-truncated" not in [n.code for n in result.notes]
    raw = (CHATS / "qq_mht_quoted_printable.mht").read_bytes()
    cut = tmp_path / "cut.mht"
    cut.write_bytes(raw[: raw.index(b"Content-Type:image/png")])  # the HTML whole, the closing boundary lost
    _source, result = parse_file(cut, case_with([]))
    assert "chat-truncated" in [n.code for n in result.notes]
    assert sum(1 for e in result.events if e.kind == "message") == 5


def test_mht_single_part_archive_is_decoded_too(tmp_path: Path) -> None:
    """An archive whose only part is the HTML (quoted-printable on the top-level headers)."""
    import email
    import quopri

    archive = email.message_from_bytes((CHATS / "qq_mht_quoted_printable.mht").read_bytes()[3:])
    document = next(p for p in archive.walk() if p.get_content_type() == "text/html").get_payload(decode=True)
    path = tmp_path / "single.mht"
    path.write_bytes(b"From: <Save by Tencent MsgMgr>\nSubject: Tencent IM Message\nMIME-Version: 1.0\n"
                     b"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                     + quopri.encodestring(document))
    messages = _messages(path, source="qq-mht")
    assert [m.data["text"] for m in messages][:2] == ["在吗？付了款没收到卡密 = 100元", "亲，5分钟内到账，不到账全额退款"]
    assert len(messages) == 5


# --- D3: QQ .txt bodies holding block-header lines ----------------------------------------------------


def test_qq_txt_block_header_lines_inside_bodies_stay_text() -> None:
    messages = _messages(CHATS / "qq_body_block_lines.txt", ["阿远"], "qq-txt")
    assert [m.data["text"] for m in messages] == [
        "在吗，卡密没到",
        "消息分组:我的好友\n我复制了一段给你看",
        f"上面\n{RULE}\n下面",
        f"{RULE}\n分割线后的字",
        "消息对象:别人\n后面的字",
        f"我贴一段导出的给你：\n{RULE}\n消息分组:我的好友\n{RULE}\n消息对象:别人\n{RULE}\n这是正文",  # no empty line above
        f"第一段\n\n{RULE}\n消息分组:我的好友\n{RULE}\n第二段",  # after an empty line, but no 消息对象
        "5分钟到账",
        "有人遇到青柠卡铺不发货吗",
        "遇到过",
    ]
    # A 消息对象 line inside a body renames nothing; the real second block (group chat) does.
    assert [m.data["conversation"] for m in messages] == ["青柠卡铺"] * 8 + ["卡友群"] * 2
    assert [m.data["sender"] for m in messages][-2:] == ["阿远", "路人"]
    assert [m.actor for m in messages][-2:] == ["me", "counterparty"]
    # locators stay on the header lines, across the whole block header
    assert [m.locator for m in messages] == [f"line {n}" for n in (9, 12, 16, 21, 25, 29, 38, 46, 55, 58)]


def test_qq_txt_single_conversation_with_a_pasted_duixiang_line(tmp_path: Path) -> None:
    """The tester's qq_body_duixiang.txt shape: one conversation, a `消息对象:` line in a body right under
    its text. No conversation field appears (one conversation) and the title stays the export's."""
    path = tmp_path / "duixiang.txt"
    path.write_bytes(("\ufeff" + "\r\n".join([
        "消息记录（此消息记录为文本格式，不支持重新导入）", "", RULE, "消息分组:我的好友", RULE, "消息对象:青柠卡铺", RULE, "",
        "2024-06-01 9:00:00 阿远", "在吗", "",
        "2024-06-01 9:01:00 青柠卡铺", "消息对象:别人", "后面的字", "",
        "2024-06-01 9:02:00 阿远", "好的", "", ""])).encode("utf-8"))
    detected, result = parse_file(path, case_with(["阿远"]))
    messages = [e for e in result.events if e.kind == "message"]
    assert detected == "qq-txt"
    assert [m.data["text"] for m in messages] == ["在吗", "消息对象:别人\n后面的字", "好的"]
    assert all("conversation" not in m.data for m in messages)
    assert result.facts["title"] == "青柠卡铺"


def test_qq_txt_recent_contacts_block_is_still_skipped(tmp_path: Path) -> None:
    path = tmp_path / "recent.txt"
    path.write_text("\n".join([
        "消息记录（此消息记录为文本格式，不支持重新导入）", "", RULE, "消息分组:我的好友", RULE, "消息对象:青柠卡铺", RULE, "",
        "2024-06-01 9:00:00 阿远", "在吗", "",
        RULE, "消息分组:最近联系人", RULE, "消息对象:青柠卡铺", RULE, "",
        "2024-06-01 9:00:00 阿远", "在吗", "", ""]), encoding="utf-8")
    assert [m.data["text"] for m in _messages(path, ["阿远"], "qq-txt")] == ["在吗"]


# --- D4: WechatExporter continuation lines shaped like headers ------------------------------------------


def test_wechatexporter_header_shaped_body_lines_stay_in_their_message() -> None:
    messages = _messages(CHATS / "wechatexporter_headerlike.txt", source="wechatexporter-txt")
    assert [(m.data["sender"], m.data["text"]) for m in messages] == [
        ("阿远", "在吗，付了款没收到卡密"),
        ("青柠小铺", "我们这边显示：\n客服小王 (2024-11-30 21:00:00):已发货"),  # a third name in a one-to-one chat
        ("阿远", "发货记录给我看看"),
        ("青柠小铺", "第一行\n备注 (2024-13-01 25:61:00):不是时间"),  # month 13, hour 25: no time
        ("", '"青柠小铺" 撤回了一条消息'),
        ("阿远", "微信转账 ￥100.00"),
        ("青柠小铺", "已反馈相关部门"),
    ]
    assert [m.actor for m in messages] == ["me", "counterparty", "me", "counterparty", "system", "me", "counterparty"]


def _ios(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "ios.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_wechatexporter_tester_shape(tmp_path: Path) -> None:
    path = _ios(tmp_path, ["游卡小铺 (晓晓) - 微信聊天记录", "",
                           "Echo (2024-11-15 19:40:22):你好，付完款没收到卡密",
                           "游卡小铺 (晓晓) (2024-11-15 19:42:05):亲稍等，5分钟内到账的",
                           "第二行 (2024-11-15 19:42:06):不是头",
                           "Echo (2024-11-15 19:58:47):[图片]"])
    messages = _messages(path, source="wechatexporter-txt")
    assert [m.data["sender"] for m in messages] == ["Echo", "游卡小铺 (晓晓)", "Echo"]
    assert messages[1].data["text"] == "亲稍等，5分钟内到账的\n第二行 (2024-11-15 19:42:06):不是头"


def test_wechatexporter_group_chat_keeps_a_member_who_speaks_once(tmp_path: Path) -> None:
    """In a group the title is the group's name and speaks not: every header stays a header."""
    path = _ios(tmp_path, ["卡友群 - 微信聊天记录", "",
                           "阿远 (2024-12-01 08:00:00):有人遇到青柠不发货吗",
                           "路人甲 (2024-12-01 08:01:00):遇到过",
                           "阿远 (2024-12-01 08:02:00):后来呢",
                           "路人乙 (2024-12-01 08:03:00):退了"])
    assert [m.data["sender"] for m in _messages(path, ["阿远"])] == ["阿远", "路人甲", "阿远", "路人乙"]


def test_wechatexporter_my_names_says_who_the_second_speaker_is(tmp_path: Path) -> None:
    """I speak once, a pasted line with another name once: my_names tells which is the header. Without
    it the two names tie and both stay headers (nothing is merged on a guess)."""
    lines = ["青柠小铺 - 微信聊天记录", "",
             "青柠小铺 (2024-12-01 08:00:00):你看这条：",
             "客服小王 (2024-11-30 21:00:00):已发货",
             "阿远 (2024-12-01 08:02:00):没收到",
             "青柠小铺 (2024-12-01 08:03:00):再等等"]
    path = _ios(tmp_path, lines)
    assert [m.data["sender"] for m in _messages(path, ["阿远"])] == ["青柠小铺", "阿远", "青柠小铺"]
    assert [m.data["sender"] for m in _messages(path)] == ["青柠小铺", "客服小王", "阿远", "青柠小铺"]


# --- D6: MemoTrace v1 HTML media tags -------------------------------------------------------------------


def test_memotrace_v1_html_tags_media_like_the_csv() -> None:
    html = _messages(CHATS / "memotrace_v1_media.html", source="memotrace-v1-html")
    csv = _messages(CHATS / "memotrace_v1_media_utf8.csv", source="memotrace-v1-csv")
    tags = [(m.data["type"], m.data.get("media")) for m in html]
    assert tags == [(m.data["type"], m.data.get("media")) for m in csv]
    assert [media for _type, media in tags] == [None, "sticker", "location", "card", "link", "merged-forward", "red-packet",
                                                "mini-program", "call", "file", "quote", None]
    # the sticker's text is the placeholder, its file path is kept; a link keeps its title
    assert (html[1].data["text"], html[1].data["path"]) == ("[表情]", "./emoji/2.gif")
    assert html[4].data["text"] == "[链接] 售后说明"
    assert html[5].data["text"] == "[聊天记录] 群聊的聊天记录"


def test_memotrace_v1_html_and_csv_share_one_mapping() -> None:
    assert memotrace_v1_html.v1_type is memotrace_v1_csv.v1_type


def test_mht_sender_names_are_split_from_their_qq_number_as_in_the_txt(tmp_path: Path) -> None:
    """A QQ .mht writes `林小满(12345678)` and `系统消息(10000)` as the .txt does: the name alone is the
    sender (so my_names matches in either export), the number its id, 系统消息 the system."""
    text = (CHATS / "qq_friend_ampm.mht").read_bytes().decode("utf-8-sig")
    numbered = text.replace("margin-right:6px;>林小满<", "margin-right:6px;>林小满(12345678)<")
    assert numbered != text
    path = tmp_path / "numbered.mht"
    path.write_bytes(b"\xef\xbb\xbf" + numbered.encode("utf-8"))
    read = _messages(path, source="qq-mht")
    plain = _messages(CHATS / "qq_friend_ampm.mht")
    assert [m.data["sender"] for m in read] == [m.data["sender"] for m in plain]
    assert "林小满" in {m.data["sender"] for m in read}
    assert [m.actor for m in read] == [m.actor for m in plain]


def test_memotrace_v1_csv_call_without_its_duration_is_a_call_placeholder(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n"
                    "1,7,1,0,1,1717203600,2,老板在吗,2024-06-01 09:00:00,阿远,阿远,wxid_ayuan\n"
                    "2,7,50,0,0,1717203660,2,<voipmsg/>,2024-06-01 09:01:00,青柠小铺,青柠小铺,wxid_qingning\n",
                    encoding="utf-8-sig")
    call = _messages(path, source="memotrace-v1-csv")[1]
    assert call.data["text"] == "[通话]" and call.data.get("media") == "call"


def test_pywxdump_quote_is_split_from_the_reply(tmp_path: Path) -> None:
    path = tmp_path / "wxid_shop99_0_2.csv"
    path.write_text("id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\r\n"
                    "1,11,文本,0,wxid_shop99,wxid_shop99,亲，5分钟到账,,2024-06-01 09:00:00\r\n"
                    '2,12,引用消息,1,我,wxid_shop99,"你说的5分钟呢\n\n[引用](2024-06-01 09:00:00)wxid_shop99:亲，5分钟到账",,'
                    "2024-06-01 09:30:00\r\n", encoding="utf-8")
    reply = _messages(path, source="pywxdump-csv")[1]
    assert reply.data["text"] == "你说的5分钟呢"
    assert reply.data["quote"] == "wxid_shop99:亲，5分钟到账" and reply.data["quote_time"] == "2024-06-01 09:00:00"
