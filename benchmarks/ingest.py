"""Ingest throughput: `kameng add` of 200 screenshots (≥ 500 MB in all) against `cp` + `sha256sum`
of the same files, in the same run. Target: kameng's throughput ≥ 0.8× the baseline's.

kameng reads each file once (hashing while copying), fsyncs the copy, re-hashes the copy and commits
it; the baseline copies and hashes without any durability guarantee. OCR (the optional extra) is
switched off with KAMENG_OCR=0: this measures the evidence store, not text recognition.

    python benchmarks/ingest.py [--files 200] [--megabytes 2.6]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from _common import bench_env, init_case, kameng_command


def make_screenshots(folder: Path, count: int, megabytes: float) -> int:
    """Phone-sized PNGs of noise (incompressible, so each file really is `megabytes` large)."""
    from PIL import Image

    folder.mkdir(parents=True)
    width = 1080
    height = int(megabytes * 1024 * 1024 / (width * 3)) + 1
    total = 0
    for number in range(count):
        img = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
        path = folder / f"Screenshot_2024-05-01-10-{number // 60:02d}-{number % 60:02d}.png"
        img.save(path, compress_level=0)
        total += path.stat().st_size
    return total


def timed(cmd: list[list[str]], env: dict[str, str] | None = None) -> float:
    subprocess.run(["sync"], check=False)  # start each measurement with no dirty pages of the last one
    start = time.perf_counter()
    for part in cmd:
        subprocess.run(part, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--megabytes", type=float, default=2.6)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    samples: dict[str, list[float]] = {"baseline": [], "durable": [], "kameng": []}
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        shots = base / "shots"
        total = make_screenshots(shots, args.files, args.megabytes)
        files = [str(p) for p in sorted(shots.iterdir())]
        for round_number in range(args.rounds):
            copy_dir = base / f"copy{round_number}"
            copy_dir.mkdir()
            samples["baseline"].append(timed([["cp", *files, str(copy_dir)], ["sha256sum", *files]]))
            shutil.rmtree(copy_dir)
            copy_dir.mkdir()
            samples["durable"].append(timed([["cp", *files, str(copy_dir)], ["sync"], ["sha256sum", *files]]))
            shutil.rmtree(copy_dir)
            root = base / f"case{round_number}"
            init_case(root)
            samples["kameng"].append(timed([[*kameng_command(), "-C", str(root), "add", str(shots), "--quiet"]],
                                           env=bench_env({"KAMENG_OCR": "0"})))
            shutil.rmtree(root)
    mb = total / 1024 / 1024
    baseline, durable, kameng = (statistics.median(samples[k]) for k in ("baseline", "durable", "kameng"))
    print(f"{args.files} screenshots, {mb:.0f} MB in all; median of {args.rounds} interleaved rounds")
    print(f"  cp + sha256sum   {baseline:6.2f} s   {mb / baseline:7.1f} MB/s   {_spread(samples['baseline'])}")
    print(f"  cp+sync+sha256   {durable:6.2f} s   {mb / durable:7.1f} MB/s   {_spread(samples['durable'])}"
          "  (durable baseline, for reference)")
    print(f"  kameng add       {kameng:6.2f} s   {mb / kameng:7.1f} MB/s   {_spread(samples['kameng'])}")
    ratio = baseline / kameng
    print(f"throughput ratio kameng / baseline: {ratio:.2f} (target ≥ 0.8: {'met' if ratio >= 0.8 else 'NOT met'}); "
          f"against the durable baseline: {durable / kameng:.2f}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


def _spread(values: list[float]) -> str:
    return "(" + ", ".join(f"{v:.2f}" for v in values) + ")"


if __name__ == "__main__":
    main()
