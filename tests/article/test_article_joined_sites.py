"""ORG groups joined to a facility's name become sites (``pipeline.article.joined_sites``). Sentences invented for
these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.joined_sites import conjoined_sites, joined_site_labels
from pipeline.schema.records import Argument, EventRecord

TEXT = "Berra raised output. Costs at Aldo and Berra fell, and the Aldo mine grew. Corvo paid."


def _records() -> list:
    return [entity_record("Berra", 0), entity_record("Aldo", TEXT.index("Aldo and"), label="FACILITY"),
            entity_record("Berra", TEXT.index("Berra fell")), entity_record("Aldo", TEXT.rindex("Aldo"), label="FACILITY"),
            entity_record("Corvo", TEXT.index("Corvo"))]


def test_name_joined_to_a_site_is_a_site_in_every_mention():
    labels = [record.label for record in joined_site_labels(_records(), TEXT, [])]
    assert labels == ["FACILITY", "FACILITY", "FACILITY", "FACILITY", "ORG"]


def test_name_an_event_takes_as_a_party_keeps_its_reading():
    records = _records()
    event = EventRecord.model_construct(arguments=[Argument.model_construct(role="agent", text="Berra",
                                                                                 ref=records[0].id)])
    assert [record.label for record in joined_site_labels(records, TEXT, [event])] == [
        "ORG", "FACILITY", "ORG", "FACILITY", "ORG"]


def test_names_joined_to_a_site_by_a_lone_joiner():
    text = "Costs at Aldo and Berra fell. Aldo, with Corvo, grew; Esker and Delta rose. Aldo and Aldo Ore. Fenn & Aldo."
    records = [entity_record("Aldo", text.index("Aldo and B"), label="FACILITY"),
               entity_record("Berra", text.index("Berra")),
               entity_record("Aldo", text.index("Aldo, with"), label="FACILITY"),
               entity_record("Corvo", text.index("Corvo")),  # "with" joins no list
               entity_record("Esker", text.index("Esker"), label="GPE"),  # a place, no site
               entity_record("Delta", text.index("Delta rose")),
               entity_record("Aldo", text.index("Aldo and Aldo"), label="FACILITY"),
               entity_record("Aldo Ore", text.index("Aldo Ore")),  # one name written twice
               entity_record("Fenn", text.index("Fenn"), kb_id="Q1"),  # a listed name is never read so
               entity_record("Aldo", text.rindex("Aldo"), label="FACILITY")]
    assert conjoined_sites(records, text) == {"Berra"}
