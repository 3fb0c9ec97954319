"""Prices an article quotes again in a later paragraph without their unit (pipeline/article/price_memory.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import Article
from pipeline.article.price_memory import carried_prices, written_number
from pipeline.schema.records import QuantityRecord


def _quantities(extractor, text: str) -> list[tuple[str, str, float | None, str | None]]:
    extraction = next(extractor.extract_many([Article(doc_id="memo", text=text)]))
    return [(record.text, record.quantity_type, record.value, record.unit)
            for record in extraction.records if record.type == "quantity"]


@pytest.mark.parametrize(("text", "expected"), [
    # the same amount as an earlier price, paragraphs later: that price again, in its mass unit
    ("Tungsten slides toward US$12 per lb\n\nAPT buyers held back all week in Rotterdam.\n\n"
     "Dealers now expect the quote to fall under US$12 before the holidays.",
     [("US$12 per lb", "price", 26455.4714621853, "USD/t"), ("US$12", "price", 26455.4714621853, "USD/t")]),
    # an article naming the LME: a later paragraph's amounts that a movement verb leads to are prices per tonne
    ("Aluminium on the LME was up 0.4% at $2,610 a ton in early trade.\n\n"
     "Nickel gained 1.1% to $15,900, while zinc slipped 0.2% to $2,980.",
     [("0.4%", "percent", 0.4, "%"), ("$2,610 a ton", "price", 2610, "USD/t"), ("1.1%", "percent", 1.1, "%"),
      ("$15,900", "price", 15900, "USD/t"), ("0.2%", "percent", 0.2, "%"), ("$2,980", "price", 2980, "USD/t")]),
    # no exchange named: a later amount of the same order stays money unless it repeats the price
    ("Spodumene sold for $1,150 a tonne in June.\n\nThe miner gained 3% to $1,400 in its bid.",
     [("$1,150 a tonne", "price", 1150, "USD/t"), ("3%", "percent", 3, "%"), ("$1,400", "money", 1400, "USD")]),
    # a share price is money, even when it repeats a metal price's digits
    ("Copper on the LME closed at $9,800 a tonne.\n\nThe miner's shares rose 2% to $98 and later hit $9,800.",
     [("$9,800 a tonne", "price", 9800, "USD/t"), ("2%", "percent", 2, "%"), ("$98", "money", 98, "USD"),
      ("$9,800", "money", 9800, "USD")]),
    # "reached", "peaked", "averaged" quote a price as "closed" does
    ("Cobalt on the LME settled at $33,400 a ton.\n\nEarlier in the session the metal reached $33,950.",
     [("$33,400 a ton", "price", 33400, "USD/t"), ("$33,950", "price", 33950, "USD/t")]),
    # a sum with a scale word is never a price
    ("Tin on the LME rose to $31,000 a tonne.\n\nThe smelter's owner raised $30 million.",
     [("$31,000 a tonne", "price", 31000, "USD/t"), ("$30 million", "money", 30000000, "USD")]),
])
def test_prices_quoted_again_in_a_later_paragraph(extractor, text: str, expected: list) -> None:
    found = _quantities(extractor, text)
    assert [(text, kind, unit) for text, kind, _, unit in found] == [(text, kind, unit) for text, kind, _, unit in expected]
    assert [value for _, _, value, _ in found] == pytest.approx([value for _, _, value, _ in expected])


def test_written_number_reads_the_first_number_of_a_span() -> None:
    assert written_number("US$10 per lb") == 10
    assert written_number("€1,120-1,170") == 1120
    assert written_number("no figure") is None


def _money(text: str, value: float, start: int) -> QuantityRecord:
    return QuantityRecord(id=f"m#quantity:{start}-{start + len(text)}", doc_id="m", text=text, start=start,
                          end=start + len(text), sentence=0, section=None, zone="body", quantity_type="money",
                          value=value, low=None, high=None, unit="USD", unit_text=None, currency="USD",
                          qualifier=None, per=None, subject=None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=6))
def test_an_article_without_prices_keeps_its_money(values: list[int]) -> None:
    text = " ".join(f"It paid ${value:,}." for value in values)
    records, position = [], 0
    for value in values:
        amount = f"${value:,}"
        start = text.index(amount, position)
        records.append(_money(amount, value, start))
        position = start + len(amount)
    assert carried_prices(records, text) == records


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(["US$", "$", "€", "A$"]))
def test_written_number_reads_grouped_digits(value: int, prefix: str) -> None:
    assert written_number(f"{prefix}{value:,} per tonne") == value
