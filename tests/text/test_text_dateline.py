"""Parsing a dateline line into ISO 8601: the forms news pages use, and what is not a dateline."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.dateline import parse_date_line, parse_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dec 12, 2025 16:05", "2025-12-12T16:05"),
        ("Dec 12, 2025", "2025-12-12"),
        ("Dec 12 2025", "2025-12-12"),
        ("Dec. 12th, 2025", "2025-12-12"),
        ("December 12, 2025", "2025-12-12"),
        ("12 December 2025", "2025-12-12"),
        ("12 Dec, 2025", "2025-12-12"),
        ("28 Jan 2026 10:45", "2026-01-28T10:45"),
        ("Sept 3, 2025", "2025-09-03"),
        ("May 1, 2026", "2026-05-01"),
        ("Friday, December 12, 2025 4:05 PM", "2025-12-12T16:05"),
        ("Dec 12, 2025 at 4:05 p.m. GMT+8", "2025-12-12T16:05"),
        ("Dec 12, 2025 12:30 AM", "2025-12-12T00:30"),
        ("Dec 12, 2025 16:05 UTC", "2025-12-12T16:05"),
        ("2025-12-12", "2025-12-12"),
        ("2025-12-12T16:05", "2025-12-12T16:05"),
        ("2025-12-12T16:05:00Z", "2025-12-12T16:05"),
        ("2025-12-12 16:05:00+08:00", "2025-12-12T16:05"),
        ("2025/12/12", "2025-12-12"),
        ("  Dec 12, 2025 16:05  ", "2025-12-12T16:05"),
        ("Dec 12, 2025 25:61", "2025-12-12"),
        ("12.12.2025", "2025-12-12"),
        ("04.03.2026 - 17:42:09", "2026-03-04T17:42"),
        ("Dec 12, 2025 - 4:05 PM", "2025-12-12T16:05"),
        ("31.02.2025", None),
    ],
)
def test_parse_dateline_forms(text: str, expected: str) -> None:
    assert parse_dateline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Published: Dec 12, 2025",  # the prefix is the Segmenter's business
        "Feb 30, 2026",
        "2025-02-29",
        "2025-13-01",
        "Feb 10 (Orewire)",
        "TORONTO, Feb 10 (Orewire) - Laurentian Graphite Inc. said on Tuesday",
        "December 2025",
        "2025",
        "On December 11, 2025, the assembly voted.",
        "13:00 Dec 12, 2025",
    ],
)
def test_parse_dateline_rejects(text: str) -> None:
    assert parse_dateline(text) is None


@settings(max_examples=80, deadline=None)
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), hour=st.integers(1, 12),
       minute=st.integers(0, 59), ampm=st.sampled_from(["AM", "PM", "am", "p.m."]), comma=st.booleans())
def test_a_date_line_reads_the_same_with_its_time_first(day: date, hour: int, minute: int, ampm: str, comma: bool) -> None:
    """"5:12 PM 23 September 2025", a page's clock before its day, is the minute "23 September 2025 5:12 PM" is."""
    written = f"{day.day} {day.strftime('%B')} {day.year}"
    clock = f"{hour}:{minute:02d} {ampm}"
    expected = parse_dateline(f"{written} {clock}")
    assert expected is not None and expected.startswith(day.isoformat())
    assert parse_date_line(f"{clock}{',' if comma else ''} {written}") == expected
    assert parse_date_line(f"{written} {clock}") == expected


@pytest.mark.parametrize("text", ["5:12 PM", "5:12 PM shares rose", "13:00 on the day the mine reopened"])
def test_a_clock_without_a_day_is_no_date_line(text: str) -> None:
    assert parse_date_line(text) is None


@settings(max_examples=80, deadline=None)
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
       width=st.sampled_from(["wide", "abbreviated"]), context=st.sampled_from(["format", "stand-alone"]),
       order=st.sampled_from(["{d} {m} {y}", "{d} {m}, {y}", "{m} {d}, {y}"]), clock=st.sampled_from(["", " 14:46"]))
def test_a_date_line_in_russian_reads_as_the_english_one(day: date, width: str, context: str, order: str,
                                                        clock: str) -> None:
    """A Russian month name (any CLDR form, as babel gives it) on a date line is that month."""
    month = get_month_names(width, context, "ru")[day.month]
    written = order.format(d=day.day, m=month, y=day.year) + clock
    english = order.format(d=day.day, m=day.strftime("%B"), y=day.year) + clock
    assert parse_date_line(written) == parse_dateline(english) is not None
    assert parse_date_line(written).startswith(day.isoformat())  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["марта", "11 марта", "марта 2016", "11 Марс 2016"])
def test_a_russian_month_without_a_day_and_year_is_no_date_line(text: str) -> None:
    assert parse_date_line(text) is None
