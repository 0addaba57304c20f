"""Command-line mistakes (an unknown option, a missing value, a misspelt command) said in the user's
language, in the same form as kameng's other errors: what is wrong, the usage line, where to find help.

The parser (click, inside typer) words these in English; they are recognised here by the exception's
type and fields rather than by its text where the fields say enough."""

from __future__ import annotations

import re
import sys
from typing import Any

from ..i18n import join, t

_REQUIRES = re.compile(r"^Option '(?P<option>[^']+)' requires")
_NO_VALUE = re.compile(r"^Option '(?P<option>[^']+)' does not take a value")
_NO_COMMAND = re.compile(r"^No such command '(?P<name>[^']*)'\.(?: Did you mean (?P<suggestions>.+)\?)?")
_EXTRA = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$")
_NOT_NUMBER = re.compile(r"^'(?P<value>.*)' is not a valid (?:integer|int|float)")


def describe(error: Any) -> str:
    """The sentence for one usage error (`error` is click's UsageError or a subclass)."""
    from typer._click.exceptions import BadParameter, MissingParameter, NoSuchOption

    message = str(error.message)
    if isinstance(error, NoSuchOption):
        possible = join(sorted(error.possibilities or []))
        text = t("usage.no_such_option", option=error.option_name)
        return text + (t("usage.did_you_mean", suggestions=possible) if possible else "")
    if isinstance(error, MissingParameter):
        return t("usage.missing", name=_hint(error))
    if isinstance(error, BadParameter):
        hint = _hint(error)
        if match := _NOT_NUMBER.match(message):
            return t("usage.not_a_number", name=hint, value=match["value"])
        return t("usage.bad_value", name=hint, detail=message)
    if match := _REQUIRES.match(message):
        return t("usage.requires_value", option=match["option"])
    if match := _NO_VALUE.match(message):
        return t("usage.takes_no_value", option=match["option"])
    if match := _NO_COMMAND.match(message):
        text = t("usage.no_such_command", name=match["name"])
        return text + (t("usage.did_you_mean", suggestions=match["suggestions"]) if match["suggestions"] else "")
    if match := _EXTRA.match(message):
        return t("usage.extra_arguments", arguments=match["args"])
    return message


def _hint(error: Any) -> str:
    """How click names the parameter of an error ('RULE', '--since')."""
    return error.param.get_error_hint(error.ctx) if error.param is not None else (error.param_hint or "")


def report(error: Any) -> None:
    """Print the error, the usage line and where help is, to stderr."""
    ctx = error.ctx
    lines = [f"{t('label.error')} {describe(error)}"]
    if ctx is not None:
        usage = ctx.get_usage().split(":", 1)[-1].strip()
        lines.append(t("usage.usage", usage=usage))
        help_option = "-h" if "-h" in (ctx.help_option_names or []) else "--help"
        lines.append(t("usage.try_help", command=f"{ctx.command_path} {help_option}"))
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()
