"""QQ NT via shuakami/qq-chat-exporter V5 TXT (text_exporter.rs, chat-exports.md §2.4): a banner, a header
with 消息总数/时间范围, records `sender:` / `时间: …` / `内容: …` (+ 资源/提及/回复 lines) separated by two
empty lines, and a footer `总计导出 N 条消息`. Header and footer counts are checked against the records."""

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
        index = 0
        while index < len(lines):
            line = lines[index]
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if line.endswith(":") and following.startswith("时间: ") and not line.startswith(("时间", "内容")):
                message, index = _record(lines, index)
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


def _record(lines: list[str], index: int) -> tuple[ChatMessage, int]:
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
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (line.endswith(":") and following.startswith("时间: ")) or line.startswith("=" * 20):
            break
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
