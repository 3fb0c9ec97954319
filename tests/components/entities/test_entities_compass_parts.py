"""Issue 13, round 15 (second part): a continent's part with a lower-case compass adjective, and "America" listed
among continents (``compass_parts.py``). Sentences invented for these tests."""

from __future__ import annotations

from support import ents, make_block_doc


def test_a_lower_case_compass_word_before_a_continent_is_part_of_the_region(nlp):
    found = ents(make_block_doc(nlp, "The plant would be the largest refinery in eastern Europe, its owner said."))
    assert ("eastern Europe", "LOC") in found


def test_america_listed_among_continents_is_the_continent(nlp):
    found = ents(make_block_doc(nlp, "The miner sells its concentrate to buyers in Asia, America and Europe."))
    assert ("America", "LOC") in found


def test_america_acting_alone_keeps_its_country_reading(nlp):
    found = ents(make_block_doc(nlp, "America said on Monday that it would add the metal to its stockpile."))
    assert ("America", "LOC") not in found
