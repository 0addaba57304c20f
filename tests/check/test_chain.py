"""The chain per problem type: which links, and when each is proven, weak or missing."""

from __future__ import annotations

import pytest

from kameng_cli.checks.chains import CHAINS

from .builders import (
    case,
    chat,
    check,
    event,
    exhibit,
    export,
    full_not_delivered,
    manual,
    message,
    paid,
    rules_of,
    statuses,
)

TABLE = {
    "not-delivered": ["ordered", "paid", "not-delivered", "contacted", "unresolved"],
    "card-invalid": ["ordered", "paid", "card-delivered", "delivery-failed", "contacted", "unresolved"],
    "not-as-described": ["promised", "paid", "received-differs", "contacted", "unresolved"],
    "delayed": ["promised", "paid", "delivered-late", "contacted"],
    "merchant-vanished": ["paid", "not-delivered", "unreachable", "reported-to-platform"],
    "after-sales-refused": ["paid", "problem-shown", "demanded", "refused"],
    "account-stolen": ["unauthorized-charges", "reported-to-platform", "platform-refused"],
    "privacy-leak": ["incident-shown", "reported-to-platform"],
    "illegal-goods": ["incident-shown", "reported-to-platform"],
}


@pytest.mark.parametrize("problem", list(TABLE))
def test_links_are_the_issue_table_in_order(problem: str) -> None:
    assert [slug for slug, _ in CHAINS[problem]] == TABLE[problem]
    report = check(case(problem), [], [])
    assert [link.link for link in report.chain] == TABLE[problem]
    assert report.to_json()["chain"][0]["link"] == TABLE[problem][0]


def test_empty_case_rests_on_the_statement_or_nothing() -> None:
    # The user's word is weak support for the order, but no proof that money went to them.
    report = check(case(), [], [])
    assert statuses(report) == {"ordered": "weak", "paid": "missing", "not-delivered": "missing",
                                "contacted": "missing", "unresolved": "missing"}
    missing = [f for f in report.findings if f.rule == "KM101"]
    assert [f.link for f in missing] == ["paid", "not-delivered", "contacted", "unresolved"]
    assert all(f.severity == "blocker" and f.why and f.fix for f in missing)
    paid_link = report.link("paid")
    assert paid_link is not None and "导出账单" in paid_link.fix
    assert report.failed()


def test_full_chain_is_proven_with_its_evidence() -> None:
    report = check(*full_not_delivered())
    assert set(statuses(report).values()) == {"proven"}
    paid_link = report.link("paid")
    assert paid_link is not None and paid_link.exhibits == ["E01"] and paid_link.events == ["E01-1"]
    assert paid_link.why == "" and paid_link.fix == ""
    assert "KM101" not in rules_of(report) and "KM102" not in rules_of(report)


def test_screenshot_without_capture_time_is_weak_with_a_fix_to_export_the_original() -> None:
    the_case, exhibits, events = full_not_delivered()
    exhibits = [export(), chat(), exhibit("E03", "order", source="file-mtime", when="2024-05-01 10:30:00")]
    events = [e for e in events if e.id not in ("E03-1", "T0001")]
    report = check(the_case, exhibits, events)
    link = report.link("not-delivered")
    assert link is not None and link.status == "weak" and link.exhibits == ["E03"]
    assert "EXIF" in link.why and "原图" in link.fix
    assert "订单号" in link.fix  # what must be visible


def test_manual_event_alone_is_weak_but_backed_by_a_dated_exhibit_is_proven() -> None:
    the_case, exhibits, events = full_not_delivered()
    events = [e for e in events if e.id not in ("E03-1", "T0001")]
    alone = check(the_case, exhibits[:2], [*events, manual("M0001", "delivery-failed", "2024-05-01 10:40:00")])
    assert alone.link("not-delivered").status == "weak"  # type: ignore[union-attr]
    assert "手动" in alone.link("not-delivered").why  # type: ignore[union-attr]
    backed = check(the_case, exhibits, [*events, manual("M0001", "delivery-failed", "2024-05-01 10:40:00", exhibit="E03")])
    assert backed.link("not-delivered").status == "proven"  # type: ignore[union-attr]


