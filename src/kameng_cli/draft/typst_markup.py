"""Markdown (the letter) → Typst markup, through markdown-it-py's syntax tree.

Every piece of text becomes a Typst string literal (`#"..."`), so no character of the user's text can
be read as Typst syntax; structure (headings, lists, tables, emphasis, quotes) becomes Typst
functions. `source_text` collects the same characters, to check the PDF against afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_CONTROL = {c: None for c in range(32) if c not in (9, 10)}


def typst_string(text: str) -> str:
    cleaned = text.translate(_CONTROL).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + cleaned.replace("\n", "\\n").replace("\t", "\\t") + '"'


def text_content(text: str) -> str:
    """A Typst markup fragment that prints `text` literally."""
    return "#" + typst_string(text) + " " if text else ""


@dataclass
class Converted:
    markup: str
    source_text: list[str] = field(default_factory=list)


class MarkdownToTypst:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def convert(self, markdown: str) -> Converted:
        from markdown_it import MarkdownIt
        from markdown_it.tree import SyntaxTreeNode

        parser = MarkdownIt("commonmark").enable("table")
        tree = SyntaxTreeNode(parser.parse(markdown))
        body = "\n".join(self.block(child) for child in tree.children)
        return Converted(body, self.texts)

    # ---- blocks ---------------------------------------------------------------------------------
    def block(self, node: Any) -> str:
        kind = node.type
        if kind == "heading":
            level = int(node.tag[1])
            return f"#heading(level: {level})[{self.inlines(node)}]\n"
        if kind == "paragraph":
            return f"#par[{self.inlines(node)}]\n"
        if kind in ("bullet_list", "ordered_list"):
            items = ", ".join(f"[{self.item(child)}]" for child in node.children)
            if kind == "bullet_list":
                return f"#list({items})\n"
            start = int(node.attrs.get("start", 1) or 1)
            return f"#enum(start: {start}, {items})\n"
        if kind == "table":
            return self.table(node)
        if kind == "blockquote":
            inner = "\n".join(self.block(child) for child in node.children)
            return f"#quote(block: true)[{inner}]\n"
        if kind == "hr":
            return "#line(length: 100%, stroke: 0.5pt + gray)\n"
        if kind in ("code_block", "fence"):
            self.texts.append(node.content)
            return f"#raw(block: true, {typst_string(node.content)})\n"
        if kind == "html_block":
            self.texts.append(node.content)
            return f"#par[{text_content(node.content)}]\n"
        return "\n".join(self.block(child) for child in node.children)

    def item(self, node: Any) -> str:
        parts = []
        for child in node.children:
            if child.type == "paragraph":
                parts.append(self.inlines(child))
            else:
                parts.append(self.block(child))
        return " #parbreak() ".join(parts)

    def table(self, node: Any) -> str:
        rows: list[list[str]] = []
        lengths: list[int] = []
        header_count = 0
        for section in node.children:
            for row in section.children:
                cells = []
                for index, cell in enumerate(row.children):
                    content = self.inlines(cell)
                    plain = "".join(_plain(cell))
                    while len(lengths) <= index:
                        lengths.append(0)
                    lengths[index] = max(lengths[index], min(display_width(plain), 60))
                    cells.append(content)
                rows.append(cells)
                if section.type == "thead":
                    header_count += 1
        # A short column (证据1, a date) takes its content's width, unwrapped; the long ones share the
        # rest by their content (proportional widths gave 证据1 one character per line).
        widths = ", ".join("auto" if length <= SHORT_COLUMN else f"{length}fr" for length in lengths) or "1fr"
        out = [f"#table(columns: ({widths},), "]
        if header_count:
            out.append("table.header(" + ", ".join(f"[#strong[{c}]]" for c in rows[0]) + "), ")
        for cells in rows[header_count:]:
            out.append(", ".join(f"[{c}]" for c in cells) + ", ")
        out.append(")\n")
        return "".join(out)

    # ---- inline ---------------------------------------------------------------------------------
    def inlines(self, node: Any) -> str:
        parts = []
        for child in node.children:
            if child.type == "inline":
                parts.append(self.inline_children(child.children))
            else:
                parts.append(self.inline_children([child]))
        return "".join(parts)

    def inline_children(self, children: list[Any]) -> str:
        out = []
        for child in children:
            kind = child.type
            if kind == "text":
                self.texts.append(child.content)
                out.append(text_content(child.content))
            elif kind == "softbreak":
                out.append(" ")
            elif kind == "hardbreak":
                out.append("#linebreak() ")
            elif kind == "strong":
                out.append(f"#strong[{self.inline_children(child.children)}]")
            elif kind == "em":
                out.append(f"#emph[{self.inline_children(child.children)}]")
            elif kind == "code_inline":
                self.texts.append(child.content)
                out.append(f"#raw({typst_string(child.content)})")
            elif kind == "link":
                href = child.attrs.get("href", "")
                out.append(f"#link({typst_string(str(href))})[{self.inline_children(child.children)}]")
            elif kind in ("html_inline", "image"):
                content = child.content or ""
                self.texts.append(content)
                out.append(text_content(content))
            else:
                out.append(self.inline_children(child.children))
        return "".join(out)


def display_width(text: str) -> int:
    """Columns a text needs: CJK and full-width characters count twice."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def _plain(node: Any) -> list[str]:
    if node.type in ("text", "code_inline"):
        return [node.content]
    found: list[str] = []
    for child in node.children:
        found += _plain(child)
    return found


SHORT_COLUMN = 18  # display width (a CJK character counts 2) up to which a column is not wrapped


def markdown_to_typst(markdown: str) -> Converted:
    return MarkdownToTypst().convert(markdown)
