"""`kameng status` / `kameng next`: deadlines per channel rule, days left, the next step, warnings,
the limitation period; golden JSON for two histories; exit 1 when something is overdue."""

from __future__ import annotations

from pathlib import Path

from conftest import run, run_json

from .helpers import golden, ok, proof, status_json


def history_12315(case: Path, tmp_path: Path) -> None:
    ok("-C", case, "submit", "merchant", "--at", "2024-05-02 09:00",
       "--file", proof(tmp_path, "催告函发送记录.txt", "已通过站内信发送催告函\n"))
    ok("-C", case, "reply", "merchant", "--outcome", "refused", "--text", "虚拟商品一经售出概不退换", "--at", "2024-05-05 12:00")
    ok("-C", case, "submit", "12315", "--at", "2024-05-08 10:00", "--ticket", "1234567",
       "--file", proof(tmp_path, "12315回执.txt", "投诉编号 1234567\n"))


def test_12315_acceptance_overdue_golden(case_dir: Path, tmp_path: Path) -> None:
    history_12315(case_dir, tmp_path)
    code, doc = status_json(case_dir, "2024-05-30")
    assert code == 1
    s02 = doc["submissions"][1]
    # 7 working days from 2024-05-08: 2024-05-11 (Saturday) was a make-up working day of 劳动节.
    assert s02["deadline"]["due"] == "2024-05-16"
    assert s02["deadline"]["days_left"] == -14 and s02["deadline"]["overdue"] is True
    assert s02["deadline"]["rule"]["article"] == "TSJB-15"
    assert doc["next"]["action"] == "follow-up" and doc["next"]["channel"] == "12315"
    assert doc["next"]["command"] == "kameng draft --to 12315 --followup"
    golden("status_12315_overdue", doc)


def test_12315_mediation_after_acceptance_golden(case_dir: Path, tmp_path: Path) -> None:
    history_12315(case_dir, tmp_path)
    ok("-C", case_dir, "reply", "12315", "--outcome", "accepted", "--at", "2024-05-14 15:00")
    code, doc = status_json(case_dir, "2024-06-01")
    assert code == 0
    deadline = doc["submissions"][1]["deadline"]
    assert deadline["clock"] == "mediation" and deadline["due"] == "2024-07-13" and deadline["days_left"] == 42
    assert doc["next"]["action"] == "wait"
    golden("status_12315_mediation", doc)
    code, later = status_json(case_dir, "2024-07-20")
    assert code == 1
    assert later["next"]["action"] == "escalate" and later["next"]["channel"] == "court"


def test_merchant_reference_then_escalate_to_platform(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "merchant", "--at", "2024-05-02 09:00")
    code, doc = status_json(case_dir, "2024-05-10")
    deadline = doc["submissions"][0]["deadline"]
    assert code == 0
    assert deadline["due"] == "2024-05-17" and deadline["days_left"] == 7
    assert deadline["rule"]["source"] == "reference" and deadline["rule"]["article"] == "QHCF-8"
    assert doc["next"]["action"] == "wait" and doc["next"]["channel"] == "merchant"
    code, doc = status_json(case_dir, "2024-05-20")
    assert code == 1
    # The case names a platform (星辰卡盟): channels.md §8 step 1–2.
    assert doc["next"]["action"] == "escalate" and doc["next"]["channel"] == "platform"


def test_platform_deadline_is_the_users_never_invented(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "platform", "--at", "2024-05-02 09:00", "--ticket", "T1")
    code, doc = status_json(case_dir, "2024-09-01")
    assert code == 0  # nothing can be overdue without the platform's own rule
    assert doc["submissions"][0]["deadline"] is None
    assert doc["next"]["action"] == "enter-rule"
    assert "platform-rule-missing" in {w["code"] for w in doc["warnings"]}
    ok("-C", case_dir, "submit", "platform", "--at", "2024-05-03 09:00", "--ticket", "T2",
       "--deadline-days", "3", "--deadline-unit", "working")
    code, doc = status_json(case_dir, "2024-05-06")
    s02 = doc["submissions"][1]["deadline"]
    assert s02["rule"] == {"count": 3, "unit": "working", "article": None, "citation": None, "source": "user",
                           "reference_only": False}
    assert s02["due"] == "2024-05-08"  # 05-04 Sat, 05-05 Sun skipped, 05-06, 05-07, 05-08
    assert "duplicate-submission" in {w["code"] for w in doc["warnings"]}