def test_low_confidence_payment_match_is_weak() -> None:
    report = check(case(), [export()], [paid(confidence=0.4)])
    link = report.link("paid")
    assert link is not None and link.status == "weak" and "kameng match" in link.fix


def test_export_without_a_matched_row_does_not_prove_payment() -> None:
    # A bill without the payment proves nothing about it; KM210 says why the export did not match.
    report = check(case(), [export()], [])
    link = report.link("paid")
    assert link is not None and link.status == "missing"
    assert "paid" in [f.link for f in report.findings if f.rule == "KM101"]


def test_a_payment_screenshot_nothing_was_read_from_is_weak() -> None:
    report = check(case(), [exhibit("E05", "payment", when="2024-05-01 10:00:00")], [])
    link = report.link("paid")
    assert link is not None and link.status == "weak" and link.weakness == "content-unread"


@pytest.mark.parametrize("evidence", [
    [event("T0001", "promise-broken", "2024-05-01 10:06:00", actor="counterparty", exhibit="E02")],
    [event("E02-5", "deflection", "2024-05-01 10:20:00", actor="counterparty", exhibit="E02", category="upstream")],
    [event("T0002", "silence", "2024-05-01 10:00:00", actor="counterparty", exhibit="E02", reason="unanswered-days")],
    [event("E02-6", "refused", "2024-05-02 10:00:00", actor="counterparty", exhibit="E02")],
    [event("M0003", "reply", "2024-05-05 10:00:00", actor="platform", outcome="rejected")],
])
def test_unresolved_is_proven_by_each_kind_of_non_resolution(evidence) -> None:
    events = [paid(), message("E02-1", "2024-05-01 09:58:00"), *evidence]
    report = check(case(), [export(), chat()], events)
    assert report.link("unresolved").status == "proven"  # type: ignore[union-attr]


def test_deflection_followed_by_delivery_does_not_prove_unresolved() -> None:
    events = [paid(), message("E02-1", "2024-05-01 09:58:00"),
              event("E02-5", "deflection", "2024-05-01 10:20:00", actor="counterparty", exhibit="E02"),
              event("E03-1", "delivered", "2024-05-01 12:00:00", actor="merchant", exhibit="E02")]
    report = check(case(), [export(), chat()], events)
    assert report.link("unresolved").status == "missing"  # type: ignore[union-attr]
    assert "KM104" in rules_of(report)  # a delivery in a not-delivered case


def test_reply_that_resolved_does_not_prove_unresolved() -> None:
    events = [paid(), message("E02-1", "2024-05-01 09:58:00"),
              event("M0003", "reply", "2024-05-05 10:00:00", actor="platform", outcome="resolved")]
    report = check(case(), [export(), chat()], events)
    assert report.link("unresolved").status == "missing"  # type: ignore[union-attr]


def test_problem_before_payment_is_out_of_order() -> None:
    events = [paid(), event("E03-1", "delivery-failed", "2024-04-20 10:00:00", actor="system", exhibit="E03",
                            status="处理中", ocr=True)]
    report = check(case(), [export(), exhibit("E03", "delivery-failure", when="2024-04-20 10:00:00")], events)
    link = report.link("not-delivered")
    assert link is not None and link.status == "weak" and link.weakness == "out-of-order"
    order = [f for f in report.findings if f.rule == "KM103"]
    assert order and order[0].link == "not-delivered" and "E03-1" in order[0].message


def test_pre_sale_chat_is_not_contact_about_the_problem() -> None:
    # check.md: chat before the payment is pre-sale talk, ignored rather than reported.
    events = [paid(), message("E02-1", "2024-04-30 20:00:00", text="有货吗")]
    report = check(case(), [export(), chat()], events)
    assert report.link("contacted").status == "missing"  # type: ignore[union-attr]
    assert "KM103" not in rules_of(report)
    assert "contacted" in [f.link for f in report.findings if f.rule == "KM101"]
    later = check(case(), [export(), chat()], [*events, message("E02-2", "2024-05-01 10:00:00", text="没到账")])
    assert later.link("contacted").status == "proven"  # type: ignore[union-attr]
    assert "KM103" not in rules_of(later)  # pre-sale talk next to real contact is not disorder


