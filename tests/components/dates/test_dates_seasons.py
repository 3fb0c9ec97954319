"""Seasons as month intervals, on sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.schema.labels import DATE_GROUP

# text, reference, hints, expected (span, timex, start_date, end_date)
CASES: list[tuple[str, str, dict | None, list[tuple[str, str, str, str]]]] = [
    ("Barges stop running this winter.", "2025-10-20", None,
     [("this winter", "2025-12/2026-02", "2025-12-01", "2026-02-28")]),
    ("Barges stopped running last winter.", "2025-10-20", None,
     [("last winter", "2024-12/2025-02", "2024-12-01", "2025-02-28")]),
    ("The pit flooded in the spring.", "2025-07-20", None, [("spring", "2025-03/2025-05", "2025-03-01", "2025-05-31")]),
    ("Output dipped in summer 2024.", "2025-10-20", None,
     [("summer 2024", "2024-06/2024-08", "2024-06-01", "2024-08-31")]),
    # a year names the winter whose months lie mostly in it
    ("Roads froze in winter 2024.", "2025-10-20", None,
     [("winter 2024", "2023-12/2024-02", "2023-12-01", "2024-02-29")]),
    # a split year names the season running from the first year into the second
    ("Gas rationing hit smelters in winter 2022-23.", "2025-10-20", None,
     [("winter 2022-23", "2022-12/2023-02", "2022-12-01", "2023-02-28")]),
    ("Utilities stockpiled coal for the 2025/26 winter.", "2025-10-20", None,
     [("2025/26 winter", "2025-12/2026-02", "2025-12-01", "2026-02-28")]),
    ("Rains flooded pits in the summer of 2023–24.", "2025-10-20", {"fiscal": "AU"},
     [("summer of 2023–24", "2023-12/2024-02", "2023-12-01", "2024-02-29")]),
    # a northern summer does not run into the next year: no season, the years alone
    ("Output rose in summer 2023-24.", "2025-10-20", None, [("2023-24", "2023/2024", "2023-01-01", "2024-12-31")]),
    # the south flips the months
    ("Haul roads close this winter.", "2025-04-20", {"fiscal": "AU"},
     [("this winter", "2025-06/2025-08", "2025-06-01", "2025-08-31")]),
    ("Haul roads close this winter.", "2025-04-20", {"country": "CL"},
     [("this winter", "2025-06/2025-08", "2025-06-01", "2025-08-31")]),
    # early/mid/late take one month of the three
    ("Trucks return by late summer.", "2025-04-20", None,
     [("late summer", "2025-06/2025-08", "2025-08-01", "2025-08-31")]),
    # not seasons: verbs, nouns, names
    ("Prices could fall further.", "2025-04-20", None, []),
    ("The fall in prices hurt margins.", "2025-04-20", None, []),
    ("Water from a hot spring was sampled.", "2025-04-20", None, []),
    ("Delegates met at Summer Davos.", "2025-04-20", None, []),
]


@pytest.mark.parametrize(("text", "reference", "hints", "expected"), CASES)
def test_seasons(nlp, text: str, reference: str, hints: dict | None, expected: list) -> None:
    doc = nlp.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t",
                           "hints": hints}
    doc = nlp(doc)
    found = [(span.text, span._.orewire_date["timex"], span._.orewire_date["start_date"], span._.orewire_date["end_date"])
             for span in doc.spans[DATE_GROUP]]
    assert found == expected
