"""Issue 13, entities round 8: page furniture inside body blocks, lower-case words no name holds, "Government of X"
as the body's name, acronyms that open a company name, and a company named after a commodity. Sentences invented
for these tests."""

from __future__ import annotations

from support import ents, make_block_doc


def test_names_after_a_furniture_label_are_no_facts(nlp):
    found = ents(make_block_doc(nlp, "Tags: Brenmoor Mining, Chile, lithium carbonate\nBrenmoor Mining said output rose."))
    assert found.count(("Brenmoor Mining", "ORG")) == 1
    assert ("Chile", "GPE") not in found
    found = ents(make_block_doc(nlp, "Posted By : Ola Brandt on Fri, 3 May 2024\nPrices of nickel rose in Jakarta."))
    assert ("Ola Brandt", "PERSON") not in found
    assert ("Jakarta", "GPE") in found


def test_names_after_a_published_by_label_are_no_facts(nlp):
    found = ents(make_block_doc(nlp, "Post Published By: Ola Brandt\nUpdated : 3 May 2024\nNickel prices rose in Jakarta."))
    assert ("Ola Brandt", "PERSON") not in found
    assert ("Jakarta", "GPE") in found


def test_widget_lines_and_glued_bylines_name_nothing(nlp):
    found = ents(make_block_doc(nlp, "Email a friend\nRelated News from Metal segment\nByMarta\nZinc rose in Lima."))
    assert [text for text, _ in found] == ["Zinc", "Lima"]


def test_byline_glued_to_a_full_name_names_nothing(nlp):
    found = ents(make_block_doc(nlp, "ByMarta Olsen on August 20, 2025\nZinc rose in Lima."))
    assert not any("Olsen" in text for text, _ in found)


def test_a_label_must_be_the_whole_text_before_the_colon(nlp):
    found = ents(make_block_doc(nlp, "- Industry Outreach: President Ola Brandt will meet Kestrel Motors on Friday."))
    assert ("Ola Brandt", "PERSON") in found


def test_lower_case_content_word_is_no_name(nlp):
    found = ents(make_block_doc(nlp, "• Post-tax internal rate of return of 21.5%, using a 7% discount rate"))
    assert not [text for text, label in found if label == "ORG"]
    found = ents(make_block_doc(nlp, "Park Min-jun, head of the battery unit at Orvane Holdings, spoke on Monday."))
    assert ("Park Min-jun", "PERSON") in found


def test_government_of_a_place_is_the_body(nlp):
    found = ents(make_block_doc(nlp, "The mine is a joint venture with the Government of Indonesia."))
    assert ("Government of Indonesia", "ORG") in found
    assert ("Indonesia", "GPE") not in found


def test_acronym_opening_a_name_is_part_of_it(nlp):
    found = ents(make_block_doc(nlp, "Prices rose, according to consultancy RFC Ambrian, which tracks the market."))
    assert ("RFC Ambrian", "ORG") in found
    found = ents(make_block_doc(nlp, "Analysts at the US Geological Survey agreed."))
    assert ("RFC", "ORG") not in found and not any(text.startswith("US ") and label == "ORG" and text != "US Geological Survey"
                                                  for text, label in found)


def test_company_named_after_a_commodity(nlp):
    found = ents(make_block_doc(nlp, "Norway-based polysilicon manufacturer TRX Silicon will close its Butte plant."))
    assert ("TRX Silicon", "ORG") in found
    assert ("Silicon", "COMMODITY") not in found


def test_name_closed_by_a_feature_word_is_one_loc(nlp):
    found = ents(make_block_doc(nlp, "The refinery will be built on the Kallow Gulf Coast, near the North Atlantic Ocean."))
    assert ("Kallow Gulf Coast", "LOC") in found
    assert ("North Atlantic Ocean", "LOC") in found
    assert ("Ivory Coast", "GPE") in ents(make_block_doc(nlp, "Cocoa from Ivory Coast rose."))


def test_law_reading_before_a_site_word_is_the_site(nlp):
    found = ents(make_block_doc(nlp, "The chipmaker expects its Fab 7 facility to run at full capacity."))
    assert ("Fab 7", "FACILITY") in found


def test_bare_state_is_no_organisation(nlp):
    found = ents(make_block_doc(nlp, "The State's mining arm, Kafue Holdings, had been in talks for a year."))
    assert ("State", "ORG") not in found


def test_shouted_capital_with_its_district(nlp):
    found = ents(make_block_doc(nlp, "BEIJING/WASHINGTON, D.C.: China has issued export licences to three firms."))
    assert ("WASHINGTON, D.C.", "GPE") in found


