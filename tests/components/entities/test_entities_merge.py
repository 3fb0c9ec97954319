"""The merge policy of rule and model spans (``merge.py``), on ``spacy.blank`` and through the pipeline. Sentences
invented for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.merge import merge_entities

ACTIVITIES = frozenset({"Exploration", "Mining", "Engineering", "Construction"})


def test_a_model_company_going_on_with_and_and_an_activity_word_stays_whole():
    doc = spacy.blank("en")("The buyer is Norvel Exploration and Mining, a unit of another miner.")
    rule = Span(doc, 3, 5, label="ORG")  # "Norvel Exploration"
    model = Span(doc, 3, 7, label="ORG")  # "Norvel Exploration and Mining"
    merged = merge_entities([rule], [model], activities=ACTIVITIES)
    assert [(span.text, span.label_) for span in merged] == [("Norvel Exploration and Mining", "ORG")]


def test_and_before_a_word_that_is_no_activity_still_ends_the_company():
    doc = spacy.blank("en")("The buyer is Norvel Exploration and Partners, a unit of another miner.")
    rule = Span(doc, 3, 5, label="ORG")
    model = Span(doc, 3, 7, label="ORG")
    merged = merge_entities([rule], [model], activities=ACTIVITIES)
    assert [span.text for span in merged] == ["Norvel Exploration"]


def test_model_person_closed_by_a_place_keeps_the_place_as_family_name():
    doc = spacy.blank("en")("Bars will be sold, according to Anton Berlin, head of analysis.")
    rule = Span(doc, 8, 9, label="GPE")  # "Berlin"
    model = Span(doc, 7, 9, label="PERSON")  # "Anton Berlin"
    assert [(span.text, span.label_) for span in merge_entities([rule], [model])] == [("Anton Berlin", "PERSON")]


def test_model_organisation_around_a_place_still_loses_to_it_when_not_a_container():
    doc = spacy.blank("en")("Officials met in Berlin Central on Monday.")
    rule = Span(doc, 3, 4, label="GPE")  # "Berlin"
    model = Span(doc, 3, 5, label="PERSON")  # "Berlin Central": the place opens it, no family name
    assert [(span.text, span.label_) for span in merge_entities([rule], [model])] == [("Berlin", "GPE")]


def test_model_name_across_a_dateline_dash_loses_to_the_place():
    doc = spacy.blank("en")("QUITO - Farmers closed the road to the mine on Tuesday.")
    rule = Span(doc, 0, 1, label="GPE")  # "QUITO"
    model = Span(doc, 0, 3, label="ORG")  # "QUITO - Farmers"
    assert [(span.text, span.label_) for span in merge_entities([rule], [model])] == [("QUITO", "GPE")]


def test_model_name_holding_a_place_without_a_dash_stays_whole():
    doc = spacy.blank("en")("Loans from Export Finance Norway rose.")
    rule = Span(doc, 4, 5, label="GPE")  # "Norway"
    model = Span(doc, 2, 5, label="ORG")
    assert [(span.text, span.label_) for span in merge_entities([rule], [model])] == [("Export Finance Norway", "ORG")]


def test_model_company_going_on_after_the_rules_cut_keeps_its_last_word():
    doc = spacy.blank("en")("Bids came from Tarvex Mining Private and two state firms.")
    rule = Span(doc, 3, 5, label="ORG")  # "Tarvex Mining": the rule stops at its body word
    model = Span(doc, 3, 6, label="ORG")  # "Tarvex Mining Private"
    assert [span.text for span in merge_entities([rule], [model])] == ["Tarvex Mining Private"]


def test_title_after_a_company_cut_short_is_no_part_of_its_name():
    doc = spacy.blank("en")("Talks with Norvik Mining Chief Executive Ana Silva stalled.")
    rule = Span(doc, 2, 4, label="ORG")
    model = Span(doc, 2, 6, label="ORG")  # "Norvik Mining Chief Executive"
    merged = merge_entities([rule], [model], not_name_tails=frozenset({"chief", "executive"}))
    assert [span.text for span in merged] == ["Norvik Mining"]


def test_listing_label_after_an_exchange_is_no_part_of_its_name(nlp):
    doc = spacy.blank("en")("JSE Share code : HGL")
    rule, model = Span(doc, 0, 1, label="ORG"), Span(doc, 0, 2, label="ORG")  # the exchange; the model's "JSE Share"
    tails = nlp.get_pipe("orewire_entities").not_name_tails
    assert [span.text for span in merge_entities([rule], [model], not_name_tails=tails)] == ["JSE"]


@pytest.mark.parametrize(("text", "name"), [
    ("The open pit is run by Compañía Minera Valdorra, in which two majors hold stakes.", "Compañía Minera Valdorra"),
    ("Winning bidders included Korvan Steel, Tarvex Mining Private and two state firms.", "Tarvex Mining Private"),
    ("The start-up will work with the Westland Minerals Cooperative Research Centre on new methods.",
     "Westland Minerals Cooperative Research Centre"),
])
def test_organisation_name_the_rules_cut_short_ends_where_the_model_ends_it(nlp, text, name):
    assert (name, "ORG") in ents(make_block_doc(nlp, text))


def test_title_after_a_company_name_is_not_taken_into_it(nlp):
    found = ents(make_block_doc(nlp, "Talks with Norvik Mining Chief Executive Ana Silva stalled on Monday."))
    assert ("Norvik Mining", "ORG") in found


def test_headline_word_after_a_known_name_does_not_swallow_it(nlp):
    found = ents(make_block_doc(nlp, "Tarvex Mining Private Wins $245 Million Pentagon Contract", zone="heading"))
    assert ("Pentagon", "ORG") in found
