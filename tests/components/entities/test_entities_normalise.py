"""Normalised names (``components/entities/normalise.py``): a nickname quoted inside a person's name is no part
of the person's name, and a place is named without its administrative word. Names invented for these tests."""

from __future__ import annotations

from support import make_block_doc, normalized

from pipeline.components.entities.normalise import without_nickname


def test_quoted_nickname_leaves_the_name() -> None:
    assert without_nickname("Tomas \u201cTommy\u201d Varga") == "Tomas Varga"
    assert without_nickname('Tomas "Tommy" Varga') == "Tomas Varga"


def test_name_without_a_nickname_is_unchanged() -> None:
    assert without_nickname("Tomas Varga") == "Tomas Varga"
    assert without_nickname("Liam O'Neill") == "Liam O'Neill"


def test_pipeline_names_the_person_without_the_nickname(nlp) -> None:
    doc = make_block_doc(nlp, "The ban was set up under former president Budi \u201cBodo\u201d Santoso, who left office in 2020.")
    assert ("Budi Santoso", "PERSON") in normalized(doc)


def test_pipeline_names_a_place_without_its_division_word(nlp) -> None:
    doc = make_block_doc(nlp, "The company operates a lithium mine in South Sulawesi Province, Indonesia.")
    assert ("South Sulawesi", "GPE") in normalized(doc)
