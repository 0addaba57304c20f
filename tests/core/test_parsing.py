from decimal import Decimal

import pytest

from kameng_cli.parsing.amounts import AmountError, format_amount, parse_amount
from kameng_cli.parsing.ids import id_number_valid, luhn_valid, uscc_status
from kameng_cli.parsing.times import TimeParseError, isoformat, parse_time, parse_time_ex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-03 15:30", "2024-11-03T15:30:00+08:00"),
        ("2024/11/3 15:30:22", "2024-11-03T15:30:22+08:00"),
        ("2024年11月3日 15时30分", "2024-11-03T15:30:00+08:00"),
        ("2024年11月3日下午3点半", "2024-11-03T15:30:00+08:00"),
        ("2024年11月3日晚上十点", "2024-11-03T22:00:00+08:00"),
        ("2024年11月3日凌晨1点一刻", "2024-11-03T01:15:00+08:00"),
        ("２０２４年１１月３日 １５：３０", "2024-11-03T15:30:00+08:00"),
        ("2024-05-01T09:55:12+08:00", "2024-05-01T09:55:12+08:00"),
        ("2024-05-01T01:55:12Z", "2024-05-01T09:55:12+08:00"),
        ("2024.5.1", "2024-05-01T00:00:00+08:00"),
    ],
)
def test_chinese_times_resolve_to_shanghai(text: str, expected: str) -> None:
    assert isoformat(parse_time(text)) == expected


def test_date_only_is_flagged() -> None:
    assert parse_time_ex("2024年5月1日").has_time is False
    assert parse_time_ex("2024-05-01 10:00").has_time is True


@pytest.mark.parametrize("text", ["", "明天", "2024-13-45 10:00", "下午三点"])
def test_bad_times_raise(text: str) -> None:
    with pytest.raises(TimeParseError):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("¥1,288.00", "1288.00"), ("1288", "1288.00"), ("1288元", "1288.00"), ("￥9.1", "9.10"),
     ("-9.10", "-9.10"), ("１２８８．５", "1288.50"), (9.1, "9.10"), ("人民币 100", "100.00")],
)
def test_amounts_are_exact(text: object, expected: str) -> None:
    assert format_amount(parse_amount(text)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "reason"), [("1,2", "amount.not_a_number"), ("abc", "amount.not_a_number"),
                                              ("1.234", "amount.too_many_places")])
def test_bad_amounts(text: str, reason: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    assert info.value.reason == reason


def test_negative_refused_when_asked() -> None:
    with pytest.raises(AmountError):
        parse_amount("-1", allow_negative=False)
    assert parse_amount("1.50") == Decimal("1.50")


def test_uscc_check_digit_examples_from_the_standard() -> None:
    assert uscc_status("91350100M000100Y43") == "ok"
    assert uscc_status("91310110666007217T") == "ok"
    assert uscc_status("91350211M00013FA1N") == "bad-check-digit"
    assert uscc_status("91350100M000100Y4Z") == "bad-format"  # Z is not in the alphabet
    assert uscc_status("123") == "bad-format"


def test_id_number_and_luhn() -> None:
    assert id_number_valid("11010519491231002X")
    assert id_number_valid("440524188001010014")
    assert not id_number_valid("440524188001010015")
    assert luhn_valid("79927398713") and not luhn_valid("79927398710")
    assert luhn_valid("6123451234567893")
