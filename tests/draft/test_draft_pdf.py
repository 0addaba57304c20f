"""PDF drafts: text extraction, page count, the read-back check, and the --bundle appendix (table of
contents page numbers, bookmarks, merged PDF exhibits, redaction of appendix text)."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from draft_cases import BUILDERS, LETTER_DATES, no_blockers
from pypdf import PdfReader

from conftest import run
from kameng_cli.draft.fonts import bundled_dir
from kameng_cli.draft.pdf import lost_characters

GOLDEN = Path(__file__).parent / "golden"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf(root: Path, *args: str) -> tuple[PdfReader, Path]:
    out = root / f"out-{len(list(root.glob('out-*')))}.pdf"
    result = run("-C", root, "draft", "--format", "pdf", "-o", out, *args)
    assert result.exit_code == 0, result.output
    return PdfReader(out), out


@pytest.fixture
def nd_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    no_blockers(monkeypatch)
    # Image redaction is issue 7's; here a stand-in returns the original file, as with no boxes found.
    def fake_redacted_image(store, exhibit_id):  # noqa: ANN001, ANN202
        nd_case_calls.append(exhibit_id)
        return SimpleNamespace(path=store.paths.evidence / store.exhibit(exhibit_id).file, boxes=[], ocr_used=False)

    monkeypatch.setattr("kameng_cli.ocr.redact.redacted_image", fake_redacted_image)
    root = BUILDERS["not-delivered"](tmp_path, monkeypatch)
    nd_case_calls.clear()
    return root


nd_case_calls: list[str] = []


@pytest.mark.parametrize("case_name", sorted(BUILDERS))
def test_pdf_text_and_page_count(case_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_blockers(monkeypatch)
    root = BUILDERS[case_name](tmp_path, monkeypatch)
    counts = {}
    for slug in ("platform", "12315", "court"):
        markdown = run("-C", root, "draft", "--to", slug, "-o", "-", "--date", LETTER_DATES[case_name]).stdout
        reader, _ = _pdf(root, "--to", slug, "--date", LETTER_DATES[case_name])
        text = _flat("".join(page.extract_text() for page in reader.pages))
        assert _flat(markdown.splitlines()[0]) in text
        assert "\x00" not in text
        for line in markdown.splitlines():
            if line.startswith("## "):
                assert _flat(line[3:]) in text, line
        assert reader.metadata is not None and "kameng" in (reader.metadata.author or "")
        counts[slug] = len(reader.pages)
    expected_file = GOLDEN / case_name / "pages.json"
    if os.environ.get("KAMENG_REGEN") == "1":
        expected_file.write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")
    assert counts == json.loads(expected_file.read_text(encoding="utf-8"))


def test_bundle_toc_bookmarks_and_merged_pdf_pages(nd_case: Path) -> None:
    reader, _ = _pdf(nd_case, "--to", "platform", "--bundle", "--date", LETTER_DATES["not-delivered"])
    pages = [_flat(page.extract_text()) for page in reader.pages]
    toc_index = next(i for i, text in enumerate(pages) if "附录：证据材料" in text)
    toc = reader.pages[toc_index].extract_text()
    entries = re.findall(r"证据\s*(\d)\s+(\S+?)（[^）]*）[ .]*?(\d+)\s*$", toc, re.M)
    assert [number for number, _name, _page in entries] == ["1", "2", "3", "4"]
    for number, name, page in entries:
        assert f"证据{number}" in pages[int(page) - 1] and _flat(name) in pages[int(page) - 1], (number, page)
    # Bookmarks: one per exhibit, pointing at the same pages.
    def walk(items):  # noqa: ANN001, ANN202
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item
    marks = {str(m.title): reader.get_destination_page_number(m) + 1 for m in walk(reader.outline)}
    for number, name, page in entries:
        title = next(t for t in marks if t.startswith(f"证据{number}"))
        assert marks[title] == int(page) and name in title
    # The PDF exhibit (order.pdf, 2 pages) follows its heading page, stamped and merged page by page.
    pdf_page = int(entries[3][2])
    assert "订单详情" in pages[pdf_page] and "证据4原件第1/2页" in pages[pdf_page]
    assert "商品页" in pages[pdf_page + 1] and "证据4原件第2/2页" in pages[pdf_page + 1]
    assert len(reader.pages) == pdf_page + 2
    assert reader.pages[pdf_page].mediabox.width == pytest.approx(419.53, abs=0.1)  # A5, the original's size
    # The chat log is a table, masked like the letter.
    chat = pages[int(entries[2][2]) - 1]
    assert "亲，系统延迟" in chat and "138****5678" in chat and "13812345678" not in chat
    assert nd_case_calls == ["E01", "E02"]


def test_no_redact_keeps_appendix_text(nd_case: Path) -> None:
    reader, _ = _pdf(nd_case, "--to", "platform", "--bundle", "--no-redact", "--date", LETTER_DATES["not-delivered"])
    assert "13812345678" in "".join(_flat(page.extract_text()) for page in reader.pages)
    assert nd_case_calls == []


def test_public_channel_leaves_out_unmasked_screenshots(nd_case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(store, exhibit_id):  # noqa: ANN001, ANN202
        raise RuntimeError("no redaction")

    monkeypatch.setattr("kameng_cli.ocr.redact.redacted_image", failing)
    out = nd_case / "heimao.pdf"
    result = run("-C", nd_case, "draft", "--to", "heimao", "--format", "pdf", "--bundle", "-o", out,
                 "--date", LETTER_DATES["not-delivered"])
    assert result.exit_code == 0, result.output
    assert "公开渠道不附未脱敏的截图：证据1、证据2" in result.stderr
    text = _flat("".join(p.extract_text() for p in PdfReader(out).pages))
    assert "公开渠道不附未经脱敏的截图" in text
    private = run("-C", nd_case, "draft", "--to", "merchant", "--format", "pdf", "--bundle", "-o", nd_case / "m.pdf",
                  "--date", LETTER_DATES["not-delivered"])
    assert private.exit_code == 0 and "截图未经图像脱敏" in private.stderr


def test_characters_no_font_has_are_shown_as_stand_ins_with_a_warning(nd_case: Path) -> None:
    """An emoji in a chat, a private-use character in the statement: the PDF is still written, with
    〔表情〕 / □ in their place and a warning saying where; the evidence keeps them."""
    from pypdf import PdfReader

    from kameng_cli.case.casefile import update_case

    assert lost_characters(["订单 A1"], ["订单A1"]) == []
    assert lost_characters(["订单𠀀"], ["订单\x00"]) == ["𠀀", "\\x00"]
    update_case(nd_case / "case.toml", {("statement",): "私用区字符\U0010fffd无字体可用，客服回了🙏\ufe0f就不理了"})
    result = run("-C", nd_case, "draft", "--to", "merchant", "--format", "pdf", "-o", nd_case / "x.pdf",
                 "--date", LETTER_DATES["not-delivered"])
    assert result.exit_code == 0, result.output
    assert "没有可用字体" in result.stderr and "\U0010fffd" in result.stderr and "🙏" in result.stderr
    assert "文书正文" in result.stderr and "--font" in result.stderr
    text = "".join(page.extract_text() for page in PdfReader(nd_case / "x.pdf").pages)
    assert "私用区字符□无字体可用" in text and "客服回了〔表情〕就不理了" in text and "\x00" not in text


def test_user_font_is_accepted(nd_case: Path) -> None:
    font = next(bundled_dir().glob("*.otf"))
    reader, _ = _pdf(nd_case, "--to", "merchant", "--font", str(font), "--date", LETTER_DATES["not-delivered"])
    fonts = {str(f) for page in reader.pages for f in (page.get("/Resources", {}).get("/Font", {}) or {}).values()}
    assert reader.pages and fonts


def test_pdf_goes_to_drafts_with_a_numbered_name(nd_case: Path) -> None:
    for _ in range(2):
        result = run("-C", nd_case, "draft", "--to", "police", "--format", "pdf", "--date", LETTER_DATES["not-delivered"])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (nd_case / "drafts").iterdir()) == ["police-20240520-2.pdf", "police-20240520.pdf"]
    data = (nd_case / "drafts" / "police-20240520.pdf").read_bytes()
    assert PdfReader(io.BytesIO(data)).pages
