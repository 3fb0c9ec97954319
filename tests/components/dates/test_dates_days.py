"""Day dates (``pipeline/components/dates/days.py``) with a two-digit year, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.schema.labels import DATE_GROUP


@pytest.mark.parametrize(("text", "expected"), [
    # an apostrophe marks the year, day first or month first
    ("The pier reopened on 9th June '17 after the storm.", [("9th June '17", "2017-06-09")]),
    ("The pier reopened on June 9 ’17.", [("June 9 ’17", "2017-06-09")]),
    # bare, two digits are a year only where they end the sentence
    ("The pier reopened on the 9th June 17.", [("9th June 17", "2017-06-09")]),
    ("On 9 June 45 dockers walked out.", [("9 June", "2025-06-09")]),
])
def test_two_digit_years_after_a_day(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2025-07-01")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=40, deadline=None)
@given(st.dates(date(2000, 1, 1), date(2079, 12, 31)))
def test_apostrophe_year_round_trip(nlp, day: date) -> None:
    text = f"Ore trains ran again on {day.day} {day:%B} '{day:%y} at last."
    doc = make_block_doc(nlp, text, reference="2025-07-01")
    assert [span._.orewire_date["timex"] for span in doc.spans[DATE_GROUP]] == [day.isoformat()]


@pytest.mark.parametrize(("text", "expected"), [
    # "and" joins two days of one month only after "between"
    ("Talks ran between March 5 and 8 in Lima.", [("March 5 and 8", "2025-03-05/2025-03-08")]),
    ("Mills ran on March 5 and 8 at full tilt.", [("March 5", "2025-03-05")]),
    # a lower-case month written in full after "week of"
    ("Drilling starts in the first week of october.", [("first week of october", "2025-W40")]),
    # day, month name and year joined by one separator, as in filings and tables
    ("The lease was signed on 31-Oct-19 in Perth.", [("31-Oct-19", "2019-10-31")]),
    ("Ledger entry 31/Oct/1974 was struck out.", [("31/Oct/1974", "1974-10-31")]),
    ("A 14.Jul.74 ledger line was struck out.", [("14.Jul.74", "1974-07-14")]),
    # a two-digit "year" before a unit counts something
    ("Crews loaded 3-May-50 tonnes.", []),
])
def test_ranges_weeks_and_separated_dates(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2025-07-01")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=40, deadline=None)
@given(st.dates(date(1950, 1, 1), date(2044, 12, 31)), st.sampled_from(["-", "/", "."]))
def test_separated_day_month_year_round_trip(nlp, day: date, separator: str) -> None:
    text = f"Stock was counted on {day.day}{separator}{day:%b}{separator}{day:%y} by the auditors."
    doc = make_block_doc(nlp, text, reference="2025-07-01")
    assert [span._.orewire_date["timex"] for span in doc.spans[DATE_GROUP]] == [day.isoformat()]


@pytest.mark.parametrize(("text", "expected"), [
    # an upper-case short month after "of" with no year is an acronym ("Article 17 of MAR", a regulation) ...
    ("The notice is made under Article 17 of MAR.", []),
    ("Clause 4 of DEC rules applies.", []),
    # ... while a dateline's, a year's or a full name's upper case stays a date
    ("LONDON, 17 MAR (Reuters) - Copper rose.", [("17 MAR", "2025-03-17")]),
    ("The vote is on the 2nd of MAR 2024.", [("2nd of MAR 2024", "2024-03-02")]),
    ("Ballots close on the 17th of March.", [("17th of March", "2025-03-17")]),
])
def test_an_upper_case_short_month_after_of_is_an_acronym(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2025-03-20")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


_UPPER_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


@settings(max_examples=40, deadline=None)
@given(day=st.integers(1, 28), month=st.integers(1, 12), year=st.integers(2000, 2030))
def test_upper_case_month_with_a_year_after_of_stays_a_date(nlp, day: int, month: int, year: int) -> None:
    doc = make_block_doc(nlp, f"Talks began on the {day}th of {_UPPER_MONTHS[month - 1]} {year}.", reference="2025-03-20")
    assert [span._.orewire_date["timex"] for span in doc.spans[DATE_GROUP]] == [date(year, month, day).isoformat()]
