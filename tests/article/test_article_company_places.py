"""Company names the model read as places (``pipeline.article.company_places``, through ``link_entities``): a GPE
mention with no kb id whose name no place table lists becomes the ORG when some mention of it acts as a company.
Names and sentences invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.company_places import company_place_labels
from pipeline.article.linking import link_entities
from pipeline.resources.entities import place_names


def _labels(text: str, names: list[tuple[str, str, str]], kb_id: str | None = None) -> list[str]:
    records = [entity_record(name, text.index(at), label=label, kb_id=kb_id if label == "GPE" else None)
               for name, label, at in names]
    return company_place_labels(records, text)


def test_officer_title_before_a_person_makes_every_place_reading_the_company():
    text = "Vellmora halted its cathode plant. Vellmora chief executive Ann Brisk quit on Friday."
    names = [("Vellmora", "GPE", "Vellmora halted"), ("Vellmora", "GPE", "Vellmora chief"), ("Ann Brisk", "PERSON", "Ann")]
    assert _labels(text, names) == ["ORG", "ORG", "PERSON"]


def test_company_word_after_the_name_without_possessive():
    text = "Output fell at the mill, Quorvane shareholders heard."
    assert _labels(text, [("Quorvane", "GPE", "Quorvane")]) == ["ORG"]


def test_listing_bracket_after_the_name():
    text = "Tollgrave Energia (TGE.L) signed an offtake deal for its uranium."
    assert _labels(text, [("Tollgrave Energia", "GPE", "Tollgrave")]) == ["ORG"]


def test_no_cue_keeps_the_place_reading():
    text = "Quorvane lies two hours north of the border, past the river crossing."
    assert _labels(text, [("Quorvane", "GPE", "Quorvane")]) == ["GPE"]


def test_a_listed_city_coded_or_defined_place_keeps_its_label():
    assert "denver" in place_names()
    text = "Denver shareholders met in the hall."
    assert _labels(text, [("Denver", "GPE", "Denver")]) == ["GPE"]
    text = "Quorvane shareholders met in the hall."
    assert _labels(text, [("Quorvane", "GPE", "Quorvane")], kb_id="XX-QV") == ["GPE"]
    text = "The district of Quorvane grew; Quorvane shareholders met in the hall."
    names = [("Quorvane", "GPE", "Quorvane grew"), ("Quorvane", "GPE", "Quorvane share")]
    assert _labels(text, names) == ["GPE", "GPE"]


def test_linking_then_reads_the_bare_first_word_as_the_company():
    text = "Tollgrave Energia (TGE.L) signed an offtake deal. Tollgrave expects more buyers."
    later = text.index("Tollgrave exp")
    records = [entity_record("Tollgrave Energia", 0, label="GPE"), entity_record("Tollgrave", later, label="GPE")]
    linked = link_entities(records, text)
    assert [(record.label, record.normalized) for record in linked] == [
        ("ORG", "Tollgrave Energia"), ("ORG", "Tollgrave Energia")]
