import json
import os
import resource
import stat
from pathlib import Path

import pytest
from helpers import make_jpeg_with_exif, make_png

from conftest import run, run_json


def _exhibits(case_dir: Path) -> list[dict]:
    return run_json("-C", case_dir, "list")["exhibits"]


def test_add_keeps_a_hashed_read_only_copy_and_never_touches_the_original(case_dir: Path, tmp_path: Path) -> None:
    original = make_jpeg_with_exif(tmp_path / "支付 截图.jpg", software="Adobe Photoshop 25.0")
    before = (original.read_bytes(), original.stat().st_mtime_ns, stat.S_IMODE(original.stat().st_mode))
    result = run("-C", case_dir, "add", original, "--kind", "payment", "--note", "付款成功页")
    assert result.exit_code == 0, result.output
    assert (original.read_bytes(), original.stat().st_mtime_ns, stat.S_IMODE(original.stat().st_mode)) == before
    [exhibit] = _exhibits(case_dir)
    copy = case_dir / "evidence" / "E01_支付 截图.jpg"
    assert exhibit["file"] == copy.name and exhibit["name"] == "支付 截图.jpg"
    assert copy.read_bytes() == original.read_bytes()
    assert not os.access(copy, os.W_OK) or os.geteuid() == 0
    assert stat.S_IMODE(copy.stat().st_mode) & 0o222 == 0
    import hashlib

    assert exhibit["sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()
    assert exhibit["kind"] == "payment"
    assert exhibit["captured_at"] == "2024-05-01T10:30:00+08:00"
    assert exhibit["captured_at_source"] == "exif"
    assert exhibit["facts"]["exif_software"] == "Adobe Photoshop 25.0"
    assert exhibit["facts"]["width"] == 90
    assert exhibit["media_type"] == "image/jpeg"
    assert exhibit["note"] == "付款成功页"
    assert exhibit["parser"] == "image"
    for key in ("id", "kind", "name", "file", "sha256", "size", "media_type", "captured_at", "captured_at_source", "parser", "note"):
        assert key in exhibit


def test_exif_offset_is_respected(case_dir: Path, tmp_path: Path) -> None:
    make_jpeg_with_exif(tmp_path / "a.jpg", taken="2024:05:01 02:30:00", offset="+00:00")
    run("-C", case_dir, "add", tmp_path / "a.jpg")
    assert _exhibits(case_dir)[0]["captured_at"] == "2024-05-01T10:30:00+08:00"


def test_without_exif_the_file_time_is_low_confidence(case_dir: Path, tmp_path: Path) -> None:
    path = make_png(tmp_path / "order.png")
    os.utime(path, (1714528800, 1714528800))  # 2024-05-01 10:00:00 +08:00
    run("-C", case_dir, "add", path)
    [exhibit] = _exhibits(case_dir)
    assert exhibit["captured_at"] == "2024-05-01T10:00:00+08:00"
    assert exhibit["captured_at_source"] == "file-mtime"
    assert exhibit["captured_at_confidence"] == "low"


def test_duplicate_content_is_skipped(case_dir: Path, tmp_path: Path) -> None:
    make_png(tmp_path / "a.png")
    (tmp_path / "b.png").write_bytes((tmp_path / "a.png").read_bytes())
    result = run("-C", case_dir, "add", tmp_path / "a.png", tmp_path / "b.png")
    assert result.exit_code == 0
    assert "跳过" in result.stdout and "E01" in result.stdout
    assert len(_exhibits(case_dir)) == 1
    assert sorted(p.name for p in (case_dir / "evidence").iterdir()) == ["E01_a.png"]


def test_folder_recursive_in_name_order_and_summary(case_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "材料"
    (folder / "sub").mkdir(parents=True)
    make_png(folder / "b.png", color="red")
    make_png(folder / "sub" / "a.png", color="blue")
    (folder / "chat.txt").write_text("客服：马上处理\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"junk")
    doc = run_json("-C", case_dir, "add", folder)
    assert [Path(f["path"]).name for f in doc["files"]] == ["b.png", "chat.txt", "a.png"]
    assert all(f["status"] == "ok" for f in doc["files"])
    assert doc["schema"] == "kameng.add/1"


def test_bad_files_do_not_stop_the_run(case_dir: Path, tmp_path: Path) -> None:
    good = make_png(tmp_path / "good.png")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = run("-C", case_dir, "add", tmp_path / "missing.png", empty, empty_dir, good)
    assert result.exit_code == 1
    out = result.stdout
    assert "文件不存在" in out and "0 字节" in out and "文件夹里没有文件" in out
    assert [e["name"] for e in _exhibits(case_dir)] == ["good.png"]
    assert "Traceback" not in result.output


def test_unreadable_file_is_an_error_row(case_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_png(tmp_path / "locked.png")
    import builtins

    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if str(file) == str(path.resolve()):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    result = run("-C", case_dir, "add", path)
    assert result.exit_code == 2
    assert "没有权限" in result.stdout and "Permission denied" not in result.stdout  # said in Chinese
    assert not list((case_dir / "evidence").iterdir())


def test_odd_file_names(case_dir: Path, tmp_path: Path) -> None:
    name = "订单 截图 $(rm -rf x);&|'\"`.png"
    path = make_png(tmp_path / name)
    result = run("-C", case_dir, "add", path)
    assert result.exit_code == 0, result.output
    assert (case_dir / "evidence" / f"E01_{name}").is_file()
    assert run("-C", case_dir, "verify").exit_code == 0


def test_symlink_is_followed_and_its_target_recorded(case_dir: Path, tmp_path: Path) -> None:
    target = make_png(tmp_path / "real.png")
    link = tmp_path / "link.png"
    link.symlink_to(target)
    run("-C", case_dir, "add", link)
    [exhibit] = _exhibits(case_dir)
    assert exhibit["name"] == "link.png"
    assert exhibit["origin"] == str(target.resolve())
    assert not (case_dir / "evidence" / "E01_link.png").is_symlink()
    dangling = tmp_path / "dangling.png"
    dangling.symlink_to(tmp_path / "gone.png")
    result = run("-C", case_dir, "add", dangling)
    assert result.exit_code == 2 and "不存在" in result.stdout


def test_stdin_paste_becomes_a_chat_exhibit(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", "-", input="客服小美 2024-05-01 10:00:01\n您好，马上为您处理\n")
    assert result.exit_code == 0, result.output
    [exhibit] = _exhibits(case_dir)
    assert exhibit["kind"] == "chat"
    assert exhibit["name"].startswith("pasted-") and exhibit["name"].endswith(".txt")
    result = run("-C", case_dir, "add", "-", input="")
    assert result.exit_code == 2 and "标准输入没有内容" in result.stdout


def test_unknown_binary_is_kept_as_other(case_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "recording.bin"
    path.write_bytes(bytes(range(256)) * 10)
    run("-C", case_dir, "add", path)
    [exhibit] = _exhibits(case_dir)
    assert exhibit["kind"] == "other"
    assert "无法识别" in exhibit["note"]


def test_pdf_pages_and_text(case_dir: Path, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/CreationDate": "D:20240501103000+08'00'"})
    with open(tmp_path / "规则.pdf", "wb") as fh:
        writer.write(fh)
    run("-C", case_dir, "add", tmp_path / "规则.pdf", "--kind", "agreement")
    [exhibit] = _exhibits(case_dir)
    assert exhibit["facts"]["pages"] == 2
    assert exhibit["media_type"] == "application/pdf"
    assert exhibit["captured_at"] == "2024-05-01T10:30:00+08:00"
    assert exhibit["captured_at_source"] == "pdf-metadata"
    derived = json.loads((case_dir / ".kameng" / "derived" / "E01.json").read_text(encoding="utf-8"))
    assert derived["details"]["pages"] == ["", ""]


def test_damaged_pdf_is_kept_with_a_note(case_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7\n garbage without xref")
    result = run("-C", case_dir, "add", tmp_path / "bad.pdf")
    assert result.exit_code == 0
    assert "PDF 无法读取" in _exhibits(case_dir)[0]["note"]


def test_at_overrides_the_capture_time_and_refuses_the_future(case_dir: Path, tmp_path: Path) -> None:
    make_png(tmp_path / "a.png")
    result = run("-C", case_dir, "add", tmp_path / "a.png", "--at", "2999-01-01 10:00")
    assert result.exit_code == 2 and "将来" in result.stderr
    assert not _exhibits(case_dir)
    run("-C", case_dir, "add", tmp_path / "a.png", "--at", "2024年5月1日上午10点")
    [exhibit] = _exhibits(case_dir)
    assert exhibit["captured_at"] == "2024-05-01T10:00:00+08:00" and exhibit["captured_at_source"] == "stated"


def test_bad_kind_and_format(case_dir: Path, tmp_path: Path) -> None:
    make_png(tmp_path / "a.png")
    result = run("-C", case_dir, "add", tmp_path / "a.png", "--kind", "screenshot")
    assert result.exit_code == 2 and "delivery-failure" in result.stderr
    result = run("-C", case_dir, "add", tmp_path / "a.png", "--format", "nope")
    assert result.exit_code == 2 and "nope" in result.stdout


def test_adding_from_inside_the_case_is_refused(case_dir: Path, tmp_path: Path) -> None:
    make_png(tmp_path / "a.png")
    run("-C", case_dir, "add", tmp_path / "a.png")
    result = run("-C", case_dir, "add", case_dir / "evidence" / "E01_a.png")
    assert result.exit_code == 2 and "案件文件夹内" in result.stdout


def test_sparse_2gb_file_is_streamed_not_loaded(case_dir: Path, tmp_path: Path) -> None:
    big = tmp_path / "录屏.mp4"
    with open(big, "wb") as fh:
        fh.truncate(2 * 1024**3)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = run("-C", case_dir, "add", big)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert result.exit_code == 0, result.output
    assert (after - before) * 1024 < 200 * 1024**2  # ru_maxrss is in KiB on Linux
    [exhibit] = _exhibits(case_dir)
    assert exhibit["size"] == 2 * 1024**3
    (case_dir / "evidence" / exhibit["file"]).chmod(0o644)
    (case_dir / "evidence" / exhibit["file"]).unlink()


def test_exit_2_when_nothing_could_be_added_and_1_when_some_files_were(case_dir: Path, tmp_path: Path) -> None:
    good = make_png(tmp_path / "支付成功.png")
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    assert run("-C", case_dir, "add", empty).exit_code == 2  # bad input, nothing added
    result = run("-C", case_dir, "add", good, empty, "--json")
    assert result.exit_code == 1  # the command worked and found a problem
    statuses = sorted(f["status"] for f in json.loads(result.stdout)["files"])
    assert statuses == ["error", "ok"]


def test_a_file_that_changed_since_it_was_added_says_so(case_dir: Path, tmp_path: Path) -> None:
    chat = tmp_path / "聊天记录.txt"
    chat.write_text("客服小美 2024-05-01 10:00:01\n您好，马上为您处理\n", encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0
    with open(chat, "a", encoding="utf-8") as fh:
        fh.write("客服小美 2024-05-02 10:00:01\n已经反馈了\n")
    result = run("-C", case_dir, "add", chat, "--json")
    [added] = json.loads(result.stdout)["files"]
    assert added["status"] == "ok" and added["exhibit"] == "E02"
    assert any("E01 也是从这个文件添加的" in message for message in added["messages"])


def test_list_in_english_names_formats_in_english_and_fits_a_narrow_terminal(case_dir: Path, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    chat = tmp_path / "聊天记录.txt"
    chat.write_text("小明 2024-05-01 10:00:01\n卡密一直没到\n\n客服小美 2024-05-01 10:01:30\n您好，马上为您处理\n\n"
                    "小明 2024-05-01 10:30:00\n还是没有\n\n客服小美 2024-05-01 10:35:12\n已反馈技术\n", encoding="utf-8")
    assert run("-C", case_dir, "add", chat).exit_code == 0  # added in Chinese
    english = run("-C", case_dir, "--lang", "en", "list")
    assert "ticket" in english.stdout.lower() and "工单" not in english.stdout and "客服" not in english.stdout
    monkeypatch.setenv("COLUMNS", "40")
    narrow = run("-C", case_dir, "list")
    assert "E01  沟通记录" in narrow.stdout and "  原文件名: 聊天记录.txt" in narrow.stdout
    assert all(len(line) <= 40 for line in narrow.stdout.splitlines() if "SHA" not in line)
