"""Sites named with the metals they hold (``components/entities/commodity_sites.py``) and hyphenated element-symbol
chains (``commodities.symbol_chains``): the site keeps its name, the metals are a commodity. Sentences invented."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc


@pytest.mark.parametrize(("sentence", "site", "metals"), [
    ("The firm owns the Kestrel Ni-Cu-Co-Zn Project in Finland.", "Kestrel", "Ni-Cu-Co-Zn"),
    ("Drilling resumed at the Fenwick Zn-Pb deposit last month.", "Fenwick", "Zn-Pb"),
    ("The grant will pay for a power line to its Harlow Lithium-Tantalum Mining Project in Quebec.", "Harlow",
     "Lithium-Tantalum"),
    ("It also holds the Marlow Copper-Gold Project in Chile.", "Marlow", "Copper-Gold"),
])
def test_site_named_with_its_metals_is_the_name_and_a_commodity(nlp, sentence, site, metals):
    found = ents(make_block_doc(nlp, sentence))
    assert (site, "FACILITY") in found
    assert (metals, "COMMODITY") in found


def test_hyphenated_site_name_stays_whole(nlp):
    found = ents(make_block_doc(nlp, "Work at the Kamoa-Kakula mine went on through May."))
    assert ("Kamoa-Kakula", "FACILITY") in found


@pytest.mark.parametrize("sentence", [
    "Talks on US-China trade resumed.",  # not element symbols
    "The U-V ratio of the ore was low.",  # one-letter symbols only: no chain
    "The Anglo-American merger was called off.",
])
def test_no_symbol_chain_without_two_letter_element_symbols(blank_entities, sentence):
    assert not [name for name, label in ents(blank_entities(sentence)) if label == "COMMODITY" and "-" in name]


def test_symbol_chain_on_the_rules_alone(blank_entities):
    found = ents(blank_entities("Assays from the Ni-Cu-PGE zone and a Cu-Au vein came back."))
    assert ("Cu-Au", "COMMODITY") in found
