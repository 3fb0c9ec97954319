"""Issue 13, entities round 9: a site named by an apposition after it (``sites.py``), a name near which something
lies is a place (``names.placed_organisation``), a publisher's dateline (``credits.py``), and the last word of a
title's portfolio list (``conventions.without_title``). Sentences invented for these tests."""

from __future__ import annotations

from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.sites import facility_name


def test_name_before_a_site_apposition_is_the_site(nlp):
    found = ents(make_block_doc(nlp, "About 5,000 staff walked out on Monday at Kelvarra, the large open-pit copper "
                                     "mine, in a pay dispute."))
    assert ("Kelvarra", "FACILITY") in found
    found = ents(make_block_doc(nlp, "Ore came from Chile, the largest copper producer, last year."))
    assert ("Chile", "GPE") in found


def test_unknown_name_after_near_is_a_place(nlp):
    found = ents(make_block_doc(nlp, "Ore goes to a concentrator near Southern Cross, which will add 300 jobs."))
    assert ("Southern Cross", "GPE") in found
    found = ents(make_block_doc(nlp, "A depot near Kestrel Mining was built."))
    assert ("Kestrel Mining", "ORG") in found


def test_publisher_dateline_is_no_actor(nlp):
    found = ents(make_block_doc(nlp, "Delta Wire (Oct 24) -- Peru will ban exports of copper ore, a minister said."))
    assert ("Delta Wire", "ORG") not in found
    assert ("Peru", "GPE") in found


def test_last_portfolio_word_is_no_part_of_the_name(nlp):
    found = ents(make_block_doc(nlp, "Exports will stop, Minister of Science, Technology and Innovation Tan Wei "
                                     "Ming said on Tuesday."))
    assert ("Tan Wei Ming", "PERSON") in found


def test_model_site_after_a_company_cue_is_the_company(nlp):
    found = ents(make_block_doc(nlp, "Shares in Korvane Rare-Earth rose on Monday."))
    assert ("Korvane Rare-Earth", "ORG") in found


def test_names_after_such_as_a_plural_site_noun_are_sites(nlp):
    found = ents(make_block_doc(nlp, "Closures of major mines - such as Kelvar and Tarrowin in 2015 - lifted prices."))
    assert ("Kelvar", "FACILITY") in found


def test_trade_word_before_a_company_cue_is_no_name(nlp):
    found = ents(make_block_doc(nlp, "Fertiliser maker Korvane Co said on Tuesday it would sell the stake."))
    assert ("Fertiliser", "ORG") not in found
    assert ("Korvane Co", "ORG") in found


def test_name_met_once_before_plant_descriptors_is_the_plant(nlp):
    found = ents(make_block_doc(nlp, "After leaching at the ranch, the ore is trucked to the Irigaray central "
                                     "processing plant some 15 miles to the north."))
    assert ("Irigaray", "FACILITY") in found
    found = ents(make_block_doc(nlp, "Tellurex once ran the American Centrifuge demonstration uranium enrichment "
                                     "plant near Piketon until it shut."))
    assert ("American Centrifuge", "FACILITY") in found



def test_owner_named_again_before_its_plant_stays_a_company(nlp, tables):
    once = nlp("Investors toured the Corvane processing plant in Malaysia on Monday.")
    assert facility_name(Span(once, 3, 4, label="ORG"), tables) is not None
    again = nlp("Investors toured the Corvane processing plant in Malaysia. Corvane said output rose.")
    assert facility_name(Span(again, 3, 4, label="ORG"), tables) is None


def test_restart_verb_on_a_headline_opens_no_site_name(nlp):
    found = ents(make_block_doc(nlp, "Laos to Restart Giant Tin Mine After Long Halt\n\nThe government said on "
                                     "Monday that work would go on at the pit."))
    assert not any(text.startswith("Restart") for text, _ in found)
    found = ents(make_block_doc(nlp, "Ontario Pays $40 Million To Relaunch Corvane Nickel Mine\n\nThe province "
                                     "said on Monday that it would pay for the work."))
    assert not any(text.startswith("Relaunch") for text, _ in found)


def test_stage_word_before_a_title_case_plant_is_no_part_of_the_name(nlp):
    found = ents(make_block_doc(nlp, "Tellurex makes manganese sulfate at the Kestrel Demonstration Plant in the "
                                     "Czech Republic."))
    assert ("Kestrel", "FACILITY") in found
    found = ents(make_block_doc(nlp, "Tellurex will test its products at the Kestrel Commercial Plant from 2027."))
    assert ("Kestrel", "FACILITY") in found


def test_geothermal_before_a_site_word_is_a_descriptor_not_part_of_the_name(nlp):
    found = ents(make_block_doc(nlp, "The Harwell Geothermal Lithium Project will start drilling next year."))
    assert ("Harwell", "FACILITY") in found


def test_body_before_a_verb_and_a_plant_is_no_plant(nlp, tables):
    doc = nlp("The pact also has the Office of Kestrel Affairs financing a new gallium refinery in Texas.")
    assert facility_name(Span(doc, 5, 9, label="ORG"), tables) is None


def test_trade_acronym_before_a_site_name_is_no_part_of_it(nlp):
    found = ents(make_block_doc(nlp, "Most of the cut comes from the JV Korvasay project in the south."))
    assert ("Korvasay", "FACILITY") in found and not any(text.startswith("JV") for text, _ in found)


def test_compass_word_opening_a_site_name_stays_in_it(nlp):
    found = ents(make_block_doc(nlp, "Drilling resumed at the Northern Korvasay project in May."))
    assert ("Northern Korvasay", "FACILITY") in found
