"""Write the inputs for the fixes of the held-out payment test (notes/heldout_payments.md): exports re-saved
by Excel/WPS (thousands separators, GBK, lost tabs), damaged workbooks, a closed first attempt followed by a
paid retry, a closed order alone, an empty export, and a CMB PDF with its 申请时间. Invented data, built
with the writers of make_payment_data.py; the quirks differ from the tester's files on purpose.

    python tests/data/payments/make_heldout_data.py
"""

from __future__ import annotations

import io
import zipfile

import make_payment_data as m
from make_payment_data import ORDER, TAB, ali_trade, digits, encode, save


def _without_tabs(text: str) -> str:
    return text.replace(TAB, "")


# ---- Alipay 2023+: closed attempts, an empty export, thousands separators (spec 1.C, 1.E, 4.9) -------------
def _alipay_2023(name: str, rows: list[list[str]], *, plain_cells: bool = True) -> None:
    pre = m.preamble_2023(len(rows), m.SEP_2025)
    body = [m.HEADER_2023_PLAIN, *[m.plain_2023(r) for r in rows]]
    save("alipay_2023", name, encode("\r\n".join([*pre, *body]) + "\r\n", "gbk"))


def alipay_retry() -> None:
    """The first attempt was closed unpaid; the retry minutes later was paid — both with the order number,
    printed in lower case in the export."""
    rows = [
        ["2024-05-01 10:02:40", "文化休闲", "星辰卡盟", "xcm***@example.com", "云游一卡通100元", "支出", "100.00",
         "余额宝", "交易成功", ali_trade("20240501"), ORDER.lower(), ""],
        ["2024-05-01 09:55:12", "文化休闲", "星辰卡盟", "xcm***@example.com", "云游一卡通100元", "不计收支", "100.00", "",
         "交易关闭", ali_trade("20240501"), ORDER.lower(), ""],
        ["2024-04-30 18:00:00", "餐饮美食", "某某面馆", "/", "晚餐", "支出", "32.00", "花呗", "交易成功",
         ali_trade("20240430"), "BL2024043018000001", ""],
    ]
    _alipay_2023("retry_closed_then_paid.csv", rows)


def alipay_closed_only() -> None:
    """Only a closed, never paid row carries the order number; another shop's payment has the same amount."""
    rows = [
        ["2024-05-02 08:00:00", "日用百货", "某某超市", "/", "纸巾", "支出", "100.00", "余额", "交易成功",
         ali_trade("20240502"), "CS20240502", ""],
        ["2024-05-01 09:55:12", "文化休闲", "星辰卡盟", "xcm***@example.com", "云游一卡通100元", "不计收支", "100.00", "",
         "交易关闭", ali_trade("20240501"), ORDER, ""],
    ]
    _alipay_2023("closed_unpaid_only.csv", rows)


def alipay_empty() -> None:
    _alipay_2023("zero_rows.csv", [])


def alipay_thousands() -> None:
    """Excel kept the tabs (the file was saved as text) but wrote amounts with thousands separators."""
    rows = [
        ["2024-05-01 09:55:12", "文化休闲", "星辰卡盟", "xcm***@example.com", "云游一卡通100元", "支出", "100.00",
         "招商银行储蓄卡(1234)", "交易成功", ali_trade("20240501"), ORDER, ""],
        ["2024-04-18 20:00:00", "数码电器", "某某数码", "shu***@example.com", "耳机", "支出", "2,345.60", "花呗",
         "交易成功", ali_trade("20240418"), "T200P" + digits(19), ""],
    ]
    pre = m.preamble_2023(len(rows), m.SEP_2025)

    def cell(value: str, index: int) -> str:
        if "," in value:
            return f'"{value}"'
        return value + TAB if index in (9, 10) and value else value

    body = [m.HEADER_2023_PLAIN, *[",".join(cell(c, i) for i, c in enumerate(r)) + "," for r in rows]]
    save("alipay_2023", "excel_thousands.csv", encode("\r\n".join([*pre, *body]) + "\r\n", "gbk"))


# ---- Alipay 2021: only the tabs lost (a text editor's "trim trailing whitespace") ---------------------------
def alipay_2021_tabs_lost() -> None:
    m.alipay_2021("app2021_tabs_lost.csv", "\r\n")
    path = m.HERE / "alipay_2021" / "app2021_tabs_lost.csv"
    path.write_bytes(encode(_without_tabs(path.read_bytes().decode("gbk")), "gbk"))


