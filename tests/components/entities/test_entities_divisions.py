"""Places named with a title-case settlement or division word (``divisions.headed_place``). Sentences invented for
these tests."""

from __future__ import annotations

from support import ents, make_block_doc


def test_place_or_nationality_before_a_title_case_head_is_one_place(nlp):
    found = ents(make_block_doc(nlp, "Police in Canadian County found the load near Oklahoma City on Tuesday, and "
                                     "the samples went to a lab in Quebec City."))
    assert ("Canadian County", "GPE") in found
    assert ("Oklahoma City", "GPE") in found
    assert ("Quebec City", "GPE") in found
    assert ("Canadian", "NORP") not in found


def test_a_further_title_case_word_makes_a_body(nlp):
    found = ents(make_block_doc(nlp, "The Quebec City Council approved the permit."))
    assert ("Quebec City", "GPE") not in found


def test_coded_subdivision_before_a_lower_case_division_or_region_word_is_a_place(blank_entities):
    # pycountry lists Khatlon (TJ-KT) and Naryn (KG-N): no "the" is needed, and "region" heads them too
    doc = blank_entities("Trucks carry the ore from Khatlon province to a mill in Naryn region every week.")
    assert {("Khatlon", "GPE"), ("Naryn", "GPE")} <= set(ents(doc))
    found = {(e.text, e._.orewire_entity["kb_id"]) for e in doc.ents}
    assert {("Khatlon", "TJ-KT"), ("Naryn", "KG-N")} <= found
    assert ("Naryn", "GPE") in ents(blank_entities("In Naryn region, the herders voted."))


def test_uncoded_name_before_a_region_word_needs_more_than_its_word(blank_entities):
    # no ISO 3166-2 code: neither "in X region" nor "in X province" names a place without "the"
    found = ents(blank_entities("Sales grew in Korrapat region and in Velindra province last year."))
    assert not [name for name, label in found if label == "GPE"]


def test_coded_name_glued_to_a_word_before_it_is_no_subdivision(blank_entities):
    # "East" is a coded region of some countries, but here the last part of one hyphenated name
    found = ents(blank_entities("Two blocks of the North-East region were sold."))
    assert ("East", "GPE") not in found
