"""`kameng submit` and `kameng reply`: records, exhibits, timeline events, and that rebuild/verify
keep them right."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run, run_json

from .helpers import ok, proof


def process_rows(case: Path) -> list[dict]:
    text = (case / ".kameng" / "process.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_submit_records_exhibit_event_and_row(case_dir: Path, tmp_path: Path) -> None:
    mail = proof(tmp_path, "12315回执.txt", "您的投诉已提交，投诉编号 1234567。\r\n")
    original = mail.read_bytes()
    out = ok("-C", case_dir, "submit", "12315", "--at", "2024-05-08 10:00", "--ticket", "1234567", "--file", mail)
    assert out == "S01"
    assert mail.read_bytes() == original  # evidence is sacred: the user's file is untouched
    listing = run_json("-C", case_dir, "list")
    exhibits = listing["exhibits"]
    complaint = [x for x in exhibits if x["kind"] == "complaint"]
    assert len(complaint) == 1 and complaint[0]["id"] == "E01"
    rows = process_rows(case_dir)
    assert rows[0]["type"] == "submission" and rows[0]["channel"] == "12315" and rows[0]["exhibit"] == "E01"
    timeline = run_json("-C", case_dir, "timeline")
    events = [e for e in timeline["events"] if e["kind"] == "submitted"]
    assert len(events) == 1
    event = events[0]
    assert event["data"]["channel"] == "12315"
    assert event["data"]["ticket"] == "1234567"
    assert event["data"]["submission"] == "S01"
    assert event["exhibit"] == "E01"
    assert event["time"] == "2024-05-08T10:00:00+08:00"
    assert event["id"] == rows[0]["event"]


def test_reply_records_outcome_and_exhibit(case_dir: Path, tmp_path: Path) -> None:
    ok("-C", case_dir, "submit", "merchant", "--at", "2024-05-02 09:00")
    answer = proof(tmp_path, "商家回复.txt", "虚拟商品一经售出概不退换\n")
    out = ok("-C", case_dir, "reply", "merchant", "--outcome", "refused", "--text", "虚拟商品一经售出概不退换",
             "--file", answer, "--at", "2024-05-03 12:00")
    assert out == "R01"
    rows = process_rows(case_dir)
    reply = next(r for r in rows if r["type"] == "reply")
    assert reply["submission"] == "S01" and reply["outcome"] == "refused" and reply["exhibit"] == "E01"
    timeline = run_json("-C", case_dir, "timeline")
    event = next(e for e in timeline["events"] if e["kind"] == "reply")
    assert event["actor"] == "merchant"
    assert event["data"]["outcome"] == "refused"
    assert event["data"]["text"] == "虚拟商品一经售出概不退换"
    assert event["data"]["submission"] == "S01"


def test_rebuild_and_verify_keep_the_process(case_dir: Path, tmp_path: Path) -> None:
    ok("-C", case_dir, "submit", "platform", "--at", "2024-05-02 09:00", "--ticket", "P-77",
       "--file", proof(tmp_path, "a.txt", "工单 P-77 已受理\n"), "--deadline-days", "3", "--deadline-unit", "working")
    ok("-C", case_dir, "reply", "platform", "--outcome", "partial", "--at", "2024-05-04 09:00")
    before = [e for e in run_json("-C", case_dir, "timeline")["events"] if e["kind"] in ("submitted", "reply")]
    assert run("-C", case_dir, "rebuild").exit_code == 0
    after = [e for e in run_json("-C", case_dir, "timeline")["events"] if e["kind"] in ("submitted", "reply")]
    assert before == after and len(after) == 2
    verify = run("-C", case_dir, "verify")
    assert verify.exit_code == 0, verify.output


def test_removed_event_comes_back_with_the_next_record(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "merchant", "--at", "2024-05-02 09:00")
    event_id = process_rows(case_dir)[0]["event"]
    assert run("-C", case_dir, "event", "rm", event_id).exit_code == 0
    ok("-C", case_dir, "reply", "merchant", "--outcome", "silent", "--at", "2024-05-20 09:00")
    kinds = [e["kind"] for e in run_json("-C", case_dir, "timeline")["events"]]
    assert kinds.count("submitted") == 1 and kinds.count("reply") == 1


def test_manual_events_of_the_user_survive(case_dir: Path) -> None:
    ok("-C", case_dir, "event", "add", "打电话给客服，答应三天内处理", "--at", "2024-05-01 12:00", "--kind", "contacted")
    ok("-C", case_dir, "submit", "merchant", "--at", "2024-05-02 09:00")
    events = run_json("-C", case_dir, "timeline")["events"]
    assert {e["kind"] for e in events} >= {"contacted", "submitted"}
    assert len({e["id"] for e in events}) == len(events)


def test_json_output_of_submit(case_dir: Path) -> None:
    doc = run_json("-C", case_dir, "submit", "court", "--at", "2024-06-01 09:00", "--ticket", "(2024)京0105民初1号")
    assert doc["schema"] == "kameng.submission/1" and doc["id"] == "S01" and doc["ticket"] == "(2024)京0105民初1号"


def test_bad_inputs_exit_2_with_one_message(case_dir: Path, tmp_path: Path) -> None:
    cases = [
        (["submit", "weibo"], "weibo"),
        (["submit", "12315", "--deadline-days", "30", "--deadline-unit", "calendar"], "法律"),
        (["submit", "platform", "--deadline-days", "30"], "--deadline-unit"),
        (["submit", "platform", "--deadline-days", "30", "--deadline-unit", "weeks"], "weeks"),
        (["submit", "merchant", "--file", str(tmp_path / "missing.png")], "missing.png"),
        (["submit", "merchant", "--at", "明天下午三点半后"], "--at"),
        (["reply", "12315", "--outcome", "resolved"], "kameng submit 12315"),
    ]
    for args, needle in cases:
        result = run("-C", case_dir, *args)
        assert result.exit_code == 2, (args, result.output)
        assert needle in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.output
    ok("-C", case_dir, "submit", "merchant", "--at", "2024-05-02 09:00")
    result = run("-C", case_dir, "reply", "merchant", "--outcome", "happy")
    assert result.exit_code == 2 and "happy" in result.stderr
    result = run("-C", case_dir, "reply", "merchant", "--outcome", "refused", "--at", "2024-05-01 09:00")
    assert result.exit_code == 2 and "S01" in result.stderr
    assert not (case_dir / ".kameng" / "process.jsonl").read_text(encoding="utf-8").count('"reply"')


def test_reply_targets_a_named_submission(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "platform", "--at", "2024-05-02 09:00")
    ok("-C", case_dir, "submit", "platform", "--at", "2024-05-03 09:00")
    ok("-C", case_dir, "reply", "platform", "--outcome", "refused", "--submission", "s01", "--at", "2024-05-04 09:00")
    rows = process_rows(case_dir)
    assert next(r for r in rows if r["type"] == "reply")["submission"] == "S01"
    result = run("-C", case_dir, "reply", "platform", "--outcome", "refused", "--submission", "S09")
    assert result.exit_code == 2 and "S09" in result.stderr


def test_a_damaged_process_file_is_reported_by_line(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "merchant", "--at", "2024-05-02 09:00")
    path = case_dir / ".kameng" / "process.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + '{"type": "reply", "id": \n', encoding="utf-8")
    result = run("-C", case_dir, "status")
    assert result.exit_code == 2
    assert "process.jsonl" in result.stderr and "2" in result.stderr and "Traceback" not in result.output


def test_chinese_channel_names_are_recorded_as_their_slugs(case_dir: Path) -> None:
    """check.md: Chinese channel names such as 消协 are understood — by `submit` and `reply` too."""
    assert ok("-C", case_dir, "submit", "消协", "--at", "2024-05-08 10:00", "--ticket", "XH001") == "S01"
    result = run("-C", case_dir, "submit", "消费者协会", "--amend", "S01", "--ticket", "XH002")
    assert result.exit_code == 0, result.output
    assert ok("-C", case_dir, "reply", "消保委", "--outcome", "refused", "--at", "2024-05-09 10:00") == "R01"
    assert ok("-C", case_dir, "submit", "法院", "--at", "2024-05-10 10:00") == "S02"
    rows = process_rows(case_dir)
    assert sorted((r["id"], r["channel"]) for r in rows) == [
        ("R01", "consumer-association"), ("S01", "consumer-association"), ("S02", "court")]
    assert next(r for r in rows if r["id"] == "S01")["ticket"] == "XH002"
    status = run_json("-C", case_dir, "status", "--today", "2024-05-11")
    assert [s["channel"] for s in status["submissions"]] == ["consumer-association", "court"]
    result = run("-C", case_dir, "submit", "微博")
    assert result.exit_code == 2 and "微博" in result.stderr


def test_a_proof_that_is_already_evidence_keeps_its_exhibit_and_kind(case_dir: Path, tmp_path: Path) -> None:
    """Journey 2, D3: the 充值失败 screenshot sent with the 12315 complaint stays 交付失败证明."""
    shot = proof(tmp_path, "订单充值失败.txt", "订单状态：充值失败\n")
    ok("-C", case_dir, "add", "--kind", "delivery-failure", shot)
    manifest_before = (case_dir / ".kameng" / "manifest.jsonl").read_text(encoding="utf-8")
    result = run("-C", case_dir, "submit", "12315", "--at", "2024-05-08 10:00", "--ticket", "1234567", "--file", shot)
    assert result.exit_code == 0, result.output
    assert "E01" in result.stderr and "已是证据" in result.stderr and "交付失败" in result.stderr
    assert "加入证据" not in result.stderr  # no new exhibit was made
    exhibits = run_json("-C", case_dir, "list")["exhibits"]
    assert [(x["id"], x["kind"]) for x in exhibits] == [("E01", "delivery-failure")]
    assert exhibits[0]["note"] == ""  # the proof note is not written onto the existing exhibit
    # Nothing was appended to the manifest: the exhibit was not updated behind the user's back.
    assert (case_dir / ".kameng" / "manifest.jsonl").read_text(encoding="utf-8") == manifest_before
    assert process_rows(case_dir)[0]["exhibit"] == "E01"
    # The same for an answer, and with --json (the note goes to stderr, the record to stdout).
    answer = run("-C", case_dir, "reply", "12315", "--outcome", "accepted", "--at", "2024-05-09 10:00",
                 "--file", shot, "--json")
    assert answer.exit_code == 0, answer.output
    assert json.loads(answer.stdout)["exhibit"] == "E01" and "已是证据 E01" in answer.stderr
    assert [x["kind"] for x in run_json("-C", case_dir, "list")["exhibits"]] == ["delivery-failure"]
    # A new file still becomes a `complaint` exhibit.
    receipt = proof(tmp_path, "受理通知.txt", "已受理\n")
    ok("-C", case_dir, "submit", "merchant", "--at", "2024-05-10 10:00", "--file", receipt)
    kinds = {x["id"]: x["kind"] for x in run_json("-C", case_dir, "list")["exhibits"]}
    assert kinds == {"E01": "delivery-failure", "E02": "complaint"}


def test_deadline_days_that_is_not_a_number_is_said_by_kameng(case_dir: Path) -> None:
    result = run("-C", case_dir, "submit", "platform", "--deadline-days", "x", "--deadline-unit", "working")
    assert result.exit_code == 2
    assert "--deadline-days" in result.stderr and "要一个数字" in result.stderr and "valid int" not in result.stderr


def test_channel_names_not_slugs_in_chinese_errors(case_dir: Path) -> None:
    result = run("-C", case_dir, "reply", "court", "--outcome", "refused")
    assert result.exit_code == 2
    assert "没有向人民法院提交" in result.stderr and "“court”" not in result.stderr
    assert "kameng submit court" in result.stderr  # the command keeps the slug
