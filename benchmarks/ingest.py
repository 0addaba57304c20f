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


def drop_caches_if_possible() -> None:
    subprocess.run(["sync"], check=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--megabytes", type=float, default=2.6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        shots = base / "shots"
        total = make_screenshots(shots, args.files, args.megabytes)
        files = sorted(shots.iterdir())
        drop_caches_if_possible()

        copy_dir = base / "copy"
        copy_dir.mkdir()
        start = time.perf_counter()
        subprocess.run(["cp", *map(str, files), str(copy_dir)], check=True)
        subprocess.run(["sha256sum", *map(str, files)], check=True, stdout=subprocess.DEVNULL)
        baseline = time.perf_counter() - start
        shutil.rmtree(copy_dir)
        drop_caches_if_possible()

        # The same baseline made durable (kameng fsyncs every copy before it commits it).
        copy_dir.mkdir()
        start = time.perf_counter()
        subprocess.run(["cp", *map(str, files), str(copy_dir)], check=True)
        subprocess.run(["sync"], check=True)
        subprocess.run(["sha256sum", *map(str, files)], check=True, stdout=subprocess.DEVNULL)
        durable = time.perf_counter() - start
        shutil.rmtree(copy_dir)
        drop_caches_if_possible()

        root = base / "case"
        init_case(root)
        start = time.perf_counter()
        subprocess.run([*kameng_command(), "-C", str(root), "add", str(shots), "--quiet"], check=True,
                       stdout=subprocess.DEVNULL, env=bench_env({"KAMENG_OCR": "0"}))
        kameng = time.perf_counter() - start
        added = len(list((root / "evidence").iterdir()))
    mb = total / 1024 / 1024
    print(f"{args.files} screenshots, {mb:.0f} MB in all ({added} exhibits added)")
    print(f"  cp + sha256sum   {baseline:6.2f} s   {mb / baseline:7.1f} MB/s")
    print(f"  cp+sync+sha256   {durable:6.2f} s   {mb / durable:7.1f} MB/s   (durable baseline, for reference)")
    print(f"  kameng add       {kameng:6.2f} s   {mb / kameng:7.1f} MB/s")
    ratio = baseline / kameng
    print(f"throughput ratio kameng / baseline: {ratio:.2f} (target ≥ 0.8: {'met' if ratio >= 0.8 else 'NOT met'})")


if __name__ == "__main__":
    main()
