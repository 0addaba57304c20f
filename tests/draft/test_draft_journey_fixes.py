"""Items of the black-box journey report (§12, §13): the language of --explain-dates, channel names in
Chinese warnings, Chinese channel names for --to, the 举报 section quoting only the violated item, and
a court filing that names the parties 原告/被告."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from draft_cases import BUILDERS, LETTER_DATES, no_blockers

from conftest import run
from kameng_cli.legal import citations
from kameng_cli.legal.law import article, quote

DATE = LETTER_DATES["not-delivered"]


@pytest.fixture
def nd_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    no_blockers(monkeypatch)
    return BUILDERS["not-delivered"](tmp_path, monkeypatch)


def _after_title(stderr: str, title: str) -> list[str]:
    lines = stderr.splitlines()
    return lines[lines.index(title) + 1:]


# ---- §12: --explain-dates follows --lang ---------------------------------------------------------

def test_explain_dates_in_english_are_english_and_the_letter_stays_chinese(nd_case: Path) -> None:
    result = run("--lang", "en", "-C", nd_case, "draft", "--to", "12315", "-o", "-", "--date", "2024-09-30",
                 "--explain-dates")
    assert result.exit_code == 0, result.output
    assert "至2024年10月15日" in result.stdout  # the letter itself is Chinese
    explained = _after_title(result.stderr, "How the dates were computed:")
    text = "\n".join(explained)
    assert "  - decision whether to accept the complaint (if submitted on the letter's date): 2024-10-15" in explained
    assert "7 working days counted from the day after 2024-09-30: ends 2024-10-15 24:00" in text
    assert "skipped 2024-10-01 (holiday 国庆节)" in text and "counted make-up working days 2024-10-12" in text
    assert "end of the 12315 mediation period" in text
    # The limitation line: restarted by the chat demand of 2024-05-02 (E03 = 证据3).
    assert "  - end of the 3-year limitation period: " in text
    assert "3 years counted from the day after 2024-05-02" in text
    assert "you demanded performance from the other side" in text and "runs again from that day" in text
    # No Chinese sentence is left: only citations 《…》 and the holidays' own names.
    for line in explained:
        rest = re.sub(r"《[^》]*》[^\s,;()]*|\(holiday [^)]*\)|证据\d+", "", line)
        assert not re.search(r"[\u4e00-\u9fff]", rest), line


def test_explain_dates_in_chinese_keep_the_letter_sentence_and_the_computation(nd_case: Path) -> None:
    result = run("-C", nd_case, "draft", "--to", "merchant", "-o", "-", "--date", DATE, "--explain-dates")
    explained = _after_title(result.stderr, "日期如何计算：")
    assert explained[0].startswith("  - 请于2024年6月4日前（自本函发出次日起15日）")
    assert explained[1] == ("    自 2024-05-20 的次日起算 15 日，至 2024-06-04 24:00 届满"
                            "（《侵害消费者权益行为处罚办法》第八条）")
    assert "How the dates" not in result.stderr and "counted from" not in result.stderr


def test_a_reference_deadline_says_so_in_english(nd_case: Path) -> None:
    result = run("--lang", "en", "-C", nd_case, "draft", "--to", "platform", "-o", "-", "--date", DATE,
                 "--explain-dates")
    assert ("  - deadline for an answer: 2024-06-04 (a reference only: the law sets no deadline here)"
            in result.stderr.splitlines())


# ---- §13: channel names in Chinese warnings, "；" between items ----------------------------------

def test_not_ready_warning_names_the_channel_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kameng_cli.model.finding import CheckReport, Readiness

    root = BUILDERS["not-delivered"](tmp_path, monkeypatch)
    report = CheckReport(problem_type="not-delivered", ready={"court": Readiness(False, ["缺少原告身份证号"])})
    monkeypatch.setattr("kameng_cli.draft.context.check_report", lambda store, events=None: report)
    result = run("-C", root, "draft", "--to", "court", "-o", "-", "--date", DATE)
    assert result.exit_code == 0, result.output
    assert "注意：kameng check 认为人民法院渠道还没准备好" in result.stderr
    assert " court " not in result.stderr and "认为 court" not in result.stderr
    english = run("--lang", "en", "-C", root, "draft", "--to", "court", "-o", "-", "--date", DATE)
    assert "finds the court channel not ready" in english.stderr


def test_missing_facts_warning_uses_the_chinese_semicolon(case_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_blockers(monkeypatch)
    result = run("-C", case_dir, "draft", "--to", "12315", "-o", "-", "--date", DATE)
    line = next(x for x in result.stderr.splitlines() if "文书中尚缺以下事实" in x)
    assert "; " not in line and "（complainant.name）；你的电话（complainant.phone）" in line
    english = run("--lang", "en", "-C", case_dir, "draft", "--to", "12315", "-o", "-", "--date", DATE)
    line = next(x for x in english.stderr.splitlines() if "The letter still lacks" in x)
    assert "；" not in line and "; " in line


def test_public_channel_warning_names_the_channel_in_chinese(nd_case: Path) -> None:
    result = run("-C", nd_case, "draft", "--to", "heimao", "-o", "-", "--date", DATE, "--no-redact")
    assert "黑猫投诉是公开渠道" in result.stderr and "heimao" not in result.stderr


# ---- §13: Chinese channel names for --to ---------------------------------------------------------

@pytest.mark.parametrize(("name", "slug"), [("消协", "consumer-association"), ("消费者协会", "consumer-association"),
                                            ("法院", "court"), ("人民法院", "court"), ("黑猫投诉", "heimao"),
                                            ("平台", "platform"), ("商家", "merchant"), ("公安机关", "police"),
                                            ("Court", "court")])
def test_to_accepts_chinese_channel_names(nd_case: Path, name: str, slug: str) -> None:
    by_name = run("-C", nd_case, "draft", "--to", name, "-o", "-", "--date", DATE, "--force")
    by_slug = run("-C", nd_case, "draft", "--to", slug, "-o", "-", "--date", DATE, "--force")
    assert by_name.exit_code == 0, by_name.output
    assert by_name.stdout == by_slug.stdout and by_name.stdout


def test_to_accepts_a_chinese_name_when_writing_a_file(nd_case: Path) -> None:
    result = run("-C", nd_case, "draft", "--to", "消协", "--date", DATE)
    assert result.exit_code == 0, result.output
    assert (nd_case / "drafts" / "consumer-association-20240520.md").is_file()


def test_an_unknown_channel_name_is_still_refused(nd_case: Path) -> None:
    result = run("-C", nd_case, "draft", "--to", "微博")
    assert result.exit_code == 2 and "未知渠道：微博" in result.stderr


# ---- §13: the 举报 section quotes the violated item only ------------------------------------------

def test_report_quotes_only_the_violated_items_of_article_5() -> None:
    lead, *_ = article("QHCF-5").paragraphs
    item_10 = article("QHCF-5").paragraphs[10]
    item_7 = article("QHCF-5").paragraphs[7]
    assert item_10.startswith("（十）") and item_7.startswith("（七）")
    taken = {q.id: q for q in citations.report_quotes(["took-money-not-delivered"])}
    assert taken["QHCF-5"].citation == "《侵害消费者权益行为处罚办法》第五条第（十）项"
    assert taken["QHCF-5"].text == f"{lead}\n{item_10}"
    resold = {q.id: q for q in citations.report_quotes(["sold-used-codes"])}
    assert resold["QHCF-5"].citation == "《侵害消费者权益行为处罚办法》第五条第（七）项、第（十）项"
    assert resold["QHCF-5"].text == f"{lead}\n{item_7}\n{item_10}"
    # Items (七)–(十) are fraud under 第十六条第二款; its first paragraph, about (一)–(六), is not quoted.
    assert resold["QHCF-16"].citation == "《侵害消费者权益行为处罚办法》第十六条第二款"
    assert resold["QHCF-16"].text == article("QHCF-16").paragraphs[1]
    # Both violations: one quote of 第五条 with the union of their items.
    both = [q for q in citations.report_quotes(["took-money-not-delivered", "sold-used-codes"]) if q.id == "QHCF-5"]
    assert len(both) == 1 and both[0].items == (7, 10)


def test_every_item_kameng_can_quote_is_verbatim() -> None:
    for violation, by_article in citations.VIOLATION_ITEMS.items():
        for article_id, numbers in by_article.items():
            assert (article_id, None) in {(a, p) for a, p, _ in citations.VIOLATIONS[violation]}
            lines = article(article_id).text.split("\n")
            quoted = quote(article_id, None, "violation", numbers).text.split("\n")
            assert all(line in lines for line in quoted)
            assert quoted[0] == lines[0] and len(quoted) == len(numbers) + 1
    with pytest.raises(KeyError):
        quote("QHCF-5", None, "violation", (11,))


def test_12315_letter_quotes_item_10_not_the_whole_article(nd_case: Path) -> None:
    text = run("-C", nd_case, "draft", "--to", "12315", "-o", "-", "--date", DATE).stdout
    report = text[text.index("## 举报"):]
    assert "《侵害消费者权益行为处罚办法》第五条第（十）项：“经营者提供商品或者服务不得有下列行为：\\\n  （十）骗取消费者价款" in report
    assert "（一）销售的商品" not in report and "（九）" not in report


# ---- §13: a court filing names the parties 原告/被告 ----------------------------------------------

def test_court_facts_and_missing_facts_name_plaintiff_and_defendant(nd_case: Path) -> None:
    result = run("-C", nd_case, "draft", "--to", "court", "-o", "-", "--date", DATE)
    text = result.stdout
    facts = text[text.index("## 事实与理由"):text.index("原告认为")]
    assert "原告通过支付宝向云游数码支付¥100.00" in facts and "被告承诺：“亲，系统延迟" in facts
    assert "原告要求退款" in facts and "被告称：" in facts
    assert not re.search(r"^\d+\. [^，\n]+，(我|对方)", facts, re.M)  # who acts: never 我/对方
    missing = text[text.index("## 尚缺事实"):]
    assert "被告住所（merchant.address 或 platform.address）" in missing and "被投诉人" not in missing
    assert "被告住所" in result.stderr
    # Other letters keep the first person.
    platform = run("-C", nd_case, "draft", "--to", "platform", "-o", "-", "--date", DATE).stdout
    assert "我通过支付宝向云游数码支付" in platform and "对方承诺" in platform and "原告" not in platform


def test_court_fact_without_exhibit_is_the_plaintiffs_word() -> None:
    from kameng_cli.draft.channels import CHANNELS
    from kameng_cli.draft.context import voice_for

    court = voice_for(CHANNELS["court"], sells=False)
    assert (court.me, court.other, court.merchant, court.platform) == ("原告", "被告", "被告", "平台")
    assert voice_for(CHANNELS["court"], sells=True).platform == "被告"
    assert court.said("我向商家发出书面催告") == "原告向商家发出书面催告"
    assert voice_for(CHANNELS["platform"], sells=False).said("我向商家发出书面催告") == "我向商家发出书面催告"
