"""Everyday date phrasing on sentences written for these tests: named days, the n-th weekday or day of a
month, "the day after tomorrow", "Friday after next", "Monday next week", "in three weeks", "two years
from now", a weekday after a year-less date, hyphenated and timestamped numeric dates, and the holiday
table's validation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from support import make_block_doc

from pipeline.components.dates.holidays import HolidayCalendar
from pipeline.resources.dates import HolidayTable, load_holidays
from pipeline.schema.labels import DATE_GROUP

CASES: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    # named days: the nearest occurrence, or the one the modifier or year names
    ("Smelter crews worked through Christmas.", "2026-01-10", [("Christmas", "2025-12-25")]),
    ("Deliveries resume after next Thanksgiving.", "2026-01-10", [("next Thanksgiving", "2026-11-26")]),
    ("Orders spiked last Mothers Day.", "2026-01-10", [("last Mothers Day", "2025-05-11")]),
    ("The port closed on Good Friday 2024.", "2026-01-10", [("Good Friday 2024", "2024-03-29")]),
    ("Bids open Labor Day of next year.", "2026-01-10", [("Labor Day of next year", "2027-09-06")]),
    ("Christmas Eve shipments were light.", "2026-01-10", [("Christmas Eve", "2025-12-24")]),
    ("Phosphate output on Christmas Island rose.", "2026-01-10", []),
    # the n-th weekday or day of a month
    ("Tenders close on the second Wednesday of June 2026.", "2026-01-10",
     [("second Wednesday of June 2026", "2026-06-10")]),
    ("Royalties fall due on the last Friday in March.", "2026-01-10", [("last Friday in March", "2026-03-27")]),
    ("The levy lapses on the last day of February 2028.", "2026-01-10", [("last day of February 2028", "2028-02-29")]),
    # steps from the reference day
    ("Barges sail the day after tomorrow.", "2026-03-03", [("day after tomorrow", "2026-03-05")]),
    ("Inspectors came the day before yesterday.", "2026-03-03", [("day before yesterday", "2026-03-01")]),
    ("The vote is on Thursday after next.", "2026-03-03", [("Thursday after next", "2026-03-12")]),
    ("Auditors arrive Wednesday of next week.", "2026-03-03", [("Wednesday of next week", "2026-03-11")]),
    ("In three weeks the new kiln fires up.", "2026-03-03", [("three weeks", "2026-03-24")]),
    ("Cobalt is at its highest in two years.", "2026-03-03", []),
    ("The licence ends five years from now.", "2026-03-03", [("five years from now", "2031")]),
    ("Ten days from today the tender closes.", "2026-03-03", [("Ten days from today", "2026-03-13")]),
    ("Two weeks ago the mill stopped.", "2026-03-03", [("Two weeks ago", "2026-02-17")]),
    # a weekday after a year-less date picks the year in which they agree
    ("The pit reopened Mar 6, Fri.", "2026-01-10", [("Mar 6, Fri", "2026-03-06")]),
    # numeric forms seen in datelines
    ("Post time: Aug-09-2023", "2026-01-10", [("Aug-09-2023", "2023-08-09")]),
    ("Kurs | 23.11.2025 09:15:00 Bericht", "2026-01-10", [("23.11.2025 09:15:00", "2025-11-23T09:15")]),
    # "N units after" is a duration, no date, whether or not an event follows it (docs/realnews.md)
    ("Trials ran in May 2023. Two months after, output doubled.", "2026-01-10", [("May 2023", "2023-05")]),
    ("Trials ran in May 2023, two months after the permit was granted.", "2026-01-10", [("May 2023", "2023-05")]),
]


@pytest.mark.parametrize(("text", "reference", "expected"), CASES)
def test_everyday_dates(nlp, text: str, reference: str, expected: list[tuple[str, str | None]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


def test_in_units_needs_a_future_clause_in_the_full_pipeline(nlp) -> None:
    doc = make_block_doc(nlp, "The smelter will restart in two weeks.", reference="2026-03-03")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == [("two weeks", "2026-03-17")]


def test_every_holiday_has_a_day_in_every_year() -> None:
    calendar = HolidayCalendar.from_table(load_holidays())
    for holiday in calendar.holidays:
        for year in (1999, 2024, 2025, 2100):
            day = calendar.day_in(holiday, year)
            assert day is not None and day.year == year, holiday.names[0]


def test_holiday_names_tolerate_news_spellings() -> None:
    calendar = HolidayCalendar.from_table(load_holidays())
    assert calendar.find("St. Patricks Day") is calendar.find("saint patrick's day") is not None
    assert calendar.find("Presidents Day") is calendar.find("presidents' day") is not None
    assert calendar.find("Lunar New Year") is None


@pytest.mark.parametrize("bad", [
    {"names": ["x"], "month": 3},  # no rule
    {"names": ["x"], "month": 3, "day": 1, "easter": 2},  # two rules
    {"names": ["x"], "month": 3, "weekday": 1, "nth": 0},  # no n-th
])
def test_holiday_table_rejects_bad_rules(bad: dict) -> None:
    with pytest.raises(ValidationError):
        HolidayTable(description="t", holidays=[bad])


def test_holiday_table_rejects_chained_bases() -> None:
    with pytest.raises(ValidationError):
        HolidayTable(description="t", holidays=[
            {"names": ["a"], "month": 1, "day": 1}, {"names": ["b"], "after": "a", "days": 1},
            {"names": ["c"], "after": "b", "days": 1}])


@pytest.fixture(scope="module")
def blank_stage():
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_dates")
    return nlp


WORDS = ["Christmas", "christmas", "Easter", "Island", "last", "next", "this", "past", "of", "in", "year", "2024",
         "first", "third", "5th", "last", "Monday", "friday", "Sun", "day", "March", "may", "after", "before",
         "tomorrow", "yesterday", "today", "week", "weeks", "two", "a", "99", "from", "now", "hence", "ago", ",",
         ".", "the", "Mother's", "Day", "-", "12", "19.12.2025", "16:43:00", "Feb-30-2024"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.sampled_from([None, "2026-03-03", "2024-02-29", "1800-01-01"]))
def test_property_everyday_phrases_never_raise(blank_stage, words: list[str], reference: str | None) -> None:
    doc = blank_stage.make_doc(" ".join(words))
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t"}
    doc = blank_stage(doc)
    for span in doc.spans[DATE_GROUP]:
        info = span._.orewire_date
        assert (info["timex"] is None) == (info["resolution"] == "unresolved")
        if info["start_date"] is not None:
            assert date.fromisoformat(info["start_date"]) <= date.fromisoformat(info["end_date"])


# Periods two steps away, the n-th day / weekday / week of a deictic month or year, a day of a deictic month, a day
# beside a named day, and counts written as "a couple of" or "a fortnight" (reference: Tuesday 3 March 2026).
STEP_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("The furnace is relined the week after next.", [("week after next", "2026-W12")]),
    ("Nickel prices peaked the year before last.", [("year before last", "2024")]),
    ("The month after next brings the audit.", [("month after next", "2026-05")]),
    # "last year" is the date when a unit word follows "before last"
    ("The week before last year's strike was calm.", [("last year", "2025")]),
    ("Dues are paid on the last day of the month.", [("last day of the month", "2026-03-31")]),
    ("The board sits on the second Tuesday of next month.", [("second Tuesday of next month", "2026-04-14")]),
    ("The tally starts on the third day of the year.", [("third day of the year", "2026-01-03")]),
    ("Shipments begin in the second week of next month.", [("second week of next month", "2026-W15")]),
    ("The levy is due on the 15th of this month.", [("15th of this month", "2026-03-15")]),
    ("Dockers were paid on the 28th of last month.", [("28th of last month", "2026-02-28")]),
    ("The mine shut the day before Thanksgiving 2024.", [("day before Thanksgiving 2024", "2024-11-27")]),
    ("Freight stalls the day after Christmas.", [("day after Christmas", "2025-12-26")]),
    ("The day after Christmas Island voted, rain fell.", []),
    ("In a fortnight the port reopens.", [("a fortnight", "2026-03-17")]),
    ("The rail spur opens a couple of weeks from now.", [("a couple of weeks from now", "2026-03-17")]),
    ("Bids from last week's Thursday auction were void.", [("last week's Thursday", "2026-02-26")]),
    ("Crews rested Friday from last week.", [("Friday from last week", "2026-02-27")]),
]


@pytest.mark.parametrize(("text", "expected"), STEP_CASES)
def test_steps_and_days_of_deictic_periods(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2026-03-03")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


def _timex_of(nlp, text: str, reference: date) -> list[str]:
    doc = make_block_doc(nlp, text, reference=reference.isoformat())
    return [span._.orewire_date["timex"] for span in doc.spans[DATE_GROUP]]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reference=st.dates(date(1990, 1, 1), date(2060, 12, 31)), side=st.sampled_from(["after next", "before last"]))
def test_week_after_next_is_two_weeks_away(nlp, reference: date, side: str) -> None:
    step = 14 if side == "after next" else -14
    year, week, _ = (reference + timedelta(days=step)).isocalendar()
    assert _timex_of(nlp, f"Audits resume the week {side}.", reference) == [f"{year}-W{week:02d}"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reference=st.dates(date(1990, 1, 1), date(2060, 12, 31)), nth=st.integers(1, 4), weekday=st.integers(0, 6))
def test_nth_weekday_of_next_month(nlp, reference: date, nth: int, weekday: int) -> None:
    ordinal = ["first", "second", "third", "fourth"][nth - 1]
    name = date(2024, 1, 1 + weekday).strftime("%A")  # 1 January 2024 was a Monday
    [found] = _timex_of(nlp, f"Crews meet on the {ordinal} {name} of next month.", reference)
    day = date.fromisoformat(found)
    following = (reference.replace(day=1) + timedelta(days=32)).replace(day=1)
    assert (day.year, day.month, day.weekday()) == (following.year, following.month, weekday)
    assert (nth - 1) * 7 < day.day <= nth * 7


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reference=st.dates(date(1990, 1, 1), date(2060, 12, 31)), day=st.integers(1, 28))
def test_day_of_last_month(nlp, reference: date, day: int) -> None:
    previous = reference.replace(day=1) - timedelta(days=1)
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    assert _timex_of(nlp, f"Tolls rose on the {day}{suffix} of last month.", reference) == [
        date(previous.year, previous.month, day).isoformat()]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reference=st.dates(date(1990, 1, 1), date(2060, 12, 31)), count=st.integers(1, 4))
def test_fortnights_count_two_weeks(nlp, reference: date, count: int) -> None:
    words = ["a", "two", "three", "four"][count - 1]
    unit = "fortnight" if count == 1 else "fortnights"
    expected = (reference + timedelta(weeks=2 * count)).isoformat()
    assert _timex_of(nlp, f"The quay reopens {words} {unit} from now.", reference) == [expected]
