"""`kameng status --all DIR` for a volunteer's or lawyer's folder of cases: one case with a realistic
history (merchant refused, platform complaint with its rule, 12315 accepted) copied N times, then the
median wall time of `status --all --json`, `remind --ics --all` and one case's `status` against
`kameng --version` in the same run. Prints figures; there is no pass/fail.

    python benchmarks/process_status_all.py [--cases 50] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from _common import init_case, interleaved, kameng_command


def build(root: Path, count: int) -> Path:
    template = root / "template"
    init_case(template)
    k = kameng_command()
    history = [
        ["submit", "merchant", "--at", "2024-05-02 09:00"],
        ["reply", "merchant", "--outcome", "refused", "--text", "虚拟商品一经售出概不退换", "--at", "2024-05-05 12:00"],
        ["submit", "platform", "--at", "2024-05-06 09:00", "--ticket", "P-1", "--deadline-days", "7", "--deadline-unit", "working"],
        ["reply", "platform", "--outcome", "silent", "--at", "2024-05-20 09:00"],
        ["submit", "12315", "--at", "2024-05-21 10:00", "--ticket", "1234567"],
        ["reply", "12315", "--outcome", "accepted", "--at", "2024-05-28 10:00"],
    ]
    for args in history:
        subprocess.run([*k, "-C", str(template), "--quiet", *args], check=True, stdout=subprocess.DEVNULL)
    cases = root / "cases"
    cases.mkdir()
    for number in range(count):
        shutil.copytree(template, cases / f"case-{number:03d}")
    return cases


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = build(Path(tmp), args.cases)
        k = kameng_command()
        env = {"KAMENG_TODAY": "2024-06-20"}
        one = str(cases / "case-000")
        times = interleaved({
            "version": [*k, "--version"],
            "status (1 case)": [*k, "-C", one, "status", "--json"],
            f"status --all ({args.cases} cases)": [*k, "status", "--all", str(cases), "--json"],
            f"remind --ics --all ({args.cases} cases)": [*k, "remind", "--ics", "--all", str(cases), "-o", str(Path(tmp) / "r.ics")],
        }, args.runs, env=env)
    base = times["version"]
    for name, seconds in times.items():
        extra = "" if name == "version" else f"  (+{seconds - base:.3f} s over start-up"
        if name.startswith(("status --all", "remind")):
            extra += f", {(seconds - base) / args.cases * 1000:.1f} ms per case"
        print(f"{name:<32} {seconds:.3f} s{extra}{')' if extra else ''}")


if __name__ == "__main__":
    main()
