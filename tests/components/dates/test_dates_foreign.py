"""Dates with a month name of another language (``pipeline/components/dates/foreign.py``) on sentences written
for these tests; the month names are CLDR's, read through Babel."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
import spacy
from babel.dates import get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.dates.block import Block
from pipeline.components.dates.foreign import foreign_day
from pipeline.components.dates.forms import compile_forms
from pipeline.components.dates.words import DateWords, foreign_month_names
from pipeline.resources.dates import load_holidays, load_lexicon
from pipeline.schema.labels import DATE_GROUP
from pipeline.text import temporal as tp
from pipeline.text.calendar_names import MONTHS

WORDS = DateWords.from_lexicon(load_lexicon(), load_holidays())
PATTERNS = compile_forms(WORDS)
BLANK = spacy.blank("en")
LOCALES = load_lexicon().foreign_month_locales


@pytest.mark.parametrize(("text", "expected"), [
    # a Russian month in the form used inside a date (genitive), day first, with a page's clock time before it
    ("09:15, 4 апреля 2019, Almaty - the agency reported a new zinc find.", [("09:15, 4 апреля 2019", "2019-04-04T09:15")]),
    # month first, as some pages print it
    ("The deal closed. / июля 2, 2018 / Shares rose.", [("июля 2, 2018", "2018-07-02")]),
    # Spanish with its "de" joints, and a Ukrainian month
    ("The ministry signed it on 3 de mayo de 2021 in Lima.", [("3 de mayo de 2021", "2021-05-03")]),
    ("The plant reopened on 9 березня 2022 after repairs.", [("9 березня 2022", "2022-03-09")]),
])
def test_a_month_of_another_language_between_a_day_and_a_year(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = make_block_doc(nlp, text, reference="2024-01-10")
    assert [(span.text, span._.orewire_date["timex"]) for span in doc.spans[DATE_GROUP]] == expected


@pytest.mark.parametrize("text", [
    "Probes to Mars sampled iron oxides in 2021.",  # French "mars" is also the planet: no day, no date
    "The mayo plant shipped 40 tonnes.",
    "Rover team of 12 Mars 2020 engineers met.",  # capitalised, "Mars" is the planet, not French March
])
def test_a_foreign_name_without_both_day_and_year_is_no_foreign_date(nlp, text: str) -> None:
    doc = make_block_doc(nlp, text, reference="2024-01-10")
    texts = [span.text for span in doc.spans[DATE_GROUP]]
    assert not any(word in name for name in texts for word in ("Mars", "mayo") if word in text)


def test_english_names_stay_with_the_english_forms() -> None:
    names = foreign_month_names(LOCALES)
    assert names and not set(names) & set(MONTHS)
    assert names["октября"] == 10 and names["октябрь"] == 10 and names["März"] == 3 and "Mars" not in names


@settings(max_examples=80, deadline=None)
@given(locale=st.sampled_from(LOCALES), day=st.dates(date(1990, 1, 1), date(2035, 12, 31)),
       month_first=st.booleans(), context=st.sampled_from(("format", "stand-alone")))
def test_any_listed_locale_month_reads_back_its_day(locale: str, day: date, month_first: bool, context: str) -> None:
    """Every wide month name of every listed locale, in either order, gives back the day it was written from
    (unless the name is also an English month, which the English forms read)."""
    name = get_month_names("wide", context, locale)[day.month]
    text = f"{name} {day.day}, {day.year}" if month_first else f"{day.day} {name} {day.year}"
    match = PATTERNS["foreign_mdy" if month_first else "foreign_dmy"].search(text)
    if name.lower() in MONTHS or name not in WORDS.foreign_months:
        assert match is None
        return
    assert match is not None and match.group() == text
    found = foreign_day(match, Block(BLANK.make_doc(text), text, WORDS, tp.parse_reference("2024-06-01"), None))
    assert found is not None and found[0]["timex"] == day.isoformat()


@settings(max_examples=40, deadline=None)
@given(year=st.integers(1990, 2035), month=st.integers(1, 12), day=st.integers(29, 31))
def test_a_day_the_month_lacks_is_no_date(year: int, month: int, day: int) -> None:
    name = get_month_names("wide", "format", "ru")[month]
    text = f"{day} {name} {year}"
    match = PATTERNS["foreign_dmy"].search(text)
    assert match is not None
    found = foreign_day(match, Block(BLANK.make_doc(text), text, WORDS, tp.parse_reference("2024-06-01"), None))
    assert (found is not None) == (day <= calendar.monthrange(year, month)[1])
