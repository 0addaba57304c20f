"""The labelled message set stays above the issue's targets for promises and deflections
(precision ≥ 0.9, recall ≥ 0.85); benchmarks/signals_accuracy.py prints the full table."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "signals_accuracy.py"


@pytest.fixture(scope="module")
def accuracy():
    spec = importlib.util.spec_from_file_location("signals_accuracy", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labelled_set_is_large_enough(accuracy) -> None:
    assert len(accuracy.own_set()) >= 300


@pytest.mark.parametrize("signal", ["promise", "deflection"])
def test_targets_on_the_labelled_set(accuracy, signal: str) -> None:
    tp, fp, fn = accuracy.score(accuracy.own_set(), signal)
    assert tp / (tp + fp) >= 0.9
    assert tp / (tp + fn) >= 0.85


@pytest.mark.parametrize(("signal", "recall_floor"), [("promise", 0.85), ("deflection", 0.8), ("demand", 0.75)])
def test_held_out_set_does_not_regress(accuracy, signal: str, recall_floor: float) -> None:
    """The held-out set (never tuned against) guards against regressions only: precision must stay
    ≥ 0.9 and recall near what it was on 2026-11-22 (docs/signals.md)."""
    rows = accuracy.own_set("signals_heldout.tsv", "held-out")
    assert len(rows) == 150
    tp, fp, fn = accuracy.score(rows, signal)
    assert tp / (tp + fp) >= 0.9
    assert tp / (tp + fn) >= recall_floor


@pytest.mark.parametrize(("signal", "recall_floor"), [("admission", 0.7), ("refused", 0.9)])
def test_held_out_admissions_and_refusals_do_not_regress(accuracy, signal: str, recall_floor: float) -> None:
    rows = accuracy.own_set("signals_heldout.tsv", "held-out")
    tp, fp, fn = accuracy.score(rows, signal)
    assert tp / (tp + fp) >= 0.9
    assert tp / (tp + fn) >= recall_floor


@pytest.mark.parametrize("signal", ["admission", "refused"])
def test_free_worded_admissions_and_refusals(accuracy, signal: str) -> None:
    """The second training batch: admissions and refusals in free wording with their hard negatives
    (conditional, negated, asked, said while blaming the buyer)."""
    tp, fp, fn = accuracy.score(accuracy.own_set("signals_training2.tsv", "training2"), signal)
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.85


def test_a_whole_log_finds_what_each_message_holds(accuracy) -> None:
    """The first look over a joined log (signals_of_texts) must not lose a message that the close
    reading (analyse) finds something in: every labelled message, read both ways."""
    from kameng_cli.model.records import Event
    from kameng_cli.signals.extract import analyse, signals_of_texts
    from kameng_cli.signals.vocabulary import load

    vocab = load(None)
    messages, spoken = [], {"me": ([], []), "counterparty": ([], [])}
    for name in ("signals_labelled.tsv", "signals_training.tsv", "signals_training2.tsv", "signals_heldout.tsv"):
        for line in (accuracy.DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                role, _labels, text = line.split("\t", 2)
                actor = "me" if role == "me" else "counterparty"
                spoken[actor][0].append(len(messages))
                spoken[actor][1].append(text)
                messages.append(Event("", accuracy.AT, "message", actor, text, data={"type": "text", "text": text, "index": len(messages)}))
    expected = {(index, signal.kind) for index, message in enumerate(messages)
                for signal in analyse(message.summary, message.actor, message.time, vocab)}
    vocab.cache.clear()
    found = {(event.data["message_index"], event.kind) for event in signals_of_texts(messages, spoken, vocab=vocab)}
    assert found == expected and len(expected) > 500


@pytest.mark.parametrize("signal", ["promise", "deflection", "demand"])
def test_third_training_batch_of_whole_conversations(accuracy, signal: str) -> None:
    """14 dispute conversations by a tester who never read the source (dialect, curt merchants,
    closing formulas, threats not made); tuned against, so held to the targets."""
    rows = accuracy.own_set("signals_training3.tsv", "training3")
    assert len(rows) >= 180
    tp, fp, fn = accuracy.score(rows, signal)
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.9


@pytest.mark.parametrize("signal", ["promise", "deflection", "admission", "refused", "demand"])
def test_fourth_batch_measured_held_out_then_tuned(accuracy, signal: str) -> None:
    """266 messages (40 % hard negatives) by an independent evaluator; its held-out figures before any
    change are in its header, these floors hold it where tuning brought it."""
    rows = accuracy.own_set("signals_training4.tsv", "training4")
    assert len(rows) >= 260
    tp, fp, fn = accuracy.score(rows, signal)
    assert tp / (tp + fp) >= 0.9
    assert tp / (tp + fn) >= 0.9
