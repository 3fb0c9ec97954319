"""A clock time before a weekday ("3:15 p.m. EST Tuesday") is a minute date on that weekday; sentences
written for these tests."""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.schema.labels import DATE_GROUP

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # 2024-05-10 is a Friday
    ("The shares traded at C$1.10 as of 3:15 p.m. EST Tuesday.", "2024-05-10",
     [("3:15 p.m. EST Tuesday", "2024-05-07T15:15")]),
    ("Trading was halted at 9:05 am on Friday.", "2024-05-10", [("9:05 am on Friday", "2024-05-10T09:05")]),
    ("The vote will close at 17:00 Monday.", "2024-05-10", [("17:00 Monday", "2024-05-13T17:00")]),
    # a clock time with am/pm and no day beside it is that minute of the reference day (the article's day)
    ("The plant restarted at 10:30 a.m.", "2024-05-10", [("10:30 a.m.", "2024-05-10T10:30")]),
    ("Zinc was quoted at $2,810 as of 4:05 pm Sydney time.", "2024-05-10", [("4:05 pm", "2024-05-10T16:05")]),
    # ... but the day written after it is its day, and a time with no am/pm (a score, a ratio) is none
    ("The filing reached the exchange at 8:40am AEST on 3 May 2024.", "2024-05-10", [("3 May 2024", "2024-05-03")]),
    ("The talks resume at 2:30 p.m. tomorrow.", "2024-05-10", [("tomorrow", "2024-05-11")]),
    ("The ore was blended 3:15 with waste rock.", "2024-05-10", []),
]


@pytest.mark.parametrize(("text", "reference", "expected"), CASES)
def test_clock_before_weekday(nlp, text: str, reference: str, expected: list) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected
