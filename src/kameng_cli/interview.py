"""What `kameng init` needs to know for each problem type, and validation of each answer.

Library side of the interview: the CLI asks, this module says which facts matter and checks them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .errors import UserInputError
from .model.case import problem_slug
from .model.slugs import CLAIMS, ORDER_PROBLEMS, PROBLEM_TYPES
from .parsing.amounts import AmountError, parse_amount
from .parsing.ids import uscc_status
from .parsing.times import AmbiguousDate, TimeParseError, now, parse_time_ex


@dataclass(frozen=True)
class Question:
    key: str  # where it goes: "order.price"
    flag: str  # the flag that answers it: --price
    kind: str = "text"  # text / amount / time / uscc / claims / names
    required: bool = False


_PLATFORM = [
    Question("platform.name", "--platform", required=True),
    Question("platform.site", "--platform-site"),
    Question("platform.company", "--platform-company"),
    Question("platform.uscc", "--platform-uscc", "uscc"),
]
_MERCHANT = [
    Question("merchant.name", "--merchant"),
    Question("merchant.shop", "--merchant-shop"),
    Question("merchant.contact", "--merchant-contact"),
]
_ORDER = [
    Question("order.number", "--order-no", required=True),
    Question("order.goods", "--goods", required=True),
    Question("order.face_value", "--face-value", "amount"),
    Question("order.price", "--price", "amount", required=True),
    Question("order.paid_at", "--paid-at", "time", required=True),
    Question("order.payment_channel", "--payment-channel"),
]
# Account theft: the charges stand in for the order; the order number is often unknown.
_CHARGES = [
    Question("order.number", "--order-no"),
    Question("order.price", "--price", "amount", required=True),
    Question("order.paid_at", "--paid-at", "time"),
    Question("order.payment_channel", "--payment-channel"),
]
_CLAIMS = [Question("claims", "--claim", "claims")]
_NAMES = [Question("my_names", "--my-name", "names")]


def questions_for(problem: str) -> list[Question]:
    """The questions the interview asks for a problem type, in order."""
    if problem in ORDER_PROBLEMS:
        return [*_PLATFORM, *_MERCHANT, *_ORDER, *_CLAIMS, *_NAMES]
    if problem == "account-stolen":
        return [*_PLATFORM, *_CHARGES, *_CLAIMS, *_NAMES]
    # privacy-leak, illegal-goods: about the platform, not an order of the user's.
    return [*_PLATFORM, *_MERCHANT, Question("order.number", "--order-no"), *_NAMES]


def validate_answer(question: Question, raw: Any) -> tuple[Any, str | None]:
    """The checked value and an optional warning key; raises UserInputError naming the flag."""
    if question.kind == "amount":
        try:
            return parse_amount(str(raw), allow_negative=False), None
        except AmountError as exc:
            raise UserInputError("init.bad_amount", flag=question.flag, value=raw, reason_key=exc.reason) from exc
    if question.kind == "time":
        try:
            parsed = parse_time_ex(str(raw))
        except TimeParseError as exc:
            key = "time.ambiguous_flag" if isinstance(exc, AmbiguousDate) else "init.bad_time"
            raise UserInputError(key, flag=question.flag, value=raw) from exc
        if not parsed.has_year:
            raise UserInputError("init.no_year", flag=question.flag, value=raw)
        value = parsed.value
        if value > now():
            raise UserInputError("time.future", flag=question.flag, value=raw)
        return value, None
    if question.kind == "uscc":
        code = str(raw).strip().upper()
        if not code:
            return "", None
        status = uscc_status(code)
        return code, (None if status == "ok" else f"uscc.{status}")
    if question.kind == "claims":
        items = [c.strip() for c in (raw if isinstance(raw, list) else str(raw).replace("，", ",").split(","))]
        from .model.case import claim_slug

        claims = []
        for claim in (c for c in items if c):
            slug = claim_slug(claim)  # refund, or its Chinese name 退款 as the interview shows it
            if slug is None:
                raise UserInputError("init.bad_claim", value=claim, known=", ".join(CLAIMS))
            claims.append(slug)
        return list(dict.fromkeys(claims)), None
    if question.kind == "names":
        items = raw if isinstance(raw, list) else str(raw).replace("，", ",").split(",")
        return [n.strip() for n in items if n.strip()], None
    return str(raw).strip(), None


def validate_problem(raw: str) -> str:
    value = raw.strip()
    if value.isdigit() and 1 <= int(value) <= len(PROBLEM_TYPES):
        value = list(PROBLEM_TYPES)[int(value) - 1]
    slug = problem_slug(value)  # a slug, or the Chinese name case.toml's comment shows (未到账)
    if slug is None:
        raise UserInputError("init.bad_problem", value=raw, known=", ".join(PROBLEM_TYPES))
    return slug


def build_case(problem: str, answers: dict[str, Any]) -> Any:
    """A Case from the answers (keys as in Question.key)."""
    from .model.case import Case

    data: dict[str, Any] = {"problem": problem, "platform": {}, "merchant": {}, "order": {}, "complainant": {}}
    for key, value in answers.items():
        if value in (None, "", []):
            continue
        if "." in key:
            section, field = key.split(".", 1)
            data[section][field] = str(value) if isinstance(value, Decimal) else value
        else:
            data[key] = value
    if problem in ORDER_PROBLEMS and not data.get("claims"):
        data["claims"] = ["refund"]
    return Case.model_validate(data)
