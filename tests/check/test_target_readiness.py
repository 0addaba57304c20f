"""Who to complain to first, and readiness per channel with what is missing."""

from __future__ import annotations

import pytest

from .builders import case, check, event, export, full_not_delivered, paid

COMPLETE = {
    "complainant": {"name": "王小明", "phone": "13800138000", "address": "浙江省杭州市西湖区文三路1号",
                    "id_number": "11010519491231002X"},
    "merchant": {"name": "云游数码专营店", "address": "浙江省杭州市余杭区某路2号", "uscc": "91330100MA2XXXXXX1"},
}


@pytest.mark.parametrize(("problem", "sections", "target"), [
    ("not-delivered", {}, "both"),  # a merchant's own failure on a platform: merchant + platform's rules
    ("card-invalid", {}, "both"),
    ("not-delivered", {"merchant": {"name": ""}}, "platform"),  # no separate merchant: the platform sells
    ("not-delivered", {"platform": {"name": "", "company": ""}}, "merchant"),  # an independent shop site
    ("merchant-vanished", {}, "platform"),
    ("account-stolen", {}, "platform"),
    ("privacy-leak", {}, "platform"),
    ("illegal-goods", {}, "platform"),
])
def test_first_target(problem: str, sections: dict, target: str) -> None:
    report = check(case(problem, **sections), [], [])
    assert report.first_target["target"] == target
    assert report.first_target["reason"]


def test_reasons_cite_the_domain_rule() -> None:
    assert "DSF-61" in check(case(), [], []).first_target["reason"]
    assert "XQF-44" in check(case("merchant-vanished"), [], []).first_target["reason"]


def test_every_channel_says_what_is_missing() -> None:
    report = check(case(), [], [])
    assert set(report.ready) == {"platform", "12315", "court", "police"}
    for readiness in report.ready.values():
        assert not readiness.ready and readiness.missing
    twelve = " ".join(report.ready["12315"].missing)
    assert "姓名" in twelve and "电话" in twelve and "通讯地址" in twelve and "地址" in twelve
    assert "诈骗迹象" in report.ready["police"].missing[0]


def test_complete_case_is_ready_for_platform_12315_and_court() -> None:
    the_case, exhibits, events = full_not_delivered()
    the_case = case(**COMPLETE)
    report = check(the_case, exhibits, events)
    assert report.ready["platform"].ready
    assert report.ready["12315"].ready, report.ready["12315"].missing
    assert report.ready["court"].ready, report.ready["court"].missing
    assert report.ready["court"].details["claim"] == {"paid": "100.00", "refunded": "0.00", "refund": "100.00",
                                                      "compensation": None, "total": "100.00"}
    assert not report.ready["police"].ready  # a plain non-delivery is civil


def test_court_claim_with_fraud_adds_the_increase() -> None:
    the_case = case(claims=["refund", "compensation"], fraud=True, **COMPLETE)
    # The increase needs the timeline's support too (legal/claims.py): here the merchant went silent.
    silence = event("T0001", "silence", "2024-05-02 10:00:00", actor="counterparty", exhibit="E02",
                    reason="unanswered-days")
    claim = check(the_case, [export()], [paid(), silence]).ready["court"].details["claim"]
    assert claim["compensation"] == "500.00" and claim["total"] == "600.00"
    no_fraud = check(case(claims=["refund", "compensation"], **COMPLETE), [export()], [paid()])
    assert any("欺诈" in line for line in no_fraud.ready["court"].missing)


def test_police_ready_when_paid_and_unreachable() -> None:
    sections = {**COMPLETE, "merchant": {**COMPLETE["merchant"], "contact": "QQ 123456"}}
    silence = event("T0001", "silence", "2024-05-01 10:00:00", actor="counterparty", exhibit="E02",
                    reason="unanswered-days")
    report = check(case("merchant-vanished", **sections), [export()], [paid(), silence])
    assert report.ready["police"].details["signs"] == ["paid-unreachable"]
    assert report.ready["police"].ready, report.ready["police"].missing


def test_json_shape_is_exactly_the_documented_schema() -> None:
    document = check(*full_not_delivered()).to_json()
    assert list(document) == ["schema", "problem_type", "chain", "findings", "first_target", "ready"]
    assert document["schema"] == "kameng.check/1"
    assert set(document["chain"][0]) == {"link", "status", "exhibits", "events", "why", "fix"}
    assert set(document["ready"]) == {"platform", "12315", "court", "police"}
    assert set(document["first_target"]) == {"target", "reason"}
    for finding in check(case(), [], []).to_json()["findings"]:
        assert set(finding) == {"rule", "severity", "link", "message", "why", "fix", "exhibits"}


def test_days_of_silence_alone_are_stalling_not_fraud() -> None:
    silence = event("T0001", "silence", "2024-05-01 10:00:00", actor="counterparty", exhibit="E02",
                    reason="unanswered-days")
    assert "paid-unreachable" not in check(case(), [export()], [paid(), silence]).ready["police"].details["signs"]
    blocked = event("E02-9", "message", "2024-05-03 10:00:00", actor="system", exhibit="E02", text="你已被对方拉黑")
    assert "paid-unreachable" in check(case(), [export()], [paid(), blocked]).ready["police"].details["signs"]
