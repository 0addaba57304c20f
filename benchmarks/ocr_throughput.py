"""OCR throughput: 50 phone screenshots read one after another in one process, the way
`kameng add folder/` reads them. Prints the median seconds per image and how the time splits
between loading the models (once per run) and recognising text.

    python benchmarks/ocr_throughput.py [--count 50] [--seed 5000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "data" / "ocr"))

import screens  # noqa: E402
from _common import screen_generator  # noqa: E402

from kameng_cli.ocr import engine  # noqa: E402
from kameng_cli.ocr.facts import read_page  # noqa: E402
from kameng_cli.ocr.screenshot import ocr_file  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=5000)
    args = parser.parse_args()
    screen_generator()
    with tempfile.TemporaryDirectory() as scratch:
        files = []
        for n in range(args.count):
            # Full-size phone screenshots as the phone saved them (PNG, some JPEG), every scene.
            screen = screens.render(args.seed + n, screens.KINDS[n % len(screens.KINDS)], scale=1.0)
            path = Path(scratch) / f"{screen.name}{screen.suffix}"
            path.write_bytes(screen.encoded())
            files.append((path, screen.image.size))
        started = time.perf_counter()
        engine.engine()
        load = time.perf_counter() - started
        per_image: list[float] = []
        cpu: list[float] = []
        by_size: dict[tuple[int, int], list[float]] = defaultdict(list)
        for path, size in files:
            began, began_cpu = time.perf_counter(), time.process_time()
            page = ocr_file(path)
            read_page(page)
            spent = time.perf_counter() - began
            per_image.append(spent)
            cpu.append(time.process_time() - began_cpu)
            by_size[size].append(spent)
        recognition = sum(per_image)
    total = load + recognition
    load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine:                {os.cpu_count()} CPUs, load average {load_average:.1f} at the end "
          "(wall times grow with other work on the machine; CPU seconds do not)")
    print(f"screenshots:            {len(per_image)} (PNG and JPEG, {len(by_size)} phone sizes)")
    print(f"model loading (once):   {load:.2f} s")
    print(f"recognition, total:     {recognition:.1f} s")
    print(f"seconds per image:      median {statistics.median(per_image):.2f}, mean {statistics.mean(per_image):.2f}, "
          f"p90 {sorted(per_image)[int(0.9 * (len(per_image) - 1))]:.2f}, max {max(per_image):.2f}")
    print(f"CPU seconds per image:  median {statistics.median(cpu):.2f} (all onnxruntime threads)")
    print(f"share of model loading: {100 * load / total:.1f} % of the run ({total:.1f} s)")
    for size in sorted(by_size):
        print(f"  {size[0]}×{size[1]}: median {statistics.median(by_size[size]):.2f} s ({len(by_size[size])} images)")


if __name__ == "__main__":
    main()
