"""`kameng draft` and `kameng channels` through the CLI: refusals, outputs, dates, redaction switches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from draft_cases import BUILDERS, LETTER_DATES, no_blockers

from conftest import DATA, run
from kameng_cli.draft.channels import CHANNELS
from kameng_cli.model.finding import Finding

DATE = LETTER_DATES["not-delivered"]


@pytest.fixture
def nd_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    no_blockers(monkeypatch)
    return BUILDERS["not-delivered"](tmp_path, monkeypatch)


@pytest.fixture
def ci_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    no_blockers(monkeypatch)
    return BUILDERS["card-invalid"](tmp_path, monkeypatch)


def test_channels_lists_every_channel_with_one_line(case_dir: Path) -> None:
    result = run("channels")
    assert result.exit_code == 0
    for slug in CHANNELS:
        assert any(line.startswith(slug + " ") for line in result.stdout.splitlines()), slug
    doc = json.loads(run("channels", "--json").stdout)
    assert doc["schema"] == "kameng.channels/1"
    assert [c["channel"] for c in doc["channels"]] == ["platform", "merchant", "12315", "consumer-association",
                                                       "heimao", "court", "police"]
    assert [c["channel"] for c in doc["channels"] if c["public"]] == ["heimao"]


def test_unknown_channel_and_bad_options_exit_2(nd_case: Path) -> None:
    result = run("-C", nd_case, "draft", "--to", "weibo")
    assert result.exit_code == 2 and "未知渠道：weibo" in result.stderr and "12315" in result.stderr
    assert run("-C", nd_case, "draft", "--to", "platform", "--format", "docx").exit_code == 2
    result = run("-C", nd_case, "draft", "--to", "platform", "--format", "pdf", "-o", "-")
    assert result.exit_code == 2 and "-o - 只能输出 Markdown" in result.stderr
    result = run("-C", nd_case, "draft", "--to", "platform", "--bundle")
    assert result.exit_code == 2 and "--bundle" in result.stderr
    result = run("-C", nd_case, "draft", "--to", "platform", "--font", str(nd_case / "nope.ttf"))
    assert result.exit_code == 2 and "nope.ttf" in result.stderr


def test_blockers_refuse_unless_forced(nd_case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = Finding(rule="KM101", severity="blocker", message="缺少付款证明", fix="导入支付宝账单")
    no_blockers(monkeypatch, [blocker, Finding(rule="KM300", severity="warning", message="只是提醒")])
    result = run("-C", nd_case, "draft", "--to", "platform", "-o", "-", "--date", DATE)
    assert result.exit_code == 1
    assert "1 个阻断问题" in result.stderr and "[KM101] 缺少付款证明 → 导入支付宝账单" in result.stderr
    assert "KM300" not in result.stderr and result.stdout == ""
    assert not list((nd_case / "drafts").glob("*"))
    forced = run("-C", nd_case, "draft", "--to", "platform", "-o", "-", "--date", DATE, "--force")
    assert forced.exit_code == 0 and forced.stdout.startswith("订单XC20240501095512")
    assert "[KM101] 缺少付款证明" in forced.stderr


def test_drafts_are_numbered_and_never_overwritten(nd_case: Path) -> None:
    for _ in range(3):
        assert run("-C", nd_case, "draft", "--to", "merchant", "--date", DATE).exit_code == 0
    names = sorted(p.name for p in (nd_case / "drafts").iterdir())
    assert names == ["merchant-20240520-2.md", "merchant-20240520-3.md", "merchant-20240520.md"]
    target = nd_case / "mine.md"
    assert run("-C", nd_case, "draft", "--to", "merchant", "-o", target, "--date", DATE).exit_code == 0
    before = target.read_bytes()
    again = run("-C", nd_case, "draft", "--to", "merchant", "-o", target, "--date", DATE)
    assert again.exit_code == 2 and "不覆盖" in again.stderr
    assert target.read_bytes() == before


def test_missing_facts_are_listed_not_left_blank(case_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_blockers(monkeypatch)
    result = run("-C", case_dir, "draft", "--to", "12315", "-o", "-", "--date", DATE)
    assert result.exit_code == 0
    text = result.stdout
    assert "## 尚缺事实" in text
    for fact in ("你的姓名（complainant.name）", "你的电话", "被投诉人地址", "付款凭证", "任何证据文件"):
        assert fact in text and fact in result.stderr
    assert "| 姓名 |" not in text and "| 地址 |" not in text and "： |" not in text and "：\n\n#" not in text


def test_explain_dates_shows_working_days_and_holidays(nd_case: Path) -> None:
    # 2024-09-30 + 7 working days: the National Day holiday (10-01..10-07) is skipped, the 调休
    # Saturday 2024-10-12 counts, Sunday 10-13 does not: 10-08..10-12, 10-14, 10-15.
    result = run("-C", nd_case, "draft", "--to", "12315", "-o", "-", "--date", "2024-09-30", "--explain-dates")
    assert result.exit_code == 0
    assert "至2024年10月15日" in result.stdout
    assert "日期如何计算" in result.stderr
    assert "跳过 2024-10-01（国庆节）" in result.stderr and "计入调休上班日 2024-10-12" in result.stderr
    merchant = run("-C", nd_case, "draft", "--to", "merchant", "-o", "-", "--date", DATE, "--explain-dates")
    assert "请于2024年6月4日前" in merchant.stdout and "自 2024-05-20 的次日起算 15 日" in merchant.stderr
    police = run("-C", nd_case, "draft", "--to", "police", "-o", "-", "--date", DATE, "--explain-dates")
    assert "迅速进行审查" in police.stderr


def test_redaction_default_no_redact_and_public_channels(ci_case: Path) -> None:
    date = LETTER_DATES["card-invalid"]
    merchant = run("-C", ci_case, "draft", "--to", "merchant", "-o", "-", "--date", date).stdout
    assert "ABCD1234EFGH5678" not in merchant and "5678" in merchant
    private = run("-C", ci_case, "draft", "--to", "merchant", "-o", "-", "--date", date, "--no-redact").stdout
    assert "ABCD1234EFGH5678" in private
    public = run("-C", ci_case, "draft", "--to", "heimao", "-o", "-", "--date", date, "--no-redact")
    assert "ABCD1234EFGH5678" not in public.stdout and "公开渠道" in public.stderr
    # The complainant's own details: kept for 12315 and court, masked elsewhere.
    for slug in ("12315", "court"):
        text = run("-C", ci_case, "draft", "--to", slug, "-o", "-", "--date", date).stdout
        assert "13912345678" in text and "浙江省杭州市西湖区文三路90号1号楼301室" in text
    court = run("-C", ci_case, "draft", "--to", "court", "-o", "-", "--date", date).stdout
    assert "11010519491231002X" in court
    for slug in ("consumer-association", "heimao", "platform", "merchant"):
        text = run("-C", ci_case, "draft", "--to", slug, "-o", "-", "--date", date).stdout
        assert "13912345678" not in text and "文三路90号" not in text and "11010519491231002X" not in text, slug
    # The police call the reporter back: the phone stays, the address and ID number do not.
    police = run("-C", ci_case, "draft", "--to", "police", "-o", "-", "--date", date).stdout
    assert "13912345678" in police and "文三路90号" not in police and "11010519491231002X" not in police


def test_a_case_folder_template_overrides_the_shipped_one(nd_case: Path) -> None:
    (nd_case / "templates").mkdir()
    (nd_case / "templates" / "merchant.md.j2").write_text("{{ c.first_line }}\n\n自定义模板 {{ c.date }}\n", encoding="utf-8")
    result = run("-C", nd_case, "draft", "--to", "merchant", "-o", "-", "--date", DATE)
    assert result.stdout == "订单XC20240501095512，购买云游一卡通100元未到账，要求全额退款¥100.00\n\n自定义模板 2024年5月20日\n"
    (nd_case / "templates" / "police.md.j2").write_text("{% if %}\n", encoding="utf-8")
    broken = run("-C", nd_case, "draft", "--to", "police", "-o", "-", "--date", DATE)
    assert broken.exit_code == 2 and "police.md.j2" in broken.stderr


def test_markdown_in_user_text_cannot_change_the_structure(nd_case: Path) -> None:
    from kameng_cli.case.casefile import update_case

    update_case(nd_case / "case.toml", {("statement",): "# 标题\n| a | b |\n**粗体** [链接](x)"})
    text = run("-C", nd_case, "draft", "--to", "merchant", "-o", "-", "--date", DATE).stdout
    assert "\\# 标题" in text and "\\| a \\| b \\|" in text and "\\*\\*粗体\\*\\*" in text


def test_channels_in_english(case_dir: Path) -> None:
    result = run("--lang", "en", "channels")
    assert result.exit_code == 0 and "platform complaint" in result.stdout and "working days" in result.stdout


def test_draft_without_the_checker_warns_and_drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    root = BUILDERS["not-delivered"](tmp_path, monkeypatch)
    monkeypatch.setitem(sys.modules, "kameng_cli.checks", None)  # importing it now raises ImportError
    result = run("-C", root, "draft", "--to", "merchant", "-o", "-", "--date", DATE)
    assert result.exit_code == 0 and "没有 kameng check" in result.stderr
    assert result.stdout.startswith("订单XC20240501095512")


def test_advisory_length_limits_warn(nd_case: Path) -> None:
    from kameng_cli.case.casefile import update_case

    result = run("-C", nd_case, "draft", "--to", "heimao", "-o", "-", "--date", DATE)
    title = result.stdout.split("## 标题\n\n", 1)[1].split("\n", 1)[0]
    assert result.exit_code == 0 and len(title) <= 30 and "标题 共" not in result.stderr  # shortened to fit
    # 黑猫 takes the merchant in a field of its own: the amount stays, the shop goes, and never
    # "云游数码专营店购买…" (as if the shop had bought it).
    assert title == "购买云游一卡通100元未到账，要求全额退款¥100.00"
    update_case(nd_case / "case.toml", {("merchant", "name"): "云"})
    result = run("-C", nd_case, "draft", "--to", "heimao", "-o", "-", "--date", DATE)
    assert "在云购买云游一卡通100元未到账，要求全额退款¥100.00" in result.stdout  # 30: fits
    update_case(nd_case / "case.toml", {("order", "goods"): "云游一卡通100元（限时特惠版，全区全服通用，自动发卡）"})
    result = run("-C", nd_case, "draft", "--to", "heimao", "-o", "-", "--date", DATE)
    assert result.exit_code == 0
    assert "标题 共" in result.stderr and "超过建议上限 30 字" in result.stderr and "非官方规定" in result.stderr


def test_followup_letters_have_no_bundle(nd_case: Path) -> None:
    result = run("-C", nd_case, "draft", "--to", "12315", "--followup", "--format", "pdf", "--bundle")
    assert result.exit_code == 2 and "--followup" in result.stderr


def test_one_payment_in_two_exports_is_one_fact_citing_both(case_dir: Path, tmp_path: Path) -> None:
    payments = DATA / "payments"
    assert run("-C", case_dir, "add", payments / "alipay_2023" / "padded_gbk_crlf.csv",
               payments / "bank_cmb" / "cmb_quoted.csv").exit_code == 0
    out = tmp_path / "letter.md"
    assert run("-C", case_dir, "draft", "--to", "platform", "--force", "-o", out).exit_code == 0
    facts = out.read_text(encoding="utf-8").split("## 事实经过", 1)[1].split("##", 1)[0]
    paid = [line for line in facts.splitlines() if "支付¥100.00" in line]
    assert len(paid) == 1 and "证据1、证据2" in paid[0]


def test_a_double_charge_in_one_export_stays_two_facts() -> None:
    from datetime import datetime
    from decimal import Decimal

    from kameng_cli.draft.context import build_facts
    from kameng_cli.draft.redact import Redactor
    from kameng_cli.model.case import Case
    from kameng_cli.model.records import Event
    from kameng_cli.parsing.times import CST

    when = datetime(2024, 5, 1, 9, 55, tzinfo=CST)
    rows = [Event(f"E01-000{n}", when, "paid", "me", "", Decimal("100"), exhibit="E01", locator=f"line {n}",
                  data={"counterparty": "星辰卡盟", "trade_no": f"202405012200{n}"}) for n in (1, 2)]
    case = Case(problem="not-delivered")
    facts = build_facts(rows, case, {"E01": "证据1"}, Redactor(enabled=False))
    assert len(facts) == 2
    screenshot = Event("E02-0001", when.replace(second=40), "paid", "me", "", Decimal("100"), exhibit="E02", locator="image")
    facts = build_facts([*rows, screenshot], case, {"E01": "证据1", "E02": "证据2"}, Redactor(enabled=False))
    assert [f.exhibits for f in facts] == [["证据1", "证据2"], ["证据1"]]  # the screenshot proves one of them
    earlier_screenshot = Event("E02-0001", when.replace(second=0), "paid", "me", "", Decimal("100"), exhibit="E02")
    facts = build_facts([earlier_screenshot, *rows], case, {"E01": "证据1", "E02": "证据2"}, Redactor(enabled=False))
    assert "交易号2024050122001" in facts[0].text and facts[0].exhibits == ["证据1", "证据2"]


def test_a_police_report_needs_a_sign_of_fraud(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fraud = false and no fraud sign in the evidence: no police report unless --force; another
    channel that check finds not ready is drafted with a warning naming what is missing."""
    from kameng_cli.model.finding import CheckReport, Readiness

    root = BUILDERS["not-delivered"](tmp_path, monkeypatch)
    report = CheckReport(problem_type="not-delivered", ready={
        "police": Readiness(False, ["未发现诈骗迹象"], {"signs": []}),
        "12315": Readiness(False, ["缺少投诉人电话"]),
    })
    monkeypatch.setattr("kameng_cli.draft.context.check_report", lambda store, events=None: report)
    refused = run("-C", root, "draft", "--to", "police", "-o", "-", "--date", DATE)
    assert refused.exit_code == 1 and refused.stdout == ""
    assert "没有发现诈骗迹象" in refused.stderr and "未发现诈骗迹象" in refused.stderr and "--force" in refused.stderr
    forced = run("-C", root, "draft", "--to", "police", "-o", "-", "--date", DATE, "--force")
    assert forced.exit_code == 0 and forced.stdout and "没有发现诈骗迹象" in forced.stderr
    warned = run("-C", root, "draft", "--to", "12315", "-o", "-", "--date", DATE)
    assert warned.exit_code == 0 and "还没准备好" in warned.stderr and "缺少投诉人电话" in warned.stderr


