from pathlib import Path

from helpers import make_jpeg_with_exif, make_png

from conftest import run, run_json


def _add_event(case_dir: Path, at: str, kind: str, summary: str, *extra: str):
    return run("-C", case_dir, "event", "add", "--at", at, "--kind", kind, *extra, summary)


def test_manual_events_in_time_order_with_json_fields(case_dir: Path) -> None:
    assert _add_event(case_dir, "2024-05-02 09:00", "contacted", "打客服电话，对方说今天处理", "--actor", "me").exit_code == 0
    assert _add_event(case_dir, "2024-05-01 09:55", "paid", "付款", "--amount", "100", "--order-no", "XC1").exit_code == 0
    doc = run_json("-C", case_dir, "timeline")
    assert doc["schema"] == "kameng.timeline/1"
    first, second = doc["events"]
    assert first["kind"] == "paid" and first["amount"] == "100.00" and first["order_no"] == "XC1"
    assert first["time"] == "2024-05-01T09:55:00+08:00"
    assert second["kind"] == "contacted" and second["amount"] is None
    for key in ("id", "time", "kind", "actor", "summary", "amount", "order_no", "exhibit", "locator", "confidence", "data"):
        assert key in first
    assert first["id"].startswith("M")


def test_filters(case_dir: Path) -> None:
    _add_event(case_dir, "2024-05-01 09:55", "paid", "付款")
    _add_event(case_dir, "2024-05-01 23:00", "contacted", "联系客服")
    _add_event(case_dir, "2024-05-03 10:00", "contacted", "再次联系")
    assert len(run_json("-C", case_dir, "timeline", "--until", "2024-05-01")["events"]) == 2
    assert len(run_json("-C", case_dir, "timeline", "--since", "2024-05-02")["events"]) == 1
    assert len(run_json("-C", case_dir, "timeline", "--kind", "contacted")["events"]) == 2
    result = run("-C", case_dir, "timeline", "--kind", "bogus")
    assert result.exit_code == 2 and "paid" in result.stderr
    result = run("-C", case_dir, "timeline", "--since", "yesterday-ish")
    assert result.exit_code == 2 and "--since" in result.stderr


def test_table_output(case_dir: Path, tmp_path: Path) -> None:
    _add_event(case_dir, "2024-05-01 10:00", "contacted", "打电话给客服")
    make_jpeg_with_exif(tmp_path / "a.jpg", taken="2024:05:01 10:30:00")
    run("-C", case_dir, "add", tmp_path / "a.jpg")
    result = run("-C", case_dir, "timeline")
    assert result.exit_code == 0
    assert "2024-05-01 10:00:00" in result.stdout and "打电话给客服" in result.stdout and "手动录入" in result.stdout
    assert "E01" in result.stdout


def test_event_validation(case_dir: Path, tmp_path: Path) -> None:
    assert _add_event(case_dir, "2999-01-01 00:00", "contacted", "x").exit_code == 2
    assert _add_event(case_dir, "2024-05-01 10:00", "phonecall", "x").exit_code == 2
    assert _add_event(case_dir, "2024-05-01 10:00", "contacted", "x", "--actor", "boss").exit_code == 2
    result = _add_event(case_dir, "2024-05-01 10:00", "contacted", "x", "--exhibit", "E07")
    assert result.exit_code == 2 and "没有证据 E07" in result.stderr
    make_png(tmp_path / "a.png")
    run("-C", case_dir, "add", tmp_path / "a.png")
    assert _add_event(case_dir, "2024-05-01 10:00", "contacted", "见截图", "--exhibit", "e1").exit_code == 0
    assert run_json("-C", case_dir, "timeline", "--kind", "contacted")["events"][0]["exhibit"] == "E01"


def test_event_rm(case_dir: Path, tmp_path: Path) -> None:
    _add_event(case_dir, "2024-05-01 10:00", "contacted", "one")
    _add_event(case_dir, "2024-05-01 11:00", "contacted", "two")
    assert run("-C", case_dir, "event", "rm", "M0001").exit_code == 0
    assert [e["summary"] for e in run_json("-C", case_dir, "timeline")["events"]] == ["two"]
    result = run("-C", case_dir, "event", "rm", "M0001")
    assert result.exit_code == 2 and "没有手动事件" in result.stderr
    make_jpeg_with_exif(tmp_path / "a.jpg")
    run("-C", case_dir, "add", tmp_path / "a.jpg")
    result = run("-C", case_dir, "event", "rm", "E01-1")
    assert result.exit_code == 2 and "不能删除" in result.stderr


def test_rebuild_rederives_and_keeps_manual_events(case_dir: Path, tmp_path: Path) -> None:
    make_jpeg_with_exif(tmp_path / "a.jpg", taken="2024:05:01 10:30:00")
    run("-C", case_dir, "add", tmp_path / "a.jpg")
    _add_event(case_dir, "2024-05-01 10:00", "contacted", "电话")
    before = run_json("-C", case_dir, "timeline")["events"]
    (case_dir / ".kameng" / "events.jsonl").write_text("", encoding="utf-8")  # derived events lost
    assert [e["kind"] for e in run_json("-C", case_dir, "timeline")["events"]] == ["contacted"]
    result = run("-C", case_dir, "rebuild")
    assert result.exit_code == 0 and "1 份证据" in result.stderr
    assert run_json("-C", case_dir, "timeline")["events"] == before


