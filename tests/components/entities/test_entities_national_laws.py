"""A country's law in lower case and a law's opening "new" (``components/entities/national_laws.py``). Sentences
invented for these tests."""

from __future__ import annotations

from support import ents, make_block_doc, normalized


def test_lower_case_mining_code_after_a_country_possessive_is_the_law(nlp):
    doc = make_block_doc(nlp, "Investors fear that Guinea's mining code will raise the state's free stake to 15%.")
    assert ("mining code", "LAW") in ents(doc)
    assert ("Mining Code", "LAW") in normalized(doc)


def test_lower_case_mining_law_after_the_countrys_and_an_adjective_is_the_law(nlp):
    doc = make_block_doc(nlp, "Permits granted before 2020 are exempt from the country's revised mining law, the "
                              "minister told lawmakers.")
    assert ("mining law", "LAW") in ents(doc)


def test_lower_case_mining_code_without_a_country_is_no_law(nlp):
    doc = make_block_doc(nlp, "Royalties on cobalt tripled under the new mining code adopted this year.")
    assert not [text for text, label in ents(doc) if label == "LAW"]


def test_title_case_mining_code_is_a_law_named_without_its_new(nlp):
    doc = make_block_doc(nlp, "Permits granted earlier fall outside the New Mining Code, Bamako said.")
    assert ("New Mining Code", "LAW") in ents(doc)
    assert ("Mining Code", "LAW") in normalized(doc)


def test_new_opening_a_place_stays_in_the_law_name(nlp):
    doc = make_block_doc(nlp, "Drillers must follow the New Zealand Mining Act on conservation land.")
    assert ("New Zealand Mining Act", "LAW") in normalized(doc)
