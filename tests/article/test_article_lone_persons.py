"""One-word PERSON names with no sign of a person (``pipeline.article.lone_persons``, through ``link_entities``):
kept with a title, a reporting verb, a leader's body or a full name; an ORG with a company or employer cue; else
dropped. Sentences invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.linking import link_entities
from pipeline.article.lone_persons import lone_person_labels


def _labels(text: str, names: list[tuple[str, str, str]]) -> list[str | None]:
    return lone_person_labels([entity_record(name, text.index(at), label=label) for name, label, at in names], text)


def test_titled_or_speaking_one_word_person_stays_a_person():
    text = "Premier Haldane backed the smelter. Orsk was upbeat, Haldane said later."
    assert _labels(text, [("Haldane", "PERSON", "Haldane backed"), ("Haldane", "PERSON", "Haldane said")]) == [
        "PERSON", "PERSON"]
    text = "The rules were eased, said Brandvik on Monday."
    assert _labels(text, [("Brandvik", "PERSON", "Brandvik")]) == ["PERSON"]


def test_leader_of_an_administration_stays_a_person():
    text = "The Morrow administration’s tariff plan and Quill's government both target cobalt."
    assert _labels(text, [("Morrow", "PERSON", "Morrow"), ("Quill", "PERSON", "Quill")]) == ["PERSON", "PERSON"]


def test_word_of_a_full_name_or_longer_name_is_left_to_linking():
    text = "Kestrel rose. Kestrel Mining Ltd owns the mill. Ebbe Tarn visited; Tarn left."
    names = [("Kestrel", "PERSON", "Kestrel rose"), ("Kestrel Mining Ltd", "ORG", "Kestrel Mining"),
             ("Ebbe Tarn", "PERSON", "Ebbe Tarn"), ("Tarn", "PERSON", "Tarn left")]
    assert _labels(text, names) == ["PERSON", "ORG", "PERSON", "PERSON"]


def test_company_cue_makes_the_name_an_organisation():
    text = "Vantorra’s operations grew, business daily outlet Presswise reported."
    assert _labels(text, [("Vantorra", "PERSON", "Vantorra"), ("Presswise", "PERSON", "Presswise")]) == ["ORG", "ORG"]


def test_employer_of_a_person_is_an_organisation():
    text = "Lena Ruud of Steelcor and Brightly's Owen Pike spoke. Dunmore chief executive Ida Vale agreed."
    names = [("Lena Ruud", "PERSON", "Lena Ruud"), ("Steelcor", "PERSON", "Steelcor"),
             ("Brightly", "PERSON", "Brightly"), ("Owen Pike", "PERSON", "Owen Pike"),
             ("Dunmore", "PERSON", "Dunmore"), ("Ida Vale", "PERSON", "Ida Vale")]
    assert _labels(text, names) == ["PERSON", "ORG", "ORG", "PERSON", "ORG", "PERSON"]


def test_name_joined_to_an_organisation_is_one_unless_placed():
    text = "A deal between Corvant and Halden Corp was signed; its plants at Belmo and Ristow Corp stand idle."
    names = [("Corvant", "PERSON", "Corvant"), ("Halden Corp", "ORG", "Halden"), ("Belmo", "PERSON", "Belmo"),
             ("Ristow Corp", "ORG", "Ristow")]
    assert _labels(text, names) == ["ORG", "ORG", None, "ORG"]


def test_uncued_one_word_person_is_dropped_by_linking():
    text = "Primary output fell at Ostrava. The cyclone Wenna hit the coast."
    records = [entity_record("Primary", 0, label="PERSON"), entity_record("Ostrava", text.index("Ostrava"), label="GPE"),
               entity_record("Wenna", text.index("Wenna"), label="PERSON")]
    assert [(record.text, record.label) for record in link_entities(records, text)] == [("Ostrava", "GPE")]


def test_person_reading_with_an_organisation_reading_elsewhere_is_left_to_linking():
    text = "Halvorn expanded. Halvorn’s operations grew, and Brisk fell while Brisk rose."
    names = [("Halvorn", "ORG", "Halvorn expanded"), ("Halvorn", "PERSON", "Halvorn’s"), ("Brisk", "ORG", "Brisk fell"),
             ("Brisk", "PERSON", "Brisk rose")]
    assert _labels(text, names) == ["ORG", "ORG", "ORG", "PERSON"]


def test_organisation_reading_of_a_titled_or_leading_name_is_a_person():
    text = "President-elect Dorrance may act. The Velland government and commodities trader Orvik disagree."
    names = [("Dorrance", "ORG", "Dorrance"), ("Velland", "ORG", "Velland"), ("Orvik", "ORG", "Orvik")]
    assert _labels(text, names) == ["PERSON", "PERSON", "ORG"]


def test_organisation_reading_of_a_speaking_surname_is_a_person():
    text = "Sales rose, Marta Kelso said. Kelso said more. Brakk Ltd grew and Brakk said so. Osmund said it."
    names = [("Marta Kelso", "PERSON", "Marta Kelso"), ("Kelso", "ORG", "Kelso said"), ("Brakk Ltd", "ORG", "Brakk Ltd"),
             ("Brakk", "ORG", "Brakk said"), ("Osmund", "ORG", "Osmund")]
    assert _labels(text, names) == ["PERSON", "PERSON", "ORG", "ORG", "ORG"]
