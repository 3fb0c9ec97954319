"""Issue 13, entities round 2: how news copy names sites, firms, bodies and credits (``components/entities/
sites.py``, ``vetting.py``, ``conventions.py``, ``refine.py`` and their data). Sentences invented for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.conventions import caption_credit, titled_person, without_caption_label
from pipeline.components.entities.refine import name_cue


def test_project_named_with_its_commodities_keeps_only_the_name(nlp):
    doc = make_block_doc(
        nlp, "Crews began work at the Marrowby Rare Earth and Mineral Sands Project in Queensland, the company said."
    )
    found = ents(doc)
    assert ("Marrowby", "FACILITY") in found
    assert ("Mineral Sands", "COMMODITY") in found
    assert not any(label == "ORG" for _, label in found)


def test_company_word_before_a_title_case_site_keyword_names_the_site(nlp):
    doc = make_block_doc(nlp, "Corvane Metals said the Kestrel Valley Lithium Project reached a decision on Tuesday.")
    found = ents(doc)
    assert ("Kestrel Valley", "FACILITY") in found
    assert ("Corvane Metals", "ORG") in found
    assert not any(text.startswith("Kestrel Valley Lithium") for text, _ in found)


def test_site_named_after_its_owner_keeps_the_whole_name(nlp):
    doc = make_block_doc(nlp, "The loan will fund the Australian Vanadium Project, the lender said on Friday.")
    assert ("Australian Vanadium", "FACILITY") in ents(doc)


def test_title_case_project_inside_a_longer_name_is_no_site(nlp):
    doc = make_block_doc(nlp, "Grants were run with the Research and Project Financing Agency, the bank said.")
    assert not any(label == "FACILITY" for _, label in ents(doc))


def test_names_in_apposition_to_site_nouns_are_sites(nlp):
    doc = make_block_doc(nlp, "The licence covers two ore bodies, Fenwick and Garroway, which host graphite.")
    found = ents(doc)
    assert ("Fenwick", "FACILITY") in found
    assert ("Garroway", "FACILITY") in found


def test_name_after_a_job_title_ending_in_a_site_plural_is_no_site(nlp):
    found = ents(make_block_doc(nlp, "The firm's head of operations, Pavel Orlov, said output would recover."))
    assert not any(label == "FACILITY" for _, label in found)
    sites = ents(make_block_doc(nlp, "It owns a string of mines, Fenwick and Garroway, which host graphite."))
    assert ("Fenwick", "FACILITY") in sites


def test_places_in_a_site_list_keep_their_label(nlp):
    doc = make_block_doc(nlp, "It runs three mines, Chile and Peru among its hosts, and plans more.")
    assert ("Chile", "GPE") in ents(doc)


def test_body_complement_takes_one_joined_word(nlp):
    doc = make_block_doc(
        nlp, "Ann Byers, chief executive of the Western Australian Chamber of Minerals and Energy, welcomed it."
    )
    assert ("Western Australian Chamber of Minerals and Energy", "ORG") in ents(doc)


def test_body_complement_stops_before_another_organisation(nlp):
    doc = make_block_doc(nlp, "The Institute of Mining and Metallurgy and Glencore agreed on the plan.")
    assert ("Glencore", "ORG") in ents(doc)
    assert not any(text.endswith("and Glencore") for text, _ in ents(doc))


def test_public_body_on_a_title_case_body_line_keeps_its_place(nlp):
    doc = make_block_doc(nlp, "The Queensland Resources Council Welcomed The Decision.")
    assert ("Queensland Resources Council", "ORG") in ents(doc)


def test_research_house_is_an_organisation(nlp):
    doc = make_block_doc(nlp, "Prices rose 4% last week, Kallanish reports. Argus also noted the rise.")
    found = ents(doc)
    assert ("Kallanish", "ORG") in found
    assert ("Argus", "ORG") in found


def test_firm_word_makes_a_broker_an_organisation(nlp):
    doc = make_block_doc(nlp, "Tallow Advisors is lead manager to the placement, the miner said.")
    assert ("Tallow Advisors", "ORG") in ents(doc)


def test_name_acting_on_its_own_report_is_an_organisation(nlp, tables):
    doc = nlp("On May 3, Brannock released its first quarter report, showing higher output.")
    name = [t.i for t in doc if t.text == "Brannock"][0]
    assert name_cue(Span(doc, name, name + 1, label="PERSON"), tables) == "ORG"
    doc = nlp("On May 3, Ola Brandt released his first quarter forecast.")
    assert name_cue(Span(doc, 4, 6, label="PERSON"), tables) is None


def test_caption_credit_and_label(nlp, tables):
    doc = nlp.make_doc("a spokesperson of the Ministry of Commerce Photo: Ola Brandt/Agency")
    photo = [t.i for t in doc if t.text == "Photo"][0]
    body = Span(doc, photo - 3, photo + 1, label="ORG")
    trimmed = without_caption_label(body, tables)
    assert trimmed is not None and trimmed.text == "Ministry of Commerce"
    assert caption_credit(Span(doc, photo + 2, photo + 4, label="PERSON"), tables)
    assert not caption_credit(trimmed, tables)


def test_model_name_opened_by_a_caption_label_is_all_credit(nlp, tables):
    doc = nlp.make_doc("The pit at dusk (Photo: Tarlow Minerals)")
    photo = [t.i for t in doc if t.text == "Photo"][0]
    assert without_caption_label(Span(doc, photo, photo + 3, label="ORG"), tables) is None
    assert without_caption_label(Span(doc, photo + 2, photo + 4, label="ORG"), tables) is not None


def test_caption_label_after_a_capitalised_word_is_a_credit(nlp, tables):
    doc = nlp.make_doc("File image: Andes Wire\nThe smelter restarted on Monday.")
    assert caption_credit(Span(doc, 3, 5, label="ORG"), tables)
    sentence = nlp.make_doc("They showed the image: Andes Wire had taken it.")
    start = [t.i for t in sentence if t.text == "Andes"][0]
    assert not caption_credit(Span(sentence, start, start + 2, label="ORG"), tables)


def test_title_inside_a_name_starts_the_person(nlp, tables):
    doc = nlp.make_doc("initiated by H.E. President Ann Marie Okonkwo Bello and his government")
    start = [t.i for t in doc if t.text == "H.E."][0]
    org = Span(doc, start, start + 4, label="ORG")
    rest = Span(doc, start + 4, start + 6, label="PERSON")
    person = titled_person(org, [org, rest], tables)
    assert person is not None and (person.text, person.label_) == ("Ann Marie Okonkwo Bello", "PERSON")
    assert titled_person(Span(doc, start + 2, start + 4, label="PERSON"), [], tables) is None


def test_element_symbol_opening_a_name_after_a_date_is_no_commodity(nlp):
    doc = make_block_doc(nlp, "date 2025-10-16 He Jian, a spokesperson, spoke. Grades were 1.1% Ni and 0.3 % Co.")
    found = ents(doc)
    assert not any(text == "He" for text, _ in found)
    assert ("Ni", "COMMODITY") in found


def test_one_name_before_a_plural_site_word_owns_the_sites(nlp):
    found = ents(make_block_doc(nlp, "The deal joins the Grasvik mine in Chile with Harlow Dodge mines in Peru."))
    assert ("Harlow Dodge", "FACILITY") not in found
    assert ("Grasvik", "FACILITY") in found


def test_the_before_a_name_and_plural_site_word_keeps_the_site(nlp):
    found = ents(make_block_doc(nlp, "The Carlin mines produced more gold."))
    assert ("Carlin", "FACILITY") in found


def test_title_case_plural_site_word_on_a_headline_is_no_owner(nlp):
    text = "Kestrel Produces 3 Million Ounces from Partial Operations in Second Quarter"
    found = ents(make_block_doc(nlp, text, zone="heading"))
    assert ("Partial Operations", "ORG") not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Flooding has not disrupted work at Kestrel Bay Industrial Park, a large nickel hub.", "Kestrel Bay Industrial Park"),
        ("The ore is stored in the Varna Industrial Complex in Korea.", "Varna Industrial Complex"),
    ],
)
def test_industrial_estate_keeps_its_head(nlp, text, name):
    assert (name, "FACILITY") in ents(make_block_doc(nlp, text))


def test_mining_complex_drops_its_keyword(nlp):
    assert ("Korvane", "FACILITY") in ents(make_block_doc(nlp, "The Korvane Mining Complex restarted."))


def test_name_before_a_commodity_and_facility_is_the_site(nlp):
    text = "Supply cuts have hit Norvane Group's Kestrel Cove ferromanganese facility in Tasmania."
    assert ("Kestrel Cove", "FACILITY") in ents(make_block_doc(nlp, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Repairs kept the Kalgoorlie zinc smelter shut for a month.", "Kalgoorlie"),
        ("The miner said its Kolwezi project would resume drilling soon.", "Kolwezi"),
    ],
)
def test_listed_town_before_a_singular_site_word_names_the_site(nlp, text, name):
    assert (name, "FACILITY") in ents(make_block_doc(nlp, text))


def test_country_before_a_site_word_keeps_its_place(nlp):
    found = ents(make_block_doc(nlp, "The miner said its Chile project would resume drilling soon."))
    assert ("Chile", "FACILITY") not in found


def test_hyphenated_site_name_before_its_keyword_is_kept_whole(nlp):
    doc = make_block_doc(nlp, "Crews at the Varo-Kestrel copper mine in Zambia cut output. Varo-Kestrel will restart in May.")
    found = ents(doc)
    assert ("Varo-Kestrel", "FACILITY") in found
    assert ("Kestrel", "FACILITY") not in found


def test_hyphen_after_a_nationality_adds_nothing_to_a_site(nlp):
    doc = make_block_doc(nlp, "Delays hit the Sino-Kazakh project near the border, officials said.")
    assert not any(text == "Sino-Kazakh" for text, _ in ents(doc))


def test_possessive_determiner_before_a_name_and_plural_site_word_keeps_the_site(nlp):
    found = ents(make_block_doc(nlp, "The miner said on Thursday it would idle its Harlow Ridge operations in October."))
    assert ("Harlow Ridge", "FACILITY") in found


@pytest.mark.parametrize(
    "text",
    [
        "The miner will place the Cobalt Ridge operations into care and maintenance from October.",
        "The miner said on Thursday it would idle its Nickel Crest operations from October.",
    ],
)
def test_title_case_commodity_word_opens_a_site_name(nlp, text):
    name = text.split(" operations")[0].split()[-2:]
    assert (" ".join(name), "FACILITY") in ents(make_block_doc(nlp, text))


def test_title_case_commodity_word_on_a_headline_opens_no_site_name(nlp):
    found = ents(make_block_doc(nlp, "Nickel Mines Face Closure as Prices Slump", zone="title"))
    assert not any(label == "FACILITY" for _, label in found)


def test_regional_adjective_before_site_words_is_no_site(nlp):
    found = ents(make_block_doc(nlp, "The miner will suspend its Western Australian nickel operations from October."))
    assert not any(label == "FACILITY" for _, label in found)


def test_site_named_before_a_keyword_joined_to_another_site_word(nlp):
    found = ents(make_block_doc(nlp, "The firm is building a pilot plant at its Tarvo mine and processing plant in Brazil."))
    assert ("Tarvo", "FACILITY") in found
    found = ents(make_block_doc(nlp, "The firm said the mine and processing plant in Brazil would close in May."))
    assert not any(label == "FACILITY" for _, label in found)


def test_worked_site_reads_the_name_after_site_work_and_a_preposition(nlp, tables):
    from pipeline.components.entities.sites import worked_site

    doc = nlp.make_doc("It will begin production at Tarvoka in May and has a new plant in Ulvaskog near the coast.")
    assert worked_site(Span(doc, 5, 6, label="PERSON"), tables) == "FACILITY"
    assert worked_site(Span(doc, 14, 15, label="ORG"), tables) == "GPE"
    doc = nlp.make_doc("Output at Tarvoka Mining rose, and output at Tarvoka's refinery and at Brenmoor Malaysia fell.")
    assert worked_site(Span(doc, 2, 4, label="ORG"), tables) is None  # an organisation word
    assert worked_site(Span(doc, 8, 9, label="ORG"), tables) is None  # a possessive follows
    assert worked_site(Span(doc, 13, 15, label="ORG"), tables) is None  # a national subsidiary


def test_company_in_apposition_after_site_work_stays_a_company(nlp):
    text = "Tin production at Kestrava, the country's sole producer, rose by a tenth in the year to June."
    assert ("Kestrava", "ORG") in ents(make_block_doc(nlp, text))
    text = "The firm said tin production at Kestrava rose by a tenth in the year to June."
    assert ("Kestrava", "FACILITY") in ents(make_block_doc(nlp, text))


def test_company_word_before_a_lower_case_site_keyword_names_the_site(nlp):
    found = ents(make_block_doc(nlp, "No contract was signed for the Tallow Creek Lithium project in the north."))
    assert not any(label == "ORG" for _, label in found)
