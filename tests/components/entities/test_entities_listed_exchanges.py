"""Exchanges in a company's listing bracket (``components/entities/listed_exchanges.py``): each exchange code before
a listing's colon is an ORG, and "ASX Code" is a label, no law. Sentences invented for these tests."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc, normalized


@pytest.mark.parametrize("exchange", ["NASDAQ", "OTCQB", "OTCQX", "CSE"])
def test_exchange_before_a_listing_colon_is_an_organisation(nlp, exchange):
    doc = make_block_doc(nlp, f"Corvell Metals Inc. (TSX: CVM) ({exchange}: CVMX) reported record vanadium sales for May.")
    assert (exchange, "ORG") in ents(doc)
    assert (exchange, "ORG") in normalized(doc)  # named as written, not title-cased like a shouted dateline


def test_code_after_the_exchange_is_a_label_not_a_law(nlp):
    found = ents(make_block_doc(nlp, "Harlan Gold Limited (ASX Code: HGL, OTCQB: HGLDF) advises that it lodged a notice."))
    assert ("ASX", "ORG") in found and ("OTCQB", "ORG") in found
    assert not any(label == "LAW" for _, label in found)


def test_symbol_of_the_listing_stays_no_entity(nlp):
    found = ents(make_block_doc(nlp, "Corvell Metals Inc. (NASDAQ: CVMX) reported record vanadium sales for May."))
    assert not any(text == "CVMX" for text, _ in found)



@pytest.mark.parametrize(("sentence", "company"), [
    ("Ores Seven (AIM: OSV), which explores for zinc in Sweden, reported its drill results.", "Ores Seven"),
    ("Yesterday The Harrow Nine Ltd (ASX: HNL) said it would raise funds.", "Harrow Nine Ltd"),
    ("Shares in Quarry & Sons (TSX: QSN) rose after the vote.", "Quarry & Sons"),
])
def test_untagged_words_before_a_listing_bracket_are_the_listed_company(blank_entities, sentence, company):
    found = ents(blank_entities(sentence))
    assert (company, "ORG") in found
    assert not any(text.startswith(("The ", "Shares")) for text, _ in found)


def test_no_company_where_the_bracket_follows_a_lower_case_word(blank_entities):
    found = ents(blank_entities("The explorer said the company (ASX: HNL) would raise funds."))
    assert [label for _, label in found] == ["ORG"]  # the exchange only


@pytest.mark.parametrize("sentence", [
    "The shares rose faster than the S&P/TSX Composite index in 2024.",
    "The ASX 200 fell 1% while the FTSE 100 rose on Tuesday.",
])
def test_exchanges_inside_a_stock_index_name_are_no_organisations(nlp, sentence):
    assert not [name for name, label in ents(make_block_doc(nlp, sentence)) if label == "ORG"]


def test_exchange_outside_an_index_stays(nlp):
    found = ents(make_block_doc(nlp, "Its shares listed on the ASX in 2019 and trade on the TSX as well."))
    assert ("ASX", "ORG") in found and ("TSX", "ORG") in found



# The rules alone (no statistical model), so each test reads the rule, not the model's own guess.
@pytest.mark.parametrize("participle", ["listed", "quoted"])
def test_exchange_glued_to_its_listing_participle_is_an_organisation(blank_entities, participle):
    found = ents(blank_entities(f"The AIM-{participle} tin explorer Halvard Minerals raised funds on Monday."))
    assert ("AIM", "ORG") in found


@pytest.mark.parametrize("line", ["ASX: HGL", "JSE Share code: HGL"])
def test_listing_line_of_a_release_header_names_the_exchange(blank_entities, line):
    found = ents(blank_entities(f"{line}\nHarlan Gold Limited advises that it lodged a notice on Friday."))
    assert (line.split()[0].rstrip(":"), "ORG") in found


def test_exchange_word_with_a_colon_inside_a_line_is_no_listing(blank_entities):
    found = ents(blank_entities("The plan had one AIM: growth, and the board backed it."))
    assert ("AIM", "ORG") not in found
