"""From a read chat log to a ParseResult: roles (me / counterparty / system), message types, one
`message` event per record, signal events and completeness notes.

The messages are handled as columns — one list per field — because logs of 100,000 messages are
common and the per-message work is the bulk of parsing them: most steps below run as C-level maps
over whole columns, and only the few messages that need a closer look (placeholders, recalls,
system lines, transfers) go through Python one by one. A source may hand over columns directly
(`ChatLog.columns`, the QQ text export does) or a list of `ChatMessage` records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import compress, count, repeat
from operator import eq, itemgetter, not_

from ...i18n import said, say_again, t
from ...model.records import Event
from ..base import ParseContext, ParseResult, SourceError
from .common import (
    MERCHANT_NAME,
    PLACEHOLDER_START,
    RECALL_WORDS,
    SELF_WORDS,
    SYSTEM_SENDERS,
    SYSTEM_TYPED,
    TEXT_TYPED,
    ChatColumns,
    ChatLog,
    Typed,
    bare_name,
    detect_type,
    summary_text,
)

_FIRST_CHAR = itemgetter(slice(0, 1))
_MAY_NOT_BE_TEXT = frozenset(PLACEHOLDER_START | {""})  # "" is the first "character" of an empty body
_SYSTEM_CONFIDENCE = {"system": 1.0}


# --- roles ---------------------------------------------------------------------------------------


@dataclass
class Roles:
    me: set[str]
    how: str  # flag / case / asked / guessed / none
    confidence: float


def assign_roles(columns: ChatColumns, ctx: ParseContext) -> Roles:
    """Decide which senders are me: the format's own flag, then case.toml's my_names, then the answer
    given when the file was added (on rebuild), then ONE question on a terminal, then a guess from
    shop-like names (marked low-confidence)."""
    senders_column = columns.senders
    speaking = senders_column if columns.system is None else compress(senders_column, map(not_, columns.system))
    senders = dict.fromkeys(filter(None, speaking))  # in order of first appearance
    if columns.is_me is not None:
        return Roles(set(compress(senders_column, columns.is_me)), "flag", 1.0)
    first_ids: dict[str, str] = {}
    if columns.sender_ids is not None:
        for sender, sender_id in zip(reversed(senders_column), reversed(columns.sender_ids), strict=True):
            if sender_id:
                first_ids[sender] = sender_id  # read backwards: the first id of each sender stays
    mine = named_as_me(senders, ctx, first_ids)
    if mine:
        return Roles(mine, "case", 1.0)
    if not senders:
        return Roles(set(), "none", 1.0)
    if ctx.previous_facts.get("roles_from") == "asked":  # answered on a terminal when the file was added
        return Roles({name for name in ctx.previous_facts.get("me", []) if name in senders}, "asked", 1.0)
    if ctx.ask is not None and len(senders) > 1:
        none_label = t("chats.ask.none")
        answer = ctx.ask(t("chats.ask.which_is_me"), [*senders, none_label])
        if answer and answer != none_label:
            return Roles({answer}, "asked", 1.0)
        if answer == none_label:
            return Roles(set(), "asked", 1.0)
    shoplike = {s for s in senders if MERCHANT_NAME.search(bare_name(s))}
    others = [s for s in senders if s not in shoplike]
    if shoplike and len(others) == 1:
        return Roles({others[0]}, "guessed", 0.7)
    # Nothing to go on: the buyer usually opens the conversation.
    return Roles({next(iter(senders))}, "guessed", 0.5)


def named_as_me(senders: Iterable[str], ctx: ParseContext, ids: dict[str, str] | None = None) -> set[str]:
    """The senders that case.toml's my_names (or a word such as 我) names: matched against the display
    name, the bare name without `【头衔】` and `(QQ号)`, and the sender's QQ number / wxid."""
    my_names = {n.strip() for n in (ctx.case.my_names if ctx.case else []) if n.strip()} | SELF_WORDS
    ids = ids or {}
    return {s for s in senders if s in my_names or bare_name(s) in my_names or ids.get(s) in my_names}


def _role_column(columns: ChatColumns, me: set[str]) -> list[str]:
    """me / counterparty / system for every record, before message types are known."""
    by_sender = {sender: "system" if sender in SYSTEM_SENDERS else "me" if sender in me else "counterparty"
                 for sender in dict.fromkeys(columns.senders)}
    roles = list(map(by_sender.__getitem__, columns.senders))
    if columns.is_me is not None:
        for index, is_me in enumerate(columns.is_me):
            if is_me is not None and roles[index] != "system":
                roles[index] = "me" if is_me else "counterparty"
    if columns.system is not None:
        for index in compress(count(), columns.system):
            roles[index] = "system"
    return roles


# --- types ---------------------------------------------------------------------------------------


