"""Text normalisation before matching (chat-exports.md §8 preamble): full-width → half-width digits and
letters, Chinese numerals before time units → digits (五分钟 → 5分钟, 二十四小时 → 24小时, 一到三个工作日 →
1到3个工作日), 半小时 / 半拉小时 / 半个钟 → 30分钟, 帐 → 账, 分种/分中 → 分钟, 个小时 → 小时. Offsets are not preserved; signals
quote the original message text."""

from __future__ import annotations

import re

_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
                        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}, "～": "~", "－": "-", "　": " ",
                        "帐": "账", "﹖": "？"})
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = r"(?:个\s*)?(?:分钟|分种|分中|小时|钟头|天|工作日|日|周|星期|礼拜|点|h\b|min)"
_CN_NUMBER = re.compile(r"[零〇一二两俩三四五六七八九十]+(?=(?:\s*[到至~-]\s*[零〇一二两俩三四五六七八九十\d]+)?\s*" + _UNIT + ")")
_HALF = re.compile(r"半[拉个]?小时|半个?钟头|半个钟(?!头)")
_MINUTE_TYPO = re.compile(r"分[种中](?=[内到之以左发处]|$)")
_HOUR_WORD = re.compile(r"个小时|个钟头|钟头")
_HAS_CN = re.compile(r"[零〇一二两俩三四五六七八九十半种中个钟]")  # 半 covers 半拉小时 / 半个钟


def cn_number(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for char in text:
        value = value * 10 + _CN_DIGITS.get(char, 0)
    return value


def fold(text: str) -> str:
    """Only the character-level folding (full-width, 帐 → 账): cheap, for a first look."""
    return text.translate(_WIDTH)


def normalise(text: str) -> str:
    text = text.translate(_WIDTH)
    if _HAS_CN.search(text) is None:
        return text
    text = _HALF.sub("30分钟", text)
    text = _MINUTE_TYPO.sub("分钟", text)
    text = _CN_NUMBER.sub(lambda m: str(cn_number(m.group(0))), text)
    return _HOUR_WORD.sub("小时", text)
