"""The scorer's numbers against small cases computed by hand (no spaCy needed)."""

from __future__ import annotations

import json

import pytest

from pipeline.errors import UsageError
from pipeline.evaluation.documents import load_records
from pipeline.evaluation.matching import match_one_to_one, normalise_name
from pipeline.evaluation.misses import sentence_at
from pipeline.evaluation.report import format_table
from pipeline.evaluation.scoring import evaluate


def doc(doc_id="d1"):
    return {"type": "document", "doc_id": doc_id, "id": doc_id}


def ent(start, end, label="ORG", text="x", doc_id="d1", **extra):
    return {"type": "entity", "doc_id": doc_id, "id": f"{doc_id}#entity:{start}-{end}", "start": start, "end": end,
            "label": label, "text": text, **extra}


def qty(start, end, qtype="mass", doc_id="d1", **extra):
    return {"type": "quantity", "doc_id": doc_id, "id": f"{doc_id}#quantity:{start}-{end}", "start": start,
            "end": end, "quantity_type": qtype, "text": "q", **extra}


def dat(start, end, value, doc_id="d1", **extra):
    return {"type": "date", "doc_id": doc_id, "id": f"{doc_id}#date:{start}-{end}", "start": start, "end": end,
            "timex": value, "text": "t", **extra}


def evt(event_type, start, end, *, doc_id="d1", arguments=(), mentions=None, sentence=0, evidence="S."):
    return {"type": "event", "doc_id": doc_id, "id": f"{doc_id}#event:{start}-{end}:{event_type}",
            "event_type": event_type, "trigger": {"text": "t", "start": start, "end": end},
            "mentions": mentions if mentions is not None else [{"start": start, "end": end}],
            "arguments": [dict(a) for a in arguments], "sentence": sentence, "evidence": evidence}


def prf(block):
    return (block["precision"], block["recall"], block["f1"], block["tp"], block["fp"], block["fn"])


def test_exact_match_scores_one():
    gold = [doc(), ent(0, 7, "GPE"), ent(10, 15, "ORG")]
    metrics = evaluate(gold, list(gold))
    for mode in ("strict", "lenient", "strict_value"):
        assert prf(metrics["entity"][mode]) == (1.0, 1.0, 1.0, 2, 0, 0)
    assert metrics["entity"]["by_label"]["GPE"]["strict"]["tp"] == 1
    assert metrics["entity"]["errors"] == {"false_positives": [], "false_negatives": []}


def test_overlapping_span_is_lenient_only():
    gold = [doc(), ent(0, 10, "ORG"), ent(20, 25, "GPE")]
    pred = [doc(), ent(0, 6, "ORG"), ent(20, 25, "GPE")]
    metrics = evaluate(gold, pred)
    assert prf(metrics["entity"]["strict"]) == (0.5, 0.5, 0.5, 1, 1, 1)
    assert prf(metrics["entity"]["lenient"]) == (1.0, 1.0, 1.0, 2, 0, 0)
    assert metrics["entity"]["by_label"]["ORG"]["strict"]["f1"] == 0.0
    assert metrics["entity"]["by_label"]["ORG"]["lenient"]["f1"] == 1.0
    missed = metrics["entity"]["errors"]["false_negatives"]
    assert [(m["start"], m["end"]) for m in missed] == [(0, 10)]
    assert missed[0]["near"].startswith("boundary")


def test_wrong_label_is_fp_and_fn_in_both_modes():
    gold = [doc(), ent(0, 7, "GPE")]
    pred = [doc(), ent(0, 7, "ORG")]
    metrics = evaluate(gold, pred)
    for mode in ("strict", "lenient"):
        assert prf(metrics["entity"][mode]) == (0.0, 0.0, 0.0, 0, 1, 1)
    assert metrics["entity"]["by_label"]["GPE"]["strict"]["fn"] == 1
    assert metrics["entity"]["by_label"]["ORG"]["strict"]["fp"] == 1
    assert metrics["entity"]["errors"]["false_negatives"][0]["near"] == "label: 'x' as ORG"


