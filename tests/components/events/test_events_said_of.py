"""What a price word is said of (``pipeline/components/events/said_of.py``): moving words said of talks,
fundamentals, supply or a scenario report no price move; said of a price, a metal or a market, or in a clause
naming a price, they do. Sentences of our own."""

from __future__ import annotations

import pytest
from events_helpers import types_of


@pytest.mark.parametrize("text", [
    # an adjective modifying a noun that is no price
    ("Kestrel reported record cobalt sales at $14 a pound in March; advanced talks with two battery makers "
     "are ongoing."),
    # a comparative said, through a relative pronoun, of the market's fundamentals
    "The new quotas lift the tungsten market fundamentals, which are stronger than at any time this decade.",
    # supply, not a price, surged
    ("Before the quota cuts, supply from the island had surged to about 40% of world tungsten output, "
     "a price reporting agency said."),
])
def test_a_move_said_of_something_else_is_no_price_movement(nlp, text: str) -> None:
    assert "price_movement" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Lithium carbonate prices rose 4% on Monday.",
    # the subject is no price word, but the clause names a price
    "The metals complex was broadly higher on Tuesday, with cobalt up 2% at $33,000 a tonne.",
    "Spot tungsten was stronger than a week earlier.",
])
def test_a_move_said_of_a_price_or_a_priced_clause_stays(nlp, text: str) -> None:
    assert "price_movement" in types_of(nlp, text)
