"""Deictic periods (``pipeline/components/dates/relative.py``) on sentences written for these tests: "the past
decade", "the last decade" are the ten years to the reference, like "the past year" and "the past two decades"
(the real-news annotators' reading), where "last year" stays the calendar year before; "the next decade" the ten
years after it; with a modifier ("the end of the next decade") the calendar decade."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.dates.relative import weekend_period
from pipeline.schema.labels import DATE_GROUP
from pipeline.text import temporal as tp


@pytest.mark.parametrize(("text", "expected"), [
    ("Cobalt output has tripled over the past decade.", ("past decade", "2014/2024", "2014-09-10", "2024-09-10")),
    ("Cobalt output tripled in the last decade.", ("last decade", "2014/2024", "2014-09-10", "2024-09-10")),
    ("Cobalt output may triple over the next decade.", ("next decade", "2024/2034", "2024-09-10", "2034-09-10")),
    ("Cobalt output may triple by the end of the next decade.",
     ("end of the next decade", "2030/2039", "2038-01-01", "2039-12-31")),
    ("Cobalt output tripled this decade.", ("this decade", "2020/2029", "2020-01-01", "2029-12-31")),
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


# Reference: Tuesday 3 March 2026. "this past" / "this coming" / "coming" / "upcoming" before a weekday give its side;
# "upcoming" is a deictic like "next"; "a couple of" and "a fortnight" count units (lexicon count_nouns, unit_multiples).
@pytest.mark.parametrize(("text", "expected"), [
    ("Stocks were drawn down this past Monday.", [("this past Monday", "2026-03-02", "2026-03-02")]),
    ("The vote falls this coming Friday.", [("this coming Friday", "2026-03-06", "2026-03-06")]),
    ("Barges load on the coming Sunday.", [("coming Sunday", "2026-03-08", "2026-03-08")]),
    ("The upcoming week will be busy at the port.", [("upcoming week", "2026-03-09", "2026-03-15")]),
    ("A couple of weeks ago the mill stopped.", [("A couple of weeks ago", "2026-02-17", "2026-02-17")]),
    ("A fortnight ago the barge ran aground.", [("A fortnight ago", "2026-02-17", "2026-02-17")]),
    ("Spot prices rose over the past fortnight.", [("past fortnight", "2026-02-17", "2026-03-03")]),
    ("Over the past couple of months, stocks fell.", [("past couple of months", "2026-01-03", "2026-03-03")]),
    # a comparison's base is still no date
    ("Output is higher than a couple of years ago.", []),
    ("Cobalt trades at twice the levels seen three years ago.", []),
    # a page's age on the reader's clock is no date of the article's time
    ("This story was published 4 years ago", []),
    ("Updated 2 days ago: the smelter restarted.", []),
])
def test_weekday_sides_and_counted_units(nlp, text: str, expected: list[tuple[str, str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2026-03-03")
    assert [(span.text, span._.orewire_date["start_date"], span._.orewire_date["end_date"])
            for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reference=st.dates(date(1990, 1, 1), date(2060, 12, 31)), count=st.integers(2, 9))
def test_fortnights_ago_are_twice_as_many_weeks(nlp, reference: date, count: int) -> None:
    def start(text: str) -> list[str]:
        doc = make_block_doc(nlp, text, reference=reference.isoformat())
        return [span._.orewire_date["start_date"] for span in doc.spans[DATE_GROUP]]

    assert start(f"The pit flooded {count} fortnights ago.") == start(f"The pit flooded {2 * count} weeks ago.")


@pytest.mark.parametrize(("text", "expected"), [
    # a part of the reference day ("this morning") is that day, "this" inside the span
    ("This morning the smelter board signed the offtake.", [("This morning", "2026-03-03")]),
    ("Port workers walked out this afternoon.", [("this afternoon", "2026-03-03")]),
    # a part of the day without "this" names no day
    ("The morning shift was cancelled.", []),
])
def test_parts_of_the_reference_day(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2026-03-03")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a capitalised "Today" after a capitalised word in a sentence that is no title ends a name
    ("Traders who follow tariffs read Global Metals Today every week.", []),
    ("Sign up for the Cobalt Today newsletter and alerts.", []),
    # a title-case headline, a sentence start and a lower-case "today" stay the reference day
    ("Copper Miners Rally Today", [("Today", "2026-03-03")]),
    ("Prices fell. Today the board met.", [("Today", "2026-03-03")]),
    ("The Zambian mine reopened today.", [("today", "2026-03-03")]),
])
def test_today_ending_a_name_is_no_date(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2026-03-03")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # "over the weekend" in a past clause: the last weekend begun by the reference (a Tuesday: the one before)
    ("Two more workers died over the weekend, police said.", "2023-12-26", [("weekend", "2023-W51-WE")]),
    # on a Sunday the weekend under way is the one meant
    ("Crews repaired the kiln over the weekend.", "2023-12-31", [("weekend", "2023-W52-WE")]),
    # a future clause: the weekend ending the reference's week
    ("Union leaders will meet at the weekend.", "2023-12-26", [("weekend", "2023-W52-WE")]),
    # a deictic picks the ISO week
    ("Rail loadings stopped last weekend.", "2023-12-26", [("last weekend", "2023-W51-WE")]),
    ("The port reopens next weekend.", "2023-12-26", [("next weekend", "2024-W01-WE")]),
    # "weekend" as a modifier without "the" is no date
    ("A weekend crew was hired.", "2023-12-26", []),
])
def test_weekends(nlp, text: str, reference: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_weekend_period_is_the_saturday_and_sunday_of_the_iso_week(day: date) -> None:
    period = weekend_period(day)
    assert (period.start.weekday(), period.end.weekday(), (period.end - period.start).days) == (5, 6, 1)
    assert period.value == tp.week_period(day).value + "-WE"
    assert period.start.isocalendar()[:2] == day.isocalendar()[:2]


@pytest.mark.parametrize(("text", "expected"), [
    # "calendar" between a deictic word and "year" sets the year apart from a fiscal one: still that year
    ("Zinc shipments slowed in the previous calendar year.", [("previous calendar year", "2023", None)]),
    ("The smelter expects its first pour this calendar year.", [("this calendar year", "2024", None)]),
    ("Guidance for the current calendar year was cut.", [("current calendar year", "2024", None)]),
    # ... and inside a part of the period: "the end of the calendar year" is the end of the year
    ("Trucks will haul ore until the end of the calendar year.", [("end of the calendar year", "2024", "end")]),
    # "a start to" / "a finish to" the period: that edge of it (written for these tests)
    ("The refiners enjoyed a brisk start to the year.", [("start to the year", "2024", "start")]),
    ("Tin traders face a hectic finish to the calendar year.", [("finish to the calendar year", "2024", "end")]),
    ("Nickel had a soft start to the week in Shanghai.", [("start to the week", "2024-W37", "start")]),
    # a year written after it names the year itself, not the reference's
    ("The board hopes for a strong start to the year 2026.", [("2026", "2026", None)]),
])
def test_calendar_year_and_edges_of_a_period(nlp, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    doc = make_block_doc(nlp, text, reference="2024-09-10")
    assert [(span.text, span._.orewire_date["timex"], span._.orewire_date["modifier"])
            for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a deadline set in a past or perfect clause still lies ahead: the reference's own month or year
    ("Jakarta has prolonged the smelter's interim licence until the end of the month.", [("end of the month", "2024-09")]),
    ("The ministry pushed the quota review back till the end of the year.", [("end of the year", "2024")]),
    # without a deadline word a past clause still names the period that has ended (a report's figure)
    ("Stocks held at the end of the month were 9,000 t.", [("end of the month", "2024-08")]),
])
def test_a_deadline_in_a_past_clause_is_the_current_period(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2024-09-10")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the early/later/latter part of" a period is that period with the modifier, like "early"/"late"
    ("Cobalt stocks thinned in the early part of the year.", [("early part of the year", "2024", "2024-01-01", "2024-04-30")]),
    ("The kiln relining slipped to the latter part of 2025.", [("latter part of 2025", "2025", "2025-09-01", "2025-12-31")]),
    ("Rail haulage resumes in the later part of next year.", [("later part of next year", "2025", "2025-09-01", "2025-12-31")]),
    ("Barges queued through the latter part of June.", [("latter part of June", "2024-06", "2024-06-21", "2024-06-30")]),
    # "part" of something that is no period stays no date
    ("The earlier part of the filing was withdrawn.", []),
])
def test_parts_of_a_period_carry_a_modifier(nlp, text: str, expected: list[tuple[str, str, str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2024-09-10")
    assert [(span.text, span._.orewire_date["timex"], span._.orewire_date["start_date"], span._.orewire_date["end_date"])
            for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "mid-" glued to a period word: the middle of the reference's period, as "mid-decade" is of its decade
    ("Smelter maintenance is booked for mid-year.", [("mid-year", "2024", "mid", "2024-05-01", "2024-08-31")]),
    ("Freight rates eased by midmonth.", [("midmonth", "2024-09", "mid", "2024-09-11", "2024-09-20")]),
    ("Spot cargoes dried up by mid-quarter.", [("mid-quarter", "2024-Q3", "mid", "2024-08-01", "2024-08-31")]),
    # a year after it is the year named, the mid- left to the year
    ("The mid-year 2026 target stands.", [("2026", "2026", None, "2026-01-01", "2026-12-31")]),
])
def test_mid_period_words(nlp, text: str, expected: list[tuple[str, str, str | None, str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2024-09-10")
    assert [(span.text, span._.orewire_date["timex"], span._.orewire_date["modifier"], span._.orewire_date["start_date"],
             span._.orewire_date["end_date"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "last" after "to" or a modal is the verb: the supply's span, no window of the calendar
    ("The reserve holds enough cobalt to last 90 days.", []),
    ("Analysts said the glut could last two years.", []),
    ("Cobalt prices doubled over the last 90 days.", [("last 90 days", "2025-09-13/2025-12-12")]),
])
def test_last_as_a_verb_opens_no_window(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2025-12-12")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected
