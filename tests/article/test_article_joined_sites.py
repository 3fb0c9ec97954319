"""ORG groups joined to a facility's name become sites (``pipeline.article.joined_sites``). Sentences invented for
these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.joined_sites import joined_site_labels
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
