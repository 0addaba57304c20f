"""WeChat Pay CSV, classic (≤ March 2025): UTF-8 (BOM seen), 16 preamble lines padded with commas, header
`交易时间,交易类型,…`, ids unquoted with a trailing tab, amounts `¥13.90` (spec section 2.A)."""

from __future__ import annotations

import re

from ..base import Sample
from .table import first_line
from .wechat_common import MARKER, WechatSource

# The April–July 2025 exports quote the ids and put the tab AFTER the closing quote (spec 2.B); the
# 商户单号 cell is always followed by 备注, so a comma follows. A tab at the end of a line is an
# editor's leftover, not this variant.
QUOTE_THEN_TAB = re.compile(r'"\t,')


def is_wechat_csv(sample: Sample) -> bool:
    return first_line(sample.text).startswith(MARKER)


class WechatCsvSource(WechatSource):
    name = "wechat-csv"
    label = {"zh": "微信支付账单（CSV，2025 年 3 月前格式）", "en": "WeChat Pay bill (CSV, classic layout)"}

    def sniff(self, sample: Sample) -> float:
        if not is_wechat_csv(sample):
            return 0.0
        return 0.0 if QUOTE_THEN_TAB.search(sample.text or "") else 0.95


SOURCE = WechatCsvSource()
