"""Issue 13, entities round 7: organisation names cut in two are made whole (two spans one acronym closes, a unit
word after a name, a portfolio joined by "and" before a ministry, a commodity name with a legal form, a company
with its country), and staff credits closing wire copy name no actor. Sentences invented for these tests."""

from __future__ import annotations

import pytest
from support import ents, make_block_doc


def test_two_spans_closed_by_one_acronym_are_one_name(nlp):
    found = ents(make_block_doc(nlp, "Ms Tan, who chairs the Vorlani Cobalt Producers Forum (VCPF), spoke on Monday."))
    assert ("Vorlani Cobalt Producers Forum", "ORG") in found


def test_unit_word_after_a_name_is_part_of_it(nlp):
    found = ents(make_block_doc(nlp, "Ann Kim, head of the Anode Materials Division at Orvane Holdings, spoke."))
    assert ("Anode Materials Division", "ORG") in found
    assert ("Orvane Holdings", "ORG") in found


def test_portfolio_joined_before_a_ministry_is_part_of_it(nlp):
    found = ents(make_block_doc(nlp, "The miners wrote to the Energy and Mineral Resources Ministry last week."))
    assert ("Energy and Mineral Resources Ministry", "ORG") in found


def test_commodity_name_with_a_legal_form_is_a_company(nlp):
    found = ents(make_block_doc(nlp, "It mines through its unit Rare Earth Oxides Corp., a Manila company."))
    assert ("Rare Earth Oxides Corp.", "ORG") in found


def test_company_with_its_country_is_the_subsidiary(nlp):
    found = ents(make_block_doc(nlp, "The group set up a local subsidiary, POSCO Argentina, in 2018."))
    assert ("POSCO Argentina", "ORG") in found
    found = ents(make_block_doc(nlp, "Sales by PT Freeport Indonesia rose while Glencore Chile's output fell."))
    assert ("PT Freeport Indonesia", "ORG") in found
    assert ("Chile", "GPE") in found


def test_staff_credit_names_no_actor(nlp):
    found = ents(make_block_doc(nlp, "Output rose 4%. (Reporting by Ann Example and Bo Marsh in Perth; Editing by Cy Example)"))
    assert not {name for name, label in found if label in {"PERSON", "ORG"}}


def test_lead_is_a_commodity_only_in_context(nlp):
    found = ents(make_block_doc(nlp, "The mill turned out 9,100 t of lead last year, plus copper and lead concentrate."))
    assert ("lead", "COMMODITY") in found
    assert ("lead concentrate", "COMMODITY") in found
    found = ents(make_block_doc(nlp, "Delays could lead to losses, the lead engineer said of the zinc-lead deposit."))
    assert [name for name, label in found if label == "COMMODITY"] == ["zinc-lead"]


def test_ferroalloys_and_fluorspar_grades_are_commodities(nlp):
    found = ents(make_block_doc(nlp, "Its products are ferronickel, ferromanganese, acidspar and metspar."))
    assert {"ferronickel", "ferromanganese", "acidspar", "metspar"} <= {name for name, label in found if label == "COMMODITY"}


def test_compass_adjective_and_public_sector_status_are_no_names(nlp):
    found = ents(make_block_doc(nlp, "Western diplomats visited Korvane Ltd., a Navratna CPSE under the Ministry of Mines."))
    assert not {name for name, _ in found} & {"Western", "Navratna", "CPSE"}
    assert ("Western Australia", "GPE") in ents(make_block_doc(nlp, "Output in Western Australia rose."))


def test_nationality_opening_a_site_name_is_a_nationality(nlp):
    found = ents(make_block_doc(nlp, "Korvane Group owns the Laotian Ban Huay tin mine and plans more work."))
    assert ("Laotian", "NORP") in found
    assert ("Ban Huay", "FACILITY") in found


def test_town_after_its_before_a_site_word_is_the_site(nlp):
    found = ents(make_block_doc(nlp, "The firm will idle smelting at its Lorvik plant for a year."))
    assert ("Lorvik", "FACILITY") in found


def test_name_before_a_salt_flat_word_is_a_region(nlp):
    found = ents(make_block_doc(nlp, "Brine is pumped from the Pastos Grandes salt flat in Salta, Argentina."))
    assert ("Pastos Grandes", "LOC") in found
    found = ents(make_block_doc(nlp, "Drilling began at the Laguna Verde Salt Pan last spring."))
    assert ("Laguna Verde", "LOC") in found


