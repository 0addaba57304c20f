"""The `kameng` command: global options, command registration, and the one place where exceptions
become messages and exit codes (0 ok, 1 problems found, 2 bad usage or input, 3 internal error)."""

from __future__ import annotations

import errno
import importlib
import os
import sys
import traceback
from typing import Any

import typer
from typer._click.exceptions import UsageError  # typer is pinned to 0.28.x (pyproject.toml)
from typer.core import TyperGroup

from .. import __version__
from ..errors import ExitStatus, KamengError
from ..i18n import detect_lang, os_error, set_lang, t
from .env import Env, get_env

# Global flags that may also be written after the command (`kameng init --lang en`): they are moved
# in front of it before parsing. -C stays where git keeps it: before the command.
_GLOBAL_FLAGS = {"--quiet": 0, "-q": 0, "--debug": 0, "--lang": 1}

# Each module of kameng_cli.cli, how it registers ("command": a `register(app)` function; "app": a Typer
# sub-app), and the command names it provides. A run builds only the command it was asked for, so
# start-up does not grow with the number of commands; `app` (every command) serves --help and tests.
COMMANDS: list[tuple[str, str, tuple[str, ...]]] = [
    ("init", "command", ("init",)),
    ("show", "command", ("show",)),
    ("add", "command", ("add",)),
    ("listing", "command", ("list",)),
    ("timeline", "command", ("timeline",)),
    ("event", "app", ("event",)),
    ("rebuild", "command", ("rebuild",)),
    ("verify", "command", ("verify",)),
    ("doctor", "command", ("doctor",)),
    ("check", "command", ("check",)),
    ("rules", "command", ("rules", "explain")),
    ("match", "command", ("match",)),
    ("extract", "command", ("extract",)),
    ("redact", "command", ("redact",)),
    ("draft", "command", ("draft",)),
    ("channels", "command", ("channels",)),
    ("submit", "command", ("submit",)),
    ("reply", "command", ("reply",)),
    ("status", "command", ("status", "next")),
    ("remind", "command", ("remind",)),
    ("joint", "command", ("joint",)),
    ("calendar_cmd", "command", ("calendar",)),
]
_OPTIONS_WITH_VALUES = {"-C", "--lang"}
# Writing into the case failed for a reason the user can fix (exit 2 with a message, not a bug).
WRITE_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.ENAMETOOLONG})
BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command whose reader closed the pipe


def hoist_global_flags(args: list[str]) -> list[str]:
    """Move global flags found after the command name to the front (stopping at `--`)."""
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        name = arg.split("=", 1)[0]
        if name in _GLOBAL_FLAGS:
            takes = _GLOBAL_FLAGS[name] if "=" not in arg else 0
            front += args[index : index + 1 + takes]
            index += 1 + takes
            continue
        rest.append(arg)
        index += 1
    return front + rest


