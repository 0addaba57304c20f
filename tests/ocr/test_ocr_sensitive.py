"""What redaction hides: ID numbers (GB 11643), phones, bank cards (Luhn only as a signal),
addresses and card secrets — and what it keeps: order and trade numbers."""

from __future__ import annotations

from kameng_cli.ocr.sensitive import sensitive_boxes

from .ocr_helpers import page

VALID_ID = "11010519491231002X"
BAD_CHECK_ID = "110105194912310021"


def reasons(*rows) -> list[tuple[str, str]]:
    return [(b.reason, b.hint) for b in sensitive_boxes(page(*rows, clock=None))]


def test_id_number_needs_a_valid_check_digit_unless_labelled() -> None:
    assert [r for r, _ in reasons(f"号码 {VALID_ID}")] == ["id-number"]
    assert reasons(f"号码 {BAD_CHECK_ID}") == []
    assert [r for r, _ in reasons(("身份证号", BAD_CHECK_ID))] == ["id-number"]


def test_phone_numbers() -> None:
    assert [r for r, _ in reasons("手机13812345678")] == ["phone"]
    assert [r for r, _ in reasons(("联系电话", "010-62345678"))] == ["phone"]
    assert [r for r, _ in reasons("+86 138 1234 5678")] == ["phone"]


def test_bank_cards_labelled_or_luhn_valid() -> None:
    assert [r for r, _ in reasons(("银行卡号", "6214830012345678"))] == ["bank-card"]
    assert [r for r, _ in reasons("6222 0202 0000 1235")] == ["bank-card"]  # Luhn-valid, unlabelled
    assert reasons("6222020200001234") == []  # fails Luhn, no label


def test_order_and_trade_numbers_are_kept_even_when_they_look_like_cards() -> None:
    assert reasons(("订单号", "6222020200001235")) == []
    assert reasons(("交易单号", "13812345678")) == []


def test_addresses_and_card_secrets() -> None:
    assert [r for r, _ in reasons("收货地址：广东省广州市天河区体育西路100号")] == ["address"]
    assert [r for r, _ in reasons("四川省成都市武侯区人民南路四段12号")] == ["address"]
    assert [r for r, _ in reasons("卡密：ABCD-1234-EFGH-5678")] == ["card-secret"]
    assert [r for r, _ in reasons("激活码 K9X2M4P7Q1")] == ["card-secret"]
    assert reasons("该卡密已被使用") == []


def test_box_covers_the_value_not_the_label() -> None:
    (found,) = sensitive_boxes(page("手机：13812345678", clock=None))
    x, _y, w, _h = found.box
    assert 40 + 2 * 40 <= x < 40 + 3 * 40  # starts about at the colon, label 手机 left visible
    assert x + w >= 40 + 3 * 40 + 11 * 0.55 * 40 - 1  # reaches past the last digit
    assert found.hint == "138*****678"


def test_names_a_page_labels_are_hidden_but_not_the_merchants() -> None:
    assert [r for r, _ in reasons(("姓名", "王小明"))] == ["name"]
    assert [r for r, _ in reasons(("持卡人", "王*明"))] == ["name"]
    assert [r for r, _ in reasons("收货人：李四")] == ["name"]
    assert reasons(("收款方", "星辰网络科技有限公司")) == []
    assert reasons(("商户名称", "云游数码专营店")) == []
