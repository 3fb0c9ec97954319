"""Year-less numeric dates ("on 3/21", "until 21/3") and the order of ambiguous ones, on sentences
written for these tests."""

from __future__ import annotations

import pytest
from support import make_block_doc

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
