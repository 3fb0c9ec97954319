"""Report period labels ("2024 H1", a bare "H2", "9M 2023", "the second quarter of the 2026 financial year"),
on sentences written for these tests."""

from __future__ import annotations

import pytest
from support import make_block_doc

from pipeline.schema.labels import DATE_GROUP

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # a half written after its year, and a bare half in a report on it
    ("Cobalt review for 2024 H1", "2024-08-20", [("2024 H1", "2024-H1")]),
    ("In H1, smelters lifted their output.", "2024-08-20", [("H1", "2024-H1")]),
    ("Sales will be weaker in H2.", "2024-08-20", [("H2", "2024-H2")]),
    # a modifier between the preposition and the half narrows it
    ("Sales will be weaker in late H2.", "2024-08-20", [("late H2", "2024-H2")]),
    ("The late H2 plant was shelved.", "2024-08-20", []),
    # no half: hydrogen, a heading, a half before a noun
    ("Investment in H2 production rose.", "2024-08-20", []),
    ("The plant makes green H2.", "2024-08-20", []),
    # a year's lower-case half reads as the half (dates/parts.py); no label: a visa class, a virus name
    ("The 2024 h1 draft was shelved.", "2024-08-20", [("2024 h1", "2024-H1")]),
    ("Workers on H1-B visas and the H1N1 outbreak.", "2024-08-20", []),
    # the first N months of a year
    ("Nickel output fell in 9M 2023.", "2023-11-02", [("9M 2023", "2023-01/2023-09")]),
    ("6M24 revenue rose.", "2024-08-02", [("6M24", "2024-01/2024-06")]),
    ("The slab ran 9m 2023 wide.", "2023-11-02", [("2023", "2023")]),
    # a part of a fiscal year named by its label year (Australia: July-June)
    ("Loading should restart in the second quarter of the 2026 financial year.", "2025-05-01",
     [("second quarter of the 2026 financial year", "2026-Q2")]),
]


@pytest.mark.parametrize(("text", "reference", "expected"), CASES)
def test_report_labels(nlp, text: str, reference: str, expected: list) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


def test_fiscal_part_takes_its_calendar_months(nlp) -> None:
    doc = make_block_doc(nlp, "The Perth miner expects exports to restart in the third quarter of the 2026 "
                              "financial year.", reference="2025-05-01")
    info = doc.spans[DATE_GROUP][0]._.orewire_date
    assert info["fiscal"] is True
    assert info["timex"] == "2026-Q3"


def test_bare_half_is_relative(nlp) -> None:
    doc = make_block_doc(nlp, "In H1, smelters lifted their output.", reference="2024-08-20")
    info = doc.spans[DATE_GROUP][0]._.orewire_date
    assert (info["resolution"], info["reference"]) == ("relative", "2024-08-20")


def test_modified_bare_half_keeps_its_modifier(nlp) -> None:
    doc = make_block_doc(nlp, "Stocks should tighten in early H1.", reference="2025-02-20")
    info = doc.spans[DATE_GROUP][0]._.orewire_date
    assert (info["timex"], info["modifier"], info["start_date"], info["end_date"]) == (
        "2025-H1", "early", "2025-01-01", "2025-02-28")
