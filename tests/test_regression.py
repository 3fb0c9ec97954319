"""Regression gate: extraction over seeds/ must stay above F1 thresholds against fixtures/gold.

Thresholds are the F1 measured when the gate was set, minus a margin (about 0.03 for spans,
0.05 for events), so ordinary rule changes pass and real regressions fail. Raise them when
accuracy improves; ``python benchmarks/accuracy.py`` prints the current numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation.documents import load_records
from pipeline.evaluation.scoring import evaluate

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "fixtures" / "gold"

# (record type, mode) -> minimum F1. Measured 2026-11-26 (13:00) on 14 gold documents:
# entity .997/.999/.972, quantity 1.000/1.000/1.000, date 1.000/1.000/.994 (strict/lenient/strict_value);
# event strict .599, lenient .955, type_agent .873, arguments .787. Thresholds sit about 0.03 below.
THRESHOLDS: dict[tuple[str, str], float] = {
    ("entity", "strict"): 0.97,
    ("entity", "lenient"): 0.97,
    ("entity", "strict_value"): 0.94,
    ("quantity", "strict"): 0.97,
    ("quantity", "lenient"): 0.97,
    ("quantity", "strict_value"): 0.97,
    ("date", "strict"): 0.97,
    ("date", "lenient"): 0.97,
    ("date", "strict_value"): 0.96,
    ("event", "strict"): 0.56,
    ("event", "lenient"): 0.92,
    ("event", "type_agent"): 0.84,
}
ARGUMENT_F1 = 0.75
# value accuracy on strict matches; measured entity .975, quantity 1.000, date .994
VALUE_ACCURACY: dict[str, float] = {"entity": 0.94, "quantity": 0.97, "date": 0.96}


@pytest.fixture(scope="module")
def metrics(seed_extractions):
    if not GOLD.is_dir() or not any(GOLD.glob("*.jsonl")):
        pytest.skip("fixtures/gold is absent")
    gold = load_records(GOLD)
    gold_ids = {record["doc_id"] for record in gold}
    predicted = [record for doc_id, extraction in seed_extractions.items() if doc_id in gold_ids
                 for record in (extraction.records or [extraction.error])]
    return evaluate(gold, predicted)


def test_every_gold_document_is_extracted(metrics):
    assert metrics["documents"]["only_gold"] == []
    assert metrics["documents"]["pred_errors"] == []


@pytest.mark.parametrize(("record_type", "mode"), sorted(THRESHOLDS))
def test_f1_above_threshold(metrics, record_type, mode):
    f1 = metrics[record_type][mode]["f1"]
    assert f1 is not None and f1 >= THRESHOLDS[record_type, mode], (
        f"{record_type}.{mode} F1 {f1} fell below {THRESHOLDS[record_type, mode]}: {metrics[record_type][mode]}")


@pytest.mark.parametrize("record_type", sorted(VALUE_ACCURACY))
def test_value_accuracy_above_threshold(metrics, record_type):
    accuracy = metrics[record_type]["value_accuracy"]["accuracy"]
    assert accuracy is not None and accuracy >= VALUE_ACCURACY[record_type]


def test_event_argument_f1_above_threshold(metrics):
    f1 = metrics["event"]["arguments"]["all"]["f1"]
    assert f1 is not None and f1 >= ARGUMENT_F1, metrics["event"]["arguments"]["all"]
