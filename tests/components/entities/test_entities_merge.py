"""The merge policy of rule and model spans (``merge.py``), on ``spacy.blank``. Sentences invented for these tests."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

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
