"""Write the inputs for the fixes of the third payment black-box test (notes/tester_payments.md): exports
damaged by a download, a disk or a copy (bad bytes on a data row or on the title line, a file cut inside a
multibyte character), rows matched without a merchant order number, and a CMB PDF whose 对手信息 carries
the channel, the merchant and an account number wrapped onto the next text line. Invented data built with
the writers of make_payment_data.py; the quirks differ from the tester's files on purpose (other bytes,
other layouts, other lines).

    python tests/data/payments/make_tester3_data.py
"""

from __future__ import annotations

import make_payment_data as m
from make_payment_data import ORDER, TAB, ali_trade, digits, encode, save


def _lines_bytes(lines: list[str], encoding: str, newline: str, bom: bool = False) -> list[bytes]:
    """Each line encoded on its own (with its line end), so that one can be damaged in place."""
    data = [encode(line + newline, encoding) for line in lines]
    if bom:
        data[0] = b"\xef\xbb\xbf" + data[0]
    return data


def _damage(line: bytes, after: bytes, bad: bytes) -> bytes:
    at = line.index(after) + len(after)
    return line[:at] + bad + line[at:]


def _cut_inside_last_character(data: bytes, encoding: str) -> bytes:
    """The bytes up to the middle of the file's last non-ASCII character: a download that stopped there."""
    text = data.decode(encoding).rstrip("\r\n")
    last = max(i for i, ch in enumerate(text) if ord(ch) > 0x7F)
    return data[:len(text[:last].encode(encoding)) + 1]


# ---- bad bytes (spec 4.1, 4.9): recognised, refused with the line, never kept as an unknown file -------------
def alipay_2023_bad_row() -> None:
    """Two bytes no GBK/GB18030 or UTF-8 text has (0xFF 0x80) in the 商品说明 of the fifth data row (line 30)."""
    rows = m.rows_2023("*REFUND_")
    lines = [*m.preamble_2023(len(rows), m.SEP_2025), m.HEADER_2023_PLAIN, *[m.plain_2023(r) for r in rows]]
    data = _lines_bytes(lines, "gbk", "\r\n")
    data[29] = _damage(data[29], encode("退款-云游月卡", "gbk"), b"\xff\x80")
    save("alipay_2023", "broken_bad_bytes_row.csv", b"".join(data))


def alipay_2021_bad_title() -> None:
    """A NUL and two bad bytes in the dashes after 电子客户回单 on line 1 (the title the layout is known by)."""
    header = ("收/支                 ,交易对方                ,对方账号                ,商品说明                ,"
              "收/付款方式              ,金额                  ,交易状态                ,交易分类                ,"
              "交易订单号     ,商家订单号           ,交易时间            ,")
    rows = [["支出", "星辰卡盟", "xcm***@example.com", "云游一卡通100元", "余额", "100.00", "交易成功", "文化休闲",
             ali_trade("20240501"), ORDER, "2024-05-01 09:55:12 "]]
    lines = [m.SEP_2021, header, *[m.pad20(r, (8, 9)) for r in rows], "-" * 84, "导出信息：",
             "起始时间：[2024-04-01 00:00:00]    终止时间：[2024-05-31 23:59:59]", "导出时间：[2024-06-01 08:00:00]",
             "共1笔记录"]
    data = _lines_bytes(lines, "gbk", "\r\n")
    data[0] = _damage(data[0], encode("电子客户回单---", "gbk"), b"\x80\x00\xfe")
    save("alipay_2021", "broken_bad_bytes_title.csv", b"".join(data))


def wechat_bad_utf8() -> None:
    """A UTF-8 character whose last byte was lost (0xE6 0x98, then a comma) on the fourth data row (line 21)."""
    rows = m.wx_rows()
    pre = [line + "," * 10 for line in m.wx_preamble(len(rows))]
    body = [",".join([c[0], c[1], c[2], f'"{c[3]}"', c[4], c[5], c[6], c[7], c[8] + TAB, c[9] + TAB, f'"{c[10]}"'])
            for c in rows]
    data = _lines_bytes([*pre, m.WX_HEADER, *body], "utf-8", "\r\n", bom=True)
    data[20] = _damage(data[20], "话费".encode(), b"\xe6\x98")
    save("wechat_csv", "broken_bad_utf8.csv", b"".join(data))


# ---- a download cut inside a multibyte character: a truncated file, as a cut between characters is ------------
def alipay_2023_cut_in_character() -> None:
    rows = m.rows_2023("_")[:6]
    lines = [*m.preamble_2023(len(rows), m.SEP_2021), m.HEADER_2023_PLAIN, *[m.plain_2023(r) for r in rows]]
    data = encode("\n".join(lines) + "\n", "gb18030")
    save("alipay_2023", "broken_cut_in_character.csv", _cut_inside_last_character(data, "gb18030"))


