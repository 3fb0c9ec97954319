"""The weeks of the date stage (``weeks``): "the week of <day>" is the ISO week holding the day, or the week a
Sunday opens (the lexicon's ``week_opening_weekdays``). Sentences written for these tests."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.schema.labels import DATE_GROUP


@pytest.fixture(scope="module")
def blank_stage():
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_dates")
    return nlp


def _weeks(blank_stage, text: str) -> list[tuple[str, str, str]]:
    doc = blank_stage.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": "2025-06-10", "doc_id": "t"}
    return [(span.text, span._.orewire_date["start_date"], span._.orewire_date["end_date"])
            for span in blank_stage(doc).spans[DATE_GROUP]]


@pytest.mark.parametrize(("text", "expected"), [
    # 9 March 2026 is a Monday, 15 March a Sunday (it opens the US week of 16-22 March), 12 March a Thursday
    ("Hearings run the week of March 9, 2026.", ("week of March 9, 2026", "2026-03-09", "2026-03-15")),
    ("Hearings run the week of March 15, 2026.", ("week of March 15, 2026", "2026-03-16", "2026-03-22")),
    ("Hearings run the week of 12 March 2026.", ("week of 12 March 2026", "2026-03-09", "2026-03-15")),
])
def test_week_of_a_day(blank_stage, text: str, expected: tuple[str, str, str]) -> None:
    assert _weeks(blank_stage, text) == [expected]


@settings(max_examples=60, deadline=None)
@given(st.dates(date(1990, 1, 1), date(2060, 12, 31)))
def test_the_week_of_any_day_is_a_monday_to_sunday_week_near_it(blank_stage, day: date) -> None:
    [(_, start, end)] = _weeks(blank_stage, f"Talks run the week of {day:%B} {day.day}, {day.year}.")
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    assert first.weekday() == 0 and last - first == timedelta(days=6)
    assert first <= day <= last or day.weekday() == 6 and first == day + timedelta(days=1)
