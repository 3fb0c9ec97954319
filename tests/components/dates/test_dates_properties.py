"""Properties of the date component on a blank pipeline: it never raises, bounds are ordered,
mentions never overlap, and pathological input stays fast."""

from __future__ import annotations

import time

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.schema.labels import DATE_GROUP


@pytest.fixture(scope="module")
def blank_stage():
    nlp = spacy.blank("en")
    nlp.add_pipe("orewire_dates")
    return nlp


def _run(blank_stage, text: str, reference: str | None = "2025-12-12"):
    doc = blank_stage.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": "body", "section": None, "reference": reference, "doc_id": "t"}
    return blank_stage(doc)


SNIPPETS = [
    "January",
    "Jan.",
    "5",
    "31",
    "2026",
    "2025-26",
    "Q3",
    "3Q25",
    "H1",
    "FY25",
    "FY2026-27",
    "fiscal",
    "year",
    "to",
    "and",
    "between",
    "early",
    "mid-",
    "late",
    "end of",
    "the",
    "last",
    "next",
    "this",
    "week",
    "month",
    "past",
    "five",
    "years",
    "ago",
    "Tuesday",
    "today",
    "$",
    "%",
    ",",
    ".",
    "-",
    "/",
    "2030s",
    "quarter",
    "half",
    "first",
    "December",
    "May",
    "rest of",
    "since",
    "9999",
    "0000",
    "12:30",
    "\n",
    "week to",
    "week ended",
    "Friday",
    "first week of",
    "YTD",
    "mid-decade",
    "quarter",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(SNIPPETS), max_size=14), st.sampled_from([None, "2025-12-12", "2024-02-29", "1900-01-01"])
)
def test_property_never_raises_and_bounds_ordered(blank_stage, words: list[str], reference: str | None) -> None:
    doc = _run(blank_stage, " ".join(words), reference)
    for span in doc.spans[DATE_GROUP]:
        info = span._.orewire_date
        if info["start_date"] is not None:
            assert info["start_date"] <= info["end_date"]
        assert info["resolution"] in ("absolute", "relative", "unresolved")
        assert (info["timex"] is None) == (info["resolution"] == "unresolved")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_property_arbitrary_text(blank_stage, text: str) -> None:
    doc = _run(blank_stage, text)
    spans = list(doc.spans[DATE_GROUP])
    assert all(a.end_char <= b.start_char for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.parametrize(
    "text",
    ["1" * 100_000, "2026 " * 20_000, "May " * 25_000, "the " * 100_000, "20" * 50_000, "Q3 2026-" * 10_000],
    ids=["digits", "years", "may", "the", "twenties", "quarters"],
)
def test_pathological_input_is_fast(blank_stage, text: str) -> None:
    began = time.perf_counter()
    _run(blank_stage, text)
    assert time.perf_counter() - began < 10