def test_exclusivity_and_many_channels(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "platform", "--at", "2024-05-02 09:00")
    ok("-C", case_dir, "submit", "heimao", "--at", "2024-05-03 09:00")
    ok("-C", case_dir, "submit", "12315", "--at", "2024-05-04 09:00")
    code, doc = status_json(case_dir, "2024-05-06")
    codes = {w["code"] for w in doc["warnings"]}
    assert "many-channels" in codes and "exclusive-bodies" not in codes
    ok("-C", case_dir, "submit", "consumer-association", "--at", "2024-05-05 09:00")
    code, doc = status_json(case_dir, "2024-05-06")
    exclusive = next(w for w in doc["warnings"] if w["code"] == "exclusive-bodies")
    assert exclusive["severity"] == "blocker" and set(exclusive["submissions"]) == {"S03", "S04"}
    assert "第十六条" in exclusive["message"]


def test_escalation_skips_the_exclusive_alternative(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "consumer-association", "--at", "2024-05-02 09:00")
    ok("-C", case_dir, "reply", "consumer-association", "--outcome", "refused", "--at", "2024-05-20 09:00")
    ok("-C", case_dir, "submit", "platform", "--at", "2024-05-21 09:00", "--deadline-days", "5", "--deadline-unit", "calendar")
    code, doc = status_json(case_dir, "2024-06-10")
    # The platform let its 5 days pass; 12315 is out (消协 already handled it): court.
    assert code == 1 and doc["next"]["channel"] == "court"


def test_limitation_period_and_its_interruptions(case_dir: Path) -> None:
    code, doc = status_json(case_dir, "2027-03-01")
    lim = doc["limitation"]
    assert lim["knew_at"].startswith("2024-05-01") and lim["state"] == "near"
    assert lim["interrupted_by"] is None
    assert doc["next"]["action"] == "escalate" and doc["next"]["channel"] == "court"
    ok("-C", case_dir, "event", "add", "微信要求退款", "--at", "2025-01-10 10:00", "--kind", "demand")
    ok("-C", case_dir, "submit", "12315", "--at", "2025-02-01 10:00")
    code, doc = status_json(case_dir, "2027-03-01")
    lim = doc["limitation"]
    assert lim["interrupted_by"]["what"] == "demand" and lim["interrupted_by"]["article"] == "SXGD-8"
    assert lim["due"] == "2028-01-10" and lim["state"] == "running"
    # 12315 "may" interrupt it ([SXGD-12]): shown, not counted.
    assert [p["ref"] for p in lim["possible_interruptions"]] == ["S01"]
    ok("-C", case_dir, "submit", "police", "--at", "2025-03-01 10:00")
    _code, doc = status_json(case_dir, "2027-03-01")
    assert doc["limitation"]["interrupted_by"]["ref"] == "S02"
    assert doc["limitation"]["interrupted_by"]["article"] == "SXGD-13"


def test_limitation_passed_exits_1(case_dir: Path) -> None:
    code, doc = status_json(case_dir, "2027-06-01")
    assert code == 1 and doc["overdue"] is True and doc["limitation"]["state"] == "passed"
    assert doc["next"]["action"] == "review-limitation"


def test_start_and_done(case_dir: Path) -> None:
    code, doc = status_json(case_dir, "2024-05-02")
    assert code == 0 and doc["next"]["action"] == "start" and doc["next"]["channel"] == "merchant"
    ok("-C", case_dir, "submit", "merchant", "--at", "2024-05-02 09:00")
    ok("-C", case_dir, "reply", "merchant", "--outcome", "resolved", "--at", "2024-05-03 09:00")
    code, doc = status_json(case_dir, "2024-05-04")
    assert code == 0 and doc["next"]["action"] == "done"
    assert doc["submissions"][0]["state"] == "closed" and doc["submissions"][0]["outcome"] == "resolved"


def test_rejected_by_12315_suggests_court(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "12315", "--at", "2024-05-02 09:00")
    ok("-C", case_dir, "reply", "12315", "--outcome", "rejected", "--at", "2024-05-09 09:00")
    _code, doc = status_json(case_dir, "2024-05-10")
    assert doc["next"]["action"] == "escalate" and doc["next"]["channel"] == "court"
    assert doc["next"]["code"] == "rejected_12315"


def test_fraud_adds_the_police_in_parallel(case_dir: Path) -> None:
    text = (case_dir / "case.toml").read_text(encoding="utf-8")
    (case_dir / "case.toml").write_text(text.replace("fraud = false", "fraud = true"), encoding="utf-8")
    _code, doc = status_json(case_dir, "2024-05-02")
    if "fraud = true" in (case_dir / "case.toml").read_text(encoding="utf-8"):
        assert [s["channel"] for s in doc["also"]] == ["police"]


