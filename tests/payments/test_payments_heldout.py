"""The fixes for the held-out payment test (notes/heldout_payments.md): damaged workbooks (F1), Excel/WPS
re-save signs other than times (F2), a closed attempt followed by a paid retry (F3), match warnings not
counted as unread rows and the nearest rows named (F4), the PDF statements' period and 申请时间, the
encoding recorded for UTF-8 without a BOM, and a --format that does not fit the file. Inputs are written
by tests/data/payments/make_heldout_data.py."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from test_payments_golden import PAYMENTS, golden_case, payment_claims

from conftest import SHARED, run, run_json
from kameng_cli.ingest.base import CLAIM, ParseContext, ParseResult, Sample, SourceError
from kameng_cli.ingest.decoding import open_text
from kameng_cli.ingest.payments.xlsx import damage
from kameng_cli.ingest.registry import detect, sources

UNKNOWN_DAMAGED = PAYMENTS / "wechat_xlsx/broken_unknown_table.xlsx"


def parse(name: str, source: str | None = None, **ctx: object) -> ParseResult:
    path = PAYMENTS / name
    chosen = sources()[source] if source else detect(Sample.of(path)).source
    assert chosen is not None
    return chosen.parse(path, ParseContext(case=golden_case(), original_name=path.name, **ctx))


def payments(result: ParseResult) -> list[tuple[str, Decimal | None, str | None]]:
    return [(e.kind, e.amount, e.locator) for e in result.events]


def edited(result: ParseResult) -> list[str] | None:
    notes = [n for n in result.notes if n.code == "payment-export-edited"]
    assert len(notes) <= 1
    return notes[0].data["signs"] if notes else None


def findings(case_dir: Path) -> list[dict]:
    return run_json("-C", case_dir, "check")["findings"]


# ---- F1: a damaged XLSX is reported, never kept as an unknown file -------------------------------------
@pytest.mark.parametrize(("name", "source"), [("wechat_xlsx/broken_cut_in_sheet.xlsx", "wechat-xlsx"),
                                              ("wechat_xlsx_2026/broken_cut_in_strings.xlsx", "wechat-xlsx-2026")])
def test_a_cut_wechat_workbook_is_recognised_from_what_survived(name: str, source: str) -> None:
    broken = damage(Sample.of(PAYMENTS / name))
    assert broken is not None and broken.truncated and "微信支付账单明细" in broken.text
    assert payment_claims(PAYMENTS / name) == [source]
    with pytest.raises(SourceError) as caught:
        parse(name)
    assert caught.value.key == "payments.broken.xlsx"
    text = caught.value.render()
    assert Path(name).name in text and "缺少压缩包末尾的目录" in text and "请在微信重新导出" in text


def test_a_damaged_workbook_nothing_recognises_is_an_error_naming_the_file(case_dir: Path) -> None:
    sample = Sample.of(UNKNOWN_DAMAGED)
    assert payment_claims(UNKNOWN_DAMAGED) == []  # not claimed: any source that recognises it wins
    detection = detect(sample)
    assert detection.source is not None and detection.source.name == "wechat-xlsx" and detection.score < CLAIM
    result = run("-C", case_dir, "add", UNKNOWN_DAMAGED, "--json")
    assert result.exit_code != 0
    outcome = json.loads(result.stdout)["files"][0]
    assert outcome["status"] == "error"
    assert "broken_unknown_table.xlsx" in outcome["reason"] and "已损坏" in outcome["reason"]
    assert "重新下载或导出" in outcome["reason"]
    assert run_json("-C", case_dir, "list")["exhibits"] == []


def test_readable_workbooks_and_other_zips_are_not_damaged(tmp_path: Path) -> None:
    assert damage(Sample.of(PAYMENTS / "wechat_xlsx/row17_text_amounts.xlsx")) is None
    docx = tmp_path / "letter.docx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    cut = tmp_path / "cut.docx"
    cut.write_bytes(docx.read_bytes()[:60])
    assert damage(Sample.of(cut)) is None
    assert [n for n, s in sources().items() if s.sniff(Sample.of(cut)) > 0] == []


def test_a_forced_wechat_format_on_a_damaged_workbook_says_it_is_damaged() -> None:
    with pytest.raises(SourceError) as caught:
        parse("wechat_xlsx/broken_unknown_table.xlsx", "wechat-xlsx-2026")
    assert caught.value.key == "payments.broken.xlsx_unknown"


# ---- F2: re-save signs; amounts still exact -------------------------------------------------------------
@pytest.mark.parametrize(("name", "signs", "paid"), [
    ("alipay_2023/excel_thousands.csv", ["thousands"], [("paid", Decimal("100.00"), "line 26")]),
    ("alipay_2021/app2021_tabs_lost.csv", None, [("paid", Decimal("100.00"), "line 4"),
                                                  ("refunded", Decimal("49.90"), "line 3")]),
    ("wechat_csv/excel_gbk_thousands.csv", ["thousands", "encoding", "tabs"],
     [("paid", Decimal("100.00"), "line 20"), ("refunded", Decimal("49.90"), "line 19")]),
    ("wechat_csv_2025/quoted_tab_gbk.csv", ["encoding"],
     [("paid", Decimal("100.00"), "line 20"), ("refunded", Decimal("49.90"), "line 19")]),
    ("wechat_csv/excel_resaved_gb18030.csv", ["times", "thousands", "encoding"],
     [("paid", Decimal("100.00"), "line 20"), ("refunded", Decimal("49.90"), "line 19")]),
])
def test_excel_resave_signs_are_named_and_amounts_stay_exact(name: str, signs: list[str] | None, paid: list) -> None:
    """Lost tabs alone are no sign (they only corroborate another one)."""
    result = parse(name)
    assert payments(result) == paid
    assert edited(result) == signs
    if signs is None:
        return
    note = next(n for n in result.notes if n.code == "payment-export-edited")
    assert note.severity == "warning" and "Excel/WPS" in note.text()
    assert note.message in result.messages  # `add` says it at once, not only `check`


def test_thousands_are_read_exactly_on_rows_that_are_not_the_case() -> None:
    records, unread = sources()["alipay-2023"].read_records(PAYMENTS / "alipay_2023/excel_thousands.csv")
    assert unread == [] and [r.amount for r in records] == [Decimal("100.00"), Decimal("2345.60")]


ORIGINALS = ["alipay_web/web_gbk_crlf.csv", "alipay_2021/app2021_gbk_crlf.csv", "alipay_2023/padded_gbk_crlf.csv",
             "alipay_2023/padded_utf8_bom_lf.csv", "alipay_2023/plain_2025_refund_star.csv",
             "wechat_csv/classic_bom_crlf.csv", "wechat_csv/classic_nobom_lf_8commas.csv",
             "wechat_csv_2025/quoted_tab_nobom_lf.csv", "wechat_xlsx_2026/row18_numeric_amounts.xlsx",
             "bank_cmb/cmb_quoted.csv", "bank_icbc/icbc_v2_utf8_bom.csv", "bank_cmb_pdf/cmb_statement.pdf"]


@pytest.mark.parametrize("name", ORIGINALS)
def test_original_exports_carry_no_resave_sign(name: str) -> None:
    """Thousands separators are original in bank files and WeChat 2026 amounts; GBK is Alipay's own."""
    assert edited(parse(name)) is None


