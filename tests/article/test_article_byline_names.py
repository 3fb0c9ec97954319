"""Bylines set as a line of names (``pipeline.article.byline_names``, through ``link_entities``): under a date, a
label line or over a writer's role, the names are no entities; elsewhere they stay. Lines invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.byline_names import byline_names, source_lines
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


def _sources(text: str, names: list[str]) -> set[int]:
    records = [entity_record(name, text.index(name), label="ORG") for name in names]
    return source_lines(records, text)


def test_agency_line_over_the_date_stamp_is_a_credit():
    text = "Zinc Smelter Restarts\n\nThe Kestrel Wire\nPublished Monday, March 4, 2026 9:26AM EST\n\nThe smelter restarted."
    assert _sources(text, ["Kestrel Wire"]) == {0}
    text = "Zinc Smelter Restarts\n\nNordvik Data\n\nTue, Mar 4, 2026, 10:01 AM 2 min read\n\nOutput rose."
    assert _sources(text, ["Nordvik Data"]) == {0}


def test_agency_over_its_placed_credit_is_a_credit_and_both_lines_go():
    text = "Zinc Smelter Restarts\n\nKestrel Wire\nKestrel Wire, Lima,\n  • Mar 4 2026, 21:56 pet\n\nOutput rose."
    records = [entity_record("Kestrel Wire", text.index("Kestrel"), label="ORG"),
               entity_record("Kestrel Wire", text.index("Kestrel Wire,"), label="ORG")]
    assert source_lines(records, text) == {0, 1}


def test_company_line_without_a_stamp_or_quoted_agency_stays():
    text = "Nordvik Metals\nOutput rose 4% in the quarter to March.\nKestrel Wire said output rose in 2026."
    assert _sources(text, ["Nordvik Metals", "Kestrel Wire"]) == set()
    text = "Nordvik Metals\nQ1 2026 output rose 4% on higher grades at the mine and the mill, the company said today."
    assert _sources(text, ["Nordvik Metals"]) == set()


def test_name_over_the_date_stamp_is_a_byline():
    text = "Lender Backs Rare Earth Mine\n\nDana Quill\nDecember 15, 2025\n3 min\n\nThe lender approved the loan."
    assert _bylines(text, [("Dana Quill", "PERSON")]) == {0}
    text = "Dana Quill\nOutput of the mine rose in 2025, the company said on Monday, as grades rose at the pit and the mill."
    assert _bylines(text, [("Dana Quill", "PERSON")]) == set()
