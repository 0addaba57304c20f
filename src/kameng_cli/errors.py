"""Exit statuses and the exceptions the CLI maps onto them (one place, see cli/app.py)."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    PROBLEMS = 1  # the command worked and found problems (gaps, tampering, failed files)
    BAD_INPUT = 2  # bad usage or bad input
    INTERNAL = 3  # a bug in kameng


class KamengError(Exception):
    """An error the user can fix. Carries a catalog key so it is shown in the user's language."""

    exit_status = ExitStatus.BAD_INPUT

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self) -> str:
        from .i18n import t

        return t(self.key, **self.params)


class UserInputError(KamengError):
    """Bad input: a file, a flag value, a case.toml field."""


class CaseNotFound(KamengError):
    pass


class CaseLocked(KamengError):
    pass


class CaseFileInvalid(KamengError):
    """case.toml cannot be read; `problems` holds one line per field error."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__("case.invalid", path=path, count=len(problems))
        self.path = path
        self.problems = problems

    def render(self) -> str:
        from .i18n import t

        lines = [t(self.key, **self.params)]
        lines += [f"  - {p}" for p in self.problems]
        lines.append(t("case.invalid.fix"))
        return "\n".join(lines)
