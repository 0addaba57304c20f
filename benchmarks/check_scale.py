"""`kameng check` at scale: a case with ≥ 10,000 events and 500 exhibits, built through the real
pipeline (one QQ chat log of 5,000 messages with their signals, 499 screenshots), then the median wall
time of `kameng check` against `kameng --version` in the same run. Target: ≤ +0.5 s over start-up.

    python benchmarks/check_scale.py [--runs 7] [--keep DIR]

OCR is turned off while the case is built (KAMENG_OCR=0): it is not what is measured here.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXHIBITS = 500
# About half of these chat lines carry a signal (promise, deflection, demand) that becomes an event of
# its own, so 5,000 messages + their signals + the screenshots' capture events make ~10,000 events.
MESSAGES = 5_000
ORDER = "XC20240501095512"

CASE_TOML = f'''schema = "kameng.case/1"
problem = "not-delivered"
claims = ["refund"]
my_names = ["小鹿不吃草"]

[platform]
name = "星辰卡盟"
company = "杭州星辰网络科技有限公司"

[merchant]
name = "云游数码专营店"

[order]
number = "{ORDER}"
goods = "云游一卡通100元"
face_value = "100"
price = "100"
paid_at = "2024-05-01 09:55:12"
payment_channel = "支付宝"
'''

LINES = [
    ("小鹿不吃草", "你好，订单{order}的卡密还没到"),
    ("星辰卡盟-小雅", "亲，5分钟到账哈，您稍等"),
    ("小鹿不吃草", "已经过了很久了，还是没有"),
    ("星辰卡盟-小雅", "系统延迟，我已反馈相关部门了，请耐心等待"),
    ("小鹿不吃草", "请给我退款"),
    ("星辰卡盟-小雅", "好的亲"),
]


def kameng() -> list[str]:
    exe = shutil.which("kameng", path=str(Path(sys.executable).parent)) or shutil.which("kameng")
    return [exe] if exe else [sys.executable, "-m", "kameng_cli"]


def chat_log(count: int) -> bytes:
    from datetime import datetime, timedelta

    start = datetime(2024, 5, 1, 9, 58, 0)
    lines = ["消息记录（此消息记录为文本格式，不支持重新导入）", "", "=" * 64, "消息分组:我的好友", "=" * 64,
             "消息对象:星辰卡盟-小雅", "=" * 64, ""]
    for index in range(count):
        when = start + timedelta(minutes=7 * index)
        sender, text = LINES[index % len(LINES)]
        lines += [f"{when:%Y-%m-%d} {when.hour}:{when:%M:%S} {sender}", text.format(order=ORDER) + f"（{index}）", ""]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def screenshot(index: int) -> bytes:
    from PIL import Image

    exif = Image.Exif()
    exif[0x0131] = "iOS 17.4.1" if index % 50 else "Snapseed 2.0"
    exif[0x010E] = f"benchmark screenshot {index}"  # every file distinct: kameng skips duplicates
    if index % 7:
        exif.get_ifd(0x8769)[0x9003] = f"2024:05:{1 + index % 28:02d} 10:{index % 60:02d}:00"
    buffer = io.BytesIO()
    Image.new("RGB", (24, 40), (index % 256, (index // 256) % 256, 120)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def build(root: Path, env: dict[str, str]) -> Path:
    materials = root / "materials"
    shots = materials / "shots"
    shots.mkdir(parents=True)
    for index in range(EXHIBITS - 1):
        (shots / f"shot_{index:04d}.jpg").write_bytes(screenshot(index))
    (materials / "qq_chat.txt").write_bytes(chat_log(MESSAGES))
    case = root / "case"
    for folder in ("evidence", "drafts", ".kameng"):
        (case / folder).mkdir(parents=True)
    (case / "case.toml").write_text(CASE_TOML, encoding="utf-8")
    # Screenshots first: every commit re-derives the timeline, which is cheap while it is short.
    for args in (["add", str(shots), "--kind", "order"], ["add", str(materials / "qq_chat.txt")]):
        subprocess.run([*kameng(), "-q", "-C", str(case), *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return case


def median_time(argv: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


PHASES = """
import json, sys, time
t0 = time.perf_counter()
import kameng_cli.cli.app  # what `kameng --version` imports
t1 = time.perf_counter()
from pathlib import Path
from kameng_cli.case.store import CaseStore
store = CaseStore(Path(sys.argv[1]))
case = store.case
t2 = time.perf_counter()
exhibits = store.exhibits()
events = store.events()
derived = [store.derived(e) for e in exhibits]
t3 = time.perf_counter()
from kameng_cli.checks import run_check
from kameng_cli.model.records import Note, Warning
notes = [Note.from_json(n) for d in derived for n in d.get("notes", [])]
warnings = [Warning.from_json(w) for d in derived for w in d.get("warnings", [])]
report = run_check(case, exhibits, events, notes, warnings, None)
t4 = time.perf_counter()
print(json.dumps({"startup imports": t1 - t0, "case.toml (pydantic)": t2 - t1, "store: events + exhibits": t3 - t2,
                  "run_check (imports + rules)": t4 - t3}))
"""


def phases(case: Path, env: dict[str, str], runs: int) -> dict[str, float]:
    """Where the time goes, each phase's median over fresh processes."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PHASES, str(case)], env=env, capture_output=True, check=True)
        for name, value in json.loads(out.stdout).items():
            samples.setdefault(name, []).append(value)
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the case here and keep it")
    options = parser.parse_args()
    env = {**os.environ, "KAMENG_OCR": "0", "KAMENG_LANG": "zh", "NO_COLOR": "1"}
    root = options.keep or Path(tempfile.mkdtemp(prefix="kameng-check-bench-"))
    try:
        started = time.perf_counter()
        case = build(root, env)
        built = time.perf_counter() - started
        timeline = json.loads(subprocess.run([*kameng(), "-C", str(case), "timeline", "--json"], env=env,
                                             capture_output=True, check=True).stdout)
        exhibits = json.loads(subprocess.run([*kameng(), "-C", str(case), "list", "--json"], env=env,
                                             capture_output=True, check=True).stdout)
        events, shown = len(timeline["events"]), len(exhibits["exhibits"])
        version = median_time([*kameng(), "--version"], env, options.runs)
        check = median_time([*kameng(), "-C", str(case), "check", "--json"], env, options.runs)
        text = median_time([*kameng(), "-C", str(case), "check"], env, options.runs)
        print(f"case: {shown} exhibits, {events} events (built in {built:.1f} s)")
        print(f"kameng --version         median {version:.3f} s over {options.runs} runs")
        print(f"kameng check --json      median {check:.3f} s  (+{check - version:.3f} s over start-up)")
        print(f"kameng check (rich text) median {text:.3f} s  (+{text - version:.3f} s over start-up)")
        verdict = "met" if check - version <= 0.5 else "NOT met"
        print(f"target ≤ +0.500 s over start-up: {verdict}")
        print("where the time goes (median per phase, fresh processes):")
        for name, value in phases(case, env, options.runs).items():
            print(f"  {name:<28} {value:.3f} s")
    finally:
        if options.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
