"""The message catalog: every user-facing sentence, in Simplified Chinese and English.

Messages live in `kameng_cli/messages/<area>.py` as `MESSAGES = {key: {"zh": ..., "en": ...}}`; the
parts are merged here into one catalog, and a duplicated key across parts is an error.
"""

from __future__ import annotations

import importlib
import os

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
    text = texts.get(lang or get_lang()) or texts["zh"]
    return text.format(**params) if params else text


def pick(texts: dict[str, str] | str, lang: str | None = None) -> str:
    """Pick one language out of an inline {"zh": ..., "en": ...} pair (used by data tables)."""
    if isinstance(texts, str):
        return texts
    return texts.get(lang or get_lang()) or texts.get("zh") or next(iter(texts.values()))
