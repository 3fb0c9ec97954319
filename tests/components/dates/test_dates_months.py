"""Months and hyphenated day-month-year dates on sentences written for these tests ("7-Feb-2025",
"the Sep-2025 cargo"), with a round-trip property over every day of a few years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.schema.labels import DATE_GROUP

MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@pytest.mark.parametrize(("text", "expected"), [
    ("Bids for the Sep-2025 cargo closed early.", [("Sep-2025", "2025-09")]),
    ("The notice dated 19-September-2024 was withdrawn.", [("19-September-2024", "2024-09-19")]),
    ("Spot tonnes for Nov-2025 and Dec-2025 were offered.", [("Nov-2025", "2025-11"), ("Dec-2025", "2025-12")]),
])
def test_hyphenated_months(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2025-10-01")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=40, deadline=None)
@given(offset=st.integers(0, 3 * 365))
def test_day_month_year_with_hyphens_round_trip(nlp, offset: int) -> None:
    day = date(2023, 1, 1) + timedelta(days=offset)
    written = f"{day.day}-{MONTH_ABBREVIATIONS[day.month - 1]}-{day.year}"
    doc = make_block_doc(nlp, f"The shipment left on {written} from the port.", reference="2026-01-01")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == [(written, day.isoformat())]


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # a year-less "first N months" is of the reference's year ...
    ("Refinery runs climbed during the first seven months, traders said.", "2024-09-03",
     [("first seven months", "2024-01/2024-07")]),
    # ... or of the year before when a past clause names a window not yet over
    ("Refinery runs climbed 8% in the first seven months.", "2024-03-03", [("first seven months", "2023-01/2023-07")]),
    # counted from an event, or with no "in/for/during the" before it, it is no date
    ("Refinery runs climbed in the first seven months of operation.", "2024-09-03", []),
    ("Refinery runs climbed in the first seven months after the fire.", "2024-09-03", []),
    ("Its first seven months were hard.", "2024-09-03", []),
])
def test_first_months_without_a_year(nlp, text: str, reference: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # the six months of a calendar half are that half, with or without a year
    ("Smelter profit doubled over the first six months, its chairman said.", "2023-08-10",
     [("first six months", "2023-H1")]),
    ("Zinc sales slid in the last six months of 2022.", "2023-08-10", [("last six months of 2022", "2022-H2")]),
    # other windows stay month intervals
    ("Zinc sales slid in the first five months of 2022.", "2023-08-10", [("first five months of 2022", "2022-01/2022-05")]),
    ("Zinc sales slid in the first three months of 2022.", "2023-08-10", [("first three months of 2022", "2022-01/2022-03")]),
])
def test_six_month_windows_are_halves(nlp, text: str, reference: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bare month right before a capitalised word that is no calendar name is a first name or a company's name
    ("April Nguyen, the refinery's manager, spoke to staff.", []),
    ("August Metals shares slid on the news.", []),
    # with date context, a calendar name after it, a lower-case word after it or in a title-case headline: a month
    ("Output slowed in August Nguyen said.", [("August", "2025-08")]),
    ("August output slowed.", [("August", "2025-08")]),
    ("August and September were wet.", [("August", "2025-08"), ("September", "2025-09")]),
    ("August Output Slows At Smelter", [("August", "2025-08")]),
])
def test_a_month_before_a_capitalised_word_is_a_name(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2025-10-01")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a futures or delivery month is the coming one, whatever the clause's tense
    ("Copper for April delivery was unchanged in New York.", [("April", "2014-04")]),
    ("The most-traded May contract slipped 1%.", [("May", "2014-05")]),
    # without a delivery word the past clause keeps the month before the reference
    ("Copper was unchanged in April.", [("April", "2013-04")]),
    # "may contract" as a verb stays no date
    ("Margins may contract this year.", [("this year", "2014")]),
])
def test_a_delivery_month_is_the_coming_one(nlp, text, expected):
    doc = make_block_doc(nlp, text, reference="2014-02-19")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected
