"""The PDF: the same Markdown as the .md draft, turned into Typst markup and compiled with the
`typst` package, then read back with pypdf to prove that every character survived.

With --bundle the evidence appendix (draft/bundle.py) is compiled in the same Typst document, so the
table of contents and the page numbers come from one layout; PDF exhibits are laid out as stamped
placeholder pages of the original page size and the original pages are merged under them (pypdf).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitStatus, KamengError, UserInputError
from ..i18n import t
from .fonts import FontSetup, setup
from .typst_markup import markdown_to_typst, typst_string

if TYPE_CHECKING:
    from ..case.store import CaseStore
    from .bundle import Appendix
    from .context import DraftContext


class PdfRenderError(KamengError):
    """Typst refused the generated markup: a bug in kameng, not the user's doing."""

    exit_status = ExitStatus.INTERNAL


@dataclass
class PdfResult:
    data: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)


def preamble(fonts: FontSetup, header: str, right: str, title: str) -> str:
    families = ", ".join(typst_string(f) for f in fonts.families)
    return f"""#set document(title: {typst_string(title)}, author: "kameng")
#set page(paper: "a4", margin: (x: 2.2cm, top: 2.6cm, bottom: 2.4cm),
  header: context {{
    set text(size: 8pt, fill: luma(90))
    [#{typst_string(header)} #h(1fr) #{typst_string(right)}]
    v(-5pt)
    line(length: 100%, stroke: 0.4pt + luma(150))
  }},
  footer: context {{
    set text(size: 8pt, fill: luma(90))
    align(center)[#"第 " #counter(page).display() #" 页 / 共 " #counter(page).final().first() #" 页"]
  }})
#set text(font: ({families},), lang: "zh", region: "cn", size: 10.5pt)
#set par(justify: true, leading: 0.8em, spacing: 1.1em)
#show heading.where(level: 1): it => align(center, text(size: 16pt, it)) + v(0.3em)
#show heading.where(level: 2): set text(size: 12.5pt)
#show heading: set block(above: 1.4em, below: 0.8em)
#set table(stroke: 0.4pt + luma(150), inset: 4pt)
#show table: set text(size: 8.5pt)
#show table: set par(justify: false)
#set list(indent: 0.5em)
#set enum(indent: 0.5em)
"""


def compile_typst(source: str, fonts: FontSetup) -> bytes:
    import typst

    try:
        paths: list[str] = list(fonts.paths)
        data = typst.compile(source.encode("utf-8"), root="/", font_paths=paths, ignore_system_fonts=False)  # type: ignore[misc]
    except typst.TypstError as exc:
        raise PdfRenderError("draft.pdf_failed", detail=str(exc)) from exc
    if not isinstance(data, bytes):
        raise PdfRenderError("draft.pdf_failed", detail=f"typst returned {type(data).__name__}")
    return data


def lost_characters(source_texts: list[str], page_texts: list[str] | Iterable[str]) -> list[str]:
    """Characters of the source that are not in the PDF's text layer (or \\x00 if any came back).

    Pages are read only until every character has been seen: a glyph a font lacks is lacking on
    every page, so one occurrence proves the character, and a long appendix is not re-read."""
    wanted = {ch for text in source_texts for ch in text if not ch.isspace()}
    null = False
    for text in page_texts:
        null |= "\x00" in text
        wanted.difference_update(text)
        if not wanted:
            break
    lost = sorted(wanted)
    if null:
        lost.append("\\x00")
    return lost


def render_pdf(markdown: str, context: DraftContext, store: CaseStore, *, font: Path | None = None,
               bundle: bool = False) -> PdfResult:
    from pypdf import PdfReader

    fonts = setup(font)
    converted = markdown_to_typst(markdown)
    values = context.values
    subject = f"订单{values['order']['number']}" if values["order"]["number"] else values["problem_label"]
    header = f"kameng · {context.spec.label['zh']} · {subject}"
    texts = [*converted.source_text, header, values["date"]]
    parts = [preamble(fonts, header, values["date"], f"{context.spec.title} {subject}"), converted.markup]
    appendix: Appendix | None = None
    warnings: list[str] = []
    if bundle:
        from .bundle import build_appendix

        appendix = build_appendix(store, context)
        parts.append(appendix.markup)
        texts += appendix.texts
        warnings += appendix.warnings
    source = "\n".join(parts)
    data = compile_typst(source, fonts)
    reader = PdfReader(io.BytesIO(data))
    lost = lost_characters(texts, (page.extract_text() or "" for page in reader.pages))
    missing = [char for char in lost if char != "\\x00"]
    if missing:
        # No font has them (emoji in a chat, most often): shown as 〔表情〕 or □, said in a warning;
        # the evidence itself keeps them. Whatever still fails after that is an error.
        stand_ins = {ord(char): _stand_in(char) for char in missing}
        letter = set(missing) & {char for text in converted.source_text for char in text}
        where = [t("draft.pdf_where.letter")] if letter else []
        if set(missing) - letter:
            where.append(t("draft.pdf_where.appendix"))
        warnings.append(t("draft.pdf_replaced_chars", chars=" ".join(missing[:40]), where="、".join(where)))
        texts = [text.translate(stand_ins) for text in texts]
        data = compile_typst(source.translate(stand_ins), fonts)
        reader = PdfReader(io.BytesIO(data))
        lost = lost_characters(texts, (page.extract_text() or "" for page in reader.pages))
    if lost:
        raise UserInputError("draft.pdf_lost_chars", chars=" ".join(lost[:40]))
    if appendix is not None and appendix.inserts:
        data = merge_pdf_exhibits(reader, appendix)
    return PdfResult(data, len(reader.pages), warnings)


def _stand_in(char: str) -> str:
    """What a PDF shows for a character no font has: 〔表情〕 for an emoji or pictograph, □ otherwise."""
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or code in (0x200D, 0x20E3):
        return ""  # variation selectors and joiners of an emoji sequence: the emoji stands in already
    pictograph = 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF
    return "〔表情〕" if pictograph else "□"


def _outline_pages(reader) -> dict[str, int]:  # noqa: ANN001 - pypdf reader
    """Bookmark title → 0-based page index, for every bookmark at any depth."""
    found: dict[str, int] = {}

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found[str(item.title)] = reader.get_destination_page_number(item)

    walk(reader.outline)
    return found


def merge_pdf_exhibits(reader, appendix: Appendix) -> bytes:  # noqa: ANN001 - pypdf reader
    """Draw screenshots and original PDF pages onto the pages Typst reserved for them.

    Each exhibit's heading is a bookmark; a screenshot goes on its heading's page, the pages of a PDF
    exhibit on the pages right after it."""
    from pypdf import PdfReader, PdfWriter

    from .bundle import IMAGE_BOX
    from .overlay import draw_image, draw_pdf_page, raster_image

    headings = {title.split("　", 1)[0]: page for title, page in _outline_pages(reader).items() if "　" in title}
    writer = PdfWriter(clone_from=reader)
    sources: dict[Path, PdfReader] = {}
    for number, insert in enumerate(appendix.inserts):
        if insert.label not in headings:
            raise PdfRenderError("draft.pdf_failed", detail=f"no bookmark for {insert.label}")
        page = writer.pages[headings[insert.label] + insert.offset]
        name = f"/KamengX{number}"
        if insert.kind == "image":
            draw_image(writer, page, name, raster_image(insert.path), IMAGE_BOX)
        else:
            source = sources.get(insert.path)
            if source is None:
                source = sources[insert.path] = PdfReader(insert.path)
            draw_pdf_page(writer, page, name, source.pages[insert.page_index])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
