"""The run's environment: language, output mode, terminal or not, the case. Tests replace parts of it
through environment variables (KAMENG_INTERACTIVE=0/1) instead of patching globals."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from ..case.store import CaseStore


@dataclass
class Env:
    lang: str = "zh"
    quiet: bool = False
    debug: bool = False
    case_dir: str | None = None
    _console: Console | None = field(default=None, repr=False)
    _err: Console | None = field(default=None, repr=False)

    @property
    def interactive(self) -> bool:
        forced = os.environ.get("KAMENG_INTERACTIVE")
        if forced in ("0", "1"):
            return forced == "1"
        return sys.stdin.isatty() and sys.stdout.isatty()

    @property
    def stderr_is_terminal(self) -> bool:
        return sys.stderr.isatty()

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(highlight=False, soft_wrap=False)
            self._console.on_broken_pipe = _reader_gone  # type: ignore[method-assign]
        return self._console

    @property
    def err(self) -> Console:
        if self._err is None:
            from rich.console import Console

            self._err = Console(stderr=True, highlight=False)
        return self._err

    def store(self) -> CaseStore:
        from ..case.store import CaseStore, find_case_root
        from ..legal.calendar import use_case

        store = CaseStore(find_case_root(self.case_dir))
        use_case(store.root)  # deadlines use the holiday schedules kept in the case, if any
        return store

    def emit_json(self, document: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")

    def info(self, text: str) -> None:
        """A progress or confirmation line (stderr, silenced by --quiet)."""
        if not self.quiet:
            self.err.print(text)

    def warn(self, text: str) -> None:
        from ..i18n import t

        self.err.print(f"[yellow]{t('label.warning')}[/yellow] {text}", markup=True)


def get_env(ctx: typer.Context) -> Env:
    root = ctx.find_root()
    if not isinstance(root.obj, Env):
        root.obj = Env()
    return root.obj


def _reader_gone() -> None:
    """rich's own handling exits 1 ("problems found"); cli/app.py turns this into a quiet 141."""
    raise BrokenPipeError
