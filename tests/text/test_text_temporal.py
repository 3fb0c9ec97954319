"""Pure calendar functions of the date stage, without a pipeline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text import temporal as tp

REF = date(2025, 12, 12)  # a Friday in ISO week 50


@pytest.mark.parametrize(
    ("period", "value", "start", "end"),
    [
        (tp.week_period(REF), "2025-W50", date(2025, 12, 8), date(2025, 12, 14)),
        (tp.week_period(date(2026, 1, 1)), "2026-W01", date(2025, 12, 29), date(2026, 1, 4)),
        (tp.month_period(2024, 2), "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        (tp.quarter_period(2026, 1), "2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        (tp.half_period(2026, 2), "2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
        (tp.year_period(2026), "2026", date(2026, 1, 1), date(2026, 12, 31)),
        (tp.decade_period(2020), "2020/2029", date(2020, 1, 1), date(2029, 12, 31)),
        (tp.fiscal_year_period(2026, 7), "2026", date(2025, 7, 1), date(2026, 6, 30)),
        (tp.fiscal_year_period(2026, 4, named_by_end=False), "2026", date(2026, 4, 1), date(2027, 3, 31)),
        (tp.fiscal_part_period(2026, "quarter", 3, 7), "2026-Q3", date(2026, 1, 1), date(2026, 3, 31)),
        (tp.fiscal_part_period(2026, "half", 1, 4), "2026-H1", date(2025, 4, 1), date(2025, 9, 30)),
        (tp.year_ending_period(2025, 3), "2025", date(2024, 4, 1), date(2025, 3, 31)),
        (tp.deictic_period(REF, "week", -1), "2025-W49", date(2025, 12, 1), date(2025, 12, 7)),
        (tp.deictic_period(date(2026, 1, 8), "month", -1), "2025-12", date(2025, 12, 1), date(2025, 12, 31)),
        (tp.deictic_period(date(2026, 1, 28), "quarter", -1), "2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
        (
            tp.rolling_period(date(2026, 2, 12), "year", 5, forward=False),
            "2021/2026",
            date(2021, 2, 12),
            date(2026, 2, 12),
        ),
        (
            tp.rolling_period(date(2026, 1, 8), "month", 2, forward=True),
            "2026-01/2026-03",
            date(2026, 1, 8),
            date(2026, 3, 8),
        ),
        (tp.rolling_period(REF, "day", 3, forward=False), "2025-12-09/2025-12-12", date(2025, 12, 9), REF),
        # weeks: ISO weeks in the value (the unit's grain), the exact days in the bounds
        (tp.rolling_period(REF, "week", 2, forward=False), "2025-W48/2025-W50", date(2025, 11, 28), REF),
    ],
)
def test_periods(period, value, start, end) -> None:
    assert (period.value, period.start, period.end) == (value, start, end)


@pytest.mark.parametrize(
    ("period", "modifier", "start", "end"),
    [
        (tp.year_period(2026), "early", date(2026, 1, 1), date(2026, 4, 30)),
        (tp.year_period(2026), "mid", date(2026, 5, 1), date(2026, 8, 31)),
        (tp.year_period(2026), "late", date(2026, 9, 1), date(2026, 12, 31)),
        (tp.year_period(2026), "start", date(2026, 1, 1), date(2026, 1, 31)),
        (tp.year_period(2026), "end", date(2026, 12, 1), date(2026, 12, 31)),
        (tp.month_period(2026, 2), "mid", date(2026, 2, 11), date(2026, 2, 20)),
        (tp.month_period(2026, 2), "late", date(2026, 2, 21), date(2026, 2, 28)),
        (tp.month_period(2025, 12), "end", date(2025, 12, 21), date(2025, 12, 31)),
        (tp.quarter_period(2025, 4), "end", date(2025, 12, 1), date(2025, 12, 31)),
        (tp.half_period(2026, 1), "early", date(2026, 1, 1), date(2026, 2, 28)),
        (tp.decade_period(2030), "early", date(2030, 1, 1), date(2033, 12, 31)),
        (tp.day_period(REF), "early", REF, REF),
        (tp.year_period(2026), None, date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_modified_bounds(period, modifier, start, end) -> None:
    assert tp.modified_bounds(period, modifier) == (start, end)


def test_interval_and_rest() -> None:
    assert tp.interval(tp.year_period(2026), tp.year_period(2030)).value == "2026/2030"
    assert tp.interval(tp.month_period(2025, 3), tp.month_period(2025, 5)).granularity == "month"
    assert tp.interval(tp.year_period(2030), tp.year_period(2026)) is None
    assert tp.rest_of(tp.year_period(2026), date(2026, 2, 5)) == (date(2026, 2, 5), date(2026, 12, 31))
    assert tp.rest_of(tp.year_period(2026), date(2027, 2, 5)) == (date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-12", date(2025, 12, 12)),
        ("2025-12-12T16:05", date(2025, 12, 12)),
        (None, None),
        ("", None),
        ("12/12/2025", None),
        ("2025-02-30", None),
        ("9999-12-31", None),
    ],
)
def test_parse_reference(value, expected) -> None:
    assert tp.parse_reference(value) == expected


def test_expand_year_and_info() -> None:
    assert [tp.expand_year(text) for text in ("25", "79", "80", "2026")] == [2025, 2079, 1980, 2026]
    info = tp.to_info(tp.year_period(2026), modifier="early")
    assert info == {
        "timex": "2026",
        "granularity": "year",
        "start_date": "2026-01-01",
        "end_date": "2026-04-30",
        "modifier": "early",
        "fiscal": False,
        "resolution": "absolute",
        "reference": None,
    }
    assert tp.to_info(tp.day_period(REF), reference=REF)["resolution"] == "relative"
    assert tp.unresolved("week")["timex"] is None


@given(
    st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)),
    st.sampled_from(["day", "week", "month", "quarter", "half", "year", "decade"]),
    st.integers(min_value=-30, max_value=30),
    st.sampled_from([None, "early", "mid", "late", "start", "end"]),
)
def test_property_bounds_ordered(day, unit, offset, modifier) -> None:
    period = tp.deictic_period(day, unit, offset)
    start, end = tp.modified_bounds(period, modifier)
    assert period.start <= start <= end <= period.end


@pytest.mark.parametrize(
    ("year", "month", "n", "expected"),
    [
        (2026, 3, 1, date(2026, 3, 5)),
        (2026, 3, 2, date(2026, 3, 12)),
        (2026, 2, -1, date(2026, 2, 26)),
        (2026, 4, 5, date(2026, 4, 30)),
        (2026, 3, 5, None),
        (2026, 13, 1, None),
    ],
)
def test_nth_thursday(year, month, n, expected) -> None:
    assert tp.nth_weekday(year, month, 3, n) == expected


def test_week_ending_is_seven_days_valued_by_the_iso_week() -> None:
    period = tp.week_ending(REF)
    assert (period.value, period.granularity, period.start, period.end) == (
        "2025-W50", "week", date(2025, 12, 6), date(2025, 12, 12))


@pytest.mark.parametrize(("unit", "count", "forward", "expected"), [
    # a Thursday reference: whole units before or after the one holding it
    ("week", 2, False, ("2024-W08/2024-W09", "2024-02-19", "2024-03-03")),
    ("day", 3, True, ("2024-03-08/2024-03-10", "2024-03-08", "2024-03-10")),
    ("month", 1, False, ("2024-02", "2024-02-01", "2024-02-29")),
    ("year", 2, False, ("2022/2023", "2022-01-01", "2023-12-31")),
    ("decade", 2, False, ("2000/2019", "2000-01-01", "2019-12-31")),
])
def test_calendar_window(unit: str, count: int, forward: bool, expected: tuple[str, str, str]) -> None:
    period = tp.calendar_window(date(2024, 3, 7), unit, count, forward=forward)
    assert (period.value, period.start.isoformat(), period.end.isoformat()) == expected


@settings(max_examples=80, deadline=None)
@given(st.dates(date(1990, 1, 1), date(2090, 12, 31)), st.sampled_from(["day", "week", "month", "quarter", "year"]),
       st.integers(1, 6), st.booleans())
def test_calendar_window_never_holds_the_reference(reference: date, unit: str, count: int, forward: bool) -> None:
    period = tp.calendar_window(reference, unit, count, forward=forward)
    current = tp.period_of(reference, unit)
    if forward:
        assert period.start == current.end + timedelta(days=1)
    else:
        assert period.end == current.start - timedelta(days=1)

