"""Precision rules of the fourth issue-13 round (``components/entities/names.py``): parts of a news excerpt's
layout that are no entity of their own. Sentences invented for these tests; each rule is checked on the
predicate (it fires where it should and stays quiet beside a real name) and, where the model produces the
stray span, on the whole pipeline."""

from __future__ import annotations

import pytest
from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.headlines import headline_token_indices
from pipeline.components.entities.names import (
    headline_fragment,
    place_of_fragment,
    slash_credit,
    state_after_city,
    ticker,
)
from pipeline.components.entities.view import BlockView, TokenColumns


def span_of(doc, text, label="ORG"):
    """The first token run whose text is ``text``, as a span with ``label``."""
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 8, len(doc)) + 1):
            if doc[start:end].text == text:
                return Span(doc, start, end, label=label)
    raise AssertionError(f"{text!r} not in {doc.text!r}")


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [
        ("HALIFAX, NS, March 2, 2026 /Wire/ - Northcliff Ore Corp. said drilling resumed.", "NS"),
        ("The cathode line sits in Natchez, Miss. and employs 90 people.", "Miss."),
        ("Ore trucks leave Kalgoorlie, WA, every morning.", "WA"),
    ],
)
def test_state_after_city_is_part_of_the_address(nlp, tables, text, abbreviation):
    doc = make_block_doc(nlp, text)
    if abbreviation == "Miss.":  # "Miss." is no ISO 3166-2 subdivision code: the rule leaves it to the model
        assert not state_after_city(span_of(doc, abbreviation), tables)
        return
    assert state_after_city(span_of(doc, abbreviation), tables)
    assert (abbreviation, "ORG") not in ents(doc)


def test_abbreviation_not_after_a_place_is_left_alone(nlp, tables):
    doc = make_block_doc(nlp, "Output rose, BC said, after the furnace restart at Tellen Smelting.")
    assert not state_after_city(span_of(doc, "BC"), tables)


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("Kestrel Lithium Ltd (TSXV: KSL) said the plant is on schedule.", "KSL"),
        ("Orvane Minerals Inc. (NYSE American: ORVM) priced its offering.", "ORVM"),
        ("Dunmore Vanadium Ltd (ASX:DVL) signed a letter of support.", "DVL"),
    ],
)
def test_trading_symbol_is_no_entity(nlp, text, symbol):
    doc = make_block_doc(nlp, text)
    assert ticker(span_of(doc, symbol))
    assert all(symbol not in name for name, _ in ents(doc))


def test_company_in_brackets_without_colon_is_no_ticker(nlp):
    doc = make_block_doc(nlp, "The offtaker (Halden Steel) will take half the output.")
    assert not ticker(span_of(doc, "Halden Steel"))


def _view(doc, zone):
    tokens = TokenColumns(doc)
    return BlockView(doc=doc, text=doc.text, zone=zone, tokens=tokens, headline=headline_token_indices(zone, tokens))


def test_split_headline_word_is_a_fragment(nlp, tables):
    doc = make_block_doc(nlp, "Harlow Carbons' Tessel Graphite and Silica Flats Venture Wins State Approval", zone="title")
    view = _view(doc, "title")
    assert headline_fragment(span_of(doc, "Carbons"), view, tables)
    assert headline_fragment(span_of(doc, "Flats", "FACILITY"), view, tables)


def test_known_place_or_body_word_is_no_fragment(nlp, tables):
    title = make_block_doc(nlp, "Zambia Approves New Copper Levy", zone="title")
    assert not headline_fragment(span_of(title, "Zambia", "GPE"), _view(title, "title"), tables)
    body = make_block_doc(nlp, "Harlow Carbons said the Tessel plant will open in May.")
    assert not headline_fragment(span_of(body, "Carbons"), _view(body, "body"), tables)


def test_country_before_of_opens_no_organisation(nlp, tables):
    doc = make_block_doc(nlp, "It owns graphite assets in Tanzania of Anode grade, the filing said.")
    assert place_of_fragment(span_of(doc, "Tanzania of Anode"), tables)
    assert ("Tanzania of Anode", "ORG") not in ents(doc)
    bank = make_block_doc(nlp, "The loan came from the Bank of Tanzania last week.")
    assert not place_of_fragment(span_of(bank, "Bank of Tanzania"), tables)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Haul trucks at the pit. (AP Photo/Minna Korhal, File)", "Minna Korhal"),
        ("A worker checks cathode sheets. (Tove Ranström/Nordpix)", "Nordpix"),
    ],
)
def test_picture_credit_in_brackets_is_no_entity(nlp, tables, text, name):
    doc = make_block_doc(nlp, text)
    assert slash_credit(span_of(doc, name, "PERSON"), tables)
    assert all(name not in found for found, _ in ents(doc))


def test_bracketed_commodity_pair_is_no_credit(nlp, tables):
    doc = make_block_doc(nlp, "Prices for the oxide (sold per tonne/kg basis by Lemvik Trading) held.")
    assert not slash_credit(span_of(doc, "Lemvik Trading"), tables)
