"""One payment or refund shown by several exhibits counts once in every sum (check's paid/refunded
totals, the claim of a draft), while two payments stay two — from the Alipay bill and the bank
statement of the card behind it, to a double charge in one export."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from conftest import DATA, run, run_json
from kameng_cli.legal.claims import compute
from kameng_cli.legal.transactions import distinct, transactions
from kameng_cli.model.case import Case
from kameng_cli.model.records import Event
from kameng_cli.parsing.times import CST

AT = datetime(2024, 5, 1, 9, 55, 12, tzinfo=CST)


def money(exhibit: str, kind: str = "paid", amount: str = "100.00", at: datetime = AT, flags: list[str] | None = None,
          **data: object) -> Event:
    return Event(f"{exhibit}-{kind}-{at:%H%M%S}-{data.get('trade_no', '')}", at, kind, "me", "", Decimal(amount),
                 exhibit=exhibit, time_flags=flags or [], data=dict(data))


def test_bill_and_bank_statement_of_one_payment_are_one_transaction() -> None:
    alipay = money("E01", trade_no="2024050122001", merchant_order_no="XC1")
    bank = money("E02", at=AT + timedelta(seconds=2))  # posted two seconds later, no numbers
    screenshot = money("E03", at=AT.replace(second=0), trade_no="2024O50122001", ocr=True)  # a misread digit
    groups = transactions([bank, screenshot, alipay], "paid")
    assert [[e.exhibit for e in g] for g in groups] == [["E01", "E02", "E03"]]  # the export row first


def test_two_exports_with_different_numbers_are_two_payments() -> None:
    assert len(distinct([money("E01", trade_no="A1"), money("E02", trade_no="B2")], "paid")) == 2


def test_a_double_charge_in_one_export_stays_two_and_far_apart_payments_too() -> None:
    assert len(distinct([money("E01", trade_no="A1"), money("E01", trade_no="A2")], "paid")) == 2
    assert len(distinct([money("E01"), money("E02", at=AT + timedelta(minutes=11))], "paid")) == 2
    assert len(distinct([money("E01"), money("E02", amount="99.00")], "paid")) == 2


def test_a_bank_row_with_only_a_date_matches_on_the_day() -> None:
    day = datetime(2024, 5, 1, tzinfo=CST)
    assert len(distinct([money("E01"), money("E02", at=day, flags=["date-only"])], "paid")) == 1
    assert len(distinct([money("E01"), money("E02", at=day + timedelta(days=1), flags=["date-only"])], "paid")) == 2


def test_claim_subtracts_a_refund_once_however_many_exhibits_show_it() -> None:
    case = Case(problem="not-delivered", order={"number": "XC1", "price": "100"}, claims=["refund"])
    refund_at = AT + timedelta(days=1)
    events = [money("E01", "refunded", "49.90", refund_at, trade_no="R1"), money("E02", "refunded", "49.90", refund_at)]
    claims = compute(case, events)
    assert claims.refunded == Decimal("49.90") and claims.refund_due == Decimal("50.10")


def test_check_and_draft_count_the_bill_and_the_bank_statement_once(case_dir: Path, tmp_path: Path) -> None:
    payments = DATA / "payments"
    assert run("-C", case_dir, "add", payments / "alipay_2023" / "padded_gbk_crlf.csv",
               payments / "bank_cmb" / "cmb_quoted.csv").exit_code == 0
    findings = run_json("-C", case_dir, "check")["findings"]
    refunded = next(f for f in findings if f["rule"] == "KM204")
    assert "¥49.90" in refunded["message"] and "¥100.00" in refunded["message"]
    out = tmp_path / "letter.md"
    assert run("-C", case_dir, "draft", "--to", "platform", "--force", "-o", out).exit_code == 0
    assert "¥50.10" in out.read_text(encoding="utf-8").splitlines()[0]
