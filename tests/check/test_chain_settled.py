"""A dispute the timeline shows settled, pre-sale talk, payments without material, guessed roles
(black-box check round 3)."""

from __future__ import annotations

from .builders import case, chat, check, event, exhibit, export, message, paid, rules_of, statuses


def _refused_then(*after):
    return [paid(), message("E02-1", "2024-05-01 10:00:00", text="没到账，请退款"),
            event("E02-2", "refused", "2024-05-01 10:30:00", actor="counterparty", exhibit="E02"), *after]


def _exhibits():
    return [export(), chat(), exhibit("E03", "order", when="2024-05-01 10:20:00")]


def test_a_full_refund_after_the_refusal_settles_the_dispute() -> None:
    refund = event("E01-2", "refunded", "2024-05-02 12:00:00", actor="merchant", exhibit="E01", amount="100.00")
    report = check(case(), _exhibits(), _refused_then(refund))
    link = report.link("unresolved")
    assert link is not None and link.status == "missing"
    assert "2024-05-02 12:00" in link.why and "已经解决" in link.why  # says why, not "keep their refusal"
    assert "unresolved" in [f.link for f in report.findings if f.rule == "KM101"]


def test_a_partial_refund_leaves_it_open() -> None:
    refund = event("E01-2", "refunded", "2024-05-02 12:00:00", actor="merchant", exhibit="E01", amount="30.00")
    report = check(case(), _exhibits(), _refused_then(refund))
    assert statuses(report)["unresolved"] == "proven"


def test_a_delivery_after_the_refusal_settles_it_and_a_later_refusal_reopens_it() -> None:
    delivered = event("E02-3", "delivered", "2024-05-01 12:00:00", actor="merchant", exhibit="E02", category="confirmed")
    report = check(case(), _exhibits(), _refused_then(delivered))
    assert statuses(report)["unresolved"] == "missing"
    again = event("E02-4", "refused", "2024-05-01 13:00:00", actor="counterparty", exhibit="E02")
    assert statuses(check(case(), _exhibits(), _refused_then(delivered, again)))["unresolved"] == "proven"


def test_chat_only_before_the_payment_is_no_contact_and_not_reported() -> None:
    events = [paid(when="2024-05-01 10:30:00"), message("E02-1", "2024-05-01 10:20:00", text="有货吗"),
              event("E02-2", "promise", "2024-05-01 10:21:00", actor="counterparty", exhibit="E02", due="2024-05-01T10:26:00+08:00"),
              event("T0001", "promise-broken", "2024-05-01 10:26:00", actor="counterparty", exhibit="E02")]
    report = check(case(), [export(), chat(), exhibit("E03", "order", when="2024-05-01 10:40:00")], events)
    assert statuses(report)["contacted"] == "missing" and statuses(report)["unresolved"] == "missing"
    assert "KM103" not in rules_of(report)


def test_the_users_word_alone_is_no_proof_of_payment() -> None:
    report = check(case(), [chat()], [message("E02-1", "2024-05-01 10:00:00")])
    assert statuses(report)["paid"] == "missing"
    assert not report.ready["platform"].ready and not report.ready["court"].ready


def test_silence_in_a_chat_whose_roles_were_guessed_is_weak() -> None:
    guessed = exhibit("E02", "chat", media_type="text/plain", source="message-time", when="2024-05-01 09:58:00",
                      parser="qq-txt", roles_from="guessed", me=["小鹿不吃草"])
    events = [paid(), message("E02-1", "2024-05-01 10:00:00"),
              event("T0003", "silence", "2024-05-01 10:00:00", actor="counterparty", exhibit="E02", confidence=0.7,
                    reason="unanswered-days")]
    report = check(case(), [export(), guessed, exhibit("E03", "order", when="2024-05-01 10:20:00")], events)
    link = report.link("unresolved")
    assert link is not None and link.status == "weak" and link.weakness == "roles-guessed"
    assert "my_names" in link.fix


def test_a_shop_outside_any_platform_needs_no_platform_report() -> None:
    no_platform = case("merchant-vanished", platform={"name": "", "company": ""})
    assert "reported-to-platform" not in statuses(check(no_platform, [export()], [paid()]))
    assert "reported-to-platform" in statuses(check(case("merchant-vanished"), [export()], [paid()]))


