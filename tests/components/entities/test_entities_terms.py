"""Document, programme and study terms written in title case (``not_organisations.json`` 'terms' and acronyms,
``refine.is_term``): they name no organisation. Sentences invented for these tests."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc


@pytest.mark.parametrize("text", [
    "Nordvik Resources has received two Letters of Interest (LoIs) from a state lender.",
    "The agency opened a Call for Proposals for its new transport fund on Monday.",
    "Velmar Metals signed a Memorandum of Understanding (MoU) with Oskar Mining last week.",
    "The award is an Indefinite Delivery, Indefinite Quantity contract for refined metal.",
])
def test_document_and_programme_terms_are_no_organisations(nlp, text):
    found = ents(make_block_doc(nlp, text))
    assert not [name for name, _ in found
                if name.startswith(("Letters", "LoI", "Call", "Memorandum", "Indefinite"))]


def test_study_and_cost_terms_are_no_names(nlp):
    found = ents(make_block_doc(nlp, "The new PEA puts Capex at US$200 million and Opex at US$30 per tonne milled."))
    assert not [name for name, _ in found if name in {"PEA", "Capex", "Opex"}]
