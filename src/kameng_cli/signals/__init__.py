"""Reading chat text: promises with deadlines, deflections, admissions, refusals and demands
(extract.py, per message at parse time), and the timeline analyzers that need every event
(analyzers.py: promise-broken, silence). Vocabularies are data: signals/data/*.toml, extended by
<case>/signals/*.toml."""

ANALYZERS: list[str] = [
    "kameng_cli.signals.analyzers:promise_broken",
    "kameng_cli.signals.analyzers:silence",
]
