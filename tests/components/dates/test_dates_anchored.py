"""Dates counted from a day written right after them (``anchored``): an ordinal weekday before or after a day,
a shift of some units from a day, and a span of some units opened at a day. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import Article
from pipeline.schema.labels import DATE_GROUP


@pytest.fixture(scope="module")
def blank_stage():
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_dates")
    return nlp


@pytest.fixture(scope="module")
def calendar_stage():
    """The stage under the calendar-windows convention, which reads a counted span whole."""
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_dates", config={"windows": "calendar"})
    return nlp


def _dates(blank_stage, text: str, reference: str | None = "2025-06-10") -> list[tuple[str, str | None, str | None]]:
    doc = blank_stage.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t"}
    return [(span.text, span._.orewire_date["start_date"], span._.orewire_date["end_date"])
            for span in blank_stage(doc).spans[DATE_GROUP]]


CASES = [
    # an ordinal weekday strictly after / before the day (25 December 2025 is a Thursday)
    ("Shipping restarts on the second Monday after Christmas 2025.", [("second Monday after Christmas 2025",
                                                                      "2026-01-05", "2026-01-05")]),
    ("The vote is set for the first Friday following March 3, 2027.", [("first Friday following March 3, 2027",
                                                                       "2027-03-05", "2027-03-05")]),
    ("Bids closed the Thursday before 25 December 2025.", [("Thursday before 25 December 2025",
                                                           "2025-12-18", "2025-12-18")]),
    ("Drilling starts the 2nd Wednesday after July 4, 2026.", [("2nd Wednesday after July 4, 2026",
                                                              "2026-07-15", "2026-07-15")]),
    # without "the" or an ordinal the weekday stays a date of its own
    ("Crews left Friday after March 3, 2025 ended.", [("Friday", "2025-06-06", "2025-06-06"),
                                                       ("March 3, 2025", "2025-03-03", "2025-03-03")]),
    # a count of units from or before the day: a single day
    ("The permit lapses two weeks before June 30, 2026.", [("two weeks before June 30, 2026",
                                                           "2026-06-16", "2026-06-16")]),
    ("Output resumes three months after January 31, 2026.", [("three months after January 31, 2026",
                                                             "2026-04-30", "2026-04-30")]),
    # ... but not a window counted back from it ("the 30 days before")
    ("Sales in the 30 days before March 1, 2026 slowed.", [("March 1, 2026", "2026-03-01", "2026-03-01")]),
    # "10 days from <day>" without "for" is the day itself, ten days on
    ("Payment falls due 10 days from 18 December 2025.", [("10 days from 18 December 2025",
                                                          "2025-12-28", "2025-12-28")]),
]

SPANS = [
    # "for N units from <day>" runs to the day N units later, "starting <day>" holds N whole units
    ("The port shuts for 10 days from 18 December 2025.", ("10 days from 18 December 2025", "2025-12-18",
                                                           "2025-12-28"), "18 December 2025"),
    ("Trucks are barred for two weeks starting March 2, 2026.", ("two weeks starting March 2, 2026", "2026-03-02",
                                                                 "2026-03-15"), "March 2, 2026"),
    ("A freeze of six months beginning on 1 July 2026 applies.", ("six months beginning on 1 July 2026",
                                                                  "2026-07-01", "2026-12-31"), "1 July 2026"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_counted_dates(blank_stage, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _dates(blank_stage, text) == expected


@pytest.mark.parametrize(("text", "span", "day"), SPANS)
def test_counted_spans_follow_the_windows_convention(blank_stage, calendar_stage, text: str,
                                                     span: tuple[str, str, str], day: str) -> None:
    assert _dates(calendar_stage, text) == [span]
    # by default the day stays the mention (the start an event reads after "from"); the length is a duration
    assert [text for text, _, _ in _dates(blank_stage, text)] == [day]


def test_a_year_less_day_is_resolved_before_it_is_counted_from(blank_stage) -> None:
    # "Christmas" nearest 10 June 2025 is 25 December 2024 (a Wednesday); the Monday after it is the 30th
    assert _dates(blank_stage, "Mines reopen the Monday after Christmas.") == [
        ("Monday after Christmas", "2024-12-30", "2024-12-30")]


def test_without_a_reference_the_counted_day_is_one_unresolved_mention(blank_stage) -> None:
    found = _dates(blank_stage, "Mines reopen the Monday after Christmas.", reference=None)
    assert found == [("Monday after Christmas", None, None)]


_DAY = st.dates(date(1990, 1, 1), date(2060, 12, 31))
_LEAD = st.sampled_from(["the third Tuesday after", "the Sunday before", "the 5th Friday following", "two weeks before",
                         "a year from", "for 10 days from", "for three months starting", "for 99 weeks beginning",
                         "the last 2 days before", "twelve decades after", "for 0 days from", "the first before"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_LEAD, _DAY), min_size=1, max_size=4), st.sampled_from([None, "2013-02-12", "2024-02-29"]))
def test_counted_phrases_never_raise_and_stay_well_formed(calendar_stage, parts, reference) -> None:
    text = " and ".join(f"{lead} {day:%B} {day.day}, {day.year}" for lead, day in parts) + "."
    doc = calendar_stage.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t"}
    spans = list(calendar_stage(doc).spans[DATE_GROUP])
    for left, right in zip(spans, spans[1:], strict=False):
        assert left.end_char <= right.start_char
    for span in spans:
        info = span._.orewire_date
        assert (info["start_date"] is None) == (info["end_date"] is None)
        if info["start_date"] is not None:
            assert date.fromisoformat(info["start_date"]) <= date.fromisoformat(info["end_date"])
            assert info["timex"] is not None


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_LEAD, _DAY), min_size=1, max_size=5))
def test_the_extractor_keeps_every_article(extractor, parts) -> None:
    articles = [Article(doc_id=f"c{index}", text=f"Output fell {lead} {day:%B} {day.day}, {day.year}.",
                        published="2025-06-10") for index, (lead, day) in enumerate(parts)]
    extractions = list(extractor.extract_many(articles))
    assert [extraction.doc_id for extraction in extractions] == [article.doc_id for article in articles]
    assert all(extraction.ok for extraction in extractions)
