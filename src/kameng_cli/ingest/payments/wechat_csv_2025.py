"""WeChat Pay CSV, April–July 2025: text cells quoted and a tab AFTER the closing quote of 交易单号/商户单号,
which strict CSV readers reject (ezbookkeeping #123, dbg `6ab5b98`). Python's csv reader keeps the tab
in the cell; the shared cleaning strips it (spec section 2.B)."""

from __future__ import annotations

from ..base import Sample
from .table import head_text
from .wechat_csv import QUOTE_THEN_TAB, WechatCsvLayout, is_wechat_csv


class WechatCsv2025Source(WechatCsvLayout):
    name = "wechat-csv-2025"
    label = {"zh": "微信支付账单（CSV，2025 年 4–7 月格式）", "en": "WeChat Pay bill (CSV, 2025 quoted layout)"}

    def sniff(self, sample: Sample) -> float:
        return 0.95 if is_wechat_csv(sample) and QUOTE_THEN_TAB.search(head_text(sample) or "") else 0.0


SOURCE = WechatCsv2025Source()
