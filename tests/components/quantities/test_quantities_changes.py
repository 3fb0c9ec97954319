"""A bare number takes the unit of the amount before it: the end of a change, or a continuation ("another 20")
(blank pipeline, no model)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.schema.labels import QUANTITIES_FACTORY, QUANTITY_GROUP

_BLANK = spacy.blank("en")
_BLANK.add_pipe(QUANTITIES_FACTORY)


def _found(text: str) -> list[tuple[str, str, str | None, float | None]]:
    doc = _BLANK(text)
    return [(span.text, q["quantity_type"], q["unit"], q["value"])
            for span in doc.spans[QUANTITY_GROUP] for q in [span._.orewire_quantity]]


@pytest.mark.parametrize(("text", "expected"), [
    # the unit (and its scale word) written on the start only: the end is the same kind of amount
    ("Smelter output went from 2.1 million tonnes in 2019 to 3 million in 2024.",
     [("2.1 million tonnes", "mass", "t", 2.1e6), ("3 million", "mass", "t", 3e6)]),
    ("Its budget grew from €1.2 billion last year to 1.5 billion.",
     [("€1.2 billion", "money", "EUR", 1.2e9), ("1.5 billion", "money", "EUR", 1.5e9)]),
    ("The stockpile dropped from 900 kg to 650 this spring.",
     [("900 kg", "mass", "t", 0.9), ("650", "mass", "t", 0.65)]),
    ("Her stake rose from 8% in March to 11.",
     [("8%", "percent", "%", 8), ("11", "percent", "%", 11)]),
])
def test_bare_end_of_a_change_takes_the_start_unit(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a noun of its own after the end: it counts that noun
    ("Fleet size went from 2.1 million tonnes to 3 million trucks.",
     [("2.1 million tonnes", "mass", "t", 2.1e6), ("3 million", "count", None, 3e6)]),
    # a unit with its own scale and a scaled end: which million is meant is not written
    ("Reserves went from 4 Mt to 6 million in the update.",
     [("4 Mt", "mass", "t", 4e6), ("6 million", "count", None, 6e6)]),
    # a year after "to" is a date, not an end
    ("The quota moved from 1.5 million tonnes in 2018 to 2026.", [("1.5 million tonnes", "mass", "t", 1.5e6)]),
    # no "from": a bare number after "to" is not read as the end of a change
    ("Output was 900 kg, close to 650 in May.", [("900 kg", "mass", "t", 0.9)]),
])
def test_not_an_unwritten_unit(text, expected):
    assert _found(text) == expected


@settings(max_examples=60, deadline=None)
@given(low=st.integers(1, 900), high=st.integers(1, 900), unit=st.sampled_from([("t", 1.0), ("kg", 0.001), ("km", 1000.0)]),
       year=st.sampled_from(["", " in 2021", " last year"]))
def test_generated_changes_carry_the_unit(low: int, high: int, unit: tuple[str, float], year: str) -> None:
    """"from X <unit>[ time] to Y." gives two amounts, the second in X's unit and conversion."""
    written, factor = unit
    found = _found(f"The figure moved from {low} {written}{year} to {high}.")
    assert len(found) == 2
    assert found[1][0] == str(high)
    assert found[1][2] == found[0][2]
    assert found[1][3] == pytest.approx(high * factor)


