"""Address chains (``components/entities/addresses.py``): a name the model reads as a person between a placed town
and a known country is a place. Sentences invented for these tests."""

from __future__ import annotations

from support import ents, make_block_doc


def test_person_reading_inside_an_address_chain_is_a_place(nlp):
    found = ents(make_block_doc(nlp, "The plant is located in Kemra, Delvana Ostrich, Indonesia, the company said."))
    assert ("Delvana Ostrich", "GPE") in found
    assert ("Delvana Ostrich", "PERSON") not in found


def test_person_before_a_possessive_country_stays_a_person(nlp):
    found = ents(make_block_doc(nlp, "He met in Jakarta, Ann Lee, Indonesia's minister, on Monday."))
    assert ("Ann Lee", "PERSON") in found