def test_card_invalid_needs_the_card_error_after_the_delivery() -> None:
    events = [paid(),
              event("E04-1", "delivered", "2024-05-01 09:56:00", actor="merchant", exhibit="E04"),
              event("E05-1", "delivery-failed", "2024-05-01 10:05:00", actor="system", exhibit="E05",
                    status="该卡密已被使用", ocr=True),
              message("E02-1", "2024-05-01 10:10:00"),
              event("E02-2", "admission", "2024-05-01 10:20:00", actor="counterparty", exhibit="E02",
                    text="卡密确实被用过了"),
              event("E02-3", "refused", "2024-05-01 10:25:00", actor="counterparty", exhibit="E02")]
    exhibits = [export(), chat(), exhibit("E04", "received", when="2024-05-01 09:56:30"),
                exhibit("E05", "delivery-failure", when="2024-05-01 10:05:00"), exhibit("E06", "order", when="2024-05-01 09:56:00")]
    report = check(case("card-invalid"), exhibits, events)
    assert set(statuses(report).values()) == {"proven"}
    assert "card-resold" in report.ready["police"].details["signs"]


def test_delayed_needs_a_delivery_after_the_promised_time() -> None:
    promise = event("E02-2", "promise", "2024-05-01 09:56:00", actor="counterparty", exhibit="E02",
                    due="2024-05-01T10:01:00+08:00")
    on_time = event("M0001", "delivered", "2024-05-01 09:59:00", actor="merchant", source="manual", exhibit="E03")
    late = event("M0001", "delivered", "2024-05-02 09:59:00", actor="merchant", source="manual", exhibit="E03")
    exhibits = [export(), chat(), exhibit("E03", "received", when="2024-05-02 10:00:00")]
    base = [paid(), promise, message("E02-1", "2024-05-01 10:30:00")]
    assert check(case("delayed"), exhibits, [*base, late]).link("delivered-late").status == "proven"  # type: ignore[union-attr]
    on_time_report = check(case("delayed"), exhibits, [*base, on_time])
    assert on_time_report.link("delivered-late").status == "weak"  # only the received screenshot, no deadline
    no_promise = check(case("delayed"), exhibits, [paid(), late])
    assert no_promise.link("delivered-late").weakness == "no-deadline"  # type: ignore[union-attr]


def test_merchant_vanished_unreachable_from_blocked_notice_or_days_of_silence() -> None:
    blocked = message("E02-9", "2024-05-03 10:00:00", actor="system", text="消息已发出，但被对方拒收了。")
    days = event("T0002", "silence", "2024-05-01 10:00:00", actor="counterparty", exhibit="E02", reason="unanswered-days")
    late_reply = event("T0002", "silence", "2024-05-01 10:00:00", actor="counterparty", exhibit="E02", reason="no-reply")
    for evidence, expected in ((blocked, "proven"), (days, "proven"), (late_reply, "missing")):
        report = check(case("merchant-vanished"), [export(), chat()], [paid(), evidence])
        assert report.link("unreachable").status == expected, evidence  # type: ignore[union-attr]


def test_reported_to_platform_from_a_submission_event() -> None:
    submitted = event("M0005", "submitted", "2024-05-04 10:00:00", source="manual", exhibit="E07", channel="platform")
    exhibits = [export(), exhibit("E07", "complaint", when="2024-05-04 10:01:00")]
    report = check(case("merchant-vanished"), exhibits, [paid(), submitted])
    link = report.link("reported-to-platform")
    assert link is not None and link.status == "proven" and "M0005" in link.events