def test_duplicate_predictions_count_once():
    gold = [doc(), ent(0, 10, "ORG")]
    pred = [doc(), ent(0, 10, "ORG"), ent(0, 10, "ORG"), ent(2, 8, "ORG")]
    metrics = evaluate(gold, pred)
    # strict: 1 tp, 2 fp (the copy and the inner span); lenient: the exact copy wins, still 1 tp and 2 fp
    assert prf(metrics["entity"]["strict"]) == (pytest.approx(1 / 3), 1.0, 0.5, 1, 2, 0)
    assert prf(metrics["entity"]["lenient"]) == (pytest.approx(1 / 3), 1.0, 0.5, 1, 2, 0)
    assert [fp["near"] for fp in metrics["entity"]["errors"]["false_positives"]] == ["duplicate", "boundary: 'x'"]


def test_lenient_matching_is_maximal_not_greedy():
    # g1 [0,10) overlaps p1 and p2; g2 [8,12) overlaps only p1. Greedy (g1->p1 by larger overlap) finds 1 pair.
    gold = [doc(), ent(0, 10), ent(8, 12)]
    pred = [doc(), ent(5, 12), ent(0, 3)]
    assert prf(evaluate(gold, pred)["entity"]["lenient"]) == (1.0, 1.0, 1.0, 2, 0, 0)
    assert match_one_to_one([1, 2], [1, 1], lambda g, p: 1.0 if g == p else None) == [(0, 0)]


def test_empty_documents_give_undefined_scores():
    metrics = evaluate([doc()], [doc()])
    assert prf(metrics["entity"]["strict"]) == (None, None, None, 0, 0, 0)
    assert metrics["documents"]["matched"] == 1
    # an empty gold document still judges predictions: all false positives
    metrics = evaluate([doc()], [doc(), ent(0, 3)])
    assert prf(metrics["entity"]["strict"]) == (0.0, None, 0.0, 0, 1, 0)


def test_documents_missing_on_one_side_are_reported():
    gold = [doc("a"), ent(0, 3, doc_id="a"), doc("b"), ent(0, 3, doc_id="b")]
    pred = [doc("a"), ent(0, 3, doc_id="a"), doc("c"), ent(5, 9, doc_id="c")]
    metrics = evaluate(gold, pred)
    docs = metrics["documents"]
    assert (docs["gold"], docs["pred"], docs["matched"], docs["scored"]) == (2, 2, 1, 2)
    assert docs["only_gold"] == ["b"] and docs["only_pred"] == ["c"]
    # gold-only doc: its records are misses; pred-only doc: not scored by default
    assert prf(metrics["entity"]["strict"]) == (1.0, 0.5, pytest.approx(2 / 3), 1, 0, 1)
    counted = evaluate(gold, pred, count_unmatched_pred=True)
    assert prf(counted["entity"]["strict"]) == (0.5, 0.5, 0.5, 1, 1, 1)
    assert "only in gold (records counted as misses): b" in format_table(metrics)


def test_quantity_value_mismatch_and_tolerance():
    gold = [doc(), qty(0, 5, value=1000, unit="t"), qty(10, 15, "money", value=None, low=100, high=200, unit="USD"),
            qty(20, 25, value=50, unit="t")]
    pred = [doc(), qty(0, 5, value=1004, unit="t"),  # within 0.5 %
            qty(10, 15, "money", value=None, low=100, high=202, unit="USD"),  # high off by 1 %
            qty(20, 25, value=50, unit="kg")]  # wrong unit
    metrics = evaluate(gold, pred)["quantity"]
    assert prf(metrics["strict"]) == (1.0, 1.0, 1.0, 3, 0, 0)
    assert prf(metrics["strict_value"]) == (pytest.approx(1 / 3), pytest.approx(1 / 3), pytest.approx(1 / 3), 1, 2, 2)
    assert metrics["value_accuracy"]["correct"] == 1 and metrics["value_accuracy"]["total"] == 3
    assert metrics["value_accuracy"]["fields"]["unit"] == {"correct": 2, "total": 3, "accuracy": pytest.approx(2 / 3)}
    assert metrics["value_accuracy"]["fields"]["high"] == {"correct": 0, "total": 1, "accuracy": 0.0}


