"""Numeric page stamps written with a space after their dots ("12.11. 2025", "2023. 7. 7. 09:54"), on lines
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.components.dates.numeric_forms import NUMERIC_FORMS
from pipeline.schema.labels import DATE_GROUP


def _dates(nlp, text: str, reference: str = "2025-12-01") -> list[tuple[str, str | None]]:
    doc = nlp.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t"}
    doc = nlp(doc)
    return [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]]


CASES: list[tuple[str, list[tuple[str, str | None]]]] = [
    # the day first, as dotted dates are; a part above 12 can only be the day
    ("3.10. 2025 / Mira Okafor", [("3.10. 2025", "2025-10-03")]),
    ("10.31. 2025 | Field notes", [("10.31. 2025", "2025-10-31")]),
    ("08.04. 2024 - 06:15:30", [("08.04. 2024 - 06:15:30", "2024-04-08T06:15")]),
    # the year first, month and day each closed by a dot, a clock time after it
    ("2024. 11. 3. 14:20", [("2024. 11. 3. 14:20", "2024-11-03T14:20")]),
    ("• 2022. 1. 30.", [("2022. 1. 30", "2022-01-30")]),
    # inside a line: a number ending one sentence and a year opening the next, not a stamp
    ("Output rose to 4.12. 2024 was a weak year.", [("2024", "2024")]),
    # no such day
    ("2023. 2. 30. 10:00", [("2023", "2023")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_spaced_page_stamps(nlp, text: str, expected: list) -> None:
    assert _dates(nlp, text) == expected


def test_spaced_forms_are_in_the_date_table() -> None:
    """The spaced forms sit in the numeric table, so ``forms.FORMS`` takes them with the other numeric ones."""
    from pipeline.components.dates.forms import FORMS

    assert {"spaced_dmy", "spaced_ymd"} <= set(NUMERIC_FORMS) <= set(FORMS)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)),
       hour=st.one_of(st.none(), st.integers(0, 23)), minute=st.integers(0, 59), padded=st.booleans())
def test_a_year_first_stamp_reads_back_its_day(nlp, day: date, hour: int | None, minute: int, padded: bool) -> None:
    """Any real day written "YYYY. M. D." (zero-padded or not, with or without a time) is that day, or that minute."""
    month, day_number = (f"{day.month:02d}", f"{day.day:02d}") if padded else (str(day.month), str(day.day))
    clock = "" if hour is None else f" {hour:02d}:{minute:02d}"
    stamp = f"{day.year}. {month}. {day_number}.{clock}"
    expected = day.isoformat() if hour is None else f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    assert [timex for _, timex in _dates(nlp, stamp + "\nThe plant restarted.")] == [expected]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))
def test_a_day_first_stamp_reads_back_its_day(nlp, day: date) -> None:
    """Any real day written "D.M. YYYY" at a line's start is that day: day first unless only the month fits."""
    stamp = f"{day.day}.{day.month}. {day.year}"
    assert [timex for _, timex in _dates(nlp, stamp + " / Desk\nThe plant restarted.")] == [day.isoformat()]
