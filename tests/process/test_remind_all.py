"""`kameng remind --ics` (parsed back with the icalendar library) and `kameng status --all DIR`."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from conftest import NOT_DELIVERED, run

from .helpers import ok


def two_submissions(case: Path) -> None:
    ok("-C", case, "submit", "12315", "--at", "2024-05-08 10:00", "--ticket", "1234567")
    ok("-C", case, "submit", "merchant", "--at", "2024-05-02 09:00")


def test_ics_file_parses_back(case_dir: Path, tmp_path: Path) -> None:
    Calendar = pytest.importorskip("icalendar").Calendar  # noqa: N806 - a declared dependency; skipped on an older install

    two_submissions(case_dir)
    target = tmp_path / "out" / "kameng.ics"
    result = run("-C", case_dir, "remind", "--ics", "-o", target, "--today", "2024-05-10")
    assert result.exit_code == 0, result.output
    cal = Calendar.from_ical(target.read_bytes())
    events = {str(e.get("summary")): e for e in cal.walk("VEVENT")}
    assert len(events) == 3  # two deadlines and the limitation period
    acceptance = next(e for s, e in events.items() if "12315" in s)
    assert acceptance.decoded("dtstart") == datetime.date(2024, 5, 16)
    assert acceptance.decoded("dtend") == datetime.date(2024, 5, 17)
    assert "1234567" in str(acceptance.get("description"))
    merchant = next(e for s, e in events.items() if "商家" in s)
    assert merchant.decoded("dtstart") == datetime.date(2024, 5, 17)
    # each reminder says its own step, naming its own submission
    for event, channel in ((acceptance, "12315"), (merchant, "merchant")):
        description = str(event.get("description"))
        sid = str(event.get("summary")).rsplit("（", 1)[-1].rstrip("）")
        assert f"这一天过后 {sid} 仍没有答复" in description and f"--to {channel} --followup" in description
    limitation = next(e for s, e in events.items() if "诉讼时效" in s)
    assert limitation.decoded("dtstart").year == 2027
    alarms = acceptance.walk("VALARM")
    assert alarms and alarms[0].decoded("trigger") == datetime.timedelta(days=-1)
    # Stable UIDs: a second export updates the phone's events instead of duplicating them.
    again = tmp_path / "again.ics"
    run("-C", case_dir, "remind", "--ics", "-o", again, "--today", "2024-05-11")
    uids = sorted(str(e.get("uid")) for e in cal.walk("VEVENT"))
    assert uids == sorted(str(e.get("uid")) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT"))


def test_ics_to_stdout_and_closed_submissions_dropped(case_dir: Path) -> None:
    Calendar = pytest.importorskip("icalendar").Calendar  # noqa: N806 - a declared dependency; skipped on an older install

    two_submissions(case_dir)
    ok("-C", case_dir, "reply", "merchant", "--outcome", "resolved", "--at", "2024-05-09 09:00")
    result = run("-C", case_dir, "remind", "--ics", "-o", "-", "--today", "2024-05-10")
    assert result.exit_code == 0
    summaries = [str(e.get("summary")) for e in Calendar.from_ical(result.stdout_bytes).walk("VEVENT")]
    assert len(summaries) == 2 and not any("商家" in s for s in summaries)
    assert run("-C", case_dir, "remind", "-o", "-").exit_code == 2  # --ics is required


def make_case(root: Path, name: str, *extra: str) -> Path:
    folder = root / name
    result = run("init", folder, *NOT_DELIVERED, *extra)
    assert result.exit_code == 0, result.output
    return folder


def test_status_all(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    a = make_case(cases, "a-overdue")
    make_case(cases, "b-fresh")
    c = make_case(cases, "c-waiting")
    (cases / "not-a-case").mkdir()
    ok("-C", a, "submit", "12315", "--at", "2024-05-08 10:00")
    ok("-C", c, "submit", "merchant", "--at", "2024-05-25 09:00")
    result = run("status", "--all", cases, "--json", "--today", "2024-05-30")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["schema"] == "kameng.status-all/1" and doc["overdue"] is True
    rows = {r["folder"]: r for r in doc["cases"]}
    assert list(rows) == ["a-overdue", "b-fresh", "c-waiting"]
    assert rows["a-overdue"]["overdue"] == 1 and rows["a-overdue"]["next"]["action"] == "follow-up"
    assert rows["b-fresh"]["open"] == 0 and rows["b-fresh"]["next"]["action"] == "start"
    assert rows["c-waiting"]["next_due"] == "2024-06-09" and rows["c-waiting"]["overdue"] == 0
    text = run("status", "--all", cases, "--today", "2024-05-30")
    assert text.exit_code == 1 and "a-overdue" in text.stdout and "催办12315" in text.stdout
    calm = run("status", "--all", cases, "--today", "2024-05-09")
    assert calm.exit_code == 0


def test_status_all_reports_a_broken_case_and_goes_on(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    make_case(cases, "good")
    broken = make_case(cases, "broken")
    (broken / "case.toml").write_text("problem = \n", encoding="utf-8")
    result = run("status", "--all", cases, "--json", "--today", "2024-05-30")
    doc = json.loads(result.stdout)
    rows = {r["folder"]: r for r in doc["cases"]}
    assert rows["broken"]["error"] and rows["good"]["error"] is None
    assert result.exit_code == 1  # a case that cannot be read needs attention
    text = run("status", "--all", cases, "--today", "2024-05-30")
    broken_lines = [line for line in text.stdout.splitlines() if line.startswith("broken")]
    assert len(broken_lines) == 1 and "无法读取" in broken_lines[0]  # one line, however long the reason
    good = next(line for line in text.stdout.splitlines() if line.startswith("good"))
    assert "未到账/未发货" in good and "not-delivered" not in good


def test_status_all_bad_folder(tmp_path: Path) -> None:
    result = run("status", "--all", tmp_path / "nowhere")
    assert result.exit_code == 2 and "nowhere" in result.stderr
    (tmp_path / "empty").mkdir()
    result = run("status", "--all", tmp_path / "empty")
    assert result.exit_code == 2 and "case.toml" in result.stderr


def test_remind_all(tmp_path: Path) -> None:
    Calendar = pytest.importorskip("icalendar").Calendar  # noqa: N806 - a declared dependency; skipped on an older install

    cases = tmp_path / "cases"
    a, b = make_case(cases, "a"), make_case(cases, "b")
    ok("-C", a, "submit", "12315", "--at", "2024-05-08 10:00")
    ok("-C", b, "submit", "12315", "--at", "2024-05-08 10:00")
    result = run("remind", "--ics", "--all", cases, "-o", "-", "--today", "2024-05-10")
    events = Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    assert len(events) == 4 and len({str(e.get("uid")) for e in events}) == 4


def test_remind_all_leaves_out_a_broken_case_and_goes_on(tmp_path: Path) -> None:
    """Journey 2, D9: one case.toml with a syntax error used to stop the whole calendar (exit 2)."""
    Calendar = pytest.importorskip("icalendar").Calendar  # noqa: N806 - a declared dependency; skipped on an older install

    cases = tmp_path / "cases"
    good = make_case(cases, "good")
    broken = make_case(cases, "broken")
    ok("-C", good, "submit", "12315", "--at", "2024-05-08 10:00")
    (broken / "case.toml").write_text("problem = [\n", encoding="utf-8")
    result = run("remind", "--ics", "--all", cases, "-o", "-", "--today", "2024-05-10")
    assert result.exit_code == 1, result.output
    events = Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    assert len(events) == 2 and all("good" in str(e.get("summary")) for e in events)  # deadline + limitation
    assert "broken：无法读取，未放入日历" in result.stderr
    assert "1 个案件无法读取" in result.stderr and "：；" not in result.stderr
    target = tmp_path / "all.ics"
    written = run("remind", "--ics", "--all", cases, "-o", target, "--today", "2024-05-10")
    assert written.exit_code == 1 and len(Calendar.from_ical(target.read_bytes()).walk("VEVENT")) == 2


def test_status_all_error_row_is_one_clean_line_in_english(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    make_case(cases, "good")
    broken = make_case(cases, "broken")
    (broken / "case.toml").write_text("problem = [\n", encoding="utf-8")
    text = run("--lang", "en", "status", "--all", cases, "--today", "2024-05-30").stdout
    line = next(line for line in text.splitlines() if line.startswith("broken"))
    assert "；" not in line and ":;" not in line and "error(s): " in line
