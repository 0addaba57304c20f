"""The typed record every payment layout produces from one row, before matching turns some of them
into timeline events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from ...parsing.amounts import format_amount
from ...parsing.times import isoformat

# What a row is, independent of the layout that printed it.
PAYMENT = "payment"  # money left the user (including purchases refunded later)
REFUND = "refund"  # money came back for an earlier payment
UNPAID = "unpaid"  # an order created and closed without money moving
INCOME = "income"  # money received for another reason (transfer, salary, red packet)
NEUTRAL = "neutral"  # moves between the user's own accounts, fund earnings, withdrawals

OUT, IN, NONE = "out", "in", "none"


@dataclass(slots=True)
class PaymentRecord:
    line: int  # physical line (CSV) or row (XLSX) in the original file, 1-based
    time: datetime | None
    kind: str
    direction: str  # out / in / none
    amount: Decimal
    status: str = ""
    counterparty: str = ""
    goods: str = ""
    trade_no: str = ""
    merchant_order_no: str = ""
    method: str = ""
    note: str = ""
    category: str = ""
    account: str = ""  # the counterparty's (masked) account as the export prints it
    refunded_amount: Decimal | None = None  # refunded sum the export records on the original row
    times: dict[str, str] = field(default_factory=dict)  # extra timestamps (Alipay web: created/paid/modified)
    time_flags: list[str] = field(default_factory=list)
    refund_of: str | None = None  # trade number of the payment this refund returns (set by linking)
    partial: bool = False
    link_rule: str = ""  # how the refund was linked to its payment
    warning: str = ""  # catalog key of a doubt about a row still used (e.g. an unknown status)

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "time": isoformat(self.time),
            "kind": self.kind,
            "direction": self.direction,
            "amount": format_amount(self.amount),
            "status": self.status,
            "counterparty": self.counterparty,
            "goods": self.goods,
            "trade_no": self.trade_no,
            "merchant_order_no": self.merchant_order_no,
            "method": self.method,
            "note": self.note,
            "category": self.category,
            "account": self.account,
            "refunded_amount": format_amount(self.refunded_amount),
            "times": dict(self.times),
            "time_flags": list(self.time_flags),
            "refund_of": self.refund_of,
            "partial": self.partial,
            "link_rule": self.link_rule,
        }


class RowError(ValueError):
    """One row cannot be interpreted: becomes a stored Warning, the file goes on."""

    def __init__(self, reason: str, detail: str = "", **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail
        self.params = params
