"""Everything a channel template prints, prepared here: templates only lay it out (DESIGN.md).

The context is built from case.toml, the timeline, the exhibits, the check report, the law data and
the calendar. Every string that can hold personal data passes through the channel's Redactor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..legal import citations
from ..legal.claims import Claims, compute
from ..legal.parties import Party, defendants, platform_involved, platform_sells, respondent
from ..legal.transactions import transactions
from ..model.slugs import CLAIMS, EVENT_KINDS, EXHIBIT_KINDS, PROBLEM_TYPES, label
from ..parsing.amounts import format_yuan
from ..parsing.times import to_cst
from ..signals.overlap import copies, exhibit_order, message_ref
from .channels import ChannelSpec
from .redact import Redactor
from .tone import ToneWarning, lint

if TYPE_CHECKING:
    from ..case.store import CaseStore
    from ..legal.calendar import Calendar
    from ..legal.law import Quote
    from ..model.case import Case
    from ..model.finding import CheckReport
    from ..model.records import Event, Exhibit
    from ..process.limitation import Limitation

# What the problem looks like in the first line: 订单号 + 问题类型 + 诉求.
PROBLEM_PHRASES = {
    "not-delivered": "购买{goods}未到账",
    "card-invalid": "购买{goods}卡密无效",
    "not-as-described": "购买{goods}与商品描述不符",
    "delayed": "购买{goods}延迟到账",
    "merchant-vanished": "购买{goods}后商家失联",
    "after-sales-refused": "购买{goods}出现问题，售后拒绝退款",
    "account-stolen": "账号被他人登录盗刷",
    "privacy-leak": "个人信息被泄露",
    "illegal-goods": "平台售卖来路不明的卡密",
}

PROVES = {
    "payment": "付款事实、金额、时间与收款方",
    "order": "订单内容、订单号与订单状态",
    "product": "商品页承诺的面值、到账方式与时限",
    "delivery-failure": "卡密无效或未到账",
    "received": "实际收到的内容",
    "chat": "与对方的沟通经过及对方的答复",
    "agreement": "平台规则或服务协议的条款",
    "bank": "银行扣款记录",
    "merchant-info": "商家主体信息",
    "complaint": "此前投诉的记录与答复",
    "other": "补充材料",
}

_FORMAT_CLAUSE = re.compile(r"概不退换|售出不退|一经售出|不退不换|不予退款|虚拟商品不退|最终解释权|单方解释权")
_FINAL_INTERPRETATION = re.compile(r"最终解释权|单方解释权")
_QUOTED_KINDS = ("promise", "deflection", "refused", "admission", "reply")
_SKIPPED_KINDS = ("message", "captured")
MAX_FACTS = 40
AMOUNT_MISMATCH = "ocr-amount-mismatch"  # ocr/crosscheck.py's note code (not imported: it loads the OCR readers)


@dataclass(frozen=True)
class Voice:
    """How the facts name the parties: 我/对方 in a letter, 原告/被告 in a court filing."""

    me: str = "我"
    other: str = "对方"
    merchant: str = "商家"
    platform: str = "平台"
    own_word: str = "本人陈述"  # a fact with no exhibit

    def who(self, actor: str) -> str:
        return {"merchant": self.merchant, "platform": self.platform, "counterparty": self.other, "me": self.me,
                "system": "系统"}.get(actor, self.other)

    def said(self, text: str) -> str:
        """An event's own summary ("我向商家发出书面催告") in this voice."""
        if self.me != "我" and text and text.startswith("我"):
            return self.me + text[1:]
        return text


LETTER_VOICE = Voice()


def voice_for(spec: ChannelSpec, sells: bool) -> Voice:
    """原告/被告 in a court filing (the merchant, or the platform when it is the seller, is the defendant)."""
    if spec.slug == "court":
        return Voice(me="原告", other="被告", merchant="被告", platform="被告" if sells else "平台", own_word="原告陈述")
    return LETTER_VOICE


@dataclass
class Fact:
    time: str
    text: str
    exhibits: list[str]  # 证据1, 证据3
    event: str
    own_word: str = "本人陈述"
    at: datetime | None = None  # when it happened, for the order of the facts
    date_only: bool = False  # only the day is known (a bank row): `time` is a date, no clock time
    read_by_ocr: bool = False  # the sentence is a screenshot's OCR status: the user's own entry says more

    @property
    def sentence(self) -> str:
        cite = f"（{'、'.join(self.exhibits)}）" if self.exhibits else f"（{self.own_word}）"
        return f"{self.time}，{self.text}{cite}。" if self.time else f"{self.text}{cite}。"


@dataclass
class EvidenceItem:
    number: int
    label: str  # 证据1
    exhibit: Exhibit
    name: str
    kind: str
    proves: str
    sha: str
    captured: str


@dataclass
class DeadlineInfo:
    name: str  # what the date is
    due: date
    text: str  # one sentence for the letter
    explain: str  # how it was computed
    basis: str  # citation
    data: dict[str, Any] = field(default_factory=dict)
    explains: dict[str, str] = field(default_factory=dict)  # `explain` in each language (--explain-dates)
    reference_only: bool = False  # the law sets no such deadline; kameng suggests one by analogy

    def explain_in(self, lang: str) -> str:
        return self.explains.get(lang) or self.explain


