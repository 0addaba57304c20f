"""Golden files: every input in tests/data/payments/ (written by make_payment_data.py) is detected by
exactly one payment source and parsed into the records and result stored next to it as
`<name>.expected.json`. Regenerate on purpose with KAMENG_REGEN=1."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA
from kameng_cli.errors import UserInputError
from kameng_cli.ingest.base import CLAIM, ParseContext, Sample, SourceError
from kameng_cli.ingest.payments import payment_source_names
from kameng_cli.ingest.registry import sources
from kameng_cli.model.case import Case

PAYMENTS = DATA / "payments"
GENERIC_MAP = "时间=记账日期+记账时间,支出=借方金额,收入=贷方金额,对方=对方名称"

# (file, the one source that must claim it, options given to `add`)
GOLDEN: list[tuple[str, str, dict[str, str]]] = [
    ("alipay_web/web_gbk_crlf.csv", "alipay-web", {}),
    ("alipay_web/web_gb18030_lf.txt", "alipay-web", {}),
    ("alipay_2021/app2021_gbk_crlf.csv", "alipay-2021", {}),
    ("alipay_2021/app2021_gbk_mixed.csv", "alipay-2021", {}),
    ("alipay_2023/padded_gbk_crlf.csv", "alipay-2023", {}),
    ("alipay_2023/padded_utf8_bom_lf.csv", "alipay-2023", {}),
    ("alipay_2023/padded_utf16_crlf.csv", "alipay-2023", {}),
    ("alipay_2023/padded_gb18030_cr.csv", "alipay-2023", {}),
    ("alipay_2023/plain_2025_refund_star.csv", "alipay-2023", {}),
    ("wechat_csv/classic_bom_crlf.csv", "wechat-csv", {}),
    ("wechat_csv/classic_nobom_lf_8commas.csv", "wechat-csv", {}),
    ("wechat_csv/excel_resaved_gb18030.csv", "wechat-csv", {}),
    ("wechat_csv_2025/quoted_tab_bom_crlf.csv", "wechat-csv-2025", {}),
    ("wechat_csv_2025/quoted_tab_nobom_lf.csv", "wechat-csv-2025", {}),
    ("wechat_xlsx/row17_text_amounts.xlsx", "wechat-xlsx", {}),
    ("wechat_xlsx_2026/row18_numeric_amounts.xlsx", "wechat-xlsx-2026", {}),
    ("bank_cmb/cmb_quoted.csv", "bank-cmb", {}),
    ("bank_cmb/cmb_bare_hash.csv", "bank-cmb", {}),
    ("bank_icbc/icbc_v2_utf8_bom.csv", "bank-icbc", {}),
    ("bank_icbc/icbc_v1_gbk.csv", "bank-icbc", {}),
    ("bank_generic/other_bank_gbk.csv", "bank-generic", {"map": GENERIC_MAP}),
    ("bank_cmb_pdf/cmb_statement.pdf", "bank-cmb-pdf", {}),
    ("bank_icbc_pdf/icbc_history.pdf", "bank-icbc-pdf", {}),
    # written by make_heldout_data.py (held-out payment test, notes/heldout_payments.md)
    ("alipay_2023/retry_closed_then_paid.csv", "alipay-2023", {}),
    ("alipay_2023/closed_unpaid_only.csv", "alipay-2023", {}),
    ("alipay_2023/zero_rows.csv", "alipay-2023", {}),
    ("alipay_2023/excel_thousands.csv", "alipay-2023", {}),
    ("alipay_2021/app2021_tabs_lost.csv", "alipay-2021", {}),
    ("wechat_csv/excel_gbk_thousands.csv", "wechat-csv", {}),
    ("wechat_csv_2025/quoted_tab_gbk.csv", "wechat-csv-2025", {}),
    ("bank_cmb_pdf/cmb_statement_applied.pdf", "bank-cmb-pdf", {}),
    # written by make_tester3_data.py (third payment black-box test, notes/tester_payments.md)
    ("alipay_2023/score_no_merchant_no.csv", "alipay-2023", {}),
    ("wechat_csv/transfer_no_merchant_no.csv", "wechat-csv", {}),
    ("bank_cmb_pdf/cmb_statement_wrapped_party.pdf", "bank-cmb-pdf", {}),
]

BROKEN: list[tuple[str, str, str]] = [
    ("alipay_web/broken_no_footer.csv", "alipay-web", "payments.broken.truncated_footer"),
    ("alipay_2023/broken_truncated.csv", "alipay-2023", "payments.broken.truncated_count"),
    ("alipay_2023/broken_no_header.csv", "alipay-2023", "payments.broken.no_header"),
    ("alipay_2023/broken_excel_mangled.csv", "alipay-2023", "payments.broken.mangled"),
    ("wechat_xlsx_2026/broken_float_ids.xlsx", "wechat-xlsx-2026", "payments.broken.mangled"),
    ("wechat_xlsx/broken_cut_in_sheet.xlsx", "wechat-xlsx", "payments.broken.xlsx"),
    ("wechat_xlsx_2026/broken_cut_in_strings.xlsx", "wechat-xlsx-2026", "payments.broken.xlsx"),
    ("alipay_2023/broken_bad_bytes_row.csv", "alipay-2023", "payments.broken.encoding"),
    ("alipay_2021/broken_bad_bytes_title.csv", "alipay-2021", "payments.broken.encoding"),
    ("wechat_csv/broken_bad_utf8.csv", "wechat-csv", "payments.broken.encoding"),
    ("alipay_2023/broken_cut_in_character.csv", "alipay-2023", "payments.broken.truncated_row"),
    ("bank_icbc/broken_cut_in_character.csv", "bank-icbc", "payments.broken.truncated_row"),
]
# Inputs no source claims (their tests name them): a damaged workbook nothing recognises, reported by the
# wechat-xlsx source below CLAIM (test_payments_heldout.py).
UNCLAIMED = ["wechat_xlsx/broken_unknown_table.xlsx"]


def golden_case() -> Case:
    """The facts of tests/conftest.py's NOT_DELIVERED case, which the test inputs are built around."""
    return Case(problem="not-delivered", platform={"name": "星辰卡盟"}, merchant={"name": "云游数码专营店"},
                order={"number": "XC20240501095512", "price": "100", "face_value": "100",
                       "paid_at": "2024-05-01 09:55:12"})


