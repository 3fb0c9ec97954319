"""Years written as labels (``pipeline/components/dates/years.py``) on sentences written for these tests:
decades by two digits ("the '90s") and calendar-year labels ("CY2025")."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.dates.block import Block
from pipeline.components.dates.forms import compile_forms
from pipeline.components.dates.words import DateWords
from pipeline.components.dates.years import SHORT_DECADE_FUTURE, short_decade
from pipeline.resources.dates import load_holidays, load_lexicon
from pipeline.schema.labels import DATE_GROUP
from pipeline.text import temporal as tp

WORDS = DateWords.from_lexicon(load_lexicon(), load_holidays())
PATTERNS = compile_forms(WORDS)
BLANK = spacy.blank("en")


@pytest.mark.parametrize(("text", "reference", "expected"), [
    # two-digit decades: the century that keeps them at most 20 years ahead; modifiers narrow them
    ("Smelting boomed in the late '60s and again in the ’90s.", "2025-03-01",
     [("late '60s", "1960/1969", "1967-01-01"), ("’90s", "1990/1999", "1990-01-01")]),
    ("Recycling could supply half of demand by the '40s.", "2025-03-01", [("'40s", "2040/2049", "2040-01-01")]),
    # without an apostrophe a two-digit decade is an age or a score, no date
    ("The founder is now in his 80s.", "2025-03-01", []),
    # calendar-year labels beside fiscal ones
    ("Guidance for CY26 was cut; CY2025 output rose.", "2026-02-01",
     [("CY26", "2026", "2026-01-01"), ("CY2025", "2025", "2025-01-01")]),
    ("The CY2024-dated bonds were repaid.", "2026-02-01", []),
    # a year straight after a capitalised law word names the law (the British style, no "of")
    ("Refiners must register under the Battery Metals Act 2023 by June 2026.", "2026-02-01",
     [("June 2026", "2026-06", "2026-06-01")]),
    ("The Mining Code 2018 raised royalties; the levy rose in 2019.", "2026-02-01", [("2019", "2019", "2019-01-01")]),
    ("They had to act in 2019.", "2026-02-01", [("2019", "2019", "2019-01-01")]),
    # a year after "Vision", "Agenda", "Horizon" names a programme (docs/realnews.md: "Vision 2030" is no date)
    ("The kingdom's Vision 2030 plan and Agenda 2063 both favour refining by 2035.", "2026-02-01",
     [("2035", "2035", "2035-01-01")]),
])
def test_year_labels(nlp, text: str, reference: str, expected: list[tuple[str, str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference=reference)
    assert [(span.text, span._.orewire_date["timex"], span._.orewire_date["start_date"])
            for span in doc.spans[DATE_GROUP]] == expected


@settings(max_examples=60, deadline=None)
@given(decade=st.integers(0, 9), year=st.integers(1950, 2090))
def test_short_decade_property(decade: int, year: int) -> None:
    """Whatever the reference year, "the 'N0s" is the decade ending in N0 that starts at most 20 years after it
    and is the latest such one."""
    text = f"It began in the '{decade}0s."
    match = PATTERNS["short_decade"].search(text)
    assert match is not None
    block = Block(BLANK.make_doc(text), text, WORDS, tp.parse_reference(f"{year}-06-01"), None)
    found = short_decade(match, block)
    assert found is not None
    first = int(found[0]["timex"][:4])
    assert first % 100 == decade * 10
    assert year - 100 + SHORT_DECADE_FUTURE < first <= year + SHORT_DECADE_FUTURE


@pytest.mark.parametrize(("text", "expected"), [
    # the year of a page's copyright notice is no date of the article's facts
    ("Kestrel plans a smelter by 2029. (c) Example Wire 2025. All rights reserved.", [("2029", "2029")]),
    ("Output rose in 2024 at the Brits mine.\n© 2025 Sample Media Ltd", [("2024", "2024")]),
])
def test_a_copyright_notice_holds_no_date(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2025-12-12")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected
