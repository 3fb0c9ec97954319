"""The learned entity-group filter's measurement script (benchmarks/train_entity_filter.py): features, units and
the filtering of records, on records and sentences of our own."""

from __future__ import annotations

from typing import Any

from support import load_script

from pipeline.resources.entities import load_entity_tables
from pipeline.resources.files import ResourceReader

trainer = load_script("train_entity_filter")

TEXT = "Chief executive Dana Voss said Marlin Metals Ltd will expand operations.\nOperations Update\n"


def entity(label: str, text: str, zone: str = "body") -> dict[str, Any]:
    start = TEXT.index(text)
    return {"type": "entity", "id": f"d#{start}", "label": label, "normalized": text, "text": text, "start": start,
            "end": start + len(text), "sentence": 0, "zone": zone, "kb_id": None}


def features(label: str, text: str, zone: str = "body", agents: frozenset[str] = frozenset()) -> dict[str, float]:
    members = [entity(label, text, zone)]
    tables = load_entity_tables(ResourceReader())
    return trainer.group_features(label, members, TEXT, members, {"agent": set(agents)}, tables)


def test_a_person_after_a_title_and_a_company_with_a_suffix_get_their_signs() -> None:
    person = features("PERSON", "Dana Voss")
    company = features("ORG", "Marlin Metals Ltd", agents=frozenset({f"d#{TEXT.index('Marlin')}"}))
    assert person["title_before"] == 1.0 and person["common_words"] == 0.0
    assert company["org_word"] == 1.0 and company["agent"] == 1.0 and company["tokens"] == 3.0


def test_a_heading_word_the_article_also_writes_lowercase_is_a_common_phrase() -> None:
    heading = features("ORG", "Operations Update", zone="heading")
    assert heading["common_words"] == 0.0, "'update' is not written lowercase in the text"
    single = features("ORG", "Operations", zone="heading")
    assert single["common_words"] == 1.0 and single["headline_only"] == 1.0 and single["zone=heading"] == 1.0


def test_dropping_a_group_removes_its_records_and_only_optionally_the_agents_it_fills() -> None:
    marlin = entity("ORG", "Marlin Metals Ltd")
    event = {"type": "event", "id": "d#event", "event_type": "expansion",
             "arguments": [{"role": "agent", "text": "Marlin Metals Ltd", "ref": marlin["id"]}]}
    records = [marlin, entity("PERSON", "Dana Voss"), event]
    kept = trainer.filtered(records, {("ORG", "Marlin Metals Ltd")}, drop_agents=False)
    assert [record["id"] for record in kept] == [records[1]["id"], "d#event"] and kept[1]["arguments"]
    assert trainer.filtered(records, {("ORG", "Marlin Metals Ltd")}, drop_agents=True)[1]["arguments"] == []
