"""催办 (follow-up) letters and the escalation history other letters cite.

    build_followup(store, channel, today=..., redact=True) -> FollowupLetter   (Markdown in .markdown)
    history_facts(store, to_channel, today, numbers, redactor) -> list[str]  (for escalation letters)
    write_followup(store, channel, fmt=..., output=..., ...) -> Path | None  (what `kameng draft
        --to CHANNEL --followup` does: md or pdf, drafts/ or -o, never overwriting)

A follow-up cites the earlier submission to the same channel — its date, ticket number and the
deadline that passed, with the rule quoted verbatim from the verified law data — and lists what the
other channels answered, each with its exhibit number. Exhibit numbers (证据N) are the same as in the
full complaint letters of `kameng draft` (the case's exhibits in order), so both can go together.
Rendering goes through the draft's Jinja2 environment (escaping, case-folder overrides) with the
template process/followup.md.j2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserInputError
from ..i18n import t
from .deadlines import ActiveDeadline, active_deadline, closing_reply
from .records import ProcessLog, Submission
from .rules import process_channel

if TYPE_CHECKING:
    from ..case.store import CaseStore
    from ..draft.redact import Redactor

TEMPLATE = "process/followup.md.j2"

TITLES = {
    "merchant": "再次催告函",
    "platform": "投诉处理催办函",
    "12315": "关于投诉处理进度的催办申请",
    "consumer-association": "关于调解申请处理进度的催办函",
    "heimao": "投诉处理催办",
    "court": "关于立案进度的催办申请",
    "police": "关于报案处理进度的询问",
}

ADDRESSEES = {
    "merchant": None,  # the merchant's name from case.toml
    "platform": None,
    "12315": "市场监督管理部门",
    "consumer-association": "消费者协会",
    "heimao": "黑猫投诉平台",
    "court": "人民法院立案庭",
    "police": "公安机关",
}

# What the letter asks for, per running clock (the rule's own words where there is one).
REQUESTS = {
    "acceptance": "请依照上述规定尽快作出受理或者不予受理的决定并告知本人；决定不予受理的，请告知理由。",
    "mediation": "自受理之日起六十日内未能达成调解协议，请依照上述规定终止调解，并自作出终止调解决定之日起七个工作日内告知本人。",
    "filing": "请依照上述规定尽快立案并通知本人，或者作出不予受理的裁定。",
    "trial": "请告知本案的审理进度。",
    "answer": "请于收到本函后尽快履行前函所列要求或者书面答复；逾期仍不处理的，我将向有关部门投诉或者依法提起诉讼。",
    "user": "请尽快处理并书面答复处理结果。",
    None: "请告知处理进度并书面答复处理结果。",
}

# Paragraph of the rule that states the clock (1-based 款), None for the whole article.
_CLOCK_PARAGRAPH = {"acceptance": 1, "mediation": None, "filing": None, "trial": None, "answer": None}


@dataclass
class FollowupLetter:
    channel: str
    submission: Submission
    markdown: str
    values: dict[str, Any]
    deadline_passed: bool
    redactor: Redactor
    warnings: list[str] = field(default_factory=list)


def _cn_date(value: Any) -> str:
    from ..draft.context import cn_date

    return cn_date(value)


def exhibit_numbers(store: CaseStore) -> dict[str, str]:
    """E01 -> 证据1, in the order of the full letters' evidence lists."""
    return {exhibit_id: f"证据{n}" for n, exhibit_id in enumerate(store.exhibits(), start=1)}


def _cite(exhibit: str | None, numbers: dict[str, str]) -> str:
    return f"（{numbers[exhibit]}）" if exhibit and exhibit in numbers else ""


def submission_sentence(submission: Submission, numbers: dict[str, str]) -> str:
    text = f"{_cn_date(submission.at)}，{t(f'process.submitted.{submission.channel}', lang='zh')}"
    if submission.ticket:
        text += f"（编号{submission.ticket}）"
    return text + _cite(submission.exhibit, numbers)


