"""Issue 13, entities round 15: organisation names of general shapes the model misses: a French, Spanish or
Portuguese body word joined by a connector ("romance_body" in patterns.jsonl, ``vetting.vet_romance_body``) and a
number right before a legal form. Sentences invented for these tests."""

from __future__ import annotations

from support import ents, make_block_doc


def test_romance_body_name_with_a_connector_is_one_organisation(nlp):
    found = ents(make_block_doc(nlp, "Compagnie Miniere du Lomami will ship ore to Ferrox under the new deal."))
    assert ("Compagnie Miniere du Lomami", "ORG") in found
    found = ents(make_block_doc(nlp, "The state firm Empresa Nacional de Litio signed the accord on Monday."))
    assert ("Empresa Nacional de Litio", "ORG") in found


def test_romance_body_word_on_a_headline_line_is_left_to_other_rules(nlp):
    found = ents(make_block_doc(nlp, "Groupe De Ravel Buys Stake In Miner", zone="title"))
    assert ("Groupe De Ravel Buys Stake In Miner", "ORG") not in found


def test_number_before_a_legal_form_is_part_of_the_name(nlp):
    found = ents(make_block_doc(nlp, "Tin 50 Limited managing director Ann Vell said output rose."))
    assert ("Tin 50 Limited", "ORG") in found
