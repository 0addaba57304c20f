"""The shared sample exports (../shared/formats/fixtures, never copied here): each is claimed by its payment
source and read as the spec describes. Skipped when ../shared is absent."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import SHARED
from kameng_cli.ingest.base import CLAIM, ParseContext, Sample
from kameng_cli.ingest.payments import payment_source_names
from kameng_cli.ingest.registry import sources
from kameng_cli.model.case import Case

FIXTURES = SHARED / "formats" / "fixtures"
pytestmark = pytest.mark.skipif(not FIXTURES.is_dir(), reason="../shared is not available")


def case_for(order: str, price: str, paid_at: str, platform: str = "星辰卡盟") -> Case:
    return Case(problem="not-delivered", platform={"name": platform},
                order={"number": order, "price": price, "paid_at": paid_at})


def parse(name: str, expected_source: str, case: Case):
    path = FIXTURES / name
    sample = Sample.of(path)
    claims = [n for n, s in sources().items() if n in payment_source_names() and s.sniff(sample) >= CLAIM]
    assert claims == [expected_source]
    source = sources()[expected_source]
    return source.parse(path, ParseContext(case=case)), source.read_records(path)


def kinds(result) -> list[tuple[str, str, bool]]:
    return [(e.kind, str(e.amount), bool(e.data.get("partial"))) for e in result.events]


def test_alipay_web() -> None:
    result, (records, unread) = parse("alipay_old.csv", "alipay-web",
                                      case_for("XCKM2020101521100452", "148.00", "2020-10-15 21:10:06"))
    assert len(records) == 6 and not unread
    assert kinds(result) == [("paid", "148.00", False), ("refunded", "148.00", False)]
    assert result.facts["exported_at"] == "2020-11-01 10:12:33"
    closed = next(r for r in records if r.merchant_order_no == "SCKM2020102009301177")
    assert closed.kind == "unpaid"


def test_alipay_2021() -> None:
    result, (records, _) = parse("alipay_2021.csv", "alipay-2021",
                                 case_for("XCKM2022032022184533", "25.00", "2022-03-20 22:18:45"))
    assert len(records) == 6
    assert kinds(result) == [("paid", "25.00", False), ("refunded", "25.00", False)]


def test_alipay_2023_padded_partial_refund() -> None:
    result, (records, _) = parse("alipay_new.csv", "alipay-2023",
                                 case_for("XCKM2023051514223071", "200.00", "2023-05-15 14:22:30"))
    assert len(records) == 9
    assert kinds(result) == [("paid", "200.00", False), ("refunded", "50.00", True)]
    assert result.messages[0].startswith("匹配到 1 笔：2023-05-15 14:22 向 星辰卡盟 支付 ¥200.00，依据：商家订单号一致")
    waiting = next(r for r in records if r.status == "等待确认收货")
    assert waiting.kind == "payment"


def test_alipay_2023_late_2025_refund_star() -> None:
    result, (records, _) = parse("alipay_new_2025.csv", "alipay-2023",
                                 case_for("XCKM2026021422184533", "25.00", "2026-02-14 22:18:45"))
    assert len(records) == 6
    assert kinds(result) == [("paid", "25.00", False), ("refunded", "25.00", False)]
    assert "*REFUND_" in result.events[1].data["trade_no"]
    assert result.events[1].data["match"]["rule"] == "trade-no-prefix"


def test_wechat_csv_classic() -> None:
    result, (records, unread) = parse("wechat.csv", "wechat-csv",
                                      case_for("XCKM2024111514223071", "200.00", "2024-11-15 14:22:30"))
    assert len(records) == 10 and not unread
    assert kinds(result) == [("paid", "200.00", False), ("refunded", "50.00", True)]
    assert next(r for r in records if r.status == "已退款(￥50.00)" and r.kind == "payment").refunded_amount == Decimal("50.00")


def test_wechat_csv_2025_tab_after_quote() -> None:
    result, (records, _) = parse("wechat_2025q2.csv", "wechat-csv-2025",
                                 case_for("SCKM2025052022184533", "25.00", "2025-05-20 22:18:45", platform="速充卡盟"))
    assert len(records) == 4 and all("\t" not in r.trade_no for r in records)
    assert kinds(result) == [("paid", "25.00", False), ("refunded", "25.00", False)]


def test_wechat_xlsx_row_17() -> None:
    result, (records, _) = parse("wechat.xlsx", "wechat-xlsx",
                                 case_for("XCKM2025092821051107", "100.00", "2025-09-28 21:05:11"))
    assert len(records) == 4
    assert kinds(result) == [("paid", "100.00", False)]
    assert result.events[0].locator == "row 18"


def test_wechat_xlsx_2026_row_18_numeric() -> None:
    result, (records, _) = parse("wechat_2026.xlsx", "wechat-xlsx-2026",
                                 case_for("XCKM2026042821051107", "1288.00", "2026-04-28 21:05:11"))
    assert records[0].amount == Decimal("1288.00") and records[0].line == 19
    assert kinds(result) == [("paid", "1288.00", False)]


def test_cmb_csv() -> None:
    result, (records, _) = parse("cmb.csv", "bank-cmb", case_for("", "200.00", "2024-11-15 14:22:30"))
    assert len(records) == 5
    assert kinds(result) == [("paid", "200.00", False), ("refunded", "50.00", True)]
    assert result.events[0].data["match"]["rule"] == "score"


def test_icbc_csv() -> None:
    result, (records, _) = parse("icbc.csv", "bank-icbc", case_for("", "66.00", "2024-11-24 20:00:00"))
    assert len(records) == 4
    assert kinds(result) == [("paid", "66.00", False), ("refunded", "66.00", False)]
    assert records[1].time_flags == ["date-only"]


def test_nothing_else_in_the_folder_is_claimed_by_two_payment_sources() -> None:
    for path in sorted(Path(FIXTURES).glob("*.*")):
        sample = Sample.of(path)
        claims = [n for n, s in sources().items() if n in payment_source_names() and s.sniff(sample) >= CLAIM]
        assert len(claims) <= 1, (path.name, claims)
