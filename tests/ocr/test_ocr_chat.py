"""Chat screenshots: with the OCR extra, the bubbles become message events (right: me, left: the other
side, centred times dating them, grey lines as system messages) and their promises, deflections,
admissions and demands join the timeline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PIL import Image

from conftest import run, run_json
from kameng_cli.ocr.chat import _SEPARATOR, _separator_time, bubbles
from kameng_cli.ocr.model import OcrLine, OcrPage
from kameng_cli.parsing.times import CST

TAKEN = datetime(2024, 5, 3, 12, 30, tzinfo=CST)  # a Friday
ITEMS = [("time", "昨天 21:40"), ("me", "100元的点卡付了半小时了还没到账，订单XC20240501095512"),
         ("them", "亲，系统有延迟，已经反馈给技术了，明天中午前一定给您处理好，请耐心等待哈"),
         ("time", "10:15"), ("me", "中午了还没好"), ("system", "对方撤回了一条消息"),
         ("them", "是我们出库的问题，今天之内原路退回"), ("me", "不退款我就去12315投诉")]


def _with_exif(screen, path: Path) -> Path:
    exif = Image.Exif()
    exif[0x0110] = "Phone"  # Pillow writes no EXIF at all when only the sub-IFD has entries
    exif.get_ifd(0x8769)[0x9003] = TAKEN.strftime("%Y:%m:%d %H:%M:%S")
    screen.image.save(path, format="PNG", exif=exif)
    return path


def test_chat_screenshot_becomes_messages_and_signals(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    path = _with_exif(screens.conversation(ITEMS), tmp_path / "聊天截图.png")
    assert run("-C", case_dir, "add", path).exit_code == 0
    assert run_json("-C", case_dir, "list")["exhibits"][0]["kind"] == "chat"
    events = run_json("-C", case_dir, "timeline")["events"]
    messages = [e for e in events if e["kind"] == "message"]
    assert [(m["actor"], m["data"]["text"]) for m in messages] == [
        ("me", "100元的点卡付了半小时了还没到账，订单XC20240501095512"),
        ("counterparty", "亲，系统有延迟，已经反馈给技术了，明天中午前一定给您处理好，请耐心等待哈"),
        ("me", "中午了还没好"), ("system", "对方撤回了一条消息"),
        ("counterparty", "是我们出库的问题，今天之内原路退回"), ("me", "不退款我就去12315投诉")]
    assert messages[0]["time"] == "2024-05-02T21:40:00+08:00" and messages[2]["time"] == "2024-05-03T10:15:00+08:00"
    assert "minute" in messages[0]["time_flags"] and messages[0]["locator"] == "bubble 1"
    assert messages[3]["data"]["type"] == "recall" and all(m["data"]["ocr"] for m in messages)
    promise = next(e for e in events if e["kind"] == "promise")
    assert promise["data"]["due"] == "2024-05-03T12:00:00+08:00" and promise["exhibit"] == "E01"
    assert {e["data"]["category"] for e in events if e["kind"] == "deflection"} >= {"system-delay", "escalated"}
    assert any(e["kind"] == "admission" for e in events)
    demand = next(e for e in events if e["kind"] == "demand")
    assert demand["data"]["channel"] == "12315"
    assert any(e["kind"] == "promise-broken" for e in events)


def test_bubble_grouping_without_the_engine() -> None:
    """Lines of one bubble share their left edge; centred lines are times or system lines; the title
    and input bars are ignored."""
    page = OcrPage(1000, 2000, [
        OcrLine("云游数码专营店", (400, 90, 200, 40), 0.99),  # title bar
        OcrLine("昨天 21:40", (440, 250, 120, 30), 0.99),
        OcrLine("亲，系统有延迟，已经反馈给技", (120, 320, 560, 40), 0.95),
        OcrLine("术了", (120, 372, 80, 40), 0.9),
        OcrLine("好的", (820, 460, 80, 40), 0.99),
        OcrLine("发送", (880, 1900, 80, 40), 0.99),  # input bar
    ])
    found = bubbles(page, TAKEN)
    assert [(b.side, b.text, b.when) for b in found] == [
        ("counterparty", "亲，系统有延迟，已经反馈给技术了", datetime(2024, 5, 2, 21, 40, tzinfo=CST)),
        ("me", "好的", datetime(2024, 5, 2, 21, 40, tzinfo=CST))]
    assert found[0].confidence == 0.9


def test_separator_dates() -> None:
    def when(text: str) -> datetime | None:
        match = _SEPARATOR.match(text)
        assert match, text
        return _separator_time(match, TAKEN)

    assert when("10:15") == datetime(2024, 5, 3, 10, 15, tzinfo=CST)
    assert when("前天 下午3:05") == datetime(2024, 5, 1, 15, 5, tzinfo=CST)
    assert when("星期三 09:15") == datetime(2024, 5, 1, 9, 15, tzinfo=CST)
    assert when("星期五 09:15") == datetime(2024, 4, 26, 9, 15, tzinfo=CST)  # today would show the time alone
    assert when("12月30日 晚上8:00") == datetime(2023, 12, 30, 20, 0, tzinfo=CST)  # not in the future
    assert when("2024年4月1日 08:00") == datetime(2024, 4, 1, 8, 0, tzinfo=CST)
    assert _separator_time(_SEPARATOR.match("10:15"), None) is None  # no date to put it on


def test_screenshot_and_export_of_one_chat_count_once(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    """The export has each message's own second; the screenshot only the time labels above bubbles."""
    sep = "=" * 64
    export = "\r\n".join([
        "消息记录（此消息记录为文本格式，不支持重新导入）", "", sep, "消息分组:我的好友", sep, "消息对象:云游数码专营店", sep, "",
        "2024-05-02 21:40:05 小明", "100元的点卡付了半小时了还没到账，订单XC20240501095512", "",
        "2024-05-02 21:42:30 云游数码专营店", "亲，系统有延迟，已经反馈给技术了，明天中午前一定给您处理好，请耐心等待哈", "",
        "2024-05-03 10:15:10 小明", "中午了还没好", "",
        "2024-05-03 10:17:45 云游数码专营店", "是我们出库的问题，今天之内原路退回", "",
        "2024-05-03 10:20:00 小明", "不退款我就去12315投诉", "", ""])
    (tmp_path / "全部消息记录.txt").write_bytes(("\ufeff" + export).encode("utf-8"))
    shot = _with_exif(screens.conversation(ITEMS), tmp_path / "聊天截图.png")
    assert run("-C", case_dir, "add", tmp_path / "全部消息记录.txt", shot).exit_code == 0
    events = run_json("-C", case_dir, "timeline")["events"]
    promises = [e for e in events if e["kind"] == "promise"]
    assert len({e["exhibit"] for e in promises}) == 2  # each exhibit keeps its own reading
    broken = [e for e in events if e["kind"] == "promise-broken"]
    assert len(broken) == len(promises) // 2 and {e["exhibit"] for e in broken} == {"E01"}
    out = tmp_path / "letter.md"
    assert run("-C", case_dir, "draft", "--to", "platform", "--force", "-o", out).exit_code == 0
    facts = out.read_text(encoding="utf-8").split("## 事实经过", 1)[1].split("##", 1)[0]
    line = next(line for line in facts.splitlines() if "出库的问题" in line)
    assert facts.count("出库的问题") == 1 and "证据1、证据2" in line


