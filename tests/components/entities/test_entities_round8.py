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


def test_widget_lines_and_glued_bylines_name_nothing(nlp):
    found = ents(make_block_doc(nlp, "Email a friend\nRelated News from Metal segment\nByMarta\nZinc rose in Lima."))
    assert [text for text, _ in found] == ["Zinc", "Lima"]


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
