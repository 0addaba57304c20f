"""One complaint for several buyers wronged by the same merchant (issue 8, `kameng joint`).

The buyers' case folders must name the same merchant: the same 统一社会信用代码 when both folders
state one (a different code is a different merchant, whatever the name), else the same merchant name
or shop. The folder that differs from the rest is named in the refusal.

Personal data of the buyers other than the representative (the first folder, or --as) is masked per
channel: phone, address and ID number always; the name is kept where the addressee must know who
complains (12315: 共同投诉 needs each complainant's consent, [TSJB-12]; court: every plaintiff is a
party) and reduced to the surname for the police. The representative's own details are kept where
the channel needs them (12315, court), as in `kameng draft`. Free text (facts, file names) goes
through the draft's Redactor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserInputError

if TYPE_CHECKING:
    from ..case.store import CaseStore
    from ..draft.redact import Redactor
    from ..legal.claims import Claims
    from ..model.case import Case
    from ..model.records import Event

JOINT_CHANNELS = ("12315", "court", "police")
TEMPLATE = "process/joint.md.j2"
TITLES = {"12315": "共同投诉书", "court": "民事起诉状（多名原告）", "police": "报案材料（多名被害人）"}
ROLE = {"12315": "投诉人", "court": "原告", "police": "被害人"}
# Which law.json article a joint filing to the channel rests on (None: no verified article to cite).
BASIS = {"12315": ("TSJB-12", None), "police": ("XSSS-110", 2), "court": None}
KEEP_OTHER_NAMES = {"12315": True, "court": True, "police": False}
# Facts per buyer. What the joint complaint rests on is always kept, however many there are: the
# payments, refunds, complaints sent and the answers to them (the money and the history the
# addressee must see). The rest fills up to MAX_FACTS, the problem itself and the merchant's
# decisive words first, and the document says how many were left out and where they are.
MAX_FACTS = 20
KEPT_KINDS = frozenset({"paid", "refunded", "submitted", "reply"})
PREFERRED_KINDS = frozenset({"ordered", "delivered", "delivery-failed", "card-invalid", "refused", "promise-broken",
                             "admission", "demand", "silence"})


@dataclass
class Buyer:
    folder: Path
    store: CaseStore
    case: Case
    events: list[Event]
    claims: Claims
    representative: bool = False
    prefix: str = ""  # exhibit labels: 甲证1, 乙证1, ...
    notes: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return re.sub(r"[\s·•\-_（）()【】\[\]]", "", text or "").lower()


def merchant_identity(case: Case) -> dict[str, str]:
    return {"uscc": _norm(case.merchant.uscc).upper(), "name": _norm(case.merchant.name), "shop": _norm(case.merchant.shop)}


def same_merchant(a: Case, b: Case) -> bool:
    x, y = merchant_identity(a), merchant_identity(b)
    if x["uscc"] and y["uscc"]:
        return x["uscc"] == y["uscc"]
    return bool((x["name"] and x["name"] == y["name"]) or (x["shop"] and x["shop"] == y["shop"]))


def _describe(case: Case) -> str:
    parts = [p for p in (case.merchant.name, case.merchant.shop, case.merchant.uscc) if p]
    return " / ".join(parts) or "—"


def load_buyers(folders: list[Path], representative: Path | None = None) -> list[Buyer]:
    from ..case.store import CaseStore
    from ..legal.claims import compute

    if len(folders) < 2:
        raise UserInputError("process.joint.too_few")
    buyers = []
    seen: set[Path] = set()
    for folder in folders:
        root = folder.expanduser().resolve()
        if not (root / "case.toml").is_file():
            raise UserInputError("process.joint.not_case", path=str(folder))
        if root in seen:
            raise UserInputError("process.joint.twice", path=str(folder))
        seen.add(root)
        store = CaseStore(root)
        case = store.case
        if not any(merchant_identity(case).values()):
            raise UserInputError("process.joint.no_merchant", path=str(folder))
        events = store.events()
        buyers.append(Buyer(root, store, case, events, compute(case, events)))
    _check_same_merchant(buyers)
    _check_same_order(buyers)
    rep = 0
    if representative is not None:
        wanted = representative.expanduser().resolve()
        matches = [i for i, b in enumerate(buyers) if b.folder == wanted]
        if not matches:
            raise UserInputError("process.joint.bad_representative", path=str(representative))
        rep = matches[0]
    buyers.insert(0, buyers.pop(rep))
    buyers[0].representative = True
    for index, buyer in enumerate(buyers):
        buyer.prefix = _prefix(index)
    return buyers


def _prefix(index: int) -> str:
    stems = "甲乙丙丁戊己庚辛壬癸"
    return stems[index] if index < len(stems) else f"买家{index + 1}-"


def _check_same_merchant(buyers: list[Buyer]) -> None:
    """The largest group of buyers that agree decides; everyone outside it is the odd one out."""
    agreeing = [[j for j, other in enumerate(buyers) if same_merchant(buyer.case, other.case)] for buyer in buyers]
    best = max(range(len(buyers)), key=lambda i: (len(agreeing[i]), -i))
    odd = [buyers[i] for i in range(len(buyers)) if i not in agreeing[best]]
    if odd:
        raise UserInputError("process.joint.different_merchant", odd="、".join(str(b.folder.name) for b in odd),
                             theirs=_describe(odd[0].case), expected=_describe(buyers[best].case))


def _payments(buyer: Buyer) -> set[str]:
    return {str(e.data["trade_no"]).strip() for e in buyer.events
            if e.kind == "paid" and str(e.data.get("trade_no") or "").strip()}


def _check_same_order(buyers: list[Buyer]) -> None:
    """One order in two folders (a copied folder, a buyer entered twice) would be two victims and its
    price counted twice in 合计: refuse, naming both folders, so that one of them is left out. The
    same order number (compared as the merchant's numbers are: without spaces and brackets) or the
    same payment (trade number) is one order."""
    for index, buyer in enumerate(buyers):
        for other in buyers[:index]:
            order = _norm(buyer.case.order.number)
            if order and order == _norm(other.case.order.number):
                raise UserInputError("process.joint.same_order", first=other.folder.name, second=buyer.folder.name,
                                     order=buyer.case.order.number)
            shared = sorted(_payments(buyer) & _payments(other))
            if shared:
                raise UserInputError("process.joint.same_payment", first=other.folder.name, second=buyer.folder.name,
                                     trade=shared[0])


def _same_person(a: Case, b: Case) -> bool:
    x, y = a.complainant, b.complainant
    if x.id_number and y.id_number:
        return _norm(x.id_number).upper() == _norm(y.id_number).upper()
    return bool(x.phone and _norm(x.phone) == _norm(y.phone))


def joint_warnings(buyers: list[Buyer]) -> list[str]:
    """What the document cannot settle by itself: one person in two folders (two orders: both count,
    but they are one complainant), and problems of different types (第十二条 asks for 同一消费者权益争议)."""
    from ..i18n import join, t
    from ..model.slugs import PROBLEM_TYPES, label

    warnings = []
    for index, buyer in enumerate(buyers):
        for other in buyers[:index]:
            if _same_person(buyer.case, other.case):
                warnings.append(t("process.joint.same_person", first=other.folder.name, second=buyer.folder.name))
    problems = _problem_groups(buyers)
    if len(problems) > 1:
        warnings.append(t("process.joint.mixed_problems", problems=join(
            (t("process.joint.problem_group", problem=label(PROBLEM_TYPES, problem), folders=join(folders))
             for problem, folders in problems.items()), clauses=True)))
    return warnings


def _problem_groups(buyers: list[Buyer]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for buyer in buyers:
        groups.setdefault(buyer.case.problem, []).append(buyer.folder.name)
    return groups


def select_facts(events: list[Event], case: Case, numbers: dict[str, str], redactor: Redactor) -> tuple[list[Any], int, bool]:
    """The buyer's facts for the joint complaint and how many were left out (see MAX_FACTS)."""
    from ..draft.context import MAX_FACTS as DRAFT_MAX_FACTS
    from ..draft.context import build_facts

    order = {e.id: i for i, e in enumerate(events)}
    kept = build_facts([e for e in events if e.kind in KEPT_KINDS], case, numbers, redactor)
    rest = build_facts([e for e in events if e.kind not in KEPT_KINDS], case, numbers, redactor)
    summarised = [f for f in rest if not f.event]  # build_facts' own "另有N项往来，从略" line: counted below
    rest = [f for f in rest if f.event]
    kind = {e.id: e.kind for e in events}
    room = max(MAX_FACTS - len(kept), 0)
    ranked = sorted(range(len(rest)), key=lambda i: (kind.get(rest[i].event) not in PREFERRED_KINDS, i))
    chosen = {id(rest[i]) for i in ranked[:room]}
    facts = kept + [f for f in rest if id(f) in chosen]
    facts.sort(key=lambda f: order.get(f.event, len(order)))
    # build_facts summarises a long middle in one line: then more than the difference was left out.
    return facts, len(rest) - len(chosen), bool(summarised) or len(rest) >= DRAFT_MAX_FACTS


def _mask_name(name: str) -> str:
    """王小明 -> 王某, as Chinese documents write a person whose name is withheld."""
    return f"{name[0]}某" if name else ""


def _mask_value(value: str, redactor: Redactor) -> str:
    if not value:
        return ""
    masked = redactor(value)
    return masked if masked != value else "（已隐去）"


def build_joint(buyers: list[Buyer], channel: str, *, today: date, redact: bool = True) -> dict[str, Any]:
    from ..draft.context import PROBLEM_PHRASES, cn_date, cn_time, first_line
    from ..draft.redact import Redactor
    from ..i18n import join, t
    from ..legal.law import quote
    from ..model.slugs import EXHIBIT_KINDS, PROBLEM_TYPES, label
    from ..parsing.amounts import format_yuan

    if channel not in JOINT_CHANNELS:
        raise UserInputError("process.joint.bad_channel", value=channel,
                             known=join(t(f"process.channel.{c}") for c in JOINT_CHANNELS))
    rep_case = buyers[0].case
    keep = [b.case.order.number for b in buyers] + [rep_case.merchant.uscc, rep_case.platform.uscc]
    for b in buyers:
        keep += [str(e.data.get("trade_no", "")) for e in b.events] + [e.order_no or "" for e in b.events]
    keeps_rep = channel in ("12315", "court")
    rep = rep_case.complainant
    if keeps_rep:
        keep += [rep.name, rep.phone, rep.address, rep.id_number, rep_case.merchant.address]
    redactor = Redactor(enabled=True, keep=tuple(k for k in keep if k))
    if not redact:
        redactor = Redactor(enabled=False)
    victims, sections = [], []
    total_paid, total_due = Decimal("0.00"), Decimal("0.00")
    unknown_amounts = []
    for index, buyer in enumerate(buyers, start=1):
        c, claims = buyer.case.complainant, buyer.claims
        is_rep = buyer.representative
        if is_rep or not redact:
            name = c.name if (keeps_rep or not redact) else _mask_name(c.name)
            phone = c.phone if (keeps_rep or not redact) else _mask_value(c.phone, redactor)
            address = c.address if (keeps_rep or not redact) else _mask_value(c.address, redactor)
        else:
            name = c.name if KEEP_OTHER_NAMES[channel] else _mask_name(c.name)
            phone = _mask_value(c.phone, Redactor(enabled=True))
            address = _mask_value(c.address, Redactor(enabled=True))
        if claims.price is not None:
            total_paid += claims.price
        else:
            unknown_amounts.append(buyer.folder.name)
        if claims.refund_due is not None:
            total_due += claims.refund_due
        exhibits = list(buyer.store.exhibits().values())
        numbers = {x.id: f"{buyer.prefix}证{n}" for n, x in enumerate(exhibits, start=1)}
        facts, left_out, more = select_facts(buyer.events, buyer.case, numbers, redactor)
        victims.append({
            "number": index, "name": name or "（未填写）", "phone": phone or "—", "address": address or "—",
            "representative": is_rep, "order": buyer.case.order.number or "—",
            "paid_at": cn_time(buyer.case.order.paid_at) or "—",
            "price": format_yuan(claims.price) if claims.price is not None else "不详",
            "refunded": format_yuan(claims.refunded) if claims.refunded else "—",
            "due": format_yuan(claims.refund_due) if claims.refund_due is not None else "不详",
            "exhibits": len(exhibits),
        })
        sections.append({
            "number": index, "name": name or f"第{index}名{ROLE[channel]}", "prefix": buyer.prefix,
            "first_line": redactor(first_line(buyer.case, claims)),
            "problem": PROBLEM_PHRASES.get(buyer.case.problem, "").format(goods=buyer.case.order.goods or "所购商品"),
            "facts": [f.sentence for f in facts],
            "left_out": left_out,
            "left_out_more": more and left_out > 0,
            "evidence": [{"label": numbers[x.id], "name": redactor(x.name), "kind": label(EXHIBIT_KINDS, x.kind, "zh"),
                          "sha": x.sha256[:12], "captured": cn_time(x.captured_at) if x.captured_at else "不详"}
                         for x in exhibits],
        })
    basis = None
    spec = BASIS.get(channel)
    if spec is not None:
        q = quote(spec[0], spec[1], "joint")
        basis = {"citation": q.citation, "lines": q.text.split("\n")}
    m, p = rep_case.merchant, rep_case.platform
    groups = _problem_groups(buyers)
    verb = "报案" if channel == "police" else "投诉" if channel == "12315" else "起诉"
    # 同类问题 only when it is one: buyers with problems of different types share the merchant, not
    # the problem (办法 第十二条: 基于同一消费者权益争议), and the headline names the types.
    matter = "同类问题" if len(groups) == 1 else \
        "消费纠纷（问题类型不同：" + "、".join(label(PROBLEM_TYPES, problem, "zh") for problem in groups) + "）"
    return {
        "title": TITLES[channel],
        "channel": channel,
        "role": ROLE[channel],
        "date": cn_date(today),
        "count": len(buyers),
        "first_line": f"{len(buyers)}名消费者就同一经营者{m.name or m.shop}的{matter}共同{verb}，"
                      f"涉及金额合计{format_yuan(total_paid)}",
        "mixed_problems": [{"problem": label(PROBLEM_TYPES, problem, "zh"),
                            "numbers": [i for i, b in enumerate(buyers, start=1) if b.case.problem == problem]}
                           for problem in groups] if len(groups) > 1 else [],
        "warnings": joint_warnings(buyers),
        "merchant": {"name": m.name, "shop": m.shop, "uscc": m.uscc, "contact": redactor(m.contact),
                     "address": redactor(m.address) if channel != "12315" else m.address},
        "platform": {"name": p.name, "company": p.company},
        "victims": victims,
        "total_paid": format_yuan(total_paid),
        "total_due": format_yuan(total_due),
        "unknown_amounts": unknown_amounts,
        "sections": sections,
        "basis": basis,
        "redacted": redact,
    }


def render_joint(values: dict[str, Any], case_root: Path | None) -> str:
    from ..draft.markdown import render

    return render(TEMPLATE, values, case_root)
