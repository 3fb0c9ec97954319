"""No article is ever lost to one phrase: generated sentences of numbers, units, currencies,
decades, date words and punctuation go through the whole extractor, and every result is a
document whose records all validate (a mention a normaliser cannot represent is dropped with a
warning on the document, never turned into an error record)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import Article
from pipeline.schema.records import DateRecord, DocumentRecord, EntityRecord, EventRecord, QuantityRecord

RECORD_MODELS = {"document": DocumentRecord, "entity": EntityRecord, "quantity": QuantityRecord,
                 "date": DateRecord, "event": EventRecord}

NUMBERS = ["3", "12", "0.5", "4 500", "4\u2009500", "12,000", "2.2", "1.68-1.7", "15 to 25", "44", "1990",
           "2026", "3/3/2015", "14/03/2024", "2015-03-03", "03.03.2015", "21st", "7th", "two", "three", "a dozen"]
UNITS = ["t", "tonnes", "mt", "Mt", "kg", "lb", "ounces", "tpa", "t/y", "%", "per cent", "percent", "bn", "m",
         "million", "billion", "T", "crore", "lakh", "/t", "per kg", "lakh crore", "thousand crore", "shares",
         "short tons", "a million"]
CURRENCIES = ["$", "US$", "A$", "C$", "USD", "€", "£", "¥", "₽", "Rs", "RM", "R", "yuan", "rand", "ringgit",
              "rupiah", "dollars", "euros", "pounds", "pence", "cents", "pesos", "dirhams", "francs", "Mexico"]
DATE_WORDS = ["decade", "decades", "the 1990s", "the past three decades", "the next two decades", "last April",
              "next September", "this past quarter", "later that year", "the following month", "march 3",
              "Mar. 3", "Fri", "on the 21st", "between 2026 and 2028", "March 4 through 6", "Q3 FY24",
              "mid-decade", "year-end", "ago", "since", "through", "until", "'90s", "the late ’20s", "CY2025", "CY25",
              "half-year ended", "June 2025 quarter", "first three quarters of", "latter half", "Mar-2024",
              "5-Mar-2024", "2025 financial year", "the past decade", "Q3", "third quarter"]
GLUE = ["", " ", " ", " ", "-", "/", ",", ".", "(", ")", "~", "about", "between", "and", "from", "to", "over",
        "the", "of", "in"]
TOKENS = st.sampled_from(NUMBERS + UNITS + CURRENCIES + DATE_WORDS + GLUE)


@st.composite
def phrases(draw) -> str:
    """A short run of pieces with optional spacing: plausible and implausible news fragments."""
    pieces = draw(st.lists(TOKENS, min_size=1, max_size=10))
    separators = draw(st.lists(st.sampled_from(["", " ", " ", " "]), min_size=len(pieces), max_size=len(pieces)))
    return "".join(sep + piece for sep, piece in zip(separators, pieces, strict=True)).strip() or "x"


def _check(extractor, text: str) -> None:
    extraction = next(extractor.extract_many([Article(doc_id="fuzz", text=text, published="2025-12-12")]))
    assert extraction.ok, (text, extraction.error)
    assert extraction.records[0].type == "document"
    for record in extraction.records:
        RECORD_MODELS[record.type].model_validate(record.model_dump())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=phrases())
def test_generated_phrases_never_lose_the_article(extractor, text):
    _check(extractor, f"Miner says output {text} rose. Prices {text}.")


@pytest.fixture(scope="module")
def fast_extractor():
    from pipeline import Extractor

    return Extractor(reference_date="2026-01-15", strict=True, profile="fast")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=phrases())
def test_generated_phrases_never_lose_the_article_without_tags_or_parse(fast_extractor, text):
    # the fast profile's stages read no tag, POS, dependency or model entity: other code paths
    _check(fast_extractor, f"{text} shipped to smelters. Output {text}.")


@pytest.mark.parametrize("text", [
    "Output doubled over the past three decades.",
    "Demand could triple in the next two decades, the agency said.",
    "Mines built in the 1990s are closing; over the past two decades grades fell.",
    "The plant ran for decades before the 2015-03-03 fire.",
])
def test_decade_windows_never_lose_the_article(extractor, text):
    _check(extractor, text)


def test_unrepresentable_mention_is_dropped_with_a_warning():
    from pipeline.article.build import _record

    warnings: list[str] = []
    fields = {"id": "d#date:0-5", "doc_id": "d", "text": "aeons", "start": 0, "end": 5, "sentence": 0,
              "section": None, "zone": "body", "timex": "X", "granularity": "aeon", "start_date": None,
              "end_date": None, "modifier": None, "resolution": "unresolved", "reference": None}
    assert _record(DateRecord, warnings, **fields) is None
    assert len(warnings) == 1 and warnings[0].startswith("dropped DateRecord 'aeons': granularity")