def test_a_bank_row_dated_only_on_the_order_day_is_in_order() -> None:
    bank = paid(when="2024-05-01 00:00:00", flags=["date-only"])
    report = check(case(), [export(), exhibit("E03", "order", when="2024-05-01 10:30:00")],
                   [bank, event("E03-1", "ordered", "2024-05-01 09:55:00", actor="me", exhibit="E03")])
    assert statuses(report)["paid"] == "proven"
    assert "KM103" not in rules_of(report)


def test_a_cut_export_covered_by_the_full_one_is_not_reported_again() -> None:
    from kameng_cli.model.records import Note

    said = [("2024-05-01 10:00:00", "me", "在吗，卡密没到"), ("2024-05-01 10:01:00", "counterparty", "好的收到，马上处理"),
            ("2024-05-01 10:05:00", "me", "还没到")]
    full = [message(f"E03-{i}", when, actor=who, exhibit="E03", text=text, index=i) for i, (when, who, text) in enumerate(said)]
    cut = [message(f"E02-{i}", when, actor=who, exhibit="E02", text=text, index=i)
           for i, (when, who, text) in enumerate(said[1:])]
    mid = Note("E02", "chat-starts-mid", "第一条消息像是在回应前文", "warning", {"locator": "line 1"})
    exhibits = [export(), chat("E02"), chat("E03")]
    alone = check(case(), exhibits[:2], [paid(), *cut], [mid])
    assert "KM207" in rules_of(alone)
    both = check(case(), exhibits, [paid(), *cut, *full], [mid])
    assert "KM207" not in rules_of(both)  # the full export (E03) was added as the finding asked


def test_a_settled_dispute_is_not_ready_for_the_platform_or_12315() -> None:
    delivered = event("E02-3", "delivered", "2024-05-01 12:00:00", actor="merchant", exhibit="E02", category="confirmed")
    report = check(case(), _exhibits(), _refused_then(delivered))
    for channel in ("platform", "12315"):
        assert not report.ready[channel].ready
        assert any("已经解决" in sentence for sentence in report.ready[channel].missing)
    assert report.ready["platform"].ready is False
    open_case = check(case(), _exhibits(), _refused_then())
    assert not any("已经解决" in s for s in open_case.ready["platform"].missing)


def test_talk_before_the_contact_is_not_reported_when_the_link_is_weak_for_another_reason() -> None:
    guessed = exhibit("E02", "chat", media_type="text/plain", source="message-time", when="2024-05-01 09:58:00",
                      parser="qq-txt", roles_from="guessed", me=["小鹿不吃草"])
    events = [paid(), event("T0001", "promise-broken", "2024-05-01 09:57:00", actor="counterparty", exhibit="E02"),
              message("E02-1", "2024-05-01 10:00:00"),
              event("E02-2", "refused", "2024-05-01 10:30:00", actor="counterparty", exhibit="E02")]
    report = check(case(), [export(), guessed, exhibit("E03", "order", when="2024-05-01 10:20:00")], events)
    assert report.link("unresolved").weakness == "roles-guessed"  # type: ignore[union-attr]
    assert "KM103" not in rules_of(report)


def test_a_bill_of_the_wrong_month_says_its_period_and_steps_back_once_another_proves_the_payment() -> None:
    from kameng_cli.model.records import Note

    april = exhibit("E01", "payment", media_type="text/csv", source="export-header", when="2024-05-01 08:00:00",
                    parser="alipay-2023", period={"start": "2024-04-01T00:00:00+08:00", "end": "2024-04-30T23:59:59+08:00"})
    note = Note("E01", "payment-not-matched", "没有找到与本案相符的付款", "warning")
    alone = check(case(), [april], [], [note])
    km210 = next(f for f in alone.findings if f.rule == "KM210")
    assert km210.severity == "warning" and "2024-04-01 至 2024-04-30" in km210.fix and "2024-05-01" in km210.fix
    assert "KM103" not in rules_of(alone)  # a bill without the payment is no evidence out of order
    may = export("E04")
    fixed = check(case(), [april, may], [paid(exhibit="E04")], [note])
    km210 = next(f for f in fixed.findings if f.rule == "KM210")
    assert km210.severity == "info" and "E04" in km210.message
