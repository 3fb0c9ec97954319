"""The ``orewire_events`` component: addable by name, serialisable, and its zone handling."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from events_helpers import events_of
from support import make_block_doc

from pipeline.components.events import EventsComponent
from pipeline.components.events.selection import confidence
from pipeline.resources.events import TriggerRule

BAN = "Indonesia banned exports of nickel ore."


@pytest.fixture
def blank_events():
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_events")
    return nlp


def triggers(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(e["event_type"], doc.text[slice(*e["trigger"])]) for e in doc._.orewire_events]


def test_a_fresh_process_adds_the_stage_by_name():
    code = ("import spacy; nlp = spacy.blank('en'); nlp.add_pipe('orewire_events'); "
            f"print([e['event_type'] for e in nlp({BAN!r})._.orewire_events])")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "['export_restriction']"


def test_blank_pipeline_finds_events_without_a_model(blank_events):
    assert isinstance(blank_events.get_pipe("orewire_events"), EventsComponent)
    assert triggers(blank_events, BAN) == [("export_restriction", "banned")]


def test_round_trip_through_disk_keeps_annotations_and_data_files(blank_events, tmp_path):
    blank_events.to_disk(tmp_path)
    saved = tmp_path / "orewire_events" / "models" / "events"
    assert sorted(path.name for path in saved.iterdir()) == ["cues.json", "trigger_buckets.json", "triggers.jsonl",
                                                                 "words.json"]
    loaded = spacy.load(tmp_path)
    assert loaded.pipe_names == ["orewire_events"]
    assert triggers(loaded, BAN) == triggers(blank_events, BAN)
    assert loaded.get_pipe("orewire_events").files == {
        "triggers_file": "events/triggers.jsonl", "cues_file": "events/cues.json", "words_file": "events/words.json"}


def test_a_loaded_pipeline_uses_its_saved_rules_not_the_packaged_ones(blank_events, tmp_path):
    blank_events.to_disk(tmp_path)
    rules_path = tmp_path / "orewire_events" / "models" / "events" / "triggers.jsonl"
    kept = [line for line in rules_path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("{") or TriggerRule.model_validate(json.loads(line)).event_type != "export_restriction"]
    rules_path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert triggers(spacy.load(tmp_path), BAN) == []


def test_config_names_the_data_files(tmp_path):
    nlp = spacy.blank("en")
    with pytest.raises(Exception, match="missing resource"):
        nlp.add_pipe("orewire_events", config={"words_file": "events/no_such_file.json"})


def test_no_events_in_boilerplate_or_dateline(nlp):
    assert events_of(nlp, "Indonesia banned exports of nickel ore.", zone="boilerplate") == []
    assert events_of(nlp, "Dec 12, 2025 16:05", zone="dateline") == []


def test_zone_may_be_unknown(nlp):
    doc = nlp.make_doc("Indonesia banned exports of nickel ore.")
    doc._.orewire_block = None
    doc = nlp(doc)
    assert [e["event_type"] for e in doc._.orewire_events] == ["export_restriction"]


def test_confidence_is_a_probability(nlp):
    doc = make_block_doc(nlp, "Glencore signed an offtake agreement with Tesla. Cobalt Prices Climb")
    assert doc._.orewire_events
    assert all(0.0 <= e["confidence"] <= 1.0 for e in doc._.orewire_events)


def _rule(strength: str, *, title_only: bool = False) -> TriggerRule:
    return TriggerRule(id="r", event_type="financing", pattern=[{"lemma": ["loan"]}], strength=strength,
                       title_only=title_only)


@pytest.mark.parametrize(
    ("rule", "roles", "modality", "has_agent", "expected"),
    [
        (_rule("strong"), [], "actual", False, 0.78),
        (_rule("strong"), ["amount"], "actual", True, 0.94),
        (_rule("strong"), ["location"], "actual", True, 0.88),
        (_rule("weak", title_only=True), [], "possible", False, 0.47),
    ],
)
def test_confidence_scores_agent_details_and_doubt(rule, roles, modality, has_agent, expected):
    arguments = [{"role": role, "start": 0, "end": 1} for role in roles]
    assert confidence(rule, arguments, modality, has_agent=has_agent) == expected


def test_a_definite_supply_trigger_is_held_as_a_back_reference(nlp):
    definite = make_block_doc(nlp, "Kestrel Metals said the supply contract signed with Norland Power covers 5,000 "
                                   "tonnes of lithium a year.")
    assert [(e["event_type"], definite.text[slice(*e["trigger"])], e.get("back_reference"))
            for e in definite._.orewire_events] == [("supply_agreement", "contract", True)]
    # the twin asks for no supply word nearby: those words belong to the deal's first telling
    bare = make_block_doc(nlp, "Kestrel Metals said the contract with Norland Power runs until 2030.")
    assert [(e["event_type"], e.get("back_reference")) for e in bare._.orewire_events
            if e["event_type"] == "supply_agreement"] == [("supply_agreement", True)]
    # "the terms of the contract": the contract is the matter spoken of, not the news
    spoken_of = make_block_doc(nlp, "Kestrel Metals disclosed the terms of the contract with Norland Power.")
    assert not any(e.get("back_reference") for e in spoken_of._.orewire_events)
    indefinite = make_block_doc(nlp, "Kestrel Metals signed a lithium supply agreement with Norland Power in March.")
    assert [(e["event_type"], e.get("back_reference", False)) for e in indefinite._.orewire_events] == [
        ("supply_agreement", False)]
