"""Amounts and the quantity payload."""

from __future__ import annotations

from pipeline.components.quantities.measure import Amount, quantity_info


def test_amount_conversion_tidies_binary_noise():
    assert Amount(value=250).times(0.001) == Amount(value=0.25)
    assert Amount(low=1.68, high=1.7).times(1e6) == Amount(low=1680000, high=1700000)
    assert Amount(low=0.1, high=0.2).times(3) == Amount(low=0.3, high=0.6)


def test_quantity_info_is_keyword_only_and_leaves_the_subject_open():
    info = quantity_info("money", Amount(5e6), unit="EUR", unit_text="euros", currency="EUR", qualifier="approx")
    assert info == {"quantity_type": "money", "value": 5e6, "low": None, "high": None, "unit": "EUR",
                    "unit_text": "euros", "currency": "EUR", "qualifier": "approx", "per": None, "subject": None}
