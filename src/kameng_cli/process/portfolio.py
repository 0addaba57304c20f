"""`kameng status --all DIR`: one row per case folder (each subfolder holding case.toml), for
volunteers and lawyers who follow dozens of cases. A folder that cannot be read is a row with its
error, never the end of the run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import KamengError, UserInputError
from ..i18n import t

SCHEMA = "kameng.status-all/1"


@dataclass
class CaseRow:
    folder: str
    problem: str = ""
    order: str = ""
    open: int = 0
    overdue: int = 0
    next_due: str | None = None
    next_action: str = ""
    next_channel: str | None = None
    next_title: str = ""
    limitation_due: str | None = None
    limitation_state: str = "unknown"
    warnings: int = 0
    error: str | None = None

    @property
    def is_overdue(self) -> bool:
        return self.overdue > 0 or self.limitation_state == "passed"

    def to_json(self) -> dict[str, Any]:
        return {"folder": self.folder, "problem": self.problem or None, "order": self.order or None,
                "open": self.open, "overdue": self.overdue, "next_due": self.next_due,
                "next": {"action": self.next_action, "channel": self.next_channel, "title": self.next_title}
                if not self.error else None,
                "limitation": {"due": self.limitation_due, "state": self.limitation_state},
                "warnings": self.warnings, "error": self.error}


def case_folders(root: Path) -> list[Path]:
    if not root.is_dir():
        raise UserInputError("process.all.not_dir", path=str(root))
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "case.toml").is_file())


def summarise(folder: Path, today: date) -> CaseRow:
    from ..case.store import CaseStore
    from .status import build_status

    row = CaseRow(folder.name)
    try:
        report = build_status(CaseStore(folder.resolve()), today)
    except KamengError as exc:
        row.error = exc.render()
        return row
    case = CaseStore(folder.resolve()).case
    row.problem, row.order = case.problem, case.order.number
    row.open = len(report.open_items)
    row.overdue = sum(1 for i in report.items if i.overdue(today))
    dues = [i.deadline.due for i in report.open_items if i.deadline is not None]
    row.next_due = min(dues).isoformat() if dues else None
    row.next_action, row.next_channel, row.next_title = report.next.action, report.next.channel, report.next.title
    row.limitation_due = report.limitation.due.isoformat() if report.limitation.due else None
    row.limitation_state = report.limitation.state(today)
    row.warnings = len([w for w in report.warnings if w.severity != "info"])
    return row


def portfolio(root: Path, today: date) -> list[CaseRow]:
    folders = case_folders(root)
    if not folders:
        raise UserInputError("process.all.none", path=str(root))
    return [summarise(folder, today) for folder in folders]


def portfolio_json(root: Path, today: date, rows: list[CaseRow]) -> dict[str, Any]:
    return {"schema": SCHEMA, "root": str(root), "today": today.isoformat(),
            "overdue": any(r.is_overdue for r in rows), "cases": [r.to_json() for r in rows]}


def one_line(text: str) -> str:
    """An error that runs to several lines (a broken case.toml) as one: items joined by the
    language's separator, a heading line ending in a colon joined without one."""
    lines = [line.strip(" -") for line in text.splitlines() if line.strip(" -")]
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith(("：", ":")):
            out += ("" if out.endswith("：") else " ") + line
        else:
            out += t("process.list_sep") + line
    return out


def row_text(row: CaseRow) -> str:
    from ..model.slugs import PROBLEM_TYPES, label

    if row.error:
        return t("process.all.error", case=row.folder, reason=one_line(row.error))
    problem = label(PROBLEM_TYPES, row.problem) if row.problem in PROBLEM_TYPES else row.problem
    return "  ".join([row.folder, problem, str(row.open), row.next_due or "—", str(row.overdue), row.next_title])
