"""Qualifiers from the words before a number."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.qualifiers import QualifierRules, tail_words
from pipeline.resources.quantities import load_tables

TABLES = load_tables()
RULES = QualifierRules(TABLES.qualifiers, TABLES.words.movement_words)


@pytest.mark.parametrize(
    ("before", "qualifier"),
    [
        ("It holds at least ", "ge"),
        ("Reserves stand at about ", "approx"),
        ("An option could raise up to a further ", "le"),  # filler between qualifier and number
        ("The stake is between ", None),
        ("Dysprosium oxide edged up to ", None),  # a movement's target, not a qualifier
        ("The stock is still up nearly ", "approx"),
        ("It rose more than ", "gt"),
        ("(“about ", "approx"),  # quotes and brackets before the qualifier
        ("Output of ~", "approx"),
        ("It needs ", None),
        ("about", None),  # no space before the number: not the number's qualifier
    ],
)
def test_qualifier(before, qualifier):
    assert RULES.qualifier(before) == qualifier


def test_tail_words_are_the_last_four_lower_cased():
    assert tail_words("Then Output Reached Nearly About ") == ["output", "reached", "nearly", "about"]
    assert tail_words("US$") == []
