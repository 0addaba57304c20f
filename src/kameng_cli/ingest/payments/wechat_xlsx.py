"""WeChat Pay XLSX, August 2025 → March 2026: sheet `Sheet1`, preamble in column A, header on row 17,
amounts as text `¥100.00` (spec section 2.C). The header is found by its names, not its row."""

from __future__ import annotations

from ..base import Sample
from .wechat_common import MARKER, WechatSource
from .xlsx import XlsxSource, first_column_text, preview

# Since March 2026 a fourth note states the time zone and pushes the header to row 18 (spec 2.D).
UTC_NOTE = "UTC+08:00"


def wechat_preamble(sample: Sample) -> list[str]:
    lines = first_column_text(preview(sample))
    return lines if lines and lines[0].startswith(MARKER) else []


class WechatXlsxSource(XlsxSource, WechatSource):
    name = "wechat-xlsx"
    label = {"zh": "微信支付账单（XLSX，2025 年 8 月起格式）", "en": "WeChat Pay bill (XLSX, 2025 layout)"}

    def sniff(self, sample: Sample) -> float:
        lines = wechat_preamble(sample)
        return 0.95 if lines and not any(UTC_NOTE in line for line in lines) else 0.0


SOURCE = WechatXlsxSource()
