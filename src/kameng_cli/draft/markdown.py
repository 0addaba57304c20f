"""Channel context → Markdown through the channel's Jinja2 template.

Templates live in kameng_cli/templates/<channel>.md.j2; a case folder's own templates/ folder holds
overrides with the same names. Every value a template prints is escaped for Markdown by the
environment (`finalize`), so a user's `*` or `|` cannot change the document's structure.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import UserInputError

_ESCAPE = re.compile(r"([\\`*_\[\]<>|&])")
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])", re.MULTILINE)


class Markdown(str):
    """Text that is already Markdown (the output of a macro); printed without escaping."""


def md_escape(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return str(value)
    text = _ESCAPE.sub(r"\\\1", str(value))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def package_templates() -> Path:
    return Path(str(resources.files("kameng_cli").joinpath("templates")))


def environment(case_root: Path | None):  # -> jinja2.Environment
    import jinja2

    folders = []
    if case_root is not None and (case_root / "templates").is_dir():
        folders.append(str(case_root / "templates"))
    folders.append(str(package_templates()))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=md_escape,
    )
    env.filters["raw"] = lambda value: Markdown(str(value))
    return env


def render(template: str, values: dict[str, Any], case_root: Path | None) -> str:
    import jinja2

    env = environment(case_root)
    try:
        text = env.get_template(template).render(c=values)
    except jinja2.TemplateSyntaxError as exc:
        raise UserInputError("draft.template_error", template=exc.filename or template, line=exc.lineno,
                             detail=exc.message or str(exc)) from exc
    except jinja2.UndefinedError as exc:
        raise UserInputError("draft.template_error", template=template, line="?", detail=str(exc)) from exc
    # Collapse runs of blank lines left by conditional blocks.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
