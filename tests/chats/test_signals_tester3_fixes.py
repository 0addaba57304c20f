"""Behaviour behind the third black-box report (notes/tester_drafts.md): 今晚12点 read as noon (D6), an
account taken back after the sale and the user's refund demand in their own words (D14), 下单后N分钟
counted from the message instead of the order (D19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run, run_json
from kameng_cli.ocr.facts import read_page
from kameng_cli.ocr.model import OcrLine, OcrPage
from kameng_cli.parsing.times import parse_time
from kameng_cli.signals.extract import analyse
from kameng_cli.signals.vocabulary import load

EVENING = parse_time("2026-11-28 19:25")


def _promise(text: str, when=EVENING, ordered_at=None):
    found = [s for s in analyse(text, "counterparty", when, load(None), ordered_at) if s.kind == "promise"]
    return found[0] if found else None


def _kinds(text: str, role: str = "counterparty") -> dict[str, list]:
    found: dict[str, list] = {}
    for signal in analyse(text, role, EVENING, load(None)):
        found.setdefault(signal.kind, []).append(signal)
    return found


# --- D6: a clock time that, with its day word, lies before the message ---------------------------------


@pytest.mark.parametrize(("text", "said", "due"), [
    ("系统延迟，今晚12点前给您开通", "2026-11-28 19:25", "2026-11-29T00:00:00+08:00"),  # the tester's case
    ("晚上12点前一定给你发", "2026-11-28 19:25", "2026-11-29T00:00:00+08:00"),
    ("今天晚上12点之前给你处理", "2026-11-28 19:25", "2026-11-29T00:00:00+08:00"),
    ("明晚12点前发你", "2026-11-28 15:00", "2026-11-30T00:00:00+08:00"),
    ("今晚12点半前给你发", "2026-11-28 19:25", "2026-11-29T00:30:00+08:00"),
    # 12点 with no part of the day is noon before noon and midnight after it
    ("今天12点前给您处理好", "2026-11-28 19:25", "2026-11-29T00:00:00+08:00"),
    ("12点前给您开通", "2026-11-28 19:25", "2026-11-29T00:00:00+08:00"),
    ("今天12点前给您处理好", "2026-11-28 10:25", "2026-11-28T12:00:00+08:00"),
    ("12点前给您开通", "2026-11-28 10:25", "2026-11-28T12:00:00+08:00"),
    ("明天12点前给你发", "2026-11-28 19:25", "2026-11-29T12:00:00+08:00"),
    ("中午12点前给你发", "2026-11-28 10:25", "2026-11-28T12:00:00+08:00"),
])
def test_midnight_said_as_twelve(text: str, said: str, due: str) -> None:
    found = _promise(text, parse_time(said))
    assert found is not None and found.data["due"] == due and found.data["rule"] == "clock"
    assert found.data["due"] > parse_time(said).isoformat()  # never before the words


@pytest.mark.parametrize(("text", "said", "passed"), [
    ("今天上午10点前给您处理", "2026-11-28 15:00", "2026-11-28T10:00:00+08:00"),
    ("今天中午12点前给你发", "2026-11-28 19:25", "2026-11-28T12:00:00+08:00"),
    ("今晚11点前给你发", "2026-11-28 23:30", "2026-11-28T23:00:00+08:00"),
])
def test_a_time_already_past_when_said_sets_no_due(text: str, said: str, passed: str) -> None:
    found = _promise(text, parse_time(said))
    assert found is not None and found.data["due"] is None and found.data["vague"] is False
    assert found.data["due_passed"] == passed


def test_the_tester_case_through_the_cli(case_dir: Path, tmp_path: Path) -> None:
    """c03: paid 19:01, promise at 19:25; the broken promise falls at 24:00, after both."""
    chat = tmp_path / "qq.txt"
    chat.write_text(_qq("星辰客服", [
        ("2024-05-01 19:20:00", "小明", "付了款会员没开通"),
        ("2024-05-01 19:25:00", "星辰客服", "系统延迟，今晚12点前给您开通"),
        ("2024-05-02 09:00:00", "小明", "还是没开通"),
    ]), encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0
    events = run_json("-C", case_dir, "timeline")["events"]
    promise = next(e for e in events if e["kind"] == "promise")
    assert promise["data"]["due"] == "2024-05-02T00:00:00+08:00"
    broken = next(e for e in events if e["kind"] == "promise-broken")
    assert broken["time"].startswith("2024-05-02T00:00:00")
    zh = run("-C", case_dir, "timeline")
    assert "期限 2024-05-02 00:00" in zh.stdout and "2024-05-01 12:00" not in zh.stdout


def test_a_passed_time_is_said_so_in_the_timeline(case_dir: Path, tmp_path: Path) -> None:
    chat = tmp_path / "qq.txt"
    chat.write_text(_qq("星辰客服", [
        ("2024-05-01 15:00:00", "小明", "卡还没到"),
        ("2024-05-01 15:05:00", "星辰客服", "今天上午10点前给您处理"),
    ]), encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0
    events = run_json("-C", case_dir, "timeline")["events"]
    promise = next(e for e in events if e["kind"] == "promise")
    assert promise["data"]["due"] is None and promise["data"]["due_passed"] == "2024-05-01T10:00:00+08:00"
    assert not any(e["kind"] == "promise-broken" for e in events)
    assert "在说这句话时已过" in run("-C", case_dir, "timeline").stdout
    assert "had passed when it was said" in run("--lang", "en", "-C", case_dir, "timeline").stdout


# --- D14: an account taken back; the user's own demand ---------------------------------------------------


@pytest.mark.parametrize(("text", "amount"), [
    ("3天过去了，请按包赔承诺退款1200元", "1200.00"),
    ("请按约定退还货款1200元", "1200.00"),
    ("希望你们尽快退款", None),
    ("麻烦尽快退款，谢谢", None),
    ("要求商家全额退款", None),
])
def test_a_refund_asked_for_in_own_words(text: str, amount: str | None) -> None:
    demands = _kinds(text, "me").get("demand")
    assert demands and demands[0].data["claim"] == "refund" and demands[0].data["amount"] == amount


@pytest.mark.parametrize("text", [
    "请问退款什么时候能到", "麻烦查一下退款进度", "麻烦看下退款到账了没", "我不希望退款，只要卡", "请不要退款",
    "请你们退款可以吗？", "退款1200元收到了，请确认", "账号今天被原号主找回了，登录不上",
])
def test_no_refund_demand(text: str) -> None:
    assert "demand" not in _kinds(text, "me")


@pytest.mark.parametrize(("text", "admits"), [
    ("查了，号确实被原号主找回了", True),
    ("账号被申诉找回了，我们联系号主", True),
    ("是的，账号已经被原号主申诉回去了", True),
    ("号没被找回，你再登录试试", False),
    ("这个号被你自己找回了吧", False),
    ("订单号被系统锁了", False),
    ("你的手机号被封了", False),
])
def test_the_seller_saying_the_account_was_taken_back(text: str, admits: bool) -> None:
    assert ("admission" in _kinds(text)) is admits


def test_a_screenshot_of_the_account_taken_back_shows_the_problem() -> None:
    page = OcrPage(1080, 1600, [OcrLine("该账号已被申诉找回", (54, 84, 409, 62), 0.99),
                                OcrLine("请联系原绑定手机", (54, 166, 363, 57), 0.99)])  # the tester's screenshot, as read
    reading = read_page(page)
    assert reading.kind == "delivery-failure"
    assert [(f.value, f.role) for f in reading.of_type("status")] == [("账号已被找回", "delivery-failed")]


def test_c05_chain_shows_the_problem_and_the_demand(tmp_path: Path) -> None:
    """c05 without its screenshot: the seller's own word that the account was taken back shows the
    problem, and 请按包赔承诺退款1200元 is the demand (KM101 for neither)."""
    root = tmp_path / "case"
    result = run("init", str(root), "--problem", "after-sales-refused", "--platform", "盼盼游戏交易平台",
                 "--merchant", "账号商阿龙", "--order-no", "PP2026102012000888", "--goods", "某手游账号",
                 "--price", "1200", "--paid-at", "2026-10-20 12:00:08", "--payment-channel", "支付宝",
                 "--my-name", "老王", "--claim", "refund")
    assert result.exit_code == 0, result.output
    chat = tmp_path / "qq.txt"
    chat.write_text(_qq("账号商阿龙", [
        ("2026-10-20 11:50:00", "账号商阿龙", "账号包赔，被找回全额赔付"),
        ("2026-10-31 09:00:00", "老王", "账号今天被原号主找回了，登录不上，绑定手机也被换了"),
        ("2026-10-31 09:30:00", "账号商阿龙", "查了，号确实被原号主找回了，3天内给你处理退款"),
        ("2026-11-04 10:00:00", "老王", "3天过去了，请按包赔承诺退款1200元"),
        ("2026-11-04 12:00:00", "账号商阿龙", "找回是你自己没保管好，不退"),
    ]), encoding="utf-8")
    assert run("-C", root, "add", chat).exit_code == 0
    report = run_json("-C", root, "check")
    links = {link["link"]: link["status"] for link in report["chain"]}
    assert links["problem-shown"] == "proven" and links["demanded"] == "proven", links
    demand = next(e for e in run_json("-C", root, "timeline")["events"] if e["kind"] == "demand")
    assert demand["data"]["claim"] == "refund" and demand["data"]["amount"] == "1200.00"


# --- D19: 下单后N分钟 counts from the order -------------------------------------------------------------


ORDER = parse_time("2026-09-15 10:10:10")


@pytest.mark.parametrize(("text", "said", "due", "from_order"), [
    ("下单后10分钟内到账", "2026-09-15 10:05", "2026-09-15T10:20:10+08:00", True),  # the tester's case
    ("付款成功后一般5分钟到账", "2026-09-15 10:05", "2026-09-15T10:15:10+08:00", True),
    ("下单后24小时内到账", "2026-09-15 11:05", "2026-09-16T10:10:10+08:00", True),  # said after the order
    ("下单后10分钟内到账", "2026-09-15 11:05", "2026-09-15T11:15:00+08:00", False),  # would lie before the words
    ("10分钟内到账", "2026-09-15 10:05", "2026-09-15T10:15:00+08:00", False),  # no 下单后: from the message
    ("下单后10分钟内到账", "2026-09-10 10:05", "2026-09-10T10:15:00+08:00", False),  # days before: another order
])
def test_after_the_order(text: str, said: str, due: str, from_order: bool) -> None:
    found = _promise(text, parse_time(said), ORDER)
    assert found is not None and found.data["due"] == due
    assert (found.data["deadline"].get("counted_from") == "order") is from_order


def test_after_the_order_without_an_order_time() -> None:
    found = _promise("下单后10分钟内到账", parse_time("2026-09-15 10:05"))
    assert found is not None and found.data["due"] == "2026-09-15T10:15:00+08:00"


def test_c09_through_the_cli(case_dir: Path, tmp_path: Path) -> None:
    """The case's paid_at (2024-05-01 09:55:12) reaches the chat's signals through `add`."""
    chat = tmp_path / "qq.txt"
    chat.write_text(_qq("星辰客服", [
        ("2024-05-01 09:50:00", "星辰客服", "下单后10分钟内到账"),
        ("2024-05-01 11:00:00", "小明", "付款快一个小时了，还没到账"),
    ]), encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0
    events = run_json("-C", case_dir, "timeline")["events"]
    promise = next(e for e in events if e["kind"] == "promise")
    assert promise["data"]["due"] == "2024-05-01T10:05:12+08:00"
    assert next(e for e in events if e["kind"] == "promise-broken")["time"].startswith("2024-05-01T10:05:12")


def _qq(other: str, messages: list[tuple[str, str, str]]) -> str:
    head = ("消息记录（此消息记录为文本格式，不支持重新导入）\n\n" + "=" * 64 + "\n消息分组:我的好友\n" + "=" * 64
            + f"\n消息对象:{other}\n" + "=" * 64 + "\n\n")
    return head + "".join(f"{when} {who}\n{text}\n\n" for when, who, text in messages)
