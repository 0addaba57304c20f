"""Messages for the ocr area (see kameng_cli/i18n.py)."""

MESSAGES: dict[str, dict[str, str]] = {}
