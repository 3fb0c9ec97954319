"""Issue 13, round 13 (name spans): names cut short or split are whole again (a corporate tail word, a bracketed
place or a number inside a company name, a court's "of" complement, a multilateral instrument, a Spanish head-first
salt flat), and words glued to a name are left out of it (a "-backed" compound, an opening quote mark). Sentences
invented for these tests."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc

from pipeline.components.entities.normalise import base_info


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The order tells Norvane Lithium International to sell its stake in a Quebec explorer.",
         "Norvane Lithium International"),
        ("Regulators want Tarrow Mining Investment to exit the venture by March.", "Tarrow Mining Investment"),
        ("Workers at Belgrade Copper Company walked out on Monday.", "Belgrade Copper Company"),
        ("The mine is run by Lai Chau Rare Earth Joint Stock Company, a state firm.",
         "Lai Chau Rare Earth Joint Stock Company"),
        ("Output at Hoang Rare Earth JSC doubled last year.", "Hoang Rare Earth JSC"),
    ],
)
def test_corporate_tail_word_belongs_to_the_company(nlp, text, name):
    assert (name, "ORG") in ents(make_block_doc(nlp, text))


def test_bracketed_place_inside_a_company_name(nlp):
    found = ents(make_block_doc(nlp, "The order names Sinomine (Hong Kong) Rare Metals Resources and two other firms."))
    assert ("Sinomine (Hong Kong) Rare Metals Resources", "ORG") in found
    assert ("Hong Kong", "GPE") not in found


def test_a_name_ends_before_a_bracket_it_does_not_close(nlp):
    found = ents(make_block_doc(nlp, "Loans came from KfW (Germany), Natixis (France) and SACE (Italy) last week."))
    assert not [name for name, _ in found if "(" in name]
    assert {("KfW", "ORG"), ("SACE", "ORG"), ("Germany", "GPE"), ("Italy", "GPE")} <= set(found)


def test_number_inside_a_legal_name(nlp):
    found = ents(make_block_doc(nlp, "TORONTO - Zinc 44 Capital Corp. said today that holders backed the plan."))
    assert ("Zinc 44 Capital Corp.", "ORG") in found
    assert ("Capital Corp.", "ORG") not in found


def test_court_takes_its_of_complement(nlp):
    found = ents(make_block_doc(nlp, "The miner will ask the Supreme Court of British Columbia for an order."))
    assert ("Supreme Court of British Columbia", "ORG") in found


def test_multilateral_instrument_is_a_law(nlp):
    found = ents(make_block_doc(nlp, "Insiders could not vote under Multilateral Instrument 61-101 on the deal."))
    assert ("Multilateral Instrument 61-101", "LAW") in found
    assert ("MI 61-101", "LAW") in ents(make_block_doc(nlp, "The vote follows MI 61-101, the minority rule."))


def test_head_first_salt_flat_is_one_place(nlp):
    found = ents(make_block_doc(nlp, "Pumps draw brine from the Salar de Maricunga and the Salar del Hombre Muerto."))
    assert ("Salar de Maricunga", "LOC") in found
    assert ("Salar del Hombre Muerto", "LOC") in found


def test_glued_participle_is_no_part_of_the_name(nlp):
    found = ents(make_block_doc(nlp, "A Bill Gates-backed startup found copper in Zambia."))
    assert ("Bill Gates", "PERSON") in found
    assert ("Export-Import Bank", "ORG") in ents(make_block_doc(nlp, "The Export-Import Bank lent it $1 billion."))


def test_opening_quote_glued_to_a_name_is_left_out_of_its_normalised_name(nlp, tables):
    doc = nlp.make_doc("Sales rose, it said.\u201cHalvex Group expects more.")
    quoted = doc[6:8]
    assert quoted.text == "\u201cHalvex Group"
    assert base_info(quoted, tables)["normalized"] == "Halvex Group"


def test_foreign_ministry_is_the_ministry_of_foreign_affairs(nlp):
    doc = make_block_doc(nlp, "China's foreign ministry said on Monday that it opposed the move.")
    names = {e.text: e._.orewire_entity["normalized"] for e in doc.ents}
    assert names.get("foreign ministry") == "Ministry of Foreign Affairs"


def test_former_name_of_a_producer_is_one_organisation(nlp):
    assert ("BHP Billiton", "ORG") in ents(make_block_doc(nlp, "Its rival overtook BHP Billiton in copper output."))


def test_job_title_words_after_an_organisation_are_no_part_of_it(nlp):
    found = ents(make_block_doc(nlp, "The leak was serious, said U.S. EPA Regional Administrator Tom Vance on Friday."))
    assert ("U.S. EPA", "ORG") in found
    doc = make_block_doc(nlp, "The leak was serious, said U.S. EPA Regional Administrator Tom Vance on Friday.")
    assert {e._.orewire_entity["normalized"] for e in doc.ents if e.label_ == "ORG"} == {"U.S. EPA"}


def test_given_name_syllable_after_a_hyphen_stays_in_the_name(nlp):
    found = ents(make_block_doc(nlp, "Park Min-jun, head of the battery unit at Orvane Holdings, spoke on Monday."))
    assert ("Park Min-jun", "PERSON") in found


def test_spelled_out_form_before_a_name_opens_it(nlp):
    found = ents(make_block_doc(nlp, "The deal was signed with National Company Tau-Ken Samruk in Astana."))
    assert ("National Company", "ORG") not in found


def test_title_case_compound_opens_a_company_name(nlp):
    found = ents(make_block_doc(nlp, "Talks with the State-Owned Copper Company went well, he said."))
    assert ("State-Owned Copper Company", "ORG") in found
