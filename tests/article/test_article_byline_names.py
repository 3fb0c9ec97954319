"""Bylines set as a line of names (``pipeline.article.byline_names``, through ``link_entities``): under a date, a
label line or over a writer's role, the names are no entities; elsewhere they stay. Lines invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.byline_names import byline_names
from pipeline.article.linking import link_entities


def _bylines(text: str, names: list[tuple[str, str]]) -> set[int]:
    records = [entity_record(name, text.index(name), label=label) for name, label in names]
    return byline_names(records, text)


def test_names_under_a_date_line_are_a_byline():
    text = "Tin Curbs Eased\nMarch 4, 2026\nIlse Marten and Oren Pask\n\nPeru eased its tin curbs."
    assert _bylines(text, [("Ilse Marten", "PERSON"), ("Oren Pask", "PERSON"), ("Peru", "GPE")]) == {0, 1}


def test_name_under_a_label_or_over_a_role_is_a_byline():
    text = "Author\nDana Quill\nOutput fell.\nPublished 2026\nSven Adler\nSenior Metals Correspondent sven@example.com"
    assert _bylines(text, [("Dana Quill", "PERSON"), ("Sven Adler", "PERSON")]) == {0, 1}


def test_name_line_elsewhere_or_with_other_words_stays():
    text = "Output fell in May.\nDana Quill\nCEO Sven Adler, 2026\nOren Pask spoke."
    assert _bylines(text, [("Dana Quill", "PERSON"), ("Sven Adler", "PERSON"), ("Oren Pask", "PERSON")]) == set()
    text = "March 4, 2026\nIlse Marten and Nordvik Metals"
    assert _bylines(text, [("Ilse Marten", "PERSON"), ("Nordvik Metals", "ORG")]) == set()


def test_linking_drops_the_byline_and_keeps_the_story_mention():
    text = "March 4, 2026\nIlse Marten\n\nIlse Marten of Nordvik said output fell."
    records = [entity_record("Ilse Marten", text.index("Ilse"), label="PERSON"),
               entity_record("Ilse Marten", text.rindex("Ilse"), label="PERSON")]
    assert [record.start for record in link_entities(records, text)] == [text.rindex("Ilse")]
