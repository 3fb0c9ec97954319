"""Issue 13, entities round 15 (second part): head words that name a site or a region (``cue_words.json``,
``patterns.jsonl``, ``sites.py``, ``shapes.py``). Sentences invented for these tests."""

from __future__ import annotations

from support import ents, make_block_doc


def test_a_property_is_a_site_in_title_or_lower_case(nlp):
    found = ents(make_block_doc(nlp, "Drilling on the Harrowgate Ridge Property hit high grades, and Velmont Gold "
                                     "Inc also optioned the Quillan North property from a prospector."))
    assert ("Harrowgate Ridge", "FACILITY") in found
    assert ("Quillan North", "FACILITY") in found
    assert not any(text.endswith("Property") for text, _ in found)


def test_a_belt_or_corridor_closing_a_name_makes_one_region(nlp):
    found = ents(make_block_doc(nlp, "Ore from the Tessaly Copperbelt moves to the coast along the Marranto Corridor "
                                     "railway, the company said."))
    assert ("Tessaly Copperbelt", "LOC") in found
    assert ("Marranto Corridor", "LOC") in found


def test_a_name_before_a_lower_case_belt_is_the_region_without_it(nlp):
    found = ents(make_block_doc(nlp, "Velmont Gold Inc is drilling in the Quarrow greenstone belt of Ontario."))
    assert ("Quarrow", "LOC") in found
    assert ("Ontario", "GPE") in found


def test_a_known_state_before_a_lower_case_belt_stays_the_state(nlp):
    found = ents(make_block_doc(nlp, "Velmont Gold Inc is drilling in the Quebec greenstone belt this year."))
    assert ("Quebec", "GPE") in found


def test_mining_regions_and_islands_without_a_government_are_places(nlp):
    found = ents(make_block_doc(nlp, "Velmont Gold Inc drills in the Gascoyne and holds claims on Mindanao and in "
                                     "the Ring of Fire."))
    assert ("Gascoyne", "LOC") in found
    assert ("Mindanao", "LOC") in found
    assert ("Ring of Fire", "LOC") in found


def test_work_on_a_site_or_a_superlative_is_no_site_name(nlp):
    """``site_change_words`` and superlatives (``sites.described_site``): what is left of "the X Expansion Project"
    once the model drops X, or "the Largest Deposit", describes a site and names none; a name before them stays."""
    for text in ("•Harrowdale Expansion Project receives final approval to proceed.",
                 "See also: Asia's Largest Deposit of Tin Found in Laos"):
        assert not [name for name, label in ents(make_block_doc(nlp, text)) if label == "FACILITY"]
    found = ents(make_block_doc(nlp, "The Kestrel Expansion Project will double output."))
    assert any(name.startswith("Kestrel") for name, label in found if label == "FACILITY")


def test_a_site_named_only_by_its_commodity_and_a_descriptor_keeps_its_keyword(nlp):
    """``sites._descriptive_name``: commodity words and a site descriptor before a title-case keyword name no place
    or owner, so the keyword is part of the site's name; commodity words alone still name the commodity."""
    found = ents(make_block_doc(nlp, "The grant will help the Rare Earth Processing Facility that the council runs "
                                     "near Regina, officials said."))
    assert ("Rare Earth Processing Facility", "FACILITY") in found
    assert ("Rare Earth Processing", "FACILITY") not in found
    found = ents(make_block_doc(nlp, "Output at the Lithium Carbonate Industrial Plant rose in May, the miner said."))
    assert ("Lithium Carbonate Industrial Plant", "FACILITY") in found
    found = ents(make_block_doc(nlp, "Output at the Marrowby Lithium Carbonate Plant rose in May, the miner said."))
    assert ("Marrowby", "FACILITY") in found
    assert not any(name.endswith("Plant") for name, _ in found)
