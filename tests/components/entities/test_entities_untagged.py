"""List members the model leaves untagged or misreads (``untagged._list_members``). Sentences invented for these
tests."""

from __future__ import annotations

from support import ents, make_block_doc


def test_members_between_two_companies_are_companies(nlp):
    found = ents(make_block_doc(nlp, "Ardent Graphite Inc. has retained consultants Kel-Tech, Soutrak, Hatchley and "
                                     "Bramine Inc. for the study."))
    for name in ("Kel-Tech", "Soutrak", "Hatchley", "Bramine Inc."):
        assert (name, "ORG") in found
    assert not [text for text, label in found if label == "PERSON"]


def test_a_list_of_towns_keeps_every_town(nlp):
    found = ents(make_block_doc(nlp, "The grid fault hit four towns, including Chingola, Chililabombwe, Nampundwe "
                                     "and Kitwe."))
    for name in ("Chingola", "Chililabombwe", "Nampundwe", "Kitwe"):
        assert (name, "GPE") in found


def test_name_joined_by_and_to_a_company_is_a_company(nlp):
    found = ents(make_block_doc(nlp, "Output cuts at mines run by Glencore and Nyrvale lifted zinc prices."))
    assert ("Nyrvale", "ORG") in found


def test_person_name_goes_on_to_its_reporting_verb(nlp):
    found = ents(make_block_doc(nlp, "“Prices will rise,” SCM chief executive Jean-Marc Lubaki Tumba said on Tuesday."))
    assert ("Jean-Marc Lubaki Tumba", "PERSON") in found


def test_known_word_before_a_reporting_verb_stays_out_of_the_person(nlp):
    found = ents(make_block_doc(nlp, "Chief executive Ana Varo on Monday said the Kestrel mine would reopen."))
    assert not [name for name, label in found if label == "PERSON" and "Monday" in name]
