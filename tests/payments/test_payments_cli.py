"""`kameng add`, `kameng match` and `kameng extract` on payment exports, through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DATA, run, run_json

PAYMENTS = DATA / "payments"
ALIPAY = PAYMENTS / "alipay_2023/plain_2025_refund_star.csv"
WECHAT_2026 = PAYMENTS / "wechat_xlsx_2026/row18_numeric_amounts.xlsx"
GENERIC = PAYMENTS / "bank_generic/other_bank_gbk.csv"
GENERIC_MAP = "时间=记账日期+记账时间,支出=借方金额,收入=贷方金额,对方=对方名称"


def set_case(case_dir: Path, old: str, new: str) -> None:
    path = case_dir / "case.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def payment_events(case_dir: Path) -> list[dict]:
    timeline = run_json("-C", case_dir, "timeline")
    return [e for e in timeline["events"] if e["kind"] in ("paid", "refunded")]


def test_add_prints_the_match_and_puts_paid_then_partial_refund_on_the_timeline(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", ALIPAY)
    assert result.exit_code == 0, result.output
    flat = result.stdout.replace("\n", "")
    assert "匹配到 1 笔：2024-05-01 09:55 向 星辰卡盟 支付 ¥100.00，依据：商家订单号一致" in flat
    events = payment_events(case_dir)
    assert [(e["kind"], e["amount"], e["actor"]) for e in events] == [("paid", "100.00", "me"), ("refunded", "49.90", "merchant")]
    paid, refund = events
    assert paid["order_no"] == "XC20240501095512"
    assert paid["data"]["match"]["rule"] == "merchant-order-no" and paid["data"]["direction"] == "out"
    assert refund["data"]["partial"] is True and refund["data"]["refund_of"] == paid["data"]["trade_no"]
    assert "*REFUND_" in refund["data"]["trade_no"]
    assert refund["summary"].endswith("（部分退款）")


def test_english_summaries(case_dir: Path) -> None:
    result = run("--lang", "en", "-C", case_dir, "add", WECHAT_2026)
    assert result.exit_code == 0, result.output
    assert "matched 1:" in result.stdout.replace("\n", "")
    events = [e for e in run_json("--lang", "en", "-C", case_dir, "timeline")["events"] if e["kind"] in ("paid", "refunded")]
    assert [e["summary"] for e in events] == ["paid ¥100.00 to 星辰卡盟", "refunded ¥49.90 (partial) from 星辰卡盟"]
    # the same events read by a Chinese reader
    assert [e["summary"] for e in payment_events(case_dir)] == ["向 星辰卡盟 支付 ¥100.00", "星辰卡盟 退款 ¥49.90（部分退款）"]


def test_only_relevant_rows_become_events(case_dir: Path) -> None:
    run("-C", case_dir, "add", ALIPAY)
    timeline = run_json("-C", case_dir, "timeline")
    texts = json.dumps(timeline, ensure_ascii=False)
    for unrelated in ("某某面馆", "某某超市", "*甲", "测试甲", "tester@example.com"):
        assert unrelated not in texts


def test_broken_export_is_rejected_whole_with_how_to_export_again(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", PAYMENTS / "alipay_2023/broken_excel_mangled.csv")
    assert result.exit_code == 2
    flat = result.stdout.replace("\n", "").replace(" ", "")
    assert "科学计数法" in flat and "用于个人对账" in flat
    assert run_json("-C", case_dir, "list")["exhibits"] == []


def test_no_match_warns_with_nearest_candidates_and_match_recovers(case_dir: Path) -> None:
    set_case(case_dir, 'number = "XC20240501095512"', 'number = "NOPE-1"')
    set_case(case_dir, 'price = "100.00"', 'price = "77.00"')
    set_case(case_dir, 'face_value = "100.00"', 'face_value = "77.00"')
    result = run("-C", case_dir, "add", ALIPAY)
    assert result.exit_code == 0, result.output
    flat = result.stdout.replace("\n", "")
    assert "没有找到与本案相符的付款" in flat and "1) " in flat and "3) " in flat
    assert payment_events(case_dir) == []
    matched = run("-C", case_dir, "match")
    assert matched.exit_code == 1
    set_case(case_dir, 'number = "NOPE-1"', 'number = "XC20240501095512"')
    matched = run("-C", case_dir, "match")
    assert matched.exit_code == 0, matched.output
    assert "商家订单号一致" in matched.stdout.replace("\n", "")
    assert [e["kind"] for e in payment_events(case_dir)] == ["paid", "refunded"]
    document = run_json("-C", case_dir, "match")
    assert document["schema"] == "kameng.match/1"
    assert document["exhibits"][0]["matched_lines"] == [27, 28]


WEB_TWO_PURCHASES = PAYMENTS / "alipay_web/web_gb18030_lf.txt"  # two ¥100.00 payments to 星辰卡盟 on 2024-05-01


def forget_order_number_and_time(case_dir: Path) -> None:
    set_case(case_dir, 'number = "XC20240501095512"', 'number = ""')
    set_case(case_dir, 'paid_at = "2024-05-01T09:55:12+08:00"', 'paid_at = ""')


def test_several_plausible_rows_are_listed_and_none_taken(case_dir: Path) -> None:
    forget_order_number_and_time(case_dir)
    result = run("-C", case_dir, "add", WEB_TWO_PURCHASES)
    assert result.exit_code == 0, result.output
    flat = result.stdout.replace("\n", "")
    assert "有 2 笔交易都可能是本案的付款，未自动选择" in flat
    assert "（第 8 行）" in flat and "（第 11 行）" in flat and "order 部分填写订单号" in flat
    assert payment_events(case_dir) == []
    notes = json.loads((case_dir / ".kameng/derived/E01.json").read_text(encoding="utf-8"))["notes"]
    assert "payment-ambiguous" in [n["code"] for n in notes]


def test_ambiguous_rows_ask_on_a_terminal(case_dir: Path, monkeypatch) -> None:
    forget_order_number_and_time(case_dir)
    monkeypatch.setenv("KAMENG_INTERACTIVE", "1")
    result = run("-C", case_dir, "add", WEB_TWO_PURCHASES, input="2\n")
    assert result.exit_code == 0, result.output
    assert "可能是本案的付款" in result.output
    paid = [e for e in payment_events(case_dir) if e["kind"] == "paid"]
    assert len(paid) == 1 and paid[0]["data"]["match"]["rule"] == "chosen"
    chosen_line = paid[0]["data"]["line"]
    # The choice is remembered: rebuild and match (no terminal) keep it.
    monkeypatch.setenv("KAMENG_INTERACTIVE", "0")
    assert run("-C", case_dir, "rebuild").exit_code == 0
    assert run("-C", case_dir, "match").exit_code == 0
    paid = [e for e in payment_events(case_dir) if e["kind"] == "paid"]
    assert [e["data"]["line"] for e in paid] == [chosen_line]


def test_extract_writes_matched_rows_only_and_never_overwrites(case_dir: Path) -> None:
    run("-C", case_dir, "add", ALIPAY)
    first = run("-C", case_dir, "extract", "E01", "--rows", "matched")
    assert first.exit_code == 0, first.output
    second = run("-C", case_dir, "extract", "E1")
    assert second.exit_code == 0, second.output
    files = sorted(p.name for p in (case_dir / "drafts").iterdir())
    assert files == ["E01_payment_extract-2.csv", "E01_payment_extract.csv"]
    text = (case_dir / "drafts" / "E01_payment_extract.csv").read_text(encoding="utf-8")
    assert "# sha256: " in text and "# period: 2024-04-01T00:00:00+08:00 — 2024-05-31T23:59:59+08:00" in text
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert body[0].startswith("line,交易时间,交易分类,交易对方")
    assert [row.split(",")[0] for row in body[1:]] == ["27", "28"]
    for private in ("测试甲", "tester@example.com", "某某面馆", "\t"):
        assert private not in text
    exhibit = run_json("-C", case_dir, "list")["exhibits"][0]
    assert f"# sha256: {exhibit['sha256']}" in text


def test_extract_to_stdout_and_to_a_path(case_dir: Path, tmp_path: Path) -> None:
    run("-C", case_dir, "add", WECHAT_2026)
    result = run("-C", case_dir, "extract", "E01", "-o", "-")
    assert result.exit_code == 0
    assert "# layout: wechat-xlsx-2026" in result.stdout and "\n20,2024-05-02 10:15:00," in result.stdout
    target = tmp_path / "out.csv"
    assert run("-C", case_dir, "extract", "E01", "-o", target).exit_code == 0
    again = run("-C", case_dir, "extract", "E01", "-o", target)
    assert again.exit_code == 2 and "不会覆盖" in again.output
    as_json = run_json("-C", case_dir, "extract", "E01", "-o", "-")
    assert as_json["schema"] == "kameng.payment-extract/1" and [r["line"] for r in as_json["rows"]] == [20, 21]


def test_extract_refuses_other_exhibits_and_bad_rows(case_dir: Path, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("随便写点什么\n", encoding="utf-8")
    run("-C", case_dir, "add", note)
    assert run("-C", case_dir, "extract", "E01").exit_code == 2
    run("-C", case_dir, "add", ALIPAY)
    bad = run("-C", case_dir, "extract", "E02", "--rows", "all")
    assert bad.exit_code == 2 and "matched" in bad.output


def test_generic_bank_csv_with_map_survives_match_and_rebuild(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", GENERIC, "--map", GENERIC_MAP)
    assert result.exit_code == 0, result.output
    assert [e["kind"] for e in payment_events(case_dir)] == ["paid", "refunded"]
    assert run("-C", case_dir, "match").exit_code == 0
    assert run("-C", case_dir, "rebuild").exit_code == 0
    assert [e["amount"] for e in payment_events(case_dir)] == ["100.00", "49.90"]
    exhibit = run_json("-C", case_dir, "list")["exhibits"][0]
    assert exhibit["kind"] == "bank" and exhibit["facts"]["map"] == GENERIC_MAP


def test_generic_map_with_a_wrong_column_lists_the_real_ones(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", GENERIC, "--map", "时间=交易日期,金额=借方金额")
    assert result.exit_code == 2
    flat = result.stdout.replace("\n", "").replace(" ", "")
    assert "没有名为“交易日期”的列" in flat and "记账日期、记账时间、借方金额" in flat


def test_a_table_without_map_is_kept_as_text_with_a_hint(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", GENERIC)
    assert result.exit_code == 0, result.output
    assert "--map" in result.stdout
    assert payment_events(case_dir) == []


def test_row_warnings_are_stored_and_do_not_stop_the_file(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", PAYMENTS / "alipay_web/web_gb18030_lf.txt")
    assert result.exit_code == 0, result.output
    assert "2 条警告" in result.stdout.replace("\n", "").replace(" ", "") or "2条警告" in result.stdout.replace(" ", "")
    derived = json.loads((case_dir / ".kameng/derived/E01.json").read_text(encoding="utf-8"))
    reasons = [(w["locator"], w["reason"]) for w in derived["warnings"]]
    assert ("line 12", "payments.row.bad_amount") in reasons and ("line 13", "payments.row.unknown_status") in reasons
    assert [e["kind"] for e in payment_events(case_dir)] == ["paid", "refunded"]


def test_match_without_payment_exhibits(case_dir: Path) -> None:
    result = run("-C", case_dir, "match")
    assert result.exit_code == 0
    assert "还没有支付账单" in result.output