SHARED_ORIGINALS = ["alipay_old.csv", "alipay_2021.csv", "alipay_new.csv", "alipay_new_2025.csv", "wechat.csv",
                    "wechat_2025q2.csv", "cmb.csv", "icbc.csv"]


@pytest.mark.skipif(not (SHARED / "formats" / "fixtures").is_dir(), reason="../shared is not available")
@pytest.mark.parametrize("name", SHARED_ORIGINALS)
def test_shared_original_exports_carry_no_resave_sign(name: str) -> None:
    path = SHARED / "formats" / "fixtures" / name
    source = detect(Sample.of(path)).source
    assert source is not None
    assert edited(source.parse(path, ParseContext(case=golden_case()))) is None


def test_check_warns_that_a_converted_wechat_csv_was_edited(case_dir: Path) -> None:
    assert run("-C", case_dir, "add", PAYMENTS / "wechat_csv/excel_gbk_thousands.csv").exit_code == 0
    notes = [f for f in findings(case_dir) if f["rule"] == "KM210"]
    assert len(notes) == 1 and notes[0]["severity"] == "warning"
    assert "千位分隔符" in notes[0]["message"] and "GBK" in notes[0]["message"] and "制表符" in notes[0]["message"]


# ---- F3: a closed first attempt and a paid retry -----------------------------------------------------------
def test_a_paid_retry_silences_the_closed_attempt(case_dir: Path) -> None:
    result = parse("alipay_2023/retry_closed_then_paid.csv")
    assert payments(result) == [("paid", Decimal("100.00"), "line 26")]
    assert [n.code for n in result.notes] == []
    assert run("-C", case_dir, "add", PAYMENTS / "alipay_2023/retry_closed_then_paid.csv").exit_code == 0
    paid = [e for e in run_json("-C", case_dir, "timeline")["events"] if e["kind"] == "paid"]
    assert [(e["time"], e["amount"]) for e in paid] == [("2024-05-01T10:02:40+08:00", "100.00")]
    texts = [f["message"] for f in findings(case_dir) if f["rule"] in ("KM209", "KM210")]
    assert texts == []


