#!/usr/bin/env python3
"""Write a daily report of orders.

Example of the input log it reads (one record per block):

2024-05-01 10:00:01 小王
开始处理

2024-05-01 10:05:12 小李
处理完成
"""

from __future__ import annotations

import argparse
import csv
import json
from datetime import datetime
from pathlib import Path

# 2024-05-01 10:00:01 first version
# 2024-05-03 18:30:00 added --since

DEFAULT_SINCE = "2024-05-01"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--since", default=DEFAULT_SINCE)
    parser.add_argument("--out", type=Path, default=Path("report.csv"))
    return parser.parse_args()


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def summarise(rows: list[dict], since: str) -> dict[str, float]:
    totals: dict[str, float] = {}
    start = datetime.strptime(since, "%Y-%m-%d")
    for row in rows:
        when = datetime.strptime(row["time"], "%Y-%m-%d %H:%M:%S")
        if when < start:
            continue
        key = when.strftime("%Y-%m-%d")
        totals[key] = totals.get(key, 0.0) + float(row["amount"])
    return totals


def write(totals: dict[str, float], out: Path) -> None:
    with open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["日期", "金额"])
        for day, total in sorted(totals.items()):
            writer.writerow([day, f"{total:.2f}"])


def main() -> None:
    args = parse_args()
    rows = load(Path("orders.json"))
    write(summarise(rows, args.since), args.out)


class Report:
    name: str
    since: str


if __name__ == "__main__":
    main()
