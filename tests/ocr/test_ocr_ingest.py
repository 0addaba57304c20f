"""Screenshots through `kameng add` / `rebuild`: OCR text stored once in the case, facts become
events, the kind is suggested (and --kind wins), cross-check notes; and without the extra the image
source behaves as before."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from conftest import run, run_json

CASE_FACTS = {"order_no": "XC20240501095512", "paid": datetime(2024, 5, 1, 9, 55, 12), "amount": "100.00",
              "platform": "星辰卡盟", "merchant": "云游数码专营店", "goods": "云游一卡通100元"}


def shot(screens, tmp_path: Path, name: str, kind: str, **options) -> Path:
    facts = {**CASE_FACTS, **options.pop("facts", {})}
    screen = screens.render(options.pop("seed", 11), kind, facts=facts, **{"phone": (720, 1600), **options})
    path = tmp_path / f"{name}{screen.suffix}"
    path.write_bytes(screen.encoded())
    return path


def derived(case_dir: Path, exhibit: str = "E01") -> dict:
    return json.loads((case_dir / ".kameng" / "derived" / f"{exhibit}.json").read_text(encoding="utf-8"))


def exhibits(case_dir: Path) -> dict:
    return {e["id"]: e for e in run_json("-C", str(case_dir), "list")["exhibits"]}


def timeline(case_dir: Path) -> list[dict]:
    return run_json("-C", str(case_dir), "timeline")["events"]


def test_order_page_is_read_stored_and_suggested(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    image = shot(screens, tmp_path, "order", "order", facts={"status": "处理中"}, dark=True)
    result = run("-C", str(case_dir), "add", str(image))
    assert result.exit_code == 0, result.output
    assert "建议类别" in result.output and "order" in result.output
    exhibit = exhibits(case_dir)["E01"]
    assert exhibit["kind"] == "order"
    assert exhibit["facts"]["ocr"]["order_no"] == ["XC20240501095512"]
    assert exhibit["facts"]["ocr"]["supports"] == ["not-delivered"]
    record = derived(case_dir)
    stored = record["details"]["ocr"]
    assert stored["schema"] == "kameng.ocr/1"
    assert any(line["text"].endswith("处理中") and len(line["box"]) == 4 for line in stored["lines"])
    assert record["notes"] == []
    events = timeline(case_dir)
    failed = [e for e in events if e["kind"] == "delivery-failed"]
    assert len(failed) == 1
    assert failed[0]["data"]["status"] == "处理中" and failed[0]["data"]["ocr"] is True
    assert failed[0]["order_no"] == "XC20240501095512" and failed[0]["exhibit"] == "E01"
    assert [e for e in events if e["kind"] == "ordered"][0]["time"] == "2024-05-01T09:55:12+08:00"
    assert any(e["kind"] == "captured" for e in events)


def test_user_kind_wins_over_the_suggestion_also_on_rebuild(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    image = shot(screens, tmp_path, "used", "card-error", facts={"status": "该卡密已被使用"})
    assert run("-C", str(case_dir), "add", str(image), "--kind", "received").exit_code == 0
    assert exhibits(case_dir)["E01"]["kind"] == "received"
    assert run("-C", str(case_dir), "rebuild").exit_code == 0
    assert exhibits(case_dir)["E01"]["kind"] == "received"
    assert [e["data"]["status"] for e in timeline(case_dir) if e["kind"] == "delivery-failed"] == ["该卡密已被使用"]


def test_rebuild_reads_screenshots_added_before_the_extra(ocr, screens, case_dir: Path, tmp_path: Path,
                                                          monkeypatch) -> None:
    image = shot(screens, tmp_path, "used", "card-error", facts={"status": "该卡密已被使用"})
    monkeypatch.setenv("KAMENG_OCR", "0")
    assert run("-C", str(case_dir), "add", str(image)).exit_code == 0
    assert exhibits(case_dir)["E01"]["kind"] == "other"
    assert "ocr" not in derived(case_dir)["details"]
    monkeypatch.delenv("KAMENG_OCR")
    assert run("-C", str(case_dir), "rebuild").exit_code == 0
    assert exhibits(case_dir)["E01"]["kind"] == "delivery-failure"
    assert derived(case_dir)["details"]["ocr"]["lines"]
    assert [e["data"]["status"] for e in timeline(case_dir) if e["kind"] == "delivery-failed"] == ["该卡密已被使用"]


def test_payment_page_becomes_a_paid_event(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    image = shot(screens, tmp_path, "pay", "payment", seed=12, jpeg=70)
    assert run("-C", str(case_dir), "add", str(image)).exit_code == 0
    assert exhibits(case_dir)["E01"]["kind"] == "payment"
    (paid,) = [e for e in timeline(case_dir) if e["kind"] == "paid"]
    assert paid["amount"] == "100.00" and paid["time"] == "2024-05-01T09:55:12+08:00"
    assert paid["order_no"] == "XC20240501095512" and paid["data"]["ocr"] is True
    assert derived(case_dir)["notes"] == []


def test_cross_check_notes_are_stored(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    other_order = shot(screens, tmp_path, "other-order", "order", facts={"order_no": "XC20240501095599", "status": "待发货"})
    early_clock = shot(screens, tmp_path, "early", "payment", seed=12, clock_offset=timedelta(minutes=-20))
    result = run("-C", str(case_dir), "add", str(other_order), str(early_clock))
    assert result.exit_code == 0, result.output
    assert [n["code"] for n in derived(case_dir, "E01")["notes"]] == ["ocr-order-mismatch"]
    (clock,) = derived(case_dir, "E02")["notes"]
    assert clock["code"] == "ocr-clock-before-payment" and clock["data"]["clock"] == "09:35"
    assert "XC20240501095599" in result.output


def test_without_the_extra_images_are_kept_as_before(no_ocr, case_dir: Path, tmp_path: Path) -> None:
    from PIL import Image

    image = Image.new("RGB", (300, 600), "white")
    exif = image.getexif()
    exif[0x0131] = "Snipaste"
    exif.get_ifd(0x8769)[0x9003] = "2024:05:01 10:20:30"
    path = tmp_path / "plain.jpg"
    image.save(path, exif=exif)
    result = run("-C", str(case_dir), "add", str(path))
    assert result.exit_code == 0, result.output
    exhibit = exhibits(case_dir)["E01"]
    assert exhibit["kind"] == "other" and exhibit["captured_at"] == "2024-05-01T10:20:30+08:00"
    assert exhibit["facts"]["width"] == 300 and exhibit["facts"]["exif_software"] == "Snipaste"
    assert "ocr" not in exhibit["facts"] and "ocr" not in derived(case_dir)["details"]
    assert [e["kind"] for e in timeline(case_dir)] == ["captured"]


def test_doctor_says_what_ocr_would_add_and_how_to_install_it(no_ocr) -> None:
    result = run("doctor")
    assert result.exit_code == 0
    assert 'pip install "kameng[ocr]"' in result.output
    assert "该卡密已被使用" in result.output  # what it would read
    document = run_json("doctor")
    assert document["features"]["ocr"] is False
    assert document["ocr"]["installed"] is False and document["ocr"]["install"] == 'pip install "kameng[ocr]"'


def test_doctor_reports_the_installed_engine(ocr) -> None:
    document = run_json("doctor")
    assert document["features"]["ocr"] is True
    assert document["ocr"]["models_missing"] == [] and document["ocr"]["offline"] is True
    assert "rapidocr" in document["ocr"]["versions"]


def test_engine_failure_keeps_the_exhibit_with_a_warning(case_dir: Path, tmp_path: Path, monkeypatch) -> None:
    from PIL import Image

    from kameng_cli.ocr import engine

    def broken(image):
        raise RuntimeError("onnxruntime could not allocate memory")

    monkeypatch.setattr(engine, "installed", lambda: True)
    monkeypatch.setattr(engine, "recognise_image", broken)
    monkeypatch.delenv("KAMENG_OCR", raising=False)
    path = tmp_path / "shot.png"
    Image.new("RGB", (200, 400), "white").save(path)
    result = run("-C", str(case_dir), "add", str(path))
    assert result.exit_code == 0, result.output
    assert "could not allocate memory" in result.output
    (warning,) = derived(case_dir)["warnings"]
    assert warning["reason"] == "ocr.failed" and warning["exhibit"] == "E01"
    assert exhibits(case_dir)["E01"]["kind"] == "other"


def test_rebuild_reuses_the_page_read_from_the_same_bytes(ocr, screens, case_dir: Path, tmp_path: Path,
                                                          monkeypatch) -> None:
    """Rebuild redoes what kameng makes of a screenshot's text, not the reading itself, when the copy
    is intact and the engine the same; a changed copy is not read at all (tests/core/test_verify.py)."""
    import os

    from kameng_cli.ocr import engine

    image = shot(screens, tmp_path, "used", "card-error", facts={"status": "该卡密已被使用"})
    assert run("-C", str(case_dir), "add", str(image)).exit_code == 0
    before = timeline(case_dir)
    calls = []
    real = engine.recognise_image
    monkeypatch.setattr(engine, "recognise_image", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert run("-C", str(case_dir), "rebuild").exit_code == 0
    assert calls == [] and timeline(case_dir) == before
    copy = case_dir / "evidence" / exhibits(case_dir)["E01"]["file"]
    os.chmod(copy, 0o644)
    copy.write_bytes(copy.read_bytes() + b"\0")  # tampered (verify and check say so): never read again
    assert run("-C", str(case_dir), "rebuild").exit_code == 1
    assert calls == [] and timeline(case_dir) == before
