"""Site names the model read as companies or places (``pipeline.article.worked_sites``, through ``link_entities``):
a name no table lists that news places work at ("drilling at X") is the site. Names and sentences invented here."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import link_entities
from pipeline.article.worked_sites import worked_site_labels


def _labels(text: str, names: list[tuple[str, str, str]], kb_id: str | None = None) -> list[str]:
    records = [entity_record(name, text.index(at), label=label, kb_id=kb_id) for name, label, at in names]
    return worked_site_labels(records, text)


def test_work_word_before_at_makes_every_reading_the_site():
    text = "Drilling activities at Harrowgate East continued. Harrowgate East holds most of the ore."
    names = [("Harrowgate East", "ORG", "Harrowgate East cont"), ("Harrowgate East", "GPE", "Harrowgate East holds")]
    assert _labels(text, names) == ["FACILITY", "FACILITY"]


def test_up_to_two_words_between_the_work_word_and_at():
    text = "The permit extends the exploration licence period at Quellbrook."
    assert _labels(text, [("Quellbrook", "ORG", "Quellbrook")]) == ["FACILITY"]
    text = "The permit extends the exploration licence renewal period at Quellbrook."
    assert _labels(text, [("Quellbrook", "ORG", "Quellbrook")]) == ["ORG"]


def test_people_at_a_company_keep_it_an_organisation():
    text = "Ann Brisk, a strategist at Quellbrook, expects higher prices."
    assert _labels(text, [("Quellbrook", "ORG", "Quellbrook")]) == ["ORG"]


def test_company_words_cues_listed_places_and_codes_keep_the_label():
    text = "Output at Quellbrook Mining rose."
    assert _labels(text, [("Quellbrook Mining", "ORG", "Quellbrook")]) == ["ORG"]
    text = "Output at Quellbrook rose, Quellbrook shareholders heard."
    assert _labels(text, [("Quellbrook", "ORG", "Quellbrook rose"), ("Quellbrook", "ORG", "Quellbrook share")]) == ["ORG", "ORG"]
    text = "Production at Denver rose."
    assert _labels(text, [("Denver", "GPE", "Denver")]) == ["GPE"]
    text = "Production at Quellbrook rose."
    assert _labels(text, [("Quellbrook", "GPE", "Quellbrook")], kb_id="XX-QB") == ["GPE"]


def test_linking_keeps_the_site_label():
    text = "Exploration activities at Tarrish Ridge are under way."
    linked = link_entities([entity_record("Tarrish Ridge", text.index("Tarrish"), label="ORG")], text)
    assert [record.label for record in linked] == ["FACILITY"]