def _typed(declared: str | None, text: str, amount: Decimal | None) -> Typed:
    if declared is None:
        return detect_type(text)
    detected = detect_type(text) if declared in ("transfer", "recall", "system") else None
    if detected is not None and declared == "system" and detected.type == "recall":
        return detected
    if detected is not None and detected.type == declared:
        return detected
    return Typed(declared, amount=amount)


def _needs_a_look(columns: ChatColumns) -> list[int]:
    """Indexes of the records that may not be plain text: a declared type, a body starting like a
    placeholder (or empty), a recall line. Everything else is text without a closer look."""
    texts = columns.texts
    found = set(compress(count(), map(_MAY_NOT_BE_TEXT.__contains__, map(_FIRST_CHAR, texts))))
    if columns.types is not None:
        found.update(compress(count(), columns.types))
    found.update(compress(count(), map(str.__contains__, texts, repeat(RECALL_WORDS))))
    return sorted(found)


def _recaller(name: str, me: set[str], role_of: dict[str, str]) -> str:
    if name in ("你", "我"):
        return "me"
    for sender, role in role_of.items():
        if name and (name == sender or name == bare_name(sender) or bare_name(sender).endswith(name)):
            return role
    if name and any(name == bare_name(m) for m in me):
        return "me"
    return "counterparty" if name else "unknown"


# --- result --------------------------------------------------------------------------------------


def build_result(log: ChatLog, ctx: ParseContext) -> ParseResult:
    """Message events, signal events and completeness notes for one chat exhibit."""
    from ...signals.extract import signals_of_texts
    from .completeness import completeness_notes

    columns = log.columns if log.columns is not None else ChatColumns.of(log.messages)
    size = len(columns)
    if not size:
        raise SourceError("chats.no_messages", source=log.source)
    roles = assign_roles(columns, ctx)
    senders, texts = columns.senders, columns.texts
    role_column = _role_column(columns, roles.me)

    # The few records that are not plain text, and what they are.
    typed_at: dict[int, Typed] = {}
    seen: dict[tuple[str | None, str, Decimal | None], Typed] = {}  # placeholders repeat: [图片], [表情]
    for index in _needs_a_look(columns):
        key = (columns.types[index] if columns.types is not None else None, texts[index],
               columns.amounts[index] if columns.amounts is not None else None)
        typed = seen.get(key)
        if typed is None:
            typed = seen[key] = _typed(*key)
        if typed.type in ("recall", "system"):
            role_column[index] = "system"
        typed_at[index] = typed
    for index in compress(count(), map(eq, role_column, repeat("system"))):
        if typed_at.get(index, TEXT_TYPED).type == "text":
            typed_at[index] = SYSTEM_TYPED
    type_column = ["text"] * size
    for index, typed in typed_at.items():
        type_column[index] = typed.type

    platform = log.platform
    datas = [{"type": kind, "role": role, "sender": sender, "text": text, "index": index, "platform": platform}
             for index, (kind, role, sender, text) in enumerate(zip(type_column, role_column, senders, texts, strict=True))]
    amounts: list[Decimal | None] = list(columns.amounts) if columns.amounts is not None else [None] * size
    recalls: list[int] = []
    role_of: dict[str, str] = {}  # each speaker's role, in order of first appearance (for recalls)
    if any(typed.type == "recall" for typed in typed_at.values()):
        for sender, role in zip(senders, role_column, strict=True):
            if role != "system":
                role_of.setdefault(sender, role)
    for index, typed in typed_at.items():
        data = datas[index]
        if typed.media and typed.media != typed.type:
            data["media"] = typed.media
        if typed.transfer_state:
            data["transfer_state"] = typed.transfer_state
        if typed.type == "recall":
            data["recalled_by"] = _recaller(typed.recalled_by, roles.me, role_of)
            recalls.append(index)
        if amounts[index] is None:
            amounts[index] = typed.amount
    if columns.sender_ids is not None:
        for data, sender_id in compress(zip(datas, columns.sender_ids, strict=True), columns.sender_ids):
            data["sender_id"] = sender_id
    if columns.extras is not None:
        for data, extra in compress(zip(datas, columns.extras, strict=True), columns.extras):
            data.update(extra)

    system_name = t("chats.system")
    labels = {sender: sender or system_name for sender in dict.fromkeys(senders)}
    shown = [text if len(text) <= 60 and "\n" not in text else summary_text(text) for text in texts]
    summaries = list(map("{}: {}".format, map(labels.__getitem__, senders), shown))
    confidences = list(map(_SYSTEM_CONFIDENCE.get, role_column, repeat(roles.confidence)))
    events = list(map(Event, repeat(""), columns.times, repeat("message"), role_column, summaries, amounts, repeat(None),
                      repeat(None), columns.locators, confidences, repeat(log.source), columns.time_flags, datas))

    signal_events = signals_of_texts(events, _spoken(role_column, texts, typed_at), ctx)
    money_events = _transfers(events, typed_at, log)
    result = ParseResult(kind="chat", media_type="text/plain")
    result.events = events + signal_events + money_events
    result.warnings = list(log.warnings)
    result.notes = [*log.notes, *completeness_notes(log, events, ctx, recalls)]
    timed = list(filter(None, columns.times))  # a datetime is never false
    result.facts = {
        "format": log.source, "platform": log.platform, "messages": size, "encoding": log.encoding,
        "first": timed[0].isoformat() if timed else None, "last": timed[-1].isoformat() if timed else None,
        "senders": sorted(set(filter(None, senders))), "me": sorted(roles.me), "roles_from": roles.how,
        **({"title": log.title} if log.title else {}), **({"group": True} if log.group else {}), **log.facts,
    }
    if log.endings:
        result.facts["line_endings"] = log.endings
    if timed:
        result.captured_at = max(timed)
        result.captured_at_source = "message-time"
        result.captured_at_confidence = "low"
    result.messages = [t("chats.read", count=size, signals=len(signal_events)), *log.messages_out]
    if log.damaged_lines:
        result.messages.append(t("chats.undecodable_lines", lines=", ".join(map(str, log.damaged_lines[:10]))
                                 + ("…" if len(log.damaged_lines) > 10 else "")))
    if roles.how == "guessed":
        result.messages.append(t("chats.roles_guessed", me="、".join(sorted(roles.me)) or "—"))
    if roles.how == "asked" and roles.me:
        result.messages.append(t("chats.roles_asked", me="、".join(sorted(roles.me))))
    return result


