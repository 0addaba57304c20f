"""A screenshot read with OCR when added keeps what was read (and its kind) when `rebuild` runs where
OCR cannot (KAMENG_OCR=0, or the extra missing): it is not turned into a blank `other` picture."""

from __future__ import annotations

from pathlib import Path

from conftest import run

from .test_ocr_ingest import exhibits, shot, timeline


def test_rebuild_without_ocr_keeps_the_reading_and_the_kind(ocr, screens, case_dir: Path, tmp_path: Path,
                                                            monkeypatch) -> None:
    image = shot(screens, tmp_path, "order", "order", facts={"status": "处理中"}, dark=True)
    assert run("-C", str(case_dir), "add", str(image)).exit_code == 0
    before = timeline(case_dir)
    manifest = (case_dir / ".kameng" / "manifest.jsonl").read_text(encoding="utf-8")
    monkeypatch.setenv("KAMENG_OCR", "0")
    result = run("-C", str(case_dir), "rebuild")
    assert result.exit_code == 1 and "E01" in result.output and "KAMENG_OCR=0" in result.output
    assert exhibits(case_dir)["E01"]["kind"] == "order"
    assert [e["kind"] for e in timeline(case_dir)] == [e["kind"] for e in before]
    assert (case_dir / ".kameng" / "manifest.jsonl").read_text(encoding="utf-8") == manifest  # no kind flip recorded


def test_rebuild_keeps_the_events_of_a_missing_copy(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    image = shot(screens, tmp_path, "order", "order", facts={"status": "处理中"}, dark=True)
    assert run("-C", str(case_dir), "add", str(image)).exit_code == 0
    kinds = sorted(e["kind"] for e in timeline(case_dir))
    copy = next((case_dir / "evidence").iterdir())
    copy.chmod(0o644)
    copy.unlink()
    result = run("-C", str(case_dir), "rebuild")
    assert result.exit_code == 1
    assert sorted(e["kind"] for e in timeline(case_dir)) == kinds