def test_name_a_site_noun_calls_so_is_a_site(nlp):
    found = ents(make_block_doc(nlp, "Strikes spread to a mine called Division El Salvador, the smallest one."))
    assert ("Division El Salvador", "FACILITY") in found
    found = ents(make_block_doc(nlp, "It bought a deposit known as Korrin Hill for $4 million."))
    assert ("Korrin Hill", "FACILITY") in found


def test_commodity_words_before_a_legal_form_belong_to_the_name(nlp):
    found = ents(make_block_doc(nlp, "Shares of Harrow Bay Copper & Gold Inc. rose 4% in Toronto trading."))
    assert ("Harrow Bay Copper & Gold Inc.", "ORG") in found


def test_untagged_names_before_a_division_word_are_places(nlp):
    found = ents(make_block_doc(nlp, "Three pits lie in the Korrapat and Velindra districts, and one in the Ostrana county."))
    assert {("Korrapat", "GPE"), ("Velindra", "GPE"), ("Ostrana", "GPE")} <= set(found)
    assert not [name for name, label in ents(make_block_doc(nlp, "The district court ruled on Monday.")) if label == "GPE"]


def test_consortium_closes_a_body_name(nlp):
    found = ents(make_block_doc(nlp, "The Andes Battery Metals Consortium will invest $2 billion in new plants."))
    assert ("Andes Battery Metals Consortium", "ORG") in found


def test_acronym_after_a_company_word_is_an_organisation(nlp):
    found = ents(make_block_doc(nlp, "The state fund KVQ and the niobium producer BRMX signed the deal on Monday."))
    assert {("KVQ", "ORG"), ("BRMX", "ORG")} <= set(found)
    assert ("AI", "ORG") not in ents(make_block_doc(nlp, "The company AI tools were praised."))


def test_capital_after_a_compass_word_and_of_is_the_city(extractor):
    records = extractor.extract("The mine lies 1,650 km north of Lima and ships ore by truck.")
    assert [(r.text, r.normalized) for r in records if r.type == "entity" and r.text == "Lima"] == [("Lima", "Lima")]


def test_ampersand_inside_a_body_name_is_kept(nlp):
    found = ents(make_block_doc(nlp, "Members of the Ohio Fertilizer & Chemical Association met in Columbus on Monday."))
    assert ("Ohio Fertilizer & Chemical Association", "ORG") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The deed was lodged with the Companies and Patent Registration Commission in March.",
         "Companies and Patent Registration Commission"),
        ("The Sydney Platinum and Palladium Market, a trade group, revised its list of approved refiners.",
         "Sydney Platinum and Palladium Market"),
        ("Under the plan, rare metals are bought by KORAM (Korea Metal Reserve and Mineral Stockpile Corporation), "
         "which keeps them in three warehouses near the coast.",
         "Korea Metal Reserve and Mineral Stockpile Corporation"),
        ("The Japan Coal, Gas and Metals National Corporation lends to explorers abroad.",
         "Japan Coal, Gas and Metals National Corporation"),
    ],
)
def test_body_name_cut_at_its_and_is_one_org(nlp, text, name):
    found = ents(make_block_doc(nlp, text))
    assert (name, "ORG") in found
    assert not any(label in {"GPE", "COMMODITY"} and name.startswith(part) for part, label in found)


def test_acronym_before_and_stays_a_company_of_its_own(nlp):
    found = ents(make_block_doc(nlp, "BHP and the Orvane Mineral Resources Corporation signed the offtake deal."))
    assert ("BHP", "ORG") in found
    assert not any(name.startswith("BHP and") for name, _ in found)


@pytest.mark.parametrize(("sentence", "company"), [
    ("The plant is owned by Harbin Vantor Holding Group Co, a private firm, and two others.", "Harbin Vantor Holding Group Co"),
    ("In May the miner bought Torvald Mining Resources LTD.'s share of the venture.", "Torvald Mining Resources LTD"),
])
def test_legal_form_after_a_company_is_part_of_its_name(nlp, sentence, company):
    assert (company, "ORG") in ents(make_block_doc(nlp, sentence))


def test_first_part_of_a_hyphen_compound_is_no_legal_form(nlp):
    found = ents(make_block_doc(nlp, "Orvane Holdings Co-founder Ann Kim spoke on Monday."))
    assert not any(text.endswith("Co") for text, _ in found)
