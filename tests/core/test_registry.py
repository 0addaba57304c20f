"""Detection goes through the source registry: ambiguity is an error, --format settles it,
third-party sources arrive through the `kameng.sources` entry-point group."""

from pathlib import Path

import pytest

from conftest import run, run_json
from kameng_cli.ingest import registry
from kameng_cli.ingest.base import ParseContext, ParseResult, Sample
from kameng_cli.model.records import Event
from kameng_cli.parsing.times import parse_time


class _ShopLog:
    version = "1"

    def __init__(self, name: str, marker: bytes) -> None:
        self.name = name
        self.marker = marker
        self.label = {"zh": f"测试格式 {name}", "en": f"test format {name}"}

    def sniff(self, sample: Sample) -> float:
        return 0.9 if self.marker in sample.head else 0.0

    def parse(self, path: Path, ctx: ParseContext) -> ParseResult:
        return ParseResult(kind="chat", media_type="text/plain", events=[
            Event(id="", time=parse_time("2024-05-01 10:00"), kind="promise", actor="counterparty",
                  summary="5分钟到账", data={"due": "2024-05-01T10:05:00+08:00"}),
        ], messages=[f"read by {self.name}"])


@pytest.fixture
def fake_sources(monkeypatch: pytest.MonkeyPatch):
    class EntryPoint:
        def __init__(self, name: str, obj: object) -> None:
            self.name, self._obj = name, obj

        def load(self) -> object:
            return self._obj

    plugins = [EntryPoint("alpha", _ShopLog("alpha", b"SHOPLOG")), EntryPoint("beta", _ShopLog("beta", b"SHOPLOG v2"))]
    import importlib.metadata

    monkeypatch.setattr(importlib.metadata, "entry_points",
                        lambda group=None: plugins if group == registry.ENTRY_POINT_GROUP else [])
    registry.reset()
    yield
    registry.reset()


def test_entry_point_sources_are_registered_and_used(case_dir: Path, tmp_path: Path, fake_sources) -> None:
    path = tmp_path / "log.txt"
    path.write_bytes(b"SHOPLOG\n10:00 5 minutes\n")
    result = run("-C", case_dir, "add", path)
    assert result.exit_code == 0, result.output
    assert "测试格式 alpha" in result.stdout and "read by alpha" in result.stdout
    [event] = [e for e in run_json("-C", case_dir, "timeline")["events"] if e["id"].startswith("E01-")]
    assert event["kind"] == "promise" and event["id"] == "E01-1"
    assert event["source"] == "alpha"


def test_two_sources_claiming_a_file_is_an_error_naming_both(case_dir: Path, tmp_path: Path, fake_sources) -> None:
    path = tmp_path / "log.txt"
    path.write_bytes(b"SHOPLOG v2\n")
    result = run("-C", case_dir, "add", path)
    assert result.exit_code == 2
    assert "alpha" in result.stdout and "beta" in result.stdout and "--format" in result.stdout
    assert not run_json("-C", case_dir, "list")["exhibits"]
    result = run("-C", case_dir, "add", path, "--format", "beta")
    assert result.exit_code == 0 and "read by beta" in result.stdout


def test_duplicate_source_names_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    class EntryPoint:
        name = "dup"

        def load(self):
            return _ShopLog("image", b"x")

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group=None: [EntryPoint()])
    registry.reset()
    try:
        with pytest.raises(registry.DuplicateSource):
            registry.sources()
    finally:
        registry.reset()


def test_detection_report_names_the_format(case_dir: Path, tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (20, 20)).save(tmp_path / "a.png")
    doc = run_json("-C", case_dir, "add", tmp_path / "a.png")
    assert doc["files"][0]["detected"] == "图片/截图"
    result = run("--lang", "en", "-C", case_dir, "add", tmp_path / "a.png")
    assert result.exit_code == 0


def test_timeline_analyzers_see_every_event(case_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kameng_cli import derive

    def count_contacts(events, case):
        contacts = [e for e in events if e.kind == "contacted"]
        if len(contacts) < 2:
            return []
        return [Event(id="", time=contacts[-1].time, kind="silence", actor="merchant",
                      summary=f"{len(contacts)} contacts, no answer", data={"hours": 24})]

    monkeypatch.setattr(derive, "analyzers", lambda: [("tests:count_contacts", count_contacts)])
    for at in ("2024-05-01 10:00", "2024-05-02 10:00"):
        assert run("-C", case_dir, "event", "add", "--at", at, "--kind", "contacted", "打电话").exit_code == 0
    events = run_json("-C", case_dir, "timeline")["events"]
    silence = [e for e in events if e["kind"] == "silence"]
    assert len(silence) == 1 and silence[0]["id"] == "T0001" and silence[0]["source"] == "timeline:count_contacts"
    assert run("-C", case_dir, "event", "rm", "M0002").exit_code == 0
    assert not [e for e in run_json("-C", case_dir, "timeline")["events"] if e["kind"] == "silence"]


def _inputs() -> list[Path]:
    data = Path(__file__).parents[1] / "data"
    found = []
    for folder in ("payments", "chats"):
        for path in sorted((data / folder).rglob("*")):
            if (path.is_file() and not path.name.endswith((".json", ".py", ".tsv", ".md"))
                    and not path.name.startswith(".")):
                found.append(path)
    return found


@pytest.mark.parametrize("path", _inputs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_test_input_is_claimed_by_two_sources(path: Path) -> None:
    """Payment and chat sources are built apart; detection across both must stay unambiguous."""
    from kameng_cli.ingest.base import CLAIM

    registry.reset()
    sample = Sample.of(path)
    claims = sorted(s.name for s in registry.sources().values() if s.sniff(sample) >= CLAIM)
    assert len(claims) <= 1, claims


def test_shared_payment_fixtures_are_not_taken_for_chats() -> None:
    from conftest import SHARED

    fixtures = SHARED / "formats" / "fixtures"
    if not fixtures.is_dir():
        pytest.skip("../shared is not present")
    from kameng_cli.ingest.base import CLAIM

    registry.reset()
    for path in sorted(fixtures.glob("*.csv")) + sorted(fixtures.glob("*.xlsx")):
        claims = [s.name for s in registry.sources().values() if s.sniff(Sample.of(path)) >= CLAIM]
        assert len(claims) == 1 and not claims[0].startswith(("memotrace", "qq", "chatlog")), (path.name, claims)
