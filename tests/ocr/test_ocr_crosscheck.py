"""Cross-checks with documented codes: ocr-order-mismatch, ocr-clock-before-payment (notes of the
screenshot's parse) and ocr-amount-mismatch (a timeline analyzer against payment exports)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from kameng_cli.derive import analyzers
from kameng_cli.ingest.base import ParseContext, ParseResult
from kameng_cli.model.case import Case
from kameng_cli.model.records import Event
from kameng_cli.ocr.crosscheck import amount_mismatch, notes_from_events
from kameng_cli.ocr.screenshot import apply_page
from kameng_cli.parsing.times import CST

from .ocr_helpers import page

CASE = Case(problem="not-delivered", platform={"name": "星辰卡盟"}, merchant={"name": "云游数码专营店"},
            order={"number": "XC20240501095512", "price": "100", "paid_at": "2024-05-01 09:55:12"})
PAID = datetime(2024, 5, 1, 9, 55, 12, tzinfo=CST)


def parse(ocr_page, captured_at=None, source="none") -> ParseResult:
    result = ParseResult(kind="other", media_type="image/png", captured_at=captured_at, captured_at_source=source)
    apply_page(ocr_page, result, ParseContext(case=CASE, original_name="shot.png"))
    return result


def codes(result: ParseResult) -> list[str]:
    return [n.code for n in result.notes]


def payment_page(clock: str, number: str = "XC20240501095512", amount: str = "¥100.00"):
    return page("支付成功", amount, ("支付时间", "2024-05-01 09:55:12"), ("交易单号", "4200002291202405011234567890"),
                ("商户订单号", number), clock=clock)


def test_matching_screenshot_has_no_notes() -> None:
    assert codes(parse(payment_page("09:58"))) == []


def test_order_number_differs_from_case_toml() -> None:
    result = parse(page("订单详情", ("订单号", "XC20240501095599"), "订单状态：处理中"))
    (note,) = result.notes
    assert note.code == "ocr-order-mismatch"
    assert note.severity == "warning"
    assert note.data["seen"] == "XC20240501095599" and note.data["stated"] == "XC20240501095512"
    assert len(note.data["box"]) == 4
    assert note.message in result.messages


def test_clock_earlier_than_the_payment_shown() -> None:
    result = parse(payment_page("09:40"))
    (note,) = result.notes
    assert note.code == "ocr-clock-before-payment"
    assert note.data["clock"] == "09:40" and note.data["assumed_date"] is True


def test_clock_in_the_same_minute_as_the_payment_is_fine() -> None:
    assert codes(parse(payment_page("09:55"))) == []


def test_clock_dated_by_exif_on_a_later_day_is_fine() -> None:
    later = datetime(2024, 5, 2, 8, 0, tzinfo=CST)
    assert codes(parse(payment_page("08:00"), captured_at=later, source="exif")) == []


def test_payment_page_becomes_a_paid_event_with_ocr_data() -> None:
    result = parse(payment_page("09:58"))
    (paid,) = [e for e in result.events if e.kind == "paid"]
    assert paid.amount == Decimal("100.00") and paid.time == PAID and paid.actor == "me"
    assert paid.order_no == "XC20240501095512"
    assert paid.data["ocr"] is True and paid.data["trade_no"] == "4200002291202405011234567890"
    assert paid.locator.startswith("box ")
    assert result.kind == "payment"


def test_status_events_follow_the_contract() -> None:
    captured = datetime(2024, 5, 1, 12, 0, tzinfo=CST)
    result = parse(page("订单详情", ("订单号", "XC20240501095512"), "订单状态：待发货", "退款成功",
                        ("退款金额", "¥100.00")), captured_at=captured, source="exif")
    by_kind = {e.kind: e for e in result.events}
    failed = by_kind["delivery-failed"]
    assert failed.data["status"] == "待发货" and failed.data["ocr"] is True
    assert failed.time == captured and "screenshot-time" in failed.time_flags
    refunded = by_kind["refunded"]
    assert refunded.data["status"] == "退款成功" and refunded.amount == Decimal("100.00")
    assert refunded.actor == "merchant"


def _export_paid(amount: str, trade_no: str = "4200002291202405011234567890") -> Event:
    return Event(id="E01-1", time=PAID, kind="paid", actor="me", summary="paid", amount=Decimal(amount),
                 order_no="XC20240501095512", exhibit="E01", source="wechat-xlsx",
                 data={"trade_no": trade_no, "direction": "out"})


def _screenshot_paid(amount: str) -> Event:
    result = parse(payment_page("09:58", amount=f"¥{amount}"))
    (paid,) = [e for e in result.events if e.kind == "paid"]
    paid.id, paid.exhibit, paid.source = "E02-1", "E02", "image"
    return paid


def test_amount_mismatch_analyzer_against_the_export_row() -> None:
    (note,) = amount_mismatch([_export_paid("100.00"), _screenshot_paid("10.00")], CASE)
    assert note.kind == "note" and note.exhibit == "E02"
    assert note.data["code"] == "ocr-amount-mismatch"
    assert note.data["seen"] == "10.00" and note.data["export"] == "100.00"
    assert note.data["matched_by"] == "number" and note.data["export_event"] == "E01-1"
    (as_note,) = notes_from_events([note])
    assert as_note.code == "ocr-amount-mismatch" and as_note.exhibit == "E02"


def test_amount_match_or_unrelated_payment_gives_nothing() -> None:
    assert amount_mismatch([_export_paid("100.00"), _screenshot_paid("100.00")], CASE) == []
    other = _export_paid("10.00", trade_no="999")
    other.time = datetime(2024, 6, 1, tzinfo=CST)
    other.order_no = "OTHER"
    assert amount_mismatch([other, _screenshot_paid("100.00")], CASE) == []


def test_analyzer_is_registered() -> None:
    assert "kameng_cli.ocr.crosscheck:amount_mismatch" in [name for name, _ in analyzers()]


def test_status_words_in_a_chat_make_no_status_events() -> None:
    result = parse(page("订单XC20240501095512", "亲，系统处理中，请稍等", "发送"))
    assert result.kind == "chat"
    assert not [e.kind for e in result.events if e.kind in ("delivery-failed", "delivered", "refunded", "paid", "ordered")]
    assert result.facts["ocr"]["status"] == ["处理中"]
