"""A complaint as a process (issue 8): submissions and replies per channel, their clocks, what to do
next, the 3-year limitation period, follow-up (催办) letters, reminders and joint complaints.

    records.py     Submission / Reply and .kameng/process.jsonl (the source of truth)
    log.py         recording them under the case lock, and their timeline events
    rules.py       one clock spec per channel (channels.md §0–§7) and the escalation order (§8)
    deadlines.py   a submission's active deadline through kameng_cli.legal.calendar
    limitation.py  the 3-year limitation period and what interrupted it
    status.py      status, warnings (exclusivity, 多头投诉) and the one recommended next step
    followup.py    催办 and escalation letters (Markdown, PDF through the draft renderer)
    ics.py         reminders as iCalendar
    joint.py       one complaint for several buyers wronged by the same merchant
"""