@dataclass
class DraftContext:
    spec: ChannelSpec
    values: dict[str, Any]
    missing: list[str]
    tone: list[ToneWarning]
    blockers: list[Any]
    deadlines: list[DeadlineInfo]
    evidence: list[EvidenceItem]
    claims: Claims
    quotes: list[Quote]
    redactor: Redactor
    length_warnings: list[tuple[str, int, int]]
    left_out: list[Exhibit] = field(default_factory=list)  # files that showed nothing, with no note


def cn_date(value: date | datetime) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def cn_deadline(value: datetime) -> str:
    """A deadline as the law counts it: a period ending at midnight ends at 24:00 of its last day
    (民法典 第二百零三条), so 2024-10-09 00:00 reads 2024年10月8日24:00."""
    local = to_cst(value)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return f"{cn_date(local - timedelta(days=1))}24:00"
    return cn_time(local)


def cn_time(value: datetime | None) -> str:
    if value is None:
        return ""
    local = to_cst(value)
    return f"{cn_date(local)}{local.strftime('%H:%M')}"


def _goods(case: Case) -> str:
    return case.order.goods or "所购商品"


def first_line(case: Case, claims: Claims) -> str:
    """订单号 + 问题类型 + 诉求, e.g. 订单XC20240501095512，购买云游一卡通100元未到账，要求全额退款¥100.00."""
    parts = []
    if case.order.number:
        parts.append(f"订单{case.order.number}")
    parts.append(PROBLEM_PHRASES.get(case.problem, "{goods}").format(goods=_goods(case)))
    parts.append("要求" + demand_phrase(claims))
    return "，".join(parts)


def _refunded_in_full(claims: Claims) -> bool:
    return claims.refunded_in_full


def demand_phrase(claims: Claims) -> str:
    money = ""
    if claims.refund_asked:  # nothing left to give back: never 退还剩余款项¥0.00
        if claims.refund_due is None:
            money = "退款"
        elif claims.refunded > 0:
            money = f"退还剩余款项{format_yuan(claims.refund_due)}"
        else:
            money = f"全额退款{format_yuan(claims.refund_due)}"
    text = ""
    if claims.redeliver and money:
        text = f"补发或{money}"
    elif claims.redeliver:
        text = "补发"
    else:
        text = money
    if claims.compensation.offered and claims.compensation.amount is not None:
        text += ("并" if text else "") + f"赔偿{format_yuan(claims.compensation.amount)}"
    elif claims.damages:
        text += ("并" if text else "") + "赔偿损失"
    if claims.interest and text and not claims.refunded_in_full:
        text += "及利息"
    return text or "处理"  # no concrete demand left: `kameng check` says so (12315 and court not ready)


def demand_items(case: Case, claims: Claims, spec: ChannelSpec, voice: Voice = LETTER_VOICE) -> list[str]:
    """The numbered demands (诉讼请求 / 处理请求)."""
    items = []
    goods = _goods(case)
    if claims.redeliver:
        items.append(f"按订单约定向{voice.me}交付{goods}" + ("；如无法交付，" if claims.refund_asked else "") )
    if claims.refund_asked:  # money that came back is not asked for again
        if claims.refund_due is None:
            items.append(f"退还{voice.me}支付的全部货款")
        elif claims.refunded > 0:
            items.append(f"退还剩余货款{format_yuan(claims.refund_due)}（实付{format_yuan(claims.paid)}，"
                         f"已退{format_yuan(claims.refunded)}）")
        else:
            items.append(f"退还货款{format_yuan(claims.refund_due)}")
    if claims.redeliver and claims.refund_asked and len(items) >= 2:
        items[0:2] = [items[0] + items[1]]
    comp = claims.compensation
    if comp.offered and comp.amount is not None:
        reasons = "；".join(g.reason for g in comp.grounds)
        items.append(f"依照《消费者权益保护法》第五十五条第一款增加赔偿{format_yuan(comp.amount)}"
                     f"（价款{format_yuan(claims.price)}的三倍，不足五百元按五百元；理由：{reasons}）")
    elif claims.damages:  # no fraud shown: the loss the breach caused, which the user must prove [MFD-577]
        items.append(f"依照《中华人民共和国民法典》第五百七十七条赔偿因对方违约给{voice.me}造成的损失")
    if claims.interest and items and not claims.refunded_in_full:  # on the money paid, not the increase
        base = claims.interest_base
        money = f"货款{format_yuan(base)}" if base is not None and base > 0 else f"{voice.me}支付的货款"
        items.append(f"以{money}为基数，支付自付款之日起至实际支付之日止的资金占用利息")
    if spec.slug == "court":
        items.append("本案诉讼费用由被告承担")
    return items


