"""The rule catalog: every rule documented in both languages, and each consistency rule's behaviour."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kameng_cli.checks.catalog import all_rules
from kameng_cli.checks.chains import _WEAKNESS_ORDER, CHAINS
from kameng_cli.i18n import catalog
from kameng_cli.model.records import Note, Warning

from .builders import case, chat, check, event, exhibit, export, full_not_delivered, manual, paid, rules_of


def test_every_rule_has_title_rationale_and_fix_in_both_languages() -> None:
    texts = catalog()
    rules = all_rules()
    assert len(rules) >= 17
    for rule in rules:
        assert re.fullmatch(r"KM[1-9]\d\d", rule.id), rule.id
        assert rule.severity in ("blocker", "warning", "info")
        assert rule.function.__doc__, f"{rule.id} has no docstring"
        for part in ("title", "rationale", "fix"):
            entry = texts.get(f"rule.{rule.id}.{part}")
            assert entry is not None, f"rule.{rule.id}.{part} missing"
            assert entry.get("zh", "").strip() and entry.get("en", "").strip(), f"rule.{rule.id}.{part} lacks a language"
    assert len({r.slug for r in rules}) == len(rules)


def test_every_link_and_weakness_has_texts_in_both_languages() -> None:
    texts = catalog()
    links = {slug for chain in CHAINS.values() for slug, _ in chain}
    for slug in links:
        for key in (f"check.link.{slug}", f"check.link.{slug}.why", f"check.link.{slug}.fix"):
            assert texts[key]["zh"] and texts[key]["en"], key
    for code in _WEAKNESS_ORDER:
        assert texts[f"check.weak.{code}"]["zh"] and texts[f"check.weak.{code}"]["en"], code


def test_findings_are_sorted_by_severity() -> None:
    report = check(case(), [exhibit("E05", "other", source="none")], [])
    order = [("blocker", "warning", "info").index(f.severity) for f in report.findings]
    assert order == sorted(order)


# ---- KM201 amounts ---------------------------------------------------------------------------

def test_export_amount_differing_from_case_price_is_a_blocker() -> None:
    report = check(case(), [export()], [paid(amount="98.00")])
    finding = next(f for f in report.findings if f.rule == "KM201")
    assert finding.severity == "blocker" and "¥98.00" in finding.message and "¥100.00" in finding.message
    assert finding.exhibits == ["E01"]


def test_order_page_amount_differing_is_a_warning_and_matching_amounts_are_silent() -> None:
    order_page = event("E03-1", "ordered", "2024-05-01 09:55:00", exhibit="E03", amount="120.00", ocr=True)
    report = check(case(), [export(), exhibit("E03", "order", when="2024-05-01 10:00:00")], [paid(), order_page])
    found = [f for f in report.findings if f.rule == "KM201"]
    assert [f.severity for f in found] == ["warning"] and found[0].exhibits == ["E03"]
    assert "KM201" not in rules_of(check(case(), [export()], [paid()]))


def test_ocr_amount_mismatch_note_event_becomes_a_finding() -> None:
    note = event("T0003", "note", "2024-05-01 09:55:00", actor="system", exhibit="E04", source="timeline:amount_mismatch",
                 code="ocr-amount-mismatch", severity="warning")
    report = check(case(), [export()], [paid(), note])
    assert any(f.rule == "KM201" and f.exhibits == ["E04"] for f in report.findings)


# ---- KM202 order numbers ---------------------------------------------------------------------

def test_other_order_number_in_an_exhibit_is_reported() -> None:
    other = event("E03-1", "ordered", "2024-05-01 09:55:00", exhibit="E03", order_no="XC20240430111111", ocr=True)
    report = check(case(), [export()], [paid(), other])
    finding = next(f for f in report.findings if f.rule == "KM202")
    assert "XC20240430111111" in finding.message and finding.exhibits == ["E03"]


def test_truncated_or_spaced_order_numbers_are_the_same() -> None:
    same = [event("E03-1", "ordered", None, exhibit="E03", order_no="XC 2024-0501-095512"),
            event("E04-1", "ordered", None, exhibit="E04", order_no="20240501095512")]
    assert "KM202" not in rules_of(check(case(), [export()], [paid(), *same]))
    notes = [Note("E05", "ocr-order-mismatch", "截图订单号 X 与 case.toml 不同", "warning")]
    assert "KM202" in rules_of(check(case(), [], [], notes))



def test_a_screenshot_its_ocr_note_reports_is_not_named_again() -> None:
    shot = event("E02-1", "ordered", "2024-05-01 09:55:00", exhibit="E02", order_no="XC20240601103099", ocr=True)
    bill = event("E01-2", "paid", "2024-05-01 09:55:12", exhibit="E01", order_no="XC20240601103099", amount="100.00")
    notes = [Note("E02", "ocr-order-mismatch", "截图中的订单号 XC20240601103099 与 case.toml 不同", "warning")]
    found = [f for f in check(case(), [export()], [bill, shot], notes).findings if f.rule == "KM202"]
    general = [f for f in found if "XC20240601103099" in f.message and "截图中的" not in f.message]
    assert len(general) == 1 and general[0].exhibits == ["E01"] and "E02" not in general[0].message


# ---- KM203 counterparty ----------------------------------------------------------------------

@pytest.mark.parametrize(("counterparty", "expected"), [
    ("杭州星辰网络科技有限公司", None),  # the platform's operator
    ("星辰卡盟", None),
    ("云游数码", None),  # the shop
    ("深圳某某贸易有限公司", "warning"),
    ("*明", "warning"),  # a person
    ("张**", "warning"),
    ("财付通支付科技有限公司", "info"),  # a processor
])
def test_payment_counterparty_plausibility(counterparty: str, expected: str | None) -> None:
    report = check(case(), [export()], [paid(counterparty=counterparty)])
    found = [f.severity for f in report.findings if f.rule == "KM203"]
    assert found == ([expected] if expected else [])


def test_payment_to_a_person_is_a_fraud_sign_for_the_police() -> None:
    report = check(case(), [export()], [paid(counterparty="*明")])
    assert "private-transfer" in report.ready["police"].details["signs"]


# ---- KM204 refunds ---------------------------------------------------------------------------

def test_partial_refund_shrinks_the_claim() -> None:
    refund = event("E01-2", "refunded", "2024-05-03 10:00:00", actor="merchant", exhibit="E01", amount="30.00",
                   source="alipay-2023", refund_of="T1", partial=True)
    report = check(case(), [export()], [paid(), refund])
    finding = next(f for f in report.findings if f.rule == "KM204")
    assert finding.severity == "info" and "¥70.00" in finding.message
    assert report.ready["court"].details["claim"]["refund"] == "70.00"


def test_full_refund_warns_the_dispute_may_be_settled() -> None:
    refund = event("E01-2", "refunded", "2024-05-03 10:00:00", actor="merchant", exhibit="E01", amount="100.00",
                   source="alipay-2023")
    report = check(case(), [export()], [paid(), refund])
    assert [f.severity for f in report.findings if f.rule == "KM204"] == ["warning"]
    assert report.ready["court"].details["claim"]["refund"] == "0.00"


# ---- KM205 / KM206 screenshots ----------------------------------------------------------------

@pytest.mark.parametrize(("software", "edited"), [
    ("Adobe Photoshop 25.1 (Windows)", True), ("GIMP 2.10.36", True), ("Snapseed 2.0", True), ("美图秀秀", True),
    ("iOS 17.4.1", False), ("HMA-AL00 2.0.0.168", False), ("", False),
])
def test_image_editor_in_exif_software(software: str, edited: bool) -> None:
    shot = exhibit("E03", "order", when="2024-05-01 10:00:00", exif_software=software) if software else \
        exhibit("E03", "order", when="2024-05-01 10:00:00")
    report = check(case(), [shot], [])
    assert ("KM205" in rules_of(report)) is edited


def test_screenshots_without_capture_time_are_listed_once() -> None:
    shots = [exhibit("E03", "order", source="file-mtime", when="2024-05-01 10:00:00"),
             exhibit("E04", "other", source="none"), exhibit("E05", "order", when="2024-05-01 10:00:00"),
             exhibit("E06", "other", media_type="application/pdf", source="none")]
    found = [f for f in check(case(), shots, []).findings if f.rule == "KM206"]
    assert len(found) == 1 and found[0].exhibits == ["E03", "E04"] and "2" in found[0].message


# ---- KM207 / KM208 / KM209 notes and warnings ---------------------------------------------------

def test_chat_completeness_notes_become_findings_with_their_own_fix() -> None:
    notes = [Note("E02", "chat-span", "共 30 条", "info"),
             Note("E02", "chat-starts-after-payment", "聊天记录从付款后 3 小时才开始", "info"),
             Note("E02", "chat-gap", "中间有 40 小时空档", "warning"),
             Note("E02", "chat-exporter-loss", "导出丢失了转账记录", "blocker")]
    found = [f for f in check(case(), [chat()], [], notes).findings if f.rule == "KM207"]
    assert sorted(f.severity for f in found) == ["blocker", "info", "warning"]
    gap = next(f for f in found if "40" in f.message)
    assert "空档" in gap.why and gap.exhibits == ["E02"] and gap.link == "contacted"


def test_clock_before_payment_and_unread_rows() -> None:
    notes = [Note("E04", "ocr-clock-before-payment", "状态栏时间 09:40 早于付款 09:55", "warning")]
    warnings = [Warning("E01", "line 12", "payments.row.bad_amount"), Warning("E01", "line 13", "x")]
    report = check(case(), [export()], [paid()], notes, warnings)
    assert "KM208" in rules_of(report)
    unread = next(f for f in report.findings if f.rule == "KM209")
    assert unread.severity == "info" and "2" in unread.message and unread.exhibits == ["E01"]


def test_match_warnings_are_not_counted_as_unread_rows() -> None:
    """`payments.match.none` / `.ambiguous` are stored warnings about the file, reported by KM210 from their
    notes; KM209 counts only rows a parser could not read (held-out payments F4)."""
    listing = "1) 2024-05-01 09:55 向 星辰卡盟 的 ¥100.00 订单已关闭、未付款（第 26 行）"
    notes = [Note("E01", "payment-not-matched", "没有找到与本案相符的付款", "warning")]
    only_match = [Warning("E01", None, "payments.match.none", listing, {"items": listing}),
                  Warning("E03", None, "payments.match.ambiguous", "1) …；2) …", {"count": 2})]
    report = check(case(), [export(), export("E03")], [], notes, only_match)
    assert "KM209" not in rules_of(report) and "KM210" in rules_of(report)
    mixed = [*only_match, Warning("E01", "line 30", "payments.row.bad_time", "昨天")]
    unread = [f for f in check(case(), [export()], [], notes, mixed).findings if f.rule == "KM209"]
    assert len(unread) == 1 and unread[0].exhibits == ["E01"] and "1" in unread[0].message


# ---- KM301 / KM302 three-year lines -------------------------------------------------------------

def test_three_years_for_12315_passed_near_and_far() -> None:
    the_case, exhibits, events = full_not_delivered()
    far = check(the_case, exhibits, events, today=date(2025, 1, 1))
    assert "KM301" not in rules_of(far)
    near = check(the_case, exhibits, events, today=date(2027, 3, 1))
    assert [f.severity for f in near.findings if f.rule == "KM301"] == ["warning"]
    passed = check(the_case, exhibits, events, today=date(2027, 6, 1))
    finding = next(f for f in passed.findings if f.rule == "KM301")
    assert finding.severity == "blocker" and "2024-05-01" in finding.message
    assert not passed.ready["12315"].ready
    assert any("KM301" in line for line in passed.ready["12315"].missing)


def test_limitation_period_restarts_at_the_latest_demand() -> None:
    the_case, exhibits, events = full_not_delivered()
    demand = event("E02-7", "demand", "2025-03-01 10:00:00", exhibit="E02", claim="refund")
    report = check(the_case, exhibits, [*events, demand], today=date(2027, 6, 1))
    assert "KM301" in rules_of(report, "blocker")  # 12315 counts from knowing, no interruption
    assert "KM302" not in rules_of(report)  # the demand restarted the limitation period
    without = check(the_case, exhibits, events, today=date(2027, 6, 1))
    assert "KM302" in rules_of(without, "blocker")
    assert not without.ready["court"].ready


def test_three_years_ends_on_the_corresponding_day_or_month_end() -> None:
    from kameng_cli.checks.rules_channels import add_years

    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert add_years(date(2024, 6, 3), 3) == date(2027, 6, 3)


# ---- KM303 / KM304 channels ---------------------------------------------------------------------

def _submitted(id: str, channel: str, when: str):
    return manual(id, "submitted", when, channel=channel)


def test_xiaoxie_then_12315_is_refused_and_the_threat_is_noticed() -> None:
    with_cca = [_submitted("M0001", "consumer-association", "2024-05-10 10:00:00")]
    warning = check(case(), [], with_cca)
    assert [f.severity for f in warning.findings if f.rule == "KM303"] == ["warning"]
    assert not warning.ready["12315"].ready
    threat = event("E02-8", "demand", "2024-05-11 10:00:00", exhibit="E02", threat=True, channel="12315",
                   channels=["12315"])
    assert "12315" in next(f for f in check(case(), [], [*with_cca, threat]).findings if f.rule == "KM303").message
    both = check(case(), [], [*with_cca, _submitted("M0002", "12315", "2024-05-12 10:00:00")])
    assert [f.severity for f in both.findings if f.rule == "KM303"] == ["blocker"]
    assert "KM303" not in rules_of(check(case(), [], [_submitted("M0001", "12315", "2024-05-10 10:00:00")]))



def test_12315_first_then_xiaoxie_keeps_12315_and_says_the_later_one_is_in_the_way() -> None:
    first = [_submitted("M0001", "12315", "2024-06-10 10:00:00"), _submitted("M0002", "consumer-association", "2024-06-12 10:00:00")]
    finding = next(f for f in check(case(), [], first).findings if f.rule == "KM303")
    assert finding.severity == "warning" and "先于 2024-06-10 提交了 12315" in finding.message
    assert "继续走 12315" in finding.fix and "不要再向 12315" not in finding.fix


def test_many_channels_at_once() -> None:
    burst = [_submitted("M0001", "platform", "2024-05-10 10:00:00"), _submitted("M0002", "heimao", "2024-05-11 10:00:00"),
             _submitted("M0003", "12315", "2024-05-12 10:00:00")]
    finding = next(f for f in check(case(), [], burst).findings if f.rule == "KM304")
    assert "3" in finding.message
    spread = [_submitted("M0001", "platform", "2024-05-10 10:00:00"), _submitted("M0003", "12315", "2024-06-12 10:00:00")]
    assert "KM304" not in rules_of(check(case(), [], spread))
    formal = [_submitted("M0001", "consumer-association", "2024-05-10 10:00:00"),
              _submitted("M0002", "court", "2024-08-10 10:00:00")]
    assert "KM304" in rules_of(check(case(), [], formal))


def test_rules_are_linear_in_events() -> None:
    """10x the events must not cost anywhere near 100x (a pairwise rule would)."""
    import gc
    import time

    def timed(count: int) -> float:
        the_case, exhibits, events = full_not_delivered()
        extra = [event(f"E02-{i}", "message", f"2024-05-0{2 + i % 7} 10:{i % 60:02d}:00", exhibit="E02",
                       order_no=f"XC2024050109{i % 10000:04d}", text="x") for i in range(count)]
        # Without the cyclic collector: in a long test session its full passes over everything the
        # earlier tests left would land in one run or the other and measure the heap, not the rules.
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            check(the_case, exhibits, [*events, *extra])
            return time.perf_counter() - start
        finally:
            gc.enable()

    timed(200)  # warm up imports
    # Best of three: on a shared machine one run can be stretched by another process.
    small, large = min(timed(1000) for _ in range(3)), min(timed(10000) for _ in range(3))
    assert large < small * 30



def test_docs_list_every_rule_and_link() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "check.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert f"| {rule.id} | {rule.slug} | {rule.severity} |" in doc, rule.id
    for slug in {slug for chain in CHAINS.values() for slug, _ in chain}:
        assert f"`{slug}`" in doc, slug
    for code in _WEAKNESS_ORDER:
        assert f"`{code}`" in doc, code


def test_payment_export_notes_become_findings() -> None:
    notes = [Note("E01", "payment-export-edited", "12 行被 Excel 另存过", "warning"),
             Note("E01", "payment-not-matched", "没有匹配的付款", "info")]
    found = [f for f in check(case(), [export()], [], notes).findings if f.rule == "KM210"]
    assert sorted(f.severity for f in found) == ["info", "warning"]
    assert all(f.link == "paid" and f.exhibits == ["E01"] for f in found)
    assert "Excel" in next(f for f in found if f.severity == "warning").fix


def test_many_edited_screenshots_are_one_finding() -> None:
    shots = [exhibit(f"E{n:02d}", "order", when="2024-05-01 10:00:00", exif_software="Snapseed 2.0")
             for n in range(1, 4)]
    found = [f for f in check(case(), shots, []).findings if f.rule == "KM205"]
    assert len(found) == 1 and found[0].exhibits == ["E01", "E02", "E03"] and "Snapseed" in found[0].message


def test_a_passed_limitation_advises_what_can_still_be_done_and_names_the_interruption() -> None:
    demand = event("E02-19", "demand", "2021-03-03 10:00:00", exhibit="E02", text="再不退款我就去12315投诉", claim="refund")
    old = case(order={"paid_at": "2021-03-01 10:00:00"})
    report = check(old, [], [paid(when="2021-03-01 10:00:00"), demand], today=date(2025, 1, 15))
    km302 = next(f for f in report.findings if f.rule == "KM302")
    assert "已于" in km302.message and "在期限前" not in km302.fix and "协商" in km302.fix
    assert "2021-03-03 10:00" in km302.message and "再不退款我就去12315投诉" in km302.message and "E02-19" not in km302.message
    km301 = next(f for f in report.findings if f.rule == "KM301")
    assert "改向法院" in km301.fix


def test_the_last_day_of_the_limitation_period_says_today() -> None:
    report = check(case(order={"paid_at": "2021-05-01 10:00:00"}), [], [paid(when="2021-05-01 10:00:00")],
                   today=date(2024, 5, 6))
    messages = [f.message for f in report.findings if f.rule in ("KM301", "KM302")]
    assert messages and all("0 天" not in m and "今天" in m for m in messages)