def test_gold_without_value_fields_is_not_value_checked():
    gold = [doc(), qty(0, 5)]
    pred = [doc(), qty(0, 5, value=7, unit="t")]
    metrics = evaluate(gold, pred)["quantity"]
    assert metrics["strict_value"]["tp"] == 1
    assert metrics["value_accuracy"]["total"] == 0 and metrics["value_accuracy"]["accuracy"] is None


def test_entity_normalised_name_and_kb_id():
    gold = [doc(), ent(0, 2, "GPE", normalized="United States", kb_id="US"), ent(5, 9, "ORG", normalized="SRC"),
            ent(20, 31, "COMMODITY", normalized="Pr-Nd alloy", commodity={"elements": ["Pr", "Nd"], "form": "alloy"})]
    pred = [doc(), ent(0, 2, "GPE", normalized="United States", kb_id=None), ent(5, 9, "ORG", normalized="SRC"),
            ent(20, 31, "COMMODITY", normalized="Pr-Nd  alloy", commodity={"elements": ["Nd", "Pr"], "form": None})]
    metrics = evaluate(gold, pred)["entity"]
    assert prf(metrics["strict_value"])[3:] == (2, 1, 1)
    assert metrics["value_accuracy"]["fields"]["kb_id"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    assert metrics["value_accuracy"]["fields"]["normalized"]["correct"] == 3
    assert metrics["value_accuracy"]["fields"]["commodity"]["correct"] == 0  # reported, not scored


def test_records_without_offsets_are_reported():
    metrics = evaluate([doc(), {"type": "entity", "doc_id": "d1", "label": "ORG"}], [doc()])
    assert metrics["documents"]["records_without_offsets"] == {"gold": 1, "pred": 0}
    assert "gold: 1 span records without start/end were not scored" in format_table(metrics)


def test_date_value_and_bounds():
    gold = [doc(), dat(0, 4, "2026", start_date="2026-01-01", end_date="2026-12-31"), dat(10, 20, "2025-12-11")]
    pred = [doc(), dat(0, 4, "2026", start_date="2026-01-01", end_date="2026-12-30"), dat(10, 20, "2024-12-11")]
    metrics = evaluate(gold, pred)["date"]
    assert prf(metrics["strict"])[3:] == (2, 0, 0)
    assert prf(metrics["strict_value"])[3:] == (1, 1, 1)  # bounds are reported, not scored
    assert metrics["value_accuracy"]["accuracy"] == 0.5
    assert metrics["value_accuracy"]["fields"]["end_date"]["correct"] == 0
    assert list(metrics["by_label"]) == ["date"]


def test_events_type_agent_and_arguments():
    agent = {"role": "agent", "text": "the Vietnamese National Assembly's", "ref": None}
    gold = [doc(), ent(0, 30, "ORG", text="Vietnamese National Assembly", normalized="Vietnamese National Assembly"),
            evt("export_restriction", 40, 44, arguments=[agent, {"role": "date", "text": "2026", "ref": None}]),
            evt("financing", 100, 108, arguments=[{"role": "agent", "text": "EXIM", "ref": None}])]
    pred_agent = {"role": "agent", "text": "Assembly", "ref": "d1#entity:0-30"}
    pred = [doc(), ent(0, 30, "ORG", text="Vietnamese National Assembly", normalized="Vietnamese National Assembly"),
            evt("export_restriction", 41, 46, arguments=[pred_agent, {"role": "date", "text": "2027", "ref": None}]),
            evt("financing", 100, 108, arguments=[{"role": "agent", "text": "Tronox", "ref": None}]),
            evt("financing", 100, 108)]  # a duplicate: false positive
    metrics = evaluate(gold, pred)["event"]
    assert prf(metrics["strict"]) == (pytest.approx(1 / 3), 0.5, 0.4, 1, 2, 1)
    assert prf(metrics["lenient"]) == (pytest.approx(2 / 3), 1.0, 0.8, 2, 1, 0)
    # the export ban's agent resolves through the ref; the financing agent is wrong
    assert prf(metrics["type_agent"])[3:] == (1, 2, 1)
    assert metrics["arguments"]["by_role"]["agent"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5,
                                                          "tp": 1, "fp": 1, "fn": 1}
    assert prf(metrics["arguments"]["by_role"]["date"])[3:] == (0, 1, 1)
    assert metrics["by_label"]["financing"]["lenient"]["fp"] == 1
    assert metrics["errors"]["false_positives"][0]["context"] == "S."
    assert metrics["errors"]["false_positives"][0]["near"] == "duplicate"
    wrong_type = evaluate([doc(), evt("financing", 0, 5)], [doc(), evt("investment", 0, 5)])["event"]["errors"]
    assert wrong_type["false_negatives"][0]["near"] == "type: investment"


@pytest.mark.parametrize(
    ("gold_event", "pred_event", "matched"),
    [
        (evt("financing", 0, 5), evt("financing", 3, 9), True),  # trigger overlap
        (evt("financing", 0, 5, mentions=[{"start": 0, "end": 5}, {"start": 50, "end": 55}]),
         evt("financing", 52, 60), True),  # a merged mention overlaps
        (evt("financing", 0, 5, evidence="A  loan."), evt("financing", 20, 25, evidence="a loan."), True),
        (evt("financing", 0, 5, evidence="A loan."), evt("financing", 20, 25, evidence="Other."), False),
        (evt("financing", 0, 5, evidence="Tronox gets a loan for the refinery."),
         evt("financing", 20, 25, evidence="Funding. Tronox gets a loan for the refinery."), True),  # containment
        (evt("financing", 0, 5, evidence="A loan."), evt("financing", 20, 25, evidence="A loan. More."), False),
        (evt("financing", 0, 5, evidence=""), evt("financing", 20, 25, evidence=""), True),  # same sentence index
        (evt("financing", 0, 5), evt("investment", 0, 5), False),  # type differs
    ],
)
def test_event_matching_rules(gold_event, pred_event, matched):
    assert evaluate([doc(), gold_event], [doc(), pred_event])["event"]["lenient"]["tp"] == int(matched)


def test_agentless_events_match_only_agentless():
    metrics = evaluate([doc(), evt("financing", 0, 5)], [doc(), evt("financing", 0, 5)])
    assert metrics["event"]["type_agent"]["tp"] == 1
    with_agent = evt("financing", 0, 5, arguments=[{"role": "agent", "text": "EXIM", "ref": None}])
    assert evaluate([doc(), evt("financing", 0, 5)], [doc(), with_agent])["event"]["type_agent"]["tp"] == 0


@pytest.mark.parametrize(("raw", "name"), [("The U.S.", "u.s"), ("Tronox's", "tronox"), ("  EXIM  Bank ", "exim bank"),
                                            ("Lynas’", "lynas")])
def test_normalise_name(raw, name):
    assert normalise_name(raw) == name


def test_context_from_event_evidence_without_text():
    gold = [doc(), ent(0, 5, text="Lynas"), evt("financing", 6, 12, evidence="Lynas raised A$750 million."),
            ent(900, 905, text="Lynas")]
    errors = evaluate(gold, [doc()])["entity"]["errors"]["false_negatives"]
    assert [e["context"] for e in errors] == ["Lynas raised A$750 million.", ""]  # the second is out of reach


def test_context_from_article_text():
    text = "Vietnam banned ore. Lynas signed a deal in 2026. More."
    metrics = evaluate([doc()], [doc(), ent(20, 25, text="Lynas")], texts={"d1": text})
    assert metrics["entity"]["errors"]["false_positives"][0]["context"] == "Lynas signed a deal in 2026."
    assert sentence_at(text, 0, 7) == "Vietnam banned ore."


@pytest.fixture()
def gold_and_pred(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "a.jsonl").write_text("\n".join(json.dumps(r) for r in [doc("a"), ent(0, 10, doc_id="a")]) + "\n")
    (gold_dir / "b.jsonl").write_text(json.dumps(doc("b")) + "\n\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(r) for r in [doc("a"), ent(0, 5, doc_id="a"), doc("b")]) + "\n")
    return gold_dir, pred


def test_load_records_reads_folders(gold_and_pred, tmp_path):
    gold_dir, _ = gold_and_pred
    assert [r["doc_id"] for r in load_records(gold_dir)] == ["a", "a", "b"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "entity"}\n')
    with pytest.raises(UsageError, match="doc_id"):
        load_records(bad)