def _evidence(exhibits: list[Exhibit], events: list[Event]) -> list[EvidenceItem]:
    by_exhibit: dict[str, list[str]] = {}
    for event in events:
        if event.exhibit and event.kind not in _SKIPPED_KINDS:
            names = by_exhibit.setdefault(event.exhibit, [])
            kind = label(EVENT_KINDS, event.kind, "zh")
            if kind not in names:
                names.append(kind)
    items = []
    for number, exhibit in enumerate(exhibits, start=1):
        proves = PROVES.get(exhibit.kind, "补充材料")
        if exhibit.note and exhibit.kind == "other":
            proves = exhibit.note
        if by_exhibit.get(exhibit.id):
            proves += f"（含：{'、'.join(by_exhibit[exhibit.id][:5])}）"
        captured = cn_time(exhibit.captured_at) if exhibit.captured_at else "不详"
        items.append(EvidenceItem(number, f"证据{number}", exhibit, exhibit.name, label(EXHIBIT_KINDS, exhibit.kind, "zh"),
                                  proves, exhibit.sha256[:12], captured))
    return items


def _quoted(event: Event) -> str:
    text = str(event.data.get("text") or event.data.get("phrase") or event.summary or "").strip()
    return text.replace("\n", " ")


# What a screen showing a status is, by the exhibit's kind: a redeem error is not an order page.
_SHOWN_ON = {"order": "订单页面", "product": "商品页面", "received": "到账记录", "merchant-info": "商家信息页面",
             "agreement": "平台规则页面", "complaint": "投诉记录", "payment": "支付页面", "bank": "银行流水"}


def shown_on(exhibit: Exhibit | None) -> str:
    """How a fact names the exhibit a status was read from (订单页面, 截图 …)."""
    if exhibit is None:
        return "页面"
    if exhibit.kind in _SHOWN_ON:
        return _SHOWN_ON[exhibit.kind]
    return "截图" if exhibit.media_type.startswith("image/") else "证据材料"


def _order_number(event: Event, case: Case, trade_no: str) -> str:
    """The order number a payment fact names, cited to its exhibit: only one the record itself shows
    (a bank row matched by amount and day shows none), and never its trade number printed twice."""
    return event.order_no if event.order_no and event.order_no != trade_no else ""


def fact_text(event: Event, case: Case, voice: Voice = LETTER_VOICE, exhibit: Exhibit | None = None) -> str | None:
    """One sentence about one event, or None for events that are not facts of the letter."""
    kind, data = event.kind, event.data
    who = voice.who(event.actor)
    me = voice.me
    amount = format_yuan(event.amount) if event.amount is not None else ""
    if kind in _SKIPPED_KINDS:
        return None
    if kind == "paid":
        via = data.get("method") or case.order.payment_channel
        to = data.get("counterparty")
        text = me + (f"通过{via}" if via else "") + (f"向{to}" if to else "") + f"支付{amount or '货款'}"
        trade_no = str(data.get("trade_no") or "")
        order_no = _order_number(event, case, trade_no)
        if order_no:
            text += f"，订单号{order_no}"
        if trade_no:
            text += f"，交易号{trade_no}"
        return text
    if kind == "refunded" and data.get("category") == "confirmed":  # the user's own word in a chat (signals/extract.py)
        return f"{me}在聊天中确认已收到退款{amount or ''}：“{_quoted(event)}”"
    if kind == "refunded":
        return f"{me}收到退款{amount}" if amount else f"{me}收到退款"
    if kind == "ordered":
        return f"{me}下单购买{_goods(case)}" + (f"（订单号{event.order_no}）" if event.order_no else "")
    if kind == "delivered" and data.get("category") == "confirmed":  # the user's own word in a chat (signals/extract.py)
        return f"{me}在聊天中确认已收到：“{_quoted(event)}”"
    if kind in ("delivery-failed", "delivered"):
        status = data.get("status")
        return f"{shown_on(exhibit)}显示“{status}”" if status else voice.said(event.summary)
    if kind == "card-invalid":
        return f"卡密验证结果：{event.summary}"
    if kind == "promise":
        return f"{who}承诺：“{_quoted(event)}”"
    if kind == "deflection":
        return f"{who}称：“{_quoted(event)}”"
    if kind == "refused":
        return f"{who}拒绝处理，称：“{_quoted(event)}”"
    if kind == "admission":
        return f"{who}承认：“{_quoted(event)}”"
    if kind == "reply":
        if data.get("outcome") and not data.get("text"):
            # A recorded answer without its words: its summary already names the channel and outcome.
            return voice.said(event.summary) or f"{data.get('channel_label', who)}答复"
        if data.get("channel_label"):
            return f"{data['channel_label']}答复：“{_quoted(event)}”"
        return f"{who}答复：“{_quoted(event)}”"
    if kind == "promise-broken":
        due = data.get("due")
        when = cn_deadline(datetime.fromisoformat(due)) if due else ""
        phrase = str(data.get("phrase") or "").strip()
        promised = f"“{phrase}”" if phrase else ""
        return f"{voice.other}承诺{promised}的期限{('（' + when + '）') if when else ''}已过，仍未履行"
    if kind == "silence":
        hours = _hours(data.get("hours"))
        return f"{voice.other}此后{('超过' + hours + '小时') if hours else '长时间'}未回复"
    if kind == "demand":
        claim = data.get("claim")
        value = data.get("amount")
        if claim not in CLAIMS:
            quoted = _quoted(event)
            return f"{me}提出要求：“{quoted}”" if quoted else f"{me}提出了要求"
        return f"{me}要求{label(CLAIMS, str(claim), 'zh')}" + (f"{format_yuan(Decimal(str(value)))}" if value else "")
    if kind == "contacted":
        return f"{me}联系客服：{event.summary}" if event.summary else f"{me}联系客服"
    return voice.said(event.summary) or label(EVENT_KINDS, kind, "zh")


