"""The `kameng` command: global options, command registration, and the one place where exceptions
become messages and exit codes (0 ok, 1 problems found, 2 bad usage or input, 3 internal error)."""

from __future__ import annotations

import importlib
import sys
import traceback
from typing import Any

import typer
from typer.core import TyperGroup

from .. import __version__
from ..errors import ExitStatus, KamengError
from ..i18n import detect_lang, set_lang, t
from .env import Env, get_env

# Global flags that may also be written after the command (`kameng init --lang en`): they are moved
# in front of it before parsing. -C stays where git keeps it: before the command.
_GLOBAL_FLAGS = {"--quiet": 0, "-q": 0, "--debug": 0, "--lang": 1}

# name of the module in kameng_cli.cli, and the Typer sub-app or function to register.
COMMANDS: list[tuple[str, str]] = [
    ("init", "command"),
    ("show", "command"),
    ("add", "command"),
    ("listing", "command"),
    ("timeline", "command"),
    ("event", "app"),
    ("rebuild", "command"),
    ("verify", "command"),
    ("doctor", "command"),
    ("check", "command"),
    ("rules", "command"),
    ("match", "command"),
    ("extract", "command"),
    ("redact", "command"),
    ("draft", "command"),
    ("channels", "command"),
    ("submit", "command"),
    ("reply", "command"),
    ("status", "command"),
    ("remind", "command"),
    ("joint", "command"),
    ("calendar_cmd", "command"),
]


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
        return super().parse_args(ctx, hoist_global_flags(list(args)))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KamengError as exc:
            env = ctx.obj if isinstance(ctx.obj, Env) else Env()
            _print_error(exc.render())
            if env.debug:
                traceback.print_exc()
            raise typer.Exit(int(exc.exit_status)) from None
        except KeyboardInterrupt:
            _print_error(t("error.interrupted"))
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into exit code 3
            if type(exc).__module__.startswith("typer"):
                raise
            env = ctx.obj if isinstance(ctx.obj, Env) else Env()
            if env.debug:
                traceback.print_exc()
            _print_error(t("error.internal", error=f"{type(exc).__name__}: {exc}"))
            raise typer.Exit(int(ExitStatus.INTERNAL)) from None


def _print_error(text: str) -> None:
    sys.stderr.write(f"{t('label.error')} {text}\n")
    sys.stderr.flush()


app = typer.Typer(
    cls=KamengGroup,
    name="kameng",
    help="kameng：卡盟消费维权证据链整理与投诉文书起草工具 / evidence chains and complaint letters for 卡盟 disputes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"kameng {__version__}\n")
        raise typer.Exit(0)


@app.callback()
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


for module_name, kind in COMMANDS:
    module = importlib.import_module(f"kameng_cli.cli.{module_name}")
    if kind == "app":
        app.add_typer(module.app)
    else:
        module.register(app)


def run(argv: list[str] | None = None) -> int:
    """Entry point: run the app and return the exit status."""
    try:
        app(args=argv, prog_name="kameng", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    return 0