def test_a_closed_order_alone_is_still_reported_as_unpaid() -> None:
    result = parse("alipay_2023/closed_unpaid_only.csv")
    assert result.events == []
    assert [n.code for n in result.notes] == ["payment-order-unpaid", "payment-not-matched"]


# ---- F4: match warnings are not unread rows; the nearest rows name the order's own row ---------------------
@pytest.mark.parametrize("name", ["alipay_2023/zero_rows.csv", "alipay_2023/closed_unpaid_only.csv"])
def test_no_match_is_not_an_unread_row(name: str, case_dir: Path) -> None:
    assert run("-C", case_dir, "add", PAYMENTS / name).exit_code == 0
    exhibit = run_json("-C", case_dir, "list")["exhibits"][0]
    assert "unread_rows" not in exhibit["facts"] and exhibit["facts"]["rows"] == exhibit["facts"]["stated_rows"]
    rules = [f["rule"] for f in findings(case_dir)]
    assert "KM209" not in rules and "KM210" in rules


def test_the_nearest_rows_start_with_the_row_carrying_the_order_number() -> None:
    result = parse("alipay_2023/closed_unpaid_only.csv")
    warning = next(w for w in result.warnings if w.reason == "payments.match.none")
    assert warning.params["items"].startswith("1) 2024-05-01 09:55 向 星辰卡盟 的 ¥100.00 订单已关闭、未付款（第 27 行）")
    assert "2) 2024-05-02 08:00 向 某某超市 支付 ¥100.00（第 26 行）" in warning.params["items"]
    nearest = next(n for n in result.notes if n.code == "payment-not-matched").data["nearest"]
    assert nearest == [27, 26]


def test_real_unread_rows_are_still_counted(case_dir: Path) -> None:
    assert run("-C", case_dir, "add", PAYMENTS / "alipay_web/web_gb18030_lf.txt").exit_code == 0
    unread = [f for f in findings(case_dir) if f["rule"] == "KM209"]
    facts = run_json("-C", case_dir, "list")["exhibits"][0]["facts"]
    assert len(unread) == 1 and str(facts["unread_rows"]) in unread[0]["message"]


