"""Every text payment export survives what happens to files after the export: re-saved with other
line ends, encodings or a BOM, tabs or spaces left after the lines, blank lines added or the final
newline lost. The same one source must claim it and read the same payments."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_payments_golden import GOLDEN, PAYMENTS, golden_case, payment_claims

from conftest import SHARED
from kameng_cli.ingest.base import ParseContext
from kameng_cli.ingest.decoding import read_text
from kameng_cli.ingest.registry import sources
from resave import VARIANTS

TEXT_EXPORTS = [(name, source, options) for name, source, options in GOLDEN if name.endswith((".csv", ".txt"))]


def _payments(path: Path, source: str, options: dict[str, str]) -> tuple[list[tuple[object, ...]], int]:
    result = sources()[source].parse(path, ParseContext(case=golden_case(), options=options))
    return [(e.kind, e.time, e.amount, e.order_no) for e in result.events], len(result.warnings)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize(("name", "source", "options"), TEXT_EXPORTS, ids=[n for n, _, _ in TEXT_EXPORTS])
def test_export_survives_resaving(name: str, source: str, options: dict[str, str], variant: str, tmp_path: Path) -> None:
    original = PAYMENTS / name
    text, _ = read_text(original, ("utf-8", "gb18030"))
    path = tmp_path / original.name
    path.write_bytes(VARIANTS[variant](text))
    if source != "bank-generic":  # a CSV without markers is never claimed; --map chooses it
        assert payment_claims(path) == [source]
    assert _payments(path, source, options) == _payments(original, source, options)


SHARED_EXPORTS = [("alipay_old.csv", "alipay-web"), ("alipay_2021.csv", "alipay-2021"), ("alipay_new.csv", "alipay-2023"),
                  ("alipay_new_2025.csv", "alipay-2023"), ("wechat.csv", "wechat-csv"), ("wechat_2025q2.csv", "wechat-csv-2025"),
                  ("cmb.csv", "bank-cmb"), ("icbc.csv", "bank-icbc")]


@pytest.mark.skipif(not (SHARED / "formats" / "fixtures").is_dir(), reason="../shared is not available")
@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize(("name", "source"), SHARED_EXPORTS, ids=[n for n, _ in SHARED_EXPORTS])
def test_shared_export_survives_resaving(name: str, source: str, variant: str, tmp_path: Path) -> None:
    """The same on the shared sample exports."""
    original = SHARED / "formats" / "fixtures" / name
    text, _ = read_text(original, ("utf-8", "gb18030"))
    path = tmp_path / name
    path.write_bytes(VARIANTS[variant](text))
    assert payment_claims(path) == [source]
    assert _payments(path, source, {}) == _payments(original, source, {})