def _hours(value: Any) -> str:
    try:
        return str(int(float(value)))
    except (TypeError, ValueError):
        return ""


_QUOTE = re.compile(r"“([^”]+)”")


def _shown(event: Event) -> str:
    """What a screen of the problem showed (“该卡密已被使用”): the status an OCR reading or the user's
    own entry gives, so two events about the same screen are said once."""
    if event.kind not in ("delivery-failed", "delivered", "card-invalid") or message_ref(event) is not None:
        return ""
    status = str(event.data.get("status") or "").strip()
    if status:
        return status
    found = _QUOTE.search(event.summary or "")
    return found.group(1).strip() if found else ""


def build_facts(events: list[Event], case: Case, numbers: dict[str, str], redactor: Redactor,
                voice: Voice = LETTER_VOICE, exhibits: dict[str, Exhibit] | None = None) -> list[Fact]:
    facts: list[Fact] = []
    exhibits = exhibits or {}
    retimed = False
    known: dict[tuple[Any, ...], Fact] = {}
    repeated = copies(events)  # the same message in two exhibits: one fact citing both
    # The same payment in a bill export, a bank statement and a screenshot: one fact citing all three.
    transaction_of = {member.id: group[0].id for kind in ("paid", "refunded")
                      for group in transactions(events, kind) for member in group}
    # A screenshot whose amount a bill export contradicts (ocr-amount-mismatch: edited, or another
    # order) is never stated as a payment: `check` flags it, the letter does not repeat it.
    disputed = {e.data.get("screenshot_event") for e in events if e.kind == "note" and e.data.get("code") == AMOUNT_MISMATCH}
    for event in events:
        if event.id in disputed:
            continue
        text = fact_text(event, case, voice, exhibits.get(event.exhibit or ""))
        if not text:
            continue
        cites = [numbers[event.exhibit]] if event.exhibit in numbers else []
        # One message can yield several events (a promise that also stalls, a deflection that also
        # asks to wait): quote it once, as the first of them (the promise when there is one).
        ref = message_ref(event) if event.kind in _QUOTED_KINDS else None
        keys: list[tuple[Any, ...]] = [(event.time, text)]
        if ref is not None:
            keys.append(("message", *repeated.get(ref, ref)))
        if event.id in transaction_of:
            keys.append(("transaction", transaction_of[event.id]))
        # One screen read twice (the user's entry and the OCR of the same screenshot): said once.
        shown = _shown(event)
        if shown and event.exhibit:
            keys.append(("shown", event.exhibit, shown))
        fact = next((known[key] for key in keys if key in known), None)
        if fact is not None:
            fact.exhibits = sorted({*fact.exhibits, *cites}, key=exhibit_order)
            if event.id in transaction_of and len(text) > len(fact.text):
                fact.text = redactor(text)  # the bill export's row says more than the screenshot
            if shown and fact.read_by_ocr and not event.data.get("ocr"):
                fact.text, fact.read_by_ocr = redactor(text), False  # 兑换提示“…” says what the screen is
            if fact.date_only and event.time is not None and not _date_only(event):
                # A bank row gives the day only; another copy of the payment gives its minute.
                fact.time, fact.at, fact.date_only = event_time(event), event.time, False
                retimed = True
            known.update(dict.fromkeys(keys, fact))
            continue
        fact = Fact(event_time(event), redactor(text), cites, event.id, voice.own_word, event.time, _date_only(event),
                    bool(shown and event.data.get("ocr")))
        facts.append(fact)
        known.update(dict.fromkeys(keys, fact))
    if retimed:
        facts = _in_time_order(facts)
    if len(facts) > MAX_FACTS:
        # A long dispute: the start (order, payment, promises) and the end (the latest refusal or
        # silence) matter most; the middle is summarised, never dropped without a word.
        head, tail = facts[:MAX_FACTS // 2], facts[len(facts) - (MAX_FACTS - MAX_FACTS // 2 - 1):]
        skipped = facts[len(head):len(facts) - len(tail)]
        cites = sorted({x for f in skipped for x in f.exhibits}, key=exhibit_order)
        middle = Fact(f"{skipped[0].time}至{skipped[-1].time}", f"另有{len(skipped)}项往来，从略", cites, "", voice.own_word)
        facts = [*head, middle, *tail]
    return facts


def _date_only(event: Event) -> bool:
    return event.time is not None and "date-only" in event.time_flags


def event_time(event: Event) -> str:
    """A fact's time as the evidence gives it: a date alone when the record has no clock time (a bank
    statement row), never a made-up 00:00."""
    if event.time is None:
        return "（时间不详）"
    when = cn_date(to_cst(event.time)) if _date_only(event) else cn_time(event.time)
    if "estimated" in event.time_flags:
        when += "（时间为估计）"
    return when


def _in_time_order(facts: list[Fact]) -> list[Fact]:
    """The facts in time order once a date-only payment has taken its minute from another copy; a fact
    without a time keeps its place after the fact before it."""
    keys: list[datetime | None] = []
    last: datetime | None = None
    for fact in facts:
        last = fact.at if fact.at is not None else last
        keys.append(last)
    if any(key is None for key in keys):
        return facts
    order = sorted(range(len(facts)), key=lambda i: (to_cst(keys[i]), i))  # type: ignore[arg-type]
    return [facts[i] for i in order]


def _texts(case: Case, exhibits: list[Exhibit], events: list[Event]) -> list[tuple[str, str]]:
    """The user's own words and what was captured, for tone lint and clause detection."""
    found = [("case.statement", case.statement)]
    found += [(f"{e.id} note", e.note) for e in exhibits if e.note]
    found += [(f"{e.id}", e.summary) for e in events if e.manual and e.summary]
    return [(where, text) for where, text in found if text]


def signals_of(case: Case, exhibits: list[Exhibit], events: list[Event], claims: Claims) -> tuple[citations.Signals, list[str]]:
    captured = " ".join([text for _w, text in _texts(case, exhibits, events)]
                        + [str(e.data.get("text", "")) for e in events if e.kind in ("message", *_QUOTED_KINDS)])
    # Who sold: the same decision as `kameng check`'s first target (legal.parties).
    signals = citations.Signals(
        platform_involved=platform_involved(case),
        format_clause=bool(_FORMAT_CLAUSE.search(captured)),
        fraud_supported=claims.compensation.offered,
        platform_sells=platform_sells(case),
    )
    violations = []
    if _FINAL_INTERPRETATION.search(captured):
        violations.append("final-interpretation-clause")
    delivered = any(e.kind == "delivered" for e in events)
    if case.problem in ("not-delivered", "merchant-vanished") and not delivered and claims.price is not None:
        violations.append("took-money-not-delivered")
    if case.problem == "not-as-described":
        violations.append("false-advertising")
    if any(g.code == "card-resold" for g in claims.compensation.grounds):
        violations.append("sold-used-codes")
    if re.search(r"未公示|没有营业执照|未亮照|无营业执照", case.statement or ""):
        violations.append("no-licence-shown")
    return signals, violations


def missing_facts(spec: ChannelSpec, case: Case, exhibits: list[Exhibit], events: list[Event], claims: Claims) -> list[str]:
    named = respondent(case)
    have = {
        "order-number": bool(case.order.number),
        "goods": bool(case.order.goods),
        "price": claims.price is not None,
        "paid-at": case.order.paid_at is not None or any(e.kind == "paid" and e.time for e in events),
        # No separate merchant to name when the platform itself is the seller.
        "merchant-name": bool(case.merchant.name or case.merchant.shop) or platform_sells(case),
        "merchant-contact": bool(case.merchant.contact or case.merchant.shop
                                 or any(e.kind == "paid" and e.data.get("counterparty") for e in events)),
        "platform-name": bool(case.platform.name or case.platform.company),
        "respondent-name": bool(named.name),
        "respondent-address": bool(named.address),
        "complainant-name": bool(case.complainant.name),
        "complainant-phone": bool(case.complainant.phone),
        "complainant-address": bool(case.complainant.address),
        "complainant-id": bool(case.complainant.id_number),
        "payment-proof": any(e.kind == "paid" and e.exhibit for e in events)
        or any(x.kind in ("payment", "bank") for x in exhibits),
        "exhibits": bool(exhibits),
    }
    return [slug for slug in spec.required_facts if not have.get(slug, True)]


def deadlines(spec: ChannelSpec, case: Case, today: date, limitation: Limitation | None = None,
              numbers: dict[str, str] | None = None, events: list[Event] | None = None) -> list[DeadlineInfo]:
    from ..legal.calendar import default_calendar
    from ..legal.law import quote

    calendar = default_calendar()
    found: list[DeadlineInfo] = []
    rule = spec.deadline
    if rule is not None:
        result = (calendar.add_working_days(today, rule.count) if rule.unit == "working"
                  else calendar.add_days(today, rule.count))
        basis = quote(rule.article, None, "deadline").citation
        unit = "个工作日" if rule.unit == "working" else "日"
        texts = {
            "platform": f"请于{cn_date(result.due)}前（自本投诉提交次日起{rule.count}{unit}）书面答复处理结果。",
            "merchant": f"请于{cn_date(result.due)}前（自本函发出次日起{rule.count}{unit}）履行上述要求或书面答复。",
            "12315": f"市场监督管理部门应当自收到投诉之日起{rule.count}个工作日内作出受理或者不予受理的决定"
                     f"（按今日提交计算，至{cn_date(result.due)}）。",
            "court": f"人民法院应当在{rule.count}日内决定是否立案（按今日提交计算，至{cn_date(result.due)}）。",
        }
        reference = "（法律未规定答复期限，参照" + basis + "“超过十五日”的标准）" if rule.reference_only else f"（{basis}）"
        found.append(DeadlineInfo("answer", result.due, texts.get(spec.slug, "") + reference,
                                  result.explain("zh"), basis, result.to_json(), _explains(result.explain),
                                  rule.reference_only))
        if spec.slug == "12315":
            mediation = calendar.add_days(result.due, 60)
            found.append(DeadlineInfo(
                "mediation", mediation.due,
                f"受理后调解期限为自受理之日起六十日；若于{cn_date(result.due)}受理，至{cn_date(mediation.due)}"
                f"（{quote('TSJB-23', None, 'deadline').citation}）。",
                mediation.explain("zh"), quote("TSJB-23", None, "deadline").citation, mediation.to_json(),
                _explains(mediation.explain)))
    if limitation is not None and limitation.due is not None:
        found.append(limitation_deadline(limitation, calendar, numbers or {}, events or []))
    return found


def _explains(explain: Any) -> dict[str, str]:
    """An explanation in every language kameng speaks (the letter is Chinese; stderr follows --lang)."""
    from ..i18n import LANGS

    return {lang: explain(lang) for lang in LANGS}


# How the letter names what restarted the limitation period (a submission by its channel): message
# keys draft.dates.what.<key> (the letter takes the Chinese text, --explain-dates the user's language).
_RESTARTED_BY = {"merchant": "merchant", "court": "court", "police": "police"}
_KNEW_FROM = {"problem": "problem", "paid": "paid"}


def limitation(store: CaseStore, calendar: Calendar | None = None) -> Limitation:
    """The 3-year limitation period exactly as `kameng status` computes it (process.limitation): from
    when the user knew of the harm, restarted by the latest demand, letter, report or filing."""
    from ..legal.calendar import default_calendar
    from ..process.limitation import compute_limitation
    from ..process.log import read_log

    return compute_limitation(store.case, store.events(), store.exhibits(), read_log(store),
                              calendar or default_calendar())


def limitation_deadline(found: Limitation, calendar: Calendar, numbers: dict[str, str],
                        events: list[Event]) -> DeadlineInfo:
    """The limitation line of a letter: its last day and what started (or restarted) the period."""
    from ..i18n import join, t
    from ..legal.calendar import explain_days
    from ..legal.law import quote
    from ..process.limitation import three_year_deadline

    assert found.start is not None and found.due is not None
    line = three_year_deadline(found.start, calendar)
    start = to_cst(found.start).date()
    articles = ["MFD-188"]
    cause = found.interrupted_by
    if cause is not None:
        if cause.what == "demand":
            event = next((e for e in events if e.id == cause.ref), None)
            cite = numbers.get(event.exhibit or "", "") if event is not None else ""
            what = "demand"
        else:
            cite = ""
            what = _RESTARTED_BY.get(cause.channel, "other")
        articles += ["MFD-195", cause.article]
        text = (f"诉讼时效三年；我于{cn_date(start)}{t(f'draft.dates.what.{what}', 'zh')}{f'（{cite}）' if cite else ''}，"
                f"诉讼时效中断并自该日重新计算，至{cn_date(found.due)}届满。")
        refs = [x for x in (cause.ref, cite) if x]
    else:
        knew = _KNEW_FROM.get(found.knew_source, "paid")
        text = (f"诉讼时效三年，自知道权利受损之日起算；以{t(f'draft.dates.knew.{knew}', 'zh')}{cn_date(start)}计，"
                f"至{cn_date(found.due)}届满（可因主张权利而中断）。")
    articles.append("MFD-202")
    if line.skipped:
        articles.append("MFD-203")

    def explain(lang: str) -> str:
        if cause is not None:
            since = t("draft.dates.limitation.restarted", lang, day=start.isoformat(),
                      what=t(f"draft.dates.what.{what}", lang),
                      refs=t("draft.dates.refs_sep", lang).join(refs))
        else:
            since = t("draft.dates.limitation.knew", lang, day=start.isoformat(), knew=t(f"draft.dates.knew.{knew}", lang))
        parts = [t("calendar.explain.period", lang, start=start.isoformat(), count=3,
                   unit=t("calendar.explain.unit.years", lang), due=found.due.isoformat()),
                 t("draft.dates.limitation.start", lang, since=since)]
        parts += explain_days(line.skipped, [], lang, unnamed_holiday="calendar.explain.statutory_rest_day")
        if found.estimated:
            parts.append(t("draft.dates.limitation.estimated", lang))
        for other in found.possible:
            parts.append(t("draft.dates.limitation.possible", lang, day=to_cst(other.time).date().isoformat(),
                           channel=t(f"process.channel.{other.channel}", lang), ref=other.ref,
                           citation=quote(other.article, None, "limitation").citation))
        return join(parts, lang, clauses=True)

    explains = _explains(explain)
    by_law: dict[str, list[str]] = {}
    for article_id in dict.fromkeys(a for a in articles if a):
        article = quote(article_id, None, "limitation").article
        by_law.setdefault(article.short_law, []).append(article.article)
    basis = "；".join(f"《{law}》" + "、".join(numbers_) for law, numbers_ in by_law.items())
    data = {**line.to_json(), "knew_source": found.knew_source,
            "interrupted_by": cause.to_json() if cause is not None else None}
    return DeadlineInfo("limitation", found.due, text, explains["zh"], basis, data, explains)


def check_report(store: CaseStore, events: list[Event] | None = None) -> CheckReport | None:
    """The `kameng check` report, or None when the checker is not installed in this build; `events`:
    the timeline when the caller has read it already."""
    try:
        from ..checks import check_store  # type: ignore[attr-defined]
    except ImportError:
        return None
    return check_store(store, events=events)


def build(store: CaseStore, spec: ChannelSpec, *, redact: bool, today: date,
          report: CheckReport | None = None, events: list[Event] | None = None) -> DraftContext:
    case = store.case
    exhibits = list(store.exhibits().values())
    events = store.events() if events is None else events
    claims = compute(case, events)
    signals, violations = signals_of(case, exhibits, events, claims)

    keep: list[str] = [case.order.number]
    keep += [str(e.data.get("trade_no", "")) for e in events] + [str(e.data.get("merchant_order_no", "")) for e in events]
    keep += [e.order_no or "" for e in events]
    keep += [case.platform.uscc, case.merchant.uscc]
    if spec.keeps_complainant:
        c = case.complainant
        keep += [c.name, c.phone, c.address, c.id_number, case.merchant.address, case.platform.address]
    elif spec.slug == "police":
        # The police call the reporter back: the name and phone stay; the ID card is shown in person.
        keep += [case.complainant.name, case.complainant.phone]
    redactor = Redactor(enabled=redact or spec.public, keep=tuple(k for k in keep if k))

    # A file kameng could not read, that proves nothing on the timeline and that the user said nothing
    # about (a README in a folder of screenshots) is left out of the letter rather than listed as
    # 补充材料 — in a public post above all. `kameng add FILE --note …` says what it shows.
    with_events = {e.exhibit for e in events if e.exhibit}
    left_out = [x for x in exhibits if x.kind == "other" and not x.note and x.kind_source != "user"
                and x.id not in with_events and not x.media_type.startswith(("image/", "application/pdf"))]
    evidence = _evidence([x for x in exhibits if x not in left_out], events)
    numbers = {item.exhibit.id: item.label for item in evidence}
    voice = voice_for(spec, signals.platform_sells)
    facts = build_facts(events, case, numbers, redactor, voice, {x.id: x for x in exhibits})
    quotes = citations.select(case.problem, spec.slug, _letter_signals(spec, signals, defendants(case)))
    procedure = citations.procedure(spec.slug)
    report_quotes = citations.report_quotes(violations) if spec.slug == "12315" and violations else []
    missing = missing_facts(spec, case, exhibits, events, claims)
    tone = [w for where, text in _texts(case, exhibits, events) for w in lint(text, where)]
    dates = deadlines(spec, case, today, limitation(store), numbers, events)
    blockers = []
    if report is not None:  # a report exists only when the checker is installed
        from ..checks.readiness import blockers_for

        blockers = blockers_for(report, spec.slug, case)

    named = respondent(case)
    sued = defendants(case)
    counterparties = sorted({str(e.data["counterparty"]) for e in events if e.kind == "paid" and e.data.get("counterparty")})
    trade_nos = sorted({str(e.data["trade_no"]) for e in events if e.kind == "paid" and e.data.get("trade_no")})
    violation_labels = {
        "no-licence-shown": "经营者未在首页显著位置公示营业执照等主体信息",
        "final-interpretation-clause": "格式条款规定经营者享有“最终解释权”",
        "took-money-not-delivered": "收取价款后不按照约定提供商品",
        "false-advertising": "商品信息与实际不符，涉嫌虚假或者引人误解的宣传",
        "sold-used-codes": "出售已被使用的卡密，以不合格商品冒充合格商品、骗取消费者价款",
    }
    values: dict[str, Any] = {
        "title": spec.title,
        "channel": spec.slug,
        "channel_label": spec.label["zh"],
        "public": spec.public,
        "date": cn_date(today),
        "first_line": redactor(police_first_line(case, claims) if spec.slug == "police" else first_line(case, claims)),
        "problem": case.problem,
        "claims_wanted": list(case.claims),
        "fraud": case.fraud,
        "problem_label": label(PROBLEM_TYPES, case.problem, "zh"),
        "problem_phrase": PROBLEM_PHRASES.get(case.problem, "").format(goods=_goods(case)),
        "order": {
            "number": case.order.number,
            "goods": case.order.goods,
            "face_value": format_yuan(case.order.face_value) if case.order.face_value is not None else "",
            "price": format_yuan(claims.price) if claims.price is not None else "",
            "paid_at": cn_time(case.order.paid_at),
            "payment_channel": case.order.payment_channel,
        },
        "merchant": {k: redactor(v) for k, v in case.merchant.model_dump().items()},
        "platform": {k: redactor(v) for k, v in case.platform.model_dump().items()},
        "complainant": {k: redactor(v) for k, v in case.complainant.model_dump().items()},
        # Who the letter names, each with its own identifiers (legal.parties): the merchant, or the
        # platform's operator when the merchant's address is unknown; a court sues both then.
        "respondent": {**_party(named, redactor), "company": case.platform.company},
        "defendants": [_party(party, redactor) for party in sued],
        "platform_involved": signals.platform_involved,
        "platform_sells": signals.platform_sells,
        "facts": [f.sentence for f in facts],
        "own_word": voice.own_word,
        "statement": redactor(case.statement),
        "basis": [{"citation": q.citation, "text": q.text, "lines": q.text.split("\n"), "purpose": q.purpose}
                  for q in quotes],
        "procedure": {purpose: [{"citation": q.citation, "text": q.text, "lines": q.text.split("\n")} for q in items]
                      for purpose, items in procedure.items()},
        "demands": [redactor(item) for item in demand_items(case, claims, spec, voice)],
        "demand_phrase": demand_phrase(claims),
        "amount": format_yuan(claims.total) if claims.total is not None else "",
        "refund_due": format_yuan(claims.refund_due) if claims.refund_due is not None else "",
        "refunded": format_yuan(claims.refunded) if claims.refunded else "",
        "compensation": {
            "offered": claims.compensation.offered,
            "amount": format_yuan(claims.compensation.amount) if claims.compensation.amount is not None else "",
            "grounds": [g.reason for g in claims.compensation.grounds],
        },
        "deadline": next((d.text for d in dates if d.name == "answer"), ""),
        "no_deadline": _no_deadline(spec),
        "dates": [{"name": d.name, "text": d.text} for d in dates],
        "evidence": [{"label": i.label, "name": redactor(i.name), "kind": i.kind, "proves": redactor(i.proves),
                      "sha": i.sha, "captured": i.captured, "id": i.exhibit.id} for i in evidence],
        "missing": [_fact_label(m, spec.slug) for m in missing],
        "report": {
            "violations": [violation_labels[v] for v in violations],
            "basis": [{"citation": q.citation, "text": q.text, "lines": q.text.split("\n")} for q in report_quotes],
        },
        "counterparty": {
            "contact": redactor(case.merchant.contact),
            "shop": case.merchant.shop,
            "site": case.platform.site,
            "payees": [redactor(c) for c in counterparties],
            "trade_nos": trade_nos,
        },
        "loss": format_yuan(claims.refund_due) if claims.refund_due is not None else "",
        "heimao_title": redactor(_heimao_title(case, claims)),
    }
    measured = {
        "first_line": values["first_line"],
        "title": values["heimao_title"],
        "description": "".join(values["facts"]) + values["statement"],
        "请求": "".join(values["demands"]),
        "body": "".join(values["facts"]) + values["statement"] + "".join(values["demands"]),
    }
    limits = [(name, len(measured[name]), limit) for name, limit in spec.length_limits.items()
              if name in measured and len(measured[name]) > limit]
    return DraftContext(spec, values, missing, tone, blockers, dates, evidence, claims, quotes, redactor, limits, left_out)


def police_first_line(case: Case, claims: Claims) -> str:
    """订单号 + 问题类型 + 损失: a report asks the police to investigate, not to collect a refund, a
    compensation or interest (channels.md §7), so it names the money lost (price minus refunds)."""
    parts = []
    if case.order.number:
        parts.append(f"订单{case.order.number}")
    parts.append(PROBLEM_PHRASES.get(case.problem, "{goods}").format(goods=_goods(case)))
    if claims.refund_due is not None and claims.refund_due > 0:
        parts.append(f"被骗{format_yuan(claims.refund_due)}")
    parts.append("特此报案")
    return "，".join(parts)


def _letter_signals(spec: ChannelSpec, signals: citations.Signals, sued: list[Party]) -> citations.Signals:
    """A court judges only the parties sued: the platform's liability for its merchants ([DSF-38],
    [XQF-44]) is argued only when its operator is a defendant."""
    if spec.slug == "court" and signals.platform_involved and not any(p.role == "platform" for p in sued):
        return replace(signals, platform_involved=False)
    return signals


def _party(party: Party, redactor: Redactor) -> dict[str, str]:
    return {"name": party.name, "uscc": party.uscc, "address": redactor(party.address), "role": party.role}


def _no_deadline(spec: ChannelSpec) -> str:
    from ..i18n import t

    return t(spec.no_deadline_reason, lang="zh") if spec.no_deadline_reason else ""


def _fact_label(slug: str, channel: str = "") -> str:
    """A missing fact as the letter names it; a channel may have its own words (court: 被告, not 被投诉人)."""
    from ..i18n import catalog, t

    key = f"fact.{channel}.{slug}"
    return t(key if key in catalog() else f"fact.{slug}", lang="zh")


HEIMAO_TITLE_LIMIT = 30  # the advice of channels.py for 黑猫's title


def _heimao_title(case: Case, claims: Claims) -> str:
    """在<shop>购买<goods>未到账，要求<demand>; when that is over the advised length, the first shorter form
    that fits (without the shop, then without the amounts, then without both)."""
    who = case.merchant.name or case.platform.name or "商家"
    what = PROBLEM_PHRASES.get(case.problem, "").format(goods=_goods(case))
    demand = demand_phrase(claims)
    short_demand = re.sub(r"[¥￥][\d,]+(?:\.\d+)?", "", demand) or demand
    # 黑猫 asks for the merchant in a field of its own: the shop goes before the amounts do.
    forms = [f"在{who}{what}，要求{demand}", f"{what}，要求{demand}", f"在{who}{what}，要求{short_demand}",
             f"{what}，要求{short_demand}"]
    return next((form for form in forms if len(form) <= HEIMAO_TITLE_LIMIT), forms[-1])
