"""The same conversation exported twice is one conversation to `check`: a payment or a recall it holds
is one finding citing both exhibits."""

import json
from pathlib import Path

from conftest import run, run_json

BRACKET = ("[2024/5/1 10:00] 小明：[转账]￥50.00 小明→张伟\n[2024/5/1 10:01] 张伟：收到\n"
           "[2024/5/1 10:02] 张伟：马上发你\n[2024/5/1 12:00] 小明：人呢\n")
TRANSCRIPT = ("小明 2024-05-01 10:00:00\n[转账]￥50.00 小明→张伟\n\n张伟 2024-05-01 10:01:00\n收到\n\n"
              "张伟 2024-05-01 10:02:00\n马上发你\n\n小明 2024-05-01 12:00:00\n人呢\n")


def test_a_payment_in_two_exports_of_one_chat_is_one_finding(tmp_path: Path) -> None:
    case = tmp_path / "case"
    assert run("init", case, "--yes", "--problem", "not-delivered", "--platform", "星辰卡盟", "--merchant", "云游数码",
               "--order-no", "1", "--goods", "g", "--price", "50", "--paid-at", "2024-05-01 09:55", "--claim", "refund",
               "--my-name", "小明").exit_code == 0
    (tmp_path / "a.txt").write_text(BRACKET, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TRANSCRIPT, encoding="utf-8")
    assert run("-C", case, "add", tmp_path / "a.txt", tmp_path / "b.txt").exit_code == 0
    findings = run_json("-C", case, "check")["findings"]
    payee = [f for f in findings if f["rule"] == "KM203"]
    assert len(payee) == 1 and payee[0]["exhibits"] == ["E01", "E02"], json.dumps(findings, ensure_ascii=False)


def test_a_recall_seen_in_two_formats_is_one_note() -> None:
    from kameng_cli.checks.rules_evidence import _same_in_every_copy

    html = {"at": "2024-05-20T22:04:12+08:00", "by": "counterparty", "locator": "record 18 (line 10)", "previous": "[通话] 通话时长 02:15"}
    csv = {"at": "2024-05-20T22:04:12+08:00", "by": "counterparty", "locator": "row 19", "previous": "[call]"}
    assert _same_in_every_copy(html) == _same_in_every_copy(csv)


def test_a_screenshot_an_ocr_note_reports_is_not_reported_twice() -> None:
    from kameng_cli.checks.rules_evidence import _said_by_notes
    from kameng_cli.model.finding import Finding
    from kameng_cli.model.records import Note

    only = Finding("KM201", "warning", "截图金额不符", exhibits=["E02"])
    several = Finding("KM201", "warning", "截图金额不符", exhibits=["E02", "E05"])
    other = Finding("KM201", "warning", "截图金额不符", exhibits=["E05"])
    notes = [Note("E02", "ocr-amount-mismatch", "截图 ¥89.50，账单 ¥98.50")]
    kept = _said_by_notes([only, several, other], notes)
    assert [f.exhibits for f in kept] == [["E05"], ["E05"]]
