"""Small builders for cases, exhibits and events, so each check test states only what it is about."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kameng_cli.checks import run_check
from kameng_cli.model.case import Case
from kameng_cli.model.finding import CheckReport
from kameng_cli.model.records import Event, Exhibit, Note, Warning
from kameng_cli.parsing.times import CST

TODAY = date(2024, 6, 15)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def case(problem: str = "not-delivered", **sections: Any) -> Case:
    data: dict[str, Any] = {
        "problem": problem,
        "claims": ["refund"],
        "platform": {"name": "星辰卡盟", "company": "杭州星辰网络科技有限公司"},
        "merchant": {"name": "云游数码专营店"},
        "order": {"number": "XC20240501095512", "price": "100", "paid_at": "2024-05-01 09:55:12", "face_value": "100"},
    }
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return Case.model_validate(data)


def exhibit(id: str, kind: str, *, media_type: str = "image/jpeg", source: str = "exif", when: str | None = None,
            parser: str = "image", **facts: Any) -> Exhibit:
    return Exhibit(id=id, kind=kind, name=f"{id.lower()}.bin", file=f"{id}_{id.lower()}.bin", sha256="0" * 64, size=1,
                   media_type=media_type, captured_at=at(when) if when else None, captured_at_source=source,
                   captured_at_confidence="high" if source == "exif" else "low", parser=parser, facts=facts)


def export(id: str = "E01", parser: str = "alipay-2023") -> Exhibit:
    return exhibit(id, "payment", media_type="text/csv", source="export-header", when="2024-05-03 10:00:00",
                   parser=parser)


def chat(id: str = "E02", parser: str = "qq-txt") -> Exhibit:
    return exhibit(id, "chat", media_type="text/plain", source="message-time", when="2024-05-01 09:58:00", parser=parser)


def event(id: str, kind: str, when: str | None, *, actor: str = "me", exhibit: str | None = None,
          amount: str | None = None, order_no: str | None = None, source: str = "parser", confidence: float = 1.0,
          flags: list[str] | None = None, **data: Any) -> Event:
    return Event(id=id, time=at(when) if when else None, kind=kind, actor=actor, summary=f"{kind} {id}",
                 amount=Decimal(amount) if amount is not None else None, order_no=order_no, exhibit=exhibit,
                 confidence=confidence, source=source, time_flags=list(flags or []), data=data)


def paid(id: str = "E01-1", when: str = "2024-05-01 09:55:12", amount: str = "100.00", exhibit: str = "E01",
         counterparty: str = "杭州星辰网络科技有限公司", confidence: float = 0.95, **data: Any) -> Event:
    return event(id, "paid", when, exhibit=exhibit, amount=amount, order_no="XC20240501095512", source="alipay-2023",
                 confidence=confidence, counterparty=counterparty, match={"confidence": confidence, "rule": "order-no"},
                 **data)


def message(id: str, when: str, actor: str = "me", exhibit: str = "E02", text: str = "在吗", **data: Any) -> Event:
    return event(id, "message", when, actor=actor, exhibit=exhibit, source="qq-txt", text=text, type="text", **data)


def manual(id: str, kind: str, when: str, *, exhibit: str | None = None, actor: str = "me", **data: Any) -> Event:
    return event(id, kind, when, actor=actor, exhibit=exhibit, source="manual", confidence=0.5, **data)


def check(the_case: Case, exhibits: list[Exhibit], events: list[Event], notes: list[Note] | None = None,
          warnings: list[Warning] | None = None, today: date = TODAY) -> CheckReport:
    return run_check(the_case, exhibits, events, notes or [], warnings or [], today)


def statuses(report: CheckReport) -> dict[str, str]:
    return {link.link: link.status for link in report.chain}


def rules_of(report: CheckReport, severity: str | None = None) -> list[str]:
    return [f.rule for f in report.findings if severity is None or f.severity == severity]


def full_not_delivered() -> tuple[Case, list[Exhibit], list[Event]]:
    """A not-delivered case whose chain is proven end to end."""
    exhibits = [export(), chat(), exhibit("E03", "order", when="2024-05-01 10:30:00")]
    events = [
        paid(),
        message("E02-1", "2024-05-01 09:58:00"),
        event("E02-2", "promise", "2024-05-01 10:01:00", actor="counterparty", exhibit="E02",
              due="2024-05-01T10:06:00+08:00"),
        event("E03-1", "delivery-failed", "2024-05-01 10:30:00", actor="system", exhibit="E03", status="处理中", ocr=True),
        event("T0001", "promise-broken", "2024-05-01 10:06:00", actor="counterparty", exhibit="E02",
              source="timeline:promise_broken"),
    ]
    return case(), exhibits, events
