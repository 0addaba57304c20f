"""Which parts of a screenshot are personal or secret: ID numbers (GB 11643 check digit), phone
numbers, bank cards (Luhn as a supporting signal), addresses, card secrets (卡密, 激活码) and names
where the page labels them (姓名, 持卡人, 收货人)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..parsing.ids import id_number_valid, luhn_valid
from .facts import NUMBER_LABELS, normalise
from .layout import Row, rows_of
from .model import Box, OcrPage

REASONS = ("id-number", "phone", "bank-card", "address", "card-secret", "name")

_NOT_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_ALNUM_AFTER = r"(?![0-9A-Za-z])"
ID_NUMBER = re.compile(_NOT_ALNUM_BEFORE + r"(\d{17}[\dXx])" + _NOT_ALNUM_AFTER)
ID_LABELLED = re.compile(r"(?:身份证号?码?|证件号码?|身份证)\s*[:：]?\s*([0-9Xx*]{15,18})")
PHONE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[\s-]?)?(1[3-9]\d[\s-]?\d{4}[\s-]?\d{4})(?![0-9A-Za-z])")
PHONE_LABELLED = re.compile(r"(?:手机号?码?|电话|联系方式|联系电话|Tel|TEL)\s*[:：]?\s*([0-9][0-9\s\-*]{6,16}[0-9])")
BANK_CARD = re.compile(_NOT_ALNUM_BEFORE + r"(\d{4}(?:[\s-]?\d{4}){3}(?:[\s-]?\d{1,3})?)" + _NOT_ALNUM_AFTER)
CARD_LABEL = re.compile(r"银行卡|储蓄卡|信用卡|借记卡|银行账号|卡号|账号")
SECRET_LABELLED = re.compile(
    r"(?:卡密|密码|激活码|兑换码|充值码|券码|CDKEY|CDK|(?<!银行)(?<!储蓄)(?<!信用)(?<!借记)卡号)\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9\-]{5,})")
SECRET_GROUPS = re.compile(_NOT_ALNUM_BEFORE + r"([A-Za-z0-9]{4,6}(?:-[A-Za-z0-9]{4,6}){2,})" + _NOT_ALNUM_AFTER)
# A person's name where a page labels it as one (实名 pages, bank cards, delivery details): never the
# merchant's or the platform's name, which the letter needs (收款方 / 商户 are not labels here).
NAME_LABELLED = re.compile(r"(?:真实姓名|姓名|收货人|持卡人|户名|账户名|实名认证|认证姓名)\s*[:：]?\s*([\u4e00-\u9fff·*]{2,6}|[A-Za-z][A-Za-z .*]{1,30})")
ADDRESS_LABELLED = re.compile(r"(?:收货地址|详细地址|联系地址|家庭住址|住址|地址|所在地区)\s*[:：]?\s*(\S.*)$")
ADDRESS_FREE = re.compile(r"(\S*(?:省|自治区|市)\S{0,12}(?:市|区|县)\S{0,24}(?:路|街|道|号|村|镇|小区|栋|室|弄|巷)\S*)")
_NUMBER_LABEL = re.compile("|".join(p for p, _ in NUMBER_LABELS))
PAD_CHARS = 0.6  # character widths of margin around an estimated span: better too much than a digit left


@dataclass
class SensitiveBox:
    box: Box
    reason: str  # one of REASONS, or "manual"
    source: str  # "ocr" or "manual"
    hint: str = ""  # a masked reminder of what was hidden (first and last characters)

    def to_json(self) -> dict[str, object]:
        return {"box": list(self.box), "reason": self.reason, "source": self.source, "hint": self.hint}


def mask(text: str) -> str:
    text = text.strip()
    if len(text) <= 4:
        return "*" * len(text)
    keep = 2 if len(text) < 10 else 3
    return f"{text[:keep]}{'*' * (len(text) - 2 * keep)}{text[-keep:]}"


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def sensitive_boxes(page: OcrPage) -> list[SensitiveBox]:
    found: list[SensitiveBox] = []
    for row in rows_of(page.lines):
        row.text = normalise(row.text)
        found += _row(row)
    return found


def _row(row: Row) -> list[SensitiveBox]:
    text = row.text
    taken: list[tuple[int, int]] = []
    boxes: list[SensitiveBox] = []
    protected = _numbers_we_keep(text)

    def add(start: int, end: int, reason: str) -> None:
        if any(start < e and end > s for s, e in taken):
            return
        taken.append((start, end))
        boxes.append(SensitiveBox(box=row.span_box(start, end, PAD_CHARS), reason=reason, source="ocr",
                                  hint=mask(text[start:end])))

    for match in ID_LABELLED.finditer(text):
        add(*match.span(1), "id-number")
    for match in ID_NUMBER.finditer(text):
        if id_number_valid(match.group(1)) and not _inside(match.span(1), protected):
            add(*match.span(1), "id-number")
    for match in SECRET_LABELLED.finditer(text):
        add(*match.span(1), "card-secret")
    for match in SECRET_GROUPS.finditer(text):
        value = match.group(1)
        if re.search(r"\d", value) and re.search(r"[A-Za-z]", value) and not _inside(match.span(1), protected):
            add(*match.span(1), "card-secret")
    has_card_label = bool(CARD_LABEL.search(text))
    for match in BANK_CARD.finditer(text):
        digits = _digits(match.group(1))
        if not 16 <= len(digits) <= 19 or _inside(match.span(1), protected):
            continue
        # Luhn is a signal, not a proof: some cards fail it and many order numbers pass it by chance.
        if has_card_label or (luhn_valid(digits) and digits[0] in "3456"):
            add(*match.span(1), "bank-card")
    for match in PHONE_LABELLED.finditer(text):
        add(*match.span(1), "phone")
    for match in PHONE.finditer(text):
        if not _inside(match.span(1), protected):
            add(*match.span(1), "phone")
    for match in NAME_LABELLED.finditer(text):
        add(*match.span(1), "name")
    for match in ADDRESS_LABELLED.finditer(text):
        add(*match.span(1), "address")
    for match in ADDRESS_FREE.finditer(text):
        add(*match.span(1), "address")
    return boxes


def _numbers_we_keep(text: str) -> list[tuple[int, int]]:
    """Spans of order and trade numbers: evidence the letter needs, never mistaken for a card."""
    spans = []
    for match in re.finditer(rf"(?:{_NUMBER_LABEL.pattern})\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9\-_]{{5,39}})", text):
        spans.append(match.span(1))
    return spans


def _inside(span: tuple[int, int], protected: list[tuple[int, int]]) -> bool:
    return any(span[0] >= s and span[1] <= e for s, e in protected)
