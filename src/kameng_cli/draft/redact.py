"""Masking personal data in letter text: ID numbers, bank card numbers, phone numbers, addresses and
card secrets (卡密).

Detection rules (law.md §10):
- ID numbers: 18 characters, GB 11643 check digit (ISO 7064 MOD 11-2) must hold; a number that fails
  the check is left alone, because order and trade numbers are often 18 digits too.
- Bank cards: 16–19 digits (optionally grouped by spaces or hyphens) starting with 3–6. Luhn is only a
  signal: a number that passes Luhn is masked, one that fails is masked only next to a card word
  (卡号/银行卡/储蓄卡/信用卡/账号/尾号), since not all domestic cards follow Luhn (law.md §10.3).
- Phones: mainland mobiles (1[3-9] + 9 digits, optional +86) and landlines (0xx-xxxxxxx).
- Addresses: a province/city/district prefix followed by a street-level tail ending in 号/室/楼/栋/单元;
  the administrative prefix is kept, the tail masked.
- Card secrets: the value after 卡密/卡号/密码/兑换码/激活码 labels.

Values the channel must show (the complainant's own details in 12315 and court letters, the order and
trade numbers) are passed as `keep` and never masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..parsing.ids import id_number_valid, luhn_valid

CATEGORIES = ("id-number", "bank-card", "phone", "address", "card-secret")

_ID = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
_CARD = re.compile(r"(?<![0-9A-Za-z])([3-6]\d{3}(?:[ -]?\d{4}){2}[ -]?\d{4,7})(?![0-9A-Za-z])")
_CARD_WORDS = ("卡号", "银行卡", "储蓄卡", "信用卡", "借记卡", "账号", "尾号", "card")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])((?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?![0-9A-Za-z])")
_LANDLINE = re.compile(r"(?<![0-9A-Za-z-])(0\d{2,3}-\d{7,8})(?![0-9A-Za-z])")
_SECRET = re.compile(
    r"((?:卡密|卡号|密码|兑换码|激活码|充值码|CDK|cdk|卡密为|密码为)\s*[:：是为]?\s*)"
    r"([A-Za-z0-9][A-Za-z0-9\-]{5,63})"
)
_ADMIN = r"(?:[\u4e00-\u9fa5]{2,7}(?:省|自治区))?[\u4e00-\u9fa5]{2,7}(?:市|州|盟)(?:[\u4e00-\u9fa5]{1,7}(?:区|县|旗))?"
_ADDRESS = re.compile(
    rf"({_ADMIN})"
    r"([\u4e00-\u9fa5A-Za-z0-9\-－#（）()]{1,40}?(?:路|街|道|巷|弄|村|镇|乡|大厦|广场|园|小区|苑)"
    r"[\u4e00-\u9fa5A-Za-z0-9\-－#（）()]{0,40}(?:号楼|号院|号|室|栋|幢|楼|单元|层)(?:\d+(?:室|号)?)?)"
)
MASK = "*"
_MD_ESCAPE = re.compile(r"\\(.)")  # the letter's Markdown escapes (draft/markdown.py: md_escape)


@dataclass
class Hit:
    category: str
    original: str
    masked: str


@dataclass
class Redactor:
    """Masks the five categories unless disabled; `keep` lists exact strings to leave as they are."""

    enabled: bool = True
    keep: tuple[str, ...] = ()
    hits: list[Hit] = field(default_factory=list)

    def __call__(self, text: str | None) -> str:
        return self.redact(text or "")

    def redact(self, text: str) -> str:
        if not self.enabled or not text:
            return text
        protected: dict[str, str] = {}
        for index, value in enumerate(sorted({k for k in self.keep if k and len(k) >= 4}, key=len, reverse=True)):
            token = f"\uE000{index}\uE001"
            if value in text:
                protected[token] = value
                text = text.replace(value, token)
        text = _SECRET.sub(self._secret, text)
        text = _ID.sub(self._id, text)
        text = _CARD.sub(lambda m: self._card(m, text), text)
        text = _MOBILE.sub(lambda m: self._hit("phone", m.group(1), _mask_mobile(m.group(1))), text)
        text = _LANDLINE.sub(lambda m: self._hit("phone", m.group(1), _mask_middle(m.group(1), 4, 2)), text)
        text = _ADDRESS.sub(lambda m: self._hit("address", m.group(0), m.group(1) + MASK * 4), text)
        for token, value in protected.items():
            text = text.replace(token, value)
        return text

    def _hit(self, category: str, original: str, masked: str) -> str:
        self.hits.append(Hit(category, original, masked))
        return masked

    def _secret(self, match: re.Match[str]) -> str:
        value = match.group(2)
        if re.fullmatch(r"\d{16,19}", value):
            return match.group(0)  # a bank card number after 卡号: the card rule masks it
        return match.group(1) + self._hit("card-secret", value, _mask_secret(value))

    def _id(self, match: re.Match[str]) -> str:
        value = match.group(1)
        if not id_number_valid(value):
            return value
        return self._hit("id-number", value, _mask_middle(value, 3, 2))

    def _card(self, match: re.Match[str], text: str) -> str:
        value = match.group(1)
        digits = re.sub(r"\D", "", value)
        if not 16 <= len(digits) <= 19:
            return value
        before = text[max(0, match.start() - 8) : match.start()]
        if not (luhn_valid(digits) or any(word in before for word in _CARD_WORDS)):
            return value
        return self._hit("bank-card", value, f"{MASK * 4} {MASK * 4} {MASK * 4} {digits[-4:]}")

    def counts(self) -> dict[str, int]:
        found = {category: 0 for category in CATEGORIES}
        for hit in self.hits:
            found[hit.category] += 1
        return found

    def printed_counts(self, text: str, since: int | None = None) -> dict[str, int]:
        """How many distinct values were masked in what the user receives: those whose masked form is
        in `text` (the letter as rendered; a field the template does not print masks nothing), plus
        every value masked from hit number `since` on (an appendix printing all it masks)."""
        plain = _MD_ESCAPE.sub(r"\1", text)
        seen: set[tuple[str, str]] = set()
        for index, hit in enumerate(self.hits):
            if (since is not None and index >= since) or hit.masked in plain:
                seen.add((hit.category, hit.original))
        found = {category: 0 for category in CATEGORIES}
        for category, _original in seen:
            found[category] += 1
        return found


def _mask_middle(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return MASK * len(value)
    return value[:head] + MASK * (len(value) - head - tail) + value[-tail:]


def _mask_mobile(value: str) -> str:
    digits = re.sub(r"\D", "", value)[-11:]
    return f"{digits[:3]}{MASK * 4}{digits[-4:]}"


def _mask_secret(value: str) -> str:
    return MASK * max(len(value) - 4, 4) + value[-4:] if len(value) > 8 else MASK * len(value)


def redactor_for(enabled: bool, keep: Iterable[str] = ()) -> Redactor:
    return Redactor(enabled=enabled, keep=tuple(keep))
