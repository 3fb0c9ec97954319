"""Deictic periods (``pipeline/components/dates/relative.py``) on sentences written for these tests: "the past
decade" is the ten years to the reference, like "the past year" and "the past two decades"; "the last decade"
stays the previous calendar decade, like "last year"."""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.schema.labels import DATE_GROUP


@pytest.mark.parametrize(("text", "expected"), [
    ("Cobalt output has tripled over the past decade.", ("past decade", "2014/2024", "2014-09-10", "2024-09-10")),
    ("Cobalt output tripled in the last decade.", ("last decade", "2010/2019", "2010-01-01", "2019-12-31")),
    ("Cobalt output has tripled over the past year.", ("past year", "2023/2024", "2023-09-10", "2024-09-10")),
])
def test_past_and_last_decade(nlp, text: str, expected: tuple[str, str, str, str]) -> None:
    doc = make_block_doc(nlp, text, reference="2024-09-10")
    span = doc.spans[DATE_GROUP][0]
    info = span._.orewire_date
    assert (span.text, info["timex"], info["start_date"], info["end_date"]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The panel will gather again on thursday.", [("thursday", "2024-09-12")]),
    ("Crews downed tools on monday.", [("monday", "2024-09-09")]),
    ("She said wed be late, then sat down.", []),
    ("Slots open thu. and close fri.", [("thu.", "2024-09-05"), ("fri.", "2024-09-06")]),
    # after an ordinal the weekday is counted from another date, which is not read: no date of its own
    ("Tenders close on the second Friday after the budget.", []),
])
def test_lower_case_full_weekday_names_are_dates(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2024-09-10")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A ruling could come during the course of the year.", [("year", "2024")]),
    # in a past clause it is the year the text was talking about, which is not read: no date
    ("Smelter stocks halved over the course of the year.", []),
])
def test_the_course_of_the_year(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2024-09-10")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected
