"""Text redaction with planted numbers of every kind."""

from __future__ import annotations

from kameng_cli.draft.redact import Redactor

ID_VALID = "11010519491231002X"  # GB 11643 example (law.md §10.2)
ID_VALID_2 = "440524188001010014"
ID_BAD_CHECK = "110105194912310021"  # last digit wrong: not an ID, left alone
CARD_LUHN = "6123451234567893"  # passes Luhn (law.md §10.3)
CARD_LUHN_GROUPED = "6123 4512 3456 7893"
CARD_NO_LUHN = "6222020200112233445"  # fails Luhn


def test_id_numbers_are_masked_only_with_a_valid_check_digit() -> None:
    redactor = Redactor()
    text = redactor(f"身份证号{ID_VALID}，另一个{ID_VALID_2}，写错的{ID_BAD_CHECK}")
    assert ID_VALID not in text and ID_VALID_2 not in text
    assert "110*************2X" in text
    assert ID_BAD_CHECK in text
    assert [h.category for h in redactor.hits] == ["id-number", "id-number"]


def test_bank_cards_use_luhn_as_a_signal_not_a_requirement() -> None:
    redactor = Redactor()
    text = redactor(f"转账{CARD_LUHN}；分组{CARD_LUHN_GROUPED}；银行卡号{CARD_NO_LUHN}；编号{CARD_NO_LUHN}x")
    assert CARD_LUHN not in text and CARD_LUHN_GROUPED not in text
    assert CARD_NO_LUHN not in text.split("；")[2]  # next to a card word: masked although Luhn fails
    assert text.count("**** **** **** 7893") == 2
    assert "**** **** **** 3445" in text
    assert f"编号{CARD_NO_LUHN}x" in text  # no card word, no Luhn, glued to letters: left alone


def test_order_and_trade_numbers_are_not_mistaken_for_cards() -> None:
    redactor = Redactor(keep=("4200001234567890123456",))
    text = redactor("订单XC20240501095512，交易号2024050122001412345678901234，商户单号4200001234567890123456")
    assert text == "订单XC20240501095512，交易号2024050122001412345678901234，商户单号4200001234567890123456"


def test_phones_are_masked() -> None:
    redactor = Redactor()
    text = redactor("手机13812345678，+86 139-1234-5678，座机010-12345678，0755-8765432")
    assert "138****5678" in text and "139****5678" in text
    assert "13812345678" not in text and "12345678，" not in text and "8765432" not in text
    assert {h.category for h in redactor.hits} == {"phone"}


def test_addresses_keep_the_district_and_mask_the_rest() -> None:
    redactor = Redactor()
    text = redactor("住址：浙江省杭州市西湖区文三路90号东部软件园1号楼301室，请寄到这里。")
    assert text == "住址：浙江省杭州市西湖区****，请寄到这里。"
    assert redactor("上海市浦东新区世纪大道100号") == "上海市浦东新区****"


def test_card_secrets_are_masked() -> None:
    redactor = Redactor()
    text = redactor("卡密：ABCD-EFGH-1234-5678，兑换码为 XK29QP77ZZ01")
    assert "ABCD-EFGH" not in text and "XK29QP77" not in text
    assert text.endswith("01") and "5678" in text
    assert [h.category for h in redactor.hits] == ["card-secret", "card-secret"]


def test_keep_list_and_disabled_redactor() -> None:
    keep = Redactor(keep=("13812345678", "浙江省杭州市西湖区文三路90号"))
    assert keep("电话13812345678 地址浙江省杭州市西湖区文三路90号") == "电话13812345678 地址浙江省杭州市西湖区文三路90号"
    off = Redactor(enabled=False)
    assert off(f"{ID_VALID} 13812345678") == f"{ID_VALID} 13812345678"
    assert off.hits == []
