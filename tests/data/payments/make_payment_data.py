"""Write the payment-export test inputs in this folder, following docs in the project's format spec
(payment-exports.md, sections named per writer). All people, shops, ids and amounts are invented.

    python tests/data/payments/make_payment_data.py

Every input varies the quirks the spec lists: encodings (GBK, GB18030, UTF-8 with and without BOM,
UTF-16), CRLF / LF / CR / mixed line ends, padding and tabs, quoting, header on XLSX row 17 or 18,
refund pairs of every linking rule, and broken files (truncated, header missing, Excel-mangled ids).
Only the standard library is used: the XLSX and PDF files are written by hand (minimal but valid).

The case these files are matched against (tests/conftest.py, NOT_DELIVERED): platform 星辰卡盟, merchant
云游数码专营店, order XC20240501095512, price ¥100.00, paid 2024-05-01 09:55:12.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
RNG = random.Random(7311)
TAB = "\t"
ORDER = "XC20240501095512"


def digits(n: int) -> str:
    return "".join(RNG.choice("0123456789") for _ in range(n))


def pad(value: str, width: int) -> str:
    return value + " " * max(0, width - len(value))


def save(folder: str, name: str, data: bytes) -> None:
    target = HERE / folder
    target.mkdir(exist_ok=True)
    (target / name).write_bytes(data)
    print(f"{folder}/{name}: {len(data)} bytes")


def encode(text: str, encoding: str, bom: bool = False) -> bytes:
    data = text.encode(encoding)
    if bom and encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    return data


def ali_trade(date8: str) -> str:
    return date8 + "22001" + digits(15)


# ---- Alipay web "交易记录明细查询" (spec 1.A) ------------------------------------------------------------
WEB_WIDTHS = [21, 20, 20, 20, 20, 10, 16, 16, 20, 8, 8, 8, 9, 9, 20, 9]
WEB_HEADER = ["交易号", "商家订单号", "交易创建时间", "付款时间", "最近修改时间", "交易来源地", "类型", "交易对方", "商品名称",
              "金额（元）", "收/支", "交易状态", "服务费（元）", "成功退款（元）", "备注", "资金状态"]


def web_line(cells: list[str], header: bool = False) -> str:
    out = []
    for index, (cell, width) in enumerate(zip(cells, WEB_WIDTHS, strict=True)):
        text = pad(cell, width)
        if index in (0, 1) and not header:
            text += TAB
        out.append(text)
    return ",".join(out) + ","


def alipay_web(name: str, newline: str, encoding: str, footer: bool = True, extra_rows: list[list[str]] = ()) -> None:
    other = "其他（包括阿里巴巴和外部商家）"
    paid = ali_trade("20240501")
    rows = [
        [ali_trade("20240503"), "BL2024050312000001", "2024-05-03 12:00:01 ", "2024-05-03 12:00:02 ",
         "2024-05-03 12:00:02 ", other, "即时到账交易", "某某面馆", "午餐", "26.00", "支出", "交易成功", "0.00", "0.00",
         "", "已支出"],
        [paid + "_" + digits(19), ORDER, "2024-05-02 10:15:00 ", "2024-05-02 10:15:00 ", "2024-05-02 10:15:00 ",
         other, "即时到账交易", "星辰卡盟", "退款-云游一卡通100元", "49.90", "收入", "退款成功", "0.00", "0.00", "", "已收入"],
        [paid, ORDER, "2024-05-01 09:55:10 ", "2024-05-01 09:55:12 ", "2024-05-02 10:15:00 ", other, "即时到账交易",
         "星辰卡盟", "云游一卡通100元", "100.00", "支出", "交易成功", "0.00", "49.90", "", "已支出"],
        [ali_trade("20240430"), "XC20240430200001", "2024-04-30 20:00:01 ", "", "2024-04-30 20:15:01 ", other,
         "即时到账交易", "星辰卡盟", "云游一卡通100元", "100.00", "支出", "交易关闭", "0.00", "0.00", "", ""],
        [digits(20), "", "2024-04-29 05:31:40 ", "", "2024-04-29 05:31:40 ", "支付宝网站", "即时到账交易",
         "天弘基金管理有限公司", "余额宝-2024.04.28-收益发放", "0.52", "", "交易成功", "0.00", "0.00", "", "已收入"],
        *extra_rows,
    ]
    lines = ["支付宝交易记录明细查询", "账号:[tester@example.com]",
             "起始日期:[2024-04-01 00:00:00]    终止日期:[2024-05-31 23:59:59]",
             "---------------------------------交易记录明细列表------------------------------------",
             web_line(WEB_HEADER, header=True), *[web_line(r) for r in rows]]
    if footer:
        lines += ["-" * 84, f"共{len(rows)}笔记录", "已收入:2笔,50.42元", "待收入:0笔,0.00元", "已支出:3笔,226.00元",
                  "待支出:0笔,0.00元", "导出时间:[2024-06-01 08:00:00]    用户:测试甲"]
    save("alipay_web", name, encode(newline.join(lines) + newline, encoding))


# ---- Alipay app 2021-22 "电子客户回单" (spec 1.B) -------------------------------------------------------
SEP_2021 = "------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------"
SEP_2025 = "------------------------支付宝支付科技有限公司  电子客户回单------------------------"


def pad20(cells: list[str], ids: tuple[int, ...]) -> str:
    return ",".join((c if c else " " * 20) + TAB if i in ids else pad(c, 20) for i, c in enumerate(cells)) + ","


def alipay_2021(name: str, newline: str) -> None:
    header = ("收/支                 ,交易对方                ,对方账号                ,商品说明                ,"
              "收/付款方式              ,金额                  ,交易状态                ,交易分类                ,"
              "交易订单号     ,商家订单号           ,交易时间            ,")
    paid = ali_trade("20240501")
    other = ali_trade("20240420")
    rows = [
        ["收入", "星辰卡盟", "xcm***@example.com", "退款-云游一卡通100元", "余额", "49.90", "退款成功", "退款",
         paid + "_" + digits(19), ORDER, "2024-05-02 10:15:00 "],
        ["支出", "星辰卡盟", "xcm***@example.com", "云游一卡通100元", "余额", "100.00", "交易成功", "文化休闲", paid, ORDER,
         "2024-05-01 09:55:12 "],
        ["其他", "星辰卡盟", "xcm***@example.com", "退款-云游月卡30元", "余额", "30.00", "退款成功", "退款",
         other + "_" + digits(19), "XC20240420101010", "2024-04-21 08:00:00 "],
        ["支出", "星辰卡盟", "xcm***@example.com", "云游月卡30元", "余额", "30.00", "交易关闭", "文化休闲", other,
         "XC20240420101010", "2024-04-20 10:10:10 "],
        ["其他", "速充小铺", "", "话费100元", "", "100.00", "交易关闭", "充值缴费", ali_trade("20240418"), "SC0418", "2024-04-18 19:02:13 "],
        ["收入", "*甲", "139******11", "转账", "余额", "20.00", "交易成功", "转账红包", ali_trade("20240405"), "",
         "2024-04-05 16:40:09 "],
    ]
    lines = [SEP_2021, header, *[pad20(r, (8, 9)) for r in rows], "-" * 84, "导出信息：", "姓名：测试甲",
             "支付宝账户：tester@example.com", "起始时间：[2024-04-01 00:00:00]    终止时间：[2024-05-31 23:59:59]",
             "导出时间：[2024-06-01 08:00:00]", f"共{len(rows)}笔记录", "收入：1笔,20.00元", "支出：2笔,130.00元",
             "其他：3笔,179.90元", "", "特别提示：", "1.本回单内容可表明支付宝受理了相应支付交易申请；"]
    save("alipay_2021", name, encode(newline.join(lines) + newline, "gbk"))


# ---- Alipay app 2023+ (spec 1.C, 1.E) ---------------------------------------------------------------
HEADER_2023_PADDED = ("交易时间            ,交易分类                ,交易对方                ,对方账号                ,"
                      "商品说明                ,收/支                 ,金额                  ,收/付款方式              ,"
                      "交易状态                ,交易订单号     ,商家订单号           ,备注                  ,")
HEADER_2023_PLAIN = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,"


def preamble_2023(count: int, separator: str) -> list[str]:
    return ["-" * 84, "导出信息：", "姓名：测试甲", "支付宝账户：tester@example.com",
            "起始时间：[2024-04-01 00:00:00]    终止时间：[2024-05-31 23:59:59]", "导出交易类型：[全部]",
            "导出时间：[2024-06-01 08:00:00]", f"共{count}笔记录", "收入：1笔 20.00元", "支出：4笔 354.00元",
            "不计收支：3笔 179.90元", "", "特别提示：", "1.本回单内容可表明支付宝受理了相应支付交易申请；",
            "2.请勿将本回单作为收款方发货的凭据使用；", "3.请勿使用本回单进行重复记账；", "4.本回单如经任何涂改、编造，均立即失去效力；",
            "5.记为不计收支类；", "6.请以实际交易金额为准；", "7.禁止将本回单用于非法用途；", "8.不包括已删除的记录；",
            "9.本明细仅供个人对账使用。", "", separator]


def rows_2023(refund_mark: str) -> list[list[str]]:
    paid = ali_trade("20240501")
    closed = ali_trade("20240420")
    return [
        ["2024-05-03 12:00:01", "餐饮美食", "某某面馆", "/", "午餐", "支出", "26.00", "花呗&红包", "交易成功",
         ali_trade("20240503"), "BL2024050312000001", ""],
        ["2024-05-02 10:15:00", "退款", "星辰卡盟", "xcm***@example.com", "退款-云游一卡通100元", "不计收支", "49.90",
         "招商银行储蓄卡(1234)", "退款成功", paid + refund_mark + digits(19), ORDER, ""],
        ["2024-05-01 09:55:12", "文化休闲", "星辰卡盟", "xcm***@example.com", "云游一卡通100元", "支出", "100.00",
         "招商银行储蓄卡(1234)&碰一下立减", "交易成功", paid, ORDER, ""],
        ["2024-05-01 09:50:00", "文化休闲", "星辰卡盟", "xcm***@example.com", "云游一卡通100元", "不计收支", "100.00", "",
         "交易关闭", ali_trade("20240501"), "XC20240501095000", ""],
        ["2024-04-21 08:00:00", "退款", "星辰卡盟", "xcm***@example.com", "退款-云游月卡30元", "不计收支", "30.00", "余额",
         "退款成功", closed + refund_mark + digits(19), "XC20240420101010", ""],
        ["2024-04-20 10:10:10", "文化休闲", "星辰卡盟", "xcm***@example.com", "云游月卡30元", "支出", "30.00", "余额",
         "交易关闭", closed, "XC20240420101010", ""],
        ["2024-04-15 11:11:11", "数码电器", "某某数码", "shu***@example.com", "手机壳", "支出", "29.00", "余额",
         "等待确认收货", ali_trade("20240415"), "T200P" + digits(19), ""],
        ["2024-04-12 12:12:12", "日用百货", "某某超市", "/", "纸巾", "支出", "199.00", "余额", "交易成功",
         ali_trade("20240412"), "/", ""],
        ["2024-04-05 16:40:09", "转账红包", "*甲", "139******11", "转账", "收入", "20.00", "余额", "交易成功",
         ali_trade("20240405"), "", ""],
    ]


def alipay_2023_padded(name: str, encoding: str, newline: str, bom: bool = False) -> None:
    rows = rows_2023("_")
    lines = preamble_2023(len(rows), SEP_2021) + [HEADER_2023_PADDED, *[pad20(r, (9, 10)) for r in rows]]
    text = newline.join(lines) + newline
    data = text.encode("utf-16") if encoding == "utf-16" else encode(text, encoding, bom)
    save("alipay_2023", name, data)


def plain_2023(cells: list[str]) -> str:
    return ",".join(c + TAB if i in (9, 10) and c else c for i, c in enumerate(cells)) + ","


def alipay_2023_plain(name: str, *, rows: list[list[str]] | None = None, stated: int | None = None,
                      header: bool = True, row_newline: str = "\n") -> None:
    """Late-2025 variant: unpadded cells, new company line, `*REFUND_` ids, CRLF preamble + LF rows."""
    rows = rows if rows is not None else rows_2023("*REFUND_")
    pre = preamble_2023(stated if stated is not None else len(rows), SEP_2025)
    body = ([HEADER_2023_PLAIN] if header else []) + [plain_2023(r) for r in rows]
    save("alipay_2023", name, encode("\r\n".join(pre) + "\r\n" + row_newline.join(body) + row_newline, "gbk"))


# ---- WeChat Pay CSV (spec 2.A, 2.B) -----------------------------------------------------------------
WX_HEADER = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注"


def wx_preamble(count: int, note4: bool = False) -> list[str]:
    lines = ["微信支付账单明细", "微信昵称：[小测甲]", "起始时间：[2024-04-01 00:00:00] 终止时间：[2024-05-31 23:59:59]",
             "导出类型：[全部]", "导出时间：[2024-06-01 08:00:00]", "", f"共{count}笔记录", "收入：3笔 369.90元",
             "支出：4笔 458.00元", "中性交易：1笔 100.10元", "注：", "1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易",
             "2. 本明细仅展示当前账单中的交易，不包括已删除的记录", "3. 本明细仅供个人对账使用"]
    if note4:
        lines.append("4. 本账单中所有时间均为UTC+08:00时间")
    return [*lines, "", "----------------------微信支付账单明细列表--------------------"]


def wx_rows(amount_sign: str = "¥", short_times: bool = False, thousands: bool = False) -> list[list[str]]:
    pay = "42000" + digits(5) + "20240501" + digits(10)
    transfer_id = "1000050001" + "20240410" + digits(13)

    def when(value: str) -> str:
        if not short_times:
            return value
        date, clock = value.split()
        y, m, d = date.split("-")
        return f"{y}/{int(m)}/{int(d)} {int(clock[:2])}:{clock[3:5]}"

    return [
        [when("2024-05-03 12:00:01"), "商户消费", "某某面馆", "午餐", "支出", f"{amount_sign}26.00", "零钱", "支付成功",
         "42000" + digits(23), "BL2024050312000001", "/"],
        [when("2024-05-02 10:15:00"), "星辰卡盟-退款", "星辰卡盟", "云游一卡通100元", "收入", f"{amount_sign}49.90",
         "招商银行储蓄卡(1234)", "已退款(￥49.90)", "503" + digits(26), "", "/"],
        [when("2024-05-01 09:55:12"), "商户消费", "星辰卡盟", "云游一卡通100元", "支出", f"{amount_sign}100.00",
         "招商银行储蓄卡(1234)", "已退款(￥49.90)", pay, ORDER, "/"],
        [when("2024-04-20 10:10:10"), "商户消费", "速充小铺", "话费1000元", "支出", f"{amount_sign}{'1,000.00' if thousands else '1000.00'}", "零钱",
         "支付成功", "42000" + digits(23), "SC20240420", "/"],
        [when("2024-04-12 10:00:03"), "转账-退款", "/", "转账备注:微信转账", "收入", f"{amount_sign}300.00", "零钱", "已全额退款",
         transfer_id, "", "/"],
        [when("2024-04-10 09:58:41"), "转账", "阿乙", "转账备注:微信转账", "支出", f"{amount_sign}300.00", "零钱",
         "对方已退还", "1000050001" + "240410" + digits(20), transfer_id, "/"],
        [when("2024-04-08 20:00:00"), "微信红包", "阿乙", "/", "收入", f"{amount_sign}20.00", "/", "已存入零钱",
         "1000039901" + digits(26), "1000039901" + digits(21), "/"],
        [when("2024-04-05 16:29:37"), "零钱提现", "建设银行(9999)", "/", "/", f"{amount_sign}100.10", "建设银行储蓄卡(9999)",
         "提现已到账", "207" + digits(27), "/", "服务费¥0.10"],
    ]


def wechat_csv(name: str, *, encoding: str = "utf-8", bom: bool = True, newline: str = "\r\n", commas: int = 10,
               short_times: bool = False) -> None:
    # An Excel re-save adds thousands separators (cashbook #42, ezbookkeeping #129) and quotes such cells.
    rows = wx_rows(short_times=short_times, thousands=short_times)
    pre = [line + "," * commas for line in wx_preamble(len(rows))]

    def money(value: str) -> str:
        return f'"{value}"' if "," in value else value

    def row(c: list[str]) -> str:
        return ",".join([c[0], c[1], c[2], f'"{c[3]}"', c[4], money(c[5]), c[6], c[7], c[8] + TAB, c[9] + TAB,
                         f'"{c[10]}"'])

    save("wechat_csv", name, encode(newline.join([*pre, WX_HEADER, *[row(r) for r in rows]]) + newline, encoding, bom))


def wechat_csv_2025(name: str, newline: str = "\r\n", bom: bool = True) -> None:
    rows = wx_rows()
    pre = [line + "," * 10 for line in wx_preamble(len(rows))]

    def q(value: str) -> str:
        return f'"{value}"'

    def row(c: list[str]) -> str:
        return ",".join([c[0], q(c[1]), q(c[2]), q(c[3]), q(c[4]), c[5], q(c[6]), q(c[7]), q(c[8]) + TAB,
                         q(c[9]) + TAB, q(c[10])])

    save("wechat_csv_2025", name, encode(newline.join([*pre, WX_HEADER, *[row(r) for r in rows]]) + newline,
                                          "utf-8", bom))


# ---- WeChat Pay XLSX (spec 2.C, 2.D), written by hand --------------------------------------------------
def _col(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


def write_xlsx(path_folder: str, name: str, rows: list[list[object]], money_style_column: int | None = None) -> None:
    """A minimal workbook: one sheet `Sheet1`, shared strings, numbers with a `#,##0.00` style."""
    strings: list[str] = []
    index: dict[str, int] = {}
    sheet_rows = []
    for r, cells in enumerate(rows, start=1):
        out = []
        for c, value in enumerate(cells):
            ref = f"{_col(c)}{r}"
            if value is None or value == "":
                continue
            if isinstance(value, int | float):
                style = ' s="1"' if money_style_column == c else ""
                out.append(f'<c r="{ref}"{style}><v>{value}</v></c>')
            else:
                if value not in index:
                    index[value] = len(strings)
                    strings.append(value)
                out.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(out)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {ns} {rel_ns}>'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>'),
        "xl/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet {ns}>'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'),
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst {ns} count="{len(strings)}" uniqueCount="{len(strings)}">'
            + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>"),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {ns}><sheetData>'
            + "".join(sheet_rows) + "</sheetData></worksheet>"),
    }
    target = HERE / path_folder
    target.mkdir(exist_ok=True)
    with zipfile.ZipFile(target / name, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in files.items():
            info = zipfile.ZipInfo(member, date_time=(2024, 6, 1, 8, 0, 0))
            archive.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    print(f"{path_folder}/{name}: header row {next(i for i, r in enumerate(rows, 1) if r and r[0] == '交易时间')}")


def wechat_xlsx(name: str, *, note4: bool, numeric: bool, mangle_ids: bool = False) -> None:
    rows: list[list[object]] = [[line or None] for line in wx_preamble(8, note4)]
    rows.append(WX_HEADER.split(","))
    for cells in wx_rows(thousands=not numeric):
        values: list[object] = list(cells)
        if numeric:
            values[5] = float(cells[5].replace("¥", "").replace(",", ""))
        if mangle_ids:
            values[8] = float(cells[8][:6] + "." + cells[8][6:12] + "e" + str(len(cells[8]) - 1))
        rows.append(values)
    write_xlsx("wechat_xlsx_2026" if note4 else "wechat_xlsx", name, rows, money_style_column=5 if numeric else None)


# ---- Banks (spec 3.A, 3.B) ---------------------------------------------------------------------------
def cmb(name: str, quoted_hash_lines: bool = True) -> None:
    def q(value: str) -> str:
        return f'"{value}"'

    meta = ["# 招商银行交易记录", "# 导出时间: [            2024-06-01 08:00:00]", "# 账    号: [一卡通:6214********1234   招商银行]",
            "# 币    种: [                         人民币]", "# 起始日期: [20240401]   终止日期: [20240531]", "# 过滤设置:  无"]
    rows = [
        ("20240502", "10:15:03", "49.90", "", "1,950.10", "快捷支付", "财付通-微信支付-星辰卡盟"),
        ("20240501", "09:55:14", "", "100.00", "1,900.20", "快捷支付", "财付通-微信支付-星辰卡盟"),
        ("20240428", "18:30:02", "", "500.00", "2,000.20", "转账汇款", "转账 测*乙"),
        ("20240410", "10:00:00", "3000.00", "", "2,500.20", "代发工资", "代发工资"),
    ]
    lines = [q(m) if quoted_hash_lines else m for m in meta] + [""]
    lines.append(",".join(q(h) for h in ["交易日期", "交易时间", "收入", "支出", "余额", "交易类型", "交易备注"]))
    for d, t, income, expense, balance, kind, remark in rows:
        lines.append(",".join([q(TAB + d), q(TAB + t), q(income), q(expense), q(balance), q(kind), q(TAB + remark)]))
    lines += ["", q("# 收入合计: 2 笔，共 3049.90 元"), q("# 支出合计: 2 笔，共 600.00 元")]
    save("bank_cmb", name, encode("\r\n".join(lines) + "\r\n", "utf-8", bom=True))


def icbc(name: str, version: int = 2, encoding: str = "utf-8") -> None:
    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)

    def cell(value: str, size: int, quote: bool = True) -> str:
        text = value + " " * max(0, size - width(value)) + TAB
        return f'"{text}"' if quote else text

    if version == 2:
        header = ("交易日期,摘要,交易详情,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),交易币种,"
                  "记账金额(收入),记账金额(支出),记账币种,余额,对方户名,对方账户")
    else:
        header = ("交易日期,摘要,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),交易币种,"
                  "记账金额(收入),记账金额(支出),记账币种,余额,对方户名")
    rows = [
        ("2024-05-02", "退款", "财付通-星辰卡盟", "49.90", "", "1,049.90", "财付通支付科技有限公司", "2155****0690"),
        ("2024-05-01", "消费", "财付通-星辰卡盟", "", "100.00", "1,000.00", "财付通支付科技有限公司", "2155****0690"),
        ("2024-04-18", "消费", "支付宝-速充小铺", "", "1,200.00", "1,100.00", "支付宝（中国）网络技术有限公司", "2088****1911"),
        ("2024-04-10", "工资", "", "3,000.00", "", "2,300.00", "测试科技有限公司", "4402****7387"),
    ]
    lines = ["明细查询文件下载", "", '卡号: 6222****5678,"卡别名: "', "", '子账户序号: 00000,子账户类别: 活期,"子账户别名: "', "",
             header]
    for d, summary, place, income, expense, balance, peer, account in rows:
        cells = [cell(d, 15, quote=False), cell(summary, 20)]
        if version == 2:
            cells.append(cell("", 30))
        cells += [cell(place, 60), cell("CHN", 20), cell("钞", 10, quote=False), cell("-", 20), cell("-", 20),
                  cell("-", 15, quote=False), cell(income or "-", 20), cell(expense or "-", 20),
                  cell("人民币", 15, quote=False), cell(balance, 20), cell(peer, 140)]
        if version == 2:
            cells.append(cell(account, 19))
        lines.append(",".join(cells) + ",")
    lines += [" ", '人民币合计,,,,,,,,,"3,049.90          \t","1,300.00          \t",']
    save("bank_icbc", name, encode("\r\n".join(lines) + "\r\n", encoding, bom=encoding == "utf-8"))


def generic(name: str) -> None:
    """Another bank's CSV (no markers): read with --map 时间=记账日期+记账时间,支出=借方金额,收入=贷方金额,对方=对方名称."""
    lines = ["某某农商银行 账户明细", "账号,6230****0001", "",
             "记账日期,记账时间,借方金额,贷方金额,账户余额,对方名称,用途",
             "2024-05-02,10:15:09,,49.90,950.10,星辰卡盟,退款",
             "2024-05-01,09:55:20,100.00,,900.20,星辰卡盟,消费",
             "2024-04-28,12:00:00,35.00,,1000.20,某某面馆,消费",
             "2024-04-27,12:00:00,abc,,1035.20,某某面馆,消费"]
    save("bank_generic", name, encode("\n".join(lines) + "\n", "gbk"))


