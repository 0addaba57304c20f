"""Start-up time: `kameng --version` and `kameng timeline` (1,000 events) against `import typer`.

Targets (issue "The case folder, the evidence store and the kameng command"): --version ≤ 1.5× and
timeline ≤ 2.5× the time of `python -c "import typer"`, medians, measured in the same run.

    python benchmarks/startup.py [--repeat 21]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from _common import init_case, interleaved, kameng_command

from kameng_cli.case.store import CaseStore
from kameng_cli.model.records import Event
from kameng_cli.parsing.times import parse_time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--events", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "case"
        init_case(root)
        store = CaseStore(root)
        start = parse_time("2024-05-01 09:55")
        kinds = ["message", "promise", "deflection", "paid", "contacted"]
        events = [Event(id=f"M{n:04d}", time=start + timedelta(minutes=7 * n), kind=kinds[n % len(kinds)],
                        actor="me" if n % 2 else "counterparty", summary=f"第 {n} 条：亲，马上为您处理，请耐心等待",
                        source="manual", confidence=0.5) for n in range(args.events)]
        with store.writing("benchmark"):
            store.write_manual_events(events)
        kameng = kameng_command()
        times = interleaved({
            "import typer": [sys.executable, "-c", "import typer"],
            "kameng --version": [*kameng, "--version"],
            "kameng timeline": [*kameng, "-C", str(root), "timeline"],
            "kameng timeline --json": [*kameng, "-C", str(root), "timeline", "--json"],
        }, args.repeat, env={"COLUMNS": "160"})
    base = times["import typer"]
    print(f"median wall time over {args.repeat} runs ({args.events} events in the timeline)")
    for name, value in times.items():
        print(f"  {name:<24} {value * 1000:7.1f} ms   {value / base:4.2f}× import typer")
    print(f"targets: --version ≤ 1.5× ({'met' if times['kameng --version'] <= 1.5 * base else 'NOT met'}), "
          f"timeline ≤ 2.5× ({'met' if times['kameng timeline'] <= 2.5 * base else 'NOT met'})")


if __name__ == "__main__":
    main()
