"""`check` and `draft` agree on who sold (tester journey, defect 7), and the letter's limitation date is
the one `kameng status` computes, interruptions included (defect 8)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from draft_cases import BUILDERS, LETTER_DATES, no_blockers

from conftest import run, run_json

SELF_RUN = ["--problem", "not-delivered", "--platform", "闪充话费", "--order-no", "SC202506100914000321",
            "--goods", "移动话费100元", "--face-value", "100", "--price", "98.50", "--paid-at", "2025-06-10 09:14",
            "--claim", "refund"]
DATE = "2025-10-10"


@pytest.fixture(autouse=True)
def _no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAMENG_OCR", "0")


def _case(tmp_path: Path, *extra: str) -> Path:
    root = tmp_path / "case"
    result = run("init", root, *SELF_RUN, *extra)
    assert result.exit_code == 0, result.output
    return root


def _draft(root: Path, channel: str, *extra: str):
    result = run("-C", root, "draft", "--to", channel, "-o", "-", "--date", DATE, "--force", *extra)
    assert result.exit_code == 0, result.output
    return result


def _target(root: Path) -> dict:
    return run_json("-C", root, "check", "--today", DATE)["first_target"]


def _cn(day: str) -> str:
    value = date.fromisoformat(day)
    return f"{value.year}年{value.month}月{value.day}日"


# ---- who sold (defect 7) ------------------------------------------------------------------------

def test_platform_without_merchant_is_addressed_as_the_seller(tmp_path: Path) -> None:
    root = _case(tmp_path)
    target = _target(root)
    assert target["target"] == "platform" and "[DSF-37]" in target["reason"]

    result = _draft(root, "platform")
    letter = result.stdout
    assert "投诉对象：闪充话费（本订单的销售者" in letter
    assert "平台内商家" not in letter
    assert "督促商家" not in letter and "平台不能提供商家真实名称" not in letter
    assert "平台应当承担销售者的责任" in letter
    # The seller's liability of a platform that sells itself, quoted from the law data.
    assert "《电子商务法》第三十七条第二款：“电子商务平台经营者对其标记为自营的业务" in letter
    assert "《最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）》第四条：" in letter
    # Not the liability for a merchant it hosts, nor the duty to help in a dispute with one.
    assert "第三十八条" not in letter and "第四十四条" not in letter and "第六十一条" not in letter
    # No merchant to fill in: neither in the letter's missing facts nor in the warning.
    assert "商家名称" not in letter and "商家名称" not in result.stderr


def test_demand_letter_goes_to_the_platform_as_seller(tmp_path: Path) -> None:
    letter = _draft(_case(tmp_path), "merchant").stdout
    assert "致：闪充话费（本订单的销售者）" in letter
    assert "平台内商家" not in letter and "商家名称" not in letter


def test_shop_named_like_the_platform_is_the_platform(tmp_path: Path) -> None:
    root = _case(tmp_path, "--merchant", "闪充话费")
    assert _target(root)["target"] == "platform"
    letter = _draft(root, "platform").stdout
    assert "本订单的销售者" in letter and "平台内商家" not in letter
    assert "第三十七条第二款" in letter and "第三十八条" not in letter


def test_a_named_merchant_keeps_the_platform_liability_letter(tmp_path: Path) -> None:
    root = _case(tmp_path, "--merchant", "极速充值店")
    assert _target(root)["target"] == "both"
    letter = _draft(root, "platform").stdout
    assert "投诉对象：闪充话费平台内商家“极速充值店”" in letter and "督促商家履行" in letter
    assert "《电子商务法》第三十八条第一款" in letter and "《消费者权益保护法》第四十四条" in letter
    assert "第三十七条" not in letter and "本订单的销售者" not in letter


def test_vanished_merchant_is_missing_for_both_commands(tmp_path: Path) -> None:
    """A merchant that vanished is not the platform: check sends the user to the platform to have it
    named, and the letter still lists it as a missing fact."""
    root = _case(tmp_path)
    toml = root / "case.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('problem = "not-delivered"',
                                                             'problem = "merchant-vanished"'), encoding="utf-8")
    target = _target(root)
    assert target["target"] == "platform" and "[XQF-44]" in target["reason"]
    result = _draft(root, "platform")
    assert "平台内商家" in result.stdout and "本订单的销售者" not in result.stdout
    assert "商家名称" in result.stdout and "商家名称" in result.stderr


# ---- the limitation period (defect 8) -----------------------------------------------------------

@pytest.fixture
def nd_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    no_blockers(monkeypatch)
    return BUILDERS["not-delivered"](tmp_path, monkeypatch)


def test_limitation_in_the_letter_is_the_status_date_restarted_by_the_demand(nd_case: Path) -> None:
    letter_date = LETTER_DATES["not-delivered"]
    status = run_json("-C", nd_case, "status", "--today", letter_date)["limitation"]
    assert status["interrupted_by"]["what"] == "demand"  # the chat demand of 2024-05-02 (M0004, in E03)
    assert status["start"].startswith("2024-05-02")
    result = run("-C", nd_case, "draft", "--to", "platform", "-o", "-", "--date", letter_date, "--explain-dates")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stderr.splitlines() if "诉讼时效三年" in x)
    # The same last day as status, and what restarted the period (with the exhibit that shows it).
    assert f"至{_cn(status['due'])}届满" in line
    assert "我于2024年5月2日向对方提出履行请求（证据3），诉讼时效中断并自该日重新计算" in line
    assert "以付款日" not in line
    explain = result.stderr.splitlines()[result.stderr.splitlines().index(line) + 1]
    assert f"自 2024-05-02 的次日起算 3 年，至 {status['due']} 24:00 届满" in explain
    assert status["interrupted_by"]["ref"] in explain and "第一百九十五条" in explain


def test_limitation_without_interruption_matches_status(tmp_path: Path) -> None:
    root = _case(tmp_path)
    status = run_json("-C", root, "status", "--today", DATE)["limitation"]
    assert status["interrupted_by"] is None and status["knew_source"] == "paid"
    result = _draft(root, "platform", "--explain-dates")
    line = next(x for x in result.stderr.splitlines() if "诉讼时效三年" in x)
    assert f"以付款日2025年6月10日计，至{_cn(status['due'])}届满" in line
    assert "中断并自该日重新计算" not in line


def test_limitation_restarted_by_a_police_report(tmp_path: Path) -> None:
    """A recorded report to the police restarts the period too ([SXGD-13]); the letter names it."""
    root = _case(tmp_path)
    ok = run("-C", root, "submit", "police", "--at", "2025-07-01 10:00", "--ticket", "JJ20250701")
    assert ok.exit_code == 0, ok.output
    status = run_json("-C", root, "status", "--today", DATE)["limitation"]
    assert status["interrupted_by"]["channel"] == "police"
    result = _draft(root, "platform", "--explain-dates")
    line = next(x for x in result.stderr.splitlines() if "诉讼时效三年" in x)
    assert f"我于2025年7月1日向公安机关报案，诉讼时效中断并自该日重新计算，至{_cn(status['due'])}届满" in line
    assert json.dumps(status["due"])  # a date, not null
