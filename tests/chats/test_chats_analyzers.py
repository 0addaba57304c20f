"""Timeline analyzers: promise-broken against every event (payments and manual events count) and
silence (no reply beyond the threshold, or unanswered messages across days)."""

from __future__ import annotations

from decimal import Decimal

from kameng_cli.model.records import Event
from kameng_cli.parsing.times import parse_time
from kameng_cli.signals import ANALYZERS
from kameng_cli.signals.analyzers import promise_broken, silence


def message(index: int, when: str, actor: str, text: str, exhibit: str = "E01", **extra) -> Event:
    data = {"type": "text", "role": actor, "sender": actor, "text": text, "index": index, "platform": "qq", **extra}
    return Event(f"{exhibit}-{index + 1}", parse_time(when), "message", actor, text, exhibit=exhibit, locator=f"line {index}", data=data)


def promise(when: str, due: str) -> Event:
    return Event("E01-9", parse_time(when), "promise", "counterparty", "承诺", exhibit="E01", locator="line 9",
                 data={"due": parse_time(due).isoformat(), "vague": False, "phrase": "24小时内", "text": "24小时内处理", "message_index": 3})


def test_analyzers_are_registered() -> None:
    assert "kameng_cli.signals.analyzers:promise_broken" in ANALYZERS and "kameng_cli.signals.analyzers:silence" in ANALYZERS


def test_promise_broken_when_nothing_settled_it_in_time() -> None:
    events = [promise("2024-05-01 10:00", "2024-05-02 10:00")]
    broken = promise_broken(events, None, today=parse_time("2024-06-01"))
    assert len(broken) == 1 and broken[0].data["promise"] == "E01-9" and broken[0].time == parse_time("2024-05-02 10:00")


def test_manual_delivery_before_the_due_time_keeps_the_promise() -> None:
    delivered = Event("M0001", parse_time("2024-05-01 20:00"), "delivered", "merchant", "到账了", source="manual")
    assert promise_broken([promise("2024-05-01 10:00", "2024-05-02 10:00"), delivered], None, today=parse_time("2024-06-01")) == []


def test_a_late_refund_does_not_keep_it_but_is_named() -> None:
    refund = Event("E02-1", parse_time("2024-05-03 09:00"), "refunded", "merchant", "退款", amount=Decimal("100.00"), exhibit="E02")
    broken = promise_broken([promise("2024-05-01 10:00", "2024-05-02 10:00"), refund], None, today=parse_time("2024-06-01"))
    assert broken[0].data["settled_late"] == "E02-1"


def test_a_promise_not_yet_due_is_not_broken() -> None:
    assert promise_broken([promise("2024-05-01 10:00", "2024-05-02 10:00")], None, today=parse_time("2024-05-01 12:00")) == []


def test_silence_after_the_users_question() -> None:
    events = [message(0, "2024-05-01 10:00", "me", "卡密呢"), message(1, "2024-05-01 10:05", "counterparty", "嗯嗯"),
              message(2, "2024-05-03 12:00", "counterparty", "在处理了")]
    found = silence(events, None)
    assert len(found) == 1 and found[0].data["reason"] == "no-reply" and found[0].data["hours"] == 50.0


def test_a_quick_answer_is_no_silence() -> None:
    events = [message(0, "2024-05-01 10:00", "me", "卡密呢"), message(1, "2024-05-01 11:00", "counterparty", "马上发")]
    assert silence(events, None) == []


def test_unanswered_messages_across_days_mean_the_merchant_vanished() -> None:
    events = [message(0, "2024-05-01 10:00", "counterparty", "5分钟到账"), message(1, "2024-05-01 10:30", "me", "还没到"),
              message(2, "2024-05-02 09:00", "me", "人呢"), message(3, "2024-05-03 09:00", "me", "再不回就投诉")]
    found = silence(events, None)
    assert [f.data["reason"] for f in found] == ["unanswered-days"]
    assert found[0].data["days"] == ["2024-05-01", "2024-05-02", "2024-05-03"] and found[0].data["messages"] == 3


def test_silence_is_per_conversation() -> None:
    events = [message(0, "2024-05-01 10:00", "me", "在吗", exhibit="E01"),
              message(0, "2024-05-03 10:00", "counterparty", "在", exhibit="E02")]
    assert silence(events, None) == []