def test_a_file_that_shows_nothing_is_left_out_until_the_user_says_what_it_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = BUILDERS["not-delivered"](tmp_path, monkeypatch)
    no_blockers(monkeypatch)
    readme = tmp_path / "readme.md"
    readme.write_text("# notes\nnothing to do with the case\n", encoding="utf-8")
    added = json.loads(run("-C", root, "add", readme, "--json").stdout)["files"][0]
    assert added["status"] == "ok"
    draft = run("-C", root, "draft", "--to", "platform", "-o", "-", "--date", DATE)
    assert draft.exit_code == 0 and "readme.md" not in draft.stdout and "补充材料" not in draft.stdout
    assert "未列入证据清单" in draft.stderr and f"{added['exhibit']}（readme.md）" in draft.stderr
    # The same file again with a note: the exhibit is described, not duplicated, and listed.
    again = json.loads(run("-C", root, "add", readme, "--note", "商家发来的售后说明", "--json").stdout)["files"][0]
    assert again["status"] == "updated" and again["exhibit"] == added["exhibit"]
    listing = json.loads(run("-C", root, "list", "--json").stdout)["exhibits"]
    assert [e["note"] for e in listing if e["id"] == added["exhibit"]] == ["商家发来的售后说明"]
    draft = run("-C", root, "draft", "--to", "platform", "-o", "-", "--date", DATE)
    assert "商家发来的售后说明" in draft.stdout and "未列入证据清单" not in draft.stderr
    assert run("-C", root, "verify").exit_code == 0


