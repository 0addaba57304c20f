"""千牛 / 旺旺 (Taobao) clipboard copies (chat-exports.md §4, after readcliper.py): a header ending in
`YYYY-M-D H:MM:SS` (no zero padding; the name sometimes glued to the time), the body, then optional
status lines 已读 / 未读 / 发送中; an older layout puts the name on one line and the time alone on the
next; UI noise (当前用户来自, 商品详情页, …) is skipped; agent hand-overs
`用户 --> 接收者 时间` and stand-alone `xxx 撤回了一条消息` are system lines."""

from __future__ import annotations

import re

from ...parsing.amounts import AMOUNT_IN_TEXT
from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, local_time, time_from_previous
from .layouts import NAME_FULL_TIME, QIANNIU_STATUS, TIME_ALONE
from .source import ChatSource

_NOISE = ("当前用户来自", "商品详情页", "商品推荐", "由 服务助手 转交给", "原因：【离线留言自动分配】")
# A product card's price line (spec §4 "price lines starting ¥"): noise under a message's text; a
# message that is nothing but a price keeps it.
_PRICE_LINE = re.compile(rf"^[¥￥]\s*{AMOUNT_IN_TEXT}$")
_HANDOVER = re.compile(r"^(?P<from>.+?) --> (?P<to>.+?) (?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2}) (?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})$")
_RECALL = re.compile(r"^(?P<who>\S.{0,40}?)\s*撤回了一条消息$")


class QianniuCopySource(ChatSource):
    name = "qianniu-copy"
    label = {"zh": "千牛/旺旺复制的聊天", "en": "Qianniu / Wangwang copied chat"}
    platform = "shop"

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        messages: list[ChatMessage] = []
        current: ChatMessage | None = None
        body: list[str] = []

        def close() -> None:
            if current is not None:
                while body and not body[-1].strip():
                    body.pop()
                if body or not current.text:
                    current.text = "\n".join(body)
                messages.append(current)

        lines = text.split("\n")
        senders: set[str] = set()
        for number, line in enumerate(lines, start=1):
            stripped = line.strip()
            handover = _HANDOVER.match(stripped)
            header = NAME_FULL_TIME.match(stripped) if not handover else None
            name_above = _name_above(lines, number - 1) if not (header or handover) and TIME_ALONE.match(stripped) else None
            if name_above is not None:
                # The older layout: the name is the line above the time (read as a body line so far).
                header = TIME_ALONE.match(stripped)
                if current is not None and body and body[-1].strip() == name_above:
                    body.pop()
            if header or handover:
                close()
                body = []
                match = header or handover
                assert match is not None
                when = local_time(int(match["y"]), int(match["mo"]), int(match["d"]), int(match["h"]), int(match["mi"]), int(match["s"]))
                if handover:
                    current = ChatMessage(f"line {number}", "", f"{handover['from']} → {handover['to']}", when, [NO_TZ], system=True)
                elif name_above is not None:
                    current = ChatMessage(f"line {number - 1}", name_above, "", when, [NO_TZ])
                else:
                    current = ChatMessage(f"line {number}", match["name"].strip(), "", when, [NO_TZ])
                senders.add(current.sender)
                continue
            if stripped in QIANNIU_STATUS and current is not None:
                current.extra["read_status"] = stripped
                continue
            if stripped.startswith(_NOISE) or (_PRICE_LINE.match(stripped) and any(part.strip() for part in body)):
                continue
            recall = _RECALL.match(stripped)
            if recall and (current is None or not body or not body[-1].strip() or _standalone_recall(recall["who"], senders)):
                close()
                body = []
                current = ChatMessage(f"line {number}", "", stripped, None, ["unknown"], system=True)
                close()
                current = None
                continue
            if current is not None:
                body.append(line)
        close()
        time_from_previous(messages)
        return ChatLog(self.name, self.platform, messages)


def _name_above(lines: list[str], index: int) -> str | None:
    """The sender of the older layout's time line at `index`: the non-empty line above it."""
    if index == 0:
        return None
    above = lines[index - 1].strip()
    if not above or above in QIANNIU_STATUS or len(above) > 40 or NAME_FULL_TIME.match(above) or TIME_ALONE.match(above):
        return None
    return above


def _standalone_recall(who: str, senders: set[str]) -> bool:
    """A recall line of someone in the chat stands alone even right under a message's text: 千牛 shows it
    as a grey line of its own, never inside a message (spec §4)."""
    who = who.strip()
    return who in ("你", "对方") or who in senders or any(who == name.split(":")[-1] for name in senders)


SOURCE = QianniuCopySource()