def test_today_from_environment_and_text_output(case_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    ok("-C", case_dir, "submit", "12315", "--at", "2024-05-08 10:00", "--ticket", "1234567")
    monkeypatch.setenv("KAMENG_TODAY", "2024-05-30")
    result = run("-C", case_dir, "status")
    assert result.exit_code == 1
    assert "2024-05-16" in result.stdout and "14" in result.stdout and "催办12315" in result.stdout
    result = run("-C", case_dir, "next")
    assert result.exit_code == 1 and "催办12315" in result.stdout and "kameng draft --to 12315 --followup" in result.stdout
    doc = run_json("-C", case_dir, "next")
    assert doc["schema"] == "kameng.next/1" and doc["next"]["action"] == "follow-up"
    result = run("--lang", "en", "-C", case_dir, "next")
    assert "follow up with 12315" in result.stdout
    monkeypatch.setenv("KAMENG_TODAY", "30/05/2024")
    result = run("-C", case_dir, "status")
    assert result.exit_code == 2 and "30/05/2024" in result.stderr


def test_amend_adds_the_platform_rule_later(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "platform", "--at", "2024-05-02 09:00")
    _code, doc = status_json(case_dir, "2024-05-20")
    assert doc["next"]["command"] == "kameng submit platform --amend S01 --deadline-days N --deadline-unit working|calendar"
    ok("-C", case_dir, "submit", "platform", "--amend", "S01", "--ticket", "T-9", "--deadline-days", "7", "--deadline-unit", "calendar")
    code, doc = status_json(case_dir, "2024-05-20")
    assert len(doc["submissions"]) == 1 and doc["submissions"][0]["ticket"] == "T-9"
    assert doc["submissions"][0]["deadline"]["due"] == "2024-05-09" and code == 1
    assert doc["next"]["action"] == "escalate" and doc["next"]["channel"] == "12315"
    event = next(e for e in run_json("-C", case_dir, "timeline")["events"] if e["kind"] == "submitted")
    assert event["data"]["ticket"] == "T-9" and event["data"]["rule"]["count"] == 7
    assert run("-C", case_dir, "submit", "12315", "--amend", "S01").exit_code == 2


def test_submit_warns_about_exclusivity_at_once(case_dir: Path) -> None:
    ok("-C", case_dir, "submit", "consumer-association", "--at", "2024-05-02 09:00")
    result = run("-C", case_dir, "submit", "12315", "--at", "2024-05-03 09:00")
    assert result.exit_code == 0
    assert "第十六条" in result.stderr


def _set(case: Path, **values: object) -> None:
    import tomlkit

    doc = tomlkit.parse((case / "case.toml").read_text(encoding="utf-8"))
    for key, value in values.items():
        doc[key] = value
    (case / "case.toml").write_text(tomlkit.dumps(doc), encoding="utf-8")


def test_police_reason_follows_the_evidence(case_dir: Path) -> None:
    """Journey 2, D8: “收款后失联” was said of a merchant who kept answering."""
    _set(case_dir, fraud=True)
    _code, doc = status_json(case_dir, "2024-05-02")
    reason = doc["also"][0]["reason"]
    assert "你认为对方存在欺诈（case.toml 中 fraud = true）" in reason
    assert "失联" not in reason and "卡密" not in reason
    # The evidence shows a used card code: that is named, as `kameng check` names it.
    ok("-C", case_dir, "event", "add", "充值时提示该卡密已被使用", "--kind", "card-invalid", "--actor", "system",
       "--at", "2024-05-01 10:30")
    _code, doc = status_json(case_dir, "2024-05-02")
    reason = doc["also"][0]["reason"]
    assert "卡密已被使用（疑似重复出售）" in reason and "失联" not in reason
    english = run("--lang", "en", "-C", case_dir, "next", "--today", "2024-05-02")
    assert "the code was already used (likely resold)" in english.stdout and "fraud = true" in english.stdout
    text = run("-C", case_dir, "status", "--today", "2024-05-02").stdout
    assert "同时可以：向公安机关报案" in text and "收款后失联" not in text


def test_police_for_a_vanished_merchant_and_not_after_a_settlement(case_dir: Path) -> None:
    _set(case_dir, problem="merchant-vanished")
    _code, doc = status_json(case_dir, "2024-05-02")
    assert "你所述的商家失联（证据中尚未见到）" in doc["also"][0]["reason"]
    ok("-C", case_dir, "submit", "platform", "--at", "2024-05-02 09:00")
    ok("-C", case_dir, "reply", "platform", "--outcome", "resolved", "--at", "2024-05-03 09:00")
    _code, doc = status_json(case_dir, "2024-05-04")
    assert doc["next"]["action"] == "done" and doc["also"] == []
