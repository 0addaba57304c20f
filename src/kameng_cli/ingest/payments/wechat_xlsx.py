"""WeChat Pay XLSX, August 2025 → March 2026: sheet `Sheet1`, preamble in column A, header on row 17,
amounts as text `¥100.00` (spec section 2.C). The header is found by its names, not its row."""

from __future__ import annotations

from pathlib import Path

from ..base import FALLBACK, ParseContext, Sample
from .wechat_common import MARKER, WechatSource
from .xlsx import Damage, XlsxSource, damage, first_column_text, preview

# Since March 2026 a fourth note states the time zone and pushes the header to row 18 (spec 2.D).
UTC_NOTE = "UTC+08:00"
# WeChat is the only payment export that comes as XLSX (spec section 0), and a cut-off download or a
# failed unzip of its e-mailed zip is how a workbook gets damaged (spec section 5, 2025-07/08): a damaged
# workbook that nothing recognises is reported by this source (below CLAIM, so any source that does
# recognise the file wins) instead of being kept silently as an unknown file.
DAMAGED_UNKNOWN = 3 * FALLBACK
NAME_HINTS = ("微信支付账单", "微信账单")  # the e-mailed file is 微信支付账单流水文件(起始-终止)_….xlsx


def wechat_preamble(sample: Sample) -> list[str]:
    lines = first_column_text(preview(sample))
    return lines if lines and lines[0].startswith(MARKER) else []


def damaged_wechat(broken: Damage, name: str) -> bool:
    """A damaged workbook whose readable parts (or whose file name) still show it is a WeChat bill."""
    return MARKER in broken.text or any(hint in name for hint in NAME_HINTS)


def damaged_layout(sample: Sample) -> str | None:
    """For a damaged workbook: '2026' or '2025' when it is recognisably a WeChat bill (the UTC note tells
    the layouts apart when its text survived), 'unknown' when nothing tells, None when it is not damaged."""
    broken = damage(sample)
    if broken is None:
        return None
    if not damaged_wechat(broken, sample.name):
        return "unknown"
    return "2026" if UTC_NOTE in broken.text else "2025"


class WechatXlsxSource(XlsxSource, WechatSource):
    name = "wechat-xlsx"
    label = {"zh": "微信支付账单（XLSX，2025 年 8 月起格式）", "en": "WeChat Pay bill (XLSX, 2025 layout)"}

    def sniff(self, sample: Sample) -> float:
        lines = wechat_preamble(sample)
        if lines:
            return 0.0 if any(UTC_NOTE in line for line in lines) else 0.95
        return {"2025": 0.95, "unknown": DAMAGED_UNKNOWN}.get(damaged_layout(sample) or "", 0.0)

    def damaged_key(self, broken: Damage, path: Path, ctx: ParseContext) -> str:
        name = ctx.original_name or path.name
        return "payments.broken.xlsx" if damaged_wechat(broken, name) else "payments.broken.xlsx_unknown"


SOURCE = WechatXlsxSource()
