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


def alipay_export() -> None:
    """An Alipay app export (2023+ layout, GBK, CRLF preamble, padded cells) with the case's payment."""
    preamble = ["-" * 84, "导出信息：", "姓名：*明", "支付宝账户：xiao***@example.com",
                "起始时间：[2024-04-25 00:00:00]    终止时间：[2024-05-05 23:59:59]", "导出交易类型：[全部]",
                "导出时间：[2024-05-06 20:11:09]", "共5笔记录", "收入：0笔 0.00元", "支出：5笔 147.30元",
                "不计收支：0笔 0.00元", "", "特别提示：",
                "1.本回单内容可表明支付宝受理了相关交易申请，不代表交易已经成功；",
                "2.本回单不作为收款方发货依据，仅供参考；", "3.交易双方可通过支付宝交易号查询交易信息；",
                "4.本回单仅支持基于本次支付宝交易的查询，不支持对交易对方的资质、商品或服务的担保；",
                "5.如需核实交易信息，可与支付宝客服联系；", "6.支付宝不会主动向您发送包含链接的短信；",
                "7.禁止将本回单用于非法用途；", "8.本明细仅展示当前账单中的交易，不包括已删除的记录；",
                "9.本明细仅供个人对账使用。", "",
                "------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------"]
    header = ["交易时间", "交易分类", "交易对方", "对方账号", "商品说明", "收/支", "金额", "收/付款方式",
              "交易状态", "交易订单号", "商家订单号", "备注"]
    rows = [
        ["2024-05-03 12:40:18", "餐饮美食", "某某面馆", "/", "牛肉面", "支出", "18.00", "余额宝", "交易成功",
         "2024050322001472501234567890", "MG20240503124018001", ""],
        ["2024-05-01 09:55:12", "文化休闲", "星辰卡盟", "xcky***@163.com", "云游一卡通100元", "支出", "100.00",
         "余额宝", "交易成功", "2024050122001472509955120001", "XC20240501095512", ""],
        ["2024-04-30 19:02:44", "日用百货", "某某便利店", "/", "便利店消费", "支出", "12.80", "花呗", "交易成功",
         "2024043022001472501902440002", "BL20240430190244", ""],
        ["2024-04-28 08:15:09", "交通出行", "地铁出行", "/", "地铁票", "支出", "4.00", "余额宝", "交易成功",
         "2024042822001472500815090003", "DT20240428081509", ""],
        ["2024-04-26 21:30:00", "充值缴费", "某某通信", "/", "话费充值", "支出", "12.50", "余额宝", "交易成功",
         "2024042622001472502130000004", "HF20240426213000", ""],
    ]

    def padded(cells: list[str]) -> str:
        # The app pads every cell with spaces to a fixed width and ends each row with a comma.
        return "".join(f"{cell:<20}," for cell in cells)

    lines = [*preamble, padded(header), *(padded(row) for row in rows)]
    (HERE / "支付宝交易明细(20240425-20240505).csv").write_bytes("\r\n".join(lines).encode("gbk") + b"\r\n")


def qq_export() -> None:
    """The chat with the merchant, exported from QQ's 消息管理器 as text (UTF-8 with BOM, CRLF)."""
    messages = [
        ("2024-05-01 9:50:31", "小明", "老板，云游一卡通100元现在有货吗？"),
        ("2024-05-01 9:51:02", "云游数码-阿杰", "有的，拍下后自动发货，秒到账"),
        ("2024-05-01 10:05:40", "小明", "订单XC20240501095512，付了100还没到账"),
        ("2024-05-01 10:06:15", "云游数码-阿杰", "稍等，系统在处理，10分钟内到账"),
        ("2024-05-01 10:40:03", "小明", "半小时了，还是没到"),
        ("2024-05-01 10:42:30", "云游数码-阿杰", "上游渠道卡单了，已经反馈给技术，请再等等"),
        ("2024-05-01 10:43:02", "小明", "那大概要等多久？"),
        ("2024-05-01 10:45:11", "云游数码-阿杰", "今天之内肯定给你处理好"),
        ("2024-05-01 22:10:47", "小明", "今天都快过完了，还是没到账"),
        ("2024-05-02 9:12:55", "小明", "一天了还没到账，请退款¥100.00"),
        ("2024-05-02 9:40:20", "云游数码-阿杰", "[图片]"),
        ("2024-05-02 9:40:35", "云游数码-阿杰", "后台显示充值中，不能退，只能等"),
        ("2024-05-02 18:20:09", "小明", "你们承诺秒到账，现在一天多了，请退款"),
        ("2024-05-03 10:00:18", "小明", "请尽快处理退款，不然我只能去平台投诉了"),
    ]
    lines = ["消息记录（此消息记录为文本格式，不支持重新导入）", "", "=" * 64, "消息分组:我的好友", "=" * 64,
             "消息对象:云游数码-阿杰", "=" * 64, ""]
    for when, sender, text in messages:
        lines += [f"{when} {sender}", text, ""]
    (HERE / "QQ聊天记录-云游数码.txt").write_bytes("\ufeff".encode() + "\r\n".join(lines).encode("utf-8"))


def main() -> None:
    HERE.mkdir(exist_ok=True)
    alipay_export()
    qq_export()
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
