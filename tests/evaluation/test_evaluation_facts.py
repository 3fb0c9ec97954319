"""Offset-free scoring (pipeline.evaluation.facts), and a second annotation scored as records."""

from __future__ import annotations

from pipeline.evaluation.facts import (
    FactReport,
    entity_group_labels,
    event_record_labels,
    gold_as_records,
    parse_gold_line,
    score_document,
)

GOLD = [parse_gold_line(line) for line in (
    {"kind": "entity", "label": "ORG", "name": "Marlin Metals Ltd", "aliases": ["Marlin"]},
    {"kind": "entity", "label": "GPE", "name": "Chile", "kb_id": "CL"},
    {"kind": "quantity", "text": "US$40 million", "quantity_type": "money", "unit": "USD", "value": 40e6},
    {"kind": "date", "text": "next March", "timex": "2027-03"},
    {"kind": "event", "event_type": "financing", "agents": ["Nordbank", "Nordbank Export Credit"]},
    {"kind": "event", "event_type": "price_movement", "agents": []},
)]


def f1s(gold, second) -> dict[str, float | None]:
    tallies = score_document("x", gold, gold_as_records(second))
    return {measure: tally.scores()["f1"] for measure, tally in tallies.items()}


def test_an_annotation_agrees_fully_with_itself() -> None:
    assert set(f1s(GOLD, GOLD).values()) == {1.0}


def test_an_alias_of_either_side_is_enough_for_an_entity() -> None:
    second = [parse_gold_line({"kind": "entity", "label": "ORG", "name": "Marlin", "aliases": []}), *GOLD[1:]]
    assert f1s(GOLD, second)["entity"] == 1.0
    relabelled = [parse_gold_line({"kind": "entity", "label": "PERSON", "name": "Marlin Metals Ltd"}), *GOLD[1:]]
    assert f1s(GOLD, relabelled)["entity"] == 0.5


def test_values_and_agents_must_agree() -> None:
    second = [*GOLD[:2],
              parse_gold_line({"kind": "quantity", "text": "US$40 million", "quantity_type": "money", "unit": "USD",
                               "value": 4e6}),
              parse_gold_line({"kind": "date", "text": "next March", "timex": "2026-03"}),
              parse_gold_line({"kind": "event", "event_type": "financing", "agents": ["Nordbank Export Credit"]}),
              parse_gold_line({"kind": "event", "event_type": "price_movement", "agents": ["Chile"]})]
    scores = f1s(GOLD, second)
    assert scores["quantity"] == 0.0 and scores["date"] == 0.0
    assert scores["event"] == 0.5, "a shared acceptable name matches; an agent against none does not"
    assert scores["event_type"] == 1.0


def test_a_report_sums_documents() -> None:
    report = FactReport()
    report.add_document("a", GOLD, gold_as_records(GOLD))
    report.add_document("b", GOLD, [])
    assert report.tallies["entity"].scores()["recall"] == 0.5
    assert report.summary()["events_without_agent"] == 0.5


def test_an_agent_named_by_any_surface_of_its_gold_entity_matches() -> None:
    gold = [parse_gold_line({"kind": "entity", "label": "ORG", "name": "Marlin Metals Ltd", "aliases": ["Marlin", "MML"]}),
            parse_gold_line({"kind": "event", "event_type": "supply_agreement", "agents": ["Marlin Metals Ltd"]})]
    short = [parse_gold_line({"kind": "event", "event_type": "supply_agreement", "agents": ["MML"]})]
    other = [parse_gold_line({"kind": "event", "event_type": "supply_agreement", "agents": ["Kestrel"]})]
    assert f1s(gold, short)["event"] == 1.0
    assert f1s(gold, other)["event"] == 0.0


def test_a_relabelled_entity_misses_label_strict_but_matches_without_the_label() -> None:
    relabelled = [parse_gold_line({"kind": "entity", "label": "FACILITY", "name": "Marlin Metals Ltd"}), *GOLD[1:]]
    tallies = score_document("x", GOLD, gold_as_records(relabelled))
    assert tallies["entity"].scores()["f1"] == 0.5
    assert tallies["entity_any_label"].scores()["f1"] == 1.0


def test_scores_per_class_count_a_miss_under_gold_and_a_false_alarm_under_prediction() -> None:
    relabelled = [parse_gold_line({"kind": "entity", "label": "PERSON", "name": "Marlin Metals Ltd"}), *GOLD[1:],
                  parse_gold_line({"kind": "event", "event_type": "financing", "agents": ["Kestrel Bank"]})]
    report = FactReport()
    report.add_document("x", GOLD, gold_as_records(relabelled))
    entity = report.tallies["entity"].class_scores()
    assert (entity["ORG"]["tp"], entity["ORG"]["fn"], entity["ORG"]["fp"]) == (0, 1, 0)
    assert (entity["PERSON"]["tp"], entity["PERSON"]["fp"]) == (0, 1)
    assert entity["GPE"]["f1"] == 1.0
    event = report.summary()["by_class"]["event"]
    assert (event["financing"]["tp"], event["financing"]["fp"]) == (1, 1)
    assert report.summary()["by_class"]["quantity"]["money"]["f1"] == 1.0
    assert "date" not in report.summary()["by_class"], "dates have no class"


def test_event_record_labels_follow_the_event_scores_one_to_one_matching() -> None:
    entity = {"type": "entity", "id": "e1", "label": "ORG", "normalized": "Nordbank", "text": "Nordbank"}

    def event(event_type: str, agent: str | None) -> dict[str, object]:
        arguments = [{"role": "agent", "text": agent, "ref": "e1"}] if agent else []
        return {"type": "event", "event_type": event_type, "arguments": arguments}

    records = [entity, event("financing", "Nordbank"), event("financing", "Nordbank"), event("regulation", None),
               event("price_movement", None)]
    labels = event_record_labels(GOLD, records)
    assert labels == [(True, True), (True, False), (False, False), (True, True)], (
        "the second financing by one lender is a duplicate: right type, unmatched; a regulation the gold lacks is neither")
    tallies = score_document("x", GOLD, records)
    assert tallies["event"].tp == sum(matched for _, matched in labels)
    assert tallies["event"].fp == sum(not matched for _, matched in labels)


def test_entity_group_labels_follow_the_label_strict_entity_matching() -> None:
    def entity(label: str, normalized: str, text: str) -> dict[str, object]:
        return {"type": "entity", "id": f"{label}:{text}", "label": label, "normalized": normalized, "text": text}

    records = [entity("ORG", "Marlin Metals Ltd", "Marlin Metals"), entity("ORG", "Marlin Metals Ltd", "Marlin"),
               entity("PERSON", "Chile", "Chile"), entity("ORG", "Quarry Weekly", "Quarry Weekly"),
               {"type": "date", "timex": "2027-03"}]
    labels = entity_group_labels(GOLD, records)
    assert labels == [("ORG", "Marlin Metals Ltd", True), ("PERSON", "Chile", False), ("ORG", "Quarry Weekly", False)], (
        "one group per (label, normalized); a name of the gold under another label is not matched")
    tallies = score_document("x", GOLD, records)
    assert tallies["entity"].tp == sum(matched for _, _, matched in labels)
    assert tallies["entity"].fp == sum(not matched for _, _, matched in labels)
