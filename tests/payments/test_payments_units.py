"""Small rules of the payment readers: amounts, ids, header search, refund ids, decoding."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from kameng_cli.errors import UserInputError
from kameng_cli.ingest.base import CLAIM, Sample
from kameng_cli.ingest.decoding import open_text
from kameng_cli.ingest.payments import payment_source_names
from kameng_cli.ingest.payments.bank_common import split_channel
from kameng_cli.ingest.payments.bank_generic import parse_map
from kameng_cli.ingest.payments.records import RowError
from kameng_cli.ingest.payments.refunds import base_trade_no
from kameng_cli.ingest.payments.table import Column, amount, csv_rows, export_time, find_header, is_scientific
from kameng_cli.ingest.payments.wechat_common import refunded_amount
from kameng_cli.ingest.registry import sources


@pytest.mark.parametrize(("status", "expected"), [
    ("已退款(￥9.10)", "9.10"), ("已退款￥742.00", "742.00"), ("已退款（¥1,020.00）", "1020.00"), ("已全额退款", "25.00"),
])
def test_wechat_refund_status_amount_is_exact(status: str, expected: str) -> None:
    value = refunded_amount(status, Decimal("25.00"))
    assert value == Decimal(expected) and str(value) == expected


def test_refund_status_without_amount_is_none() -> None:
    assert refunded_amount("支付成功", Decimal("1.00")) is None


@pytest.mark.parametrize(("cell", "expected"), [
    ("¥13.90", "13.90"), ("￥1,288.00", "1288.00"), ("100", "100.00"), (1288.0, "1288.00"), (9.1, "9.10"),
])
def test_amounts(cell: object, expected: str) -> None:
    assert amount(cell) == Decimal(expected)


@pytest.mark.parametrize("cell", ["12.3x", "", "-5.00", "1.005"])
def test_bad_amounts_are_row_errors(cell: str) -> None:
    with pytest.raises(RowError):
        amount(cell)


def test_signed_amounts() -> None:
    assert amount("-1,234.56", signed=True) == Decimal("-1234.56")


def test_excel_scientific_ids() -> None:
    assert is_scientific("2.02405E+25") and is_scientific(4.2e27) and not is_scientific("2024050122001")


def test_times_and_excel_short_form() -> None:
    value, flags = export_time("2024-05-01 09:55:12")
    assert value.isoformat() == "2024-05-01T09:55:12+08:00" and flags == []
    value, flags = export_time("2024/5/1 9:55")
    assert value.isoformat() == "2024-05-01T09:55:00+08:00" and flags == ["resaved"]
    with pytest.raises(RowError):
        export_time("昨天")


@pytest.mark.parametrize(("trade", "base"), [
    ("2026021422001123_4567", "2026021422001123"),
    ("2026021422001123*REFUND_4567", "2026021422001123"),
    ("2026021422001123", "2026021422001123"),
])
def test_refund_trade_numbers(trade: str, base: str) -> None:
    assert base_trade_no(trade) == base


def test_header_is_found_by_names_not_position() -> None:
    text = "标题\n说明,,\n\n名称,金额 ,时间\t\nA,1.00,2024-05-01 00:00:00\n"
    rows = csv_rows(io.StringIO(text, newline=""))
    header, preamble = find_header(rows, (Column("amount", ("金额",)), Column("time", ("时间",))))
    assert header is not None and header.line == 4 and header.index == {"amount": 1, "time": 2}
    assert preamble == ["标题", "说明", ""]
    assert next(rows) == (5, ["A", "1.00", "2024-05-01 00:00:00"])


def test_channel_prefixes() -> None:
    assert split_channel("财付通-微信支付-星辰卡盟") == ("财付通-微信支付", "星辰卡盟")
    assert split_channel("支付宝-速充小铺") == ("支付宝", "速充小铺")
    assert split_channel("代发工资") == ("", "代发工资")


def test_map_parsing() -> None:
    assert parse_map("时间=交易日期+交易时间，支出=借方,对方=备注") == {
        "time": ["交易日期", "交易时间"], "out": ["借方"], "counterparty": ["备注"]}
    assert parse_map("date=D,amount=A") == {"date": ["D"], "amount": ["A"]}
    with pytest.raises(UserInputError) as bad:
        parse_map("时间=日期,价格=金额")
    assert bad.value.key == "payments.map.bad_entry"
    with pytest.raises(UserInputError) as incomplete:
        parse_map("对方=备注")
    assert incomplete.value.key == "payments.map.incomplete"


def test_open_text_handles_mixed_line_ends_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("\ufeff甲,乙\r\n丙,丁\n戊,己\r庚,辛\r\n".encode())
    stream, encoding = open_text(path, ("utf-8", "gb18030"))
    with stream:
        rows = list(csv_rows(stream))
    assert encoding == "utf-8-sig"
    assert [cells for _, cells in rows] == [["甲", "乙"], ["丙", "丁"], ["戊", "己"], ["庚", "辛"]]


def test_open_text_gbk(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("交易时间,金额\r\n".encode("gbk"))
    stream, encoding = open_text(path, ("utf-8", "gb18030"))
    with stream:
        assert stream.read() == "交易时间,金额\r\n"
    assert encoding == "gb18030"


def test_payment_sources_are_registered_with_contract_names() -> None:
    names = payment_source_names()
    assert names <= set(sources())
    assert all(name.startswith(("alipay", "wechat", "bank")) for name in names)
    assert {"alipay-web", "alipay-2021", "alipay-2023", "wechat-csv", "wechat-csv-2025", "wechat-xlsx",
            "wechat-xlsx-2026", "bank-cmb", "bank-icbc", "bank-generic", "bank-cmb-pdf", "bank-icbc-pdf"} == names


def test_markers_elsewhere_in_a_text_do_not_claim_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("我导出了支付宝交易记录明细查询和微信支付账单明细，还有电子客户回单。\n", encoding="utf-8")
    sample = Sample.of(path)
    assert [n for n in payment_source_names() if sources()[n].sniff(sample) >= CLAIM] == []


def test_a_pdf_without_statement_markers_stays_with_the_pdf_source(tmp_path: Path) -> None:
    import importlib.util

    from conftest import DATA

    spec = importlib.util.spec_from_file_location("make_payment_data", DATA / "payments" / "make_payment_data.py")
    assert spec is not None and spec.loader is not None
    writer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(writer)
    pdf_bytes = writer.pdf_bytes

    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf_bytes([["电子发票", "金额 100.00"]]))
    sample = Sample.of(path)
    assert [n for n in payment_source_names() if sources()[n].sniff(sample) >= CLAIM] == []
