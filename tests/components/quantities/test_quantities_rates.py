"""The rate period of an amount (SPEC ``per``)."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.rates import RateRules
from pipeline.resources.quantities import load_tables

RULES = RateRules(load_tables().words.period_words)


@pytest.mark.parametrize(
    ("text", "amount", "kind", "per"),
    [
        ("It ships 4,000 mt a month.", "4,000 mt", "mass", "month"),
        ("It ships 4,000 mt per annum.", "4,000 mt", "mass", "year"),
        ("It ships 4,000 mt p.a. now.", "4,000 mt", "mass", "year"),
        ("It shipped 4,000 mt a year earlier.", "4,000 mt", "mass", None),  # a comparison, not a rate
        ("A refinery with an annual capacity of 4,000 mt.", "4,000 mt", "mass", "year"),
        ("It kept its FY2026 production guidance of 4,000 mt.", "4,000 mt", "mass", "year"),
        ("It shipped 4,000 mt of feed a month.", "4,000 mt", "mass", "month"),
        ("It shipped 4,000 mt of ore.", "4,000 mt", "mass", None),
        ("It earns $4,000 each week.", "$4,000", "money", "week"),
        ("An annual budget of $4,000.", "$4,000", "money", None),  # rate words before money are not read
        # a qualifier between the rate word and the amount; "annually" after what is measured; a hyphenated rate
        ("It has annual output of more than 4,000 mt.", "4,000 mt", "mass", "year"),
        ("It will mine 4,000 mt of spodumene annually.", "4,000 mt", "mass", "year"),
        ("A new 4,000-tonne-per-annum kiln.", "4,000-tonne", "mass", "year"),
        ("It sent 4,000 mt of ore east, and annually pays tax.", "4,000 mt", "mass", None),
    ],
)
def test_period(text, amount, kind, per):
    begin = text.index(amount)
    before = text[max(0, begin - 32) : begin]
    assert RULES.period(text, begin + len(amount), before, kind, begin) == per


@pytest.mark.parametrize(("word", "per"), [("annually", "year"), ("per annum", "year"), ("y", "year"),
                                           ("Monthly", "month"), ("wk", "week"), ("d", "day")])
def test_period_name(word, per):
    assert RULES.period_name(word) == per
