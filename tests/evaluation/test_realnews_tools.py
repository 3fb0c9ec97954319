"""benchmarks/realnews_tools.py: quantulum3's units in the gold's units, and the entity row without COMMODITY."""

from __future__ import annotations

import pytest

from benchmarks.realnews_tools import quantulum_records, without_commodity
from pipeline import Article
from pipeline.evaluation.facts import GoldEntity, GoldQuantity, score_document


def quantities_of(text: str) -> list[tuple[str | None, str | None, float | None]]:
    article = Article(doc_id="q", text=text)
    return [(record["quantity_type"], record["unit"], record["value"]) for record in quantulum_records(article)[1:]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Spot cobalt fetched $31,500 per tonne on Friday.", ("price", "USD/t", 31500.0)),
    ("Output fell 12 per cent in May.", ("percent", "%", 12.0)),
    ("The haul road runs 5 km to the port.", ("other", "m", 5000.0)),
])
def test_quantulum_units_are_mapped_to_the_units_the_gold_writes(text, expected):
    assert expected in quantities_of(text)


def test_a_mapped_quantulum_price_matches_a_gold_price():
    gold = [GoldQuantity(kind="quantity", text="$31,500 per tonne", quantity_type="price", unit="USD/t", value=31500.0)]
    records = quantulum_records(Article(doc_id="q", text="Spot cobalt fetched $31,500 per tonne on Friday."))
    assert score_document("q", gold, records)["quantity"].tp == 1


def test_the_entity_row_without_commodity_drops_commodity_on_both_sides():
    gold = [GoldEntity(kind="entity", label="COMMODITY", name="cobalt"),
            GoldEntity(kind="entity", label="ORG", name="Marlin Metals")]
    records = [{"type": "entity", "id": "e1", "label": "COMMODITY", "normalized": "cobalt", "text": "cobalt"},
               {"type": "entity", "id": "e2", "label": "ORG", "normalized": "Marlin Metals", "text": "Marlin Metals"}]
    kept_gold, kept_records = without_commodity(gold, records)
    assert [fact.label for fact in kept_gold] == ["ORG"]
    assert [record["label"] for record in kept_records] == ["ORG"]
