"""Storms and ships (``components/entities/unclassed.py``): names the annotation guide gives no class are no
entities. Sentences and names invented for these tests."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Exports from the Warrin mine stopped after Cyclone Tessa flooded the pit in March.", "Cyclone Tessa"),
        ("A second vessel, the Maren Sound, will load 40,000 tonnes of ore on 3 June.", "Maren Sound"),
        ("The ore was loaded onto the bulk carrier Ocean Belle at the wharf.", "Ocean Belle"),
    ],
)
def test_storm_or_ship_is_no_entity(nlp, text, name):
    assert name not in [found for found, _ in ents(make_block_doc(nlp, text))]


def test_company_named_after_a_storm_stays_a_company(nlp):
    found = ents(make_block_doc(nlp, "Cyclone Metals Ltd said drilling resumed at its Kestrel project."))
    assert ("Cyclone Metals Ltd", "ORG") in found
