"""Deadlines in a year the calendar does not know are estimated; `kameng calendar --update FILE`
loads an official schedule and open deadlines are recomputed; `--show YEAR` lists a year."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from conftest import DATA, run, run_json

from .helpers import ok, status_json

SCHEDULES = DATA / "process"


def knows_2027() -> bool:
    import chinese_calendar

    try:
        chinese_calendar.get_holiday_detail(datetime.date(2027, 1, 4))
    except NotImplementedError:
        return False
    return True


def platform_into_2027(case: Path) -> None:
    # The platform's own rule (entered by the user) runs into January 2027.
    ok("-C", case, "submit", "platform", "--at", "2026-11-02 10:00", "--ticket", "P-1",
       "--deadline-days", "46", "--deadline-unit", "working")


@pytest.mark.parametrize("schedule", ["holidays-2027.toml", "holidays-2027.json"])
def test_update_recomputes_open_deadlines(case_dir: Path, tmp_path: Path, schedule: str) -> None:
    platform_into_2027(case_dir)
    _code, before = status_json(case_dir, "2026-11-20")
    due_before = before["submissions"][0]["deadline"]["due"]
    if not knows_2027():
        assert before["submissions"][0]["deadline"]["estimated"] is True
        assert "estimated-date" in {w["code"] for w in before["warnings"]}
        text = run("-C", case_dir, "status", "--today", "2026-11-20").stdout
        assert "估算" in text
    result = run("-C", case_dir, "calendar", "--update", SCHEDULES / schedule)
    assert result.exit_code == 0, result.output
    _code, after = status_json(case_dir, "2026-11-20")
    deadline = after["submissions"][0]["deadline"]
    assert deadline["estimated"] is False
    # 2027-01-01 (Fri) and the extra 2027-01-06 are holidays in the loaded schedule.
    assert deadline["due"] > due_before or knows_2027()
    assert "2027-01-06" in deadline["explain"]
    assert "estimated-date" not in {w["code"] for w in after["warnings"]}
    assert f"{due_before}" in result.stdout and deadline["due"] in result.stdout
    stored = list((tmp_path / "xdg" / "kameng" / "calendar").iterdir())
    assert [p.name for p in stored] == [f"holidays-2027{Path(schedule).suffix}"]


def test_update_json_and_show(case_dir: Path) -> None:
    platform_into_2027(case_dir)
    doc = run_json("-C", case_dir, "calendar", "--update", SCHEDULES / "holidays-2027.toml")
    assert doc["schema"] == "kameng.calendar/1"
    update = doc["update"]
    assert update["years"] == [2027] and update["holidays"] == 12 and update["workdays"] == 1
    assert update["recomputed"][0]["submission"] == "S01"
    assert update["recomputed"][0]["after"]["estimated"] is False
    shown = run_json("calendar", "--show", "2027")["show"]
    assert shown["source"].endswith("holidays-2027.toml")
    days = {d["date"]: d for d in shown["days"]}
    assert days["2027-02-14"]["reason"] == "adjusted-workday"
    assert days["2027-01-06"]["reason"] == "holiday"
    text = run("calendar", "--show", "2027").stdout
    assert "春节调休" in text and "调休上班" in text


def test_show_a_known_year() -> None:
    doc = run_json("calendar", "--show", "2024")["show"]
    days = {d["date"]: d for d in doc["days"]}
    assert days["2024-05-11"]["reason"] == "adjusted-workday"  # 劳动节 make-up Saturday
    assert days["2024-10-01"]["name"] == "国庆节"
    assert doc["source"] == "chinesecalendar"


def test_update_outside_a_case_folder(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    result = run("calendar", "--update", SCHEDULES / "holidays-2027.toml")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("name", "needle"), [("broken.toml", "broken.toml"), ("wrong-year.toml", "wrong-year.toml"),
                                              ("missing.toml", "missing.toml")])
def test_bad_schedule_files(tmp_path: Path, name: str, needle: str) -> None:
    result = run("calendar", "--update", SCHEDULES / name)
    assert result.exit_code == 2
    assert needle in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "xdg" / "kameng" / "calendar").exists()


def test_calendar_needs_an_action() -> None:
    assert run("calendar").exit_code == 2


def test_schedule_kept_in_the_case_travels_with_it(tmp_path: Path) -> None:
    """`--for-case` stores the schedule in <case>/calendar/: that case's deadlines use it wherever the
    folder goes; another case (and the user's settings) are untouched."""
    from conftest import NOT_DELIVERED

    first, second = tmp_path / "first", tmp_path / "second"
    for case in (first, second):
        assert run("init", case, *NOT_DELIVERED).exit_code == 0
        platform_into_2027(case)
    result = run("-C", first, "calendar", "--update", SCHEDULES / "holidays-2027.toml", "--for-case")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (first / "calendar").iterdir()] == ["holidays-2027.toml"]
    assert not (tmp_path / "xdg" / "kameng" / "calendar").exists()
    moved = tmp_path / "elsewhere" / "first"
    moved.parent.mkdir()
    first.rename(moved)
    _code, kept = status_json(moved, "2026-11-20")
    assert kept["submissions"][0]["deadline"]["estimated"] is False
    assert "2027-01-06" in kept["submissions"][0]["deadline"]["explain"]
    _code, other = status_json(second, "2026-11-20")
    if not knows_2027():  # the other case still has only an estimate, and a different due date
        assert other["submissions"][0]["deadline"]["estimated"] is True
        assert other["submissions"][0]["deadline"]["due"] != kept["submissions"][0]["deadline"]["due"]
    assert run("-C", moved, "verify").exit_code == 0  # calendar/ is not evidence


