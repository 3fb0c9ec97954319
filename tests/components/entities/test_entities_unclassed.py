"""Storms, ships and occasions (``components/entities/unclassed.py``): names the annotation guide gives no class are no
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


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("The company said it would invest $150 million, as announced at the US Africa Leaders' Summit on Tuesday.",
         ["US", "Africa"]),
        ("Prices were discussed by the minister at the India International Trade Fair 2023 in the capital.",
         ["India International Trade Fair 2023", "India"]),
        ("The minister later spoke about the plans at the Zambia Copper Indaba in the capital.", ["Zambia"]),
        ("Forty firms came to the Harlow Cobalt Project Buyers Event in Leeds on Tuesday.",
         ["Harlow Cobalt Project Buyers Event", "Harlow Cobalt"]),
        ("The plan was unveiled ahead of the inaugural Kestrel Cobalt Forum in the capital.",
         ["Kestrel Cobalt Forum", "Kestrel"]),
        ("Delegates will gather in May for the Kestrel Cobalt Forum 2027 in the capital.",
         ["Kestrel Cobalt Forum", "Kestrel Cobalt Forum 2027"]),
    ],
)
def test_names_inside_an_occasion_title_are_no_entities(nlp, text, inside):
    found = [name for name, _ in ents(make_block_doc(nlp, text))]
    assert not set(inside) & set(found)


def test_organiser_before_a_possessive_and_a_body_named_conference_stay(nlp):
    found = ents(make_block_doc(nlp, "The plans were shown at Kestrel Metals' Copper Summit, the company said on Monday."))
    assert ("Kestrel Metals", "ORG") in found
    found = ents(make_block_doc(nlp, "Figures from the Conference on Trade and Development showed that Peru grew."))
    assert ("Peru", "GPE") in found


def test_a_forum_without_an_edition_is_the_standing_body(nlp):
    found = ents(make_block_doc(nlp, "Tom Reyes, chairman of the Kestrel Cobalt Forum, said exports would fall."))
    assert ("Kestrel Cobalt Forum", "ORG") in found
