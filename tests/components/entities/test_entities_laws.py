"""Law names (``vetting.vet_law_name``): a title-case run before a law head is the name in running text, two laws
joined by "and" are two, a head inside a longer name is no law, and a LAW only the model reads needs a law head
(``shapes.unheaded_model_law``). Sentences invented for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.shapes import unheaded_model_law, without_unheaded_model_laws


def test_long_law_names_are_whole_in_running_text(nlp):
    found = ents(make_block_doc(nlp, "Regulators said the smelter had broken the Soil Protection and Recovery Act "
                                     "and the Community Planning and Right-to-Know Act over three years."))
    assert ("Soil Protection and Recovery Act", "LAW") in found
    assert ("Community Planning and Right-to-Know Act", "LAW") in found


def test_two_laws_joined_by_and_are_two(nlp):
    found = ents(make_block_doc(nlp, "The plant must meet the Quiet Rivers Law and Toxic Residue Handling Law of "
                                     "the state before it reopens."))
    assert ("Quiet Rivers Law", "LAW") in found
    assert ("Toxic Residue Handling Law", "LAW") in found


def test_a_year_after_the_head_belongs_to_the_name_and_a_lone_bracket_does_not(nlp):
    found = ents(make_block_doc(nlp, "The deal still needs clearance under the Strategic Assets Screening Act 2019 "
                                     "and the Emergency Supply Act (ESA) Title II funds."))
    assert ("Strategic Assets Screening Act 2019", "LAW") in found
    assert ("Emergency Supply Act", "LAW") in found


def test_a_head_inside_a_longer_name_or_after_a_title_is_no_law(nlp):
    found = ents(make_block_doc(nlp, "Tailings from the Old Bill Heap near Kolwezi will be treated, and Energy "
                                     "Minister Bill Okoro approved the plan."))
    assert not [text for text, label in found if label == "LAW"]
    found = ents(make_block_doc(nlp, "Output fell after the Health Ministry's Federal Decree closed all mines."))
    assert not [text for text, label in found if label == "LAW"]


def test_a_title_case_list_line_keeps_the_law_whole(nlp):
    found = ents(make_block_doc(nlp, "- Clearance under the Strategic Assets and Investment Screening Act 2019"))
    assert ("Strategic Assets and Investment Screening Act 2019", "LAW") in found


def test_a_headline_preposition_is_no_part_of_the_law(nlp):
    found = ents(make_block_doc(nlp, "Bloc Names 12 Sites Under Strategic Cobalt Supply Act", zone="title"))
    assert ("Strategic Cobalt Supply Act", "LAW") in found


def test_a_numbered_canadian_instrument_is_a_law(nlp):
    found = ents(make_block_doc(nlp, "The estimate was prepared under NI 43-101 by a consultant for Velmar Metals."))
    assert ("NI 43-101", "LAW") in found
    assert ("NI", "ORG") not in found


@pytest.mark.parametrize(("text", "law"), [
    ("Jakarta issued Regulation No. 7/2021 on smelter permits last month.", "Regulation No. 7/2021"),
    ("Under Presidential Decree No. 31 of 2023, ore sales were halted.", "Presidential Decree No. 31"),
    ("Lawmakers in Nuuk passed Act No.14 on radioactive ores.", "Act No.14"),
    ("Bill No. 88 was sent to the upper house on Friday.", "Bill No. 88"),
])
def test_numbered_law_is_its_head_and_number(nlp, text, law):
    assert (law, "LAW") in ents(make_block_doc(nlp, text))


def test_mining_names_a_law_of_its_own(nlp):
    found = ents(make_block_doc(nlp, "Jakarta amended its Mining Law in 2020 and Conakry its Mining Code in 2011."))
    assert ("Mining Law", "LAW") in found
    assert ("Mining Code", "LAW") in found


def test_a_model_law_after_a_company_word_is_the_company(nlp):
    # the model reads a name and a number as a law; "miner" before it says it is a company
    found = ents(make_block_doc(nlp, "Australian miner Element 25 announced a loan on Monday."))
    assert ("Element 25", "ORG") in found and not any(label == "LAW" for _, label in found)


@pytest.mark.parametrize(
    ("text", "start", "end", "kept"),
    [
        ("Funding comes under the Coastal Renewal Action Plan agreed last year.", 4, 8, False),
        ("Futures rose to a high of Yuan 120,500 on Friday.", 6, 8, False),
        ("The miners challenged the Mineral Royalties Act in court.", 4, 7, True),
    ],
)
def test_model_law_needs_a_law_head(nlp, tables, text, start, end, kept):
    law = Span(nlp.make_doc(text), start, end, label="LAW")
    key = (start, end, "LAW")
    assert unheaded_model_law(law, {key}, set(), tables) is not kept
    assert not unheaded_model_law(law, {key}, {key}, tables)  # a rule's LAW is the rule's to judge


def test_short_form_of_an_unheaded_model_law_goes_with_it(nlp, tables):
    doc = nlp.make_doc("Loans come under the Build Here Initiative (BHI) and the Mining Act (MA).")
    plan, plan_short = Span(doc, 4, 7, label="LAW"), Span(doc, 8, 9, label="ORG")
    act, act_short = Span(doc, 12, 14, label="LAW"), Span(doc, 15, 16, label="ORG")
    modelled = {(span.start, span.end, span.label_) for span in (plan, plan_short, act, act_short)}
    kept = without_unheaded_model_laws([plan, plan_short, act, act_short], modelled, set(), tables)
    assert [span.text for span in kept] == ["Mining Act", "MA"]
