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
