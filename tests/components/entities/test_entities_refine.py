"""Cues around an unknown name (``components/entities/refine.py`` ``name_cue``): a place-based name and a name
before its shareholders are companies, whatever the model read. Names invented for these tests."""

from __future__ import annotations

from support import ents, make_block_doc


def test_place_based_name_is_a_company(nlp):
    found = ents(make_block_doc(nlp, "The deal joins Ohio-based Corvane with a large processor of the metals."))
    assert ("Corvane", "ORG") in found


def test_place_based_person_keeps_the_noun_between(nlp):
    found = ents(make_block_doc(nlp, "A Toronto-based analyst, Mark Ellis, said the deal was fair."))
    assert ("Mark Ellis", "PERSON") in found


def test_name_before_its_shareholders_is_a_company(nlp):
    found = ents(make_block_doc(nlp, "Walter Ingrid shareholders approved the buyout."))
    assert ("Walter Ingrid", "ORG") in found


def test_acronym_before_a_job_title_is_the_employer(nlp):
    found = ents(make_block_doc(nlp, "“Prices will rise,” SCM chief executive Jean-Marc Lubaki Tumba said on Tuesday."))
    assert ("SCM", "ORG") in found
    assert ("SCM", "PERSON") not in found


def test_battery_terms_and_generic_heads_are_no_names(nlp):
    found = ents(make_block_doc(
        nlp, "Demand for LFP cells grew, output reached 9,000 t of LCE, and the Group thanked the Government for COVID aid."))
    assert not any(text in {"LFP", "LCE", "Group", "Government", "COVID"} for text, label in found if label != "COMMODITY")


def test_person_title_before_a_name_outweighs_a_company_cue_after_it(nlp):
    found = ents(make_block_doc(nlp, "Work will start in the spring and Premier Dorian Walsh says it will take about four years."))
    assert ("Dorian Walsh", "PERSON") in found
    assert ("Dorian Walsh", "ORG") not in found


def test_name_in_apposition_to_a_company_word_is_a_company(nlp):
    found = ents(make_block_doc(nlp, "Norland's state atomic company, Tavrolen, signed the deal with a buyer in Asia."))
    assert ("Tavrolen", "ORG") in found


def test_name_after_a_clause_ending_in_a_company_word_keeps_its_reading(nlp):
    found = ents(make_block_doc(nlp, "Ore export curbs made Fenwick the largest nickel producer in the world, Agus said."))
    assert ("Agus", "ORG") not in found
