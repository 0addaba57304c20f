import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run
from kameng_cli import __version__
from kameng_cli.cli.app import hoist_global_flags


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"kameng {__version__}"


def test_module_entry_point_and_console_script(case_dir: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "kameng_cli", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and __version__ in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "kameng_cli", "-C", str(case_dir), "show", "--json"],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0 and '"kameng.case/1"' in proc.stdout


def test_case_discovery_order(case_dir: Path, tmp_path: Path, monkeypatch) -> None:
    sub = case_dir / "drafts" / "deep"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert run("show", "--json").exit_code == 0  # upward search
    monkeypatch.chdir(tmp_path)
    result = run("show")
    assert result.exit_code == 2 and "kameng init" in result.stderr
    monkeypatch.setenv("KAMENG_CASE", str(case_dir))
    assert run("show", "--json").exit_code == 0
    monkeypatch.setenv("KAMENG_CASE", str(tmp_path / "nowhere"))
    result = run("show")
    assert result.exit_code == 2 and "KAMENG_CASE" in result.stderr
    assert run("-C", case_dir, "show", "--json").exit_code == 0  # -C wins over the environment
    result = run("-C", tmp_path, "show")
    assert result.exit_code == 2 and "-C" in result.stderr


def test_global_flags_after_the_command() -> None:
    assert hoist_global_flags(["init", "x", "--lang", "en", "--quiet"]) == ["--lang", "en", "--quiet", "init", "x"]
    assert hoist_global_flags(["event", "add", "--", "--debug"]) == ["event", "add", "--", "--debug"]
    assert hoist_global_flags(["show", "--lang=en"]) == ["--lang=en", "show"]


def test_english_messages(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("show", "--lang", "en")
    assert result.exit_code == 2 and "no case (case.toml)" in result.stderr
    monkeypatch.setenv("KAMENG_LANG", "")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "no case" in run("show").stderr
    monkeypatch.setenv("LANG", "C")
    assert "找不到案件" in run("show").stderr  # Chinese when unsure


def test_internal_errors_exit_3_and_debug_shows_the_traceback(case_dir: Path, monkeypatch) -> None:
    from kameng_cli.case import store

    def boom(self):
        raise ZeroDivisionError("kaboom")

    monkeypatch.setattr(store.CaseStore, "exhibits", boom)
    result = run("-C", case_dir, "list")
    assert result.exit_code == 3
    assert "内部错误" in result.stderr and "Traceback" not in result.stderr
    result = run("-C", case_dir, "list", "--debug")
    assert result.exit_code == 3 and "Traceback" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run("frobnicate").exit_code == 2
    assert run("add").exit_code == 2
    assert run("--lang", "fr", "list").exit_code == 2


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["add", "--bogus"], "没有 --bogus 这个选项。", "there is no option --bogus."),
    (["add", "--nte", "x"], "你是不是想用：", "Did you mean"),
    (["timline"], "没有 “timline” 这个命令。你是不是想用：'timeline'？", "there is no command 'timline'."),
    (["timeline", "--since"], "选项 --since 后面要跟一个值。", "option --since needs a value after it."),
    (["explain"], "缺少 'RULE'。", "'RULE' is missing."),
    (["show", "a", "b"], "多余的参数：a b。", "unexpected extra arguments: a b."),
    (["--bogus"], "没有 --bogus 这个选项。", "there is no option --bogus."),
])
def test_command_line_mistakes_are_said_in_the_users_language(args: list[str], zh: str, en: str) -> None:
    chinese = run(*args)
    assert chinese.exit_code == 2
    assert zh in chinese.stderr and "Usage" not in chinese.stderr and "╭" not in chinese.stderr
    assert chinese.stderr.startswith("错误：")
    english = run("--lang", "en", *args)
    assert english.exit_code == 2 and en in english.stderr and english.stderr.startswith("Error:")
    if args[0] not in ("timeline",):  # an option's missing value is found before the command is known
        assert "kameng" in chinese.stderr.splitlines()[1] and "-h" in chinese.stderr.splitlines()[2]


def test_no_color_and_quiet(case_dir: Path) -> None:
    result = run("-C", case_dir, "--quiet", "event", "add", "--at", "2024-05-01 10:00", "--kind", "note", "x")
    assert result.exit_code == 0 and result.stderr == ""
    result = run("-C", case_dir, "show")
    assert "\x1b[" not in result.stdout


def test_every_message_has_both_languages() -> None:
    from kameng_cli.i18n import catalog

    for key, texts in catalog().items():
        assert texts.get("zh") and texts.get("en"), key


def test_every_command_has_help() -> None:
    from typer.main import get_command

    from kameng_cli.cli.app import app

    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name


def test_a_closed_pipe_is_not_an_internal_error(case_dir: Path) -> None:
    """`kameng timeline | head -1`: the reader goes away; kameng stops without a message."""
    for args in (["-C", str(case_dir), "show", "--json"], ["-C", str(case_dir), "rules"], ["init", "--help"]):
        proc = subprocess.Popen([sys.executable, "-m", "kameng_cli", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # nobody will read what it writes
        error = proc.stderr.read().decode("utf-8")
        proc.wait()
        # 141 like a shell's SIGPIPE; click prints --help itself and exits 1 (no message either)
        assert proc.returncode == (1 if "--help" in args else 141), (args, proc.returncode, error)
        assert "内部错误" not in error and "Traceback" not in error and "Exception ignored" not in error, (args, error)


def test_a_case_folder_that_cannot_be_written_is_a_clear_error_not_a_bug(case_dir: Path, tmp_path: Path, monkeypatch) -> None:
    """A read-only mount (EROFS), a full disk: exit 2 naming the path and what to check."""
    import builtins
    import errno
    import os

    from helpers import make_png

    real_replace, real_open = os.replace, builtins.open

    def read_only_replace(src, dst, *args, **kwargs):
        if str(case_dir) in str(dst):
            raise OSError(errno.EROFS, "Read-only file system", str(dst))
        return real_replace(src, dst, *args, **kwargs)

    def read_only_open(file, mode="r", *args, **kwargs):
        if str(case_dir) in str(file) and any(flag in mode for flag in "wax+"):
            raise OSError(errno.EROFS, "Read-only file system", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "replace", read_only_replace)
    result = run("-C", case_dir, "event", "add", "--at", "2024-05-02 10:00", "--kind", "contacted", "打了客服电话")
    assert result.exit_code == 2, result.output
    assert "无法读写" in result.stderr and "只读" in result.stderr and "内部错误" not in result.stderr
    monkeypatch.setattr(builtins, "open", read_only_open)
    photo = make_png(tmp_path / "付款.png")
    result = run("-C", case_dir, "add", photo)
    assert result.exit_code == 2
    assert "无法写入案件文件夹" in result.stdout and "无法读取" not in result.stdout  # the photo itself is readable


def test_english_counts_of_one_are_singular() -> None:
    from kameng_cli.i18n import t

    assert t("process.due.overdue", "en", clock="12315", due="2024-05-10", days=1).endswith("overdue by 1 day")
    assert t("process.due.overdue", "en", clock="12315", due="2024-05-10", days=21).endswith("overdue by 21 days")
    assert t("rebuild.done", "en", exhibits=1, events=11, warnings=1) == "Rebuilt: 1 exhibit, 11 events, 1 warning"
    assert t("process.remind.written", "en", path="r.ics", count=1) == "Wrote r.ics (1 reminder)"
    assert t("process.joint.written", "en", path="j.md", count=1, total="¥9.90").startswith("Wrote j.md (1 buyer,")
