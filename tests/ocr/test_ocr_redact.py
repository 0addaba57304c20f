"""`kameng redact` and kameng_cli.ocr.redact.redacted_image: pixels replaced in a copy under
.kameng/redacted/, evidence untouched, manual boxes stored in the case, OCR-found boxes when the
extra is installed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PIL import Image

from conftest import run, run_json
from kameng_cli.case.store import CaseStore
from kameng_cli.ocr.redact import redacted_image


def add_plain_image(case_dir: Path, tmp_path: Path) -> Path:
    image = Image.new("RGB", (400, 800), (250, 250, 250))
    for x in range(400):
        for y in range(100, 140):
            image.putpixel((x, y), (200, 30, 30))
    path = tmp_path / "plain.png"
    image.save(path)
    assert run("-C", str(case_dir), "add", str(path)).exit_code == 0
    return next((case_dir / "evidence").glob("E01_*"))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_manual_box_replaces_pixels_in_a_copy(no_ocr, case_dir: Path, tmp_path: Path) -> None:
    evidence = add_plain_image(case_dir, tmp_path)
    before = sha(evidence)
    preview = tmp_path / "look.png"
    result = run("-C", str(case_dir), "redact", "E01", "--box", "10,100,200,40", "--preview", "-o", str(preview))
    assert result.exit_code == 0, result.output
    assert "kameng[ocr]" in result.stderr  # says only manual boxes were applied
    copy = case_dir / ".kameng" / "redacted" / "E01.png"
    with Image.open(copy) as redacted:
        assert redacted.getpixel((15, 110)) == (0, 0, 0)
        assert redacted.getpixel((205, 138)) == (0, 0, 0)
        assert redacted.getpixel((300, 120)) == (200, 30, 30)  # outside the box: untouched
        assert redacted.getpixel((15, 300)) == (250, 250, 250)
    assert sha(evidence) == before
    assert preview.read_bytes().startswith(b"\x89PNG")
    stored = json.loads((case_dir / ".kameng" / "redact-boxes.json").read_text(encoding="utf-8"))
    assert stored == {"schema": "kameng.redact-boxes/1", "boxes": {"E01": [[10, 100, 200, 40]]}}
    assert run("-C", str(case_dir), "verify").exit_code == 0


def test_boxes_accumulate_and_clear(no_ocr, case_dir: Path, tmp_path: Path) -> None:
    add_plain_image(case_dir, tmp_path)
    run("-C", str(case_dir), "redact", "E01", "--box", "0,0,10,10")
    document = run_json("-C", str(case_dir), "redact", "1", "--box", "20,20,10,10")
    assert document["schema"] == "kameng.redact/1" and document["ocr_used"] is False
    assert [b["box"] for b in document["boxes"]] == [[0, 0, 10, 10], [20, 20, 10, 10]]
    assert {b["source"] for b in document["boxes"]} == {"manual"}
    document = run_json("-C", str(case_dir), "redact", "E01", "--clear")
    assert document["boxes"] == []


def test_api_for_drafts(no_ocr, case_dir: Path, tmp_path: Path) -> None:
    add_plain_image(case_dir, tmp_path)
    run("-C", str(case_dir), "redact", "E01", "--box", "0,0,50,50")
    result = redacted_image(CaseStore(case_dir), "E01")
    assert result.path == case_dir / ".kameng" / "redacted" / "E01.png" and result.path.is_file()
    assert result.ocr_used is False and [b.box for b in result.boxes] == [(0, 0, 50, 50)]
    stamp = result.path.stat().st_mtime_ns
    assert redacted_image(CaseStore(case_dir), "E01").path.stat().st_mtime_ns == stamp  # reused, not remade


def test_bad_input_is_exit_2_with_a_message(no_ocr, case_dir: Path, tmp_path: Path) -> None:
    add_plain_image(case_dir, tmp_path)
    note = tmp_path / "note.txt"
    note.write_text("客服说明天发货\n", encoding="utf-8")
    assert run("-C", str(case_dir), "add", str(note)).exit_code == 0
    for args, words in ((["E01", "--box", "1,2,3"], "x,y,w,h"), (["E01", "--box", "1,2,0,5"], "x,y,w,h"),
                        (["E01", "--box", "5000,0,10,10"], "400×800"), (["E02"], "不是图片"), (["E09"], "E09")):
        result = run("-C", str(case_dir), "redact", *args)
        assert result.exit_code == 2, (args, result.output)
        assert words in result.stderr
        assert "Traceback" not in result.output
    assert not (case_dir / ".kameng" / "redact-boxes.json").exists()


def test_ocr_finds_and_blacks_out_personal_data(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    screen = screens.render(31, "profile", phone=(720, 1600), dark=False, jpeg=False, scale=1.0)
    path = tmp_path / "profile.png"
    path.write_bytes(screen.encoded())
    assert run("-C", str(case_dir), "add", str(path)).exit_code == 0
    document = run_json("-C", str(case_dir), "redact", "E01")
    assert document["ocr_used"] is True
    assert {b["reason"] for b in document["boxes"]} >= {"id-number", "phone", "bank-card", "address"}
    with Image.open(case_dir / ".kameng" / "redacted" / "E01.png") as redacted:
        page, _timing = ocr.recognise_image(redacted.copy())
    text = "".join(line.text for line in page.lines).replace(" ", "")
    for value in screen.sensitive:
        assert value not in text
        assert value[-4:] not in text
    assert "实名认证" in text and "身份证号" in text  # labels stay readable


def test_order_number_stays_readable_phone_does_not(ocr, screens, case_dir: Path, tmp_path: Path) -> None:
    screen = screens.render(32, "order", phone=(720, 1600), dark=True, jpeg=70, scale=1.0)
    path = tmp_path / f"order{screen.suffix}"
    path.write_bytes(screen.encoded())
    assert run("-C", str(case_dir), "add", str(path)).exit_code == 0
    result = redacted_image(CaseStore(case_dir), "E01")
    assert [b.reason for b in result.boxes] == ["phone"]
    with Image.open(result.path) as redacted:
        page, _timing = ocr.recognise_image(redacted.copy())
    text = "".join(line.text for line in page.lines)
    assert screen.fields["order_no"] in text
    assert screen.sensitive[0] not in text


def test_bundle_masks_every_screenshot_side_by_side_in_evidence_order(no_ocr, case_dir: Path, tmp_path: Path) -> None:
    for number in range(4):
        image = Image.new("RGB", (300, 600), (250, 250, 250 - number))  # four different files
        image.save(tmp_path / f"shot{number}.png")
    assert run("-C", str(case_dir), "add", *[str(tmp_path / f"shot{n}.png") for n in range(4)]).exit_code == 0
    before = {p.name: sha(p) for p in (case_dir / "evidence").iterdir()}
    for exhibit in ("E01", "E02", "E03", "E04"):
        assert run("-C", str(case_dir), "redact", exhibit, "--box", "0,0,40,40").exit_code == 0
    (case_dir / ".kameng" / "redacted").joinpath("E03.png").unlink()  # one copy to remake, three cached
    out = tmp_path / "letter.pdf"
    result = run("-C", str(case_dir), "draft", "--to", "heimao", "--format", "pdf", "--bundle", "--force", "-o", str(out))
    assert result.exit_code == 0 and out.is_file(), result.output
    assert "证据1、证据2、证据3、证据4" in result.stderr  # masked only by hand, listed in evidence order
    for exhibit in ("E01", "E02", "E03", "E04"):
        with Image.open(case_dir / ".kameng" / "redacted" / f"{exhibit}.png") as copy:
            assert copy.getpixel((10, 10)) == (0, 0, 0)
    assert {p.name: sha(p) for p in (case_dir / "evidence").iterdir()} == before


def test_a_box_partly_outside_is_cut_to_the_image_and_said(no_ocr, case_dir: Path, tmp_path: Path) -> None:
    add_plain_image(case_dir, tmp_path)  # 400×800
    result = run("-C", str(case_dir), "redact", "E01", "--box", "350,700,200,200")
    assert result.exit_code == 0, result.output
    assert "超出图片" in result.stderr and "400×800" in result.stderr
    inside = run("-C", str(case_dir), "redact", "E01", "--box", "10,10,20,20")
    assert inside.exit_code == 0 and "超出图片" not in inside.stderr
