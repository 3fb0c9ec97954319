"""Fifth issue-13 round (``components/entities/conventions.py`` and the rules it joined in ``refine``, ``names``,
``normalise`` and the data files): general conventions of news copy. Sentences invented for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span
from support import ents, make_block_doc, normalized

from pipeline.components.entities.conventions import job_title
from pipeline.components.entities.normalise import short_title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Head of Research", True),
        ("Chief Financial Officer", True),
        ("Managing Director", True),
        ("Ministry of Finance", False),
        ("Research Council", False),
    ],
)
def test_job_title_needs_title_words_only(nlp, tables, text, expected):
    doc = nlp.make_doc(text)
    assert job_title(Span(doc, 0, len(doc), label="ORG"), tables) is expected


def test_title_case_role_is_no_organisation(nlp):
    doc = make_block_doc(nlp, "The Head of Research at Dunmore Capital, Ola Brandt, said prices would rise.")
    assert not any(text == "Head of Research" for text, _ in ents(doc))


def test_place_before_government_is_the_place(nlp):
    doc = make_block_doc(nlp, "Tarrow Metals said the Western Australia Government had approved its work plan.")
    assert ("Western Australia", "GPE") in ents(doc)
    assert not any("Government" in text for text, _ in ents(doc))


def test_nationality_before_government_stays_norp(nlp):
    doc = make_block_doc(nlp, "The Australian Government also backed the refinery plan on Tuesday.")
    assert ("Australian", "NORP") in ents(doc)
    assert not any("Government" in text for text, _ in ents(doc))


def test_geographical_unit_is_loc(nlp):
    doc = make_block_doc(nlp, "Nickel ore from mines in Sulawesi is shipped to the smelters.")
    assert ("Sulawesi", "LOC") in ents(doc)


def test_unknown_name_before_region_is_loc(nlp):
    doc = make_block_doc(nlp, "The Brellin Project is located in the Carraway region of Victoria.")
    assert ("Carraway", "LOC") in ents(doc)


def test_known_province_before_region_keeps_its_label(nlp):
    doc = make_block_doc(nlp, "Drilling in the Ontario region resumed in May.")
    assert ("Ontario", "GPE") in ents(doc)


def test_body_head_takes_its_of_complement(nlp):
    doc = make_block_doc(nlp, "The Korea Association of Cell Recyclers welcomed the tariff cut.")
    assert ("Korea Association of Cell Recyclers", "ORG") in ents(doc)


def test_title_then_comma_makes_a_person(nlp):
    doc = make_block_doc(nlp, "Brightwell Mining's chief financial officer, Lerato Mokoena, said the sale was near.")
    assert ("Lerato Mokoena", "PERSON") in ents(doc)


def test_site_keyword_after_commodity_words(nlp):
    doc = make_block_doc(nlp, "The group will sell its stake in the Tamboro copper-cobalt mine next year.")
    assert ("Tamboro", "FACILITY") in ents(doc)


def test_second_ticker_in_one_bracket_is_no_entity(nlp):
    doc = make_block_doc(nlp, "Tarrow Metals Ltd (ASX: TRW; OTCQX: TRWMF) said output rose in the quarter.")
    assert not any(text in {"TRW", "TRWMF"} for text, _ in ents(doc))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("U.S. Clean Metals Act of 2023", "Clean Metals Act"),
        ("Critical Minerals Security Act", "Critical Minerals Security Act"),
        ("Law on Subsoil", "Law on Subsoil"),
    ],
)
def test_law_short_title(tables, name, expected):
    assert short_title(name, tables) == expected


def test_spelled_out_finance_terms_are_no_names(nlp):
    doc = make_block_doc(nlp, "The study gives a Net Present Value of $1 billion and an Internal Rate of Return of 20%.")
    assert not any(label == "ORG" for _, label in ents(doc))


def test_role_acronym_is_no_organisation(nlp):
    doc = make_block_doc(nlp, "The CEO said the AGM would vote on the plan.")
    assert not any(text in {"CEO", "AGM"} for text, _ in ents(doc))


def test_magnet_is_a_manufactured_good_not_a_form(nlp):
    doc = make_block_doc(nlp, "The grant supports the domestic rare earth magnet supply chain.")
    assert ("rare earths", "COMMODITY") in normalized(doc)


@pytest.mark.parametrize("text", [
    "PERTH (Reuters) – Tarrow Metals said output rose in the quarter.",
    "PERTH (Meridian Wire) – Tarrow Metals said output rose in the quarter.",
    "March 4 (Meridian Wire) - Tarrow Metals said output rose in the quarter.",
    "OSLO, Norway, May 2, 2025 (NORDIC NEWSWIRE) -- Tarrow Metals said output rose in the quarter.",
])
def test_an_agency_in_a_dateline_is_a_credit(nlp, text: str) -> None:
    names = [name for name, _ in ents(make_block_doc(nlp, text))]
    assert "Tarrow Metals" in names and not any(name in {"Reuters", "Meridian Wire", "NORDIC NEWSWIRE"} for name in names)


def test_an_agency_the_story_quotes_is_kept(nlp) -> None:
    doc = make_block_doc(nlp, "Tarrow Metals told the Meridian Times that output rose in the quarter.")
    assert ("Meridian Times", "ORG") in ents(doc)


def test_bank_takes_its_country_complement(nlp):
    doc = make_block_doc(nlp, "Analysts at Royal Bank of Canada called the takeover offer cheap on Monday.")
    assert ("Royal Bank of Canada", "ORG") in ents(doc)
    assert not [text for text, label in ents(doc) if label == "GPE"]


def test_state_after_a_nationality_is_the_nationality(nlp):
    doc = make_block_doc(nlp, "The Malian State will hold a 30% stake in the lithium project.")
    assert ("Malian", "NORP") in ents(doc)
    assert not [text for text, label in ents(doc) if label == "ORG"]
