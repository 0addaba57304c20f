"""The evidence appendix of `kameng draft --bundle`: one section per exhibit, in evidence-list order.

- screenshots: scaled to the page (masked by kameng_cli.ocr.redact when redaction is on);
- PDFs: one placeholder page per original page, of the original size, carrying a stamped label; the
  original page is merged under it afterwards (draft/pdf.py), so page numbers and the table of
  contents come from a single Typst layout;
- chat logs and payment extracts: tables, through the same Redactor as the letter;
- anything else: its identity (name, sha256) and a note that it is not expanded.
Each exhibit heading is a PDF bookmark and a line of the table of contents.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import t
from ..model.slugs import ACTORS, EVENT_KINDS, label
from ..parsing.amounts import format_yuan
from .typst_markup import text_content

if TYPE_CHECKING:
    from ..case.store import CaseStore
    from ..model.records import Event
    from .context import DraftContext, EvidenceItem

MAX_ROWS = 3000
# Screenshot pages: the heading block has a fixed height, the image fills the rest of the text area.
# Page geometry must match pdf.preamble (A4; margins x 2.2 cm, top 2.6 cm, bottom 2.4 cm).
PAGE_HEIGHT = 841.890
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 62.362, 73.701, 68.031
HEADING_BLOCK = 110.0
IMAGE_BOX = (MARGIN_X, MARGIN_BOTTOM, 595.276 - 2 * MARGIN_X, PAGE_HEIGHT - MARGIN_TOP - HEADING_BLOCK - MARGIN_BOTTOM)


@dataclass
class Insert:
    """Something drawn onto a page of the compiled Typst PDF (see draft/overlay.py)."""

    kind: str  # image / pdf-page
    label: str  # 证据3: its heading is the bookmark that locates the pages
    offset: int  # pages after the heading page (0 for a screenshot, 1.. for PDF pages)
    path: Path
    page_index: int = 0  # page of the source PDF


@dataclass
class Appendix:
    markup: str
    texts: list[str]
    inserts: list[Insert]
    warnings: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self, store: CaseStore, context: DraftContext) -> None:
        self.store = store
        self.context = context
        self.redact = context.redactor
        self.parts: list[str] = []
        self.texts: list[str] = []
        self.inserts: list[Insert] = []
        self.unmasked: list[str] = []
        self.skipped: list[str] = []
        self.ocr_absent: list[str] = []
        self.events = store.events()
        self.masks: dict[str, Any] = {}  # exhibit id → redacted copy, made ahead by mask_images

    def text(self, value: str) -> str:
        self.texts.append(value)
        return text_content(value)

    def build(self) -> Appendix:
        self.parts.append("#pagebreak()")
        self.parts.append(f"#heading(level: 1)[{self.text('附录：证据材料')}]")
        self.parts.append(f"#par[{self.text('以下按证据清单顺序附上全部证据；页码见目录。')}]")
        self.parts.append("#outline(title: none, target: <kameng-exhibit>, depth: 2)")
        self.mask_images()
        for item in self.context.evidence:
            self.exhibit(item)
        warnings = []
        if self.unmasked:
            warnings.append(t("draft.no_image_redaction", exhibits="、".join(self.unmasked)))
        if self.skipped:
            warnings.append(t("draft.image_skipped_public", exhibits="、".join(self.skipped)))
        if self.ocr_absent:
            warnings.append(t("draft.image_ocr_absent", exhibits="、".join(self.ocr_absent)))
        return Appendix("\n".join(self.parts) + "\n", self.texts, self.inserts, warnings)

    # ---- one exhibit ------------------------------------------------------------------------------
    def exhibit(self, item: EvidenceItem) -> None:
        exhibit = item.exhibit
        title = f"{item.label}　{self.redact(exhibit.name)}（{item.kind}）"
        info = f"SHA-256：{exhibit.sha256}；取得时间：{item.captured}；证明内容：{self.redact(item.proves)}"
        self.parts.append("#pagebreak(weak: true)")
        # A fixed-height block: on screenshot pages the image is drawn below it (clip: text that does not
        # fit is cut, and the read-back check then reports it instead of printing over the image).
        self.parts.append(f"#block(width: 100%, height: {HEADING_BLOCK}pt, clip: true)["
                          f"#heading(level: 2)[{self.text(title)}] <kameng-exhibit>\n"
                          f"#par[#text(size: 8.5pt)[{self.text(info)}]]]")
        path = self.store.paths.evidence / exhibit.file
        media = exhibit.media_type or ""
        own_events = [e for e in self.events if e.exhibit == exhibit.id]
        if media.startswith("image/"):
            self.image(item, path, media)
        elif media == "application/pdf":
            self.pdf(item, path)
        elif exhibit.kind in ("payment", "bank") and any(e.kind in ("paid", "refunded") for e in own_events):
            self.payment_table([e for e in own_events if e.kind in ("paid", "refunded")])
        elif any(e.kind == "message" for e in own_events):
            self.chat_table([e for e in own_events if e.kind == "message"])
        else:
            lines = self.text_lines(exhibit.id, path)
            if lines is not None:
                self.lines_table(lines)
            else:
                self.note(f"该证据为 {media or '未知类型'} 文件，未在附录中展开；请提交原件（SHA-256 见上）。")

    def note(self, sentence: str) -> None:
        self.parts.append(f"#par[{self.text(sentence)}]")

    def image(self, item: EvidenceItem, path: Path, media: str) -> None:
        source = path
        if self.redact.enabled:
            masked = self.masked_image(item)
            if masked is None:
                if self.context.spec.public:
                    self.skipped.append(item.label)
                    self.note("公开渠道不附未经脱敏的截图；原件可向有关部门提供。")
                    return
                self.unmasked.append(item.label)
            else:
                source, media = masked, "image/png"
        if not self.readable_image(source):
            self.note(f"图片格式 {media} 无法嵌入，请提交原件。")
            return
        self.inserts.append(Insert("image", item.label, 0, source))

    def masked_image(self, item: EvidenceItem) -> Path | None:
        result = self.masks[item.exhibit.id] if item.exhibit.id in self.masks else self.redacted(item)
        if result is None:
            return None
        if not getattr(result, "ocr_used", True):
            self.ocr_absent.append(item.label)
        return Path(result.path)

    def redacted(self, item: EvidenceItem) -> Any:
        """The redacted copy of an image exhibit (ocr.redact.RedactedImage), or None without the OCR
        extra or when masking failed (the image is then treated as unmasked)."""
        try:
            from ..ocr.redact import redacted_image  # type: ignore[import-not-found]
        except ImportError:
            return None
        try:
            return redacted_image(self.store, item.exhibit.id)
        except Exception:  # noqa: BLE001 - a failed mask must not stop the draft
            return None

    def mask_images(self) -> None:
        """Make the redacted copies of all image exhibits side by side before the pages are laid out:
        decoding and encoding a PNG release the GIL, so a first bundle of 40 screenshots (nothing
        cached yet) takes about half the time on two cores. Results are used in evidence order."""
        items = [item for item in self.context.evidence if (item.exhibit.media_type or "").startswith("image/")]
        workers = min(len(items), os.cpu_count() or 1)
        if not self.redact.enabled or workers < 2:
            return
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            self.masks = dict(zip([item.exhibit.id for item in items], pool.map(self.redacted, items), strict=True))

    @staticmethod
    def readable_image(path: Path) -> bool:
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(path) as image:
                image.verify()
        except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
            return False
        return True

    def pdf(self, item: EvidenceItem, path: Path) -> None:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(path)
            if reader.is_encrypted:
                self.note("该 PDF 已加密，无法合并；请单独提交原件。")
                return
            pages = list(reader.pages)
        except (PdfReadError, OSError, ValueError):
            self.note("该 PDF 无法读取，请单独提交原件。")
            return
        self.note(f"原件共 {len(pages)} 页，逐页附后，每页右上角标注证据编号。")
        for index, page in enumerate(pages):
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            if page.rotation % 180 == 90:
                width, height = height, width
            marker = f"{item.label} 原件第{index + 1}/{len(pages)}页"
            self.texts.append(marker)
            self.inserts.append(Insert("pdf-page", item.label, index + 1, path, index))
            stamp = (f"box(fill: white, stroke: 0.6pt + rgb(\"#c00000\"), inset: 4pt, text(size: 8pt, fill: rgb(\"#c00000\"))"
                     f"[{text_content(marker)}#\"· 第 \" #context counter(page).display() #\" 页\"])")
            self.parts.append(
                f"#page(width: {width:.3f}pt, height: {height:.3f}pt, margin: 0pt, header: none, footer: none, fill: none)"
                f"[#place(top + right, dx: -6pt, dy: 6pt, {stamp})]")

    def table(self, headers: list[str], rows: list[list[str]], widths: str) -> None:
        cells = ", ".join(f"[#strong[{self.text(h)}]]" for h in headers)
        body = []
        for row in rows[:MAX_ROWS]:
            body.append(", ".join(f"[{self.text(self.redact(value))}]" for value in row))
        rest = f", [{self.text(f'（另有 {len(rows) - MAX_ROWS} 行未列出）')}]" + ", []" * (len(headers) - 1) \
            if len(rows) > MAX_ROWS else ""
        self.parts.append(f"#table(columns: {widths}, table.header({cells}), {', '.join(body)}{rest})")

    def chat_table(self, events: list[Event]) -> None:
        rows = []
        for event in events:
            role = label(ACTORS, event.actor, "zh")
            sender = str(event.data.get("sender") or "")
            who = f"{role}（{sender}）" if sender and sender != role else role
            text = str(event.data.get("text") or event.summary or "")
            rows.append([_time(event), who, text])
        self.table(["时间", "发送者", "内容"], rows, "(auto, auto, 1fr)")

    def payment_table(self, events: list[Event]) -> None:
        rows = []
        for event in events:
            data = event.data
            rows.append([_time(event), label(EVENT_KINDS, event.kind, "zh"),
                         format_yuan(event.amount) if event.amount is not None else "",
                         str(data.get("counterparty") or ""), str(data.get("trade_no") or event.order_no or ""),
                         str(data.get("status") or "")])
        self.table(["时间", "类型", "金额", "对方", "交易号/订单号", "状态"], rows, "(auto, auto, auto, 1fr, 1.4fr, auto)")

    def text_lines(self, exhibit_id: str, path: Path) -> list[str] | None:
        details: dict[str, Any] = self.store.derived(exhibit_id).get("details", {}) or {}
        text = details.get("text")
        media = self.store.exhibit(exhibit_id).media_type or ""
        if not isinstance(text, str) and not (media.startswith("text/") or media in ("application/json", "application/csv")):
            return None
        if not isinstance(text, str):
            try:
                from ..ingest.decoding import read_text

                text, _encoding = read_text(path)
            except Exception:  # noqa: BLE001 - binary or undecodable: the caller prints a note instead
                return None
        return [line for line in text.splitlines()]

    def lines_table(self, lines: list[str]) -> None:
        rows = [[str(number), line] for number, line in enumerate(lines, start=1) if line.strip()]
        self.table(["行", "内容"], rows, "(auto, 1fr)")


def _time(event: Event) -> str:
    """A row's time as its record gives it: a bank row with a date only shows the date, never 00:00."""
    from .context import event_time

    return event_time(event)


def build_appendix(store: CaseStore, context: DraftContext) -> Appendix:
    return _Builder(store, context).build()