def icbc_cut_in_character() -> None:
    """ICBC v2 (UTF-8 with BOM) cut inside a three-byte character of the last data row; the footer is gone."""
    m.icbc("_cut_source.csv")
    path = m.HERE / "bank_icbc" / "_cut_source.csv"
    data = path.read_bytes()
    path.unlink()
    body = data[:data.index(b"\r\n \r\n")]  # the rows, without the footer
    last = body.rindex(b"\r\n") + 2
    place = body.index("测试科技".encode(), last)
    save("bank_icbc", "broken_cut_in_character.csv", body[:place + 4])  # two bytes into 试


# ---- rows without a merchant order number, matched by score (spec 4, linking keys) ---------------------------
def alipay_2023_no_merchant_no() -> None:
    """The 星辰卡盟 payment's 商家订单号 is empty (the case's order number is nowhere): matched by counterparty,
    amount and time; its trade number is no order number."""
    rows = [
        ["2024-05-03 12:00:01", "餐饮美食", "某某面馆", "/", "午餐", "支出", "26.00", "余额", "交易成功",
         ali_trade("20240503"), "BL2024050312000001", ""],
        ["2024-05-01 09:56:40", "文化休闲", "星辰卡盟", "xcm***@example.com", "云游一卡通100元", "支出", "100.00", "余额",
         "交易成功", ali_trade("20240501"), "", ""],
        ["2024-04-12 12:12:12", "日用百货", "某某超市", "/", "纸巾", "支出", "199.00", "余额", "交易成功",
         ali_trade("20240412"), "/", ""],
    ]
    m.alipay_2023_plain("score_no_merchant_no.csv", rows=rows)


def wechat_transfer_no_merchant_no() -> None:
    """A 转账 to a person (*明) with 商户单号 `/`: matched by amount and time only."""
    rows = [
        ["2024-05-03 12:00:01", "商户消费", "某某面馆", "午餐", "支出", "¥26.00", "零钱", "支付成功", "42000" + digits(23),
         "BL2024050312000001", "/"],
        ["2024-05-01 09:57:03", "转账", "*明", "转账备注:微信转账", "支出", "¥100.00", "零钱", "对方已收钱",
         "1000050001" + "20240501" + digits(13), "/", "/"],
    ]
    pre = [line + "," * 10 for line in m.wx_preamble(len(rows))]
    body = [",".join([c[0], c[1], c[2], f'"{c[3]}"', c[4], c[5], c[6], c[7], c[8] + TAB, c[9] + TAB, f'"{c[10]}"'])
            for c in rows]
    save("wechat_csv", "transfer_no_merchant_no.csv", encode("\r\n".join([*pre, m.WX_HEADER, *body]) + "\r\n", "utf-8", True))


# ---- CMB PDF: 对手信息 = channel-merchant + account number, wrapped (spec 3.A(2), 4) ---------------------------
def cmb_pdf_wrapped_party() -> None:
    pages = [[
        "招商银行交易流水", "Transaction Statement of China Merchants Bank", "2024-04-01 -- 2024-05-31",
        "户 名：测试甲 Name 账号：6214********1234 Account No", "申请时间：2024-06-02 Date",
        "记账日期 货币 交易金额 联机余额 交易摘要 对手信息 客户摘要",
        "Date Currency Transaction Amount Balance Transaction Type Counter Party Customer Type",
        "2024-05-02 CNY 49.90 1,950.10 快捷支付 财付通-微信支付-星辰卡盟", "1000050101****", "退款",
        "2024-05-01 CNY -100.00 1,900.20 快捷支付 财付通-微信支付-星辰卡盟", "1000050101**** 财付通",
        "2024-04-28 CNY -500.00 2,000.20 转账汇款 测*乙 6214****0002",
        "2024-04-10 CNY 3,000.00 2,500.20 代发工资 测试科技有限公司 4402****7387 工资",
        "————", "1/1",
    ]]
    save("bank_cmb_pdf", "cmb_statement_wrapped_party.pdf", m.pdf_bytes(pages))


def main() -> None:
    alipay_2023_bad_row()
    alipay_2021_bad_title()
    wechat_bad_utf8()
    alipay_2023_cut_in_character()
    icbc_cut_in_character()
    alipay_2023_no_merchant_no()
    wechat_transfer_no_merchant_no()
    cmb_pdf_wrapped_party()


if __name__ == "__main__":
    main()