class KamengGroup(TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        args = hoist_global_flags(list(args))
        try:
            return super().parse_args(ctx, list(args))  # the parser consumes the list it is given
        except UsageError as exc:
            raise _usage_error(exc, lang=_lang_flag(args)) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise _usage_error(exc, lang=ctx.params.get("lang")) from None
        except KamengError as exc:
            raise _fail(ctx, exc, exc.render(), int(exc.exit_status)) from None
        except KeyboardInterrupt:
            _print_error(t("error.interrupted"))
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (`kameng timeline | head`): not an error of ours, nothing to say.
            _drop_stdout()
            raise typer.Exit(BROKEN_PIPE) from None
        except typer.Abort as exc:
            # A question on the terminal was answered with Ctrl-C or the input ended (click says "Aborted.").
            if isinstance(exc.__context__, EOFError):
                raise _fail(ctx, exc, t("error.input_ended"), int(ExitStatus.BAD_INPUT)) from None
            _print_error(t("error.interrupted"))
            raise typer.Exit(130) from None
        except typer.Exit:
            raise
        except OSError as exc:
            if exc.errno not in WRITE_ERRNOS:
                raise _internal(ctx, exc) from None
            # A read-only mount or folder, a full disk, a path too long: the user's to fix, not a bug.
            message = t("error.cannot_write", path=exc.filename or "?", detail=os_error(exc))
            raise _fail(ctx, exc, message, int(ExitStatus.BAD_INPUT)) from None
        except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into exit code 3
            if type(exc).__module__.startswith("typer"):
                raise
            raise _internal(ctx, exc) from None


def _usage_error(exc: Any, lang: str | None) -> typer.Exit:
    """A mistake on the command line, said in the user's language (cli/usage.py). The main callback
    may not have run yet, so --lang is applied here."""
    from .usage import report

    if lang:
        set_lang(lang)
    report(exc)
    return typer.Exit(exc.exit_code)


def _lang_flag(args: list[str]) -> str | None:
    for flag, value in zip(args, [*args[1:], ""], strict=True):
        if flag == "--lang" or flag.startswith("--lang="):
            return flag.partition("=")[2] or value
    return None


def _internal(ctx: Any, exc: BaseException) -> typer.Exit:
    return _fail(ctx, exc, t("error.internal", error=f"{type(exc).__name__}: {exc}"), int(ExitStatus.INTERNAL))


def _fail(ctx: Any, exc: BaseException, message: str, status: int) -> typer.Exit:
    """Say `message` (with the traceback first under --debug) and return the exit to raise."""
    env = ctx.obj if isinstance(ctx.obj, Env) else Env()
    if env.debug:
        traceback.print_exception(exc)
    _print_error(message)
    return typer.Exit(status)


def _drop_stdout() -> None:
    """Send what is still buffered for a closed pipe to /dev/null, so that flushing at exit does not
    fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (a test runner's buffer)
        pass


def _print_error(text: str) -> None:
    sys.stderr.write(f"{t('label.error')} {text}\n")
    sys.stderr.flush()


_HELP = "kameng：卡盟消费维权证据链整理与投诉文书起草工具 / evidence chains and complaint letters for 卡盟 disputes."


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"kameng {__version__}\n")
        raise typer.Exit(0)


def main_callback(
    ctx: typer.Context,
    case_dir: str | None = typer.Option(None, "-C", help="Run as if started in DIR (the case folder).", metavar="DIR"),
    lang: str | None = typer.Option(None, "--lang", help="zh or en (default: from the environment, Chinese when unsure)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only results and errors."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    if lang is not None and lang not in ("zh", "en"):
        raise typer.BadParameter("zh / en", param_hint="--lang")
    chosen = lang or detect_lang()
    set_lang(chosen)
    env = get_env(ctx)
    env.lang, env.quiet, env.debug, env.case_dir = chosen, quiet, debug, case_dir


def build_app(only: str | None = None) -> typer.Typer:
    """The `kameng` app with every command, or with just the command named `only`."""
    new = typer.Typer(
        cls=KamengGroup,
        name="kameng",
        help=_HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    new.callback()(main_callback)
    for module_name, kind, names in COMMANDS:
        if only is not None and only not in names:
            continue
        module = importlib.import_module(f"kameng_cli.cli.{module_name}")
        if kind == "app":
            new.add_typer(module.app)
        else:
            module.register(new)
    return new


def requested_command(args: list[str]) -> str | None:
    """The command a command line asks for; None when it asks for none (help, or no arguments)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg == "--":
            return None
        if arg in _OPTIONS_WITH_VALUES:
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        globals()["app"] = built = build_app()
        return built
    raise AttributeError(name)


def run(argv: list[str] | None = None) -> int:
    """Entry point: run the app and return the exit status."""
    args = sys.argv[1:] if argv is None else list(argv)
    name = requested_command(args)
    known = {n for _m, _k, names in COMMANDS for n in names}
    if name in known:
        target = build_app(only=name)
    elif name is None and "--version" in args:
        target = build_app(only="")  # the eager --version callback needs no command
    else:
        target = build_app()  # help, or an unknown command (click suggests the right one)
    from ..interrupt import install

    install()
    try:
        target(args=args, prog_name="kameng", standalone_mode=True)
        sys.stdout.flush()  # here, not at interpreter exit, so that a closed pipe is handled below
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except BrokenPipeError:
        _drop_stdout()
        return BROKEN_PIPE
    return 0
