"""Bare amounts of a sentence naming a per-tonne exchange are prices per tonne; elsewhere they stay money."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import make_block_doc

from pipeline.components.quantities.exchanges import ExchangeQuotes
from pipeline.resources.quantities import load_tables
from pipeline.schema.labels import QUANTITY_GROUP

EXCHANGES = load_tables().words.per_tonne_exchanges


def _units(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = make_block_doc(nlp, text)
    return [(span.text, span._.orewire_quantity["unit"]) for span in doc.spans[QUANTITY_GROUP]]


@pytest.mark.parametrize(("text", "expected"), [
    # the exchange named anywhere in the sentence prices its bare amounts per tonne
    ("Tin on the LME closed near $31,200 after a quiet session.", [("$31,200", "USD/t")]),
    ("On the Shanghai Futures Exchange, zinc ended at 22,900 yuan.", [("22,900 yuan", "CNY/t")]),
    # a scaled sum stays money even there; so does a bare amount of a sentence naming no such exchange
    ("The LME spent $40 million on a new trading hall.", [("$40 million", "USD")]),
    ("Comex gold touched $2,410 on Friday.", [("$2,410", "USD")]),
    # the next sentence is not governed by an exchange of the one before, unless a quote carries over
    ("LME stocks fell 2,000 t. A ticket cost $45.", [("2,000 t", "t"), ("$45", "USD")]),
    # a percent change given with the level does not stop a price carrying into the next sentence
    ("Lead on the LME rose to $2,010. Zinc was up 0.4% to $3,050.", [("$2,010", "USD/t"), ("0.4%", "%"),
                                                                      ("$3,050", "USD/t")]),
])
def test_exchange_quotes(nlp, text: str, expected: list) -> None:
    assert _units(nlp, text) == expected


def test_no_exchanges_leaves_money_alone() -> None:
    assert ExchangeQuotes([]).cue is None


@settings(max_examples=40, deadline=None)
@given(exchange=st.sampled_from(EXCHANGES), amount=st.integers(100, 99_999))
def test_any_listed_exchange_prices_per_tonne(nlp, exchange: str, amount: int) -> None:
    """Whichever listed exchange a sentence names, its bare dollar amount is a USD/t price of the same value."""
    doc = make_block_doc(nlp, f"Cobalt on the {exchange} settled at ${amount:,} yesterday.")
    (span,) = doc.spans[QUANTITY_GROUP]
    assert (span._.orewire_quantity["unit"], span._.orewire_quantity["value"]) == ("USD/t", amount)
