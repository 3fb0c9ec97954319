"""Quarters and halves named by a month (``pipeline/components/dates/parts.py``) on sentences written for
these tests: the year may stand between the month and the part ("the June 2025 quarter"); halves named by
"latter"/"back"/"front"; the first or last quarters of a year ("the first three quarters of 2025")."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.dates.block import Block
from pipeline.components.dates.forms import FORMS, compile_forms
from pipeline.components.dates.months import months_of
from pipeline.components.dates.words import DateWords
from pipeline.resources.dates import load_holidays, load_lexicon
from pipeline.schema.labels import DATE_GROUP

WORDS = DateWords.from_lexicon(load_lexicon(), load_holidays())
PATTERNS = compile_forms(WORDS)
BLANK = spacy.blank("en")


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("Spodumene sales in the September 2025 quarter beat guidance.", "2025-11-02",
     [("September 2025 quarter", "2025-Q3", "2025-07-01", "2025-09-30")]),
    ("Cash fell over the December 2024 half.", "2025-03-02",
     [("December 2024 half", "2024-H2", "2024-07-01", "2024-12-31")]),
    # the year after the part, as before
    ("The March quarter of 2025 was wet.", "2025-11-02", [("March quarter of 2025", "2025-Q1", "2025-01-01", "2025-03-31")]),
    # halves named by other words than first/second (lexicon half_ordinals)
    ("Deliveries slip to the latter half of 2027.", "2025-11-02", [("latter half of 2027", "2027-H2", "2027-07-01", "2027-12-31")]),
    ("Demand should firm in the back half of next year.", "2025-11-02",
     [("back half of next year", "2026-H2", "2026-07-01", "2026-12-31")]),
    # the first or last n quarters of a year: an interval of quarters
    ("Nickel sales grew over the first three quarters of 2025.", "2025-11-02",
     [("first three quarters of 2025", "2025-Q1/2025-Q3", "2025-01-01", "2025-09-30")]),
    ("Spending peaks in the last two quarters of the year.", "2025-11-02",
     [("last two quarters of the year", "2025-Q3/2025-Q4", "2025-07-01", "2025-12-31")]),
])
def test_month_named_parts(nlp, text: str, reference: str, expected: list[tuple[str, str, str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"], span._.orewire_date["start_date"], span._.orewire_date["end_date"])
            for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=40, deadline=None)
@given(side=st.sampled_from(["first", "last"]), count=st.integers(2, 3), year=st.integers(1990, 2060))
def test_quarters_of_a_year_property(side: str, count: int, year: int) -> None:
    """"the first/last n quarters of <year>" covers exactly n whole quarters of that year, from its start or to its end."""
    text = f"in the {side} {count} quarters of {year}"
    match = PATTERNS["months_of"].search(text)
    assert match is not None
    found = months_of(match, Block(BLANK.make_doc(text), text, WORDS, None, None))
    assert found is not None
    info = found[0]
    first = 1 if side == "first" else 5 - count
    assert info["start_date"] == f"{year}-{3 * first - 2:02d}-01"
    assert info["timex"] == f"{year}-Q{first}/{year}-Q{first + count - 1}"


@pytest.mark.parametrize(("text", "expected"), [
    ("Margins in 2025 Q3 were thin.", [("2025 Q3", "2025-Q3")]),
    ("The 2024-Q4 ledger was restated.", [("2024-Q4", "2024-Q4")]),
    ("Guidance for 2026H1 was cut.", [("2026H1", "2026-H1")]),
    ("Deliveries slip to Q3 of next year.", [("Q3 of next year", "2027-Q3")]),
])
def test_year_first_parts_and_parts_of_a_deictic_year(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2026-03-03")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=40, deadline=None)
@given(year=st.integers(1990, 2060), quarter=st.integers(1, 4), joint=st.sampled_from(["", " ", "-"]))
def test_year_first_quarter_property(year: int, quarter: int, joint: str) -> None:
    text = f"Costs in {year}{joint}Q{quarter} rose."
    match = PATTERNS["year_part_abbr"].search(text)
    assert match is not None
    found = FORMS["year_part_abbr"].normalise(match, Block(BLANK.make_doc(text), text, WORDS, None, None))
    assert found is not None and found[0]["timex"] == f"{year}-Q{quarter}"
