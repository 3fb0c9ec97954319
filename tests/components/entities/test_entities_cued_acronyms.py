"""Acronyms the model leaves untagged (``components/entities/cued_acronyms.py``): after a company word, as a
clause's party, and an armed group's name before a rebel noun. Sentences invented for these tests."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc


def test_acronym_after_a_company_word_is_an_organisation(nlp):
    found = ents(make_block_doc(nlp, "Shipments from niobium producer KMBR rose by a fifth in the year to June."))
    assert ("KMBR", "ORG") in found


@pytest.mark.parametrize(
    "text",
    [
        "Officials said trade in tin ore funds the K17 rebels who hold two towns near the border.",
        "Fighting near the mines worsened this week as the K17 rebel group moved south.",
    ],
)
def test_armed_group_before_a_rebel_noun_is_an_organisation(nlp, text):
    assert ("K17", "ORG") in ents(make_block_doc(nlp, text))


def test_lower_case_word_before_a_rebel_noun_is_no_name(nlp):
    found = ents(make_block_doc(nlp, "Officials said the local rebels hold two towns near the border."))
    assert not any(label == "ORG" for _, label in found)


def test_one_proper_noun_after_a_company_word_is_an_organisation(nlp):
    found = ents(make_block_doc(nlp, "Talks also include the state mining holding company Korvalum and two banks."))
    assert ("Korvalum", "ORG") in found


@pytest.mark.parametrize(
    "text",
    [
        "The company Chairman said on Monday that talks would go on.",  # a title, no name
        "Australian miner Vessel 25 said on Monday that it had raised A$20m.",  # a name with a number
    ],
)
def test_title_or_numbered_name_after_a_company_word_is_not_cut_to_one_word(nlp, text):
    found = ents(make_block_doc(nlp, text))
    assert ("Chairman", "ORG") not in found and ("Vessel", "ORG") not in found


@pytest.mark.parametrize("text", [
    "The jobs are sustained by Dorvan and its railway transport unit Setravo.",
    "Ore goes to the port through its logistics subsidiary Setravo, officials said.",
])
def test_name_after_unit_or_subsidiary_is_an_organisation(nlp, text):
    assert ("Setravo", "ORG") in ents(make_block_doc(nlp, text))


def test_untagged_acronym_acting_as_the_subject_is_an_organisation(nlp):
    # the model leaves this acronym untagged: the rule reads it from its role as the verb's subject
    found = ents(make_block_doc(nlp, "The KVMA said protesters blocked the road on Monday."))
    assert ("KVMA", "ORG") in found


def test_ticker_after_a_company_name_is_no_organisation_of_its_own(nlp):
    found = ents(make_block_doc(nlp, "Miner Kestrel VKMA on Monday cut its guidance for the year."))
    assert not any(text == "VKMA" for text, _ in found)
