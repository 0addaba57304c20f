import json
import tomllib
from pathlib import Path

from conftest import NOT_DELIVERED, run


def test_init_with_flags_writes_a_commented_case(tmp_path: Path) -> None:
    root = tmp_path / "c"
    result = run("init", root, *NOT_DELIVERED, "--platform-uscc", "91350100M000100Y43")
    assert result.exit_code == 0, result.output
    text = (root / "case.toml").read_text(encoding="utf-8")
    assert "# 问题类型" in text and "# 订单" in text
    data = tomllib.loads(text)
    assert data["problem"] == "not-delivered"
    assert data["order"]["price"] == "100.00"
    assert data["order"]["paid_at"] == "2024-05-01T09:55:12+08:00"
    assert data["claims"] == ["refund"]
    assert data["my_names"] == ["小明"]
    for folder in ("evidence", "drafts", ".kameng"):
        assert (root / folder).is_dir()


def test_amount_and_time_forms_accepted(tmp_path: Path) -> None:
    args = ["--problem", "not-delivered", "--platform", "P", "--order-no", "1", "--goods", "g",
            "--price", "¥1,288.00", "--face-value", "1288元", "--paid-at", "2024年11月3日下午3点半"]
    result = run("init", tmp_path / "c", *args)
    assert result.exit_code == 0, result.output
    data = tomllib.loads((tmp_path / "c" / "case.toml").read_text(encoding="utf-8"))
    assert data["order"]["price"] == "1288.00"
    assert data["order"]["face_value"] == "1288.00"
    assert data["order"]["paid_at"] == "2024-11-03T15:30:00+08:00"


def test_missing_required_facts_name_the_flags(tmp_path: Path) -> None:
    result = run("init", tmp_path / "c", "--problem", "not-delivered", "--platform", "P")
    assert result.exit_code == 2
    for flag in ("--order-no", "--goods", "--price", "--paid-at"):
        assert flag in result.stderr
    assert not (tmp_path / "c" / "case.toml").exists()


def test_problem_required_without_terminal(tmp_path: Path) -> None:
    result = run("init", tmp_path / "c", "--platform", "P")
    assert result.exit_code == 2
    assert "--problem" in result.stderr


def test_privacy_leak_needs_only_the_platform(tmp_path: Path) -> None:
    result = run("init", tmp_path / "c", "--problem", "privacy-leak", "--platform", "P")
    assert result.exit_code == 0, result.output


def test_bad_values_exit_2_with_the_flag(tmp_path: Path) -> None:
    base = ["--problem", "not-delivered", "--platform", "P", "--order-no", "1", "--goods", "g",
            "--paid-at", "2024-05-01 10:00"]
    result = run("init", tmp_path / "a", *base, "--price", "12.345")
    assert result.exit_code == 2 and "--price" in result.stderr
    result = run("init", tmp_path / "b", *base, "--price", "-5")
    assert result.exit_code == 2 and "--price" in result.stderr
    result = run("init", tmp_path / "c", *base[:-2], "--price", "5", "--paid-at", "昨天")
    assert result.exit_code == 2 and "--paid-at" in result.stderr
    result = run("init", tmp_path / "d", *base[:-2], "--price", "5", "--paid-at", "2999-01-01 10:00")
    assert result.exit_code == 2 and "将来" in result.stderr
    result = run("init", tmp_path / "e", *base, "--price", "5", "--problem", "bogus")
    assert result.exit_code == 2 and "not-delivered" in result.stderr
    result = run("init", tmp_path / "f", *base, "--price", "5", "--claim", "money")
    assert result.exit_code == 2 and "refund" in result.stderr
    assert "Traceback" not in result.output


def test_uscc_mismatch_is_a_warning_not_a_refusal(tmp_path: Path) -> None:
    result = run("init", tmp_path / "c", *NOT_DELIVERED, "--platform-uscc", "91350211M00013FA1N")
    assert result.exit_code == 0
    assert "校验位" in result.stderr


def test_refuses_an_existing_case(case_dir: Path) -> None:
    before = (case_dir / "case.toml").read_bytes()
    result = run("init", case_dir, *NOT_DELIVERED)
    assert result.exit_code == 2
    assert "已经是一个案件" in result.stderr
    assert (case_dir / "case.toml").read_bytes() == before