def test_empty_timeline_and_list(case_dir: Path) -> None:
    assert run("-C", case_dir, "timeline").exit_code == 0
    assert run_json("-C", case_dir, "list") == {"schema": "kameng.exhibits/1", "exhibits": []}
    assert run_json("-C", case_dir, "timeline") == {"schema": "kameng.timeline/1", "events": []}


def test_untimed_events_sort_last_in_file_order() -> None:
    from kameng_cli.model.records import Event, event_sort_key
    from kameng_cli.parsing.times import parse_time

    untimed = [Event("a", None, "message", "me", "x"), Event("b", None, "message", "me", "y")]
    timed = Event("c", parse_time("2024-05-01 10:00"), "paid", "me", "z")
    assert [e.id for e in sorted([*untimed, timed], key=event_sort_key)] == ["c", "a", "b"]


def test_summaries_follow_the_readers_language(case_dir: Path, tmp_path: Path) -> None:
    """A case built in Chinese and read with --lang en (a volunteer's) shows kameng's own text in English,
    in the table and in --json; the chat's words and the user's own event text stay as they were."""
    chat = tmp_path / "工单.txt"
    chat.write_text("[2024/5/1 10:00] 客服小美：收到，10分钟内到账，请耐心等待\n"
                    "[2024/5/1 10:30] 小明：还没到，我要退款100元，不然打12315\n", encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0
    _add_event(case_dir, "2024-05-02 09:00", "contacted", "打了平台客服电话")
    english = run("-C", case_dir, "--lang", "en", "timeline").stdout
    assert "promise '10分钟内', due 2024-05-01 10:10" in english
    assert "deflection (asks to wait)" in english and "demand: refund" in english
    assert "承诺「" not in english and "推诿" not in english
    assert "收到，10分钟内到账" in english and "打了平台客服电话" in english
    events = {e["kind"]: e for e in run_json("-C", case_dir, "--lang", "en", "timeline")["events"]}
    assert events["promise"]["summary"] == "promise '10分钟内', due 2024-05-01 10:10"
    assert events["contacted"]["summary"] == "打了平台客服电话"
    chinese = {e["kind"]: e for e in run_json("-C", case_dir, "timeline")["events"]}
    assert chinese["promise"]["summary"] == "承诺「10分钟内」，期限 2024-05-01 10:10"


def test_payment_and_screenshot_summaries_are_said_again() -> None:
    from decimal import Decimal

    from kameng_cli.i18n import said
    from kameng_cli.model.summary import summary_in

    paid = {"match": {"rule": "order-no"}, "counterparty": "云游数码"}
    assert summary_in("paid", "向 云游数码 支付 ¥100.00", Decimal("100"), paid, "alipay", lang="en") == "paid ¥100.00 to 云游数码"
    refund = {"say": said("payments.event.refunded_partial", counterparty="云游数码", amount="¥30.00")}
    assert summary_in("refunded", "…", Decimal("30"), refund, "wechat", lang="en") == "refunded ¥30.00 (partial) from 云游数码"
    assert summary_in("paid", "我付了钱", Decimal("1"), paid, "manual", lang="en") == "我付了钱"  # the user's words
    assert summary_in("other", "x", None, {"say": {"key": "no.such.key"}}, "", lang="en") == "x"


def test_a_merchants_transfer_in_the_chat_is_no_word_of_the_user(case_dir: Path, tmp_path: Path) -> None:
    """The shop's transfer back is money moved (its own summary), the user's 退款收到了 their word."""
    chat = tmp_path / "工单.txt"
    chat.write_text("[2024/5/1 10:30] 客服小美：[转账]￥50.00 退款 客服小美→小明\n"
                    "[2024/5/1 10:31] 小明：退款收到了50元\n", encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0
    refunds = [e for e in run_json("-C", case_dir, "timeline")["events"] if e["kind"] == "refunded"]
    assert [e["summary"] for e in refunds] == ["客服小美 在聊天中转回 ¥50.00", "我方确认已收到退款：「退款收到了」"]
    assert refunds[0]["data"].get("category") is None and refunds[1]["data"]["category"] == "confirmed"
    letter = run("-C", case_dir, "draft", "--to", "platform", "--force", "-o", "-").stdout
    assert "我收到退款¥50.00" in letter and "我在聊天中确认已收到退款" in letter
    assert letter.count("我在聊天中确认") == 1


def test_removing_an_event_that_is_not_manual_says_where_it_comes_from(case_dir: Path, tmp_path: Path) -> None:
    chat = tmp_path / "工单.txt"
    chat.write_text("[2024/5/1 10:00] 客服小美：10分钟内到账\n[2024/5/1 12:00] 小明：还没到\n", encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0
    ids = [e["id"] for e in run_json("-C", case_dir, "timeline")["events"]]
    derived = next(i for i in ids if i.startswith("E01"))
    analysed = next(i for i in ids if i.startswith("T"))
    result = run("-C", case_dir, "event", "rm", derived.lower())
    assert result.exit_code == 2 and "从证据中读出" in result.stderr
    result = run("-C", case_dir, "event", "rm", analysed)
    assert result.exit_code == 2 and "根据整条时间线推出" in result.stderr


def test_a_number_option_given_words_is_said_in_chinese() -> None:
    result = run("calendar", "--show", "abc")
    assert result.exit_code == 2 and "要一个数字" in result.stderr and "not a valid" not in result.stderr
