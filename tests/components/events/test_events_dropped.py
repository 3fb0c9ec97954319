"""The event stage's side channel of removed hits (``pipeline.components.events.dropped``): each hit a rule matched
and a check removed is noted with that check's name, and the events stay what they were. Sentences are our own."""

from __future__ import annotations

from support import make_block_doc

from pipeline.components.events.dropped import DROPPED_KEY, dropped_hits


def steps(nlp, text: str) -> set[tuple[str, str, str]]:
    doc = make_block_doc(nlp, text)
    return {(hit["event_type"], doc.text[hit["start"]:hit["end"]], hit["step"]) for hit in dropped_hits(doc)}


def test_a_condition_removes_the_offtake_and_the_channel_names_the_check(nlp) -> None:
    text = "If Marlin Metals signs the offtake agreement, it will ship lithium to Ostra Cells."
    assert ("supply_agreement", "offtake", "conditional") in steps(nlp, text)
    assert not make_block_doc(nlp, text)._.orewire_events


def test_a_rule_key_that_rejects_a_hit_is_its_step(nlp) -> None:
    # "exploring" a deal is weighing it (``explore.verb`` ``object_none``); the takeover itself is reported
    doc = make_block_doc(nlp, "Marlin Metals is exploring the acquisition of the neighbouring tenements.")
    assert {(hit["rule"], hit["step"]) for hit in dropped_hits(doc)} >= {("explore.verb", "object_none")}
    assert [event["event_type"] for event in doc._.orewire_events] == ["merger_acquisition"]


def test_an_accepted_trigger_leaves_no_note(nlp) -> None:
    doc = make_block_doc(nlp, "Marlin Metals agreed to acquire Kestrel Resources for US$40 million.")
    assert not any(hit["event_type"] == "merger_acquisition" for hit in doc.user_data.get(DROPPED_KEY, []))


def test_a_hit_left_out_for_another_of_its_clause_carries_both_agents_and_figures(nlp) -> None:
    # "acquire" and "takeover" tell one acquisition in one clause: one is chosen, the other noted with both sides
    doc = make_block_doc(nlp, "Marlin Metals agreed to acquire Kestrel Resources in a US$40 million takeover.")
    folded = [hit for hit in dropped_hits(doc) if hit["step"] == "same_clause"]
    assert folded, "the second trigger of the clause is noted"
    hit = folded[0]
    assert hit["event_type"] == "merger_acquisition"
    assert hit["kept_agent"] == "marlin metals"
    assert set(hit) >= {"agent", "details", "kept_details"}
