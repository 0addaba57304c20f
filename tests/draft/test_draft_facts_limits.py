"""What the letter's facts leave out, and how: a screenshot a bill contradicts, the middle of a long dispute."""

from datetime import datetime, timedelta
from decimal import Decimal

from kameng_cli.draft.context import MAX_FACTS, build_facts
from kameng_cli.draft.redact import Redactor
from kameng_cli.model.case import Case
from kameng_cli.model.records import Event
from kameng_cli.parsing.times import CST

WHEN = datetime(2024, 9, 29, 20, 15, tzinfo=CST)


def test_a_screenshot_the_bill_contradicts_is_not_stated_as_a_payment() -> None:
    bill = Event("E01-0001", WHEN, "paid", "me", "", Decimal("98.50"), exhibit="E01", locator="line 5",
                 data={"counterparty": "星辰卡盟", "trade_no": "2024092922001377470512345678"})
    edited = Event("E02-0001", WHEN, "paid", "me", "", Decimal("89.50"), order_no="XC20240929201599", exhibit="E02",
                   data={"ocr": True, "trade_no": "2024092922001377470512345678"})
    note = Event("T0001", WHEN, "note", "system", "截图金额与账单不符", exhibit="E02",
                 data={"code": "ocr-amount-mismatch", "screenshot_event": "E02-0001", "export_event": "E01-0001"})
    facts = build_facts([bill, edited, note], Case(problem="not-delivered"), {"E01": "证据1", "E02": "证据2"},
                        Redactor(enabled=False))
    text = "\n".join(f.sentence for f in facts)
    assert "¥98.50" in text and "89.50" not in text and "XC20240929201599" not in text


def test_a_long_dispute_keeps_its_start_and_end_and_says_what_it_shortened() -> None:
    events = [Event(f"E01-{n:04d}", WHEN + timedelta(hours=n), "promise", "counterparty", "", exhibit="E01",
                    locator=f"line {n}", data={"text": f"第{n}次：明天给你发", "message_index": n, "phrase": "明天"})
              for n in range(60)]
    facts = build_facts(events, Case(problem="not-delivered"), {"E01": "证据1"}, Redactor(enabled=False))
    assert len(facts) == MAX_FACTS
    text = "\n".join(f.sentence for f in facts)
    assert "第0次" in text and "第59次" in text  # the first promise and the last word both stay
    middle = [f for f in facts if "从略" in f.text]
    assert len(middle) == 1 and middle[0].text == f"另有{60 - MAX_FACTS + 1}项往来，从略" and middle[0].exhibits == ["证据1"]
