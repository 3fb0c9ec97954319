"""The patterns compiled from the quantity tables."""

from __future__ import annotations

import re

import pytest

from pipeline.components.quantities.patterns import UnitForms, compile_patterns, first_character_gate, mixed_alternation
from pipeline.resources.quantities import load_tables

TABLES = load_tables()
UNITS = UnitForms.from_rows(TABLES.units)
PATTERNS = compile_patterns(TABLES, UNITS)


def test_mixed_alternation_is_longest_first_with_folding_marked():
    assert mixed_alternation(["Mt"], ["t", "g/t"]) == "(?i:g/t)|Mt|(?i:t)"


def test_first_character_gate_changes_no_match():
    # the unit and scale alternations with and without the lookahead of their first characters match the same text
    # at every position of texts made of their own forms in any case, case traps ("ſ", "K") and separators included
    import random

    rng = random.Random(11)
    scales = TABLES.scales
    exact_scales = [word for word in scales.words if word in scales.case_sensitive]
    folded_scales = [word for word in scales.words if word not in scales.case_sensitive]
    assert first_character_gate(["Mt"], ["t", "tonne"]) == "(?=[M]|(?i:[t]))"
    assert first_character_gate(["x", ""], []) == ""
    for exact, folded in ((list(UNITS.exact), list(UNITS.folded)), (exact_scales, folded_scales)):
        forms = mixed_alternation(exact, folded)
        plain = re.compile(rf"[ -]?(?P<form>{forms})(?![A-Za-z])")
        gated = re.compile(rf"[ -]?(?P<form>{first_character_gate(exact, folded)}(?:{forms}))(?![A-Za-z])")
        pieces = [*exact, *folded, " ", "-", "5", "x", "\u017f", "\u212a", "\u0130"]
        matched = 0
        for _ in range(400):
            text = "".join(rng.choice(pieces).upper() if rng.random() < 0.3 else rng.choice(pieces) for _ in range(6))
            for position in range(len(text)):
                one, other = plain.match(text, position), gated.match(text, position)
                assert (one and one.span(), one and one["form"]) == (other and other.span(), other and other["form"])
                matched += one is not None
        assert matched > 100


def test_unit_forms_keep_case_where_it_matters():
    assert UNITS.find("Mt").factor == 1e6  # million tonnes
    assert UNITS.find("mt").factor == 1  # metric tonnes
    assert UNITS.find("TONNES").factor == 1
    assert UNITS.find("furlong") is None


@pytest.mark.parametrize(
    ("text", "number"),
    [("shipped 3,860 mt", "3,860"), ("Twenty-five holes", "Twenty-five"), ("a dozen years", "a dozen"),
     ("call +86 21", "21"), ("at 10:45 today", None), ("firmware v2.1.3", None), ("COVID-19 cases", None)],
)
def test_number_pattern_finds_free_standing_numbers(text, number):
    found = [match.group() for match in PATTERNS.number.finditer(text)]
    assert (found[0] if found else None) == number


@pytest.mark.parametrize(("text", "unit"), [(" mt", "mt"), ("-tonne", "tonne"), (" per cent", "per cent"),
                                            ("%", "%"), (" Moz", "Moz"), (" mtx", None)])
def test_unit_pattern(text, unit):
    match = PATTERNS.unit.match(text)
    assert (match["unit"] if match else None) == unit


def test_denominator_only_takes_plain_mass_units():
    assert PATTERNS.denominator.match("/mt")["unit"] == "mt"
    assert PATTERNS.denominator.match(" per dry tonne")["unit"] == "tonne"
    assert PATTERNS.denominator.match("/tpa") is None  # a rate unit is no price denominator


def test_number_pattern_opening_lookahead_changes_no_match():
    # the "(?=\d)" before the digits alternatives only fails sooner where no digit stands
    plain = re.compile(PATTERNS.number.pattern.replace(r"(?P<digits>(?=\d)", "(?P<digits>", 1))
    assert plain.pattern != PATTERNS.number.pattern
    text = ("Marlin shipped 3,860 mt (+12%) of Fe-62% ore, circa-27 million tonnes, 4 500 t, two and a half years, "
            "v2.1 firmware, call +86 21, at 10:45, Li2O-1.2, ½ and 1½ shares, a dozen rigs, COVID-19, FY2026, ٣ units")
    found = [(m.span(), m.groupdict()) for m in PATTERNS.number.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    assert len(found) > 8