def test_after_sales_refused_chain() -> None:
    events = [paid(), event("E03-1", "delivery-failed", "2024-05-01 10:30:00", actor="system", exhibit="E03", ocr=True),
              event("E02-4", "demand", "2024-05-01 11:00:00", exhibit="E02", claim="refund"),
              event("E02-5", "refused", "2024-05-01 11:05:00", actor="counterparty", exhibit="E02")]
    exhibits = [export(), chat(), exhibit("E03", "delivery-failure", when="2024-05-01 10:30:00")]
    report = check(case("after-sales-refused"), exhibits, events)
    assert set(statuses(report).values()) == {"proven"}
    refusal_before_demand = [e for e in events if e.kind != "refused"] + [
        event("E02-5", "refused", "2024-05-01 10:50:00", actor="counterparty", exhibit="E02")]
    report = check(case("after-sales-refused"), exhibits, refusal_before_demand)
    assert report.link("refused").status == "weak" and "KM103" in rules_of(report)  # type: ignore[union-attr]


def test_account_stolen_and_incident_chains() -> None:
    events = [paid(counterparty="星辰卡盟"),
              manual("M0001", "contacted", "2024-05-02 10:00:00", actor="platform", exhibit="E03"),
              manual("M0002", "refused", "2024-05-03 10:00:00", actor="platform", exhibit="E04")]
    exhibits = [export(), exhibit("E03", "complaint", when="2024-05-02 10:00:30"),
                exhibit("E04", "complaint", when="2024-05-03 10:00:30")]
    assert set(statuses(check(case("account-stolen"), exhibits, events)).values()) == {"proven"}
    leak = check(case("privacy-leak", statement="诈骗短信里出现了我的订单号"),
                 [exhibit("E01", "other", when="2024-05-05 10:00:00")], [])
    assert statuses(leak) == {"incident-shown": "proven", "reported-to-platform": "missing"}


def test_chain_event_lists_are_capped_for_long_chats() -> None:
    events = [paid(), *[message(f"E02-{i}", f"2024-05-0{1 + i // 1000} {10 + (i // 60) % 10}:{i % 60:02d}:00")
                        for i in range(2000)]]
    report = check(case(), [export(), chat()], events)
    link = report.link("contacted")
    assert link is not None and link.status == "proven" and len(link.events) == 10


def test_a_screenshot_time_never_anchors_the_next_link() -> None:
    """An order page read days later ("已发货", dated by the screenshot) must not make the earlier
    contact look out of order."""
    late_shot = event("E04-1", "delivered", "2024-05-05 10:00:00", actor="merchant", exhibit="E04", ocr=True,
                      flags=["screenshot-time"])
    events = [paid(), late_shot, message("E02-1", "2024-05-01 10:10:00"),
              event("E02-3", "refused", "2024-05-01 10:25:00", actor="counterparty", exhibit="E02")]
    exhibits = [export(), chat(), exhibit("E04", "order", when="2024-05-05 10:00:00")]
    report = check(case("card-invalid"), exhibits, events)
    assert report.link("card-delivered").status == "proven"  # type: ignore[union-attr]
    assert report.link("contacted").status == "proven"  # type: ignore[union-attr]
    assert "KM103" not in rules_of(report)


def test_order_falls_back_to_the_nearest_dated_link() -> None:
    """Nothing dates the card's delivery (only a screenshot), so its failure is checked against the payment."""
    events = [paid(), event("E05-1", "card-invalid", "2024-04-28 10:00:00", actor="system", exhibit="E05")]
    exhibits = [export(), exhibit("E04", "received", when="2024-05-01 10:00:00"),
                exhibit("E05", "delivery-failure", when="2024-04-28 10:00:00")]
    report = check(case("card-invalid"), exhibits, events)
    assert report.link("delivery-failed").status == "weak"  # type: ignore[union-attr]
    finding = next(f for f in report.findings if f.rule == "KM103")
    assert finding.link == "delivery-failed" and "付款" in finding.message


def test_evidence_from_an_edited_screenshot_is_weak() -> None:
    edited = exhibit("E03", "delivery-failure", when="2024-05-01 10:30:00", exif_software="Adobe Photoshop 25.0")
    failed = event("E03-1", "delivery-failed", "2024-05-01 10:30:00", actor="system", exhibit="E03", ocr=True)
    backed = manual("M0001", "delivery-failed", "2024-05-01 10:40:00", exhibit="E03")
    for evidence in (failed, backed):
        report = check(case(), [export(), edited], [paid(), evidence])
        link = report.link("not-delivered")
        assert link is not None and link.weakness == "edited" and "E03" in link.fix, evidence.id