# ---- PDF statements (spec 3.A(2), 3.B(2)), written by hand ------------------------------------------
def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A minimal PDF: a Type0 font with Identity-H encoding whose codes are UCS-2 code points and a
    ToUnicode map, so text extraction recovers the Chinese without an embedded font program."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    descriptor = add(b"<< /Type /FontDescriptor /FontName /KamengTest /Flags 4 /FontBBox [0 -200 1000 900] "
                     b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /KamengTest /CIDSystemInfo << /Registry (Adobe) "
              b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /CIDToGIDMap /Identity >>" % descriptor)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /KamengTest /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, to_unicode))
    pages_id = len(objects) + 2 * len(pages) + 1
    kids = []
    for lines in pages:
        ops = [b"BT /F1 9 Tf 11 TL 30 800 Td"]
        ops += [b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*" for line in lines]
        ops.append(b"ET")
        content = b"\n".join(ops)
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R "
                        b">> >> /Contents %d 0 R >>" % (pages_id, font, stream)))
    assert add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def cmb_pdf(name: str) -> None:
    pages = [
        ["招商银行交易流水", "Transaction Statement of China Merchants Bank", "2024-04-01 -- 2024-05-31",
         "户 名：测试甲 Name", "账号：6214********1234 Account No", "记账日期 货币 交易金额 联机余额 交易摘要 对手信息 客户摘要",
         "Date Currency Transaction Amount Balance Transaction Type Counter Party Customer Type",
         "2024-05-02 CNY 49.90 1,950.10 快捷支付 星辰卡盟 财付通-星辰卡盟",
         "2024-05-01 CNY -100.00 1,900.20 快捷支付 星辰卡盟 财付通-星辰卡盟",
         "2024-04-28 CNY -1,500.00 2,000.20 转账汇款 测*乙", "6214****0002 转账", "1/2"],
        ["2024-04-10 CNY 3,000.00 3,500.20 代发工资 测试科技有限公司 代发工资", "————", "2/2"],
    ]
    save("bank_cmb_pdf", name, pdf_bytes(pages))


