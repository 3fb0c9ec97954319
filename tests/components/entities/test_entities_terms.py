"""Document, programme and study terms written in title case (``not_organisations.json`` 'terms' and acronyms,
``refine.is_term``): they name no organisation. Sentences invented for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.shapes import not_a_name


@pytest.mark.parametrize("text", [
    "Nordvik Resources has received two Letters of Interest (LoIs) from a state lender.",
    "The agency opened a Call for Proposals for its new transport fund on Monday.",
    "Velmar Metals signed a Memorandum of Understanding (MoU) with Oskar Mining last week.",
    "The award is an Indefinite Delivery, Indefinite Quantity contract for refined metal.",
])
def test_document_and_programme_terms_are_no_organisations(nlp, text):
    found = ents(make_block_doc(nlp, text))
    assert not [name for name, _ in found
                if name.startswith(("Letters", "LoI", "Call", "Memorandum", "Indefinite"))]


def test_study_and_cost_terms_are_no_names(nlp):
    found = ents(make_block_doc(nlp, "The new PEA puts Capex at US$200 million and Opex at US$30 per tonne milled."))
    assert not [name for name, _ in found if name in {"PEA", "Capex", "Opex"}]


@pytest.mark.parametrize("text", [
    "Output of the Phase 3 concentrator rose in July, and Phase 3 adds capacity next year.",
    "Most Grade 3 rebar now holds vanadium, while Grade 2 rebar does not.",
    "The plan has a Phase 1 and Phase 2 build, the company said.",
])
def test_designations_are_no_names(nlp, text):
    assert not any(label != "COMMODITY" for _, label in ents(make_block_doc(nlp, text)))


def test_numbered_law_or_section_is_no_designation(nlp, tables):
    from spacy.tokens import Span

    from pipeline.components.entities.shapes import designation

    doc = make_block_doc(nlp, "Exports stopped under Section 232 and Decree 15 last year.")
    assert not designation(Span(doc, 3, 5, label="LAW"), tables)
    assert not designation(Span(doc, 6, 8, label="LAW"), tables)


@pytest.mark.parametrize("text", [
    "Measured and Indicated Resources at the deposit rose by a third to 40 million tonnes.",
    "Drilling converted most Inferred Mineral Resources to the Indicated category this year.",
    "The mine holds Proven and Probable Reserves of 12 million tonnes, and the new MRE adds more.",
])
def test_resource_and_reserve_categories_are_no_names(nlp, text):
    found = ents(make_block_doc(nlp, text))
    assert not [name for name, label in found
                if label != "COMMODITY" and name.endswith(("Resources", "Reserves", "MRE"))]


@pytest.mark.parametrize("text", [
    "The ministry approved the Environmental Impact Statement for the Dorvale lithium project.",
    "In 2019 the Board of Directors of the company took a large investment decision.",
])
def test_permitting_documents_and_the_board_are_no_names(nlp, text):
    found = ents(make_block_doc(nlp, text))
    assert not [name for name, _ in found if name.endswith(("Statement", "Directors"))]


@pytest.mark.parametrize("text", [
    "Velmar Metals will ship its first HPMSM to battery makers in Ohio next year.",
    "The plant turns HPEMM into sulphate, and the HPMSM goes to cathode makers.",
])
def test_battery_material_product_acronyms_are_no_organisations(nlp, text):
    found = ents(make_block_doc(nlp, text))
    assert not [name for name, label in found if name in {"HPMSM", "HPEMM"} and label != "COMMODITY"]


def test_owner_possessive_parts_the_owner_from_its_phase_and_its_unit(nlp):
    text = ("The company said that Kestrel-Marlow’s Phase 3 expansion was ahead of schedule. It will widen "
            "Orvane’s Chemistry and Enrichment Business Unit supply base, the firm added.")
    found = ents(make_block_doc(nlp, text))
    assert not any("’s" in name for name, _ in found)
    assert ("Kestrel-Marlow", "ORG") in found
    assert ("Orvane", "ORG") in found
    assert ("Chemistry and Enrichment Business Unit", "ORG") in found


def test_possessive_inside_a_known_kind_of_name_stays(nlp):
    found = ents(make_block_doc(nlp, "The state paper People’s Daily said copper imports rose in the first half of May."))
    assert ("People’s Daily", "ORG") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [("Receipt of the Mining Licence for the Lindi project came in May.", "Mining Licence"),
     ("Key MoU terms are listed below.", "Key MoU")],
)
def test_document_words_read_as_a_person_are_no_names(nlp, tables, text, name):
    doc = nlp.make_doc(text)
    start = len(nlp.make_doc(text[: text.index(name)]))
    span = Span(doc, start, start + len(nlp.make_doc(name)), label="PERSON")
    assert span.text == name
    assert not_a_name(span, tables)
    assert not not_a_name(Span(doc, start, start + 1, label="PERSON"), tables)  # the first word alone may be a name


def test_press_release_embargo_line_is_no_name(nlp):
    found = ents(make_block_doc(nlp, "TUCSON, March 3, 2024 — For Immediate Release. The forest office set out its plan."))
    assert not [name for name, _ in found if "Release" in name]


@pytest.mark.parametrize("text", [
    "•High-level Scoping Study for Marrow Bay HPMSM development, examining permits and logistics.",
    "Harrow Minerals gets Works Approval from state regulator",
    "Quarry Ltd said Canberra had granted its mill Major Project Status last week.",
    "Key Data Points:\nTalvik Metals shipped more ore in March.",
])
def test_report_and_approval_titles_are_no_names(nlp, text):
    """A title closed by a report or approval word (``report_heads``), or a study term the model ran into the next
    word ("Scoping Study for"), names no organisation, place or site."""
    found = ents(make_block_doc(nlp, text))
    assert not [name for name, _ in found if name.endswith(("Study", "Approval", "Status", "Points"))]


def test_a_body_closed_by_a_report_word_keeps_its_name(nlp, tables):
    doc = make_block_doc(nlp, "The Office of Audit Results published its review.")
    from pipeline.components.entities.shapes import report_title
    assert not report_title(Span(doc, 1, 5, label="ORG"), tables)
    assert report_title(Span(doc, 3, 5, label="ORG"), tables)
