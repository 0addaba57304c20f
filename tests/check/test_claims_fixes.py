"""One money claim for `check` and `draft` (legal/claims.py, docs/draft.md "Claims"): payments paid
twice, the price against the bill, refunds a payment row or a chat states, refund rows whose payment
is outside the export, and the concrete request 12315 and the court need."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from conftest import run, run_json
from kameng_cli.draft.channels import channel
from kameng_cli.draft.context import demand_items, demand_phrase, first_line
from kameng_cli.legal.claims import compute

from .builders import case, chat, check, event, export, paid


def _court(report: Any) -> dict[str, Any]:
    return report.ready["court"].details["claim"]


def _letter(the_case: Any, events: list[Any], to: str = "platform") -> tuple[str, list[str]]:
    claims = compute(the_case, events)
    return first_line(the_case, claims), demand_items(the_case, claims, channel(to))


def _refund(id: str, when: str, amount: str, **data: Any) -> Any:
    return event(id, "refunded", when, actor="merchant", exhibit=data.pop("exhibit", "E01"), amount=amount,
                 order_no="XC20240501095512", source=data.pop("source", "alipay-2023"), **data)


# ---- paid twice, price against payments ---------------------------------------------------------

def test_an_order_paid_twice_is_claimed_in_full_by_check_and_draft_with_a_warning() -> None:
    the_case = case(order={"price": "98.50"})
    events = [paid("E01-1", "2024-05-01 09:55:12", "98.50", line=27, trade_no="T1"),
              paid("E01-2", "2024-05-01 09:56:12", "98.50", line=28, trade_no="T2")]
    report = check(the_case, [export()], events)
    assert _court(report)["paid"] == "197.00" and _court(report)["refund"] == "197.00"
    twice = [f for f in report.findings if f.rule == "KM201"]
    assert len(twice) == 1 and twice[0].severity == "warning" and "2 笔付款" in twice[0].message
    assert "¥197.00" in twice[0].message and twice[0].events == ["E01-1", "E01-2"]
    line, items = _letter(the_case, events)
    assert line.endswith("要求全额退款¥197.00") and items == ["退还货款¥197.00"]
    # The 第五十五条 base stays the price of the goods, not the double charge.
    assert compute(case(order={"price": None}), events).price == Decimal("98.50")


def test_two_payments_one_refunded_leave_one_owed_in_every_letter() -> None:
    """Tester case c10: 2 × ¥128 paid, one refunded; the court letter must not ask for nothing."""
    the_case = case(order={"price": "128.00"})
    events = [paid("E01-1", "2024-05-01 09:55:12", "128.00", line=27, trade_no="T1", status="交易关闭"),
              paid("E01-2", "2024-05-01 09:55:17", "128.00", line=28, trade_no="T2"),
              _refund("E01-3", "2024-05-03 09:00:00", "128.00", refund_of="T1", paid_line=27, line=26)]
    report = check(the_case, [export()], events)
    assert (_court(report)["refund"], _court(report)["total"]) == ("128.00", "128.00")
    line, items = _letter(the_case, events, "court")
    assert line.endswith("要求退还剩余款项¥128.00")
    assert items[0] == "退还剩余货款¥128.00（实付¥256.00，已退¥128.00）"
    assert compute(the_case, events).total == Decimal("128.00")  # heimao 涉诉金额


def test_the_bill_decides_the_amount_paid_over_case_price() -> None:
    the_case = case(order={"price": "100"})
    events = [paid("E01-1", amount="98.50")]
    report = check(the_case, [export()], events)
    assert _court(report)["refund"] == "98.50"
    assert any(f.rule == "KM201" and f.severity == "blocker" for f in report.findings)
    assert _letter(the_case, events)[1] == ["退还货款¥98.50"]
    # Without a bill row the stated price is the amount paid; a screenshot's reading does not override it.
    shot = event("E03-1", "paid", "2024-05-01 09:55:00", exhibit="E03", amount="9850.00", source="image", ocr=True)
    assert compute(the_case, [shot]).refund_due == Decimal("100")


# ---- refunds: chat, payment-row status, closed trades -------------------------------------------

def test_a_refund_confirmed_only_in_the_chat_is_subtracted() -> None:
    the_case = case(order={"price": "95.00"})
    said = event("E02-8", "refunded", "2024-05-03 16:05:00", actor="merchant", exhibit="E02", source="qq-txt",
                 category="confirmed", amount="38.00", text="38元退款收到了，剩下的什么时候退？")
    events = [paid("E01-1", amount="95.00"), said]
    report = check(the_case, [export(), chat()], events)
    assert _court(report)["refund"] == "57.00"
    assert any(f.rule == "KM204" and "¥57.00" in f.message for f in report.findings)
    line, items = _letter(the_case, events)
    assert line.endswith("要求退还剩余款项¥57.00")
    assert items == ["退还剩余货款¥57.00（实付¥95.00，已退¥38.00）"]
    # A bill's refund row is the record: the words about the same money are not subtracted again.
    row = _refund("E01-2", "2024-05-03 15:00:00", "38.00", refund_of="T1", paid_line=19)
    assert compute(the_case, [*events, row]).refund_due == Decimal("57.00")


def test_a_wechat_refund_shown_only_in_the_payment_status_counts_once() -> None:
    the_case = case(order={"price": "200.00"})
    wx = export("E01", "wechat-csv")
    partial = paid("E01-1", amount="200.00", line=18, trade_no="4200", status="已退款(￥50.00)", refunded_amount="50.00")
    report = check(the_case, [wx], [partial])
    assert _court(report)["refund"] == "150.00"
    row = [f for f in report.findings if f.rule == "KM204" and "已退款(￥50.00)" in f.message]
    assert len(row) == 1 and row[0].severity == "info"
    assert _letter(the_case, [partial])[1] == ["退还剩余货款¥150.00（实付¥200.00，已退¥50.00）"]
    # The refund row present (linked to the payment's line): ¥50 once, and no status finding.
    refund_row = _refund("E01-2", "2024-05-02 09:00:00", "50.00", source="wechat-csv", refund_of="4200", paid_line=18)
    both = check(the_case, [wx], [partial, refund_row])
    assert _court(both)["refund"] == "150.00"
    assert not any("已退款(￥50.00)" in f.message for f in both.findings)
    # The same refund also on the bank statement behind it: still once.
    bank = _refund("E04-2", "2024-05-02 09:00:02", "50.00", exhibit="E04", source="bank-cmb", refund_of="line 12", paid_line=12)
    assert compute(the_case, [partial, refund_row, bank]).refunded == Decimal("50.00")
    full = paid("E01-1", amount="200.00", line=18, status="已全额退款", refunded_amount="200.00")
    report = check(the_case, [wx], [full])
    assert _court(report)["refund"] == "0.00"
    assert any(f.rule == "KM204" and "价款已退清" in f.message for f in report.findings)


def test_an_alipay_purchase_closed_after_payment_is_a_full_refund_with_a_warning() -> None:
    the_case = case(order={"price": "98.50"})
    closed = paid("E01-1", amount="98.50", line=26, trade_no="2024A", status="交易关闭", direction="out")
    report = check(the_case, [export()], [closed])
    assert _court(report)["refund"] == "0.00"
    warned = [f for f in report.findings if f.rule == "KM204" and "交易关闭" in f.message]
    assert len(warned) == 1 and warned[0].severity == "warning" and "第 26 行" in warned[0].message
    assert "更晚" in warned[0].fix or "之后" in warned[0].fix
    # With its refund row in the export it is counted once, with no warning about the status.
    refund = _refund("E01-2", "2024-05-02 10:00:00", "98.50", refund_of="2024A", paid_line=26)
    report = check(the_case, [export()], [closed, refund])
    assert _court(report)["refunded"] == "98.50"
    assert not any("交易关闭" in f.message for f in report.findings)


ALIPAY = ["-" * 84, "导出信息：", "姓名：测试甲", "支付宝账户：tester@example.com",
          "起始时间：[2024-05-01 00:00:00]    终止时间：[2024-05-31 23:59:59]", "导出交易类型：[全部]",
          "导出时间：[2024-06-01 08:00:00]", "", "特别提示：", "1.说明", "",
          "------------------------支付宝支付科技有限公司  电子客户回单------------------------",
          "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,",
          "2024-05-02 10:00:00,退款,星辰卡盟,abc***@example.com,退款-云游一卡通,不计收支,100.00,余额,退款成功,"
          "2024050122001400000000000111_2222222222222222222\t,XC20240501095512\t,,",
          "2024-05-03 12:00:00,餐饮美食,某某便利店,shop***@example.com,午餐,支出,23.00,余额,交易成功,"
          "2024050322001400000000000999\t,M000000000001\t,,"]


def test_a_refund_row_whose_payment_is_outside_the_export_counts(tmp_path: Path) -> None:
    root = tmp_path / "case"
    assert run("init", root, "--yes", "--problem", "not-delivered", "--platform", "星辰卡盟", "--order-no",
               "XC20240501095512", "--goods", "云游一卡通", "--price", "100", "--paid-at", "2024-04-30 09:55:12",
               "--claim", "refund").exit_code == 0
    bill = tmp_path / "alipay.csv"
    bill.write_bytes(("\r\n".join(ALIPAY) + "\r\n").encode("gbk"))
    assert run("-C", root, "add", bill).exit_code == 0
    refunds = [e for e in run_json("-C", root, "timeline")["events"] if e["kind"] == "refunded"]
    assert [(e["amount"], e["data"]["match"]["rule"]) for e in refunds] == [("100.00", "merchant-order-no")]
    claim = run_json("-C", root, "check")["ready"]["court"]["claim"]
    assert (claim["refunded"], claim["refund"]) == ("100.00", "0.00")


# ---- a concrete request --------------------------------------------------------------------------

def test_compensation_without_fraud_asks_for_damages_not_nothing() -> None:
    the_case = case(claims=["compensation"], order={"price": "50.00"}, complainant={
        "name": "张三", "phone": "13800000000", "address": "杭州市", "id_number": "11010519491231002X"},
        merchant={"name": "云游数码专营店", "address": "杭州市某路1号"})
    events = [paid("E01-1", amount="50.00")]
    line, items = _letter(the_case, events, "12315")
    assert line.endswith("要求赔偿损失")
    assert items == ["依照《中华人民共和国民法典》第五百七十七条赔偿因对方违约给我造成的损失"]
    report = check(the_case, [export()], events)
    court = report.ready["court"].missing
    assert not any("付款金额未知" in m for m in court)
    assert any("第五十五条" in m and "fraud = false" in m for m in court)
    assert not any("具体诉求" in m or "具体的请求" in m for m in report.ready["12315"].missing)


def test_nothing_left_to_ask_is_not_ready_for_12315_or_court() -> None:
    the_case = case(order={"price": "98.50"})
    events = [paid("E01-1", amount="98.50", status="已全额退款", refunded_amount="98.50")]
    report = check(the_case, [export("E01", "wechat-csv")], events)
    for name in ("12315", "court"):
        assert any("价款已退清" in m for m in report.ready[name].missing), report.ready[name].missing


def test_interest_runs_on_the_money_paid_only() -> None:
    the_case = case(claims=["refund", "compensation", "interest"], fraud=True, problem="merchant-vanished",
                    order={"price": "2680"})
    items = demand_items(the_case, compute(the_case, [paid("E01-1", amount="2680.00")]), channel("court"))
    assert "增加赔偿¥8,040.00" in items[1]
    assert items[2] == "以货款¥2,680.00为基数，支付自付款之日起至实际支付之日止的资金占用利息"
    assert not any("上述款项" in item for item in items)
    assert demand_phrase(compute(the_case, [])).endswith("及利息")


# ---- fraud grounds ------------------------------------------------------------------------------

def _promise(id: str, when: str, text: str) -> Any:
    return event(id, "promise", when, actor="counterparty", exhibit="E02", source="qq-txt", text=text, phrase=text)


def _broken(promise: str, due: str, **data: Any) -> Any:
    return event("T0001", "promise-broken", due, actor="counterparty", exhibit="E02", source="signals",
                 promise=promise, due=due, **data)


def test_a_broken_refund_promise_is_no_fraud_ground() -> None:
    the_case = case(claims=["refund", "compensation"], fraud=True)
    events = [paid("E01-1"), _promise("E02-7", "2024-05-02 09:30:00", "我核实下，3天内给你处理退款"),
              _broken("E02-7", "2024-05-05 09:30:00")]
    claims = compute(the_case, events)
    assert not claims.compensation.offered and claims.compensation.why_not == "claims.fraud_unsupported"
    assert claims.damages and not any("增加赔偿" in item for item in _letter(the_case, events)[1])


def test_only_a_delivery_promised_before_payment_and_never_made_is_a_ground() -> None:
    the_case = case(claims=["refund", "compensation"], fraud=True)
    before = [paid("E01-1"), _promise("E02-1", "2024-05-01 09:50:00", "付款后10分钟内到账"),
              _broken("E02-1", "2024-05-01 10:05:00")]
    claims = compute(the_case, before)
    assert [g.code for g in claims.compensation.grounds] == ["fake-promise"]
    assert claims.compensation.amount == Decimal("500.00")
    after = [paid("E01-1"), _promise("E02-1", "2024-05-01 10:00:00", "系统延迟，今晚12点前给您开通"),
             _broken("E02-1", "2024-05-02 00:00:00")]
    assert not compute(the_case, after).compensation.offered
    late = [*before[:2], _broken("E02-1", "2024-05-01 10:05:00", settled_late="M0001")]
    assert not compute(the_case, late).compensation.offered


def test_the_increase_is_claimed_only_when_asked_for() -> None:
    vanished = case(problem="merchant-vanished", fraud=True)
    assert not compute(vanished, [paid("E01-1")]).compensation.offered
    asked = case(problem="merchant-vanished", fraud=True, claims=["refund", "compensation"])
    assert compute(asked, [paid("E01-1")]).compensation.amount == Decimal("500.00")
