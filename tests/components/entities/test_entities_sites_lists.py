"""Round 11 (read off unannotated silver news): coordinated sites, "site" as a site word, site appositions that go
on with a place, and plural designations (``components/entities/sites.py``). Sentences invented for these tests."""

from __future__ import annotations

from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.sites import coordinated_site, facility_name, plural_designation


def test_names_between_an_owner_word_and_a_plural_site_noun_are_sites(nlp, tables):
    doc = nlp.make_doc("Output is rising at its Corrin Ridge and Wexlow sites in Zambia.")
    first, second = Span(doc, 5, 7, label="PERSON"), Span(doc, 8, 9, label="GPE")
    assert (first.text, second.text) == ("Corrin Ridge", "Wexlow")
    assert coordinated_site(first, tables).label_ == "FACILITY"
    assert coordinated_site(second, tables).label_ == "FACILITY"


def test_known_places_in_such_a_list_keep_their_label(nlp, tables):
    doc = nlp.make_doc("Sales rose at its Chile and Peru operations.")
    assert coordinated_site(Span(doc, 4, 5, label="GPE"), tables) is None


def test_a_single_name_needs_no_coordination_rule(nlp, tables):
    doc = nlp.make_doc("Output rose at its Wexlow mines.")
    assert coordinated_site(Span(doc, 4, 5, label="GPE"), tables) is None


def test_site_word_after_a_person_or_company_reading_makes_a_site(nlp, tables):
    doc = nlp.make_doc("The group confirmed the future Okarra site, a manganese deposit.")
    assert facility_name(Span(doc, 5, 6, label="PERSON"), tables).label_ == "FACILITY"


def test_site_word_after_a_town_keeps_the_town(nlp, tables):
    doc = nlp.make_doc("The firm leased land for the Kwinana site last year.")
    assert facility_name(Span(doc, 6, 7, label="ORG"), tables) is None


def test_site_apposition_may_go_on_with_a_place(nlp):
    found = ents(make_block_doc(nlp, "In 2021 the group offered to buy Tavrix, a copper mine in Peru, from a rival."))
    assert ("Tavrix", "FACILITY") in found


def test_title_case_plural_site_keyword_names_a_class_of_sites(nlp, tables):
    doc = nlp.make_doc("The Commission approved 13 Strategic Projects in May.")
    assert plural_designation(Span(doc, 4, 5, label="FACILITY"), tables)
    doc = nlp.make_doc("The funds go to the Corrin and Wexlow Projects.")
    assert not plural_designation(Span(doc, 7, 8, label="FACILITY"), tables)


def test_document_modifier_negated_adjective_and_initial_are_no_names(nlp, tables):
    from pipeline.components.entities.shapes import not_a_name

    doc = nlp.make_doc("Under the Corrin Mining Agreement, the 13 Non-EU projects and V L Rao agreed.")
    assert not_a_name(Span(doc, 2, 4, label="ORG"), tables)  # "Corrin Mining" before "Agreement"
    assert not_a_name(Span(doc, 8, 11, label="ORG"), tables)  # "Non-EU"
    assert not_a_name(Span(doc, 14, 15, label="PERSON"), tables)  # "L"
    assert not not_a_name(Span(doc, 15, 16, label="PERSON"), tables)


def test_name_holding_a_document_head_is_a_document(nlp, tables):
    from pipeline.components.entities.shapes import not_a_name

    doc = nlp.make_doc("The Corrin Lithium Operation Contract and the Energy Governance Initiative were signed.")
    assert not_a_name(Span(doc, 1, 5, label="ORG"), tables)  # "... Contract": a document
    assert not not_a_name(Span(doc, 7, 10, label="ORG"), tables)  # "... Initiative" also closes bodies' names
    doc = nlp.make_doc("The approval of a Tarvo Mining Licence came in July.")
    assert not_a_name(Span(doc, 4, 6, label="ORG"), tables)  # "Tarvo Mining" before "Licence"


def test_document_names_are_no_organisations_in_running_text(nlp):
    text = "The company asked for talks under the Bilateral Investment Treaty between the two countries in May."
    assert not any(label == "ORG" for _, label in ents(make_block_doc(nlp, text)))
