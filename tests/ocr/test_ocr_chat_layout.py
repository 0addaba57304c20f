"""A chat screenshot is told by its layout, not by its words: the buyer's bubble saying 付款成功 or
处理中 is what the buyer wrote, not a payment page or the order's state. A kind the user gives with
--kind decides how the screenshot is read. Long bubble lines that sit nearly centred stay bubbles of
their side (journey 2, D1 and D6)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PIL import Image

from conftest import run, run_json
from kameng_cli.ingest.base import ParseContext, ParseResult
from kameng_cli.ocr.chat import bubbles
from kameng_cli.ocr.facts import read_page
from kameng_cli.ocr.model import OcrLine, OcrPage
from kameng_cli.ocr.screenshot import apply_page
from kameng_cli.parsing.times import CST

from .ocr_helpers import page, wechat

TAKEN = datetime(2024, 9, 29, 22, 30, 12, tzinfo=CST)
ITEMS = [("time", "9月29日 20:30"), ("me", "你好，订单XC20240929201533付款成功一直没到账"),
         ("them", "亲，通道拥堵，30分钟内到账哈，耐心等待"), ("time", "21:45"), ("me", "已经一个多小时了还是处理中"),
         ("them", "上游接口问题，明天给你补发😊"), ("time", "22:10"), ("me", "卡密发来了但是提示该卡密已被使用🙄"),
         ("me", "请在24小时内退款98.50元，否则我向12315投诉"), ("them", "虚拟商品一经售出概不退换")]
MESSAGES = [("me", "你好，订单XC20240929201533付款成功一直没到账"), ("counterparty", "亲，通道拥堵，30分钟内到账哈，耐心等待"),
            ("me", "已经一个多小时了还是处理中"), ("counterparty", "上游接口问题，明天给你补发"),
            ("me", "卡密发来了但是提示该卡密已被使用"), ("me", "请在24小时内退款98.50元，否则我向12315投诉"),
            ("counterparty", "虚拟商品一经售出概不退换")]

# What OCR reads in wechat(ITEMS) (1080×2340): the user's full lines (14 characters, ~60 % of the width)
# and the other side's line widened by its emoji sit within 6 % of the middle; the short last lines
# 到账 / 使用 have taller boxes than the lines above them.
TESTER_PAGE = OcrPage(1080, 2340, [OcrLine(text, box, 0.99) for text, box in (
    ("22:30", (31, 35, 117, 53)), ("鑫源游戏专营店", (370, 145, 342, 54)), ("9月29日20:30", (433, 282, 214, 40)),
    ("你好，订单XC2024092", (421, 408, 455, 53)), ("9201533付款成功一直没", (418, 471, 489, 48)), ("到账", (412, 526, 113, 65)),
    ("亲，通道拥堵，30分钟内到账", (170, 684, 587, 53)), ("哈，耐心等待", (169, 746, 276, 54)), ("21:45", (490, 848, 98, 47)),
    ("已经一个多小时了还是处理中", (332, 980, 575, 48)), ("上游接口问题，明天给你补发", (173, 1129, 621, 53)),
    ("22:10", (490, 1231, 98, 47)), ("卡密发来了但是提示该卡密已被", (285, 1360, 625, 56)), ("使用", (280, 1419, 148, 63)),
    ("请在24小时内退款98.50", (427, 1575, 475, 53)), ("元，否则我向12315投诉", (424, 1635, 484, 57)),
    ("虚拟商品一经售出概不退换", (172, 1790, 535, 53)), ("对方撤回了一条消息", (396, 1900, 288, 40)),
    ("按住说话", (53, 2233, 174, 56)), ("发送", (922, 2230, 99, 62)))])


def _parse(ocr_page: OcrPage, kind: str | None = None) -> ParseResult:
    result = ParseResult(kind="other", media_type="image/png", captured_at=TAKEN, captured_at_source="exif")
    apply_page(ocr_page, result, ParseContext(options={"kind": kind} if kind else {}, original_name="聊天截图.png"))
    return result


def _messages(events) -> list[tuple[str, str]]:
    return [(e.actor, e.data["text"]) for e in events if e.kind == "message"]


def test_long_bubble_lines_near_the_middle_stay_on_their_side() -> None:
    """A line against the bubble edge of its side is a bubble even when nearly centred; a wrapped
    bubble's short last line with a taller box stays in it; exactly centred lines are still times and
    system lines."""
    found = bubbles(TESTER_PAGE, TAKEN)
    assert [(b.side, b.text) for b in found] == [*MESSAGES, ("system", "对方撤回了一条消息")]
    assert [b.when.strftime("%H:%M") for b in found] == ["20:30", "20:30", "21:45", "21:45", "22:10", "22:10", "22:10", "22:10"]


def test_buyer_writing_payment_success_in_a_chat_is_read_as_a_chat() -> None:
    result = _parse(TESTER_PAGE)
    reading = result.details["ocr"]["reading"]
    assert result.kind == "chat" and reading["kind"] == "chat" and reading["payment_page"] is False
    assert not [e for e in result.events if e.kind in ("paid", "delivery-failed", "delivered", "ordered")]
    assert _messages(result.events)[:7] == MESSAGES
    promise = next(e for e in result.events if e.kind == "promise" and "明天" in e.summary)
    assert promise.actor == "counterparty"


def test_payment_success_inside_a_sentence_is_no_payment_heading() -> None:
    chat_words = read_page(page("你好，订单XC20240501095512付款成功一直没到账"))
    assert chat_words.kind != "payment" and not chat_words.payment_page
    heading = read_page(page(("支付成功", "完成"), "¥100.00", ("支付时间", "2024-05-01 09:55:12")))
    assert heading.kind == "payment" and heading.kind_reason == ["支付成功"]


def test_a_kind_given_by_the_user_decides_the_reading() -> None:
    # Two bubbles are too few to tell a chat by its layout, and 付款成功了 alone on its row reads as a
    # payment heading; the user knows better.
    two = OcrPage(1080, 2340, [OcrLine("付款成功了", (640, 400, 230, 50), 0.99),
                               OcrLine("亲，还在处理中，稍等", (170, 520, 430, 50), 0.99)])
    suggested = _parse(two)
    assert suggested.kind == "payment" and [e.kind for e in suggested.events] == ["paid", "delivery-failed"]
    forced = _parse(two, "chat")
    assert forced.kind == "chat" and forced.details["ocr"]["reading"]["forced"] is True
    assert _messages(forced.events) == [("me", "付款成功了"), ("counterparty", "亲，还在处理中，稍等")]
    assert not [e for e in forced.events if e.kind in ("paid", "delivery-failed")]
    assert "按你指定的类别读取截图：沟通记录（chat）" in forced.messages
    # ... and the other way round: a chat the user calls a payment record gives the payment.
    as_payment = _parse(TESTER_PAGE, "payment")
    assert as_payment.kind == "payment" and [e.kind for e in as_payment.events if e.kind == "paid"] == ["paid"]
    assert not _messages(as_payment.events)


def _screenshot(screens, items, path: Path) -> Path:
    exif = Image.Exif()
    exif[0x0110] = "Phone"
    exif.get_ifd(0x8769)[0x9003] = TAKEN.strftime("%Y:%m:%d %H:%M:%S")
    wechat(screens, items).save(path, format="PNG", exif=exif)
    return path


def test_rendered_chat_with_payment_words_gives_messages_not_a_payment(ocr, screens, case_dir: Path,
                                                                      tmp_path: Path) -> None:
    path = _screenshot(screens, ITEMS, tmp_path / "聊天截图.png")
    result = run("-C", case_dir, "add", path)
    assert result.exit_code == 0, result.output
    assert "读到 7 条消息" in result.output and "支付凭证" not in result.output
    assert run_json("-C", case_dir, "list")["exhibits"][0]["kind"] == "chat"
    events = [e for e in run_json("-C", case_dir, "timeline")["events"] if e["exhibit"] == "E01"]
    assert not [e for e in events if e["kind"] in ("paid", "delivery-failed")]
    assert [(e["actor"], e["data"]["text"]) for e in events if e["kind"] == "message"] == MESSAGES
    assert [e["time"] for e in events if e["kind"] == "message"][2] == "2024-09-29T21:45:00+08:00"
    promise = next(e for e in events if e["kind"] == "promise" and "明天" in e["summary"])
    assert promise["actor"] == "counterparty"


def test_image_source_reads_a_chat_when_the_kind_chat_is_given(ocr, screens, tmp_path: Path) -> None:
    from kameng_cli.ingest.sources.image import SOURCE

    path = _screenshot(screens, [("me", "付款成功了"), ("them", "亲，还在处理中，稍等")], tmp_path / "两条.png")
    assert SOURCE.parse(path, ParseContext(original_name="两条.png")).kind == "payment"
    result = SOURCE.parse(path, ParseContext(original_name="两条.png", options={"kind": "chat"}))
    assert result.kind == "chat"
    assert _messages(result.events) == [("me", "付款成功了"), ("counterparty", "亲，还在处理中，稍等")]
    assert not [e for e in result.events if e.kind in ("paid", "delivery-failed")]


def test_add_with_kind_chat_reads_the_bubbles(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    path = _screenshot(screens, [("me", "付款成功了"), ("them", "亲，还在处理中，稍等")], tmp_path / "两条.png")
    assert run("-C", case_dir, "add", path, "--kind", "chat").exit_code == 0
    events = [e for e in run_json("-C", case_dir, "timeline")["events"] if e["exhibit"] == "E01"]
    assert [e["kind"] for e in events if e["kind"] in ("paid", "delivery-failed")] == []
    assert len([e for e in events if e["kind"] == "message"]) == 2


def test_a_kind_given_later_reads_the_screenshot_again(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    """Added without a kind (suggested payment), then `add FILE --kind chat`: the exhibit is read again
    as a chat at once, and `rebuild` keeps reading it so."""
    path = _screenshot(screens, [("me", "付款成功了"), ("them", "亲，还在处理中，稍等")], tmp_path / "两条.png")
    assert run("-C", case_dir, "add", path).exit_code == 0
    assert run("-C", case_dir, "add", path, "--kind", "chat").exit_code == 0
    for _ in range(2):
        events = [e for e in run_json("-C", case_dir, "timeline")["events"] if e["exhibit"] == "E01"]
        assert [e["kind"] for e in events if e["kind"] in ("paid", "delivery-failed")] == []
        assert len([e for e in events if e["kind"] == "message"]) == 2
        assert run("-C", case_dir, "rebuild").exit_code == 0