def test_a_form_with_labels_and_values_is_not_a_chat() -> None:
    from kameng_cli.ocr.chat import looks_like_chat

    form = OcrPage(1000, 2000, [OcrLine(text, (x, y, 200, 40), 0.99) for text, x, y in (
        ("昵称", 40, 300), ("小明", 760, 300), ("手机号", 40, 400), ("138****0000", 760, 400), ("地区", 40, 500), ("广州", 760, 500))])
    chat = OcrPage(1000, 2000, [OcrLine(text, (x, y, 300, 40), 0.99) for text, x, y in (
        ("在吗", 660, 300), ("在的亲", 120, 400), ("卡密没到", 660, 500))])
    assert not looks_like_chat(bubbles(form, TAKEN)) and looks_like_chat(bubbles(chat, TAKEN))


def test_group_chat_names_above_bubbles_name_the_sender() -> None:
    page = OcrPage(1000, 2000, [
        OcrLine("10:15", (470, 250, 60, 24), 0.99),
        OcrLine("客服小雅", (120, 300, 110, 26), 0.99),  # smaller than the bubble text below it
        OcrLine("亲，已经反馈给技术了", (130, 340, 400, 38), 0.97),
        OcrLine("店长", (120, 420, 56, 26), 0.99),
        OcrLine("明天给你补发", (130, 460, 250, 38), 0.98),
        OcrLine("好的", (820, 560, 80, 38), 0.99),
    ])
    found = bubbles(page, TAKEN)
    assert [(b.side, b.sender, b.text) for b in found] == [
        ("counterparty", "客服小雅", "亲，已经反馈给技术了"), ("counterparty", "店长", "明天给你补发"), ("me", "", "好的")]


def test_scrolling_screenshots_of_one_chat_quote_each_message_once(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    """The second screenshot starts with the last bubbles of the first, above its own first time label:
    those have no time, and are matched to their dated copy in the first screenshot."""
    first = ITEMS[:3]  # 昨天 21:40, my message, the promise
    second = [ITEMS[2], ("time", "10:15"), *ITEMS[4:]]  # the promise again, scrolled to the top, undated
    paths = [_with_exif(screens.conversation(items), tmp_path / f"截图{n}.png") for n, items in enumerate((first, second), 1)]
    assert run("-C", case_dir, "add", *paths).exit_code == 0
    events = run_json("-C", case_dir, "timeline")["events"]
    undated = [e for e in events if e["kind"] == "message" and e["exhibit"] == "E02" and e["time"] is None]
    assert [e["data"]["text"] for e in undated] == [ITEMS[2][1]]
    out = tmp_path / "letter.md"
    assert run("-C", case_dir, "draft", "--to", "platform", "--force", "-o", out).exit_code == 0
    facts = out.read_text(encoding="utf-8").split("## 事实经过", 1)[1].split("##", 1)[0]
    assert facts.count("明天中午前一定给您处理好") == 1
    assert "证据1、证据2" in next(line for line in facts.splitlines() if "明天中午前" in line)


def test_voice_bubbles_are_voice_messages() -> None:
    from kameng_cli.ingest.base import ParseContext, ParseResult
    from kameng_cli.model.case import Case
    from kameng_cli.ocr.chat import chat_events

    page = OcrPage(1000, 2000, [OcrLine("10:15", (470, 250, 60, 24), 0.99), OcrLine('12"', (130, 320, 60, 38), 0.95),
                                OcrLine("听不清，打字吧", (640, 420, 260, 38), 0.97)])
    found = bubbles(page, TAKEN)
    events, _notes = chat_events(page, found, ParseResult(), ParseContext(case=Case(problem="not-delivered")))
    assert [e.data["type"] for e in events if e.kind == "message"] == ["voice", "text"]
