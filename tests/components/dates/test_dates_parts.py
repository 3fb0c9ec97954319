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


@pytest.mark.parametrize(("text", "expected"), [
    # the part named by its last month inside a fiscal year: Australian years run July to June, named by their end
    ("The Australian producer lifted spodumene sales in the March quarter of FY24.",
     [("March quarter of FY24", "2024-Q1", "2024-01-01", "2024-03-31")]),
    ("The Australian refiner's cash burn eased over the December half of FY25.",
     [("December half of FY25", "2024-H2", "2024-07-01", "2024-12-31")]),
    # Indian years run April to March; a split label names both of its calendar years
    ("The Indian smelter's volumes in the June quarter of FY2024-25 beat plan.",
     [("June quarter of FY2024-25", "2024-Q2", "2024-04-01", "2024-06-30")]),
])
def test_month_named_parts_of_a_fiscal_year(nlp, text: str, expected: list[tuple[str, str, str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2025-11-02")
    assert [(span.text, span._.orewire_date["timex"], span._.orewire_date["start_date"], span._.orewire_date["end_date"])
            for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=60, deadline=None)
@given(label=st.integers(2000, 2060), month=st.sampled_from([3, 6, 9, 12]), part=st.sampled_from(["quarter", "half"]))
def test_month_named_part_lies_inside_its_fiscal_year_property(label: int, month: int, part: str) -> None:
    """Whatever the month and label, the part found ends in that month and lies inside the Australian July-June
    fiscal year the label names (halves are named by June or December only)."""
    if part == "half":
        month = 6 if month <= 6 else 12
    name = ["March", "June", "September", "December"][month // 3 - 1]
    text = f"Australian output in the {name} {part} of FY{label} rose."
    match = PATTERNS["quarter_month"].search(text)
    assert match is not None
    found = FORMS["quarter_month"].normalise(match, Block(BLANK.make_doc(text), text, WORDS, None, None))
    assert found is not None
    info = found[0]
    assert f"{label - 1}-07-01" <= info["start_date"] and info["end_date"] <= f"{label}-06-30"
    assert int(info["end_date"][5:7]) == month


@pytest.mark.parametrize(("text", "expected"), [
    # a half of a decade is five of its years, not a half-year
    ("Battery demand should climb in the second half of the decade.", [("second half of the decade", "2025/2029")]),
    ("Smelter builds bunched in the first half of this decade.", [("first half of this decade", "2020/2024")]),
    ("Tin mines opened through the latter half of the 1980s.", [("latter half of the 1980s", "1985/1989")]),
    ("Nickel output may plateau in the first half of next decade.", [("first half of next decade", "2030/2034")]),
    # a half of a year stays a half-year
    ("Nickel output may plateau in the first half of next year.", [("first half of next year", "2026-H1")]),
])
def test_halves_of_a_decade(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2025-11-02")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=40, deadline=None)
@given(decade=st.integers(190, 209), half=st.sampled_from(["first", "second"]))
def test_half_of_a_named_decade_property(decade: int, half: str) -> None:
    """"the first/second half of the <N>0s" is five whole years inside that decade, the first or the last five."""
    text = f"in the {half} half of the {decade}0s"
    match = PATTERNS["decade_half"].search(text)
    assert match is not None
    found = FORMS["decade_half"].normalise(match, Block(BLANK.make_doc(text), text, WORDS, None, None))
    assert found is not None
    first = decade * 10 + (0 if half == "first" else 5)
    assert found[0]["timex"] == f"{first}/{first + 4}"
    assert (found[0]["start_date"], found[0]["end_date"]) == (f"{first}-01-01", f"{first + 4}-12-31")
