"""Which verified articles a letter cites: chosen by problem type, channel and a few case signals.

The tables are data; `select` only concatenates them. Every (id, paragraph) here is checked by the
test suite against law.json, and so are the wrong citations of law.md §11 that must never appear
(电子商务法第四十七条 for platform liability, 第二十条 for format clauses, and the like).
"""

from __future__ import annotations

from dataclasses import dataclass

from .law import Quote, quote

Ref = tuple[str, int | None, str]  # (article id, paragraph or None, purpose)

# Each problem type's own basis (channels.md §1 "催告函可援引"; law.md §1 item 4 for card codes).
PROBLEM_ARTICLES: dict[str, list[Ref]] = {
    "not-delivered": [("XQF-52", None, "non-delivery"), ("MFD-577", None, "non-delivery"), ("DSF-20", None, "non-delivery")],
    "delayed": [("DSF-20", None, "delay"), ("MFD-577", None, "delay")],
    "card-invalid": [("XQF-24", 1, "card-invalid"), ("XQF-52", None, "card-invalid"), ("MFD-577", None, "card-invalid")],
    "not-as-described": [("DSF-17", None, "not-as-described"), ("XQF-52", None, "not-as-described"),
                         ("MFD-577", None, "not-as-described")],
    "merchant-vanished": [("XQF-52", None, "non-delivery"), ("MFD-577", None, "non-delivery"), ("DSF-20", None, "non-delivery")],
    "after-sales-refused": [("XQF-52", None, "refusal"), ("MFD-577", None, "refusal"), ("QHCF-8", None, "refusal")],
    "account-stolen": [("MFD-577", None, "account-security"), ("DSF-62", None, "records")],
    "privacy-leak": [],
    "illegal-goods": [("XQF-52", None, "illegal-goods"), ("MFD-577", None, "illegal-goods")],
}

# The platform's own liability: 电子商务法第三十八条第一款 and 消费者权益保护法第四十四条 (law.md §1 item 2),
# never 第四十七条.
PLATFORM_LIABILITY: list[Ref] = [("DSF-38", 1, "platform-liability"), ("XQF-44", None, "platform-liability")]
# No separate merchant: the platform (a self-run site, a self-operated business) is the seller and bears
# the seller's liability — 电子商务法第三十七条第二款 and 网络消费纠纷规定（一）第四条 (channels.md §2).
PLATFORM_SELLER: list[Ref] = [("DSF-37", 2, "platform-seller"), ("WXJF-4", None, "platform-seller")]
# "虚拟商品一经售出概不退换" and similar clauses: 消费者权益保护法第二十六条 and 电子商务法第四十九条第二款
# (law.md §1 item 3), never 电子商务法第二十条.
FORMAT_CLAUSE: list[Ref] = [("XQF-26", 2, "format-clause"), ("XQF-26", 3, "format-clause"), ("DSF-49", 2, "format-clause")]
FRAUD: list[Ref] = [("XQF-55", 1, "fraud")]
RECORDS: list[Ref] = [("DSF-62", None, "records")]

CHANNEL_ARTICLES: dict[str, list[Ref]] = {
    "platform": [("DSF-61", None, "platform-duty"), *RECORDS],
    "merchant": [*RECORDS],
    "12315": [],
    "consumer-association": [("XQF-39", None, "channel"), ("XQFSS-45", None, "channel")],
    "heimao": [],
    "court": [],
    "police": [("XSSS-110", 2, "police-report"), ("XSSS-110", 3, "police-report"), ("XF-266", None, "fraud-crime"),
               ("ZAGL-58", None, "fraud-offence")],
}

# Procedure articles a template quotes in its own notes (not in the legal-basis list).
PROCEDURE: dict[str, list[Ref]] = {
    "12315": [("TSJB-10", None, "complaint-form"), ("TSJB-15", None, "deadline")],
    "court": [("MSSS-24", None, "jurisdiction"), ("MSJS-20", None, "jurisdiction"), ("MSSS-165", None, "small-claims"),
              ("MSSS-126", None, "deadline")],
    "merchant": [("QHCF-8", None, "deadline")],
    "platform": [("QHCF-8", None, "deadline")],
    "consumer-association": [("XQFSS-45", None, "deadline")],
    "police": [("XSSS-112", None, "deadline")],
    "heimao": [],
}

