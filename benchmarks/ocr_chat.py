"""Chat screenshots read as conversations: how many bubbles come out as the right message (side, time
and text), and how many of the signals an export of the same messages gives are found.

Conversations are drawn by tests/data/ocr/screens.py (`conversation`) from a pool of realistic lines
— short and long (wrapping) bubbles, time labels of every form (10:06, 昨天, 星期X, 月日), recall lines —
in sans/serif, light/dark, PNG/JPEG, four phone sizes, some scaled down as chat apps forward them.

    python benchmarks/ocr_chat.py [--count 30] [--seed 7] [--show-misses]
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "data" / "ocr"))

import screens  # noqa: E402
from _common import screen_generator  # noqa: E402
from PIL import Image  # noqa: E402

from kameng_cli.ocr import engine  # noqa: E402
from kameng_cli.ocr.chat import bubbles  # noqa: E402
from kameng_cli.parsing.times import CST  # noqa: E402
from kameng_cli.signals.extract import analyse  # noqa: E402
from kameng_cli.signals.vocabulary import load  # noqa: E402

TAKEN = datetime(2024, 5, 3, 12, 30, tzinfo=CST)  # a Friday
LABELS = [("昨天 21:40", datetime(2024, 5, 2, 21, 40, tzinfo=CST)), ("星期三 09:15", datetime(2024, 5, 1, 9, 15, tzinfo=CST)),
          ("5月1日 下午3:05", datetime(2024, 5, 1, 15, 5, tzinfo=CST)), ("10:15", datetime(2024, 5, 3, 10, 15, tzinfo=CST)),
          ("前天 08:02", datetime(2024, 5, 1, 8, 2, tzinfo=CST))]
MINE = ["在吗", "100元的点卡付了半小时了还没到账，订单XC20240501095512", "中午了还没好", "卡密显示已被使用，你们发的是用过的卡",
        "不退款我就去12315投诉", "你说的5分钟呢？", "麻烦尽快处理，我急用", "要求全额退款，原路退回", "好的", "我已经等了两天了，再不处理就找平台介入"]
THEIRS = ["亲，系统有延迟，已经反馈给技术了，明天中午前一定给您处理好，请耐心等待哈", "是我们出库的问题，今天之内原路退回", "在的亲",
          "稍等，5分钟内给您补发", "可能是您操作不当填错了账号，需要您提供充值截图我们核实", "上游通道维护中，预计24小时内恢复",
          "这个得问老板，老板明天回复您", "虚拟商品一经售出概不退换", "已经帮您提交退款申请了，财务审核1-3个工作日", "收到"]
PUNCTUATION = re.compile(r"[\W_]+")


def make(rng: random.Random) -> tuple[screens.Screen, list[tuple[str, str, datetime]]]:
    items: list[tuple[str, str]] = []
    expected: list[tuple[str, str, datetime]] = []
    for label, when in rng.sample(LABELS, 2):
        items.append(("time", label))
        for _ in range(rng.randint(2, 3)):
            side = rng.choice(["me", "them"])
            text = rng.choice(MINE if side == "me" else THEIRS)
            items.append((side, text))
            expected.append(("me" if side == "me" else "counterparty", text, when))
        if rng.random() < 0.3:
            items.append(("system", "对方撤回了一条消息"))
            expected.append(("system", "对方撤回了一条消息", when))
    screen = screens.conversation(items, title=rng.choice(["云游数码专营店", "星辰卡盟客服", "小雅"]),
                                  phone=rng.choice(screens.PHONES), dark=rng.random() < 0.3,
                                  jpeg=rng.choice([None, None, 60, 80]), font_pattern=rng.choice(screens.FONT_PATTERNS))
    return screen, expected


def ocr(screen: screens.Screen, scale: float):
    image = screen.image
    if scale != 1.0:
        image = image.resize((int(image.width * scale), int(image.height * scale)), Image.LANCZOS)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=screen.jpeg) if screen.jpeg else image.save(buffer, format="PNG")
    with Image.open(io.BytesIO(buffer.getvalue())) as decoded:
        decoded.load()
        page, _timing = engine.recognise_image(decoded)
    return page


def signals_of(role: str, text: str, when: datetime) -> set[tuple[str, str]]:
    return {(s.kind, s.category) for s in analyse(text, role, when, load(None))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    screen_generator()
    rng = random.Random(args.seed)
    total = exact = sides = times = extra = 0
    signals_expected = signals_found = 0
    started = time.perf_counter()
    for number in range(args.count):
        screen, expected = make(rng)
        scale = rng.choice([1.0, 1.0, 0.8, 0.67, 0.5])
        found = bubbles(ocr(screen, scale), TAKEN)
        got = [(b.side, b.text, b.when) for b in found]
        total += len(expected)
        extra += max(len(got) - len(expected), 0)
        for want, have in zip(expected, got, strict=False):
            sides += want[0] == have[0]
            times += want[2] == have[2]
            same = PUNCTUATION.sub("", want[1]) == PUNCTUATION.sub("", have[1])
            exact += same and want[0] == have[0] and want[2] == have[2]
            if want[0] != "system":
                wanted = signals_of(want[0], want[1], want[2])
                signals_expected += len(wanted)
                signals_found += len(wanted & signals_of(have[0], have[1], have[2] or want[2]))
            if args.show_misses and not (same and want[0] == have[0] and want[2] == have[2]):
                print(f"  #{number} scale {scale} dark {screen.dark} jpeg {screen.jpeg}: want {want} got {have}")
        if args.show_misses and len(got) != len(expected):
            print(f"  #{number}: {len(got)} bubbles read, {len(expected)} drawn")
    elapsed = time.perf_counter() - started
    print(f"chat screenshots:        {args.count} (light/dark, PNG/JPEG, 4 phone sizes, scaled 0.5-1.0)")
    print(f"messages drawn:          {total}; extra bubbles read: {extra}")
    print(f"messages exactly right:  {exact}/{total} = {exact / total:.1%} (side, time and text, punctuation aside)")
    print(f"  side right:            {sides}/{total}")
    print(f"  time right:            {times}/{total}")
    print(f"signals found:           {signals_found}/{signals_expected} = {signals_found / max(signals_expected, 1):.1%} "
          "(of those the drawn texts give)")
    print(f"total time:              {elapsed:.1f} s")


if __name__ == "__main__":
    main()
