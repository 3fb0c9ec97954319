"""Formatting metrics: thresholds for ``--fail-under``, tables, rounding."""

from __future__ import annotations

import pytest

from pipeline.errors import UsageError
from pipeline.evaluation.report import check_thresholds, format_table, parse_threshold, round_metrics, text_table
from pipeline.evaluation.scoring import evaluate


def doc(doc_id="d1"):
    return {"type": "document", "doc_id": doc_id, "id": doc_id}


def ent(start, end, label="ORG", doc_id="d1"):
    return {"type": "entity", "doc_id": doc_id, "id": f"{doc_id}#entity:{start}-{end}", "start": start, "end": end,
            "label": label, "text": "x"}


@pytest.mark.parametrize(
    ("spec", "parsed"),
    [("entity=0.9", ("entity", "strict", 0.9, None)), ("entity.lenient=0.5", ("entity", "lenient", 0.5, None)),
     ("event.type_agent=0", ("event", "type_agent", 0.0, None)),
     ("event.arguments=0.7", ("event", "arguments", 0.7, None)),
     ("event.type_agent:supply_agreement=0.8", ("event", "type_agent", 0.8, "supply_agreement")),
     ("entity.strict:ORG=0.9", ("entity", "strict", 0.9, "ORG"))],
)
def test_parse_threshold(spec, parsed):
    assert parse_threshold(spec) == parsed


@pytest.mark.parametrize("spec", ["entity", "entity=x", "thing=0.5", "entity.loose=0.5", "date=1.5",
                                  "event.strict_value=0.1", "event.arguments:financing=0.5"])
def test_parse_threshold_rejects(spec):
    with pytest.raises(UsageError):
        parse_threshold(spec)


def test_check_thresholds():
    metrics = evaluate([doc(), ent(0, 10)], [doc(), ent(0, 5)])
    assert check_thresholds(metrics, [("entity", "lenient", 0.9)]) == []
    assert check_thresholds(metrics, [("entity", "strict", 0.9)]) == ["entity.strict F1 0.0000 < 0.9"]
    assert check_thresholds(metrics, [("date", "strict", 0.1)]) == ["date.strict F1 undefined < 0.1"]
    assert check_thresholds(metrics, [("entity", "lenient", 0.9, "ORG")]) == []
    assert check_thresholds(metrics, [("entity", "lenient", 0.5, "GPE")]) == ["entity.lenient:GPE F1 undefined < 0.5"]


def event(start, end, event_type="financing", agent=None, doc_id="d1"):
    arguments = [{"role": "agent", "text": agent, "ref": None}] if agent else []
    return {"type": "event", "doc_id": doc_id, "id": f"{doc_id}#event:{start}-{end}:{event_type}",
            "event_type": event_type, "trigger": {"text": "x", "start": start, "end": end},
            "mentions": [{"start": start, "end": end}], "arguments": arguments, "evidence": "x"}


def test_event_agent_accuracy_and_argument_gate():
    gold = [doc(), event(0, 4, agent="Nordbank"), event(10, 14, "price_movement")]
    pred = [doc(), event(0, 4, agent="Marlin Metals"), event(10, 14, "price_movement")]
    metrics = evaluate(gold, pred)
    assert metrics["event"]["agent_accuracy"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert check_thresholds(metrics, [parse_threshold("event.arguments=0.9")]) == ["event.arguments F1 0.0000 < 0.9"]
    assert check_thresholds(metrics, [parse_threshold("event.type_agent:price_movement=1")]) == []
    assert check_thresholds(metrics, [parse_threshold("event.type_agent:financing=0.5")]) == [
        "event.type_agent:financing F1 0.0000 < 0.5"]


def test_table_shows_undefined_scores_as_a_dash():
    table = format_table(evaluate([doc(), ent(0, 10)], [doc(), ent(0, 10)]))
    rows = {tuple(line.split()[:2]): line.split() for line in table.splitlines()[2:16] if line.strip()}
    assert rows["entity", "strict"][2:] == ["1.000", "1.000", "1.000", "1", "0", "0"]
    assert rows["date", "strict"][2:] == ["–", "–", "–", "0", "0", "0"]


def test_text_table_plain_and_markdown():
    assert text_table(["a", "bb"], [["xyz", "1"]]) == "a    bb\n---  --\nxyz  1"
    assert text_table(["a", "bb"], [["xyz", "1"]], markdown=True) == "| a | bb |\n| --- | --- |\n| xyz | 1 |"


def test_round_metrics_rounds_nested_floats_only():
    assert round_metrics({"f1": 2 / 3, "tp": 2, "rows": [0.12345, None]}, 3) == {"f1": 0.667, "tp": 2,
                                                                                  "rows": [0.123, None]}
