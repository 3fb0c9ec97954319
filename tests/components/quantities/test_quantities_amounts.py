"""Reading the numbers of a quantity: glued numbers, scales and range ends."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.amounts import AmountReader, Number, glued_ok
from pipeline.components.quantities.currency import CurrencyContext, CurrencyRules
from pipeline.components.quantities.patterns import UnitForms, compile_patterns
from pipeline.resources.quantities import load_tables

TABLES = load_tables()
UNITS = UnitForms.from_rows(TABLES.units)
READER = AmountReader(TABLES, compile_patterns(TABLES, UNITS), UNITS, CurrencyRules(TABLES.currencies))


@pytest.mark.parametrize(("text", "ok"), [("It is 5 t", True), ("SC6", False), ("v2.1", False), ("10:45", False),
                                          ("1/2", False), ("COVID-19", False), ("(5)", True)])
def test_glued_ok(text, ok):
    start = next(i for i, ch in enumerate(text) if ch.isdigit())
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    assert glued_ok(text, start, end) is ok


def _first(text: str):
    start = next(i for i, ch in enumerate(text) if ch.isdigit())
    end = start
    while end < len(text) and (text[end].isdigit() or text[end] in ".,") and text[end - 1 : end + 1] != ". ":
        end += 1
    number = Number(start, end, float(text[start:end].replace(",", "")), False)
    side = READER.first_side(text, number, CurrencyContext())
    READER.scale_at(text, side, side.currency is not None)
    return side


@pytest.mark.parametrize(("text", "scale"), [("$5m raised", 1e6), ("5m tonnes", 1e6), ("18 m deep", None),
                                             ("5 million", 1e6), ("Rs 7 crore", 1e7)])
def test_scale_after_a_number(text, scale):
    assert _first(text).scale == scale


@pytest.mark.parametrize(
    ("text", "high"),
    [("between 45,000 and 50,000 dmt", 50000), ("433,000-437,000 yuan", 437000), ("€250 million to €400 million", 400),
     ("the quota for 2026 to 6,800 mt", None), ("rose from 5% to 8%", None), ("500 to 12,000 t", None)],
)
def test_range_second_end(text, high):
    side = _first(text)
    before = text[: side.currency_start if side.currency_start is not None else side.start]
    unit = READER.unit_at(text, side.end)
    second = READER.range_second(text, unit.end if unit else side.end, side, before, CurrencyContext())
    assert (second.value if second else None) == high
