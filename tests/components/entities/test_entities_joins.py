"""Organisation names cut in two (``components/entities/joins.py``): a Portuguese or Spanish name that opens with
its body word and joins its parts with a connector is one ORG. Names invented for these tests."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Last year Companhia Vale do Rio Doce of Brazil won the deal.", "Companhia Vale do Rio Doce"),
        ("Shares of Companhia Minera do Vale Verde rose 5% on Monday.", "Companhia Minera do Vale Verde"),
    ],
)
def test_romance_organisation_name_is_one_org(nlp, text, name):
    assert (name, "ORG") in ents(make_block_doc(nlp, text))


def test_person_with_a_connector_stays_a_person(nlp):
    found = ents(make_block_doc(nlp, "Lula da Silva visited Poços de Caldas on Monday."))
    assert ("Lula da Silva", "PERSON") in found


@pytest.mark.parametrize(
    "text",
    ["In a statement, teCore Energy said it had restarted the plant.",
     "The firm bought a stake from teCore Energy for $60m in cash."],
)
def test_intercapped_brand_opens_the_company_name(nlp, text):
    assert ("teCore Energy", "ORG") in ents(make_block_doc(nlp, text))


def test_bank_capital_markets_unit_is_one_name(nlp):
    found = ents(make_block_doc(nlp, "The placement is being led by Norvik Capital Markets, the bank said."))
    assert ("Norvik Capital Markets", "ORG") in found


def test_indian_honorific_is_no_part_of_a_person_name(nlp):
    text = "The new tranche will open soon, Union Minister Shri Tarun Mehra said at the event on Monday."
    found = ents(make_block_doc(nlp, text))
    assert ("Tarun Mehra", "PERSON") in found
    assert not any(name.startswith("Shri") for name, _ in found)


def test_initials_open_the_person_name_after_them(nlp):
    text = ("Earlier, the mines secretary, Shri K.R. Anand Rao, had told reporters that the auction of the blocks "
            "would be held within two weeks.")
    assert ("K.R. Anand Rao", "PERSON") in ents(make_block_doc(nlp, text))


@pytest.mark.parametrize(("text", "name"), [
    ("Orvane holds a stake in Lynas, Nikkei Asia reports.", "Nikkei Asia"),
    ("Bidders included Vedanta, Oil India, and a local steel firm.", "Oil India"),
    ("A lecturer at RMIT University Vietnam said exports would slow.", "RMIT University Vietnam"),
])
def test_untagged_nouns_before_a_country_close_an_organisation_name(nlp, text, name):
    assert (name, "ORG") in ents(make_block_doc(nlp, text))


def test_a_word_that_qualifies_a_place_opens_no_organisation(nlp):
    found = ents(make_block_doc(nlp, "Demand in Mainland China fell in May."))
    assert not [text for text, label in found if label == "ORG"]