def history_facts(store: CaseStore, to_channel: str | None, today: date, numbers: dict[str, str] | None = None,
                  redactor: Redactor | None = None, *, log: ProcessLog | None = None,
                  skip: str | None = None) -> list[str]:
    """One sentence per earlier submission: where, when, which number, what came of it, with exhibits.
    `skip` leaves out one submission (the one a follow-up is about)."""
    from ..legal.calendar import Calendar
    from .log import read_log

    log = log or read_log(store)
    numbers = numbers if numbers is not None else exhibit_numbers(store)
    calendar = Calendar(case_root=store.root)
    found = []
    for submission in sorted(log.submissions, key=lambda s: s.at):
        if submission.id == skip or (to_channel is not None and submission.channel == to_channel and skip is None
                                     and closing_reply(log.replies_to(submission.id)) is None):
            continue
        sentence = submission_sentence(submission, numbers)
        label = t(f"process.channel.{submission.channel}", lang="zh")
        replies = log.replies_to(submission.id)
        for reply in replies:
            answer = f"{label}于{_cn_date(reply.at)}答复：{t(f'process.outcome.{reply.outcome}', lang='zh')}"
            if reply.text:
                answer += f"，称“{reply.text}”"
            sentence += "；" + answer + _cite(reply.exhibit, numbers)
        if closing_reply(replies) is None:
            active, _why = active_deadline(submission, replies, calendar)
            if active is not None and active.days_left(today) < 0:
                sentence += (f"；{t(f'process.clock.{active.clock.name}', lang='zh')}已于{_cn_date(active.due)}届满，"
                             f"至今未处理")
            else:
                sentence += "；目前仍在处理中"
        found.append((redactor or (lambda s: s))(sentence) + "。")
    return found


def _rule(active: ActiveDeadline | None) -> dict[str, Any] | None:
    if active is None or not active.clock.article:
        return None
    from ..legal.law import quote

    paragraph = _CLOCK_PARAGRAPH.get(active.clock.name)
    q = quote(active.clock.article, paragraph, "deadline")
    return {"citation": q.citation, "lines": q.text.split("\n"), "reference_only": active.clock.reference_only}


