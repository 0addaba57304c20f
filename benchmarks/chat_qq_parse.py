"""Parse + signals of a generated 100,000-message QQ 消息管理器 .txt, end to end, against a baseline that
only decodes the file, splits it into lines and matches one compiled regex per line — in the same run.
Target (issue 4): ≤ 4× the baseline.  Run: python benchmarks/chat_qq_parse.py [messages] [runs]

A third figure, the floor, shows what the data model alone costs: decode + the same split as the QQ
source + one `message` Event (with its data and summary) per record, nothing else — no roles, types,
signals or notes. Whatever kameng does on top of that is the distance between the floor and the full
figure.

A fourth figure, the floor and a first look, adds to the floor the cheapest step any signal reading
must take: each speaker's texts joined and scanned once for the phrases of their vocabulary, in C,
without reading a single hit closely. It shows how much of the target the issue's own data model (one
`message` event per record) and one look at the words leave for everything else."""

from __future__ import annotations

import gc
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from itertools import compress, repeat  # noqa: E402
from operator import add, itemgetter, not_  # noqa: E402

from kameng_cli.ingest.base import ParseContext, Sample  # noqa: E402
from kameng_cli.ingest.chats import qq_txt  # noqa: E402
from kameng_cli.ingest.chats.qq_txt import SOURCE  # noqa: E402
from kameng_cli.model.case import Case  # noqa: E402
from kameng_cli.model.records import Event  # noqa: E402
from kameng_cli.signals.vocabulary import load  # noqa: E402

ME, SHOP = "小鹿不吃草", "星辰卡盟-小雅"
# A long QQ log is mostly ordinary talk; about one message in eight is part of a dispute (promises,
# deflections, demands). Texts are assembled from parts with numbers so that almost none repeat
# (repeated texts would be served from the extractor's cache and flatter the figure).
CHAT_START = ["今天", "刚才", "昨晚", "老板", "亲", "哥们", "在吗", "话说", "对了", "嗯", "哈哈", "好的", "那个"]
CHAT_MIDDLE = ["这个区服{n}级的号", "周末活动的礼包", "你们家{n}元的点卡", "上次买的那张卡", "新出的皮肤", "{n}个钻石",
               "充值的折扣", "月卡和季卡", "这个游戏的服务器", "第{n}关的攻略", "那个代练", "官网的公告"]
CHAT_END = ["还挺划算的", "我看看", "有空再说", "谢谢啦", "可以的", "没问题", "我朋友也在玩", "下次再来", "挺好用", "先这样",
            "晚点上线", "我再对比一下"]
DISPUTE_BUYER = ["卡密一直没出来，订单号XC2024{n:06d}", "已经{n}分钟了还是没有", "你说的{n}分钟呢", "到底什么时候到？",
                 "不要了，要求退款，{n}原路退回", "不处理我就去12315和黑猫投诉", "明天几点？能不能给个准话", "别找借口了，今天给我退款"]
DISPUTE_SHOP = ["亲，自动发卡有时候会慢一点，{n}分钟到账哈", "系统延迟，我已反馈相关部门了，{n}小时内处理好，请耐心等待",
                "亲，是第三方接口问题，上游还没补单，明天给你补发", "可能是您操作不当填错了账号，需要您提供充值截图我们核实",
                "已经帮您提交退款申请了，财务审核1-3个工作日，工单{n}", "收到，马上发你，订单{n}", "是我们出库的问题，给你重新发一张，今晚之前"]


def message_text(rng: random.Random, mine: bool) -> str:
    n = rng.randint(1, 999)
    if rng.random() < 0.125:
        return rng.choice(DISPUTE_BUYER if mine else DISPUTE_SHOP).format(n=n)
    if rng.random() < 0.08:
        return rng.choice(["[图片]", "[表情]", "[图片]{}".format(n % 3 or "")])
    return f"{rng.choice(CHAT_START)}，{rng.choice(CHAT_MIDDLE).format(n=n)}{rng.choice(CHAT_END)}{n}"


def generate(path: Path, count: int) -> None:
    rng = random.Random(4)
    lines = ["消息记录（此消息记录为文本格式，不支持重新导入）", "", "=" * 64, "消息分组:我的好友", "=" * 64,
             f"消息对象:{SHOP}", "=" * 64, ""]
    seconds = 0
    for index in range(count):
        seconds += rng.randint(5, 600)
        day, rest = divmod(seconds, 86400)
        hour, rest = divmod(rest, 3600)
        minute, second = divmod(rest, 60)
        month, dom = 1 + (day // 28) % 12, 1 + day % 28
        year = 2024 + day // 336
        mine = index % 2 == 0 or rng.random() < 0.2
        lines.append(f"{year}-{month:02d}-{dom:02d} {hour}:{minute:02d}:{second:02d} {ME if mine else SHOP}")
        lines.append(message_text(rng, mine))
        lines.append("")
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))


