"""WeChat Pay XLSX since March 2026: note `4. 本账单中所有时间均为UTC+08:00时间` added to the preamble (header on
row 18), 金额(元) a numeric cell displayed `#,##0.00` — read as the cell's value, never its formatted text
(spec section 2.D; dbg #215/#217, ezbookkeeping #534)."""

from __future__ import annotations

from ..base import Sample
from .wechat_common import WechatSource
from .wechat_xlsx import UTC_NOTE, WechatXlsxSource, damaged_layout, wechat_preamble
from .xlsx import XlsxSource


class WechatXlsx2026Source(XlsxSource, WechatSource):
    name = "wechat-xlsx-2026"
    label = {"zh": "微信支付账单（XLSX，2026 年 3 月起格式）", "en": "WeChat Pay bill (XLSX, 2026 layout)"}

    def sniff(self, sample: Sample) -> float:
        lines = wechat_preamble(sample)
        if lines:
            return 0.95 if any(UTC_NOTE in line for line in lines) else 0.0
        return 0.95 if damaged_layout(sample) == "2026" else 0.0

    damaged_key = WechatXlsxSource.damaged_key  # a damaged workbook is a WeChat bill only if it still shows it


SOURCE = WechatXlsx2026Source()
