"""千牛 / 旺旺 (Taobao) clipboard copies (chat-exports.md §4, after readcliper.py): a header ending in
`YYYY-M-D H:MM:SS` (no zero padding; the name sometimes glued to the time), the body, then optional
status lines 已读 / 未读 / 发送中; UI noise (当前用户来自, 商品详情页, …) is skipped; agent hand-overs
`用户 --> 接收者 时间` and stand-alone `xxx 撤回了一条消息` are system lines."""

from __future__ import annotations

import re

from ..base import ParseContext
from .common import NO_TZ, ChatLog, ChatMessage, local_time, time_from_previous
from .layouts import NAME_FULL_TIME, QIANNIU_STATUS
from .source import ChatSource

_NOISE = ("当前用户来自", "商品详情页", "商品推荐", "由 服务助手 转交给", "原因：【离线留言自动分配】")
_HANDOVER = re.compile(r"^(?P<from>.+?) --> (?P<to>.+?) (?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2}) (?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})$")
_RECALL = re.compile(r"^\S.{0,40}撤回了一条消息$")


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

        for number, line in enumerate(text.split("\n"), start=1):
            stripped = line.strip()
            handover = _HANDOVER.match(stripped)
            header = NAME_FULL_TIME.match(stripped) if not handover else None
            if header or handover:
                close()
                body = []
                match = header or handover
                assert match is not None
                when = local_time(int(match["y"]), int(match["mo"]), int(match["d"]), int(match["h"]), int(match["mi"]), int(match["s"]))
                if handover:
                    current = ChatMessage(f"line {number}", "", f"{handover['from']} → {handover['to']}", when, [NO_TZ], system=True)
                else:
                    current = ChatMessage(f"line {number}", match["name"].strip(), "", when, [NO_TZ])
                continue
            if stripped in QIANNIU_STATUS and current is not None:
                current.extra["read_status"] = stripped
                continue
            if stripped.startswith(_NOISE):
                continue
            if _RECALL.match(stripped) and (current is None or not body or not body[-1].strip()):
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


SOURCE = QianniuCopySource()