# ---- the PDF statements' period and 申请时间; the encoding recorded ----------------------------------------------
def test_cmb_pdf_period_and_application_time_are_used() -> None:
    result = parse("bank_cmb_pdf/cmb_statement_applied.pdf")
    assert result.facts["period"] == {"start": "2024-04-15T00:00:00+08:00", "end": "2024-05-15T23:59:59+08:00",
                                      "source": "export-header"}
    assert result.facts["exported_at"] == "2024-05-16"
    # a date only: the statement existed by the end of that day (a capture time bounds what it shows)
    assert result.captured_at is not None and result.captured_at.isoformat() == "2024-05-16T23:59:59+08:00"
    assert (result.captured_at_source, result.captured_at_confidence) == ("export-header", "low")


def test_icbc_pdf_period_comes_from_its_header() -> None:
    result = parse("bank_icbc_pdf/icbc_history.pdf")
    assert result.facts["period"]["source"] == "export-header"
    assert result.facts["period"]["start"] == "2024-04-01T00:00:00+08:00"


def test_statement_period_patterns_accept_the_printed_separators() -> None:
    from kameng_cli.ingest.payments.pdf_statement import CMB_APPLIED, CMB_PERIOD, ICBC_PERIOD

    assert CMB_PERIOD.search("2024-04-01 -- 2024-05-31").groups() == ("2024-04-01", "2024-05-31")
    assert CMB_PERIOD.search("20240401 至 20240531").groups() == ("20240401", "20240531")
    assert ICBC_PERIOD.search("起止日期：2024-04-01 — 2024-05-31 户名：甲").groups() == ("2024-04-01", "2024-05-31")
    assert CMB_APPLIED.search("申请时间：2024-06-01 10:20:30 验 证 码").group(1) == "2024-06-01 10:20:30"
    assert CMB_PERIOD.search("申请时间：2024-06-01") is None


@pytest.mark.parametrize(("bom", "expected"), [(False, "utf-8"), (True, "utf-8-sig")])
def test_encoding_describes_the_bytes(bom: bool, expected: str, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + "交易时间,金额\n".encode())
    stream, encoding = open_text(path, ("utf-8", "gb18030"))
    with stream:
        assert stream.read() == "交易时间,金额\n"  # the BOM never reaches the reader
    assert encoding == expected
    assert parse("wechat_csv/classic_nobom_lf_8commas.csv").facts["encoding"] == "utf-8"
    assert parse("wechat_csv/classic_bom_crlf.csv").facts["encoding"] == "utf-8-sig"


# ---- a --format that does not fit the file -------------------------------------------------------------------
def test_a_forced_format_of_another_layout_warns_and_names_the_real_one(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", PAYMENTS / "alipay_2021/app2021_gbk_crlf.csv", "--format", "alipay-2023")
    assert result.exit_code == 0, result.output
    flat = result.stdout.replace("\n", "")
    assert "--format alipay-2023" in flat and "alipay-2021" in flat
    warned = [f for f in findings(case_dir) if f["rule"] == "KM210"]
    assert len(warned) == 1 and warned[0]["severity"] == "warning" and "alipay-2021" in warned[0]["message"]


def test_a_forced_format_that_fits_says_nothing() -> None:
    result = parse("alipay_2023/plain_2025_refund_star.csv", "alipay-2023")
    assert [n.code for n in result.notes] == []


def test_a_forced_format_nothing_recognises_warns_without_naming_one(tmp_path: Path) -> None:
    original = (PAYMENTS / "alipay_2023/plain_2025_refund_star.csv").read_bytes().decode("gbk")
    path = tmp_path / "no_title.csv"
    path.write_bytes(original.split("\r\n", 1)[1].encode("gbk"))  # the dashed title line removed
    assert payment_claims(path) == []
    result = sources()["alipay-2023"].parse(path, ParseContext(case=golden_case()))
    forced = [n for n in result.notes if n.code == "payment-format-forced"]
    assert len(forced) == 1 and forced[0].data == {"format": "alipay-2023", "detected": None}
    assert [e.kind for e in result.events] == ["paid", "refunded"]
