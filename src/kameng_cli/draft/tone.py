"""Tone lint of the user's own words (case.statement, exhibit notes, manual event summaries).

Insults and threats weaken a complaint and can expose the user to a defamation or extortion claim
(市场监督管理投诉举报处理办法 第四十二条 and 实施条例 第四十九条第二款 name 敲诈勒索). kameng never
rewrites the user's text: each hit becomes a warning with a factual wording to use instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (pattern, category, suggested factual wording). Longer phrases first so they win over their parts.
RULES: tuple[tuple[str, str, str], ...] = (
    (r"曝光你|曝光你们|让你(?:们)?身败名裂|网上曝光", "threat", "如问题未在期限内解决，我将依法向有关部门投诉"),
    (r"等着瞧|走着瞧|你(?:们)?等着|弄死你|让你(?:们)?倒闭|不得好死|去死", "threat", "请在期限内答复，否则我将通过法定途径解决"),
    (r"骗子|骗钱|诈骗犯|骗人的", "insult", "对方收款后未按约定交付商品（写明时间与证据编号）"),
    (r"垃圾|黑店|奸商|人渣|败类", "insult", "商品或服务未达到约定（写明具体哪一项不符）"),
    (r"傻[逼比B]|SB|sb|脑残|狗东西|王八蛋|混蛋|他妈的?|tmd|TMD|操你", "insult", "删除此词，只陈述发生了什么"),
)
_COMPILED = tuple((re.compile(pattern), category, suggestion) for pattern, category, suggestion in RULES)


@dataclass
class ToneWarning:
    where: str  # case.statement / E03 note / M0002
    category: str  # insult / threat
    phrase: str
    context: str  # the words around it
    suggestion: str

    def to_json(self) -> dict[str, str]:
        return {"where": self.where, "category": self.category, "phrase": self.phrase, "context": self.context,
                "suggestion": self.suggestion}


def lint(text: str, where: str) -> list[ToneWarning]:
    found: list[ToneWarning] = []
    taken: list[tuple[int, int]] = []
    for pattern, category, suggestion in _COMPILED:
        for match in pattern.finditer(text or ""):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            context = text[max(0, match.start() - 12) : match.end() + 12].replace("\n", " ")
            found.append(ToneWarning(where, category, match.group(0), context, suggestion))
    return sorted(found, key=lambda w: text.find(w.context))
