"""One spec per channel: what a letter to it must contain, how it is laid out, how long it may be,
whether it is published, and how its answer deadline is counted (channels.md §0–§7)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class DeadlineRule:
    count: int
    unit: str  # working / calendar
    article: str  # law.json id of the rule (or of the reference it follows)
    reference_only: bool = False  # the law sets no deadline for this addressee; kameng suggests one by analogy


@dataclass(frozen=True)
class ChannelSpec:
    slug: str
    label: dict[str, str]
    summary: dict[str, str]  # one line for `kameng channels`
    title: str  # the document's title (letters are in Chinese)
    public: bool  # the text is published: everything sensitive is masked, always
    keeps_complainant: bool  # the channel needs the complainant's real identity (12315, court)
    required_facts: tuple[str, ...]  # fact slugs (see FACTS) the letter needs
    sections: tuple[str, ...]  # section headings in order (the template prints them)
    deadline: DeadlineRule | None
    no_deadline_reason: str = ""  # catalog key when deadline is None
    # kameng's own advisory limits (characters); no official form limits were verifiable (law.md §12).
    length_limits: dict[str, int] = field(default_factory=dict)
    respondent: str = "merchant"  # merchant / platform / merchant+platform

    @property
    def template(self) -> str:
        return f"{self.slug}.md.j2"

    def to_json(self) -> dict[str, Any]:
        return {
            "channel": self.slug,
            "label": self.label,
            "summary": self.summary,
            "title": self.title,
            "public": self.public,
            "keeps_complainant": self.keeps_complainant,
            "required_facts": list(self.required_facts),
            "sections": list(self.sections),
            "deadline": None if self.deadline is None else {
                "count": self.deadline.count, "unit": self.deadline.unit, "article": self.deadline.article,
                "reference_only": self.deadline.reference_only},
            "length_limits": self.length_limits,
            "template": self.template,
        }


# Fact slugs and where they come from; labels live in messages/draft.py as fact.<slug>.
FACTS = (
    "order-number", "goods", "price", "paid-at", "merchant-name", "merchant-contact", "platform-name",
    "respondent-name", "respondent-address", "complainant-name", "complainant-phone", "complainant-address",
    "complainant-id", "payment-proof", "exhibits",
)

_ORDER_FACTS = ("order-number", "goods", "price", "paid-at", "payment-proof", "exhibits")

CHANNELS: dict[str, ChannelSpec] = {
    spec.slug: spec
    for spec in (
        ChannelSpec(
            "platform", {"zh": "平台投诉", "en": "platform complaint"},
            {"zh": "向卡盟/交易平台投诉平台内商家，要求平台介入处理", "en": "complain to the platform about its merchant"},
            "平台投诉书", public=False, keeps_complainant=False,
            required_facts=(*_ORDER_FACTS, "merchant-name", "platform-name"),
            sections=("诉求", "事实经过", "法律依据", "处理请求", "答复期限", "证据清单"),
            deadline=DeadlineRule(15, "calendar", "QHCF-8", reference_only=True),
            length_limits={"first_line": 120, "body": 3000},
            respondent="merchant+platform",
        ),
        ChannelSpec(
            "merchant", {"zh": "商家催告函", "en": "demand letter to the merchant"},
            {"zh": "向商家发出可留痕的催告函，限期退款/补发", "en": "a dated demand to the merchant, with a deadline"},
            "催告函", public=False, keeps_complainant=False,
            required_facts=(*_ORDER_FACTS, "merchant-name"),
            sections=("诉求", "事实经过", "法律依据", "要求", "答复期限", "证据清单"),
            deadline=DeadlineRule(15, "calendar", "QHCF-8", reference_only=True),
            length_limits={"first_line": 120, "body": 3000},
        ),
        ChannelSpec(
            "12315", {"zh": "12315 投诉（市场监管）", "en": "12315 complaint (market regulator)"},
            {"zh": "全国12315平台投诉：按《办法》第十条三项材料整理，可另附举报", "en": "12315 form fields per 办法 第十条, plus a separate report"},
            "市场监管投诉", public=False, keeps_complainant=True,
            required_facts=(*_ORDER_FACTS, "respondent-name", "respondent-address", "complainant-name",
                            "complainant-phone", "complainant-address"),
            sections=("投诉人信息", "被投诉人信息", "投诉请求", "事实依据", "法律依据", "处理期限", "证据清单", "举报"),
            deadline=DeadlineRule(7, "working", "TSJB-15"),
            length_limits={"first_line": 120, "请求": 500, "body": 3000},
            respondent="merchant",
        ),
        ChannelSpec(
            "consumer-association", {"zh": "消协调解申请", "en": "consumer association mediation"},
            {"zh": "请求消费者协会调解（与12315择一）", "en": "ask the consumer association to mediate (instead of 12315)"},
            "消费纠纷调解申请书", public=False, keeps_complainant=False,
            required_facts=(*_ORDER_FACTS, "respondent-name", "complainant-name"),
            sections=("申请人", "被申请人", "调解请求", "事实经过", "法律依据", "证据清单"),
            deadline=None, no_deadline_reason="deadline.none.consumer_association",
            length_limits={"first_line": 120, "body": 3000},
        ),
        ChannelSpec(
            "heimao", {"zh": "黑猫投诉（公开）", "en": "Heimao complaint (public)"},
            {"zh": "黑猫投诉等公开平台：标题、投诉对象、问题、要求、金额、描述；全部脱敏", "en": "public complaint site; everything masked"},
            "黑猫投诉", public=True, keeps_complainant=False,
            required_facts=("order-number", "goods", "price", "respondent-name", "exhibits"),
            sections=("标题", "投诉对象", "投诉问题", "投诉要求", "涉诉金额", "描述"),
            deadline=None, no_deadline_reason="deadline.none.heimao",
            length_limits={"title": 30, "first_line": 120, "description": 1500},
        ),
        ChannelSpec(
            "court", {"zh": "民事起诉状（小额诉讼）", "en": "civil complaint (small claims)"},
            {"zh": "向法院起诉：原告、被告、诉讼请求、事实与理由、证据清单，附管辖说明", "en": "statement of claim with jurisdiction note"},
            "民事起诉状", public=False, keeps_complainant=True,
            required_facts=(*_ORDER_FACTS, "respondent-name", "respondent-address", "complainant-name",
                            "complainant-phone", "complainant-address", "complainant-id"),
            sections=("原告", "被告", "诉讼请求", "事实与理由", "管辖", "证据清单"),
            deadline=DeadlineRule(7, "calendar", "MSSS-126"),
            length_limits={"first_line": 120},
        ),
        ChannelSpec(
            "police", {"zh": "报案材料（公安）", "en": "police report"},
            {"zh": "有诈骗迹象时向公安机关报案：经过、损失、对方账号与联系方式、证据", "en": "report suspected fraud to the police"},
            "报案材料", public=False, keeps_complainant=False,
            required_facts=("paid-at", "price", "payment-proof", "merchant-contact", "exhibits"),
            sections=("报案人", "经过", "损失", "对方账号与联系方式", "法律依据", "证据"),
            deadline=None, no_deadline_reason="deadline.none.police",
            length_limits={"first_line": 120},
        ),
    )
}


# Other names a user may give a channel (`draft --to`, `submit`, `reply`): the Chinese names kameng
# prints for it (spec labels, `process.channel.*`) and the short forms people use, as `kameng check`
# reads them in submitted events (docs/check.md).
CHANNEL_ALIASES: dict[str, str] = {
    "平台": "platform", "交易平台": "platform", "卡盟": "platform", "平台投诉": "platform",
    "商家": "merchant", "卖家": "merchant", "店铺": "merchant", "催告函": "merchant", "商家催告函": "merchant",
    "市场监管": "12315", "市场监管局": "12315", "市场监督管理局": "12315", "12315投诉": "12315",
    "12315 投诉（市场监管）": "12315",
    "消协": "consumer-association", "消保委": "consumer-association", "消费者协会": "consumer-association",
    "消费者权益保护委员会": "consumer-association", "消协调解": "consumer-association",
    "消协调解申请": "consumer-association", "xiaoxie": "consumer-association", "cca": "consumer-association",
    "黑猫": "heimao", "黑猫投诉": "heimao", "黑猫投诉（公开）": "heimao", "blackcat": "heimao",
    "法院": "court", "人民法院": "court", "起诉": "court", "诉讼": "court", "小额诉讼": "court",
    "民事起诉状": "court", "民事起诉状（小额诉讼）": "court",
    "公安": "police", "公安机关": "police", "派出所": "police", "报警": "police", "报案": "police", "110": "police",
    "报案材料（公安）": "police",
}


def channel_slug(value: str) -> str | None:
    """The channel slug `value` names (a slug in any case, or a Chinese name/alias), else None."""
    raw = value.strip()
    if raw in CHANNELS:
        return raw
    if raw.lower() in CHANNELS:
        return raw.lower()
    return CHANNEL_ALIASES.get(raw) or CHANNEL_ALIASES.get(raw.lower())


def channel(slug: str) -> ChannelSpec:
    from ..errors import UserInputError

    found = channel_slug(slug)
    if found is None:
        raise UserInputError("draft.unknown_channel", value=slug, known=", ".join(CHANNELS))
    return CHANNELS[found]
