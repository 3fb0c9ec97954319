"""Which occurrence a year-less day, month, quarter, half or weekday denotes, without a pipeline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text import nearest_dates as nd

REF = date(2025, 12, 12)  # a Friday in ISO week 50


@pytest.mark.parametrize(
    ("month", "day", "reference", "tense", "expected"),
    [
        (12, 11, REF, None, date(2025, 12, 11)),
        (1, 3, date(2025, 12, 30), None, date(2026, 1, 3)),
        (1, 3, date(2025, 12, 30), "past", date(2025, 1, 3)),
        (12, 31, date(2026, 1, 28), None, date(2025, 12, 31)),
        (2, 29, date(2025, 3, 1), None, date(2024, 2, 29)),
        (6, 15, date(2026, 1, 22), "future", date(2026, 6, 15)),
    ],
)
def test_nearest_day(month, day, reference, tense, expected) -> None:
    assert nd.nearest_day(month, day, reference, tense) == expected


def test_nearest_day_impossible() -> None:
    assert nd.nearest_day(2, 30, REF) is None


@pytest.mark.parametrize(
    ("month", "reference", "tense", "expected"),
    [
        (10, REF, None, "2025-10"),
        (1, REF, None, "2026-01"),
        (6, REF, None, "2025-06"),  # a tie (six months either way) goes to the past
        (6, REF, "future", "2026-06"),
        (6, date(2026, 1, 22), None, "2026-06"),
        (6, date(2026, 1, 22), "past", "2025-06"),
    ],
)
def test_nearest_month(month, reference, tense, expected) -> None:
    assert nd.nearest_month(month, reference, tense).value == expected


def test_nearest_quarter_and_half() -> None:
    assert nd.nearest_quarter(4, date(2026, 1, 28)).value == "2025-Q4"
    assert nd.nearest_quarter(3, date(2026, 1, 28)).value == "2025-Q3"
    assert nd.nearest_quarter(3, date(2026, 1, 28), "future").value == "2026-Q3"
    assert nd.nearest_half(2, date(2026, 1, 22)).value == "2025-H2"
    assert nd.nearest_half(1, date(2026, 1, 22)).value == "2026-H1"


@pytest.mark.parametrize(
    ("weekday", "tense", "offset", "expected"),
    [
        (1, None, None, date(2025, 12, 9)),
        (4, None, None, date(2025, 12, 12)),
        (1, "future", None, date(2025, 12, 16)),
        (4, "future", None, date(2025, 12, 12)),
        (4, None, -1, date(2025, 12, 5)),
        (0, None, 1, date(2025, 12, 15)),
        (4, None, 1, date(2025, 12, 19)),
        (0, None, 0, date(2025, 12, 8)),
    ],
)
def test_weekday_date(weekday, tense, offset, expected) -> None:
    assert nd.weekday_date(weekday, REF, tense=tense, offset=offset) == expected


@given(
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=31),
    st.dates(min_value=date(1001, 1, 1), max_value=date(9997, 12, 31)),
    st.sampled_from([None, "past", "future"]),
)
def test_property_nearest_day_within_a_year(month, day, reference, tense) -> None:
    found = nd.nearest_day(month, day, reference, tense)
    if found is None:
        return
    assert (found.month, found.day) == (month, day)
    if (month, day) == (2, 29):  # a leap day exists one year in four: the nearest may lie further off
        assert abs(found.year - reference.year) <= 1
    else:
        assert abs((found - reference).days) <= 366


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 31), st.integers(1, 12), st.integers(0, 200), st.sampled_from([None, 0, 2, 4, 6]),
       st.sampled_from([None, "past", "future"]))
def test_nearest_day_of_month_property(day: int, month: int, offset: int, weekday: int | None, tense) -> None:
    reference = date(2020, month, 1) + timedelta(days=offset)
    found = nd.nearest_day_of_month(day, reference, tense, weekday=weekday)
    if found is not None:
        assert found.day == day
        assert abs((found - reference).days) <= 400
        assert weekday is None or found.weekday() == weekday
