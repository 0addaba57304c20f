"""Check tests read messages in Chinese: reset the language a previous in-process `--lang en` run set."""

from __future__ import annotations

import pytest

from kameng_cli.i18n import set_lang


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_lang(None)
