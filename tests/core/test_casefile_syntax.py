"""A list or table left open in case.toml is reported on the line that opened it."""

from pathlib import Path

from conftest import run


def _break(case_dir: Path, old: str, new: str) -> str:
    toml = case_dir / "case.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")
    return toml.read_text(encoding="utf-8")


def test_an_unclosed_list_is_reported_where_it_opens(case_dir: Path) -> None:
    text = _break(case_dir, 'my_names = ["小明"]', 'my_names = ["小明", "xm"')
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("my_names"))
    result = run("-C", case_dir, "show")
    assert result.exit_code == 2
    assert f"第 {line} 行：方括号 [ ] 没有闭合" in result.stderr


def test_a_bad_value_inside_a_list_written_one_item_per_line_keeps_its_own_line(case_dir: Path) -> None:
    text = _break(case_dir, 'my_names = ["小明"]', 'my_names = [\n  "小明",\n  xm,\n]')
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.strip() == "xm,")
    result = run("-C", case_dir, "show")
    assert result.exit_code == 2
    assert f"第 {line} 行" in result.stderr and "方括号" not in result.stderr
