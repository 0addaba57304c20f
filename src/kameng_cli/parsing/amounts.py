"""Money as it is written in Chinese receipts and exports, parsed exactly with Decimal."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")
_CURRENCY = re.compile(r"(?:人民币|RMB|CNY|¥|￥|元|块钱|块)", re.IGNORECASE)
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
TWO_PLACES = Decimal("0.01")
# An amount written inside a text (a chat's transfer line, a fee description): `1200.50`, or with
# thousands separators in groups of three, `1,200.50` / `12,345.60`. Never a piece of a longer number:
# it does not start right after a digit, a point or a digit and comma, and a comma that does not
# begin a group of three is no separator (`1,2号卡` is 1). Parse the match with `parse_amount`.
AMOUNT_IN_TEXT = r"(?<![\d.])(?<!\d,)(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+)(?:\.\d+)?"


class AmountError(ValueError):
    """The text is not an amount of money; `reason` is a catalog key."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"{reason}: {text!r}")
        self.text = text
        self.reason = reason


def parse_amount(text: str | int | float | Decimal, *, allow_negative: bool = True, max_places: int = 2) -> Decimal:
    """Parse `¥1,288.00`, `1288`, `1288元`, `-9.10`, `￥ 9.1` into a Decimal.

    Floats (numeric spreadsheet cells) are converted through their shortest repr so 9.1 stays 9.1.
    """
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int | float) and not isinstance(text, bool):
        value = Decimal(repr(text)) if isinstance(text, float) else Decimal(text)
    else:
        raw = str(text)
        cleaned = raw.translate(_FULLWIDTH).strip().replace("\u00a0", "").replace(" ", "")
        cleaned = _CURRENCY.sub("", cleaned).strip()
        if cleaned.startswith("(") and cleaned.endswith(")"):
            cleaned = "-" + cleaned[1:-1]
        if not cleaned or not _NUMBER.match(cleaned):
            raise AmountError(raw, "amount.not_a_number")
        try:
            value = Decimal(cleaned.replace(",", ""))
        except InvalidOperation as exc:  # pragma: no cover - the regex already guards this
            raise AmountError(raw, "amount.not_a_number") from exc
    if not value.is_finite():
        raise AmountError(str(text), "amount.not_a_number")
    if not allow_negative and value < 0:
        raise AmountError(str(text), "amount.negative")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > max_places and value != value.quantize(TWO_PLACES):
        raise AmountError(str(text), "amount.too_many_places")
    return value.quantize(TWO_PLACES)


def format_amount(value: Decimal | None) -> str | None:
    """The JSON form: a string with exactly two decimals."""
    if value is None:
        return None
    return str(Decimal(value).quantize(TWO_PLACES))


def format_yuan(value: Decimal | None) -> str:
    """The display form: ¥1,288.00."""
    if value is None:
        return "—"
    return f"¥{Decimal(value).quantize(TWO_PLACES):,}"
