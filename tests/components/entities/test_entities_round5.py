"""Issue 13, entities round 5: a person glued to the organisation a title names ("<title> of <organisation>
<name>"), ... Sentences invented for these tests."""

from __future__ import annotations

from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.names import trailing_person


def _span(doc, text, label="ORG"):
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 9, len(doc)) + 1):
            if doc[start:end].text == text:
                return Span(doc, start, end, label=label)
    raise AssertionError(text)


def test_person_after_a_titled_organisation_is_split_off(nlp, tables):
    doc = make_block_doc(nlp, "Officials met the Chairman of Korvane Copper Mining Jin Haolan in Almaty on Monday.")
    split = trailing_person(_span(doc, "Korvane Copper Mining Jin Haolan"), tables)
    assert split is not None
    assert [(part.text, part.label_) for part in split] == [("Korvane Copper Mining", "ORG"), ("Jin Haolan", "PERSON")]


def test_organisation_without_a_title_or_with_a_place_stays_whole(nlp, tables):
    untitled = make_block_doc(nlp, "Shares of Korvane Copper Mining Jin Haolan rose.")
    assert trailing_person(_span(untitled, "Korvane Copper Mining Jin Haolan"), tables) is None
    placed = make_block_doc(nlp, "She is the head of Korvane Mining Western Australia.")
    assert trailing_person(_span(placed, "Korvane Mining Western Australia"), tables) is None


def test_pipeline_gives_the_organisation_and_the_person(nlp):
    doc = make_block_doc(nlp, "Talks were held with the chairman of Shandong Nonferrous Metal Mining Wang Jun, officials said.")
    found = ents(doc)
    assert ("Shandong Nonferrous Metal Mining", "ORG") in found
    assert ("Wang Jun", "PERSON") in found
