"""Legal basis: only verified articles, quoted verbatim; none of the known wrong citations."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from draft_cases import BUILDERS, LETTER_DATES, no_blockers

from conftest import SHARED, run
from kameng_cli.draft.channels import CHANNELS
from kameng_cli.draft.markdown import package_templates
from kameng_cli.legal import citations
from kameng_cli.legal.law import articles, quote
from kameng_cli.model.slugs import PROBLEM_TYPES

_CN_DIGITS = "一二三四五六七八九十"
_CITATION = re.compile(r"《([^《》]+)》(第[零一二三四五六七八九十百千]+条)(?:第([一二三四五六七八九十]+)款)?")
# An article's list quoted by item: 《…》第五条第（七）项、第（十）项：“lead-in\ （七）…\ （十）…”.
_ITEM_QUOTED = re.compile(r"《([^《》]+)》(第[零一二三四五六七八九十百千]+条)((?:、?第（[一二三四五六七八九十]+）项)+)：“(.*?)”(?=\n|$)", re.S)
_QUOTED = re.compile(r"《([^《》]+)》(第[零一二三四五六七八九十百千]+条)(?:第([一二三四五六七八九十]+)款)?：“(.*?)”(?=\n|$)", re.S)


def _law_names() -> dict[str, str]:
    names = {}
    for article in articles().values():
        names[article.law] = article.law
        names[article.short_law] = article.law
        names[article.law.replace("中华人民共和国", "")] = article.law
    return names


def _lookup(name: str, number: str, paragraph: str | None) -> str:
    """The verified text of a printed citation, or fail."""
    law = _law_names().get(name)
    assert law is not None, f"《{name}》 is not in the verified law data"
    found = [a for a in articles().values() if a.law == law and a.article == number]
    assert found, f"《{name}》{number} is not in the verified law data"
    article = found[0]
    if paragraph:
        index = _CN_DIGITS.index(paragraph)
        assert index < len(article.paragraphs), f"《{name}》{number} has no paragraph {paragraph}"
        return article.paragraphs[index]
    return article.text


def test_shipped_law_data_is_the_verified_copy() -> None:
    shipped = Path(package_templates()).parent / "data" / "law" / "law.json"
    assert json.loads(shipped.read_text(encoding="utf-8"))
    assert (shipped.parent / "SOURCE.md").is_file()
    if not (SHARED / "law" / "law.json").is_file():
        pytest.skip("shared law data not available")
    assert shipped.read_bytes() == (SHARED / "law" / "law.json").read_bytes()


def test_every_article_kameng_can_cite_exists_with_identical_text() -> None:
    data = {row["id"]: row for row in json.loads((Path(package_templates()).parent / "data/law/law.json").read_text("utf-8"))}
    for article_id, paragraph, purpose in citations.every_ref():
        assert article_id in data, article_id
        quoted = quote(article_id, paragraph, purpose)
        text = data[article_id]["text"]
        assert quoted.text == (text if paragraph is None else text.split("\n")[paragraph - 1])
        assert quoted.article.article == data[article_id]["article"]


def test_every_citation_written_into_a_template_exists() -> None:
    for template in Path(package_templates()).glob("*.j2"):
        for name, number, paragraph in _CITATION.findall(template.read_text(encoding="utf-8")):
            _lookup(name, number, paragraph or None)


def _all_selections() -> list[tuple[str, str, str, int | None, str]]:
    found = []
    for problem, channel, flags in itertools.product(PROBLEM_TYPES, CHANNELS, itertools.product([False, True], repeat=3)):
        for q in citations.select(problem, channel, citations.Signals(*flags)):
            found.append((problem, channel, q.id, q.paragraph, q.purpose))
    for violations in itertools.chain.from_iterable(
            itertools.combinations(citations.VIOLATIONS, n) for n in range(len(citations.VIOLATIONS) + 1)):
        found += [("any", "12315", q.id, q.paragraph, q.purpose) for q in citations.report_quotes(list(violations))]
    return found


def test_known_wrong_citations_cannot_be_selected() -> None:
    selections = _all_selections()
    ids = {s[2] for s in selections}
    # law.md §11 #1: 电子商务法第四十七条 is not platform liability.
    assert "DSF-47" not in ids
    assert {s[2] for s in selections if s[4] == "platform-liability"} == {"DSF-38", "XQF-44"}
    assert all(s[3] == 1 for s in selections if s[2] == "DSF-38")
    # §11 #2: format clauses are 消保法第二十六条 and 电商法第四十九条第二款, never 电商法第二十条.
    assert {(s[2], s[3]) for s in selections if s[4] == "format-clause"} == {("XQF-26", 2), ("XQF-26", 3), ("DSF-49", 2)}
    # §11 #3 and the 7-day no-reason return: no 暂行办法 at all, no 消保法第二十五条.
    assert not any("暂行办法" in articles()[i].law for i in ids)
    assert "XQF-25" not in ids
    # §11 #13: 治安管理处罚法 only as 第五十八条.
    assert {i for i in ids if i.startswith("ZAGL")} <= {"ZAGL-58"}
    # Fraud compensation is 第五十五条第一款 only.
    assert {(s[2], s[3]) for s in selections if s[4] == "fraud"} == {("XQF-55", 1)}


WRONG_TEXT = (
    (re.compile(r"电子商务法》第四十七条"), "电子商务法第四十七条"),
    (re.compile(r"暂行办法"), "a repealed or provisional 暂行办法"),
    (re.compile(r"45\s*个?工作日|四十五个工作日|45\s*天"), "45 working days"),
    (re.compile(r"小额诉讼[^\n]{0,40}?\d+(?:\.\d+)?\s*万?元以下"), "a fixed small-claims amount"),
    (re.compile(r"治安管理处罚法》第四十九条"), "治安管理处罚法第四十九条"),
    (re.compile(r"无理由退货|七日无理由|7\s*天无理由"), "the 7-day no-reason return"),
)


@pytest.mark.parametrize("case_name", sorted(BUILDERS))
def test_drafts_quote_verified_text_and_no_wrong_citation(case_name: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    no_blockers(monkeypatch)
    root = BUILDERS[case_name](tmp_path, monkeypatch)
    quoted_count = 0
    for slug in CHANNELS:
        text = run("-C", root, "draft", "--to", slug, "-o", "-", "--date", LETTER_DATES[case_name]).stdout
        for name, number, paragraph in _CITATION.findall(text):
            _lookup(name, number, paragraph or None)
        for name, number, paragraph, quoted in _QUOTED.findall(text):
            # Paragraphs of a quote are joined by a Markdown hard break ("\" + newline + two spaces).
            assert quoted.replace("\\\n  ", "\n") == _lookup(name, number, paragraph or None), (slug, number)
            quoted_count += 1
        for name, number, items, quoted in _ITEM_QUOTED.findall(text):
            # The lead-in of the list and each item named in the citation, each line verbatim.
            lines = _lookup(name, number, None).split("\n")
            markers = re.findall(r"（[一二三四五六七八九十]+）", items)
            wanted = [next(line for line in lines if not line.startswith("（"))]
            wanted += [next(line for line in lines if line.startswith(marker)) for marker in markers]
            assert quoted.replace("\\\n  ", "\n") == "\n".join(wanted), (slug, number)
            quoted_count += 1
        for pattern, what in WRONG_TEXT:
            assert not pattern.search(text), f"{case_name}/{slug} contains {what}"
    assert quoted_count > 20
