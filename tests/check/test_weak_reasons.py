"""A weak link names what actually made its evidence weak (tester journey, defect 3).

A chat added while case.toml's my_names is empty has its speakers guessed, so every signal read from it
(promises, stalling, demands) is below the 0.6 confidence line. `kameng check` must say that — and tell
the user to set my_names and rebuild — instead of blaming a bill row that was in fact matched by its
order number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run, run_json

CHAT = """\ufeff消息记录（此消息记录为文本格式，不支持重新导入）

================================================================
消息分组:我的好友
================================================================
消息对象:鑫源卡盟客服-阿杰
================================================================

2025-03-14 20:31:05 芳芳不吃香菜
你好，网易一卡通200的还有吗

2025-03-14 20:31:40 鑫源卡盟客服-阿杰
有的亲，196元，自动发卡，10分钟内到账

2025-03-14 20:36:02 芳芳不吃香菜
已经付款了，订单号XY20250314203501886

2025-03-14 20:36:30 鑫源卡盟客服-阿杰
收到，10分钟内到账，请耐心等待

2025-03-14 20:58:12 芳芳不吃香菜
20多分钟了还没到，订单一直显示处理中

2025-03-14 21:02:45 鑫源卡盟客服-阿杰
系统在维护，已经反馈给技术了，稍等

2025-03-15 10:05:20 芳芳不吃香菜
在吗？卡到底什么时候发

2025-03-15 14:40:11 鑫源卡盟客服-阿杰
上游供货商那边卡了，再等等

2025-03-16 09:12:48 芳芳不吃香菜
不发卡就全额退款，196元退给我

2025-03-16 18:30:02 鑫源卡盟客服-阿杰
已经反馈相关部门了，耐心等待
"""

BILL = """------------------------------------------------------------------------------------
导出信息：
姓名：林小芳
支付宝账户：138****2231
起始时间：[2025-03-01 00:00:00]    终止时间：[2025-03-31 23:59:59]
导出交易类型：[全部]
导出时间：[2025-04-02 19:20:11]
共2笔记录
收入：0笔 0.00元
支出：2笔 214.00元
不计收支：0笔 0.00元

------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------
交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,
2025-03-20 12:11:40,餐饮美食,兰州拉面馆,/,拉面,支出,18.00,花呗,交易成功,2025032022001456781234567890\t,\t,,
2025-03-14 20:35:17,文化休闲,鑫源卡盟,xyk***@163.com,网易一卡通200元,支出,196.00,招商银行储蓄卡(6618),交易成功,2025031422001456789012345678\t,XY20250314203501886\t,,
"""

FACTS = ["--problem", "not-delivered", "--platform", "鑫源卡盟", "--order-no", "XY20250314203501886",
         "--goods", "网易一卡通200元", "--price", "196", "--paid-at", "2025-03-14 20:35", "--claim", "refund"]
TODAY = "2025-04-01"


@pytest.fixture(autouse=True)
def _no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAMENG_OCR", "0")


@pytest.fixture
def guessed(tmp_path: Path) -> Path:
    """A case without my_names: the chat's speakers are guessed; the bill row matches by order number."""
    root = tmp_path / "case"
    assert run("init", root, *FACTS).exit_code == 0
    chat = tmp_path / "QQ聊天记录_鑫源卡盟客服.txt"
    chat.write_text(CHAT.replace("\n", "\r\n"), encoding="utf-8")
    bill = tmp_path / "支付宝交易明细(20250301-20250331).csv"
    bill.write_bytes(BILL.replace("\n", "\r\n").encode("gbk"))
    result = run("-C", root, "add", chat, bill)
    assert result.exit_code == 0, result.output
    assert "商家订单号一致" in result.output  # the bill row was matched by the order number
    return root


def _links(document: dict) -> dict[str, dict]:
    return {link["link"]: link for link in document["chain"]}


def test_guessed_roles_are_named_as_the_reason_and_fix(guessed: Path) -> None:
    links = _links(run_json("-C", guessed, "check", "--today", TODAY))
    assert links["paid"]["status"] == "proven"  # the bill row is no cause of weakness
    for slug in ("not-delivered", "unresolved"):
        link = links[slug]
        assert link["status"] == "weak", slug
        assert "E01" in link["exhibits"]
        assert "my_names" in link["why"] and "猜" in link["why"]
        assert "账单行" not in link["why"] and "订单号" not in link["why"]
        assert "my_names" in link["fix"] and "kameng rebuild" in link["fix"]
        assert "芳芳不吃香菜" in link["fix"]  # whom kameng took for the user
        assert "kameng match" not in link["fix"]


def test_guessed_roles_reason_in_english(guessed: Path) -> None:
    result = run("--lang", "en", "-C", guessed, "check", "--today", TODAY, "--json")
    links = _links(json.loads(result.stdout))
    link = links["unresolved"]
    assert link["status"] == "weak"
    assert "guess which speaker is you" in link["why"] and "my_names" in link["why"]
    assert "bill row" not in link["why"]
    assert "my_names" in link["fix"] and "kameng rebuild" in link["fix"] and "kameng match" not in link["fix"]


def test_terminal_report_names_the_real_cause(guessed: Path) -> None:
    out = run("-C", guessed, "check", "--today", TODAY).stdout
    assert "[KM102]" in out and "my_names" in out and "kameng rebuild" in out
    assert "低可信度的匹配" not in out and "kameng match" not in out


def test_setting_my_names_and_rebuilding_proves_the_links(guessed: Path) -> None:
    toml = guessed / "case.toml"
    text = toml.read_text(encoding="utf-8")
    assert "my_names = []" in text
    toml.write_text(text.replace("my_names = []", 'my_names = ["芳芳不吃香菜"]'), encoding="utf-8")
    result = run("-C", guessed, "rebuild")
    assert result.exit_code == 0, result.output
    links = _links(run_json("-C", guessed, "check", "--today", TODAY))
    assert links["not-delivered"]["status"] == "proven"
    assert links["unresolved"]["status"] == "proven"


def test_a_low_confidence_payment_match_keeps_its_own_reason() -> None:
    """The bill-row reason stays for what it describes: a payment matched by amount and time only."""
    from .builders import case, chat, check, event, export, message, paid

    events = [paid(confidence=0.5), message("E02-1", "2024-05-01 09:58:00"),
              event("E02-2", "promise-broken", "2024-05-01 10:06:00", actor="counterparty", exhibit="E02")]
    report = check(case(), [export(), chat()], events)
    link = next(link for link in report.chain if link.link == "paid")
    assert link.status == "weak" and link.weakness == "low-confidence"
    assert "账单行与订单不是按订单号对上的" in link.why and "kameng match" in link.fix


def test_an_unsure_reading_is_not_blamed_on_the_bill() -> None:
    """Low confidence from reading a screenshot (OCR) says so, not that a bill row was mismatched."""
    from .builders import case, check, event, exhibit, export, paid

    events = [paid(), event("E02-1", "delivery-failed", "2024-05-01 10:30:00", actor="system", exhibit="E02",
                            confidence=0.4, status="处理中", ocr=True)]
    report = check(case(), [export(), exhibit("E02", "order", when="2024-05-01 10:31:00")], events)
    link = next(link for link in report.chain if link.link == "not-delivered")
    assert link.status == "weak" and link.weakness == "uncertain-reading"
    assert "账单行" not in link.why and "kameng event add --exhibit E02" in link.fix