def test_for_case_outside_a_case_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("calendar", "--update", SCHEDULES / "holidays-2027.toml", "--for-case")
    assert result.exit_code == 2
    assert not (tmp_path / "xdg" / "kameng" / "calendar").exists()


def test_update_reports_the_limitation_period_that_moved(case_dir: Path, tmp_path: Path) -> None:
    """Journey 2, D11: the limitation period, three years on, is the date a new schedule moves; it was
    not reported, while unchanged deadlines were printed as `X → X`."""
    ok("-C", case_dir, "submit", "merchant", "--at", "2026-11-02 10:00")
    _code, before = status_json(case_dir, "2026-11-20")
    due = datetime.date.fromisoformat(before["limitation"]["due"])
    if not before["limitation"]["estimated"]:
        pytest.skip("the limitation period ends in a year whose schedule is already known")
    # A schedule that makes the last day and the next one holidays: the period rolls over them.
    year = due.year
    schedule = tmp_path / f"holidays-{year}.toml"
    schedule.write_text(f'[{year}]\nholidays = [{{name = "测试假日", dates = "{due.isoformat()}..{(due + datetime.timedelta(days=1)).isoformat()}"}}]\n',
                        encoding="utf-8")
    result = run("-C", case_dir, "calendar", "--update", schedule)
    assert result.exit_code == 0, result.output
    _code, after = status_json(case_dir, "2026-11-20")
    moved = after["limitation"]["due"]
    assert moved > due.isoformat()
    assert f"诉讼时效：{due.isoformat()}（估算） → {moved}" in result.stdout
    merchant = next(line for line in result.stdout.splitlines() if line.startswith("S01"))
    assert "（未变）" in merchant and "→" not in merchant
    doc = run_json("-C", case_dir, "calendar", "--update", schedule)
    rows = {row["clock"]: row for row in doc["update"]["recomputed"]}
    assert rows["limitation"]["submission"] is None and rows["limitation"]["after"]["due"] == moved
    assert rows["answer"]["changed"] is False


def test_schedule_errors_are_said_in_the_users_language(tmp_path: Path) -> None:
    """Journey 2, D13: “Invalid isoformat string: '2028-01-0'” and “… listed under 2028” reached the user."""
    bad_date = tmp_path / "bad-date.toml"
    bad_date.write_text('[2028]\nholidays = [{name = "元旦", dates = "2028-01-01..2028-01-0"}]\n', encoding="utf-8")
    result = run("calendar", "--update", bad_date)
    assert result.exit_code == 2
    assert "日期“2028-01-0”无效" in result.stderr and "isoformat" not in result.stderr
    result = run("calendar", "--update", SCHEDULES / "wrong-year.toml")
    assert result.exit_code == 2 and "listed under" not in result.stderr and "写在了 [2027] 下" in result.stderr
    result = run("calendar", "--update", SCHEDULES / "broken.toml")
    assert result.exit_code == 2 and "第 1 行" in result.stderr
    english = run("--lang", "en", "calendar", "--update", bad_date)
    assert "the date “2028-01-0” is not valid" in english.stderr
    year = run("calendar", "--show", "3000")
    assert year.exit_code == 2 and "年份应为 1900 到 2200 之间的数字，而不是“3000”" in year.stderr
