"""Helpers shared by the benchmark scripts: timing subprocesses and making scratch cases."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

KAMENG = [sys.executable, "-m", "kameng_cli"]


def kameng_command() -> list[str]:
    """The installed console script when there is one (what users run), else `python -m`."""
    script = Path(sys.executable).parent / "kameng"
    return [str(script)] if script.exists() else KAMENG


def bench_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for timed runs: bytecode caching on, as in an installed package."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **(extra or {})}


def wall(cmd: list[str], repeat: int = 1, env: dict[str, str] | None = None, cwd: str | None = None) -> float:
    """Median wall time in seconds of running `cmd` `repeat` times."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=bench_env(env), cwd=cwd)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(commands: dict[str, list[str]], repeat: int, env: dict[str, str] | None = None) -> dict[str, float]:
    """Median times of several commands run in turns, so machine load affects them alike."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # warm-up: writes bytecode caches, fills the page cache
        wall(cmd, env=env)
    for _ in range(repeat):
        for name, cmd in commands.items():
            samples[name].append(wall(cmd, env=env))
    return {name: statistics.median(values) for name, values in samples.items()}


def init_case(root: Path) -> None:
    subprocess.run([*kameng_command(), "init", str(root), "--problem", "not-delivered", "--platform", "星辰卡盟",
                    "--order-no", "XC20240501095512", "--goods", "云游一卡通100元", "--price", "100",
                    "--paid-at", "2024-05-01 09:55:12", "--quiet"], check=True)


def screen_generator():
    """tests/data/ocr/screens.py, after checking that OCR and the CJK fonts it draws with are here
    (the OCR benchmarks exit with how to install what is missing)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "data" / "ocr"))
    import screens

    from kameng_cli.ocr import engine

    if not engine.available():
        sys.exit('the OCR extra is not installed: pip install -e ".[ocr]"')
    if not screens.fonts_available():
        sys.exit("no Noto CJK fonts found through fontconfig (Debian: apt-get install fonts-noto-cjk)")
    return screens