def test_sentence_cut_inside_a_line_is_no_headline(nlp):
    text = "PERTH, May 4, 2024 (GLOBE NEWSWIRE) -- First Brava Silver Corp. (TSX: FBS) (\"First Brava\") reports output."
    assert ("First Brava Silver Corp.", "ORG") in ents(make_block_doc(nlp, text))


def test_symbol_first_listing(nlp):
    text = "Brava Silver Corp. (BV: NYSE; BR: TSX; BVX: Frankfurt) reported quarterly output on Monday."
    found = ents(make_block_doc(nlp, text))
    assert {("NYSE", "ORG"), ("TSX", "ORG"), ("Frankfurt", "ORG")} <= set(found)
    assert not {"BV", "BR", "BVX"} & {name for name, _ in found}
    found = ents(make_block_doc(nlp, "Lynas Rare Earths (ASX: LYC; OTC: LYSCF) said on Monday."))
    assert ("ASX", "ORG") in found and "LYC" not in {name for name, _ in found}


def test_both_spellings_of_aluminium_are_one_commodity(nlp):
    doc = make_block_doc(nlp, "Tariffs on aluminum rose; aluminium prices fell.")
    assert {ent._.orewire_entity["normalized"] for ent in doc.ents if ent.label_ == "COMMODITY"} == {"aluminium"}


def test_name_closed_by_and_joins_the_next_organisation(nlp):
    found = ents(make_block_doc(nlp, "The tender, run jointly with Study and Project Financing Agency (Finep), ended in May."))
    assert ("Study and Project Financing Agency", "ORG") in found


def test_and_between_two_activity_words_stays_inside_one_company(nlp):
    text = "The deal was signed by Hunan Tin Group's Overseas Engineering and Construction Co., Ltd. on Monday."
    found = ents(make_block_doc(nlp, text))
    assert ("Overseas Engineering and Construction Co., Ltd.", "ORG") in found


def test_section_tags_name_nothing(nlp):
    assert ents(make_block_doc(nlp, "Lithium", zone="title")) == []
    found = ents(make_block_doc(nlp, "AFRICA\n2 min read\nGabon plans a ban on manganese exports."))
    assert ("AFRICA", "LOC") not in found and ("Gabon", "GPE") in found


def test_wire_credit_glued_to_its_dash(nlp):
    found = ents(make_block_doc(nlp, "(MENAFN- Wire Desk) --Wire Desk--\nKorvane Ltd said output rose."))
    assert [name for name, label in found if label == "ORG"] == ["Korvane Ltd"]


def test_name_set_after_a_singular_site_noun_is_the_site(nlp):
    text = "Peñoles halted work at its zinc mining unit, Benito Juarez, located in Morelos, Zacatecas."
    assert ("Benito Juarez", "FACILITY") in ents(make_block_doc(nlp, text))
    assert ("Chile", "GPE") in ents(make_block_doc(nlp, "The company runs the mine, Chile, the ministry said."))


def test_untagged_list_member_takes_its_neighbours_label(nlp):
    found = ents(make_block_doc(nlp, "KCM runs mines in four towns, including Chingola, Chililabombwe, Nampundwe and Kitwe."))
    assert ("Chililabombwe", "GPE") in found


def test_untagged_company_opening_a_sentence(nlp):
    found = ents(make_block_doc(nlp, "Orvanex released its quarterly report on Tuesday."))
    assert ("Orvanex", "ORG") in found
    found = ents(make_block_doc(nlp, "Kestrava, the state-owned rail and ports utility, has been criticised."))
    assert ("Kestrava", "ORG") in found
    found = ents(make_block_doc(nlp, "Meanwhile, the miner, which is listed in Sydney, said output rose."))
    assert ("Meanwhile", "ORG") not in found


def test_compass_word_before_a_state_names_a_region(nlp):
    found = ents(make_block_doc(nlp, "The uranium wells in South Texas and a plant in South-East Queensland restarted."))
    assert ("South Texas", "LOC") in found
    assert ("South-East Queensland", "LOC") in found
    assert ("Western Australia", "GPE") in ents(make_block_doc(nlp, "The mill in Western Australia restarted."))


def test_compass_word_in_a_longer_name_or_an_administrative_region_stays(nlp):
    found = ents(make_block_doc(nlp, "Output fell in the East Kazakhstan region, the South China Morning Post said."))
    assert ("East Kazakhstan", "LOC") not in found
    assert ("South China", "LOC") not in found
