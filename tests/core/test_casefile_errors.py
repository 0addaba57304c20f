from pathlib import Path

from conftest import run


def _edit(case_dir: Path, old: str, new: str) -> None:
    path = case_dir / "case.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_wrong_type_is_reported_with_its_line(case_dir: Path) -> None:
    _edit(case_dir, 'fraud = false', 'fraud = "maybe"')
    line = next(i for i, text in enumerate((case_dir / "case.toml").read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("fraud"))
    result = run("-C", case_dir, "show")
    assert result.exit_code == 2
    assert f"第 {line} 行 fraud" in result.stderr
    assert "true 或 false" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_key_and_bad_amount_each_reported(case_dir: Path) -> None:
    _edit(case_dir, 'price = "100.00"', 'price = "1O0"\npricee = "1"')
    result = run("-C", case_dir, "show")
    assert result.exit_code == 2
    assert "order.price" in result.stderr and "不是有效金额" in result.stderr
    assert "order.pricee" in result.stderr and "未知的字段" in result.stderr
    assert "2 处错误" in result.stderr


def test_broken_syntax(case_dir: Path) -> None:
    _edit(case_dir, 'problem = "not-delivered"', 'problem = "not-delivered')
    result = run("-C", case_dir, "show")
    assert result.exit_code == 2
    line = next(i for i, text in enumerate((case_dir / "case.toml").read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("problem"))
    assert "TOML 语法错误" in result.stderr and f"第 {line} 行" in result.stderr and "引号没有闭合" in result.stderr
    assert "Illegal character" not in result.stderr


def test_errors_in_english(case_dir: Path) -> None:
    _edit(case_dir, 'problem = "not-delivered"', 'problem = "lost"')
    result = run("--lang", "en", "-C", case_dir, "show")
    assert result.exit_code == 2
    assert "unknown problem type" in result.stderr


def test_a_payment_time_without_a_year_is_an_error_not_this_year(case_dir: Path) -> None:
    text = (case_dir / "case.toml").read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("paid_at"))
    _edit(case_dir, old, 'paid_at = "5/1 9:55"')
    result = run("-C", case_dir, "show")
    assert result.exit_code == 2
    assert "order.paid_at" in result.stderr and "缺少年份" in result.stderr
    result = run("init", str(case_dir.parent / "other"), "-y", "--platform", "P", "--problem", "not-delivered",
                 "--order-no", "X1", "--goods", "G", "--price", "100", "--paid-at", "5月1日 9:55")
    assert result.exit_code == 2 and "缺少年份" in result.stderr


def test_claims_may_be_written_with_their_chinese_names(case_dir: Path) -> None:
    """The interview shows "refund 退款": 退款 in case.toml is the claim refund (stored as its slug)."""
    from kameng_cli.case.store import CaseStore

    _edit(case_dir, 'claims = ["refund"]', 'claims = ["退款", "补发", "Interest", "refund"]')
    result = run("-C", case_dir, "show")
    assert result.exit_code == 0, result.output
    assert CaseStore(case_dir).case.claims == ["refund", "redeliver", "interest"]
    drafted = run("-C", case_dir, "draft", "--to", "merchant", "-o", "-", "--force")
    assert drafted.exit_code == 0, drafted.output
    assert "要求补发或全额退款¥100.00及利息" in drafted.stdout.splitlines()[0]


def test_an_unknown_claim_name_is_still_an_error(case_dir: Path) -> None:
    _edit(case_dir, 'claims = ["refund"]', 'claims = ["退钱"]')
    result = run("-C", case_dir, "show")
    assert result.exit_code == 2 and "refund" in result.stderr
