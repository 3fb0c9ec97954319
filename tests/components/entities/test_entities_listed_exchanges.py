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

