"""Quarters and halves named by a month (``pipeline/components/dates/parts.py``) on sentences written for
these tests: the year may stand between the month and the part ("the June 2025 quarter")."""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.schema.labels import DATE_GROUP


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("Spodumene sales in the September 2025 quarter beat guidance.", "2025-11-02",
     [("September 2025 quarter", "2025-Q3", "2025-07-01", "2025-09-30")]),
    ("Cash fell over the December 2024 half.", "2025-03-02",
     [("December 2024 half", "2024-H2", "2024-07-01", "2024-12-31")]),
    # the year after the part, as before
    ("The March quarter of 2025 was wet.", "2025-11-02", [("March quarter of 2025", "2025-Q1", "2025-01-01", "2025-03-31")]),
])
def test_month_named_parts(nlp, text: str, reference: str, expected: list[tuple[str, str, str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"], span._.orewire_date["start_date"], span._.orewire_date["end_date"])
            for span in doc.spans[DATE_GROUP]] == expected
