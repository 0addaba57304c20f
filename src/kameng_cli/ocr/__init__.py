"""Screenshots that speak: offline OCR (the optional `kameng[ocr]` extra), facts read from the text,
cross-checks against the case, and redacted copies of images for drafts.

Importing this package, `facts`, `layout`, `crosscheck` or `redact` never imports the OCR engine;
`engine.engine()` does, once per process, on first use.
"""

from __future__ import annotations

# Timeline analyzers (see kameng_cli/derive.py).
ANALYZERS = ["kameng_cli.ocr.crosscheck:amount_mismatch"]


def available() -> bool:
    """OCR can run: the extra is installed and KAMENG_OCR does not turn it off."""
    from .engine import available as _available

    return _available()
