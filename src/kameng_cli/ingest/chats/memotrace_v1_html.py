"""WeChatMsg / MemoTrace v1 HTML (exporter_html.py, chat-exports.md §3.1): the template's
`const chatMessages = [ … ];` holds one JS object literal per message (unquoted keys, single-quoted
strings with `\\'` and `\\n` escapes), back to back on one line. Not JSON: read field by field.

Types and media (sticker, location, card, link, merged forward, red packet, mini-program, call, …)
come from the v1 CSV reader's mapping (`memotrace_v1_csv.v1_type`): the two exports of one chat tag
its records alike."""

from __future__ import annotations

import re

from ...parsing.amounts import AMOUNT_IN_TEXT
from ..base import ParseContext
from .common import ChatLog, ChatMessage, chat_amount, chat_note, epoch_time
from .memotrace_v1_csv import PLACEHOLDER, v1_type
from .memotrace_v1_txt import unescape_name
from .source import ChatSource

_START = "const chatMessages = ["
_OBJECT = re.compile(r"\{((?:[^{}'\"]|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")*)\}", re.S)
_PAIR = re.compile(r"(\w+)\s*:\s*('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^,}\s]+)", re.S)
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_TRANSFER_STATES = ("发起转账", "已收款", "已退还")
_PAYSUBTYPE = {"1": "发起转账", "3": "已收款", "4": "已退还"}  # WeChat's wcpayinfo/paysubtype
# Kinds whose record text is a file path (kept as `path`, the text becomes the placeholder):
# image, video, sticker.
_PATH_KINDS = frozenset({"3", "43", "47"})


def js_string(token: str) -> str:
    if len(token) >= 2 and token[0] in "'\"" and token[-1] == token[0]:
        return _ESCAPE.sub(_unescape, token[1:-1])
    return token


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in "ux" and len(code) > 1:
        return chr(int(code[1:], 16))
    return _SIMPLE.get(code, code)


class MemoTraceV1HtmlSource(ChatSource):
    name = "memotrace-v1-html"
    label = {"zh": "留痕/MemoTrace v1 导出（html）", "en": "MemoTrace v1 export (html)"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        start = text.find(_START)
        body_start = start + len(_START)
        end = text.find("];", body_start)
        body = text[body_start:] if end < 0 else text[body_start:end]
        first_line = text.count("\n", 0, body_start) + 1
        messages: list[ChatMessage] = []
        log = ChatLog(self.name, self.platform, messages)
        for number, match in enumerate(_OBJECT.finditer(body), start=1):
            fields = {key: js_string(value) for key, value in _PAIR.findall(match.group(1))}
            line = first_line + body.count("\n", 0, match.start())
            try:
                when = epoch_time(fields["timestamp"])
            except (KeyError, ValueError, OverflowError):
                log.warnings.append(_warning(number, line))
                continue
            kind, sub = fields.get("type", ""), fields.get("sub_type", "")
            # The template writes system records (10000 in the database) as type 0.
            msg_type, media = v1_type("10000" if kind == "0" else kind, sub)
            message = ChatMessage(f"record {number} (line {line})", unescape_name(fields.get("displayname", "")),
                                  fields.get("text", ""), when, [])
            message.type = msg_type
            if msg_type == "system":
                message.system = True
            else:
                message.is_me = fields.get("is_send") == "1"
            if media:
                message.extra["media"] = media
            if kind in _PATH_KINDS:
                message.extra["path"], message.text = message.text, PLACEHOLDER[media or msg_type]
            elif kind == "34":
                message.extra["path"] = message.text
                message.text = "[语音]" + (f" {fields['voice_to_text']}" if fields.get("voice_to_text") else "")
            elif kind == "50":
                message.text = f"[通话] {message.text}"
            elif msg_type == "other" and media:
                # location, card, link, merged forward, red packet, mini-program: the placeholder, then
                # what the record says (a link's title, a red packet's wish) unless it only repeats it.
                placeholder = PLACEHOLDER.get(media, f"[{media}]")
                text = message.text.strip()
                message.text = placeholder if not text or text == placeholder.strip("[]") else f"{placeholder} {text}"
            if fields.get("refer_text"):
                message.extra["quote"] = fields["refer_text"]
            if msg_type == "transfer":
                fee = re.search(AMOUNT_IN_TEXT, fields.get("feedesc", ""))
                if fee:
                    message.amount = chat_amount(fee.group(0))
                # The record's text says what happened to the money (已收款: the recipient's receipt);
                # kept, so that a receipt is not read as a transfer of its own.
                state = fields.get("text", "") if fields.get("text") in _TRANSFER_STATES else \
                    _PAYSUBTYPE.get(fields.get("paysubtype", ""), "")
                message.text = " ".join(part for part in ("[转账]", state, fields.get("feedesc", ""), fields.get("pay_memo", ""))
                                        if part)
            messages.append(message)
        if end < 0:
            log.notes.append(chat_note("chat-truncated", "warning", reason="html"))
        return log


def _warning(number: int, line: int):
    from ...model.records import Warning

    return Warning(None, f"record {number} (line {line})", "chats.row_no_time")


SOURCE = MemoTraceV1HtmlSource()