def payment_claims(path: Path) -> list[str]:
    sample = Sample.of(path)
    return sorted(name for name, source in sources().items()
                  if name in payment_source_names() and source.sniff(sample) >= CLAIM)


def snapshot(path: Path, source_name: str, options: dict[str, str]) -> dict[str, Any]:
    source = sources()[source_name]
    result = source.parse(path, ParseContext(case=golden_case(), options=options))
    if source_name == "bank-generic":
        from kameng_cli.ingest.payments.bank_generic import _MappedTable, parse_map

        reader = _MappedTable(parse_map(options["map"]), source.label)
    else:
        reader = source
    records, warnings = reader.read_records(path)
    return {
        "source": source_name,
        "records": [r.to_json() for r in records],
        "unread": [w.to_json() for w in warnings],
        "result": {
            "kind": result.kind,
            "captured_at": result.captured_at.isoformat() if result.captured_at else None,
            "captured_at_source": result.captured_at_source,
            "facts": result.facts,
            "events": [e.to_json() for e in result.events],
            "warnings": [w.to_json() for w in result.warnings],
            "notes": [n.to_json() for n in result.notes],
            "messages": result.messages,
            "matched_lines": result.details["matched_lines"],
        },
    }


@pytest.mark.parametrize(("name", "source_name", "options"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden(name: str, source_name: str, options: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAMENG_LANG", "zh")
    path = PAYMENTS / name
    if source_name != "bank-generic":  # a CSV without markers is never claimed; --map chooses it
        assert payment_claims(path) == [source_name]
    actual = json.loads(json.dumps(snapshot(path, source_name, options), ensure_ascii=False))
    expected_path = path.with_name(path.name + ".expected.json")
    if os.environ.get("KAMENG_REGEN") == "1":
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert expected_path.exists(), f"no golden file; run with KAMENG_REGEN=1 to create {expected_path.name}"
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "source_name", "key"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_file_is_one_source_error(name: str, source_name: str, key: str) -> None:
    path = PAYMENTS / name
    assert payment_claims(path) == [source_name]
    with pytest.raises(SourceError) as caught:
        sources()[source_name].parse(path, ParseContext(case=golden_case()))
    assert caught.value.key == key
    rendered = caught.value.render()
    assert "未导入" in rendered and "重新导出" in rendered


def test_every_input_has_a_golden_or_broken_entry() -> None:
    listed = {g[0] for g in GOLDEN} | {b[0] for b in BROKEN} | set(UNCLAIMED)
    inputs = {str(p.relative_to(PAYMENTS)) for p in PAYMENTS.rglob("*")
              if p.is_file() and not p.name.endswith((".json", ".py"))}
    assert inputs == listed


def test_generic_map_names_real_columns_when_wrong() -> None:
    source = sources()["bank-generic"]
    with pytest.raises(UserInputError) as caught:
        source.parse(PAYMENTS / "bank_generic/other_bank_gbk.csv",
                     ParseContext(case=golden_case(), options={"map": "时间=交易日期,金额=借方金额"}))
    assert caught.value.key == "payments.map.unknown_column"
    assert caught.value.params["column"] == "交易日期"
    assert "记账日期、记账时间、借方金额、贷方金额" in caught.value.params["columns"]
