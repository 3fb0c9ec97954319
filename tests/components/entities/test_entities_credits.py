"""Wire and caption credits (``components/entities/credits.py``): an agency named where wire copy credits its
source is no entity; the same agency as an actor of the story stays one. Sentences invented for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span
from support import ents, make_block_doc

from pipeline.components.entities.credits import wire_credit
from pipeline.components.entities.view import TokenColumns


def _credit(doc, text: str, label: str = "ORG") -> bool:
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 4, len(doc)) + 1):
            if doc[start:end].text == text:
                return wire_credit(Span(doc, start, end, label=label), TokenColumns(doc))
    raise AssertionError(text)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("OSLO, March 3 (Reuters) - Nordvik Metals said it would close a smelter.", "Reuters"),
        ("March 3, 2026 (Fjord Newswire) -- Nordvik Metals filed its results.", "Fjord Newswire"),
        ("LIMA (Andes Wire) — The copper strike ended.", "Andes Wire"),
        ("Trucks queue at the border post. / Reuters\nThe ban took effect on Monday.", "Reuters"),
        ("Trucks queue at the border post. | Andes Wire", "Andes Wire"),
        ("QUITO, Ecuador (AP) _ Miners walked out on Monday.", "AP"),
        ("Hanoi (Delta News) – Tin exports fell in May.", "Delta News"),
        ("Tin Curbs Lifted\n(Andes Wire)\nPeru lifted its limits.", "Andes Wire"),
        ("BRAXTON, Ariz. (AP) — The copper mine won its permit.", "AP"),
        ("KESTON, Mich. (WKRV) - The county board backed the mine.", "WKRV"),
    ],
)
def test_agency_in_a_credit_place_is_a_credit(text, agency):
    assert _credit(spacy.blank("en")(text), agency)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A manager told Reuters the smelter would close.", "Reuters"),
        ("The loan from the Export-Import Bank (EXIM) - a first - was signed.", "EXIM"),
        ("The Pr/Nd ratio rose.", "Nd"),
        ("Output rose at Nordvik Metals (Norway) and its partner.", "Norway"),
        ("Shares rose, said Ola Brandt (Nordvik Metals) - a first.", "Nordvik Metals"),
    ],
)
def test_name_elsewhere_is_no_credit(text, name):
    assert not _credit(spacy.blank("en")(text), name)


def test_place_after_a_bar_is_no_credit():
    assert not _credit(spacy.blank("en")("Mar 3, 2026 | PERTH"), "PERTH", "GPE")


def test_pipeline_drops_the_dateline_credit_and_keeps_the_actor(nlp):
    credited = make_block_doc(nlp, "OSLO, March 3 (Reuters) - Nordvik Metals said it would close a smelter.")
    assert ("Reuters", "ORG") not in ents(credited)
    told = make_block_doc(nlp, "A Nordvik Metals manager told Reuters the smelter would close.")
    assert ("Reuters", "ORG") in ents(told)


def test_place_before_a_bracketed_credit_is_the_literal_city(nlp):
    found = make_block_doc(nlp, "Hanoi (Delta News) – Vietnam's tin exports fell in May.")
    assert ("Hanoi", "Hanoi") in {(e.text, e._.orewire_entity["normalized"]) for e in found.ents}


def test_byline_after_a_label_names_no_actor(nlp):
    found = ents(make_block_doc(nlp, "By: Dana Whitlow\nNordvik Metals said output rose in Chile."))
    assert ("Dana Whitlow", "PERSON") not in found
    assert ("Chile", "GPE") in found


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Trucks wait at the border post. Ana Ruiz (AP)\nThe ban began on Monday.", "Ana Ruiz", "PERSON"),
        ("Trucks wait at the border post. Ana Ruiz (AP)\nThe ban began on Monday.", "AP", "ORG"),
        ("Salt flats near the plant. Ola Brandt (Reuters)", "Reuters", "ORG"),
    ],
)
def test_photographer_and_agency_closing_a_caption_are_credits(text, name, label):
    assert _credit(spacy.blank("en")(text), name, label)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The deal was led by Ana Ruiz (Nordvik) and her team.", "Ana Ruiz", "PERSON"),
        ("The deal was signed. Ana Ruiz (Nordvik) said talks went well.", "Ana Ruiz", "PERSON"),
        ("Output rose at Nordvik Metals (NVM)", "NVM", "ORG"),
    ],
)
def test_bracket_inside_a_sentence_is_no_caption_credit(text, name, label):
    assert not _credit(spacy.blank("en")(text), name, label)


def test_pipeline_drops_a_caption_credit(nlp):
    found = ents(make_block_doc(nlp, "Brine ponds dry in the sun at the Nordvik site. Ana Ruiz (AP)\nOutput rose."))
    assert ("Ana Ruiz", "PERSON") not in found
    assert ("AP", "ORG") not in found


def test_photographer_with_agency_and_year_in_one_bracket_is_a_credit():
    doc = spacy.blank("en")("Miners at the pit in 2008. (Ana Ruiz, AP2008)\nOutput rose.")
    assert _credit(doc, "Ana Ruiz", "PERSON")


def test_person_with_a_job_title_in_brackets_is_no_credit():
    assert not _credit(spacy.blank("en")("The board named (Ana Ruiz, CEO) as chair."), "Ana Ruiz", "PERSON")


def test_an_outlet_named_as_a_source_keeps_its_news_head(nlp):
    found = ents(make_block_doc(nlp, "Zinc output fell 4% last year, said Halden News. The plan, reported by "
                                     "Halden News, goes to the ministry next week."))
    assert ("Halden News", "ORG") in found
    assert ("Halden", "ORG") not in found


def test_outlet_glued_to_the_last_stop_is_a_credit(nlp):
    credited = make_block_doc(nlp, "Nordvik Metals will sell the smelter to Ostra Holdings next year, the company said.Fjord Daily")
    assert ("Fjord Daily", "ORG") not in ents(credited)
    assert ("Ostra Holdings", "ORG") in ents(credited)


def test_name_after_a_spaced_stop_is_no_glued_credit(nlp):
    doc = nlp.make_doc("The smelter closed. Nordvik Metals")
    assert not _credit(doc, "Nordvik Metals")
    glued = nlp.make_doc("The smelter closed.Nordvik Metals")
    assert _credit(glued, "Nordvik Metals")


def test_release_wire_bracket_with_a_date_is_a_credit(nlp):
    doc = make_block_doc(nlp, "Halden, Ontario–(Wirefile Corp. – May 4, 2025) – Brennick Metals Corp. reports a new resource.")
    found = ents(doc)
    assert ("Ontario", "GPE") in found
    assert not [name for name, _ in found if name.startswith("Wirefile")]
    assert ("Brennick Metals Corp.", "ORG") in found


@pytest.mark.parametrize("text", [
    "Two traders told Ore Bulletin that prices would rise after the new rules.",
    "As reported by Smelting Weekly, the plant restarted in June.",
])
def test_a_name_ending_in_an_outlet_word_is_the_outlet(nlp, text):
    found = ents(make_block_doc(nlp, text))
    outlets = [(name, label) for name, label in found if name.endswith(("Bulletin", "Weekly"))]
    assert outlets and all(label == "ORG" for _, label in outlets)


def test_agency_before_a_contribution_note_is_a_credit(nlp):
    found = ents(make_block_doc(nlp, "The mill will reopen in May.\n\nThe Andes Wire Service contributed to this report."))
    assert not any(label in {"ORG", "PERSON"} for _, label in found)
    kept = ents(make_block_doc(nlp, "The Andes Wire Service reported that the mill will reopen in May."))
    assert any(label == "ORG" for _, label in kept)


def test_wire_credit_with_its_dash_glued_to_the_story_is_a_credit(nlp):
    found = ents(make_block_doc(nlp, "QUITO (Andes Wire) -Ecuador will cut its mining levy, officials said."))
    assert ("Ecuador", "GPE") in found
    assert not any(name.startswith("Andes") for name, _ in found)


@pytest.mark.parametrize("credit", [
    "(Reporting by Ann Example in Perth; Editing by Cy Example)",
    "--With assistance from Bo Marsh in Oslo and Di Vance in Lima.",
])
def test_places_where_credited_reporters_sat_are_no_entities(nlp, credit):
    found = ents(make_block_doc(nlp, f"Zinc output at the smelter rose 4% in March.\n{credit}"))
    assert not [name for name, label in found if label in {"GPE", "PERSON"}]


def test_place_in_the_story_after_a_role_word_stays(nlp):
    found = ents(make_block_doc(nlp, "Figures compiled by the agency show zinc imports rose in Chile."))
    assert ("Chile", "GPE") in found


def test_picture_courtesy_names_no_organisation(nlp):
    found = ents(make_block_doc(nlp, "An aerial view of the open pit. (Courtesy Harlow Minerals)\nZinc output rose."))
    assert not [name for name, label in found if label == "ORG"]
