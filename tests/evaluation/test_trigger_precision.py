"""The trigger bucket table (benchmarks/trigger_precision.py): the scorer's labels per record, the rule the stage
recorded, the counts per bucket and the F1/2 decisions, on records and numbers of our own."""

from __future__ import annotations

import spacy
from support import load_script

from pipeline.evaluation.facts import parse_gold_line
from pipeline.schema import extensions  # noqa: F401  (registers the Doc extensions the recorder reads)
from pipeline.schema.annotations import ArgumentInfo, EventInfo
from pipeline.schema.records import Argument, EntityRecord, EventRecord, Mention, Trigger

table = load_script("trigger_precision")


def marlin() -> EntityRecord:
    return EntityRecord(id="d#entity:0-13", doc_id="d", text="Marlin Metals", label="ORG", normalized="Marlin Metals",
                        start=0, end=13, sentence=1, section=None, zone="body", kb_id=None)


def loan(start: int) -> EventRecord:
    return EventRecord(id=f"d#event:{start}-{start + 4}:financing", doc_id="d", event_type="financing",
                       trigger=Trigger(text="Loan", start=start, end=start + 4), evidence="Marlin Metals took a loan.",
                       sentence=1, section=None, zone="body",
                       arguments=[Argument(role="agent", text="Marlin Metals", ref="d#entity:0-13")],
                       modality="actual", confidence=0.5, mentions=[Mention(start=start, end=start + 4)])


def item(doc_id: str, roles: set[str], right: bool, matched: bool, *, rule: str = "invest.verb") -> object:
    return table.Labelled(doc_id, "investment", table.Origin(rule, "investment", frozenset(roles)), right, matched)


def test_records_take_the_scorers_labels_and_the_rule_the_stage_recorded() -> None:
    gold = [parse_gold_line({"kind": "event", "event_type": "financing", "agents": ["Marlin Metals"]})]
    records = [record.model_dump(mode="json") for record in (marlin(), loan(20), loan(90))]
    origins = {"d#event:20-24:financing": table.Origin("finance.strong", "loan", frozenset({"agent"}))}
    items = table.labelled_records("d", gold, records, origins)
    assert [(i.origin.rule, i.origin.lemma, i.type_right, i.matched) for i in items] == [
        ("finance.strong", "loan", True, True), (table.DERIVED, "loan", True, False)]
    (bucket,) = table.buckets(items, by="lemma").values()
    assert bucket.row() == {"records": 2, "articles": 1, "type_right": 2, "matched": 1, "anchored": 1,
                            "anchored_right": 1}


def test_the_recorder_keys_each_event_by_its_record_id_in_article_offsets() -> None:
    doc = spacy.blank("en")("Halvard made an investment")
    doc._.orewire_block = {"offset": 100, "zone": "body", "section": None, "reference": None, "doc_id": "d"}
    doc._.orewire_events = [EventInfo(event_type="investment", trigger=[15, 25], modality="actual", confidence=0.5,
                                      arguments=[ArgumentInfo(role="agent", start=0, end=7)], rule="invest.verb")]
    recorder = table.TriggerRecorder()
    recorder(doc)
    origin = recorder.origins["d#event:115-125:investment"]
    assert (origin.rule, origin.roles) == ("invest.verb", frozenset({"agent"}))


def test_a_low_bucket_is_narrowed_to_its_anchored_records_when_they_clear_the_bars() -> None:
    bars = table.Thresholds(type_right=0.4, matched=0.3)
    items = [item("a", {"agent", "amount"}, True, True), item("b", {"amount"}, True, True),
             *(item(name, {"agent"}, False, False) for name in ("a", "b", "c", "c"))]
    (entry,) = table.decisions(items, bars)
    assert entry["require_roles"] == ["amount", "quantity", "price"]
    assert entry["evidence"] == {"records": 6, "articles": 3, "type_right": 2, "matched": 2, "kept": 2,
                                 "kept_type_right": 2}


def test_a_bucket_with_no_anchor_that_clears_the_bars_is_dropped_and_thin_evidence_is_left_alone() -> None:
    bars = table.Thresholds(type_right=0.4, matched=0.3)
    wrong = [item(name, {"agent"}, False, False) for name in ("a", "b", "c", "c", "c")]
    assert [entry.get("drop") for entry in table.decisions(wrong, bars)] == [True]
    assert table.decisions(wrong[:4], bars) == []  # four records: below the evidence asked
    assert table.decisions([item(name, {"agent"}, False, False, rule=table.DERIVED) for name in "abcde"], bars) == []
    right = [item(name, {"agent"}, True, True) for name in ("a", "b", "c", "c", "c")]
    assert table.decisions(right, bars) == []
