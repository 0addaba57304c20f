"""sjzar/chatlog `/api/v1/chatlog` default text output (message.go PlainText, chat-exports.md §3.3):
`Name(wxid) TIME` / body / empty line; me as `Name(我)`, system as `系统消息`. TIME is `15:04:05`,
`01-02 15:04:05` or full depending on the query range, so the year — and for one-day queries the
date — is usually absent. It is taken from the case's order time (else the file's date), every such
message is flagged, and the exhibit says so."""

from __future__ import annotations

from datetime import datetime

from ...parsing.times import CST
from ..base import ParseContext
from .common import NO_DATE, NO_TZ, NO_YEAR, ChatLog, ChatMessage, chat_note, local_time
from .layouts import CHATLOG_HEADER
from .source import ChatSource


def assumed_anchor(ctx: ParseContext) -> tuple[datetime, str]:
    """The time a date-less log is placed near: the order's payment time, else the file's time."""
    if ctx.case is not None and ctx.case.order.paid_at is not None:
        return ctx.case.order.paid_at, "order"
    if ctx.original_mtime is not None:
        return ctx.original_mtime, "file"
    return datetime.now(CST), "today"


def best_year(anchor: datetime, month: int, day: int, anchor_source: str = "order") -> int:
    """The year that puts MM-DD closest to (and preferably after) the order time; for a file or
    today's date, the latest year not after it (a log cannot be from the future)."""
    if anchor_source != "order":
        try:
            return anchor.year if datetime(anchor.year, month, day, tzinfo=CST) <= anchor else anchor.year - 1
        except ValueError:
            return anchor.year
    best, best_distance = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = datetime(year, month, day, tzinfo=CST)
        except ValueError:
            continue
        days = (candidate - anchor).days
        distance = days if days >= -3 else -days * 4  # a chat rarely starts before the payment
        if best_distance is None or distance < best_distance:
            best, best_distance = year, distance
    return best


class ChatlogTextSource(ChatSource):
    name = "chatlog-text"
    label = {"zh": "chatlog 接口文本", "en": "chatlog API text"}

    def read(self, text: str, ctx: ParseContext) -> ChatLog:
        lines = text.split("\n")
        messages: list[ChatMessage] = []
        anchor, anchor_source = assumed_anchor(ctx)
        year: int | None = None
        last_month = 0
        current: ChatMessage | None = None
        body: list[str] = []
        blank_before = True
        assumed = False
        flags_seen: set[str] = set()

        def close() -> None:
            if current is not None:
                while body and not body[-1].strip():
                    body.pop()
                current.text = "\n".join(body)
                messages.append(current)

        for number, line in enumerate(lines, start=1):
            match = CHATLOG_HEADER.match(line) if blank_before else None
            if match:
                close()
                body = []
                flags = [NO_TZ]
                if match.group("y"):
                    y, mo, d = int(match.group("y")), int(match.group("mo")), int(match.group("d"))
                elif match.group("mo"):
                    mo, d = int(match.group("mo")), int(match.group("d"))
                    if year is None:
                        year = best_year(anchor, mo, d, anchor_source)
                    elif mo < last_month - 6:
                        year += 1  # December → January inside one log
                    y, assumed = year, True
                    flags.append(NO_YEAR)
                else:
                    y, mo, d, assumed = anchor.year, anchor.month, anchor.day, True
                    flags += [NO_YEAR, NO_DATE]
                last_month = mo
                flags_seen.update(flags)
                when = local_time(y, mo, d, int(match.group("h")), int(match.group("mi")), int(match.group("s")))
                current = ChatMessage(f"line {number}", "", "", when, flags)
                if match.group("system"):
                    if match.group("system") == "我":
                        current.sender, current.is_me = "我", True
                    else:
                        current.system = True
                else:
                    ident = match.group("id")
                    current.sender = match.group("name").strip() or ident
                    current.is_me = ident == "我"
                    if ident != "我":
                        current.sender_id = ident
                blank_before = False
                continue
            if current is not None:
                body.append(line)
            blank_before = not line.strip()
        close()
        log = ChatLog(self.name, self.platform, messages)
        if assumed:
            year_used = messages[0].time.year if messages and messages[0].time else anchor.year
            log.facts["year_assumed"] = {"year": year_used, "from": anchor_source}
            log.notes.append(chat_note("chat-year-assumed", "warning", year=year_used, source=anchor_source,
                                       date_missing=NO_DATE in flags_seen))
            from ...i18n import t

            log.messages_out.append(t("chats.year_assumed", year=year_used, source=t(f"chats.anchor.{anchor_source}")))
        return log


SOURCE = ChatlogTextSource()
