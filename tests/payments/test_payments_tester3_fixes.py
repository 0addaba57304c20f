"""Fixes of the third payment black-box test (notes/tester_payments.md, defects 2, 3, 6, 7, 8, 10; and
drafts D7): damaged and cut exports are refused naming the line, a trade number is never an order
number, the CMB PDF's 对手信息 is read like the CSV's 交易备注, a date-only bank row is not "before" the
order on its own day, and the ambiguous-match advice fits a case that has an order number.
Inputs: tests/data/payments/make_tester3_data.py, and damaged copies of every text golden input."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from test_payments_cli import WEB_TWO_PURCHASES, payment_events, set_case
from test_payments_golden import GOLDEN, PAYMENTS, golden_case, payment_claims

from check.builders import case, check, event, export, paid, rules_of
from conftest import run, run_json
from kameng_cli.ingest.base import ParseContext, SourceError
from kameng_cli.ingest.decoding import FEW_BAD, locate_undecodable, read_text, tolerant_head
from kameng_cli.ingest.registry import sources

BAD_ROW = PAYMENTS / "alipay_2023/broken_bad_bytes_row.csv"  # 0xFF 0x80 on line 30
BAD_TITLE = PAYMENTS / "alipay_2021/broken_bad_bytes_title.csv"  # NUL and bad bytes on the 电子客户回单 line
CUT = PAYMENTS / "alipay_2023/broken_cut_in_character.csv"  # ends inside a GBK character of line 31
NO_MERCHANT_NO = PAYMENTS / "alipay_2023/score_no_merchant_no.csv"
WECHAT_TRANSFER = PAYMENTS / "wechat_csv/transfer_no_merchant_no.csv"
CMB_PDF = PAYMENTS / "bank_cmb_pdf/cmb_statement_wrapped_party.pdf"
ALIPAY_WITH_ORDER = PAYMENTS / "alipay_2023/plain_2025_refund_star.csv"  # the case's order, paid 2024-05-01 09:55:12
ICBC = PAYMENTS / "bank_icbc/icbc_v2_utf8_bom.csv"  # the same payment, dated 2024-05-01 without a time


def add_error(case_dir: Path, path: Path, *options: str) -> str:
    result = run("-C", case_dir, "add", path, *options, "--json")
    assert result.exit_code == 2, result.output
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["status"] == "error" and entry["path"] == str(path)
    return entry["reason"]


def no_codec_text(reason: str) -> None:
    for raw in ("codec", "decode byte", "gb18030", "utf-8", "undetectable", "另存为 UTF-8", "position"):
        assert raw not in reason, raw


# ---- defect 2: a recognised export with a few bad bytes is refused, naming the line ----------------------------
def test_bad_bytes_in_a_row_refuse_the_export_naming_the_line(case_dir: Path) -> None:
    reason = add_error(case_dir, BAD_ROW)
    assert "支付宝账单" in reason and "第 30 行" in reason and "未导入" in reason
    assert "支付宝 App 重新导出" in reason  # a fresh export, never a re-save
    no_codec_text(reason)
    assert run_json("-C", case_dir, "list")["exhibits"] == []


def test_forced_format_gives_the_same_line_and_advice(case_dir: Path) -> None:
    reason = add_error(case_dir, BAD_ROW, "--format", "alipay-2023")
    assert "第 30 行" in reason and "重新导出" in reason
    no_codec_text(reason)


def test_bad_bytes_and_a_nul_on_the_title_line_do_not_hide_the_layout(case_dir: Path) -> None:
    reason = add_error(case_dir, BAD_TITLE)
    assert "2021–2022" in reason and "第 1 行" in reason
    no_codec_text(reason)


def _line_starts(data: bytes) -> list[int]:
    return [0, *(m.end() for m in re.finditer(rb"\r\n|\r|\n", data))]


TEXT_INPUTS = [(name, source, options) for name, source, options in GOLDEN
               if name.endswith((".csv", ".txt")) and "utf16" not in name]


@pytest.mark.parametrize(("name", "source", "options"), TEXT_INPUTS, ids=[n for n, _, _ in TEXT_INPUTS])
def test_every_text_layout_refuses_bad_bytes_with_their_line(name: str, source: str, options: dict[str, str],
                                                             tmp_path: Path) -> None:
    data = (PAYMENTS / name).read_bytes()
    starts = [*_line_starts(data), len(data)]
    # a line with a comma two thirds down (a data row, or a footer line), damaged after the comma: never
    # inside a multibyte character
    line = next(n for n in range(len(starts) * 2 // 3, len(starts)) if b"," in data[starts[n - 1]:starts[n]])
    comma = data.index(b",", starts[line - 1])
    path = tmp_path / Path(name).name
    path.write_bytes(data[:comma + 1] + b"\x80\xff" + data[comma + 1:])
    if source != "bank-generic":  # never claimed by content; --map chooses it
        assert payment_claims(path) == [source]
    with pytest.raises(SourceError) as caught:
        sources()[source].parse(path, ParseContext(case=golden_case(), options=options))
    assert (caught.value.key, caught.value.params["line"]) == ("payments.broken.encoding", line)
    no_codec_text(caught.value.render())


# ---- defect 8: a download cut inside a multibyte character is a truncated file ---------------------------------
def test_cut_inside_a_character_is_reported_as_a_truncated_row(case_dir: Path) -> None:
    reason = add_error(case_dir, CUT)
    assert "不完整：最后一行（第 31 行）被截断" in reason
    no_codec_text(reason)


@pytest.mark.parametrize(("name", "source", "options"), TEXT_INPUTS, ids=[n for n, _, _ in TEXT_INPUTS])
def test_every_text_layout_reads_a_cut_character_as_truncation(name: str, source: str, options: dict[str, str],
                                                               tmp_path: Path) -> None:
    original = PAYMENTS / name
    text, encoding = read_text(original, ("utf-8", "gb18030"))
    data = original.read_bytes()
    decoded = data.decode(encoding)
    last = max(i for i, ch in enumerate(decoded) if ord(ch) > 0x7F and ch != "\ufeff")
    cut = len(decoded[:last].encode(encoding)) + 1  # one byte into the last non-ASCII character
    path = tmp_path / original.name
    path.write_bytes(data[:cut])
    with pytest.raises(SourceError) as caught:
        sources()[source].parse(path, ParseContext(case=golden_case(), options=options))
    assert caught.value.key == "payments.broken.truncated_row"
    assert caught.value.params["line"] == len(_line_starts(data[:cut]))


def test_sniffing_tolerates_a_few_bad_bytes_but_not_binary() -> None:
    text = ("支付宝交易记录明细查询\r\n" * 40).encode("gbk")
    damaged = text[:100] + b"\x80\xff" + text[100:]
    assert "支付宝交易记录明细查询" in (tolerant_head(damaged) or "") and "\ufffd" in (tolerant_head(damaged) or "")
    many = b"".join(text[i:i + 20] + b"\xff" for i in range(0, len(text), 20))
    assert many.count(b"\xff") > FEW_BAD and (tolerant_head(many) or "").count("\ufffd") <= FEW_BAD
    assert tolerant_head(os.urandom(2048).replace(b"\x00", b"") + b"\x00" * 16) is None


def test_locate_undecodable_gives_the_line_and_whether_the_end_was_cut(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("甲\r乙\n丙\r\n".encode("gbk") + b"\x80," + "丁".encode("gbk"))
    assert locate_undecodable(path, "gb18030") == (4, False)
    path.write_bytes("甲\n乙\n".encode() + "丙".encode()[:2])
    assert locate_undecodable(path, "utf-8") == (3, True)
    path.write_bytes("甲\n".encode())
    assert locate_undecodable(path, "utf-8") is None


# ---- defect 6 and D7: the trade number is never the order number --------------------------------------------
@pytest.mark.parametrize("export_path", [NO_MERCHANT_NO, WECHAT_TRANSFER], ids=["alipay-score", "wechat-transfer"])
def test_a_row_without_merchant_order_number_has_no_order_number(case_dir: Path, export_path: Path) -> None:
    assert run("-C", case_dir, "add", export_path).exit_code == 0
    (paid_event,) = payment_events(case_dir)
    trade_no = paid_event["data"]["trade_no"]
    assert trade_no and paid_event["order_no"] is None and paid_event["data"]["merchant_order_no"] == ""
    findings = run_json("-C", case_dir, "check")["findings"]
    assert not [f for f in findings if f["rule"] == "KM202"]
    letter = run("-C", case_dir, "draft", "--to", "platform", "--force", "-o", "-").stdout
    assert f"交易号{trade_no}" in letter and f"订单号{trade_no}" not in letter


# ---- defect 7: the CMB PDF's 对手信息 (channel-merchant + account, wrapped) ------------------------------------
def test_cmb_pdf_counterparty_is_split_like_the_csv_remark(case_dir: Path) -> None:
    assert run("-C", case_dir, "add", CMB_PDF).exit_code == 0
    paid_event, refund = payment_events(case_dir)
    assert (paid_event["data"]["counterparty"], paid_event["data"]["method"]) == ("星辰卡盟", "财付通-微信支付")
    assert refund["data"]["counterparty"] == "星辰卡盟" and refund["amount"] == "49.90"
    records, _ = sources()["bank-cmb-pdf"].read_records(CMB_PDF)
    person = next(r for r in records if r.amount == 500)
    assert (person.counterparty, person.account, person.method) == ("测*乙", "6214****0002", "")
    findings = run_json("-C", case_dir, "check")["findings"]
    assert not [f for f in findings if f["rule"] == "KM203"]


# ---- defect 3 (check side): a date-only row on the order's day is not out of order ---------------------------
def test_date_only_payment_on_the_order_day_is_not_before_the_order(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", ALIPAY_WITH_ORDER, ICBC)
    assert result.exit_code == 0, result.output
    findings = run_json("-C", case_dir, "check")["findings"]
    assert not [f for f in findings if f["rule"] == "KM103"]


def test_date_only_payment_a_day_early_is_still_out_of_order() -> None:
    bank = export("E02", parser="bank-icbc")
    same_day = event("E02-1", "paid", "2024-05-01 00:00:00", exhibit="E02", amount="100.00", flags=["date-only"],
                     source="bank-icbc")
    assert "KM103" not in rules_of(check(case(), [export(), bank], [paid(), same_day]))
    day_before = event("E02-1", "paid", "2024-04-30 00:00:00", exhibit="E02", amount="100.00", flags=["date-only"],
                       source="bank-icbc")
    assert "KM103" in rules_of(check(case(), [export(), bank], [paid(), day_before]))
    timed = event("E02-1", "paid", "2024-05-01 08:00:00", exhibit="E02", amount="100.00", source="bank-icbc")
    assert "KM103" in rules_of(check(case(), [export(), bank], [paid(), timed]))


# ---- defect 10: advice when case.toml has an order number; refund_of of bank refunds ------------------------
def test_ambiguous_rows_with_an_order_number_say_it_is_not_in_the_export(case_dir: Path, monkeypatch) -> None:
    set_case(case_dir, 'number = "XC20240501095512"', 'number = "JG-NOT-IN-FILE-0001"')
    set_case(case_dir, 'paid_at = "2024-05-01T09:55:12+08:00"', 'paid_at = ""')
    result = run("-C", case_dir, "add", WEB_TWO_PURCHASES)
    assert result.exit_code == 0, result.output
    flat = result.stdout.replace("\n", "")
    assert "没有一笔付款带有本案订单号 JG-NOT-IN-FILE-0001" in flat and "kameng match" in flat
    assert "填写订单号" not in flat and "重新添加" not in flat
    assert payment_events(case_dir) == []
    english = run("--lang", "en", "-C", case_dir, "match").stdout.replace("\n", " ")
    assert "carries the case's order number JG-NOT-IN-FILE-0001" in english
    # What the message advises: `kameng match` on a terminal asks, and the answer is kept.
    monkeypatch.setenv("KAMENG_INTERACTIVE", "1")
    chose = run("-C", case_dir, "match", input="1\n")
    assert chose.exit_code == 0, chose.output
    (chosen,) = [e for e in payment_events(case_dir) if e["kind"] == "paid"]
    assert chosen["data"]["match"]["rule"] == "chosen"
    monkeypatch.setenv("KAMENG_INTERACTIVE", "0")
    assert run("-C", case_dir, "match").exit_code == 0
    assert [e["data"]["line"] for e in payment_events(case_dir) if e["kind"] == "paid"] == [chosen["data"]["line"]]


def test_bank_refund_has_no_locator_in_refund_of(case_dir: Path) -> None:
    assert run("-C", case_dir, "add", ICBC).exit_code == 0
    paid_event, refund = payment_events(case_dir)
    assert refund["data"]["match"]["rule"] == "bank-credit"
    assert refund["data"]["refund_of"] is None and refund["data"]["paid_line"] == paid_event["data"]["line"]


def test_date_only_rows_are_listed_without_a_made_up_time(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", ICBC)
    flat = result.stdout.replace("\n", "")
    assert "匹配到 1 笔：2024-05-01 向 星辰卡盟 支付 ¥100.00" in flat and "00:00" not in flat
