"""Hand-edited case.toml errors from the third black-box report (notes/tester_drafts.md, D16): an ID
number failing GB 11643, a payment time in the future or contradicting the bill warn in `show` and
`check`; Chinese names of problem types are accepted; the claims error names the Chinese names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA, run, run_json
from kameng_cli.case.casefile import case_warnings
from kameng_cli.model.case import Case, problem_slug


def _edit(case_dir: Path, old: str, new: str) -> None:
    path = case_dir / "case.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- id_number: GB 11643 check digit (law.md §10.2) ----------------------------------------------------


def test_a_bad_id_check_digit_warns_in_show_and_check(case_dir: Path) -> None:
    _edit(case_dir, 'id_number = ""', 'id_number = "110105194912310021"')  # the tester's: should end in X
    shown = run("-C", case_dir, "show")
    assert shown.exit_code == 0
    assert "GB 11643" in shown.stderr and "110105********0021" in shown.stderr
    assert "19491231" not in shown.stderr  # the date of birth is not echoed
    checked = run("-C", case_dir, "check")
    assert "GB 11643" in checked.stderr
    assert any("GB 11643" in w for w in run_json("-C", case_dir, "show")["warnings"])
    english = run("--lang", "en", "-C", case_dir, "show")
    assert "fails the GB 11643 check" in english.stderr
    drafted = run("-C", case_dir, "draft", "--to", "court", "--force", "-o", "-")
    assert "GB 11643" in drafted.stderr  # said before it goes into the letter


@pytest.mark.parametrize("number", ["11010519491231002X", "11010519491231002x", "440524188001010014"])  # law.md §10.2
def test_a_valid_id_number_does_not_warn(case_dir: Path, number: str) -> None:
    _edit(case_dir, 'id_number = ""', f'id_number = "{number}"')
    assert run_json("-C", case_dir, "show")["warnings"] == []
    assert "GB 11643" not in run("-C", case_dir, "check").stderr


def test_an_id_number_of_the_wrong_shape_warns(case_dir: Path) -> None:
    _edit(case_dir, 'id_number = ""', 'id_number = "11010519491231"')
    assert any("不是 18 位" in w for w in run_json("-C", case_dir, "show")["warnings"])


# --- paid_at: in the future, or contradicting the bill -----------------------------------------------


def test_paid_at_in_the_future_warns(case_dir: Path) -> None:
    _edit(case_dir, 'paid_at = "2024-05-01T09:55:12+08:00"', 'paid_at = "2027-01-05 10:30"')
    warnings = run_json("-C", case_dir, "show")["warnings"]
    assert any("2027-01-05 10:30:00 是将来的时间" in w for w in warnings)
    # check judges "the future" as of --today
    assert "是将来的时间" in run("-C", case_dir, "check", "--today", "2026-12-07").stderr
    assert "是将来的时间" not in run("-C", case_dir, "check", "--today", "2027-02-01").stderr


def test_paid_at_far_from_every_payment_of_the_bill_warns(case_dir: Path) -> None:
    bill = DATA / "payments" / "alipay_2021" / "app2021_gbk_crlf.csv"
    assert run("-C", case_dir, "add", bill).exit_code == 0
    paid = [e for e in run_json("-C", case_dir, "timeline")["events"] if e["kind"] == "paid"]
    assert paid and all(e["time"].startswith("2024-05-01") for e in paid)
    assert not any("付款记录不符" in w for w in run_json("-C", case_dir, "show")["warnings"])
    _edit(case_dir, 'paid_at = "2024-05-01T09:55:12+08:00"', 'paid_at = "2024-06-01 09:55:12"')
    warnings = run_json("-C", case_dir, "show")["warnings"]
    assert any("与付款记录不符" in w and "E01" in w and "2024-05-01" in w for w in warnings), warnings
    assert "与付款记录不符" in run("-C", case_dir, "check").stderr
    # a typed order time a few minutes off is no contradiction
    _edit(case_dir, 'paid_at = "2024-06-01 09:55:12"', 'paid_at = "2024-05-01 09:50"')
    assert not any("付款记录不符" in w for w in run_json("-C", case_dir, "show")["warnings"])


def test_case_warnings_as_a_function() -> None:
    from kameng_cli.parsing.times import parse_time

    case = Case(problem="not-delivered", order={"paid_at": "2027-01-05 10:30"}, complainant={"id_number": "110105194912310021"})
    found = case_warnings(case, [], parse_time("2026-12-07 12:00"))
    assert len(found) == 2
    assert case_warnings(Case(problem="not-delivered"), None, parse_time("2026-12-07 12:00")) == []


def test_check_json_stays_a_json_document(case_dir: Path) -> None:
    _edit(case_dir, 'id_number = ""', 'id_number = "110105194912310021"')
    result = run("-C", case_dir, "check", "--json")
    assert json.loads(result.stdout)["schema"] == "kameng.check/1"
    assert "GB 11643" in result.stderr


# --- problem: the Chinese names of case.toml's own comment -------------------------------------------


@pytest.mark.parametrize(("name", "slug"), [
    ("未到账", "not-delivered"), ("未发货", "not-delivered"), ("未到账/未发货", "not-delivered"),
    ("卡密无效", "card-invalid"), ("已使用", "card-invalid"), ("卡密无效/已使用", "card-invalid"),
    ("描述不符", "not-as-described"), ("延迟发货", "delayed"), ("商家跑路", "merchant-vanished"),
    ("售后推诿", "after-sales-refused"), ("拒绝退款", "after-sales-refused"), ("账号被盗刷", "account-stolen"),
    ("隐私泄露", "privacy-leak"), ("售卖非法卡密", "illegal-goods"), ("Not-Delivered", "not-delivered"),
])
def test_problem_slug(name: str, slug: str) -> None:
    assert problem_slug(name) == slug


def test_case_toml_accepts_a_chinese_problem_name(case_dir: Path) -> None:
    _edit(case_dir, 'problem = "not-delivered"', 'problem = "未到账"')
    shown = run("-C", case_dir, "show")
    assert shown.exit_code == 0, shown.output
    assert "未到账/未发货 (not-delivered)" in shown.stdout
    assert run_json("-C", case_dir, "show")["case"]["problem"] == "not-delivered"
    assert run_json("-C", case_dir, "check")["problem_type"] == "not-delivered"


def test_an_unknown_problem_names_the_chinese_names(case_dir: Path) -> None:
    _edit(case_dir, 'problem = "not-delivered"', 'problem = "没收到"')
    result = run("-C", case_dir, "show")
    assert result.exit_code == 2
    assert "未知的问题类型 '没收到'" in result.stderr and "not-delivered（未到账/未发货）" in result.stderr


# --- claims: the error names the Chinese names -------------------------------------------------------


def test_the_claims_error_names_the_chinese_names(case_dir: Path) -> None:
    _edit(case_dir, 'claims = ["refund"]', 'claims = ["退一赔三"]')
    result = run("-C", case_dir, "show")
    assert result.exit_code == 2
    for name in ("refund（退款）", "compensation（赔偿）", "interest（利息）", "中文名"):
        assert name in result.stderr, result.stderr
    english = run("--lang", "en", "-C", case_dir, "show")
    assert "refund (退款)" in english.stderr and "Chinese name" in english.stderr


def test_chinese_claims_still_load(case_dir: Path) -> None:
    _edit(case_dir, 'claims = ["refund"]', 'claims = ["退款", "赔偿", "利息"]')
    assert run_json("-C", case_dir, "show")["case"]["claims"] == ["refund", "compensation", "interest"]
