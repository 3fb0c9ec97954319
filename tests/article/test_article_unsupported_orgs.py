"""ORG groups no mention of which has support (``pipeline.article.unsupported_orgs``): a group is dropped only when
the entity stage marked every one of its mentions and no event takes one as an argument; GPE groups of uncued model
places the same way. Names invented for these tests."""

from __future__ import annotations

import spacy
from spacy.tokens import Span
from support import entity_record

from pipeline.article.unsupported_orgs import marked_ids, without_uncued_places, without_unsupported_orgs
from pipeline.schema.labels import UNSUPPORTED_MODEL_GROUP
from pipeline.schema.records import span_record_id

TEXT = "Kessa standards apply. Brennick rules on Kessa standards. Brennick Mining grew."


class _Event:
    """The part of an event record the filter reads."""

    def __init__(self, *refs: str) -> None:
        self.arguments = [type("Argument", (), {"ref": ref})() for ref in refs]


def records() -> list:
    first, second = TEXT.index("Kessa"), TEXT.rindex("Kessa")
    brennick = TEXT.index("Brennick")
    return [entity_record("Kessa", first), entity_record("Kessa", second), entity_record("Brennick", brennick)]


def test_a_group_marked_in_every_mention_is_dropped():
    found = records()
    kept = without_unsupported_orgs(found, {found[0].id, found[1].id, found[2].id}, [])
    assert kept == []
    assert without_unsupported_orgs(found, {found[0].id, found[1].id}, []) == [found[2]]


def test_one_supported_mention_keeps_the_group():
    found = records()
    assert without_unsupported_orgs(found, {found[0].id}, []) == found


def test_a_mention_linking_relabelled_is_not_judged_here():
    place = entity_record("Kessa", TEXT.index("Kessa"), label="GPE")
    assert without_unsupported_orgs([place], {place.id}, []) == [place]


def test_an_event_argument_keeps_the_group():
    found = records()
    assert without_unsupported_orgs(found, {found[2].id}, [_Event(found[2].id)]) == found


def test_marked_ids_are_the_records_ids_in_article_offsets():
    doc = spacy.blank("en").make_doc("Brennick rules on Kessa standards.")
    doc._.orewire_block = {"offset": 23, "zone": "body", "section": None, "reference": None, "doc_id": "d"}
    doc.spans[UNSUPPORTED_MODEL_GROUP] = [Span(doc, 3, 4, label="ORG")]
    assert marked_ids([doc]) == {span_record_id("d", "entity", 23 + 18, 23 + 23)}
    assert marked_ids([spacy.blank("en").make_doc("No names here.")]) == set()


def _org_names(extractor, text: str) -> list[str]:
    return [record.text for record in extractor.extract(text) if record.type == "entity" and record.label == "ORG"]


def test_a_body_the_model_reads_only_as_a_modifier_is_no_entity(extractor):
    assert _org_names(extractor, "Talvik Metals said the new plant would be built to meet SEC standards by next year.") \
        == ["Talvik Metals"]
    assert _org_names(extractor, "The budget for the cobalt refinery will receive Cabinet approval next month.") == []


def test_the_same_body_as_a_party_in_its_clause_is_kept(extractor):
    assert _org_names(extractor, "Nordvik Resources said the Cabinet approved its lithium permit on Monday.") \
        == ["Nordvik Resources", "Cabinet"]
    assert _org_names(extractor, "The plan follows SEC rules. The SEC approved it.") == ["SEC", "SEC"]


def test_uncued_place_groups_go_only_when_every_mention_is_marked_and_still_a_place():
    text = "Halvorsen said it would buy ore; Halvorsen and Quenby signed."
    found = [entity_record("Halvorsen", 0, label="GPE"), entity_record("Halvorsen", text.index("Halvorsen", 5), label="GPE"),
             entity_record("Quenby", text.index("Quenby"), label="FACILITY")]
    assert without_uncued_places(found, {found[0].id, found[1].id, found[2].id}, []) == [found[2]]
    assert without_uncued_places(found, {found[0].id, found[2].id}, []) == found