# 举报 (report of a suspected violation, 办法 第三条第二款, 第九条, 第二十八条) and the sign it rests on.
REPORT_BASIS: list[Ref] = [("TSJB-3", 2, "report"), ("TSJB-9", None, "report"), ("TSJB-28", 1, "report")]
VIOLATIONS: dict[str, list[Ref]] = {
    "no-licence-shown": [("DSF-15", 1, "violation"), ("WJB-12", 1, "violation")],
    "final-interpretation-clause": [("WJB-21", None, "violation"), ("HTJG-8", None, "violation")],
    "took-money-not-delivered": [("QHCF-5", None, "violation")],
    "false-advertising": [("DSF-17", None, "violation")],
    "sold-used-codes": [("QHCF-5", None, "violation"), ("QHCF-16", 2, "violation")],
}
# An article that lists the forbidden acts (侵害消费者权益行为处罚办法 第五条 has ten items) is quoted with
# its lead-in and only the items the violation is (law.md: 收钱不发货 is 第五条第（十）项 and, with items
# (七)–(十), fraud under 第十六条第二款): 不按照约定提供商品 is (十); an already-used card code sold as a
# valid one is (七) 以不合格商品冒充合格商品, and the price taken for it (十). A “最终解释权” clause is
# 网络交易监督管理办法 第二十一条第（五）项 and 合同行政监督管理办法 第八条第（七）项.
VIOLATION_ITEMS: dict[str, dict[str, tuple[int, ...]]] = {
    "final-interpretation-clause": {"WJB-21": (5,), "HTJG-8": (7,)},
    "took-money-not-delivered": {"QHCF-5": (10,)},
    "sold-used-codes": {"QHCF-5": (7, 10)},
}


@dataclass(frozen=True)
class Signals:
    """What the case shows that changes the citations."""

    platform_involved: bool = False  # bought from a merchant on a third-party platform
    format_clause: bool = False  # a "售出不退" / "最终解释权" style clause was met
    fraud_supported: bool = False  # case.fraud and evidence (see claims.fraud_grounds)
    platform_sells: bool = False  # no separate merchant: the platform is the seller (legal.parties)


def _dedupe(refs: list[Ref]) -> list[Ref]:
    seen: set[tuple[str, int | None]] = set()
    kept = []
    for ref in refs:
        if (ref[0], ref[1]) not in seen:
            seen.add((ref[0], ref[1]))
            kept.append(ref)
    return kept


def basis_refs(problem: str, channel: str, signals: Signals) -> list[Ref]:
    if channel == "police":
        # A report asks for criminal prosecution, not a refund (channels.md §7): the civil articles of
        # the problem, the platform's liability and format clauses are for the other channels.
        return _dedupe(list(CHANNEL_ARTICLES["police"]))
    refs = list(PROBLEM_ARTICLES.get(problem, []))
    formal = channel in ("platform", "12315", "court", "consumer-association")
    if signals.platform_sells and formal:
        refs += PLATFORM_SELLER
    elif signals.platform_involved and formal:
        refs += PLATFORM_LIABILITY
    if signals.format_clause:
        refs += FORMAT_CLAUSE
    if signals.fraud_supported:
        refs += FRAUD
    channel_refs = CHANNEL_ARTICLES.get(channel, [])
    if signals.platform_sells:
        # 电子商务法第六十一条 is about disputes with a merchant on the platform: there is none.
        channel_refs = [ref for ref in channel_refs if ref[2] != "platform-duty"]
    refs += channel_refs
    return _dedupe(refs)


# Articles whose list only one item of fits a 卡盟 dispute: 侵害消费者权益行为处罚办法 第八条 (一) needs goods
# an administrative body has found substandard; a refused refund, redelivery or compensation is (二).
BASIS_ITEMS: dict[str, tuple[int, ...]] = {"QHCF-8": (2,)}


def select(problem: str, channel: str, signals: Signals) -> list[Quote]:
    """The legal basis of a letter, in the order it is printed."""
    return [quote(aid, para, purpose, BASIS_ITEMS.get(aid, ()) if para is None else ())
            for aid, para, purpose in basis_refs(problem, channel, signals)]


def procedure(channel: str) -> dict[str, list[Quote]]:
    """Procedure quotes by purpose (jurisdiction, small-claims, complaint-form, deadline)."""
    found: dict[str, list[Quote]] = {}
    for aid, para, purpose in PROCEDURE.get(channel, []):
        found.setdefault(purpose, []).append(quote(aid, para, purpose))
    return found


def report_quotes(violations: list[str]) -> list[Quote]:
    refs = list(REPORT_BASIS)
    items: dict[str, set[int]] = {}
    for violation in violations:
        refs += VIOLATIONS[violation]
        for aid, numbers in VIOLATION_ITEMS.get(violation, {}).items():
            items.setdefault(aid, set()).update(numbers)
    return [quote(aid, para, purpose, tuple(sorted(items.get(aid, ()))) if para is None else ())
            for aid, para, purpose in _dedupe(refs)]


def every_ref() -> list[Ref]:
    """Every reference any template can print (for the consistency test)."""
    refs: list[Ref] = []
    for table in (PROBLEM_ARTICLES, CHANNEL_ARTICLES, PROCEDURE, VIOLATIONS):
        for items in table.values():
            refs += items
    return refs + PLATFORM_LIABILITY + PLATFORM_SELLER + FORMAT_CLAUSE + FRAUD + RECORDS + REPORT_BASIS
