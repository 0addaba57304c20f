"""Benchmark: `kameng add` of a 100,000-row Alipay 2023+ export, end to end in a subprocess, against a
baseline subprocess that only decodes the same file and splits it with the stdlib csv module.

    python benchmarks/payments_ingest.py [--rows 100000] [--repeat 5]

After one warm-up of each side, runs --repeat interleaved rounds (baseline, `kameng add` into a fresh case,
`kameng add` of a 10-row file into another fresh case) and prints best and median times, the ratio
(target ≤ 3×) as best/best and as the median of same-round ratios, the load average seen, and the peak
resident memory of the `kameng add` process (target ≤ 150 MB), measured with wait4() on that process alone.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ORDER = "XC20240501095512"
BASELINE = (
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='gb18030', newline='') as fh:\n"
    "    rows = sum(1 for _ in csv.reader(fh))\n"
    "print(rows)\n"
)


def generate(path: Path, rows: int) -> None:
    """A late-2025 layout export (CRLF preamble, LF rows, unpadded, GBK) with one row for the case."""
    rng = random.Random(1)
    merchants = ["某某便利店", "某某面馆", "星辰卡盟", "速充小铺", "某某超市", "地铁出行", "某某书店", "*乙"]
    categories = ["日用百货", "餐饮美食", "文化休闲", "充值缴费", "交通出行", "转账红包"]
    # A year of one person's bill: mostly successful trades, some closed or pending, few refunds.
    statuses = ["交易成功"] * 88 + ["交易关闭"] * 5 + ["等待确认收货"] * 4 + ["退款成功"] * 3
    preamble = ["-" * 84, "导出信息：", "姓名：测试甲", "支付宝账户：tester@example.com",
                "起始时间：[2024-01-01 00:00:00]    终止时间：[2024-12-31 23:59:59]", "导出交易类型：[全部]",
                "导出时间：[2025-01-01 08:00:00]", f"共{rows}笔记录", "收入：1笔 1.00元", "支出：1笔 1.00元",
                "不计收支：1笔 1.00元", "", "特别提示：", *[f"{n}.说明" for n in range(1, 10)], "",
                "------------------------支付宝支付科技有限公司  电子客户回单------------------------"]
    header = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,"
    start = 1704038400  # 2024-01-01 00:00 +08:00
    with open(path, "w", encoding="gbk", newline="") as out:
        out.write("\r\n".join(preamble) + "\r\n" + header + "\n")
        for index in range(rows):
            stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(start + 8 * 3600 + (rows - index) * 300))
            status = rng.choice(statuses)
            inout = "不计收支" if status == "退款成功" else rng.choice(["支出", "支出", "收入"])
            trade = "2024" + "".join(rng.choice("0123456789") for _ in range(24))
            if status == "退款成功":
                trade += "_" + "".join(rng.choice("0123456789") for _ in range(19))
            merchant_no = f"M{index:012d}"
            amount = f"{rng.randint(1, 99999) / 100:.2f}"
            merchant = rng.choice(merchants)
            if index == rows // 2:
                stamp, merchant, amount, merchant_no, inout, status = (
                    "2024-05-01 09:55:12", "星辰卡盟", "100.00", ORDER, "支出", "交易成功")
            out.write(f"{stamp},{rng.choice(categories)},{merchant},abc***@example.com,商品{index % 977},{inout},"
                      f"{amount},招商银行储蓄卡(1234),{status},{trade}\t,{merchant_no}\t,,\n")


CHILD_ENV = dict(os.environ)


CPU: dict[str, list[float]] = {}  # user + system seconds of each child, by command kind


def timed(command: list[str], cwd: Path | None = None, kind: str = "") -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stdout) of one child process; its CPU time goes to CPU[kind]."""
    begin = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=CHILD_ENV)
    stdout = child.stdout.read() if child.stdout else b""
    stderr = child.stderr.read() if child.stderr else b""
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - begin
    child.returncode = os.waitstatus_to_exitcode(status)
    if kind:
        CPU.setdefault(kind, []).append(usage.ru_utime + usage.ru_stime)
    if child.returncode not in (0,):
        raise SystemExit(f"{command[0]} failed ({child.returncode}):\n{stderr.decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024, stdout.decode("utf-8", errors="replace")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--as-is", action="store_true",
                        help="keep this environment's bytecode setting (PYTHONDONTWRITEBYTECODE=1 makes every run "
                             "compile the package's sources again, which an installed package never does)")
    args = parser.parse_args()
    kameng = shutil.which("kameng", path=str(Path(sys.executable).parent)) or "kameng"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if not args.as_is:
            # Both sides read compiled bytecode, as an installed package (pip writes .pyc files) and the
            # stdlib's csv module do; the warm-up writes it to a private cache, the source tree is untouched.
            CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
            CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        env = {**CHILD_ENV, "KAMENG_INTERACTIVE": "0"}
        export = work / "支付宝交易明细(20240101-20241231).csv"
        generate(export, args.rows)
        size = export.stat().st_size
        small = work / "支付宝交易明细(small).csv"
        generate(small, 10)

        def fresh_case(name: str) -> Path:
            case = work / name
            subprocess.run([kameng, "init", str(case), "--problem", "not-delivered", "--platform", "星辰卡盟",
                            "--merchant", "云游数码专营店", "--order-no", ORDER, "--goods", "云游一卡通100元",
                            "--face-value", "100", "--price", "100", "--paid-at", "2024-05-01 09:55:12",
                            "--payment-channel", "支付宝", "--my-name", "小明", "--claim", "refund"],
                           check=True, capture_output=True, env=env)
            return case

        # Warm-up (page cache, .pyc files), not counted.
        timed([sys.executable, "-c", BASELINE, str(export)])
        timed([kameng, "-C", str(fresh_case("warm")), "add", "--json", str(export)])
        base_runs, add_runs, add_peaks, fixed_runs, parse_runs, inproc_base, loads = [], [], [], [], [], [], []
        # Interleaved rounds: a burst of load from other processes hits both sides alike.
        for attempt in range(args.repeat):
            loads.append(os.getloadavg()[0])
            seconds, _peak, out = timed([sys.executable, "-c", BASELINE, str(export)], kind="base")
            base_runs.append(seconds)
            seconds, peak, out = timed([kameng, "-C", str(fresh_case(f"case{attempt}")), "add", "--json", str(export)],
                                       kind="add")
            if '"status": "ok"' not in out:
                raise SystemExit(f"kameng add did not succeed:\n{out}")
            add_runs.append(seconds)
            add_peaks.append(peak)
            # What every `kameng add` costs regardless of size (interpreter, CLI imports, registry, store).
            seconds, _peak, _out = timed([kameng, "-C", str(fresh_case(f"small{attempt}")), "add", "--json", str(small)])
            fixed_runs.append(seconds)
            parse_runs.append(in_process_parse(export))
            inproc_base.append(in_process_baseline(export))
        ratios = [a / b for a, b in zip(add_runs, base_runs, strict=True)]
        base, add, fixed = min(base_runs), min(add_runs), min(fixed_runs)
        print(f"file: {args.rows:,} rows, {size / 1e6:.1f} MB (GBK); {args.repeat} interleaved rounds after a warm-up; "
              f"load average {min(loads):.1f}-{max(loads):.1f} (1 min); bytecode "
              f"{'as the environment says' if args.as_is else 'cached (both sides)'}")
        print(f"baseline (decode + csv split, subprocess): best {base:.3f} s, median {statistics.median(base_runs):.3f} s")
        print(f"kameng add (end to end, subprocess):       best {add:.3f} s, median {statistics.median(add_runs):.3f} s")
        print(f"ratio: {add / base:.2f}x best/best, {statistics.median(ratios):.2f}x median of same-round ratios "
              "(target <= 3x)")
        cpu_base, cpu_add = statistics.median(CPU["base"]), statistics.median(CPU["add"])
        print(f"CPU time (user + system, median; less disturbed by other processes): baseline {cpu_base:.3f} s, "
              f"kameng add {cpu_add:.3f} s, ratio {cpu_add / cpu_base:.2f}x")
        print(f"peak memory of kameng add: {max(add_peaks):.1f} MB (target <= 150 MB)")
        print(f"  of which fixed cost of any `kameng add` (10-row file, fresh case): best {fixed:.3f} s, "
              f"median {statistics.median(fixed_runs):.3f} s")
        print(f"  in-process: parse {min(parse_runs):.3f} s vs decode + csv split {min(inproc_base):.3f} s "
              f"({min(parse_runs) / min(inproc_base):.2f}x)")


def in_process_parse(export: Path) -> float:
    from kameng_cli.ingest.base import ParseContext
    from kameng_cli.ingest.payments.alipay_2023 import SOURCE
    from kameng_cli.model.case import Case

    case = Case(problem="not-delivered", platform={"name": "星辰卡盟"},
                order={"number": ORDER, "price": "100", "paid_at": "2024-05-01 09:55:12"})
    begin = time.perf_counter()
    SOURCE.parse(export, ParseContext(case=case))
    return time.perf_counter() - begin


def in_process_baseline(export: Path) -> float:
    import csv

    begin = time.perf_counter()
    with open(export, encoding="gb18030", newline="") as fh:
        sum(1 for _ in csv.reader(fh))
    return time.perf_counter() - begin


if __name__ == "__main__":
    main()