def test_interview_on_a_terminal(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KAMENG_INTERACTIVE", "1")
    answers = "\n".join([
        "1",  # not-delivered
        "星辰卡盟", "", "", "",  # platform name, site, company, uscc
        "云游数码", "", "",  # merchant
        "XC1", "云游一卡通100元", "100", "abc", "98.5", "2024-05-01 09:55", "支付宝",  # order (abc re-asked)
        "refund,compensation", "小明",
    ]) + "\n"
    result = run("init", tmp_path / "c", input=answers)
    assert result.exit_code == 0, result.output
    data = tomllib.loads((tmp_path / "c" / "case.toml").read_text(encoding="utf-8"))
    assert data["order"]["price"] == "98.50"
    assert data["claims"] == ["refund", "compensation"]
    assert data["merchant"]["name"] == "云游数码"
    assert "不是有效金额" in result.output


def test_interview_in_english(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KAMENG_INTERACTIVE", "1")
    answers = "8\nSomePlatform\n\n\n\n\n\n\n\n\n"
    result = run("init", tmp_path / "c", "--lang", "en", input=answers)
    assert result.exit_code == 0, result.output
    assert "What went wrong?" in result.output
    assert "privacy leak" in result.output


def test_yes_never_prompts(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KAMENG_INTERACTIVE", "1")
    result = run("init", tmp_path / "c", "--yes", "--problem", "not-delivered", "--platform", "P")
    assert result.exit_code == 2
    assert "--order-no" in result.stderr


def test_show_json(case_dir: Path) -> None:
    result = run("-C", case_dir, "show", "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["schema"] == "kameng.case/1"
    assert doc["case"]["order"]["price"] == "100.00"
    assert doc["case"]["order"]["paid_at"] == "2024-05-01T09:55:12+08:00"
    assert doc["case"]["problem"] == "not-delivered"


def test_init_honours_dash_c_and_names_every_missing_flag(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("-C", "sub", "init", "-y", *NOT_DELIVERED)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sub" / "case.toml").is_file() and not (tmp_path / "case.toml").exists()
    again = run("-C", "sub", "init", "-y")
    assert again.exit_code == 2 and "已经是一个案件文件夹" in again.stderr  # said first, before any missing flag
    missing = run("init", "other", "-y")
    assert missing.exit_code == 2 and "--problem, --platform" in missing.stderr


def test_interview_input_ending_early_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KAMENG_INTERACTIVE", "1")
    result = run("init", tmp_path / "c", input="1\n星辰卡盟\n")
    assert result.exit_code == 2
    assert "输入在回答问题时结束了" in result.stderr and "Aborted" not in result.output
    assert not (tmp_path / "c" / "case.toml").exists()


def test_ctrl_c_in_the_interview_exits_130(tmp_path: Path, monkeypatch) -> None:
    import typer

    def ctrl_c(*args, **kwargs):  # noqa: ANN002, ANN003 - what click's prompt does on Ctrl-C
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise typer.Abort() from None

    monkeypatch.setenv("KAMENG_INTERACTIVE", "1")
    monkeypatch.setattr(typer, "prompt", ctrl_c)
    result = run("init", tmp_path / "c")
    assert result.exit_code == 130
    assert "已中断" in result.stderr and "Aborted" not in result.output
    assert not (tmp_path / "c" / "case.toml").exists()


def test_a_date_whose_day_and_month_order_is_unclear_is_refused(tmp_path: Path) -> None:
    args = [a if a != "2024-05-01 09:55:12" else "10/06/2025 09:14" for a in NOT_DELIVERED]
    result = run("init", tmp_path / "c", *args)
    assert result.exit_code == 2
    assert "--paid-at" in result.stderr and "日和月的顺序不明确" in result.stderr
    assert not (tmp_path / "c" / "case.toml").exists()
    unambiguous = [a if a != "2024-05-01 09:55:12" else "25/06/2025 09:14" for a in NOT_DELIVERED]
    assert run("init", tmp_path / "d", *unambiguous).exit_code == 0
    assert 'paid_at = "2025-06-25T09:14:00+08:00"' in (tmp_path / "d" / "case.toml").read_text(encoding="utf-8")


def test_without_a_problem_every_flag_an_order_case_needs_is_named_at_once(tmp_path: Path) -> None:
    result = run("init", tmp_path / "c", "--platform", "P", "--goods", "g")
    assert result.exit_code == 2
    assert "--problem" in result.stderr and "--order-no, --price, --paid-at" in result.stderr
    # given them all, the next round asks for nothing an order case needs
    again = run("init", tmp_path / "c", "--platform", "P", "--goods", "g", "--order-no", "1", "--price", "1",
                "--paid-at", "2024-05-01 10:00", "--problem", "not-delivered")
    assert again.exit_code == 0, again.output


def test_claims_by_their_chinese_names(tmp_path: Path) -> None:
    args = [a for a in NOT_DELIVERED]
    i = args.index("--claim")
    args[i + 1] = "退款"
    result = run("init", tmp_path / "c", *args, "--claim", "赔偿")
    assert result.exit_code == 0, result.output
    assert 'claims = ["refund", "compensation"]' in (tmp_path / "c" / "case.toml").read_text(encoding="utf-8")
    bad = run("init", tmp_path / "d", *[a if a != "退款" else "退钱" for a in args])
    assert bad.exit_code == 2 and "退钱" in bad.stderr
