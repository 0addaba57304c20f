"""The message catalog: every user-facing sentence, in Simplified Chinese and English.

Messages live in `kameng_cli/messages/<area>.py` as `MESSAGES = {key: {"zh": ..., "en": ...}}`; the
parts are merged here into one catalog, and a duplicated key across parts is an error.
"""

from __future__ import annotations

import importlib
import os
import re

LANGS = ("zh", "en")
_PARTS = ("core", "payments", "chats", "ocr", "check", "draft", "process")
_catalog: dict[str, dict[str, str]] | None = None
_lang: str | None = None


def detect_lang(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """Language from the environment: KAMENG_LANG, then the locale; Chinese when unsure."""
    env = os.environ if environ is None else environ
    explicit = env.get("KAMENG_LANG", "").strip().lower()
    if explicit in LANGS:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "").strip().lower()
        if not value:
            continue
        if value.startswith("en"):
            return "en"
        return "zh"
    return "zh"


def set_lang(lang: str | None) -> None:
    global _lang
    _lang = lang if lang in LANGS else None


def get_lang() -> str:
    return _lang or detect_lang()


def catalog() -> dict[str, dict[str, str]]:
    global _catalog
    if _catalog is None:
        merged: dict[str, dict[str, str]] = {}
        for part in _PARTS:
            try:
                module = importlib.import_module(f"kameng_cli.messages.{part}")
            except ModuleNotFoundError:
                continue
            for key, texts in module.MESSAGES.items():
                if key in merged:
                    raise RuntimeError(f"message key {key!r} defined twice (messages/{part}.py)")
                merged[key] = texts
        _catalog = merged
    return _catalog


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The message `key` in the current language, formatted with `params`."""
    texts = catalog().get(key)
    if texts is None:
        return key if not params else f"{key} {params}"
    chosen = lang or get_lang()
    text = texts.get(chosen) or texts["zh"]
    if not params:
        return text
    text = text.format(**params)
    if chosen == "en" and "1 " in text:
        text = _ONE_OF.sub(lambda m: m.group(1) + _SINGULAR[m.group(2)], text)  # "overdue by 1 days"
    return text


# English messages count with plural nouns; a count of exactly one takes the singular.
_SINGULAR = {"days": "day", "holidays": "holiday", "working days": "working day", "make-up working days": "make-up working day",
             "messages": "message", "hours": "hour", "exhibits": "exhibit", "events": "event", "warnings": "warning",
             "files": "file", "rows": "row", "cases": "case", "signals": "signal", "blockers": "blocker", "buyers": "buyer",
             "bytes": "byte", "channels": "channel", "characters": "character", "lines": "line", "pixels": "pixel",
             "records": "record", "reminders": "reminder", "screenshots": "screenshot", "transactions": "transaction"}
_ONE_OF = re.compile(r"((?<![\d.,])1 )(" + "|".join(sorted(map(re.escape, _SINGULAR), key=len, reverse=True)) + r")\b")


def join(items: object, lang: str | None = None, *, clauses: bool = False) -> str:
    """A list inside a sentence: 甲、乙 / a, b; `clauses`: parts that are clauses, 甲；乙 / a; b."""
    return t("list.sep.clauses" if clauses else "list.sep", lang).join(str(item) for item in items)  # type: ignore[attr-defined]


_LOCATOR = re.compile(r"(line|row|page|message) (\d+)")


def locator_said(locator: str) -> object:
    """Where in a file, as a message said again in the reader's language: "line 9" → 第 9 行.
    Locators are stored in one (English) form; anything else is kept as it is."""
    match = _LOCATOR.fullmatch(locator.strip()) if isinstance(locator, str) else None
    return said(f"locator.{match.group(1)}", n=int(match.group(2))) if match else locator


def shown_locator(locator: str, lang: str | None = None) -> str:
    said_again = locator_said(locator)
    return say_again(said_again, lang) or locator if isinstance(said_again, dict) else str(said_again)


_OS_ERRORS = {"EACCES": "permission", "EPERM": "permission", "EROFS": "read-only", "ENOSPC": "disk-full",
              "EDQUOT": "disk-full", "ENAMETOOLONG": "name-too-long", "ENOENT": "not-found", "EISDIR": "is-a-folder",
              "ENOTDIR": "not-a-folder"}


def os_error(exc: OSError) -> str:
    """What the system said, in the reader's language ("Permission denied" → 没有权限)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_ERRORS:
        return t(f"error.os.{_OS_ERRORS[name]}")
    return exc.strerror or str(exc)


def pick(texts: dict[str, str] | str, lang: str | None = None) -> str:
    """Pick one language out of an inline {"zh": ..., "en": ...} pair (used by data tables)."""
    if isinstance(texts, str):
        return texts
    return texts.get(lang or get_lang()) or texts.get("zh") or next(iter(texts.values()))


# Generated event text in the reader's language. An event's `summary` is written once, in the language
# of the command that made it; producers also store what they said as `data["say"]` — a message key
# and its parameters, or a list of them to be joined — so that `timeline` and every other reader can
# say it again in the language of the current run. A parameter that is itself {"key": ...} is a
# message too (a deflection's category).
def said(key: str, **params: object) -> dict[str, object]:
    return {"key": key, "params": params} if params else {"key": key}


def say_again(say: object, lang: str | None = None) -> str | None:
    """`data["say"]` rendered in `lang`; None when it is not a message this catalog knows."""
    if isinstance(say, list):
        parts = [say_again(part, lang) for part in say]
        return None if any(part is None for part in parts) else "".join(parts)  # type: ignore[arg-type]
    if not isinstance(say, dict) or not isinstance(say.get("key"), str) or say["key"] not in catalog():
        return None
    params = say.get("params") or {}
    if not isinstance(params, dict):
        return None
    values = {}
    for name, value in params.items():
        if isinstance(value, dict):
            value = say_again(value, lang)
            if value is None:
                return None
        values[name] = value
    try:
        return t(say["key"], lang, **values)
    except (KeyError, IndexError, ValueError):
        return None

