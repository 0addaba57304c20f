"""Crash, interruption and concurrency: the case folder stays consistent and nothing is lost."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import make_png

from conftest import run, run_json
from kameng_cli.case.store import CaseStore
from kameng_cli.ingest.pipeline import AddOptions, Ingestor, Input

STEPS = ["staged", "parsed", "pending-written", "derived-written", "events-written", "evidence-placed", "manifest-written"]


class Injected(Exception):
    pass


def _state(case_dir: Path) -> dict:
    return {
        "evidence": sorted(p.name for p in (case_dir / "evidence").iterdir()),
        "derived": sorted(p.name for p in (case_dir / ".kameng" / "derived").iterdir()),
        "events": run_json("-C", case_dir, "timeline")["events"],
        "exhibits": run_json("-C", case_dir, "list")["exhibits"],
        "staging": sorted(p.name for p in (case_dir / ".kameng" / "staging").iterdir())
        if (case_dir / ".kameng" / "staging").exists() else [],
    }


@pytest.mark.parametrize("error", [Injected, KeyboardInterrupt])
@pytest.mark.parametrize("step", STEPS)
def test_failure_at_each_step_leaves_no_partial_exhibit(case_dir: Path, tmp_path: Path, step: str, error: type) -> None:
    make_png(tmp_path / "first.png", color="red")
    run("-C", case_dir, "add", tmp_path / "first.png")
    before = _state(case_dir)
    path = make_png(tmp_path / "second.png", color="blue")

    def fault(name: str) -> None:
        if name == step:
            raise error()

    store = CaseStore(case_dir)
    if step == "manifest-written":
        # The manifest entry is the commit point: a failure after it keeps the exhibit, complete.
        with pytest.raises(error):
            Ingestor(store, AddOptions(), fault).add(Input(str(path), path=path))
        assert len(run_json("-C", case_dir, "list")["exhibits"]) == 2
    else:
        with pytest.raises(error):
            Ingestor(store, AddOptions(), fault).add(Input(str(path), path=path))
        assert _state(case_dir) == before
    assert run("-C", case_dir, "verify").exit_code == 0
    assert not (case_dir / ".kameng" / "pending.json").exists()
    # and the file can be added again cleanly afterwards
    result = run("-C", case_dir, "add", path)
    assert result.exit_code == 0


_CRASH = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from kameng_cli.case.store import CaseStore
    from kameng_cli.ingest.pipeline import AddOptions, Ingestor, Input
    step = sys.argv[3]
    def fault(name):
        if name == step:
            os._exit(9)  # a hard crash: no cleanup, no finally
    path = Path(sys.argv[2])
    Ingestor(CaseStore(Path(sys.argv[1])), AddOptions(), fault).add(Input(str(path), path=path))
""")


@pytest.mark.parametrize("step", STEPS[:-1])
def test_hard_crash_is_recovered_by_the_next_command(case_dir: Path, tmp_path: Path, step: str) -> None:
    make_png(tmp_path / "first.png", color="red")
    run("-C", case_dir, "add", tmp_path / "first.png")
    path = make_png(tmp_path / "second.png", color="blue")
    proc = subprocess.run([sys.executable, "-c", _CRASH, str(case_dir), str(path), step], capture_output=True)
    assert proc.returncode == 9, proc.stderr
    result = run("-C", case_dir, "verify", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert [f["file"] for f in doc["files"]] == ["E01_first.png"]
    assert not (case_dir / ".kameng" / "pending.json").exists()
    assert [e["id"] for e in run_json("-C", case_dir, "list")["exhibits"]] == ["E01"]
    assert run("-C", case_dir, "add", path).exit_code == 0
    assert [e["id"] for e in run_json("-C", case_dir, "list")["exhibits"]] == ["E01", "E02"]


def test_two_processes_adding_at_once_lose_nothing(case_dir: Path, tmp_path: Path) -> None:
    batches = []
    for batch in ("a", "b"):
        folder = tmp_path / batch
        folder.mkdir()
        for number in range(12):
            make_png(folder / f"{batch}{number:02d}.png", size=(40 + number, 40), color="red" if batch == "a" else "blue")
        batches.append(folder)
    procs = [subprocess.Popen([sys.executable, "-m", "kameng_cli", "-C", str(case_dir), "add", str(folder)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for folder in batches]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, (out.decode(), err.decode())
    exhibits = run_json("-C", case_dir, "list")["exhibits"]
    assert len(exhibits) == 24
    assert len({e["id"] for e in exhibits}) == 24
    assert sorted(e["name"] for e in exhibits) == sorted(f"{b}{n:02d}.png" for b in "ab" for n in range(12))
    assert run("-C", case_dir, "verify").exit_code == 0


def test_a_held_lock_makes_the_second_writer_wait_then_exit_2(case_dir: Path, tmp_path: Path, monkeypatch) -> None:
    from kameng_cli.case.lock import case_lock

    monkeypatch.setenv("KAMENG_LOCK_TIMEOUT", "0.3")
    path = make_png(tmp_path / "a.png")
    with case_lock(case_dir / ".kameng" / "lock", "kameng rebuild"):
        result = run("-C", case_dir, "event", "add", "--at", "2024-05-01 10:00", "--kind", "contacted", "打电话给客服")
        assert result.exit_code == 2
        assert "kameng rebuild" in result.stderr
        result = run("-C", case_dir, "add", path)
        assert result.exit_code == 2 and "kameng rebuild" in result.stderr
    assert run("-C", case_dir, "add", path).exit_code == 0
