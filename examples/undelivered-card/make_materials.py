"""Regenerate the example's screenshots (invented data). Needs a CJK font (Debian: fonts-noto-cjk).

    python examples/undelivered-card/make_materials.py

The PNGs are committed; this script documents how they were made and rebuilds them on purpose.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).parent / "materials"
WIDTH, HEIGHT = 540, 960


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    pattern = "Noto Sans CJK SC:bold" if bold else "Noto Sans CJK SC"
    path = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=True).stdout
    return ImageFont.truetype(path, size, index=2)  # index 2 of the Noto CJK collection is SC


def phone(lines: list[tuple[int, str, int, bool, str]], clock: str, taken: str, name: str) -> None:
    img = Image.new("RGB", (WIDTH, HEIGHT), "#f5f5f5")
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, WIDTH, 44), fill="#ffffff")
    draw.text((24, 10), clock, font=font(22, True), fill="#000000")
    draw.text((WIDTH - 110, 10), "5G 87%", font=font(20), fill="#000000")
    for y, text, size, bold, color in lines:
        draw.text((32, y), text, font=font(size, bold), fill=color)
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = taken  # DateTimeOriginal, as phones write it into screenshots
    img.save(HERE / name, exif=exif.tobytes(), optimize=True)


def main() -> None:
    HERE.mkdir(exist_ok=True)
    phone(
        [
            (120, "支付成功", 40, True, "#1677ff"),
            (200, "¥100.00", 56, True, "#000000"),
            (320, "收款方    星辰卡盟", 26, False, "#333333"),
            (370, "商品      云游一卡通100元", 26, False, "#333333"),
            (420, "支付时间  2024-05-01 09:55:12", 26, False, "#333333"),
            (470, "商家订单号 XC20240501095512", 26, False, "#333333"),
            (520, "支付方式  余额宝", 26, False, "#333333"),
        ],
        clock="09:55",
        taken="2024:05:01 09:55:40",
        name="支付成功.png",
    )
    phone(
        [
            (100, "订单详情", 36, True, "#000000"),
            (180, "订单号：XC20240501095512", 26, False, "#333333"),
            (230, "商品：云游一卡通100元 ×1", 26, False, "#333333"),
            (280, "实付：¥100.00", 26, False, "#333333"),
            (330, "下单时间：2024-05-01 09:55:12", 26, False, "#333333"),
            (400, "订单状态：处理中", 32, True, "#fa8c16"),
            (460, "预计5分钟内自动发货，请耐心等待", 22, False, "#999999"),
        ],
        clock="14:02",
        taken="2024:05:02 14:02:18",
        name="订单处理中.png",
    )


if __name__ == "__main__":
    main()