def build_followup(store: CaseStore, channel: str, *, today: date, redact: bool = True,
                   submission_id: str | None = None) -> FollowupLetter:
    from ..draft.channels import CHANNELS as DRAFT_CHANNELS
    from ..draft.context import first_line
    from ..draft.markdown import render
    from ..draft.redact import Redactor
    from ..legal.calendar import Calendar
    from ..legal.claims import compute
    from .log import read_log

    spec = process_channel(channel)
    channel = spec.slug  # 消协 → consumer-association
    log = read_log(store)
    target = log.submission(submission_id) if submission_id else (
        log.latest_open(channel) or next((s for s in sorted(log.submissions, key=lambda s: s.at, reverse=True)
                                          if s.channel == channel), None))
    if target is None or target.channel != channel:
        raise UserInputError("process.followup.no_submission", channel=channel, name=t(f"process.channel.{channel}"))
    case = store.case
    events = store.events()
    claims = compute(case, events)
    replies = log.replies_to(target.id)
    active, why = active_deadline(target, replies, Calendar(case_root=store.root))
    keeps = DRAFT_CHANNELS[channel].keeps_complainant if channel in DRAFT_CHANNELS else False
    keep = [case.order.number, target.ticket, case.merchant.uscc, case.platform.uscc,
            *(s.ticket for s in log.submissions)]
    if keeps:
        c = case.complainant
        keep += [c.name, c.phone, c.address, c.id_number]
    redactor = Redactor(enabled=redact or channel == "heimao", keep=tuple(k for k in keep if k))
    numbers = exhibit_numbers(store)
    overdue_days = -active.days_left(today) if active is not None else None
    passed = overdue_days is not None and overdue_days > 0
    warnings = []
    if active is None:
        warnings.append(t("process.followup.no_deadline", id=target.id, why=t(why)))
    elif not passed:
        warnings.append(t("process.followup.not_yet", id=target.id, due=active.due.isoformat()))
    closing = closing_reply(replies)
    if closing is not None and closing.outcome == "resolved":
        # A 催办 after the recorded answer settled the dispute would contradict that record (and the
        # letter would say both 已解决 and 尚未收到处理结果): say what to record instead.
        raise UserInputError("process.followup.resolved", id=target.id, reply=closing.id,
                             channel=t(f"process.channel.{channel}"), at=closing.at.strftime("%Y-%m-%d"),
                             text=t("process.followup.resolved_text", text=closing.text) if closing.text else "",
                             slug=channel)
    if closing is not None:
        warnings.append(t("process.followup.closed", id=target.id))
    cited = [x for x in [target.exhibit, *(r.exhibit for r in replies)] if x]
    history = history_facts(store, None, today, numbers, redactor, log=log, skip=target.id)
    cited += [x for s in log.submissions if s.id != target.id
              for x in [s.exhibit, *(r.exhibit for r in log.replies_to(s.id))] if x]
    exhibits = store.exhibits()
    evidence = [{"label": numbers[x], "name": redactor(exhibits[x].name), "sha": exhibits[x].sha256[:12],
                 "note": redactor(exhibits[x].note)} for x in dict.fromkeys(cited) if x in exhibits]
    addressee = ADDRESSEES.get(channel) or (
        case.merchant.name or case.merchant.shop if channel == "merchant" else case.platform.name or case.platform.company)
    values: dict[str, Any] = {
        "title": TITLES[channel],
        "channel": channel,
        "addressee": addressee or t(f"process.channel.{channel}", lang="zh"),
        "date": _cn_date(today),
        "first_line": redactor(first_line(case, claims)),
        "complainant": redactor(case.complainant.name) if case.complainant.name else "",
        "submission": {
            "id": target.id, "date": _cn_date(target.at), "time": target.at.strftime("%H:%M"),
            "ticket": target.ticket, "exhibit": numbers.get(target.exhibit or ""), "channel_label": t(f"process.channel.{channel}", lang="zh"),
            "sentence": redactor(submission_sentence(target, numbers)),
        },
        "replies": [redactor(f"{_cn_date(r.at)}答复：{t(f'process.outcome.{r.outcome}', lang='zh')}"
                             + (f"，称“{r.text}”" if r.text else "") + _cite(r.exhibit, numbers)) for r in replies],
        "deadline": None if active is None else {
            "name": t(f"process.clock.{active.clock.name}", lang="zh"),
            "count": active.clock.count,
            "unit": {"working": "个工作日", "calendar": "日", "months": "个月"}[active.clock.unit],
            "start": _cn_date(active.start),
            "due": _cn_date(active.due),
            "passed": passed,
            "overdue_days": overdue_days,
            "estimated": active.result.estimated,
            "source": active.source,
        },
        "closed": None if closing is None else {
            "outcome": closing.outcome,
            "outcome_label": t(f"process.outcome.{closing.outcome}", lang="zh"),
            "date": _cn_date(closing.at),
        },
        "rule": _rule(active),
        "request": REQUESTS.get(active.clock.name if active else None, REQUESTS[None]),
        "history": history,
        "evidence": evidence,
        "is_authority": spec.actor == "authority",
    }
    markdown = render(TEMPLATE, values, store.root)
    return FollowupLetter(channel, target, markdown, values, passed, redactor, warnings)


def write_followup(store: CaseStore, channel: str, *, today: date, fmt: str = "md", output: str | None = None,
                   redact: bool = True, font: Path | None = None) -> tuple[FollowupLetter, Path | None]:
    """Write the letter as `kameng draft` writes drafts: drafts/<channel>-followup-<date>.md|pdf (never
    overwriting), `-o PATH` (refusing to replace), or `-o -` (Markdown on stdout)."""
    import sys

    from ..draft.output import write_exact, write_new

    letter = build_followup(store, channel, today=today, redact=redact)
    channel = letter.channel
    if fmt == "md":
        if output == "-":
            sys.stdout.write(letter.markdown)
            return letter, None
        data = letter.markdown.encode("utf-8")
    else:
        data = render_followup_pdf(store, letter, today=today, redact=redact, font=font)
    suffix = ".md" if fmt == "md" else ".pdf"
    path = write_exact(Path(output), data) if output else write_new(store.paths.drafts, f"{channel}-followup", today, suffix, data)
    return letter, path


def render_followup_pdf(store: CaseStore, letter: FollowupLetter, *, today: date, redact: bool,
                        font: Path | None = None) -> bytes:
    """The same Markdown through the draft's Typst renderer (header, page numbers, glyph check)."""
    from ..draft.channels import channel as draft_channel
    from ..draft.context import build
    from ..draft.pdf import render_pdf

    context = build(store, draft_channel(letter.channel), redact=redact, today=today)
    return render_pdf(letter.markdown, context, store, font=font).data
