"""The bulk fast path of large Alipay 2023+ exports (payments/bulk.py) must end exactly where the
row-by-row path ends: same facts (row counts, kinds and their order, period), warnings, notes, events
and decision, whatever quirk a row has and wherever a block boundary falls."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from kameng_cli.ingest.base import ParseContext, SourceError
from kameng_cli.ingest.payments import alipay_2023, bulk
from kameng_cli.ingest.payments.alipay_2023 import SOURCE
from kameng_cli.model.case import Case

ORDER = "XC20240501095512"
PREAMBLE = ["-" * 84, "导出信息：", "姓名：测试甲", "支付宝账户：tester@example.com",
            "起始时间：[2024-01-01 00:00:00]    终止时间：[2024-12-31 23:59:59]", "导出交易类型：[全部]",
            "导出时间：[2025-01-01 08:00:00]", "", "特别提示：", "1.说明", "",
            "------------------------支付宝支付科技有限公司  电子客户回单------------------------"]
HEADER = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,"
CASE = Case(problem="not-delivered", platform={"name": "星辰卡盟"}, merchant={"name": "云游数码专营店"},
            order={"number": ORDER, "price": "100", "face_value": "100", "paid_at": "2024-05-01 09:55:12"})
CASE_NO_ORDER = Case(problem="not-delivered", platform={"name": "星辰卡盟"},
                     order={"price": "100", "paid_at": "2024-05-01 09:55:12"})


def plain_row(rng: random.Random, index: int) -> list[str]:
    status = rng.choice(["交易成功"] * 8 + ["交易关闭", "等待确认收货", "退款成功"])
    inout = "不计收支" if status == "退款成功" else rng.choice(["支出", "支出", "收入", "不计收支"])
    trade = "2024" + "".join(rng.choice("0123456789") for _ in range(24))
    if status == "退款成功":
        trade += rng.choice(["_", "*REFUND_"]) + "".join(rng.choice("0123456789") for _ in range(19))
    minute = 1440 * 200 - index * 7
    stamp = f"2024-{1 + minute // 43200 % 12:02d}-{1 + minute // 1440 % 28:02d} {minute // 60 % 24:02d}:{minute % 60:02d}:00"
    return [stamp, rng.choice(["日用百货", "餐饮美食"]), rng.choice(["某某便利店", "星辰卡盟", "速充小铺"]),
            "abc***@example.com", f"商品{index}", inout, f"{rng.randint(1, 99999) / 100:.2f}",
            rng.choice(["招商银行储蓄卡(1234)", "余额", "", "/"]), status, trade + "\t", f"M{index:012d}\t", "", ""]


def quirk(rng: random.Random, cells: list[str]) -> str:
    """One of the things real exports (or spreadsheets) do to a row."""
    choice = rng.randrange(16)
    if choice == 0:
        cells[0] = rng.choice(["2024-02-30 10:00:00", "2023-02-29 08:00:00", "0000-01-01 00:00:00"])
    elif choice == 1:
        cells[6] = f"  {cells[6]}\t"  # early-2023 padding
    elif choice == 2:
        cells[6] = rng.choice(["0.00", "0", "100", "100.00", "100.0"])
    elif choice == 3:
        cells[10] = rng.choice([ORDER, ORDER.lower(), f" {ORDER}\t"])
    elif choice == 4:
        cells[9] = rng.choice(["2.02405E+25", "2E25"])
    elif choice == 5:
        cells[8] = "奇怪状态"
    elif choice == 6:
        cells[4] = '"带,逗号\n的商品"'  # a quoted cell over two lines
    elif choice == 7:
        cells[0] = "2024/1/2 13:45"  # re-saved by a spreadsheet
    elif choice == 8:
        return ",".join(cells[:8])  # short row
    elif choice == 9:
        return ""
    elif choice == 10:
        cells[0] = "\u3000" + cells[0]
    elif choice == 11:
        cells[7] = "（空）"
        cells[8] = "交易关闭"
    elif choice == 12:
        return ",".join(cells) + "\r" + ",".join(cells)  # a bare CR ends a line too
    elif choice == 13:
        cells[10] = "订单-甲"  # an id with characters the pattern does not take
    elif choice == 14:
        cells.append("extra")
    else:
        cells[0] = cells[0].replace(" ", "T")
    return ",".join(cells)


def export(seed: int, rows: int = 600, rate: float = 0.05, footer: bool = False) -> str:
    rng = random.Random(seed)
    lines = []
    for index in range(rows):
        cells = plain_row(rng, index)
        lines.append(quirk(rng, cells) if rng.random() < rate else ",".join(cells))
    if footer:
        lines[rows // 2:rows // 2] = ["------------------------------------", "共600笔记录"]
    ends = rng.choice(["\n", "\r\n", None])
    body = "".join(line + (ends or rng.choice(["\n", "\r\n"])) for line in lines)
    if rng.random() < 0.3:
        body = body.rstrip("\r\n")  # no line end after the last row
    return "\r\n".join(PREAMBLE) + "\r\n" + HEADER + "\n" + body


def outcome(path: Path, case: Case, use_bulk: bool) -> str:
    try:
        if use_bulk:
            result = SOURCE.parse(path, ParseContext(case=case))
        else:
            result = SOURCE._parse(path, ParseContext(case=case), bulk=False)
    except SourceError as exc:
        return f"error {exc.key} {exc.params}"
    return json.dumps({
        "facts": result.facts, "details": result.details, "messages": result.messages,
        "warnings": [w.to_json() for w in result.warnings], "notes": [n.to_json() for n in result.notes],
        "events": [repr(e) for e in result.events],
    }, ensure_ascii=False, default=str)


@pytest.mark.parametrize("seed", range(12))
def test_bulk_path_ends_like_the_row_by_row_path(seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(bulk, "CHUNK", rng.choice([97, 1000, 8192, 1 << 20]))  # block boundaries everywhere
    path = tmp_path / "alipay.csv"
    path.write_bytes(export(seed, rate=rng.choice([0.0, 0.02, 0.1, 0.5]), footer=seed % 5 == 4)
                     .encode(rng.choice(["gbk", "utf-8", "utf-8-sig"])))
    for case in (CASE, CASE_NO_ORDER):
        assert outcome(path, case, use_bulk=True) == outcome(path, case, use_bulk=False)


def test_bulk_path_takes_plain_rows_and_leaves_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "alipay.csv"
    path.write_text(export(1, rows=400, rate=0.0), encoding="gbk")
    triaged: list[int] = []
    original = alipay_2023.Alipay2023Source.triage

    def counting(self, cells, header, keys):  # type: ignore[no-untyped-def]
        triaged.append(1)
        return original(self, cells, header, keys)

    monkeypatch.setattr(alipay_2023.Alipay2023Source, "triage", counting)
    result = SOURCE.parse(path, ParseContext(case=CASE))
    assert result.facts["rows"] == 400
    assert 0 < len(triaged) < 100  # refunds and rows with the case's amount are still read one by one


def test_bad_bytes_are_reported_as_without_the_bulk_path(tmp_path: Path) -> None:
    data = bytearray(export(2, rows=3000, rate=0.0).encode("gbk"))
    data[len(data) - 5000:len(data) - 5000] = b"\xff\xff"
    path = tmp_path / "alipay.csv"
    path.write_bytes(bytes(data))
    with pytest.raises(SourceError) as raised:
        SOURCE.parse(path, ParseContext(case=CASE))
    assert raised.value.key == "payments.broken.encoding"
    assert outcome(path, CASE, use_bulk=True) == outcome(path, CASE, use_bulk=False)


def test_impossible_date_is_a_row_warning_not_a_crash(tmp_path: Path) -> None:
    lines = export(3, rows=50, rate=0.0).split("\n")
    first_row = lines.index(HEADER) + 1
    lines[first_row] = "2024-02-30 10:00:00" + lines[first_row][19:]
    path = tmp_path / "alipay.csv"
    path.write_text("\n".join(lines), encoding="gbk")
    result = SOURCE.parse(path, ParseContext(case=CASE))
    bad_time = [w for w in result.warnings if w.reason == "payments.row.bad_time"]
    assert [w.params["line"] for w in bad_time] == [first_row + 1]
