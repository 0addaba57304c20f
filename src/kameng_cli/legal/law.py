"""The verified law articles shipped with kameng (data/law/law.json, see data/law/SOURCE.md).

Nothing in kameng quotes a law from anywhere else: templates receive `Quote` objects built here, and
a quote is always the article's full text or one of its paragraphs (款), character for character — or,
for an article that lists items (项), the sentence that introduces the list and the items that apply,
each line as it is in the data.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

# Short names used in citations, as Chinese legal writing does after the first full mention.
SHORT_NAMES = {
    "中华人民共和国消费者权益保护法": "消费者权益保护法",
    "中华人民共和国消费者权益保护法实施条例": "消费者权益保护法实施条例",
    "中华人民共和国电子商务法": "电子商务法",
    "中华人民共和国民法典": "民法典",
    "中华人民共和国民事诉讼法": "民事诉讼法",
    "中华人民共和国刑法": "刑法",
    "中华人民共和国刑事诉讼法": "刑事诉讼法",
    "中华人民共和国治安管理处罚法": "治安管理处罚法",
}

_PARAGRAPH_NUMERALS = "一二三四五六七八九十"
_ITEM = re.compile(r"^（([一二三四五六七八九十]+)）")


def _numeral(text: str) -> int:
    """一 … 十九 as a number (item markers of law.json)."""
    if text.startswith("十"):
        return 10 + (_PARAGRAPH_NUMERALS.index(text[1]) + 1 if len(text) > 1 else 0)
    if len(text) > 1 and text[1] == "十":
        return (_PARAGRAPH_NUMERALS.index(text[0]) + 1) * 10 + (
            _PARAGRAPH_NUMERALS.index(text[2]) + 1 if len(text) > 2 else 0)
    return _PARAGRAPH_NUMERALS.index(text) + 1


@dataclass(frozen=True)
class Article:
    id: str  # XQF-55
    law: str  # full name of the law
    article: str  # 第五十五条
    text: str  # paragraphs separated by "\n"
    revision: str = ""
    source: str = ""
    topics: tuple[str, ...] = field(default_factory=tuple)

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n")

    def item(self, number: int) -> tuple[str, str]:
        """Item (项) `number`: the line that introduces its list and the item's own line, verbatim."""
        lines = self.paragraphs
        for index, line in enumerate(lines):
            found = _ITEM.match(line)
            if found and _numeral(found.group(1)) == number:
                lead = next((lines[i] for i in range(index - 1, -1, -1) if not _ITEM.match(lines[i])), "")
                return lead, line
        raise KeyError(f"{self.id} has no item {number}")

    @property
    def short_law(self) -> str:
        # A title quoted inside a title takes 〈〉 inside 《》 (GB/T 15834 标点符号用法 4.15).
        return SHORT_NAMES.get(self.law, self.law).replace("《", "〈").replace("》", "〉")


@dataclass(frozen=True)
class Quote:
    """One citation as printed: 《电子商务法》第三十八条第一款 plus its verbatim text."""

    article: Article
    paragraph: int | None  # 1-based 款, or None for the whole article
    purpose: str  # slug: why it is cited (non-delivery, platform-liability, format-clause, ...)
    items: tuple[int, ...] = ()  # only these items (项) of the article's list, after its lead-in

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def citation(self) -> str:
        suffix = f"第{_PARAGRAPH_NUMERALS[self.paragraph - 1]}款" if self.paragraph else ""
        if self.items:
            # 第五条第（十）项: the marker as the article itself writes it.
            suffix += "、".join(f"第{_ITEM.match(self.article.item(n)[1]).group(0)}项" for n in self.items)  # type: ignore[union-attr]
        return f"《{self.article.short_law}》{self.article.article}{suffix}"

    @property
    def text(self) -> str:
        if self.items:
            lead = self.article.item(self.items[0])[0]
            return "\n".join([lead, *(self.article.item(n)[1] for n in self.items)])
        if self.paragraph is None:
            return self.article.text
        return self.article.paragraphs[self.paragraph - 1]

    def to_json(self) -> dict[str, Any]:
        found = {"id": self.id, "paragraph": self.paragraph, "citation": self.citation, "purpose": self.purpose,
                 "law": self.article.law, "article": self.article.article, "text": self.text}
        if self.items:
            found["items"] = list(self.items)
        return found


@lru_cache(maxsize=1)
def articles() -> dict[str, Article]:
    """All verified articles by id."""
    raw = resources.files("kameng_cli").joinpath("data/law/law.json").read_text(encoding="utf-8")
    found: dict[str, Article] = {}
    for row in json.loads(raw):
        found[row["id"]] = Article(
            id=row["id"], law=row["law"], article=row["article"], text=row["text"],
            revision=row.get("revision", ""), source=row.get("source", ""), topics=tuple(row.get("topics", [])),
        )
    return found


def article(article_id: str) -> Article:
    try:
        return articles()[article_id]
    except KeyError:
        raise KeyError(f"article {article_id} is not in kameng's verified law data") from None


def quote(article_id: str, paragraph: int | None, purpose: str, items: tuple[int, ...] = ()) -> Quote:
    found = article(article_id)
    if paragraph is not None and not 1 <= paragraph <= len(found.paragraphs):
        raise KeyError(f"{article_id} has no paragraph {paragraph}")
    if items and paragraph is not None:
        raise KeyError(f"{article_id}: quote either a paragraph or items of the article's list")
    for number in items:
        found.item(number)  # KeyError when the article has no such item
    return Quote(found, paragraph, purpose, tuple(sorted(set(items))))