def test_a_full_refund_is_not_asked_for_again() -> None:
    """After a refund row for the whole price, never 退还剩余货款¥0.00."""
    from decimal import Decimal

    from kameng_cli.draft.channels import channel
    from kameng_cli.draft.context import demand_items, demand_phrase
    from kameng_cli.legal.claims import Claims, Compensation
    from kameng_cli.model.case import Case

    full = Claims(Decimal("100.00"), "case", Decimal("100.00"), ["E02-3"], Decimal("0.00"), True, False, False,
                  Compensation(True, Decimal("500.00")))
    assert "¥0.00" not in demand_phrase(full) and "赔偿¥500.00" in demand_phrase(full)
    items = demand_items(Case(problem="not-delivered"), full, channel("platform"))
    assert not any("¥0.00" in item or "退还" in item for item in items), items
    part = Claims(Decimal("100.00"), "case", Decimal("40.00"), ["E02-3"], Decimal("60.00"), True, False, False,
                  Compensation(False))
    assert "退还剩余款项¥60.00" in demand_phrase(part)


def test_a_broken_promise_names_the_promise_and_ends_at_24_00() -> None:
    from kameng_cli.draft.context import fact_text
    from kameng_cli.model.case import Case
    from kameng_cli.model.records import Event
    from kameng_cli.parsing.times import parse_time

    broken = Event("T0001", parse_time("2024-10-09 00:00"), "promise-broken", "counterparty", "",
                   data={"due": "2024-10-09T00:00:00+08:00", "phrase": "7天内"})
    assert fact_text(broken, Case(problem="not-delivered")) == "对方承诺“7天内”的期限（2024年10月8日24:00）已过，仍未履行"
    broken.data.update(due="2024-10-08T17:00:00+08:00", phrase="5点前")
    assert "（2024年10月8日17:00）" in fact_text(broken, Case(problem="not-delivered"))
