"""Fiscal periods (``pipeline/components/dates/fiscal.py``) on sentences written for these tests:
split labels after a quarter or beside a fiscal word, deictic fiscal years ("this fiscal", "the previous
financial year"), quarters "of the current fiscal year", "the year ended 30 June 2025", and year-less
quarters that take the block's fiscal year."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
import spacy
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.dates.block import Block
from pipeline.components.dates.forms import FORMS, compile_forms
from pipeline.components.dates.words import DateWords, _cue_pattern
from pipeline.resources.dates import load_holidays, load_lexicon
from pipeline.schema.labels import DATE_GROUP

WORDS = DateWords.from_lexicon(load_lexicon(), load_holidays())
PATTERNS = compile_forms(WORDS)
BLANK = spacy.blank("en")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")

# (text, reference, [(mention, timex, fiscal)]); "crore"/"rupee"/"Indian" put the Indian calendar (Apr-Mar) in reach
CASES: list[tuple[str, str, list[tuple[str, str, bool]]]] = [
    # a split label after a quarter names its ending year
    ("Smelter volumes rose in Q2 FY2024-25, the Indian refiner said.", "2024-12-01",
     [("Q2 FY2024-25", "2025-Q2", True)]),
    ("Sales of Rs 90 crore came in the first half of FY2023-24.", "2024-05-01",
     [("first half of FY2023-24", "2024-H1", True)]),
    # a split label written with an en dash, as with a hyphen
    ("The Perth miner shipped 4.8 Mt in FY2023–24.", "2025-03-01", [("FY2023–24", "2024", True)]),
    # a quarter of the current / previous fiscal year, counted from the fiscal year holding the reference
    ("Indian ore output climbed in the second quarter of the current fiscal year.", "2024-11-15",
     [("second quarter of the current fiscal year", "2025-Q2", True)]),
    ("The Indian import bill was lower in the first quarter of the previous financial year.", "2024-11-15",
     [("first quarter of the previous financial year", "2024-Q1", True)]),
    # "fiscal" as a noun is a fiscal year; as an adjective it is no date
    ("Indian steel demand should grow 8% this fiscal.", "2024-11-15", [("this fiscal", "2025", True)]),
    ("Indian refiners earned less in the previous fiscal, the ministry said.", "2024-11-15",
     [("previous fiscal", "2024", True)]),
    ("The Indian ministry will trim this fiscal deficit.", "2024-11-15", []),
    ("Copper imports rose last financial year, the Indian mines ministry said.", "2024-11-15",
     [("last financial year", "2024", True)]),
    # a year-less quarter after a fiscal mention of the block: the same part again, or a part of that year
    ("Zinc output rose in Q1 FY2024-25, the Indian miner said; first-quarter silver output also rose.", "2024-08-01",
     [("Q1 FY2024-25", "2025-Q1", True), ("first-quarter", "2025-Q1", True)]),
    ("For fiscal 2024 the Indian group sold 3 crore units. In the fourth quarter, sales slowed.", "2024-06-01",
     [("fiscal 2024", "2024", True), ("fourth quarter", "2024-Q4", True)]),
    # a deictic fiscal year is the base of a comparison, not the year the block is about
    ("Indian lead output was lower in the previous fiscal. Output in the third quarter rose.", "2024-11-15",
     [("previous fiscal", "2024", True), ("third quarter", "2024-Q3", False)]),
    # deictic quarters and month-named quarters keep their own reading
    ("Indian output hit a record in FY25. Costs rose last quarter.", "2025-05-10",
     [("FY25", "2025", True), ("last quarter", "2025-Q1", False)]),
    # a split year with a fiscal word before or after it names its ending year; without one it is a range
    ("Indian zinc use grew in financial year 2023-24 and in the 2024-25 fiscal.", "2025-06-01",
     [("financial year 2023-24", "2024", True), ("2024-25 fiscal", "2025", True)]),
    ("The Indian plan runs over 2024-28.", "2025-06-01", [("2024-28", "2024/2028", False)]),
    # a period ended on a day: the date is that day (the period is what it closes), as news gold reads it
    ("The Perth miner's sales for the year ended 30 June 2025 rose.", "2025-08-20",
     [("30 June 2025", "2025-06-30", False)]),
    ("The Perth miner's profit for the half-year ended 31 December 2024 doubled.", "2025-02-20",
     [("31 December 2024", "2024-12-31", False)]),
    # "the half year to <month>": the six months to that month, a calendar half when it ends in June or December
    ("Its revenue for the half year to March 2025 fell.", "2025-05-20",
     [("half year to March 2025", "2024-10/2025-03", False)]),
    # a quarter or a count of months "to"/"ended" a month: the months before it, named as a quarter, a half or a
    # year when they make one
    ("Concentrate sales for the quarter ended 30 September 2025 beat guidance.", "2025-10-28",
     [("30 September 2025", "2025-09-30", False)]),
    ("Its cash burn in the three months to March 2025 slowed.", "2025-04-28",
     [("three months to March 2025", "2025-Q1", False)]),
    ("Spodumene output in the six months through June 2025 was flat.", "2025-08-28",
     [("six months through June 2025", "2025-H1", False)]),
    ("Exports in the nine months to September 2025 climbed.", "2025-10-28",
     [("nine months to September 2025", "2025-01/2025-09", False)]),
    ("The Tokyo trader's volumes in the 12 months to March 2025 fell.", "2025-05-28",
     [("12 months to March 2025", "2025", True)]),
    # a quarter off the calendar's quarters ended on a day is that day too; without the day it is its three months
    ("The Utah miner's quarter ended November 30, 2024 was its best.", "2025-01-28",
     [("November 30, 2024", "2024-11-30", False)]),
    ("The Utah miner's quarter to November 2024 was its best.", "2025-01-28",
     [("quarter to November 2024", "2024-09/2024-11", False)]),
    # with no fiscal mention a year-less quarter stays a calendar quarter
    ("Nickel output rose in the third quarter.", "2024-11-15", [("third quarter", "2024-Q3", False)]),
]


@pytest.mark.parametrize(("text", "reference", "expected"), CASES)
def test_fiscal_dates(nlp, text: str, reference: str, expected: list[tuple[str, str, bool]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"], span._.orewire_date["fiscal"])
            for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "bounds"), [
    # the cities where the countries' listed miners keep their head offices are cues of their calendars too
    ("The Perth-based producer shipped 2.1 Mt in FY24.", ("2023-07-01", "2024-06-30")),
    ("The Mumbai-listed smelter's margin widened in Q3 FY25.", ("2024-10-01", "2024-12-31")),
    # with no cue a fiscal label keeps the calendar year
    ("The producer shipped 2.1 Mt in FY24.", ("2024-01-01", "2024-12-31")),
])
def test_head_office_cities_name_the_fiscal_calendar(nlp, text: str, bounds: tuple[str, str]) -> None:
    doc = make_block_doc(nlp, text, reference="2025-03-01")
    info = doc.spans[DATE_GROUP][0]._.orewire_date
    assert (info["start_date"], info["end_date"]) == bounds


def test_deictic_fiscal_year_takes_the_calendar_bounds(nlp) -> None:
    doc = make_block_doc(nlp, "Indian coal output rose in the previous fiscal.", reference="2024-11-15")
    info = doc.spans[DATE_GROUP][0]._.orewire_date
    assert (info["start_date"], info["end_date"], info["resolution"]) == ("2023-04-01", "2024-03-31", "relative")


def test_inherited_quarter_keeps_the_fiscal_bounds(nlp) -> None:
    doc = make_block_doc(nlp, "Indian zinc output rose in Q3 FY2025-26. Third quarter silver output fell.",
                         reference="2026-01-05")
    info = doc.spans[DATE_GROUP][1]._.orewire_date
    assert (info["timex"], info["start_date"], info["end_date"]) == ("2026-Q3", "2025-10-01", "2025-12-31")


def _hinted_doc(nlp, text: str, reference: str, hints: dict):
    doc = nlp.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t",
                           "hints": {"dollar": None, "yen": "JPY", **hints}}
    return nlp(doc)


@pytest.mark.parametrize(("text", "hints", "expected"), [
    # a headline's bare quarter over a paragraph that names it "Q2 FY2024-25" (the article hint): that fiscal part
    ("Smelter lifts Q2 zinc output", {"fiscal": "IN", "fiscal_parts": {"quarter 2": "2024-25"}},
     [("Q2", "2025-Q2", True)]),
    ("Copper sales held up during the second quarter.", {"fiscal": "AU", "fiscal_parts": {"quarter 2": "25"}},
     [("second quarter", "2025-Q2", True)]),
    # another part than the one the article names keeps the calendar reading
    ("Copper sales will pick up in the first quarter.", {"fiscal": "AU", "fiscal_parts": {"quarter 2": "25"}},
     [("first quarter", "2025-Q1", False)]),
    # the block's own fiscal year wins over the article's part
    ("For fiscal 2023 the group sold more; in the second quarter sales slowed.",
     {"fiscal": "IN", "fiscal_parts": {"quarter 2": "2024-25"}},
     [("fiscal 2023", "2023", True), ("second quarter", "2023-Q2", True)]),
])
def test_article_fiscal_parts(nlp, text: str, hints: dict, expected: list[tuple[str, str, bool]]) -> None:
    doc = _hinted_doc(nlp, text, "2024-11-15", hints)
    assert [(span.text, span._.orewire_date["timex"], span._.orewire_date["fiscal"])
            for span in doc.spans[DATE_GROUP]] == expected


def test_article_fiscal_part_bounds(nlp) -> None:
    doc = _hinted_doc(nlp, "Nickel output rose in Q3.", "2024-05-02", {"fiscal": "AU", "fiscal_parts": {"quarter 3": "24"}})
    info = doc.spans[DATE_GROUP][0]._.orewire_date
    assert (info["start_date"], info["end_date"]) == ("2024-01-01", "2024-03-31")  # Australian Q3 FY24: Jan-Mar


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # "the 2025 financial year" is fiscal year 2025 of the calendar in reach, as "FY2025" is
    ("The Perth miner's sales in the 2025 financial year rose, the ASX-listed firm said.", "2025-08-20",
     [("2025 financial year", "2025", "2024-07-01", "2025-06-30")]),
    ("The Japanese trader's 2025 fiscal year closed with a profit.", "2026-05-20",
     [("2025 fiscal year", "2025", "2025-04-01", "2026-03-31")]),
    # "financial" before other words is no fiscal year
    ("Its 2025 financial results beat forecasts.", "2026-02-20", [("2025", "2025", "2025-01-01", "2025-12-31")]),
])
def test_year_then_fiscal_words(nlp, text: str, reference: str, expected: list[tuple[str, str, str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"], span._.orewire_date["start_date"], span._.orewire_date["end_date"])
            for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=60, deadline=None)
@given(count=st.sampled_from([("three", 3), ("6", 6), ("nine", 9), ("twelve", 12)]),
       month=st.integers(1, 12), year=st.integers(1990, 2060), verb=st.sampled_from(["to", "ended", "ending", "through"]))
def test_months_to_a_month_property(count: tuple[str, int], month: int, year: int, verb: str) -> None:
    """"the <n> months to <month> <year>": whatever the label, the bounds run from the first day of the month n-1
    months before to the last day of the month named."""
    word, months = count
    name = MONTH_NAMES[month - 1]
    text = f"in the {word} months {verb} {name} {year}"
    match = PATTERNS["year_ending"].search(text)
    assert match is not None
    found = FORMS["year_ending"].normalise(match, Block(BLANK.make_doc(text), text, WORDS, None, None))
    assert found is not None
    info = found[0]
    first = date(year, month, 1) - relativedelta(months=months - 1)
    assert info["start_date"] == first.isoformat()
    assert info["end_date"] == (date(year, month, 1) + relativedelta(months=1, days=-1)).isoformat()


def test_fiscal_cue_pattern_matches_what_a_leading_word_boundary_matches() -> None:
    # the start's boundary is checked after the first character (scanned ~40x faster): the same matches, from any pos
    cues = ["A$", "AUD", "Rs ", "Rs.", "₹", "crore", "New Zealand", "_x", "9"]
    plain = re.compile("|".join((r"\b" if cue[:1].isalnum() else "") + re.escape(cue) + (r"\b" if cue[-1:].isalnum() else "")
                                for cue in cues))
    fast = re.compile("|".join(_cue_pattern(cue) for cue in cues))
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(["A$", "AUD", "Rs", " ", ".", "₹", "crore", "New Zealand", "_", "x", "9", "é", "a"])
                       for _ in range(rng.randint(0, 12)))
        for pos in (0, 1, 3):
            assert [m.span() for m in fast.finditer(text, pos)] == [m.span() for m in plain.finditer(text, pos)], text


@settings(max_examples=40, deadline=None)
@given(st.dates(date(2000, 1, 1), date(2040, 12, 31)),
       st.sampled_from(["quarter", "half-year", "year", "three months", "six months", "nine months"]),
       st.sampled_from(["ended", "ending", "to"]), st.booleans())
def test_a_period_ended_on_a_day_is_that_day(nlp, day: date, period: str, word: str, day_first: bool) -> None:
    written = (f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}" if day_first
               else f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}")
    doc = make_block_doc(nlp, f"Copper sales for the {period} {word} {written} rose.", reference="2041-06-01")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == [(written, day.isoformat())]


@settings(max_examples=40, deadline=None)
@given(st.integers(2000, 2040), st.integers(1, 12), st.sampled_from(["year", "six months", "three months"]))
def test_a_period_to_a_month_stays_a_period(nlp, year: int, month: int, period: str) -> None:
    doc = make_block_doc(nlp, f"Copper sales for the {period} to {MONTH_NAMES[month - 1]} {year} rose.",
                         reference="2041-06-01")
    spans = [(span.text, span._.orewire_date["granularity"]) for span in doc.spans[DATE_GROUP]]
    assert len(spans) == 1 and spans[0][0].startswith(period) and spans[0][1] != "day"