@pytest.mark.parametrize(("text", "expected"), [
    # "another", "a further" after an amount of the same sentence: more of the same unit
    ("The lease runs 25 years and may be extended by another 10.",
     [("25 years", "duration", "year", 25), ("10", "duration", "year", 10)]),
    ("The mill made 800 kg on Monday and a further 450 on Tuesday.",
     [("800 kg", "mass", "t", 0.8), ("450", "mass", "t", 0.45)]),
    # a noun after the number counts it; a sentence end between them breaks the link
    ("The miner spent $9 million and another 12 rigs arrived.",
     [("$9 million", "money", "USD", 9e6), ("12", "count", None, 12)]),
    ("The miner spent $9 million. Another 12 were idle.", [("$9 million", "money", "USD", 9e6)]),
])
def test_continuations_take_the_unit(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the base of a comparison, written without the unit the compared amount gives
    ("Refinery output climbed to 2.6 million tonnes from 2.2 million a year before.",
     [("2.6 million tonnes", "mass", "t", 2.6e6), ("2.2 million", "mass", "t", 2.2e6)]),
    ("Shipments totalled 61,000 tonnes, down from 70,500 in 2022.",
     [("61,000 tonnes", "mass", "t", 61000), ("70,500", "mass", "t", 70500)]),
    ("Sales came to €4.1 billion, compared with 3.8 billion a year ago.",
     [("€4.1 billion", "money", "EUR", 4.1e9), ("3.8 billion", "money", "EUR", 3.8e9)]),
    ("The stockpile held 800 kg in May versus 650 in April.",
     [("800 kg", "mass", "t", 0.8), ("650", "mass", "t", 0.65)]),
    ("Its share reached 41%, up from about 37 last year.",
     [("41%", "percent", "%", 41), ("37", "percent", "%", 37)]),
])
def test_bare_base_of_a_comparison_takes_the_unit(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a noun after the base counts it; a sentence end, another figure or a year breaks the link
    ("The plant made 900 kg, up from 12 kilns.", [("900 kg", "mass", "t", 0.9), ("12", "count", None, 12)]),
    ("The plant made 900 kg. Up from 650 staff were hired.",
     [("900 kg", "mass", "t", 0.9), ("650", "count", None, 650)]),
    ("The plant made 900 kg, up from 2021.", [("900 kg", "mass", "t", 0.9)]),
    # a count is compared as a count (its own rules decide), never given a unit
    ("The plant made 900 kg and 300 people, up from 250 in 2023.", [("900 kg", "mass", "t", 0.9)]),
])
def test_not_a_comparison_base(text, expected):
    assert _found(text) == expected


@settings(max_examples=60, deadline=None)
@given(now=st.integers(1, 900), base=st.integers(1, 900),
       cue=st.sampled_from(["up from", "down from", "compared with", "versus", "against", "instead of", "in place of"]),
       unit=st.sampled_from([("t", 1.0), ("kg", 0.001), ("km", 1000.0)]))
def test_generated_comparison_bases_carry_the_unit(now: int, base: int, cue: str, unit: tuple[str, float]) -> None:
    """"<X unit>, <cue> Y." gives two amounts, the base in X's unit and conversion."""
    written, factor = unit
    found = _found(f"The figure stood at {now} {written}, {cue} {base}.")
    assert len(found) == 2
    assert found[1][0] == str(base)
    assert found[1][2] == found[0][2]
    assert found[1][3] == pytest.approx(base * factor)


@pytest.mark.parametrize(("text", "expected"), [
    # a second verb of the same flow after "and", its amount written without the unit
    ("The mill treated 3.2 million tonnes of ore and shipped 2.9 million.",
     [("3.2 million tonnes", "mass", "t", 3.2e6), ("2.9 million", "mass", "t", 2.9e6)]),
    ("The fund spent €40 million on roads and invested 25 million in rail.",
     [("€40 million", "money", "EUR", 4e7), ("25 million", "money", "EUR", 2.5e7)]),
    # another verb, or a noun of its own after the number: not the same kind of amount
    ("The miner raised $5 million and issued 1.2 million.",
     [("$5 million", "money", "USD", 5e6), ("1.2 million", "count", None, 1.2e6)]),
    ("The mill treated 3.2 million tonnes and sold 2.9 million trucks.",
     [("3.2 million tonnes", "mass", "t", 3.2e6), ("2.9 million", "count", None, 2.9e6)]),
])
def test_gapped_verb_amount_takes_the_unit(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "instead of", "in place of": the replaced amount is measured like the new one
    ("The reserve now covers 120 days instead of 75.", [("120 days", "duration", "day", 120), ("75", "duration", "day", 75)]),
    ("The new kiln burns 30 tonnes a day in place of 45.",
     [("30 tonnes", "mass", "t", 30), ("45", "mass", "t", 45)]),
])
def test_a_replaced_amount_takes_the_unit_of_the_new_one(text, expected):
    assert _found(text) == expected