HEADER = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2}) (上午|下午)?(\d{1,2}):(\d{2}):(\d{2})(?: ([AP]M))? (.+)$")


def baseline(path: Path) -> int:
    text = path.read_bytes().decode("utf-8-sig")
    match = HEADER.match
    return sum(1 for line in text.splitlines() if match(line))


def floor(path: Path) -> list[Event]:
    """The least any parser keeping kameng's data model must do: decode, split, one event per record."""
    return floor_columns(path)[0]


def floor_columns(path: Path) -> tuple[list[Event], list[str], list[str]]:
    """`floor`, with the senders and bodies it split out."""
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    parts = qq_txt._ANCHOR.split("\n\n" + text)
    while parts[1] is None:  # the block lines at the top (消息分组, 消息对象)
        parts[1:9] = []
    days = {day: qq_txt._midnight(day) for day in set(parts[1::8])}
    clocks = {clock: qq_txt._clock(clock) for clock in set(map(add, parts[2::8], parts[4::8]))}
    times = list(map(add, map(add, map(days.__getitem__, parts[1::8]), map(clocks.__getitem__, map(add, parts[2::8], parts[4::8]))),
                     map(qq_txt._SECONDS.__getitem__, map(int, parts[3::8]))))
    senders, bodies = parts[5::8], list(map(str.rstrip, map(itemgetter(slice(1, None)), parts[8::8])))
    datas = [{"type": "text", "role": "me", "sender": sender, "text": body, "index": index, "platform": "qq"}
             for index, (sender, body) in enumerate(zip(senders, bodies, strict=True))]
    events = list(map(Event, repeat(""), times, repeat("message"), repeat("me"), map("{}: {}".format, senders, bodies),
                      repeat(None), repeat(None), repeat(None), map("line {}".format, range(len(times))), repeat(1.0),
                      repeat("qq-txt"), repeat(["no-timezone"]), datas))
    return events, senders, bodies


def floor_and_look(path: Path) -> tuple[list[Event], int]:
    """The floor, then one scan per speaker for the phrases of their vocabulary; returns the hits."""
    events, senders, bodies = floor_columns(path)
    vocab = load(None)
    mine = list(map(ME.__eq__, senders))
    hits = 0
    for pattern, texts in ((vocab.me_scan, compress(bodies, mine)), (vocab.counterparty_scan, compress(bodies, map(not_, mine)))):
        hits += sum(1 for _ in pattern.finditer("\x00".join(texts)))
    return events, hits


def full(path: Path):
    """Detection + parse (messages, signals, notes) as `kameng add` runs it; returns the result so that
    freeing it (the pipeline keeps it to store it) is not timed."""
    load(None).cache.clear()  # every run reads every message afresh
    ctx = ParseContext(case=Case(problem="not-delivered", my_names=[ME]), original_name=path.name)
    assert SOURCE.sniff(Sample.of(path)) >= 0.5
    return SOURCE.parse(path, ctx)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "全部消息记录.txt"
        generate(path, count)
        size = path.stat().st_size
        # Interleaved runs, best of each: the machine is shared, and both sides should see the same load.
        base_times, floor_times, look_times, full_times = [], [], [], []
        for _ in range(runs):
            start = time.perf_counter()
            headers = baseline(path)
            base_times.append(time.perf_counter() - start)
            gc.disable()  # as the chat sources run
            start = time.perf_counter()
            events = floor(path)
            floor_times.append(time.perf_counter() - start)
            gc.enable()
            assert len(events) == count, len(events)
            del events
            gc.disable()
            start = time.perf_counter()
            events, hits = floor_and_look(path)
            look_times.append(time.perf_counter() - start)
            gc.enable()
            del events
            start = time.perf_counter()
            result = full(path)
            full_times.append(time.perf_counter() - start)
            messages = sum(1 for e in result.events if e.kind == "message")
            signals = len(result.events) - messages
            del result
    assert headers == messages == count, (headers, messages, count)
    base_time, floor_time, look_time, full_time = min(base_times), min(floor_times), min(look_times), min(full_times)
    ratios = sorted(f / b for f, b in zip(full_times, base_times, strict=True))
    print(f"file: {count:,} messages, {size / 1e6:.1f} MB, {runs} interleaved runs")
    print(f"baseline (decode + split + one regex per line): {base_time * 1000:8.1f} ms (best)")
    print(f"floor (decode + split + one Event per record):  {floor_time * 1000:8.1f} ms (best, {floor_time / base_time:.2f}x the baseline)")
    print(f"floor + one look for the vocabulary's phrases: {look_time * 1000:8.1f} ms (best, {look_time / base_time:.2f}x the baseline, {hits:,} hits)")
    print(f"kameng parse + signals + notes:                 {full_time * 1000:8.1f} ms (best, {signals:,} signal events)")
    print(f"ratio: {full_time / base_time:.2f}x best/best, {ratios[len(ratios) // 2]:.2f}x median per run  (target <= 4x)")


if __name__ == "__main__":
    main()
