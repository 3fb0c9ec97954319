"""A district written between a person's title and name (``article/placed_titles.py``). Sentences invented for these
tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.placed_titles import without_title_place

TEXT = ("Ore was found in Korvam district last month. Deputy Commissioner Korvam Anil Desh said tests go on. "
        "Korvam Anil Desh later met the miners.")


def _records(text: str, name: str, at: str):
    return [entity_record("Korvam", text.index("Korvam"), label="GPE"),
            entity_record(name, text.index(at), label="PERSON")]


def test_district_between_title_and_name_is_no_part_of_the_name():
    person = without_title_place(_records(TEXT, "Korvam Anil Desh", "Korvam Anil Desh said"), TEXT)[1]
    assert (person.text, person.normalized) == ("Anil Desh", "Anil Desh")
    assert TEXT[person.start : person.end] == "Anil Desh"


def test_name_without_a_title_before_it_stays_whole():
    person = without_title_place(_records(TEXT, "Korvam Anil Desh", "Korvam Anil Desh later"), TEXT)[1]
    assert person.text == "Korvam Anil Desh"


def test_first_word_the_article_never_calls_a_division_stays():
    text = "Ore was found near Korvam last month. Deputy Commissioner Korvam Anil Desh said tests go on."
    person = without_title_place(_records(text, "Korvam Anil Desh", "Korvam Anil Desh said"), text)[1]
    assert person.text == "Korvam Anil Desh"
