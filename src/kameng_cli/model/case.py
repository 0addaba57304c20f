"""The case: the facts the user states, kept in case.toml and validated field by field."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..parsing.amounts import AmountError, parse_amount
from ..parsing.times import AmbiguousDate, TimeParseError, parse_time_ex, to_cst
from .slugs import CLAIMS, PROBLEM_TYPES

CASE_SCHEMA = "kameng.case/1"


def _claim_aliases() -> dict[str, str]:
    """The Chinese names a claim is shown with (`init` prints "refund 退款"), and their parts
    ("补发/重新交付" → 补发, 重新交付), as aliases of the slug."""
    found: dict[str, str] = {}
    for slug, labels in CLAIMS.items():
        names = [labels["zh"], *labels["zh"].split("/"), labels["en"]]
        for name in names:
            found.setdefault(name.strip().lower(), slug)
    return found


_CLAIM_ALIASES = _claim_aliases()


def _problem_aliases() -> dict[str, str]:
    """The Chinese names of the problem types as case.toml's own comment and `init` show them
    ("not-delivered 未到账/未发货"): the whole label and each part between slashes, and the English name."""
    found: dict[str, str] = {}
    for slug, labels in PROBLEM_TYPES.items():
        for name in [slug, labels["zh"], *labels["zh"].split("/"), labels["en"], *_CASE_COMMENT_NAMES.get(slug, ())]:
            found.setdefault(name.strip().lower(), slug)
    return found


# Names the case.toml comment uses where they differ from the label (卡密无效/已使用 vs 卡密无效/已被使用).
_CASE_COMMENT_NAMES = {"card-invalid": ("卡密无效/已使用", "已使用")}
_PROBLEM_ALIASES = _problem_aliases()


def problem_slug(value: str) -> str | None:
    """The problem type `value` names: a slug (any case) or a Chinese name such as 未到账; else None."""
    raw = str(value).strip()
    if raw in PROBLEM_TYPES:
        return raw
    return _PROBLEM_ALIASES.get(raw.lower())


def claim_slug(value: str) -> str | None:
    """The claim slug `value` names: a slug (any case) or a Chinese name such as 退款; else None."""
    raw = str(value).strip()
    if raw in CLAIMS:
        return raw
    return _CLAIM_ALIASES.get(raw.lower())


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _amount(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return parse_amount(value, allow_negative=False)
    except AmountError as exc:
        raise ValueError(exc.reason) from exc


class Platform(_Section):
    name: str = ""
    site: str = ""
    company: str = ""  # operator company (经营者全称)
    uscc: str = ""  # 统一社会信用代码
    address: str = ""


class Merchant(_Section):
    name: str = ""
    shop: str = ""  # shop link or id
    contact: str = ""  # QQ / WeChat / phone the merchant used
    uscc: str = ""
    address: str = ""


class Order(_Section):
    number: str = ""
    goods: str = ""
    face_value: Decimal | None = None
    price: Decimal | None = None
    paid_at: datetime | None = None
    payment_channel: str = ""

    @field_validator("face_value", "price", mode="before")
    @classmethod
    def _amounts(cls, value: Any) -> Decimal | None:
        return _amount(value)

    @field_validator("paid_at", mode="before")
    @classmethod
    def _time(cls, value: Any) -> datetime | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return to_cst(value)
        try:
            parsed = parse_time_ex(str(value))
        except TimeParseError as exc:
            raise ValueError("time.ambiguous" if isinstance(exc, AmbiguousDate) else "time.invalid") from exc
        if not parsed.has_year:
            raise ValueError("time.no_year")  # 5/1 9:55 would silently become this year's 1 May
        return parsed.value


class Complainant(_Section):
    """The user's own identity: needed by 12315 and courts, redacted elsewhere."""

    name: str = ""
    phone: str = ""
    address: str = ""
    id_number: str = ""


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    schema_: str = Field(default=CASE_SCHEMA, alias="schema")
    problem: str
    claims: list[str] = Field(default_factory=list)
    my_names: list[str] = Field(default_factory=list)
    fraud: bool = False  # the user states the merchant acted fraudulently (affects 第五十五条 claims)
    statement: str = ""  # the user's own account, in their words
    platform: Platform = Field(default_factory=Platform)
    merchant: Merchant = Field(default_factory=Merchant)
    order: Order = Field(default_factory=Order)
    complainant: Complainant = Field(default_factory=Complainant)

    @field_validator("schema_")
    @classmethod
    def _schema(cls, value: str) -> str:
        # A case file written by a later kameng may mean other things by the same fields.
        if value != CASE_SCHEMA:
            raise ValueError("case.schema.unknown")
        return value

    @field_validator("problem")
    @classmethod
    def _problem(cls, value: str) -> str:
        slug = problem_slug(value)
        if slug is None:
            raise ValueError("case.problem.unknown")
        return slug

    @field_validator("claims")
    @classmethod
    def _claims(cls, value: list[str]) -> list[str]:
        slugs = []
        for claim in value:
            slug = claim_slug(claim)
            if slug is None:
                raise ValueError("case.claim.unknown")
            slugs.append(slug)
        return list(dict.fromkeys(slugs))

    def to_json(self) -> dict[str, Any]:
        from ..parsing.amounts import format_amount
        from ..parsing.times import isoformat

        data = self.model_dump(mode="python", by_alias=True)
        data["schema"] = "kameng.case/1"
        data["order"]["face_value"] = format_amount(self.order.face_value)
        data["order"]["price"] = format_amount(self.order.price)
        data["order"]["paid_at"] = isoformat(self.order.paid_at)
        return data
