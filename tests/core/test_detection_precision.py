"""Detection claims a file only on positive evidence of its format: a README, a script, a TSV of labels,
JSON, a non-financial CSV, an HTML page or a program log is never taken for a chat export or a payment
export, even when it holds a few lines of a chat header's shape, mentions an exporter's signature or
has a table. Unrelated inputs live in tests/data/unrelated/ (written by hand)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from conftest import DATA, SHARED, run, run_json
from kameng_cli.ingest.base import CLAIM, ParseContext, Sample
from kameng_cli.ingest.chats.layouts import classify_text
from kameng_cli.ingest.registry import detect, sources
from resave import VARIANTS

UNRELATED = DATA / "unrelated"
FILES = sorted(path.name for path in UNRELATED.iterdir() if path.is_file())
def _format_sources() -> set[str]:
    """Every chat and payment source: what an unrelated file must never be detected as."""
    names = set()
    for package in ("kameng_cli.ingest.chats", "kameng_cli.ingest.payments"):
        for spec in importlib.import_module(package).SOURCES:
            module, _, attr = spec.partition(":")
            names.add(getattr(importlib.import_module(module), attr).name)
    return names


def _claims(path: Path) -> list[str]:
    sample = Sample.of(path)
    return sorted(source.name for source in sources().values() if source.sniff(sample) >= CLAIM)


def _detected(path: Path) -> str | None:
    detection = detect(Sample.of(path))
    return detection.source.name if detection.source is not None else None


def test_the_unrelated_inputs_cover_every_kind() -> None:
    assert {Path(name).suffix for name in FILES} >= {".md", ".py", ".tsv", ".json", ".csv", ".html", ".log"}


@pytest.mark.parametrize("name", FILES)
def test_an_unrelated_file_is_no_chat_and_no_payment(name: str) -> None:
    path = UNRELATED / name
    assert _claims(path) == []
    detected = _detected(path)
    assert detected not in _format_sources(), f"{name} detected as {detected}"
    assert detected == "text"


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", FILES)
def test_an_unrelated_file_stays_unclaimed_when_resaved(name: str, variant: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(VARIANTS[variant]((UNRELATED / name).read_text(encoding="utf-8")))
    assert _claims(path) == []
    assert _detected(path) not in _format_sources()


def test_adding_the_unrelated_folder_keeps_every_file_as_plain_text(case_dir: Path) -> None:
    result = run("-C", case_dir, "add", UNRELATED, "--json")
    assert result.exit_code == 0, result.output
    outcomes = json.loads(result.stdout)["files"]
    assert len(outcomes) == len(FILES)
    assert all(o["status"] == "ok" for o in outcomes), outcomes
    assert {o["detected"] for o in outcomes} == {"纯文本"}
    exhibits = run_json("-C", case_dir, "list")["exhibits"]
    assert {e["parser"] for e in exhibits} == {"text"}
    assert not {e["kind"] for e in exhibits} & {"chat", "payment", "bank"}
    events = run_json("-C", case_dir, "timeline")["events"]
    assert not [e for e in events if e["kind"] in ("message", "paid", "refunded")]


SHARED_DOCS = ["chat-exports.md", "payment-exports.md", "fixtures/chat/README.md",
               "fixtures/chat/make_chat_fixtures.py", "fixtures/make_fixtures.py"]


@pytest.mark.skipif(not (SHARED / "formats").is_dir(), reason="../shared is not available")
@pytest.mark.parametrize("name", SHARED_DOCS)
def test_the_format_research_and_fixture_scripts_are_not_exports(name: str) -> None:
    """They quote every signature and header shape, and the scripts write them: still not exports."""
    path = SHARED / "formats" / name
    assert _claims(path) == []
    assert _detected(path) == "text"


@pytest.mark.parametrize("name", ["make_chat_inputs.py", "fixture_signals_labelled.tsv", "signals_labelled.tsv"])
def test_the_chat_test_generators_and_labels_are_not_exports(name: str) -> None:
    assert _detected(DATA / "chats" / name) == "text"


def test_the_payment_test_generators_are_not_exports() -> None:
    for name in ("make_payment_data.py", "make_heldout_data.py"):
        assert _detected(DATA / "payments" / name) == "text"


# ---- chat layouts: the evidence each rule asks for ---------------------------------------------------------

MEMOTRACE_V1 = "2024-05-01 10:00:01 小王\n在吗\n\n2024-05-01 10:01:30 卡铺客服\n在的\n\n2024-05-01 10:02:00 小王\n卡密呢\n"


def test_a_real_header_shape_still_decides() -> None:
    assert classify_text(MEMOTRACE_V1) == "memotrace-v1-txt"
    assert classify_text("我:\n在吗\n\n卡铺:\n在的\n\n我:\n卡密呢\n") == "wechat-windows-copy"


def test_a_few_chat_lines_in_a_long_document_are_not_a_chat() -> None:
    prose = "".join(f"第{i}段说明文字，和聊天无关。\n" for i in range(40))
    assert classify_text(MEMOTRACE_V1 + "\n" + prose) is None


def test_code_and_markup_lines_are_not_message_headers() -> None:
    script = "import sys\n\n\ndef main() -> None:\n    run()\n\n\ndef run() -> None:\n    print(1)\n"
    assert classify_text(script) is None
    markdown = "# 说明\n\n" + MEMOTRACE_V1 + "\n## 表格\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert classify_text(markdown) is None


def test_windows_names_need_their_messages_under_them() -> None:
    assert classify_text("维护者:\n\n联系人:\n\n地址:\n") is None
    assert classify_text("- 注意:\n不要提交\n\n- 步骤:\n先运行\n") is None


def test_a_program_log_is_not_a_chat() -> None:
    log = "".join(f"2024-05-01 10:00:0{i} INFO step {i}\n" for i in range(6))
    assert classify_text(log) is None
    blocks = "".join(f"2024-05-01 10:00:0{i} ERROR job {i} failed\nTraceback (most recent call last):\nValueError: bad\n\n"
                     for i in range(4))
    assert classify_text(blocks) is None  # blocks with bodies, but a level where a chat has its sender
    assert classify_text(blocks.replace("ERROR job", "客服小美\njob")) == "memotrace-v1-txt"
    stamps = "".join(f"job {i}\n2024-05-01 10:00:0{i}\n" for i in range(4))
    assert classify_text(stamps.replace("job", "2024-05-01 09:00:00 job")) is None  # a time under a log line
    bracket = "[2024/5/1 10:00] INFO: started\n[2024/5/1 10:01] WARN: slow\n[2024/5/1 10:02] ERROR: failed\n"
    assert classify_text(bracket) is None


def test_impossible_dates_and_times_are_not_headers() -> None:
    assert classify_text(MEMOTRACE_V1.replace("2024-05-01 10:0", "2024-13-41 25:7")) is None
    assert classify_text("小王 2024/5/1 10:00\n在吗\n\n卡铺 2024/5/1 10:01\n在的\n") == "wechat-mac-copy"
    assert classify_text("小王 2024/5/1 10:60\n在吗\n\n卡铺 2024/5/1 26:01\n在的\n") is None


def test_signatures_count_only_where_the_exporter_writes_them() -> None:
    html = "<script>\nconst chatMessages = [\n{ type:1, text: '在吗',is_send:1,timestamp:1714528801,displayname:'小王'},\n];\n</script>\n"
    assert classify_text(html) == "memotrace-v1-html"
    assert classify_text("<p>留痕的 HTML 里有 <code>const chatMessages = [</code> 和 is_send 字段</p>\n") is None
    assert classify_text('    "const chatMessages = [",\n    "{ type:1, is_send:1 }",\n') is None
    qq = "消息记录（此消息记录为文本格式，不支持重新导入）\n\n" + "=" * 64 + "\n消息分组:我的好友\n" + "=" * 64 + "\n"
    assert classify_text(qq) == "qq-txt"
    assert classify_text("QQ 的导出里有“消息分组:”一行和 `" + "=" * 64 + "` 分隔线。\n") is None


# ---- the generic bank CSV ----------------------------------------------------------------------------------

STATEMENT = "记账日期,记账时间,借方金额,贷方金额,对方名称\n2024-05-01,09:55:20,100.00,,星辰卡盟\n2024-04-28,12:00:00,35.00,,某某面馆\n"


def test_a_statement_like_table_is_offered_to_map(tmp_path: Path) -> None:
    path = tmp_path / "流水.csv"
    path.write_text(STATEMENT, encoding="utf-8")
    assert _claims(path) == [] and _detected(path) == "bank-generic"


@pytest.mark.parametrize("table", [
    "日期,城市,最高气温\n2024-05-01,杭州,27\n2024-05-02,杭州,25\n2024-05-03,杭州,22\n",  # no money column
    "时间,金额,备注\n昨天,很多,随便\n前天,不少,随便\n今天,一点,随便\n",  # cells are no dates or amounts
    "name,count,note\nalpha,1,x\nbeta,2,y\ngamma,3,z\n",
])
def test_other_tables_are_plain_text(table: str, tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text(table, encoding="utf-8")
    assert _detected(path) == "text"
    assert sources()["bank-generic"].sniff(Sample.of(path)) < sources()["text"].sniff(Sample.of(path))


def test_map_still_reads_a_table_that_does_not_look_like_a_statement(case_dir: Path, tmp_path: Path) -> None:
    """--map is the user saying it is a bank statement: the columns' names need not look like one."""
    path = tmp_path / "export.csv"
    path.write_text("when,what,out,in,who\n2024-05-01 09:55:12,点卡,100.00,,星辰卡盟\n"
                    "2024-04-28 12:00:00,午饭,35.00,,某某面馆\n", encoding="utf-8")
    assert _detected(path) == "text"
    result = run("-C", case_dir, "add", path, "--map", "时间=when,支出=out,收入=in,对方=who", "--json")
    assert result.exit_code in (0, 1), result.output
    [outcome] = json.loads(result.stdout)["files"]
    assert outcome["status"] == "ok" and "银行流水" in outcome["detected"]
    [exhibit] = run_json("-C", case_dir, "list")["exhibits"]
    assert exhibit["parser"] == "bank-generic" and exhibit["kind"] == "bank"
    assert exhibit["facts"]["map"] == "时间=when,支出=out,收入=in,对方=who"
    assert run("-C", case_dir, "rebuild").exit_code == 0
    assert run_json("-C", case_dir, "list")["exhibits"][0]["parser"] == "bank-generic"


def test_without_map_such_a_table_is_plain_text_without_a_hint(tmp_path: Path) -> None:
    path = UNRELATED / "weather.csv"
    detection = detect(Sample.of(path))
    result = detection.source.parse(path, ParseContext(original_name=path.name))
    assert detection.source.name == "text" and result.messages == []
