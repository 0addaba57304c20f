"""Reading facts from OCR text: numbers, amounts, times, statuses, names and the suggested kind."""

from __future__ import annotations

from datetime import datetime

from kameng_cli.model.case import Case
from kameng_cli.ocr.facts import first_amount, read_page
from kameng_cli.parsing.times import CST

from .ocr_helpers import page

CASE = Case(problem="not-delivered", platform={"name": "星辰卡盟"}, merchant={"name": "云游数码专营店"},
            order={"number": "XC20240501095512", "price": "100", "paid_at": "2024-05-01 09:55:12"})


def values(reading, kind: str) -> list[str]:
    return [f.value for f in reading.of_type(kind)]


def test_order_page_with_pending_status_suggests_order_and_supports_not_delivered() -> None:
    reading = read_page(page("订单详情", "订单状态：处理中", ("订单号", "XC20240501095512"), ("实付金额", "¥100.00"),
                             ("下单时间", "2024-05-0109:55:12")), CASE)
    assert reading.kind == "order"
    assert reading.kind_reason == ["订单号", "处理中"]
    assert reading.supports == ["not-delivered"]
    assert values(reading, "order_no") == ["XC20240501095512"]
    assert values(reading, "status") == ["处理中"]
    assert values(reading, "clock") == ["10:05"]
    paid = first_amount(reading, "paid")
    assert paid is not None and paid.value == "100.00"
    (ordered,) = reading.of_type("time", "ordered")
    assert datetime.fromisoformat(ordered.value) == datetime(2024, 5, 1, 9, 55, 12, tzinfo=CST)


def test_every_fact_has_a_box_inside_its_row_and_a_confidence() -> None:
    reading = read_page(page(("订单号", "XC20240501095512"), "订单状态：充值中"), CASE)
    for fact in reading.facts:
        x, y, w, h = fact.box
        assert w > 0 and h > 0 and 0 < fact.confidence <= 1
    (number,) = reading.of_type("order_no")
    # The value box is the right-hand OCR box, not the label.
    assert number.box[0] > 40 + 3 * 40


def test_status_box_covers_only_the_status_word() -> None:
    reading = read_page(page("订单状态：充值中"), CASE)
    (status,) = reading.of_type("status")
    assert status.box[0] == 40 + 5 * 40  # after 订单状态：
    assert abs(status.box[2] - 3 * 40) <= 2


def test_card_used_suggests_delivery_failure_even_without_the_leading_character() -> None:
    for text in ("该卡密已被使用", "卡密已被使用"):
        reading = read_page(page("游戏充值中心", text))
        assert reading.kind == "delivery-failure"
        assert values(reading, "status") == ["该卡密已被使用"]
        assert reading.supports == ["card-invalid"]


def test_page_titles_are_not_statuses() -> None:
    reading = read_page(page("游戏充值中心", "客服处理中心"))
    assert values(reading, "status") == []


def test_payment_success_page() -> None:
    reading = read_page(page("支付成功", "¥198.00", ("收款方", "云游数码专营店"), ("支付时间", "2024-05-01 09:55:12"),
                             ("交易单号", "4200002291202405011234567890"), ("商户订单号", "XC20240501095512")), CASE)
    assert reading.kind == "payment"
    assert reading.payment_page
    assert values(reading, "trade_no") == ["4200002291202405011234567890"]
    assert values(reading, "merchant_order_no") == ["XC20240501095512"]
    assert first_amount(reading, "paid", "unlabelled").value == "198.00"
    assert values(reading, "merchant") == ["云游数码专营店"]


def test_alipay_bill_detail_reads_order_number_as_alipays_trade_number() -> None:
    reading = read_page(page("账单详情", "云游数码专营店", "-100.00", "交易成功", ("付款方式", "余额宝"),
                             ("订单号", "2024050122001412345678901234"), ("商家订单号", "XC20240501095512")), CASE)
    assert reading.kind == "payment"
    assert values(reading, "trade_no") == ["2024050122001412345678901234"]
    assert values(reading, "merchant_order_no") == ["XC20240501095512"]
    (status,) = reading.of_type("status")
    assert status.role == "paid"  # 交易成功 on a payment page is not a delivery
    assert first_amount(reading, "paid", "unlabelled").value == "-100.00"


def test_order_page_naming_the_payment_method_is_not_a_payment_page() -> None:
    reading = read_page(page("订单详情", ("订单号", "XC20240501095512"), ("支付方式", "支付宝"), "订单状态：交易成功"), CASE)
    assert not reading.payment_page
    assert reading.kind == "order"
    assert reading.of_type("status")[0].role == "delivered"


def test_amount_forms_and_roles() -> None:
    reading = read_page(page("商品：云游一卡通100元", "实付款 ￥1,288.50", "退款金额：98.00", "售价 ¥95"))
    got = {(f.value, f.role) for f in reading.of_type("amount")}
    assert ("100.00", "in-text") in got
    assert ("1288.50", "paid") in got
    assert ("98.00", "refund") in got
    assert ("95.00", "price") in got


def test_times_with_missing_spaces_full_width_and_no_year() -> None:
    reading = read_page(page("支付时间：2024/05/01 09:55", "发货时间：2024年5月2日10:00:01", "05-03 08:00"),
                        default_year=2024)
    got = {(f.value, f.role) for f in reading.of_type("time")}
    assert ("2024-05-01T09:55:00+08:00", "paid") in got
    assert ("2024-05-02T10:00:01+08:00", "delivered") in got
    (short,) = [f for f in reading.of_type("time") if f.role == "page"]
    assert short.value == "2024-05-03T08:00:00+08:00" and short.data["time_flags"] == ["no-year"]


def test_clock_only_in_the_status_bar() -> None:
    reading = read_page(page("14:20", clock="下午2:23"))
    assert values(reading, "clock") == ["14:23"]  # the 14:20 lower down is a chat time, not the clock


def test_case_order_number_found_unlabelled_in_a_chat_bubble() -> None:
    reading = read_page(page("订单XC20240501095512还没到", "亲，系统处理中，请稍等", "发送"), CASE)
    assert values(reading, "order_no") == ["XC20240501095512"]
    assert reading.of_type("order_no")[0].role == "case"
    assert reading.kind == "chat"


def test_product_page_and_promise() -> None:
    reading = read_page(page("云游一卡通100元", "¥95.00", "秒到账 自动发货", "立即购买"), CASE)
    assert reading.kind == "product"
    assert "秒到账" in values(reading, "promise")


def test_platform_and_merchant_names_from_the_case() -> None:
    reading = read_page(page("星辰卡盟", "店铺：云游数码 专营店"), CASE)
    assert values(reading, "platform") == ["星辰卡盟"]
    assert values(reading, "merchant") == ["云游数码专营店"]


def test_nothing_to_read_is_other() -> None:
    reading = read_page(page("风景照片"))
    assert reading.kind == "other" and reading.supports == []
    assert reading.of_type("amount") == []
