"""Year-less numeric dates ("on 3/21", "until 21/3") and the order of ambiguous ones, on sentences
written for these tests."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.dates.numeric import tense_order
from pipeline.schema.labels import DATE_GROUP

CASES: list[tuple[str, str, dict | None, list[tuple[str, str | None]]]] = [
    # one part above 12 is the day; a time word, a weekday or a line of its own makes it a date
    ("The tender closes on 3/21.", "2026-03-03", None, [("3/21", "2026-03-21")]),
    ("Bids are open until 21/3.", "2026-03-03", None, [("21/3", "2026-03-21")]),
    ("The rail link reopens Tue 3/17.", "2026-03-03", None, [("Tue 3/17", "2026-03-17")]),
    ("Posted\n11/28\nThe smelter restarted.", "2026-01-10", None, [("11/28", "2025-11-28")]),
    ("The survey closes on 3-21.", "2026-03-03", None, [("3-21", "2026-03-21")]),
    # no date: both parts up to 12, idioms, fractions, ranges, units after it
    ("The survey closes on 3/4.", "2026-03-03", None, []),
    ("The control room is staffed 24/7.", "2026-03-03", None, []),
    ("Grades of 3/16 of an ounce were cut.", "2026-03-03", None, []),
    ("Hiring rose from 2-15 people.", "2026-03-03", None, []),
    ("Ore moved 5/17 km by conveyor.", "2026-03-03", None, []),
    ("Seams of 2/15 thickness.", "2026-03-03", None, []),
    # an ambiguous full date follows the source's country when the article gives nothing else
    ("The licence was granted on 06/07/2021.", "2023-06-01", {"country": "AU"}, [("06/07/2021", "2021-07-06")]),
    ("The licence was granted on 06/07/2021.", "2023-06-01", {"country": "US"}, [("06/07/2021", "2021-06-07")]),
    ("The licence was granted on 06.07.2021.", "2023-06-01", {"country": "US"}, [("06.07.2021", "2021-07-06")]),
    # a weekday named right before an ambiguous date picks the reading that falls on it, over the country
    ("The minister spoke in Bandung on Wednesday (9/4/2025).", "2025-04-10", {"country": "US"},
     [("Wednesday", "2025-04-09"), ("9/4/2025", "2025-04-09")]),
    ("Talks resumed Thursday, 9/4/2025.", "2025-09-10", {"country": "AU"},
     [("Thursday", "2025-09-04"), ("9/4/2025", "2025-09-04")]),
    ("Trading halted Wed 2/7/2024.", "2024-07-20", None, [("2/7/2024", "2024-02-07")]),
    # a weekday neither reading falls on leaves the usual order
    ("Trading halted Monday (9/4/2025).", "2025-09-10", {"country": "US"},
     [("Monday", "2025-09-08"), ("9/4/2025", "2025-09-04")]),
    # with nothing written to decide, the clause's tense does when only one reading lies on its side of the
    # reference; the source's country only when both do
    ("The smelter reopened on 11/03/2026.", "2026-04-20", {"country": "US"}, [("11/03/2026", "2026-03-11")]),
    ("The smelter will reopen on 04/09/2026.", "2026-06-20", {"country": "US"}, [("04/09/2026", "2026-09-04")]),
    ("The smelter reopened on 06/07/2021.", "2023-06-01", {"country": "US"}, [("06/07/2021", "2021-06-07")]),
    # the article's own unambiguous dates still come first
    ("On 12/25/2025 and 11/03/2026 the smelter reopened.", "2026-04-20", None,
     [("12/25/2025", "2025-12-25"), ("11/03/2026", "2026-11-03")]),
    # a page timestamp with a 12-hour clock: am/pm applied, the zone left out
    ("Posted 11/20/2025 02:40 PM EST", "2025-11-20", {"country": "US"}, [("11/20/2025 02:40 PM", "2025-11-20T14:40")]),
    # a page timestamp whose time follows a dash, with seconds: the minute is kept
    ("Updated 04.03.2026 - 17:42:09", "2026-03-04", None, [("04.03.2026 - 17:42:09", "2026-03-04T17:42")]),
]


@pytest.mark.parametrize(("text", "reference", "hints", "expected"), CASES)
def test_numeric_dates(nlp, text: str, reference: str, hints: dict | None, expected: list) -> None:
    doc = nlp.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t",
                           "hints": hints}
    doc = nlp(doc)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


def test_year_less_numeric_date_is_relative(nlp) -> None:
    doc = make_block_doc(nlp, "The tender closes on 3/21.", reference="2026-03-03")
    info = doc.spans[DATE_GROUP][0]._.orewire_date
    assert (info["resolution"], info["reference"], info["granularity"]) == ("relative", "2026-03-03", "day")



class _TensedBlock:
    """Stands in for a ``Block`` whose clause has a known tense."""

    def __init__(self, reference: date, tense: str | None) -> None:
        self.reference = reference
        self._tense = tense

    def tense(self, start: int, end: int) -> str | None:
        return self._tense


@settings(max_examples=80, deadline=None)
@given(first=st.integers(1, 12), second=st.integers(1, 12), year=st.integers(2015, 2030),
       share=st.floats(0.0, 1.0), tense=st.sampled_from(["past", "future", "later", None]))
def test_tense_order_picks_the_one_reading_on_the_tense_side(first: int, second: int, year: int, share: float,
                                                             tense: str | None) -> None:
    """Past: the reading not after the reference; future: the one not before it; a weak or no tense, or both
    readings on one side: no decision."""
    day_first, month_first = date(year, second, first), date(year, first, second)
    low, high = sorted((day_first, month_first))
    reference = low + timedelta(days=round((high - low).days * share))
    decided = tense_order(_TensedBlock(reference, tense), 0, 10, year, first, second)  # type: ignore[arg-type]
    if tense == "past" and (day_first <= reference) != (month_first <= reference):
        assert decided == (day_first <= reference)
    elif tense == "future" and (day_first >= reference) != (month_first >= reference):
        assert decided == (day_first >= reference)
    else:
        assert decided is None
