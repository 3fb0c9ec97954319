"""The label a one-word name takes from its other mentions (``pipeline.article.linking_labels``, and through
``link_entities``). Sentences invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import link_entities
from pipeline.article.linking_labels import majority_label


def test_place_reading_of_a_name_mostly_written_as_an_organisation_is_the_organisation():
    text = "Korvano bought ore. Korvano sold ore. Korvano paid. According to Korvano, the deal closed."
    records = [entity_record("Korvano", i) for i in (0, 20, 38)]
    place = entity_record("Korvano", text.rindex("Korvano"), label="GPE")
    assert majority_label(place, [*records, place]) == "ORG"
    assert link_entities([*records, place], text)[3].label == "ORG"


def test_place_reading_stays_when_the_name_is_as_often_a_place_or_listed():
    records = [entity_record("Korvano", 0), entity_record("Korvano", 24, label="GPE"), entity_record("Korvano", 36, label="GPE")]
    assert majority_label(records[1], records) is None
    listed = entity_record("Korvano", 24, label="GPE", kb_id="XX")
    assert majority_label(listed, [records[0], entity_record("Korvano", 36), listed]) is None


def test_place_the_article_calls_a_district_keeps_its_label():
    text = "Leaders from Tasqa district met. The Tasqa Front marched. Tasqa officials and Tasqa said no."
    records = [
        entity_record("Tasqa", text.index("Tasqa district"), label="GPE"),
        entity_record("Tasqa Front", text.index("Tasqa Front")),
        entity_record("Tasqa", text.index("Tasqa officials")),
        entity_record("Tasqa", text.rindex("Tasqa")),
    ]
    assert link_entities(records, text)[0].label == "GPE"