# ---- WeChat CSV converted by Excel: GBK, ￥ and thousands separators, tabs gone (spec 2.A, 2.C, 4.9) ---------
def wechat_excel_gbk() -> None:
    rows = m.wx_rows(amount_sign="￥", thousands=True)
    pre = [line + "," * 10 for line in m.wx_preamble(len(rows))]

    def money(value: str) -> str:
        return f'"{value}"' if "," in value else value

    def row(c: list[str]) -> str:
        return ",".join([c[0], c[1], c[2], c[3], c[4], money(c[5]), c[6], c[7], c[8], c[9], c[10]])

    text = "\r\n".join([*pre, m.WX_HEADER, *[row(r) for r in rows]]) + "\r\n"
    save("wechat_csv", "excel_gbk_thousands.csv", encode(text.replace("¥", "￥"), "gbk"))  # GBK has no U+00A5


def wechat_2025_gbk() -> None:
    """The quoted 2025 layout, tabs and plain amounts intact, but re-encoded to GBK (a converter, not Excel)."""
    m.wechat_csv_2025("quoted_tab_gbk.csv", bom=False)
    path = m.HERE / "wechat_csv_2025" / "quoted_tab_gbk.csv"
    path.write_bytes(encode(path.read_bytes().decode("utf-8").replace("¥", "￥"), "gbk"))  # GBK has no U+00A5


# ---- Damaged workbooks (spec 4.1, 5: 2025-07/08) ------------------------------------------------------------
def _cut(folder: str, source: str, name: str, keep: int) -> None:
    data = (m.HERE / folder / source).read_bytes()
    save(folder, name, data[:keep])


def _member_end(folder: str, source: str, member: str) -> int:
    """Where a zip member's compressed bytes end in the file."""
    data = (m.HERE / folder / source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    return start + info.compress_size


def damaged_workbooks() -> None:
    # 2025 layout: cut inside the sheet, after the shared strings (they still name the bill).
    strings_end = _member_end("wechat_xlsx", "row17_text_amounts.xlsx", "xl/sharedStrings.xml")
    _cut("wechat_xlsx", "row17_text_amounts.xlsx", "broken_cut_in_sheet.xlsx", strings_end + 40)
    # 2026 layout: cut inside the shared strings, after the UTC+08:00 note.
    strings_end = _member_end("wechat_xlsx_2026", "row18_numeric_amounts.xlsx", "xl/sharedStrings.xml")
    _cut("wechat_xlsx_2026", "row18_numeric_amounts.xlsx", "broken_cut_in_strings.xlsx", strings_end - 120)
    # A workbook nothing recognises (an order list), cut short: reported as a damaged XLSX all the same.
    m.write_xlsx("wechat_xlsx", "_order_list.xlsx", [["订单导出"], ["交易时间", "订单号", "金额"], ["2024-05-01", "A1", 1.5], ["2024-05-02", "A2", 2.5]])
    whole = m.HERE / "wechat_xlsx" / "_order_list.xlsx"
    data = whole.read_bytes()
    whole.unlink()
    save("wechat_xlsx", "broken_unknown_table.xlsx", data[: len(data) * 2 // 3])


# ---- CMB PDF with its 申请时间 (spec 3.A(2)) -------------------------------------------------------------------
def cmb_pdf_applied() -> None:
    pages = [[
        "招商银行交易流水", "Transaction Statement of China Merchants Bank", "2024-04-15 -- 2024-05-15",
        "户 名：测试甲 账号：6214********1234 账户类型：ALL/全币种", "开 户 行：深圳分行 申请时间：2024-05-16 验 证 码：K2M9",
        "记账日期 货币 交易金额 联机余额 交易摘要 对手信息 客户摘要",
        "Date Currency Transaction Amount Balance Transaction Type Counter Party Customer Type",
        "2024-05-01 CNY -100.00 900.00 快捷支付 星辰卡盟 财付通-微信支付-星辰卡盟",
        "2024-04-20 CNY 1,000.00 1,000.00 代发工资 测试科技有限公司 代发工资",
        "1/1", "————",
    ]]
    save("bank_cmb_pdf", "cmb_statement_applied.pdf", m.pdf_bytes(pages))


def main() -> None:
    alipay_retry()
    alipay_closed_only()
    alipay_empty()
    alipay_thousands()
    alipay_2021_tabs_lost()
    wechat_excel_gbk()
    wechat_2025_gbk()
    damaged_workbooks()
    cmb_pdf_applied()


if __name__ == "__main__":
    main()
