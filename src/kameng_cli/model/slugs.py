"""Enumerated values as slugs (lowercase, hyphenated), with their labels in both languages."""

from __future__ import annotations

PROBLEM_TYPES: dict[str, dict[str, str]] = {
    "not-delivered": {"zh": "未到账/未发货", "en": "not delivered",
                      "hint_zh": "付了款，卡密或充值一直没到", "hint_en": "paid, but the code or top-up never arrived"},
    "card-invalid": {"zh": "卡密无效/已被使用", "en": "card code invalid or already used",
                     "hint_zh": "收到的卡密提示无效、错误或“已被使用”", "hint_en": "the code received is rejected as invalid or already used"},
    "not-as-described": {"zh": "描述不符/面值缩水/虚假折扣", "en": "not as described",
                         "hint_zh": "到账面值、区服、时长或折扣与商品页不符", "hint_en": "face value, region, duration or discount differs from the listing"},
    "delayed": {"zh": "延迟发货", "en": "delayed delivery",
                "hint_zh": "最终到账了，但远超承诺的时限并因此受损", "hint_en": "delivered in the end, but far beyond the promised time"},
    "merchant-vanished": {"zh": "商家跑路/失联", "en": "merchant vanished",
                          "hint_zh": "收款后商家不回复、拉黑、删号或店铺关闭", "hint_en": "after payment the merchant stopped answering, blocked you or closed the shop"},
    "after-sales-refused": {"zh": "售后推诿/拒绝退款", "en": "after-sales refused",
                            "hint_zh": "问题明确，但客服一再推诿或拒绝退款", "hint_en": "the problem is clear, but support stalls or refuses a refund"},
    "account-stolen": {"zh": "账号被盗刷", "en": "account stolen and charged",
                       "hint_zh": "平台账号或余额被他人登录消费", "hint_en": "someone else logged in and spent your balance"},
    "privacy-leak": {"zh": "隐私泄露", "en": "privacy leak",
                     "hint_zh": "平台或商家泄露了你的个人信息", "hint_en": "the platform or merchant leaked your personal data"},
    "illegal-goods": {"zh": "售卖非法卡密", "en": "illegal goods",
                      "hint_zh": "平台上售卖盗刷、黑卡等来路不明的卡密", "hint_en": "stolen or illicit codes are sold on the platform"},
}

# Problem types that are about one order (they need an order number, goods, price and payment time).
ORDER_PROBLEMS = frozenset(
    {"not-delivered", "card-invalid", "not-as-described", "delayed", "merchant-vanished", "after-sales-refused"}
)

CLAIMS: dict[str, dict[str, str]] = {
    "refund": {"zh": "退款", "en": "refund"},
    "redeliver": {"zh": "补发/重新交付", "en": "redeliver"},
    "compensation": {"zh": "赔偿", "en": "compensation"},
    "interest": {"zh": "利息", "en": "interest"},
}

EXHIBIT_KINDS: dict[str, dict[str, str]] = {
    "payment": {"zh": "支付凭证", "en": "payment record"},
    "order": {"zh": "订单详情", "en": "order page"},
    "product": {"zh": "商品页/宣传", "en": "product page / advertising"},
    "delivery-failure": {"zh": "交付失败证明", "en": "proof of failed delivery"},
    "received": {"zh": "实际到账内容", "en": "what was actually received"},
    "chat": {"zh": "沟通记录", "en": "chat log"},
    "agreement": {"zh": "平台规则/服务协议", "en": "platform rules / terms"},
    "bank": {"zh": "银行流水", "en": "bank statement"},
    "merchant-info": {"zh": "商家主体信息", "en": "merchant identity"},
    "complaint": {"zh": "投诉记录与回复", "en": "complaint and reply"},
    "other": {"zh": "其他", "en": "other"},
}

EVENT_KINDS: dict[str, dict[str, str]] = {
    "ordered": {"zh": "下单", "en": "ordered"},
    "paid": {"zh": "付款", "en": "paid"},
    "refunded": {"zh": "退款", "en": "refunded"},
    "delivered": {"zh": "交付", "en": "delivered"},
    "delivery-failed": {"zh": "交付失败", "en": "delivery failed"},
    "card-invalid": {"zh": "卡密无效", "en": "card invalid"},
    "message": {"zh": "消息", "en": "message"},
    "promise": {"zh": "承诺", "en": "promise"},
    "promise-broken": {"zh": "承诺落空", "en": "promise broken"},
    "deflection": {"zh": "推诿", "en": "deflection"},
    "admission": {"zh": "承认", "en": "admission"},
    "demand": {"zh": "诉求", "en": "demand"},
    "silence": {"zh": "不回复", "en": "silence"},
    "contacted": {"zh": "联系客服", "en": "contacted support"},
    "refused": {"zh": "拒绝", "en": "refused"},
    "submitted": {"zh": "已投诉", "en": "complaint submitted"},
    "reply": {"zh": "答复", "en": "reply"},
    "captured": {"zh": "截图", "en": "screenshot taken"},
    "note": {"zh": "备注", "en": "note"},
}

ACTORS: dict[str, dict[str, str]] = {
    "me": {"zh": "我", "en": "me"},
    "merchant": {"zh": "商家", "en": "merchant"},
    "platform": {"zh": "平台", "en": "platform"},
    "counterparty": {"zh": "对方", "en": "counterparty"},
    "payment-provider": {"zh": "支付机构", "en": "payment provider"},
    "authority": {"zh": "监管/司法机关", "en": "authority"},
    "system": {"zh": "系统", "en": "system"},
}

CAPTURED_AT_SOURCES = ("exif", "file-mtime", "export-header", "message-time", "pdf-metadata", "stated", "none")


def label(table: dict[str, dict[str, str]], slug: str, lang: str | None = None) -> str:
    from ..i18n import get_lang

    entry = table.get(slug)
    if entry is None:
        return slug
    return entry.get(lang or get_lang()) or entry["zh"]
