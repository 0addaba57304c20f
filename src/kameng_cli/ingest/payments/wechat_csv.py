"""WeChat Pay CSV, classic (≤ March 2025): UTF-8 (BOM seen), 16 preamble lines padded with commas, header
`交易时间,交易类型,…`, ids unquoted with a trailing tab, amounts `¥13.90` (spec section 2.A)."""

from __future__ import annotations

import re

from ..base import Sample
from .table import first_line, head_text
from .wechat_common import MARKER, WechatSource

# The April–July 2025 exports quote the ids and put the tab AFTER the closing quote (spec 2.B); the
# 商户单号 cell is always followed by 备注, so a comma follows. A tab at the end of a line is an
# editor's leftover, not this variant.
QUOTE_THEN_TAB = re.compile(r'"\t,')


def is_wechat_csv(sample: Sample) -> bool:
    return first_line(head_text(sample)).startswith(MARKER)


class WechatCsvLayout(WechatSource):
    """What the two CSV layouts share about their original bytes (spec 2.A, 2.B, 2.C): UTF-8 (GBK means
    Excel converted the file), ids followed by a tab, amounts without thousands separators (ezbookkeeping
    #129). Deviations are reported as re-save signs, never rejected."""

    native_encodings = frozenset({"utf-8", "utf-8-sig"})
    ids_end_with_tab = True
    plain_amounts = True


class WechatCsvSource(WechatCsvLayout):
    name = "wechat-csv"
    label = {"zh": "微信支付账单（CSV，2025 年 3 月前格式）", "en": "WeChat Pay bill (CSV, classic layout)"}

    def sniff(self, sample: Sample) -> float:
        if not is_wechat_csv(sample):
            return 0.0
        return 0.0 if QUOTE_THEN_TAB.search(head_text(sample) or "") else 0.95


SOURCE = WechatCsvSource()