def icbc_pdf(name: str) -> None:
    pages = [[
        "中国工商银行借记账户历史明细（电子版）", "起止日期：2024-04-01 — 2024-05-31", "户名：测试甲", "卡号：6222000000000005678",
        "交易日期 帐号 储种 序号 币种 钞汇 摘要 地区 收入/支出金额 余额 对方户名 对方帐号 渠道",
        "2024-05-02 10:15:02 6222****5678 活期 00000 人民币 钞 退款 广东 +49.90 1,049.90 财付通-星辰卡盟 （空） 网上银行",
        "2024-05-01 09:55:13 6222****5678 活期 00000 人民币 钞 消费 广东 -100.00 1,000.00 财付通-星辰卡盟 （空） 网上银行",
        "2024-04-10 09:00:00 6222****5678 活期 00000 人民币 钞 工资 广东 +3,000.00 1,100.00 测试科技有限公司 4402****7387 柜面",
    ]]
    save("bank_icbc_pdf", name, pdf_bytes(pages))


def main() -> None:
    alipay_web("web_gbk_crlf.csv", "\r\n", "gbk")
    alipay_web("web_gb18030_lf.txt", "\n", "gb18030",
               extra_rows=[[ali_trade("20240501"), "XC20240501200000", "2024-05-01 20:00:00 ", "2024-05-01 20:00:02 ",
                            "2024-05-01 20:00:02 ", "其他", "即时到账交易", "星辰卡盟", "云游一卡通100元", "100.00", "支出",
                            "交易成功", "0.00", "0.00", "", "已支出"],
                           [ali_trade("20240410"), "ZZ1", "2024-04-10 10:00:00 ", "2024-04-10 10:00:01 ", "", "其他", "即时到账交易",
                            "某某书店", "书", "12.3x", "支出", "交易成功", "0.00", "0.00", "", "已支出"],
                           [ali_trade("20240409"), "ZZ2", "2024-04-09 10:00:00 ", "2024-04-09 10:00:01 ", "", "其他", "即时到账交易",
                            "某某书店", "书", "12.30", "支出", "神秘状态", "0.00", "0.00", "", "已支出"]])
    alipay_web("broken_no_footer.csv", "\r\n", "gbk", footer=False)
    alipay_2021("app2021_gbk_crlf.csv", "\r\n")
    alipay_2021("app2021_gbk_mixed.csv", "\n")
    alipay_2023_padded("padded_gbk_crlf.csv", "gbk", "\r\n")
    alipay_2023_padded("padded_utf8_bom_lf.csv", "utf-8", "\n", bom=True)
    alipay_2023_padded("padded_utf16_crlf.csv", "utf-16", "\r\n")
    alipay_2023_padded("padded_gb18030_cr.csv", "gb18030", "\r")
    alipay_2023_plain("plain_2025_refund_star.csv")
    alipay_2023_plain("broken_truncated.csv", rows=rows_2023("*REFUND_")[:5], stated=9)
    alipay_2023_plain("broken_no_header.csv", header=False)
    mangled = rows_2023("_")
    mangled[2][9] = "2.02405E+25"
    alipay_2023_plain("broken_excel_mangled.csv", rows=mangled)
    wechat_csv("classic_bom_crlf.csv")
    wechat_csv("classic_nobom_lf_8commas.csv", bom=False, newline="\n", commas=8)
    wechat_csv("excel_resaved_gb18030.csv", encoding="gb18030", bom=False, short_times=True)
    wechat_csv_2025("quoted_tab_bom_crlf.csv")
    wechat_csv_2025("quoted_tab_nobom_lf.csv", newline="\n", bom=False)
    wechat_xlsx("row17_text_amounts.xlsx", note4=False, numeric=False)
    wechat_xlsx("row18_numeric_amounts.xlsx", note4=True, numeric=True)
    wechat_xlsx("broken_float_ids.xlsx", note4=True, numeric=True, mangle_ids=True)
    cmb("cmb_quoted.csv")
    cmb("cmb_bare_hash.csv", quoted_hash_lines=False)
    icbc("icbc_v2_utf8_bom.csv")
    icbc("icbc_v1_gbk.csv", version=1, encoding="gbk")
    generic("other_bank_gbk.csv")
    cmb_pdf("cmb_statement.pdf")
    icbc_pdf("icbc_history.pdf")


if __name__ == "__main__":
    main()
