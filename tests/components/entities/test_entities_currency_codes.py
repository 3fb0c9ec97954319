"""Currency codes beside an amount (``components/entities/currency_codes.py``): an ISO 4217 code before or after a
number is the amount's currency, no entity; one standing alone is left to the other rules. Sentences invented."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.currency_codes import iso_currency_codes, priced_currency
from pipeline.components.entities.view import TokenColumns


def _priced(text: str, word: str) -> bool:
    doc = spacy.blank("en")(text)
    index = next(token.i for token in doc if token.text == word)
    return priced_currency(Span(doc, index, index + 1, label="ORG"), TokenColumns(doc))


@pytest.mark.parametrize(("text", "word"), [
    ("The stock closed at CAD $14.20 on Friday.", "CAD"),
    ("It raised NOK 300 million in the placing.", "NOK"),
    ("Ore sold for 95 EUR a tonne.", "EUR"),
])
def test_code_beside_an_amount_is_a_currency(text, word):
    assert _priced(text, word)


@pytest.mark.parametrize(("text", "word"), [
    ("Engineers used CAD tools to plan the pit.", "CAD"),
    ("The ABC unit said 40 people left.", "ABC"),  # no ISO 4217 code
])
def test_code_alone_or_no_code_is_left_alone(text, word):
    assert not _priced(text, word)


def test_codes_come_from_iso_4217():
    codes = iso_currency_codes()
    assert {"CAD", "USD", "ZAR", "IDR"} <= codes and "ABC" not in codes


def test_pipeline_reads_no_organisation_in_a_price_line(nlp):
    found = ents(make_block_doc(nlp, "The shares traded between CAD $3.10 and CAD $4.45 in the week, against USD 2.9."))
    assert not [name for name, label in found if label == "ORG"]


@pytest.mark.parametrize(("sentence", "place"), [
    ("Building the two mines will cost about 12 billion Namibian dollars over five years.", "Namibian"),
    ("Zinc sales brought in 17 million US dollars a year at the mill.", "US"),
])
def test_country_in_a_currency_name_inside_an_amount_is_no_place(nlp, sentence, place):
    found = ents(make_block_doc(nlp, sentence))
    assert not [name for name, _ in found if name == place]  # neither a place nor an element symbol ("US")


def test_country_outside_an_amount_stays(nlp):
    found = ents(make_block_doc(nlp, "The Namibian government will ask US officials about the mines."))
    assert ("Namibian", "NORP") in found and ("US", "GPE") in found


def test_currency_nouns_come_from_cldr_names():
    from pipeline.components.entities.currency_codes import currency_nouns

    nouns = currency_nouns()
    assert {"dollars", "rand", "kwacha", "yuan", "pesos"} <= nouns
    assert not {"gold", "silver", "platinum"} & nouns  # metal codes (XAU, XAG, XPT) are left out
