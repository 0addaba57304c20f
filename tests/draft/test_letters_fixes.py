"""Letters: whom they address, what they cite and state, and when drafting is blocked (tester report on
the drafts, defects 4, 5, 7, 8, 10–13, 15, 17; payments defect 3)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from draft_cases import BUILDERS, add, no_blockers

from conftest import run, run_json
from kameng_cli.case.casefile import update_case
from kameng_cli.checks.readiness import concerns
from kameng_cli.draft.context import build_facts
from kameng_cli.draft.redact import Redactor
from kameng_cli.legal import citations
from kameng_cli.model.case import Case
from kameng_cli.model.finding import Finding
from kameng_cli.model.records import Event, Exhibit
from kameng_cli.parsing.times import CST

DATE = "2026-12-07"
COMPANY, USCC = "杭州易充网络科技有限公司", "91330108MA2H3K4L5X"
PLATFORM_ADDRESS = "浙江省杭州市滨江区网商路599号3幢801室"
BASE = ["--problem", "not-delivered", "--platform", "易充卡盟", "--order-no", "YC20261120103015",
        "--goods", "话费充值100元", "--face-value", "100", "--price", "98.50", "--paid-at", "2026-11-20 10:30:15",
        "--payment-channel", "支付宝", "--claim", "refund"]
COMPLAINANT = {("complainant", "name"): "王小明", ("complainant", "phone"): "13812345678",
               ("complainant", "address"): "浙江省杭州市西湖区文三路100号1单元502室",
               ("complainant", "id_number"): "11010519491231002X"}


@pytest.fixture(autouse=True)
def _no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAMENG_OCR", "0")


def _case(tmp_path: Path, *extra: str, fields: dict | None = None) -> Path:
    root = tmp_path / "case"
    result = run("init", root, *BASE, *extra)
    assert result.exit_code == 0, result.output
    update_case(root / "case.toml", {("platform", "company"): COMPANY, ("platform", "uscc"): USCC,
                                     ("platform", "address"): PLATFORM_ADDRESS, **COMPLAINANT, **(fields or {})})
    return root


def _draft(root: Path, channel: str, *extra: str):
    result = run("-C", root, "draft", "--to", channel, "-o", "-", "--date", DATE, "--force", *extra)
    assert result.exit_code == 0, result.output
    return result


def _section(letter: str, heading: str) -> str:
    return letter.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0].strip()


# ---- D4: a merchant without an address is never given the platform's ---------------------------

def test_merchant_without_address_the_operator_is_the_respondent_with_its_own_details(tmp_path: Path) -> None:
    root = _case(tmp_path, "--merchant", "闪充话费店")
    form = _section(_draft(root, "12315").stdout, "被投诉人信息")
    assert f"| 名称（姓名） | {COMPANY} |" in form
    assert f"| 统一社会信用代码 | {USCC} |" in form
    assert f"| 地址 | {PLATFORM_ADDRESS} |" in form
    assert "| 名称（姓名） | 闪充话费店 |" not in form and "闪充话费店（地址不详" in form
    # `check` names the same respondent: its address is known, so nothing is missing about it.
    ready = run_json("-C", root, "check", "--today", DATE)["ready"]["12315"]
    assert not any("被投诉人" in line for line in ready["missing"])

    court = _section(_draft(root, "court").stdout, "被告")
    assert court.startswith("名称：闪充话费店\n") and "住所" not in court.split("第二被告")[0]
    assert f"第二被告：{COMPANY}（易充卡盟平台经营者），统一社会信用代码：{USCC}，住所：{PLATFORM_ADDRESS}" in court
    # The platform is a party: its liability for the merchants it hosts is argued.
    assert "第三十八条第一款" in _draft(root, "court").stdout


def test_merchant_with_address_is_the_only_respondent_and_defendant(tmp_path: Path) -> None:
    address = "广东省深圳市南山区科技园路1号"
    root = _case(tmp_path, "--merchant", "闪充话费店", fields={("merchant", "address"): address})
    form = _section(_draft(root, "12315").stdout, "被投诉人信息")
    assert "| 名称（姓名） | 闪充话费店 |" in form and f"| 地址 | {address} |" in form
    assert USCC not in form and PLATFORM_ADDRESS not in form  # the platform's code identifies nobody else
    letter = _draft(root, "court").stdout
    defendant = _section(letter, "被告")
    assert "第二被告" not in defendant and COMPANY not in defendant
    # D15: the platform is not sued, so its liability is not argued.
    assert "第三十八条" not in letter and "第四十四条" not in letter
    # The court needs the defendant's own credit code; the platform's does not stand in for it.
    court = run_json("-C", root, "check", "--today", DATE)["ready"]["court"]
    assert any("闪充话费店" in line and "统一社会信用代码" in line for line in court["missing"])


# ---- D5: a shop named like the platform is the platform: its operator company is sued --------------

def test_self_run_site_names_the_operator_company_with_its_code(tmp_path: Path) -> None:
    root = _case(tmp_path, "--merchant", "易充卡盟")
    form = _section(_draft(root, "12315").stdout, "被投诉人信息")
    assert f"| 名称（姓名） | {COMPANY} |" in form and f"| 统一社会信用代码 | {USCC} |" in form
    assert "| 名称（姓名） | 易充卡盟 |" not in form
    defendant = _section(_draft(root, "court").stdout, "被告")
    assert defendant.startswith(f"名称：{COMPANY}\n") and f"统一社会信用代码：{USCC}" in defendant
    assert "第二被告" not in defendant
    ready = run_json("-C", root, "check", "--today", DATE)["ready"]
    assert not any("统一社会信用代码" in line or "被投诉人" in line for line in ready["court"]["missing"])


def test_heimao_and_mediation_name_the_merchant_as_on_the_platform(tmp_path: Path) -> None:
    root = _case(tmp_path, "--merchant", "闪充话费店")
    heimao = _section(_draft(root, "heimao").stdout, "投诉对象")
    assert heimao.strip() == f"{COMPANY}（易充卡盟平台经营者；平台内商家：闪充话费店）"
    mediation = _section(_draft(root, "consumer-association").stdout, "被申请人")
    assert mediation.startswith(f"{COMPANY}（统一社会信用代码：{USCC}），地址：") and "平台内商家：闪充话费店" in mediation


# ---- D8: a blocker stops only the channels it concerns ------------------------------------------

def _blocker(rule: str, link: str | None = None) -> Finding:
    return Finding(rule=rule, severity="blocker", message=f"{rule} 测试", link=link)


def test_twelve_three_one_five_line_blocks_only_twelve_three_one_five(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = _case(tmp_path, "--merchant", "闪充话费店")
    no_blockers(monkeypatch, [_blocker("KM301")])
    refused = run("-C", root, "draft", "--to", "12315", "-o", "-", "--date", DATE)
    assert refused.exit_code == 1 and "KM301" in refused.stderr
    for channel in ("court", "platform", "merchant"):
        result = run("-C", root, "draft", "--to", channel, "-o", "-", "--date", DATE)
        assert result.exit_code == 0, (channel, result.output)
        assert "KM301" not in result.stderr


def test_limitation_blocks_only_the_court_and_a_missing_link_blocks_all(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    root = _case(tmp_path, "--merchant", "闪充话费店")
    no_blockers(monkeypatch, [_blocker("KM302")])
    assert run("-C", root, "draft", "--to", "court", "-o", "-", "--date", DATE).exit_code == 1
    assert run("-C", root, "draft", "--to", "12315", "-o", "-", "--date", DATE).exit_code == 0
    no_blockers(monkeypatch, [_blocker("KM101", "paid")])
    for channel in ("platform", "12315", "court"):
        assert run("-C", root, "draft", "--to", channel, "-o", "-", "--date", DATE).exit_code == 1, channel


def test_no_platform_means_no_report_to_it_is_required() -> None:
    vanished = Case(problem="merchant-vanished", merchant={"name": "极光发卡网"})
    on_platform = Case(problem="merchant-vanished", merchant={"name": "极光发卡网"}, platform={"name": "某卡盟"})
    missing_report = _blocker("KM101", "reported-to-platform")
    assert not any(concerns(missing_report, channel, vanished) for channel in ("police", "merchant", "court", "12315"))
    assert concerns(missing_report, "police", on_platform)
    assert concerns(_blocker("KM101", "paid"), "police", vanished)


def test_vanished_merchant_without_platform_drafts_for_the_police(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "case"
    assert run("init", root, "--problem", "merchant-vanished", "--platform", "某卡盟", "--merchant", "极光发卡网",
               "--order-no", "JG1122334455", "--goods", "点卡", "--price", "450", "--paid-at", "2026-11-18 10:00",
               "--claim", "refund").exit_code == 0
    # A shop on its own site: no platform at all.
    update_case(root / "case.toml", {("platform", "name"): "", ("fraud",): True, ("merchant", "contact"): "QQ 12345678"})
    no_blockers(monkeypatch, [_blocker("KM101", "reported-to-platform")])
    result = run("-C", root, "draft", "--to", "police", "-o", "-", "--date", DATE)
    assert result.exit_code == 0, result.output
    assert "reported-to-platform" not in result.stderr and "KM101" not in result.stderr


# ---- D10, D11: the police report names the loss and the criminal articles only ---------------------

def test_police_report_names_the_loss_not_civil_demands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_blockers(monkeypatch)
    root = BUILDERS["card-invalid"](tmp_path, monkeypatch)  # refund + compensation + interest, fraud stated
    letter = run("-C", root, "draft", "--to", "police", "-o", "-", "--date", "2024-06-20").stdout
    first = letter.splitlines()[0]
    assert first == "订单JS8837120044，购买星海点卡300点卡密无效，被骗¥18.50，特此报案"
    basis = _section(letter, "法律依据")
    assert "《刑事诉讼法》第一百一十条第二款" in basis and "《刑法》第二百六十六条" in basis
    assert "《治安管理处罚法》第五十八条" in basis
    for civil in ("民法典", "消费者权益保护法", "电子商务法"):
        assert civil not in basis, civil
    # Every other channel keeps the civil demand.
    assert run("-C", root, "draft", "--to", "platform", "-o", "-", "--date", "2024-06-20").stdout.startswith(
        "订单JS8837120044，购买星海点卡300点卡密无效，要求")


def test_police_basis_table_holds_only_the_report_articles() -> None:
    signals = citations.Signals(platform_involved=True, format_clause=True, fraud_supported=True)
    ids = {ref[0] for ref in citations.basis_refs("card-invalid", "police", signals)}
    assert ids == {"XSSS-110", "XF-266", "ZAGL-58"}


def test_fraud_stated_alone_is_said_as_the_users_statement(tmp_path: Path) -> None:
    root = _case(tmp_path, "--merchant", "闪充话费店")
    update_case(root / "case.toml", {("fraud",): True, ("merchant", "contact"): "QQ 2233445566"})
    add(root, "payment.png", "payment", "2026-11-20 10:31:00", "image")
    report = run_json("-C", root, "check", "--today", DATE)
    assert report["ready"]["police"]["signs"] == ["fake-shop"]
    human = run("-C", root, "check", "--today", DATE).stdout.replace("\n", "").replace(" ", "")
    assert "虚假店铺" not in human and "你认为对方存在欺诈" in human and "本人陈述" in human
    result = _draft(root, "police")
    assert "只以你自己的判断" in result.stderr


# ---- D12: a list article is quoted with the violated items only ---------------------------------

def test_final_interpretation_clause_quotes_only_its_items() -> None:
    quotes = {q.article.id: q for q in citations.report_quotes(["final-interpretation-clause"])}
    assert quotes["WJB-21"].citation == "《网络交易监督管理办法》第二十一条第（五）项"
    assert quotes["HTJG-8"].citation == "《合同行政监督管理办法》第八条第（七）项"
    assert "（一）" not in quotes["WJB-21"].text and "最终解释权" in quotes["WJB-21"].text
    assert "（一）" not in quotes["HTJG-8"].text and "（七）经营者单方享有解释权或者最终解释权" in quotes["HTJG-8"].text


def test_twelve_three_one_five_report_on_a_final_interpretation_clause(tmp_path: Path) -> None:
    root = _case(tmp_path, "--merchant", "易充卡盟")
    update_case(root / "case.toml", {("statement",): "客服以“本站拥有最终解释权”为由拒绝退款。"})
    report = _section(_draft(root, "12315").stdout, "举报（与投诉分别提交）")
    assert "第二十一条第（五）项" in report and "第八条第（七）项" in report
    assert "（一）免除或者部分免除" not in report and "（一）要求消费者承担的违约金" not in report


# ---- D13, D7, payments 3: each event said once, named and timed as its evidence shows --------------

WHEN = datetime(2026, 11, 10, 21, 11, tzinfo=CST)


def _exhibit(exhibit_id: str, kind: str, media: str = "image/jpeg") -> Exhibit:
    return Exhibit(exhibit_id, kind, f"{exhibit_id}.jpg", f"{exhibit_id}.jpg", "0" * 64, 1, media)


def test_a_screen_read_by_ocr_is_one_fact_named_by_what_it_is() -> None:
    manual = Event("M0001", WHEN, "card-invalid", "system", "兑换提示“该卡密已被使用”", exhibit="E03", source="manual")
    read = Event("E03-2", WHEN.replace(second=30), "delivery-failed", "system", "截图显示“该卡密已被使用”（兑换失败.jpg）",
                 exhibit="E03", data={"status": "该卡密已被使用", "ocr": True})
    steam = Event("E04-2", WHEN.replace(hour=22), "delivery-failed", "platform", "截图显示“充值失败”", exhibit="E04",
                  data={"status": "充值失败", "ocr": True})
    order = Event("E05-2", WHEN.replace(hour=23), "delivered", "system", "", exhibit="E05",
                  data={"status": "已发货", "ocr": True})
    exhibits = {"E03": _exhibit("E03", "delivery-failure"), "E04": _exhibit("E04", "delivery-failure"),
                "E05": _exhibit("E05", "order")}
    facts = build_facts([manual, read, steam, order], Case(problem="card-invalid"),
                        {"E03": "证据3", "E04": "证据4", "E05": "证据5"}, Redactor(enabled=False), exhibits=exhibits)
    sentences = [f.sentence for f in facts]
    assert sentences == ["2026年11月10日21:11，卡密验证结果：兑换提示“该卡密已被使用”（证据3）。",
                         "2026年11月10日22:11，截图显示“充值失败”（证据4）。",
                         "2026年11月10日23:11，订单页面显示“已发货”（证据5）。"]


def test_a_trade_number_is_never_printed_as_the_order_number() -> None:
    trade = "1000050001202611180000000000001"
    paid = Event("E01-1", WHEN, "paid", "me", "", Decimal("450.00"), order_no=trade, exhibit="E01",
                 data={"method": "零钱", "counterparty": "*明", "trade_no": trade})
    with_order = build_facts([paid], Case(problem="not-delivered", order={"number": "JG1122334455"}),
                             {"E01": "证据1"}, Redactor(enabled=False))
    # The record shows no order number: the letter does not cite one to it (the first line names the case's).
    assert "订单号" not in with_order[0].sentence and f"交易号{trade}（证据1）" in with_order[0].sentence
    shown = Event("E01-1", WHEN, "paid", "me", "", Decimal("450.00"), order_no="JG1122334455", exhibit="E01",
                  data={"method": "零钱", "counterparty": "*明", "trade_no": trade})
    cited = build_facts([shown], Case(problem="not-delivered", order={"number": "JG1122334455"}),
                        {"E01": "证据1"}, Redactor(enabled=False))
    assert f"订单号JG1122334455，交易号{trade}（证据1）" in cited[0].sentence
    without = build_facts([paid], Case(problem="not-delivered"), {"E01": "证据1"}, Redactor(enabled=False))
    assert "订单号" not in without[0].sentence and f"交易号{trade}" in without[0].sentence


def _bank_row(day: datetime) -> Event:
    return Event("E02-1", day.replace(hour=0, minute=0, second=0), "paid", "me", "", Decimal("98.50"), exhibit="E02",
                 locator="line 9", time_flags=["date-only"], data={"counterparty": "极光卡盟", "method": "支付宝"})


def test_a_bank_row_with_a_date_only_prints_no_made_up_time() -> None:
    day = datetime(2024, 11, 24, 19, 20, 21, tzinfo=CST)
    ordered = Event("M0001", day.replace(minute=19), "ordered", "me", "", order_no="JG1", exhibit="E03")
    bill = Event("E01-1", day, "paid", "me", "", Decimal("98.50"), exhibit="E01", locator="line 27",
                 data={"counterparty": "极光卡盟", "trade_no": "2024112422001214041507480999"})
    numbers = {"E01": "证据1", "E02": "证据2", "E03": "证据3"}
    alone = build_facts([_bank_row(day)], Case(problem="not-delivered"), numbers, Redactor(enabled=False))
    assert alone[0].sentence.startswith("2024年11月24日，我通过支付宝") and "00:00" not in alone[0].sentence
    # The same payment in the Alipay export gives its minute, and the fact takes its place in time.
    merged = build_facts([_bank_row(day), ordered, bill], Case(problem="not-delivered"), numbers, Redactor(enabled=False))
    assert [f.sentence[:17] for f in merged] == ["2024年11月24日19:19，", "2024年11月24日19:20，"]
    assert merged[1].exhibits == ["证据1", "证据2"] and "00:00" not in merged[1].sentence


# ---- D17: the redaction notice names what it masked, in the user's language, as printed ----------------

def test_redaction_notice_counts_what_the_letter_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_blockers(monkeypatch)
    root = BUILDERS["card-invalid"](tmp_path, monkeypatch)
    platform = run("-C", root, "draft", "--to", "platform", "-o", "-", "--date", "2024-06-20")
    # The platform letter prints neither the complainant's ID nor phone nor address: nothing of them counted.
    notice = next(line for line in platform.stderr.splitlines() if line.startswith("已脱敏"))
    assert "id-number" not in notice and "身份证号" not in notice and "电话号码" not in notice
    assert "卡密 1 处" in notice
    english = run("--lang", "en", "-C", root, "draft", "--to", "platform", "-o", "-", "--date", "2024-06-20")
    assert "card secrets: 1" in english.stderr and "card-secret" not in english.stderr


def test_redactor_counts_each_printed_value_once() -> None:
    redactor = Redactor()
    letter = redactor("电话13812345678") + redactor("再说一次13812345678")
    redactor("地址浙江省杭州市西湖区文三路100号1单元502室")  # prepared, never printed
    counts = redactor.printed_counts(letter.replace("*", "\\*"))
    assert counts["phone"] == 1 and counts["address"] == 0


def test_police_report_keeps_the_reporters_own_phone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_blockers(monkeypatch)
    root = BUILDERS["card-invalid"](tmp_path, monkeypatch)
    update_case(root / "case.toml", {("complainant", "name"): "张三", ("complainant", "phone"): "13812345678"})
    letter = run("-C", root, "draft", "--to", "police", "-o", "-", "--date", "2024-06-20").stdout
    reporter = _section(letter, "报案人")
    assert "张三" in reporter and "13812345678" in reporter  # the police call the reporter back
    platform = run("-C", root, "draft", "--to", "platform", "-o", "-", "--date", "2024-06-20").stdout
    assert "13812345678" not in platform


def test_a_refused_refund_quotes_only_item_two_of_the_fifteen_day_rule() -> None:
    from kameng_cli.legal.citations import Signals, select

    quotes = [q for q in select("after-sales-refused", "12315", Signals()) if q.article.id == "QHCF-8"]
    assert len(quotes) == 1 and quotes[0].items == (2,)  # (一) needs goods found substandard by an authority
