"""QQ NT via shuakami/qq-chat-exporter V5 TXT (text_exporter.rs, chat-exports.md §2.4): a banner, a header
with 消息总数/时间范围, records `sender:` / `时间: …` / `内容: …` (+ 资源/提及/回复 lines) separated by two
empty lines (a `name:` / `时间:` pair inside a content is not a record), and a footer `总计导出 N 条消息`.
Header and footer counts are checked against the records."""

from __future__ import annotations

import re

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, chat_note, parse_full_time
from .source import ChatSource

_EXTRA = ("资源: ", "提及: ", "回复: ", "  - ")
_TITLE = re.compile(r"^\[(?P<title>[^\]]+)\] (?P<name>.*)$")


class QceTxtSource(ChatSource):
    name = "qce-txt"
    label = {"zh": "QQ 聊天记录导出工具 QCE（txt）", "en": "QQChatExporter (txt)"}
    platform = "qq"

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        lines = text.split("\n")
        header: dict[str, str] = {}
        footer_count: int | None = None
        messages: list[ChatMessage] = []
        starts = _record_starts(lines)
        index = 0
        while index < len(lines):
            line = lines[index]
            if index in starts:
                message, index = _record(lines, index, starts)
                messages.append(message)
                continue
            if not messages and ": " in line and line.split(": ", 1)[0] in ("聊天名称", "聊天类型", "导出时间", "消息总数", "时间范围"):
                key, value = line.split(": ", 1)
                header[key] = value.strip()
            match = re.match(r"^总计导出 (\d+) 条消息$", line.strip())
            if match:
                footer_count = int(match.group(1))
            index += 1
        log = ChatLog(self.name, self.platform, messages, title=header.get("聊天名称", ""),
                      group=header.get("聊天类型") == "群聊")
        log.facts["export_header"] = header
        declared = header.get("消息总数")
        counts = {"declared": int(declared) if declared and declared.isdigit() else None, "footer": footer_count, "parsed": len(messages)}
        log.facts["counts"] = counts
        if footer_count is None:
            log.notes.append(chat_note("chat-truncated", "warning", reason="qce-footer"))
        if any(value is not None and value != len(messages) for value in (counts["declared"], counts["footer"])):
            log.notes.append(chat_note("chat-count-mismatch", "warning", declared=counts["declared"] or counts["footer"], parsed=len(messages)))
        return log


def _record_starts(lines: list[str]) -> set[int]:
    """The lines where a record starts: `sender:` then `时间: …`, after the empty lines that separate
    records. QCE writes two; content may hold a pasted log with its own `name:` / `时间:` lines, which
    must not split the record, so when most records are preceded by two empty lines, two are required
    (one when an editor squeezed them to one)."""
    candidates = [index for index, line in enumerate(lines[:-1])
                  if line.endswith(":") and lines[index + 1].startswith("时间: ") and not line.startswith(("时间", "内容"))]

    def blanks_before(index: int) -> int:
        found = 0
        while index - found - 1 >= 0 and not lines[index - found - 1].strip():
            found += 1
        return found

    before = {index: blanks_before(index) for index in candidates}
    needed = 2 if sum(1 for n in before.values() if n >= 2) * 2 >= len(before) else 1
    return {index for index, n in before.items() if n >= needed or index == 0}


def _record(lines: list[str], index: int, starts: set[int]) -> tuple[ChatMessage, int]:
    sender = lines[index][:-1].strip()
    extra: dict[str, str] = {}
    title = _TITLE.match(sender)
    if title:
        sender, extra["title"] = title.group("name"), title.group("title")
    when = parse_full_time(lines[index + 1][4:])
    number = index + 1
    index += 2
    body: list[str] = []
    while index < len(lines):
        if index in starts or lines[index].startswith("=" * 20):
            break
        line = lines[index]
        body.append(line)
        index += 1
    text_lines: list[str] = []
    for line in body:
        if line.startswith(_EXTRA):
            if line.startswith("回复: "):
                extra["quote"] = line[4:]
            continue
        text_lines.append(line)
    while text_lines and not text_lines[-1].strip():
        text_lines.pop()
    if text_lines and text_lines[0].startswith("内容: "):
        text_lines[0] = text_lines[0][4:]
    elif text_lines and text_lines[0].startswith("内容:"):
        text_lines[0] = text_lines[0][3:]
    message = ChatMessage(f"line {number}", sender, "\n".join(text_lines), when, [NO_TZ])
    message.extra.update(extra)
    if sender in ("系统消息", "系统"):
        message.system = True
    return message, index


SOURCE = QceTxtSource()
