"""Round 11 (read off unannotated silver news): persons the model gives another label, and person readings of names
that are not persons (``components/entities/persons.py``). Sentences invented for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.persons import (
    coordinated_person,
    coordinated_place,
    mountain_name,
    organisation_worded,
    possessed_role,
    without_reporting_verb,
)


def _span(nlp, text: str, words: str, label: str, *, n: int = 0) -> Span:
    doc = nlp.make_doc(text)
    start_char = [i for i in range(len(text)) if text.startswith(words, i)][n]
    span = doc.char_span(start_char, start_char + len(words), label=label)
    assert span is not None
    return span


def test_second_of_two_people_joined_by_and_is_a_person(nlp, tables):
    text = "Ines Varga and Tomas Wyler of the Daily Ledger wrote that miners are cutting jobs."
    person = _span(nlp, text, "Ines Varga", "PERSON")
    other = Span(person.doc, 3, 5, label="ORG")
    assert other.text == "Tomas Wyler"
    assert coordinated_person(other, [person, other], tables).label_ == "PERSON"


def test_first_of_two_people_joined_by_and_is_a_person(nlp, tables):
    text = "Tomas Wyler and Ines Varga wrote the report."
    doc = nlp.make_doc(text)
    other, person = Span(doc, 0, 2, label="GPE"), Span(doc, 3, 5, label="PERSON")
    assert coordinated_person(other, [other, person], tables).label_ == "PERSON"


def test_a_company_beside_a_person_stays_a_company(nlp, tables):
    doc = nlp.make_doc("Ines Varga and Corvane Metals signed the deal.")
    person, company = Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="ORG")
    assert coordinated_person(company, [person, company], tables) is None


def test_name_before_an_employers_possessive_and_a_title_is_a_person(nlp, tables):
    text = "Quoted by a weekly, Oskar Brandt, Telvano's general manager, confirmed the plan."
    assert possessed_role(_span(nlp, text, "Oskar Brandt", "ORG"), tables)


def test_name_between_said_and_a_title_is_a_person_but_not_an_employer(nlp, tables):
    text = "“We are pleased,” said Oskar Brandt CEO and director of Telvano."
    assert possessed_role(_span(nlp, text, "Oskar Brandt", "ORG"), tables)
    text = "“We are pleased,” said Telvano Cobalt President Oskar Brandt."
    assert not possessed_role(_span(nlp, text, "Telvano Cobalt", "ORG"), tables)


def test_possessive_without_a_title_is_no_cue(nlp, tables):
    text = "Oskar Brandt, Telvano's largest rival, grew."
    assert not possessed_role(_span(nlp, text, "Oskar Brandt", "ORG"), tables)


def test_romance_organisation_word_opening_a_person_makes_an_organisation(nlp, tables):
    text = "Its subsidiary Minera Calvo will run the plant."
    assert organisation_worded(_span(nlp, text, "Minera Calvo", "PERSON"), tables).label_ == "ORG"
    text = "Compagnie Minière de Salle runs the railway."
    assert organisation_worded(_span(nlp, text, "Compagnie Minière de Salle", "PERSON"), tables).label_ == "ORG"


@pytest.mark.parametrize(("text", "name"), [
    ("The province said Ressources Orvanne will buy the bonds.", "Ressources Orvanne"),
    ("A loan from Recursos Valdéz closed in May.", "Recursos Valdéz"),
    ("Groupe Marceau holds a fifth of the company.", "Groupe Marceau"),
    ("Caisse Brouard added to its stake.", "Caisse Brouard"),
])
def test_french_and_spanish_company_nouns_opening_a_person_make_an_organisation(nlp, tables, text, name):
    assert organisation_worded(_span(nlp, text, name, "PERSON"), tables).label_ == "ORG"


def test_inverted_reporting_verb_is_no_part_of_the_name(nlp, tables):
    span = without_reporting_verb(_span(nlp, "Said Brandt: the deal is done.", "Said Brandt", "PERSON"), tables)
    assert span.text == "Brandt"


def test_name_after_mt_is_the_mountain_or_its_mine(nlp, tables):
    text = "Work at Mt Corrin stopped, and the Mt Corrin nickel mine will close."
    first = mountain_name(_span(nlp, text, "Corrin", "PERSON"), tables)
    second = mountain_name(_span(nlp, text, "Corrin", "PERSON", n=1), tables)
    assert (first.text, first.label_) == ("Mt Corrin", "LOC")
    assert (second.text, second.label_) == ("Mt Corrin", "FACILITY")


def test_one_word_person_joined_to_a_place_is_a_place(nlp):
    doc = nlp.make_doc("The fund helps the towns of Dalby and Wexcombe.")
    town, other = Span(doc, 6, 7, label="GPE"), Span(doc, 8, 9, label="PERSON")
    assert coordinated_place(other, [town, other]).label_ == "GPE"
    assert coordinated_place(Span(doc, 8, 9, label="PERSON"), [other]) is None


def test_pipeline_reads_two_reporters_and_a_mountain(nlp):
    from support import ents, make_block_doc

    found = ents(make_block_doc(nlp, "Operations at Mt Corrin and Dalby will be suspended, the miner said."))
    assert ("Corrin", "PERSON") not in found


@pytest.mark.parametrize(("text", "name"), [
    ("Output rose at Tavrolen, an Australian-based nickel company, last year.", "Tavrolen"),
    ("Prices at Orvanta, the world's second-largest producer, rose in May.", "Orvanta"),
])
def test_name_heading_a_company_apposition_is_a_company(nlp, text, name):
    assert (name, "ORG") in ents(make_block_doc(nlp, text))


@pytest.mark.parametrize("text", [
    "Ann Lee, a partner at the firm, said prices rose.",
    "Ann Lee, the company's chief executive, said prices rose.",
])
def test_person_before_a_company_word_stays_a_person(nlp, text):
    assert ("Ann Lee", "PERSON") in ents(make_block_doc(nlp, text))


def test_hyphenated_surname_before_a_title_apposition_is_a_person(nlp):
    # the model reads this name as an ORG; the parts of the hyphenated surname count as words of a two-word name
    found = ents(make_block_doc(nlp, "Lerato Khumalo-Ndlovu, CEO of Kestrel Metals, opened the plant."))
    assert {("Lerato Khumalo-Ndlovu", "PERSON"), ("Kestrel Metals", "ORG")} <= set(found)
