"""Small example cases for the draft tests, built through the CLI from the files in data/.

Timeline analyzers of other areas are switched off while a case is built (`quiet_timeline`), so the
golden drafts depend only on the events listed here.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import run
from kameng_cli.case.casefile import update_case
from kameng_cli.case.store import CaseStore
from kameng_cli.model.finding import CheckReport, Finding
from kameng_cli.model.records import Event
from kameng_cli.parsing.times import CST

DATA = Path(__file__).parent / "data"
LETTER_DATES = {"not-delivered": "2024-05-20", "card-invalid": "2024-06-20"}

NOT_DELIVERED = [
    "--problem", "not-delivered", "--platform", "星辰卡盟", "--merchant", "云游数码专营店",
    "--order-no", "XC20240501095512", "--goods", "云游一卡通100元", "--face-value", "100",
    "--price", "100", "--paid-at", "2024-05-01 09:55:12", "--payment-channel", "支付宝",
    "--my-name", "小明", "--claim", "refund",
]

CARD_INVALID = [
    "--problem", "card-invalid", "--platform", "极速发卡网", "--merchant", "蓝鲸游戏卡行",
    "--order-no", "JS8837120044", "--goods", "星海点卡300点", "--face-value", "30",
    "--price", "28.50", "--paid-at", "2024-06-10 21:14:00", "--payment-channel", "微信支付",
    "--my-name", "阿强", "--claim", "refund", "--claim", "compensation", "--claim", "interest",
]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def quiet_timeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kameng_cli.derive.derive", lambda parser_events, manual_events, case: [])


def no_blockers(monkeypatch: pytest.MonkeyPatch, findings: list[Finding] | None = None) -> None:
    report = CheckReport(problem_type="any", findings=findings or [])
    monkeypatch.setattr("kameng_cli.draft.context.check_report", lambda store, events=None: report)


def add(root: Path, name: str, kind: str, when: str, fmt: str, note: str = "") -> None:
    args = ["-C", str(root), "add", str(DATA / name), "--kind", kind, "--at", when, "--format", fmt]
    if note:
        args += ["--note", note]
    result = run(*args)
    assert result.exit_code == 0, result.output


def write_events(root: Path, events: list[dict[str, Any]]) -> None:
    store = CaseStore(root)
    rows = []
    for number, spec in enumerate(events, start=1):
        amount = spec.pop("amount", None)
        rows.append(Event(id=f"M{number:04d}", time=at(spec.pop("time")), source="manual",
                          amount=Decimal(amount) if amount else None, **spec))
    with store.writing():
        store.write_manual_events(rows)


def build_not_delivered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """星辰卡盟: paid ¥100, the order stays 充值中, support promises 24 h, then blames upstream."""
    quiet_timeline(monkeypatch)
    root = tmp_path / "not-delivered"
    assert run("init", str(root), *NOT_DELIVERED).exit_code == 0
    add(root, "payment.png", "payment", "2024-05-01 09:56:00", "image")
    add(root, "order-status.png", "delivery-failure", "2024-05-02 09:00:00", "image")
    add(root, "chat.txt", "chat", "2024-05-02 16:00:00", "text")
    add(root, "order.pdf", "order", "2024-05-02 16:10:00", "pdf")
    write_events(root, [
        dict(time="2024-05-01T09:55:12", kind="paid", actor="me", summary="支付宝付款", amount="100.00",
             order_no="XC20240501095512", exhibit="E01",
             data={"method": "支付宝", "counterparty": "云游数码", "trade_no": "2024050122001412345678901234"}),
        dict(time="2024-05-01T09:58:00", kind="delivery-failed", actor="system", summary="订单状态：充值中",
             exhibit="E02", data={"status": "充值中", "ocr": True}),
        dict(time="2024-05-01T10:07:40", kind="promise", actor="counterparty", summary="承诺24小时内到账",
             exhibit="E03", locator="message 1",
             data={"text": "亲，系统延迟，24小时内一定到账，请耐心等待。", "due": "2024-05-02T10:07:40+08:00",
                   "vague": False, "phrase": "24小时内一定到账", "message_index": 1}),
        dict(time="2024-05-02T11:00:03", kind="demand", actor="me", summary="要求退款", exhibit="E03",
             data={"claim": "refund", "amount": None, "threat": False}),
        dict(time="2024-05-02T15:30:00", kind="deflection", actor="counterparty", summary="推给上游", exhibit="E03",
             data={"category": "upstream", "phrase": "上游供货商的问题",
                   "text": "上游供货商的问题，我们也没办法，虚拟商品一经售出概不退换。", "message_index": 3}),
    ])
    return root


def build_card_invalid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """极速发卡网: a 300-point card code that was already used; ¥10 refunded; fraud stated."""
    quiet_timeline(monkeypatch)
    root = tmp_path / "card-invalid"
    assert run("init", str(root), *CARD_INVALID).exit_code == 0
    update_case(root / "case.toml", {
        ("fraud",): True,
        ("statement",): "这就是个骗子黑店，卖给我的卡密：ABCD1234EFGH5678 早就被用过了。",
        ("complainant", "name"): "王强",
        ("complainant", "phone"): "13912345678",
        ("complainant", "address"): "浙江省杭州市西湖区文三路90号1号楼301室",
        ("complainant", "id_number"): "11010519491231002X",
        ("merchant", "address"): "广东省深圳市南山区科技园路1号",
        ("merchant", "contact"): "QQ 2851234567",
    })
    add(root, "payment.png", "payment", "2024-06-10 21:15:00", "image", note="微信支付成功页，付款账户尾号 6222 0202 0011 2233 445")
    add(root, "order-status.png", "delivery-failure", "2024-06-10 21:30:00", "image", note="游戏内提示：该卡密已被使用")
    add(root, "chat.txt", "chat", "2024-06-11 10:00:00", "text")
    write_events(root, [
        dict(time="2024-06-10T21:14:00", kind="paid", actor="me", summary="微信支付", amount="28.50",
             order_no="JS8837120044", exhibit="E01", data={"method": "微信支付", "counterparty": "蓝鲸游戏卡行"}),
        dict(time="2024-06-10T21:15:30", kind="delivered", actor="system", summary="订单状态：已发货",
             exhibit="E02", data={"status": "已发货"}),
        dict(time="2024-06-10T21:20:00", kind="card-invalid", actor="system", summary="该卡密已被使用", exhibit="E02",
             data={"status": "该卡密已被使用"}),
        dict(time="2024-06-11T09:40:00", kind="refused", actor="counterparty", summary="拒绝退款", exhibit="E03",
             data={"text": "卡密发出就不退，你自己用掉了别赖我们。"}),
        dict(time="2024-06-12T12:00:00", kind="refunded", actor="merchant", summary="部分退款", amount="10.00",
             order_no="JS8837120044", exhibit="E01", data={"partial": True}),
    ])
    return root


BUILDERS = {"not-delivered": build_not_delivered, "card-invalid": build_card_invalid}
