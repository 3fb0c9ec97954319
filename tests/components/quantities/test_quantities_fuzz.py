"""Issue 13: no generated money, mass or percent phrase may fail extraction or yield an invalid record."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import Article
from pipeline.resources.quantities import load_currencies

_TABLE = load_currencies()
_PREFIXES = sorted(_TABLE.prefixes)
_SUFFIXES = sorted(_TABLE.suffixes) + sorted(_TABLE.subunits)

_numbers = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(str),
    st.integers(min_value=1, max_value=999_999).map("{:,}".format),
    st.integers(min_value=1000, max_value=999_999).map(lambda n: f"{n:,}".replace(",", "\u2009")),
    st.floats(min_value=0, max_value=1e6, allow_nan=False).map("{:.2f}".format),
    st.sampled_from(["two", "twenty-five", "a dozen", "half a"]),
)
_amount = st.tuples(
    st.sampled_from(["", "-", "\u2212", "minus ", "(", "~", "about "]),
    st.sampled_from([""] + _PREFIXES),
    st.sampled_from(["", " ", "-"]),
    _numbers,
    st.sampled_from(["", "m", "bn", " million", "T", " crore", "-billion"]),
    st.sampled_from(["", " ", "±0.1 "]),
    st.sampled_from(["", "%", "t", "mg", "kg", "/t", " per tonne", " pence", " cents", ")"] + _SUFFIXES[:40]),
).map("".join)
_phrase = st.lists(
    st.one_of(_amount, st.sampled_from(["and", "to", "from", "between", "rose", "was", "(", ")", ".", ",", "-",
                                        "shares", "US", "while", "ranging", "2026-01-14", "Q3", "R"])),
    min_size=1, max_size=8,
).map(" ".join)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_phrase)
def test_generated_phrases_never_lose_an_article(extractor, text: str) -> None:
    extraction = next(extractor.extract_many([Article(doc_id="fuzz", text=f"The report said {text}.")]))
    assert extraction.ok, extraction.error
    for record in extraction.records:
        assert type(record).model_validate(record.model_dump()) == record
        if getattr(record, "type", None) == "quantity" and record.low is not None and record.high is not None:
            assert record.low <= record.high