# A transfer message says who sent the money, except the receipt the recipient's side shows
# (【已收款】, 已收款): there the other side sent it.
_RECEIPTS = ("已收款", "接收", "非实时转账收款")
_TRANSFER_METHOD = {"wechat": "微信转账", "qq": "QQ转账"}


def _transfers(events: list[Event], typed_at: dict[int, Typed], log: ChatLog) -> list[Event]:
    """Money moved inside the chat: what the user sent the other side is a payment (`paid`), what the
    other side sent the user — a refund, a returned transfer — a `refunded`. A receipt (已收款) only
    counts when the log lacks the transfer it confirms. A payment also shown by a bill export counts
    once in every sum (legal/transactions.py)."""
    found = []
    sent: list[tuple[str, Decimal]] = []  # (payer, amount) of the transfers seen so far
    other = log.title or next((e.data["sender"] for e in events if e.actor == "counterparty" and e.data.get("sender")), "")
    for index, typed in sorted(typed_at.items()):
        message = events[index]
        if typed.type != "transfer" or message.amount is None or message.actor not in ("me", "counterparty"):
            continue
        receipt = typed.transfer_state in _RECEIPTS
        payer = ("counterparty" if message.actor == "me" else "me") if receipt else message.actor
        named = _named_payer(typed, events)
        if named:  # the log says who paid whom (WeFlow `我→云游卡铺`): that decides over the sender
            payer, receipt = named, named != message.actor
        if receipt and (payer, message.amount) in sent:
            continue  # the receipt of a transfer already counted
        sent.append((payer, message.amount))
        mine = payer == "me"
        data = {"via": "chat-transfer", "method": _TRANSFER_METHOD.get(log.platform, "转账"), "message_index": index,
                "text": message.data.get("text", ""), "transfer_state": typed.transfer_state,
                "counterparty": other if mine else message.data.get("sender", "") or other, "direction": "out" if mine else "in"}
        key = "chats.transfer_paid" if mine else "chats.transfer_refunded"
        data["say"] = said(key, amount=f"{message.amount:.2f}", who=data["counterparty"] or "—")
        found.append(Event("", message.time, "paid" if mine else "refunded", "me" if mine else "merchant",
                           say_again(data["say"]) or "", message.amount,
                           None, None, message.locator, round(0.9 * message.confidence, 3), message.source,
                           message.time_flags, data))
    return found


def _named_payer(typed: Typed, events: list[Event]) -> str:
    """me / counterparty as the transfer's own `payer→payee` says, or "" when it does not say."""
    if not typed.payer:
        return ""
    if typed.payer in SELF_WORDS:
        return "me"
    if typed.payee in SELF_WORDS:
        return "counterparty"
    for event in events:
        sender = event.data.get("sender")
        if event.actor in ("me", "counterparty") and sender and typed.payer in (sender, bare_name(sender)):
            return event.actor
    return ""


def _spoken(role_column: list[str], texts: list[str], typed_at: dict[int, Typed]) -> dict[str, tuple[list[int], list[str]]]:
    """The text messages of each speaker, for the signal pass: (indexes, texts) in log order. Empty
    bodies and non-text records are all among `typed_at`."""
    speakers = list(role_column)
    for index, typed in typed_at.items():
        if typed.type != "text" or not texts[index]:
            speakers[index] = ""
    spoken: dict[str, tuple[list[int], list[str]]] = {}
    for role in ("me", "counterparty"):
        chosen = list(compress(count(), map(eq, speakers, repeat(role))))
        spoken[role] = (chosen, list(map(texts.__getitem__, chosen)))
    return spoken
