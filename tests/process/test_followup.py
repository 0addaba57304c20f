"""催办 letters (process/followup.py) and the escalation history other letters cite."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from conftest import run

from .helpers import golden_text, ok, proof, status_json


def history(case: Path, tmp_path: Path) -> None:
    ok("-C", case, "submit", "merchant", "--at", "2024-05-02 09:00",
       "--file", proof(tmp_path, "催告函发送记录.txt", "已通过站内信发送催告函\n"))
    ok("-C", case, "reply", "merchant", "--outcome", "refused", "--text", "虚拟商品一经售出概不退换", "--at", "2024-05-05 12:00",
       "--file", proof(tmp_path, "商家拒绝.txt", "虚拟商品一经售出概不退换\n"))
    ok("-C", case, "submit", "12315", "--at", "2024-05-08 10:00", "--ticket", "1234567",
       "--file", proof(tmp_path, "12315回执.txt", "投诉编号 1234567\n"))


def test_followup_cites_submission_deadline_and_history(case_dir: Path, tmp_path: Path) -> None:
    from kameng_cli.case.store import CaseStore
    from kameng_cli.legal.law import article
    from kameng_cli.process.followup import build_followup

    history(case_dir, tmp_path)
    letter = build_followup(CaseStore(case_dir), "12315", today=datetime.date(2024, 5, 30))
    text = letter.markdown
    assert text.splitlines()[0] == "订单XC20240501095512，购买云游一卡通100元未到账，要求全额退款¥100.00"
    assert "# 关于投诉处理进度的催办申请" in text
    assert "2024年5月8日，我通过12315提交投诉（编号1234567）（证据3）" in text
    # The ticket is named once, in that sentence (the evidence table names the proof's own note).
    section = text[text.index("## 前次提交"):text.index("## 期限")]
    assert section.count("1234567") == 1 and "编号：" not in text
    assert "至2024年5月16日届满" in text and "已届满14日" in text
    # The rule, verbatim from the verified data.
    assert article("TSJB-15").text.split("\n")[0] in text
    assert "《市场监督管理投诉举报处理办法》第十五条第一款" in text
    # The earlier channel and its outcome, as facts with exhibits.
    assert "我向商家发出书面催告（证据1）" in text
    assert "商家于2024年5月5日答复：拒绝处理，称“虚拟商品一经售出概不退换”（证据2）" in text
    assert "| 证据3 | 12315回执.txt |" in text
    assert letter.deadline_passed and not letter.warnings
    golden_text("followup_12315.md", text)


def test_followup_before_the_deadline_warns(case_dir: Path, tmp_path: Path) -> None:
    from kameng_cli.case.store import CaseStore
    from kameng_cli.process.followup import build_followup

    history(case_dir, tmp_path)
    letter = build_followup(CaseStore(case_dir), "12315", today=datetime.date(2024, 5, 10))
    assert not letter.deadline_passed and "2024-05-16" in letter.warnings[0]
    assert "该期限尚未届满" in letter.markdown


def test_followup_to_a_merchant_cites_the_reference(case_dir: Path) -> None:
    from kameng_cli.case.store import CaseStore
    from kameng_cli.process.followup import build_followup

    ok("-C", case_dir, "submit", "merchant", "--at", "2024-05-02 09:00")
    letter = build_followup(CaseStore(case_dir), "merchant", today=datetime.date(2024, 5, 30))
    assert "致：云游数码专营店" in letter.markdown
    assert "法律未规定答复期限，本函参照《侵害消费者权益行为处罚办法》第八条" in letter.markdown


def test_followup_without_submission_is_refused(case_dir: Path) -> None:
    from kameng_cli.case.store import CaseStore
    from kameng_cli.errors import UserInputError
    from kameng_cli.process.followup import build_followup

    with pytest.raises(UserInputError) as err:
        build_followup(CaseStore(case_dir), "court", today=datetime.date(2024, 5, 30))
    assert "kameng submit court" in err.value.render()


def test_history_facts_for_escalation_letters(case_dir: Path, tmp_path: Path) -> None:
    from kameng_cli.case.store import CaseStore
    from kameng_cli.process.followup import history_facts

    history(case_dir, tmp_path)
    facts = history_facts(CaseStore(case_dir), "court", datetime.date(2024, 5, 30))
    assert len(facts) == 2
    assert facts[1] == ("2024年5月8日，我通过12315提交投诉（编号1234567）（证据3）；受理决定期限已于2024年5月16日届满，至今未处理。")


def test_write_followup_md_never_overwrites(case_dir: Path, tmp_path: Path) -> None:
    from kameng_cli.case.store import CaseStore
    from kameng_cli.process.followup import write_followup

    history(case_dir, tmp_path)
    store = CaseStore(case_dir)
    _letter, first = write_followup(store, "12315", today=datetime.date(2024, 5, 30))
    _letter, second = write_followup(store, "12315", today=datetime.date(2024, 5, 30))
    assert first is not None and second is not None and first != second
    assert first.name == "12315-followup-20240530.md"
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_followup_pdf_through_the_draft_renderer(case_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("typst")
    import io

    from pypdf import PdfReader

    from kameng_cli.case.store import CaseStore
    from kameng_cli.process.followup import write_followup

    history(case_dir, tmp_path)
    _letter, path = write_followup(CaseStore(case_dir), "12315", today=datetime.date(2024, 5, 30), fmt="pdf")
    assert path is not None and path.suffix == ".pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "催办申请" in text and "1234567" in text


def test_draft_followup_flag_when_wired(case_dir: Path, tmp_path: Path) -> None:
    if "--followup" not in run("draft", "--help").stdout:
        pytest.skip("`kameng draft --followup` is wired by the lead (see docs/process.md)")
    history(case_dir, tmp_path)
    result = run("-C", case_dir, "draft", "--to", "12315", "--followup", "-o", "-", "--date", "2024-05-30")
    assert result.exit_code == 0, result.output
    assert "关于投诉处理进度的催办申请" in result.stdout and "1234567" in result.stdout


def test_followup_by_a_chinese_channel_name_names_the_ticket_once(case_dir: Path, tmp_path: Path) -> None:
    history(case_dir, tmp_path)
    result = run("-C", case_dir, "draft", "--to", "市场监管", "--followup", "-o", "-", "--date", "2024-05-30")
    assert result.exit_code == 0, result.output
    assert "（编号1234567）" in result.stdout and "编号：1234567" not in result.stdout
    written = run("-C", case_dir, "draft", "--to", "市场监管", "--followup", "--date", "2024-05-30")
    assert written.exit_code == 0, written.output
    assert (case_dir / "drafts" / "12315-followup-20240530.md").is_file()


def test_followup_after_a_resolved_answer_is_refused(case_dir: Path) -> None:
    """Journey 2, D7: the letter said both “已解决，称‘已全额退款’” and “本人尚未收到处理结果”."""
    ok("-C", case_dir, "submit", "merchant", "--at", "2024-09-30 09:00")
    ok("-C", case_dir, "reply", "merchant", "--outcome", "resolved", "--text", "已全额退款", "--at", "2024-10-06 10:00")
    result = run("-C", case_dir, "draft", "--to", "merchant", "--followup", "--date", "2024-10-16", "-o", "-")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "已解决" in result.stderr and "已全额退款" in result.stderr
    assert "kameng reply merchant --submission S01 --outcome partial" in result.stderr
    assert not (case_dir / "drafts").exists() or not list((case_dir / "drafts").glob("merchant-followup-*"))
    # Not honoured after all: the user records what happened, and the letter follows that record.
    ok("-C", case_dir, "reply", "merchant", "--submission", "S01", "--outcome", "refused",
       "--text", "退款申请已驳回", "--at", "2024-10-10 10:00")
    letter = run("-C", case_dir, "draft", "--to", "merchant", "--followup", "--date", "2024-10-16", "-o", "-")
    assert letter.exit_code == 0, letter.output
    text = letter.stdout
    assert "商家于2024年10月10日作出答复（拒绝处理），争议至今未解决。" in text
    assert "本人尚未收到处理结果" not in text
    assert "2024年10月6日答复：已解决，称“已全额退款”" in text  # both answers stay on record
    # status follows the latest closing answer too: the dispute is open again.
    _code, doc = status_json(case_dir, "2024-10-16")
    assert doc["submissions"][0]["outcome"] == "refused" and doc["next"]["action"] == "escalate"


def test_followup_after_a_partial_answer_says_what_is_left(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "merchant", "--at", "2024-09-30 09:00")
    ok("-C", case_dir, "reply", "merchant", "--outcome", "partial", "--text", "先退20元", "--at", "2024-10-03 10:00")
    result = run("-C", case_dir, "draft", "--to", "merchant", "--followup", "--date", "2024-10-16", "-o", "-")
    assert result.exit_code == 0, result.output
    assert "商家于2024年10月3日作出答复（部分解决），其余部分至今未处理。" in result.stdout
    assert "本人尚未收到处理结果" not in result.stdout