def test_one_timeline_compares_the_exhibits_once(monkeypatch) -> None:
    """promise-broken and silence both need the messages repeated across exhibits: derive computes
    that once, and both still leave the repeated copy out."""
    from kameng_cli import derive as derive_module
    from kameng_cli.signals import overlap

    calls = []
    real = overlap._copies
    monkeypatch.setattr(overlap, "_copies", lambda events: calls.append(1) or real(events))
    said = [("2024-05-01 10:00", "me", "卡密呢"), ("2024-05-03 12:00", "counterparty", "24小时内处理")]
    first = [message(i, when, actor, text) for i, (when, actor, text) in enumerate(said)]
    second = [message(i, when, actor, text, exhibit="E02") for i, (when, actor, text) in enumerate(said)]
    promises = [Event(f"{exhibit}-9", parse_time("2024-05-03 12:00"), "promise", "counterparty", "承诺", exhibit=exhibit,
                      data={"due": parse_time("2024-05-04 12:00").isoformat(), "phrase": "24小时内", "text": "24小时内处理",
                            "message_index": 1}) for exhibit in ("E01", "E02")]
    derived = derive_module.derive([*first, *second, *promises], [], None)
    assert len(calls) == 1
    kinds = sorted(event.kind for event in derived)
    assert kinds == ["promise-broken", "silence"], kinds  # once each, not once per exhibit
    assert all(event.exhibit == "E01" for event in derived)


def test_the_users_acknowledgement_owes_no_answer() -> None:
    """好的 / 好的谢谢 after the merchant's answer start no wait; a real question still does."""
    events = [message(0, "2024-05-01 10:00", "me", "卡密呢"), message(1, "2024-05-01 10:05", "counterparty", "明天给你补"),
              message(2, "2024-05-01 10:06", "me", "好的，谢谢"), message(3, "2024-05-06 10:00", "me", "嗯嗯好的"),
              message(4, "2024-05-08 10:00", "counterparty", "在吗")]
    assert silence(events, None) == []
    events[3] = message(3, "2024-05-06 10:00", "me", "还没到，什么时候补？")
    found = silence(events, None)
    assert len(found) == 1 and found[0].data["message"] == "E01-4"


def test_the_user_confirming_receipt_keeps_the_promise(tmp_path) -> None:
    """客服: 明天中午前补发 … 我: 收到了，这次兑换成功了 (before the due time): a delivery, no broken promise."""
    from kameng_cli.ingest.base import ParseContext
    from kameng_cli.ingest.chats import ticket_transcript
    from kameng_cli.model.case import Case

    log = tmp_path / "工单.txt"
    log.write_text("客服小美 2024-05-01 10:00:01\n亲，明天中午前给您补发新的激活码\n\n"
                   "小明 2024-05-02 09:30:00\n收到了，这次兑换成功了\n\n"
                   "客服小美 2024-05-02 09:31:00\n好的亲\n", encoding="utf-8")
    result = ticket_transcript.SOURCE.parse(log, ParseContext(case=Case(problem="not-delivered", my_names=["小明"])))
    delivered = [e for e in result.events if e.kind == "delivered"]
    assert len(delivered) == 1 and delivered[0].actor == "merchant" and delivered[0].data["phrase"] == "兑换成功"
    for event in result.events:
        event.exhibit = "E01"
    assert promise_broken(result.events, None, today=parse_time("2024-06-01")) == []
    assert not [s for s in analyse_me("到账了，但是少了50") if s.kind == "delivered"]


def analyse_me(text: str):
    from kameng_cli.signals.extract import analyse
    from kameng_cli.signals.vocabulary import load

    return analyse(text, "me", parse_time("2024-05-02 10:00"), load(None))


def test_a_gap_over_national_day_is_said_not_warned(tmp_path) -> None:
    from kameng_cli.ingest.base import ParseContext
    from kameng_cli.ingest.chats import ticket_transcript
    from kameng_cli.model.case import Case

    lines = []
    for day in range(24, 31):  # a chatty week in September: the log's rhythm is hours
        lines += [f"小明 2024-09-{day} 10:00:01", "到了吗", "", f"客服小美 2024-09-{day} 10:30:00", "在处理", ""]
    lines += ["小明 2024-09-30 16:00:00", "节后再说吧", "", "客服小美 2024-10-08 09:30:00", "亲，节后第一天给您处理", "",
              "小明 2024-10-08 10:00:00", "好", ""]
    log = tmp_path / "工单.txt"
    log.write_text("\n".join(lines), encoding="utf-8")
    result = ticket_transcript.SOURCE.parse(log, ParseContext(case=Case(problem="not-delivered", my_names=["小明"])))
    gaps = [n for n in result.notes if n.code == "chat-gap"]
    holiday = [n for n in gaps if n.data["start"].startswith("2024-09-30")]
    assert len(holiday) == 1 and holiday[0].severity == "info" and holiday[0].data["days_off"][0] == "2024-10-01"
    assert all(n.severity == "warning" for n in gaps if n not in holiday)
