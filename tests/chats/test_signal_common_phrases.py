"""Everyday wording found when running the example case end to end."""

import pytest

from kameng_cli.parsing.times import parse_time
from kameng_cli.signals import vocabulary
from kameng_cli.signals.extract import analyse

WHEN = parse_time("2024-05-02 09:12")


@pytest.mark.parametrize(
    ("role", "text", "expected"),
    [
        ("me", "一天了还没到账，请退款¥100.00", ("demand", "refund")),
        ("me", "你们承诺秒到账，现在一天多了，请退款", ("demand", "refund")),
        ("counterparty", "该订单需要商家核实，请您继续等待商家处理", ("deflection", "asks-to-wait")),
        ("counterparty", "该订单需要商家核实，请您继续等待商家处理", ("deflection", "escalated")),
        ("counterparty", "抱歉，平台无法直接退款，需商家同意", ("refused", "")),
    ],
)
def test_common_phrases(role: str, text: str, expected: tuple[str, str]) -> None:
    found = {(s.kind, getattr(s, "category", "") or "") for s in analyse(text, role, WHEN, vocabulary.load(None))}
    assert expected in found


def test_negated_demand_is_not_a_demand() -> None:
    assert not analyse("我不想请退款", "me", WHEN, vocabulary.load(None))
