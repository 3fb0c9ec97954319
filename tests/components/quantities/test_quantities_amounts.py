"""Reading the numbers of a quantity: glued numbers, scales and range ends."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.components.quantities.amounts import AmountReader, Number, Side, glued_ok
from pipeline.components.quantities.currency import CurrencyContext, CurrencyRules
from pipeline.components.quantities.patterns import UnitForms, compile_patterns
from pipeline.resources.quantities import load_tables
from pipeline.schema.labels import QUANTITIES_FACTORY, QUANTITY_GROUP

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
     ("the quota for 2026 to 6,800 mt", None), ("rose from 5% to 8%", None), ("500 to 12,000 t", None),
     # a scale written once on the high end scales the low end too, so the ends stay within a range's spread
     ("a bill of $4 to $6 billion", 6), ("4 to 6 billion dollars", 6)],
)
def test_range_second_end(text, high):
    side = _first(text)
    before = text[: side.currency_start if side.currency_start is not None else side.start]
    unit = READER.unit_at(text, side.end)
    second = READER.range_second(text, unit.end if unit else side.end, side, before, CurrencyContext())
    assert (second.value if second else None) == high


@pytest.mark.parametrize(("text", "scale"), [
    # a larger scale word right after another multiplies it (Indian and long-form numbering)
    ("Rs 3 lakh crore set aside", 1e12), ("Rs 40 thousand crore", 1e10), ("5 thousand million euros", 1e9),
    # a smaller or equal one does not ("5 million thousand" is no number), nor a one-letter abbreviation
    ("5 million thousand", 1e6), ("Rs 3 crore m", 1e7),
    # a one-letter "m" before a counted noun is a million; before other words it stays metres
    ("8m shares were sold", 1e6), ("8m new ordinary shares", 1e6), ("3m households", 1e6),
    ("8m intervals were logged", None), ("8m at 1.1% nickel", None),
])
def test_compound_and_counted_scales(text, scale):
    assert _first(text).scale == scale


_WORD_SCALES = sorted(word for word in TABLES.scales.words if len(word) > 2 and word.isalpha() and word.islower())


@settings(max_examples=80, deadline=None)
@given(number=st.integers(1, 999), first=st.sampled_from(_WORD_SCALES), second=st.sampled_from(_WORD_SCALES))
def test_two_scale_words_property(number: int, first: str, second: str) -> None:
    """Two scale words in a row multiply when the second is the larger; otherwise only the first counts."""
    side = _first(f"Rs {number} {first} {second} spent")
    low, high = TABLES.scales.words[first], TABLES.scales.words[second]
    assert side.scale == (low * high if high > low else low)


@pytest.mark.parametrize(("before", "sep", "allowed"), [
    # "from X to Y" with no change before it is one range; a range word right before "from" too
    ("enough heat to carry from ", "to", True), ("Bids came in from ", "to", True),
    ("Quotes ranged from ", "to", True), ("between ", "and", True),
    # a change verb or noun up to ten words before "from" makes two amounts: where it started and ended
    ("Freight rose from ", "to", False), ("The levy was cut from ", "to", False),
    ("an increase from ", "to", False), ("Sales are expected to grow sharply from ", "to", False),
    ("Capacity grows from the present ", "to", False),
    # a verb with its object between it and "from" (up to ten words)
    ("The ministry raised the royalty on exports of raw ore from ", "to", False),
    ("Lima cut the levy on small gold miners in the south from ", "to", False),
    # a change word in an earlier clause governs that clause only
    ("Output increased, with grades from ", "to", True),
    # a change word just before a comma governs ", from X to Y"; two words back at most
    ("Takings would double again, from ", "to", False), ("Output increased at the old pit, from ", "to", True),
    # "and" joins a range only after "between"; a bare dash always does
    ("Blocks ", "and", False), ("Blocks ", "-", True), ("Fees climbed ", "to", False),
    # "from" further back, with only start fillers (and qualifiers) between it and the number
    ("Lusaka wants to lift its cobalt output from the current level of around ", "to", False),
    ("Tonnage grew from its earlier ", "to", False),
    ("The new mill will triple our tonnage from an average of ", "to", False),
    ("Sample grades ran from an average of ", "to", True),
    # other words between "from" and the number leave the old reach: "by" or a place name is no start
    ("Shipments rose from Peru and Chile by ", "to", True), ("Grades ranged from the current level of ", "to", True),
])
def test_range_allowed(before: str, sep: str, allowed: bool) -> None:
    assert READER.range_allowed(sep, before) is allowed


_CHANGES = sorted(TABLES.words.change_words + TABLES.words.movement_words)
_NEUTRAL = ["the", "plant", "could", "handle", "grades", "of", "ore", "with", "heat"]


@settings(max_examples=100, deadline=None)
@given(change=st.sampled_from(_CHANGES), filler=st.lists(st.sampled_from(_NEUTRAL), max_size=4))
def test_change_before_from_is_never_a_range(change: str, filler: list[str]) -> None:
    """Any change word up to ten words before "from" keeps "from X to Y" two amounts; without it, one range."""
    words = " ".join(["Prices", change, *filler, "from"]) + " "
    assert READER.range_allowed("to", words) is False
    assert READER.range_allowed("to", " ".join(["Prices", *filler, "from"]) + " ") is True


@pytest.mark.parametrize(("text", "end", "at_least"), [
    # a "+" glued after the amount and then a space, a stop or the end: that much or more
    ("over 30+ years", 8, True),
    ("raised 4+.", 9, True),
    # a "+" glued to more digits is arithmetic or a phone prefix, not "or more"
    ("solve 3+4 now", 7, False),
])
def test_skip_plus(text: str, end: int, at_least: bool) -> None:
    start = next(i for i, ch in enumerate(text) if ch.isdigit())
    side = Side(start=start, end=start + 2 if text[start + 1].isdigit() else start + 1, value=1.0, spelled=False)
    READER.skip_plus(text, side)
    assert (side.end, side.at_least) == (end, at_least)


@pytest.mark.parametrize(("text", "span", "qualifier"), [
    ("The crew has 40+ years in the pit.", "40+ years", "ge"),
    ("They logged 120+ drill holes.", "120+", "ge"),
    ("The fund holds $2bn+ today.", "$2bn+", "ge"),
])
def test_plus_is_at_least(text: str, span: str, qualifier: str) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(QUANTITIES_FACTORY)
    doc = nlp(text)
    assert [(s.text, s._.orewire_quantity["qualifier"]) for s in doc.spans[QUANTITY_GROUP]] == [(span, qualifier)]


@pytest.mark.parametrize(("text", "expected"), [
    # a number word may end in "and a half"; an adjective may stand between a number and a unit of time
    ("The permit runs three and a half years.", [("three and a half years", 3.5, "year")]),
    ("Stocks fell for four straight weeks.", [("four straight weeks", 4, "week")]),
    ("The board added two more months.", [("two more months", 2, "month")]),
    # only before a unit of time: "three extra trucks" counts trucks
    ("The fleet got three extra trucks.", [("three", 3, None)]),
    # a percent word hyphenated to its number as an adjective
    ("It took a 15-percent stake after a 4-per-cent dip.", [("15-percent", 15, "%"), ("4-per-cent", 4, "%")]),
])
def test_spelled_halves_and_duration_adjectives(text: str, expected: list) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(QUANTITIES_FACTORY)
    doc = nlp(text)
    assert [(s.text, s._.orewire_quantity["value"], s._.orewire_quantity["unit"])
            for s in doc.spans[QUANTITY_GROUP]] == expected


@settings(max_examples=60, deadline=None)
@given(whole=st.integers(0, 999), tenth=st.integers(0, 9), opener=st.sampled_from(["(", " ", "\n"]),
       word=st.sampled_from(["%", " %", " percent", " per cent", " pct", " Percent"]),
       other=st.sampled_from([" points", " people", " 10 5555", "", " percentile"]))
def test_plus_sign_is_a_sign_only_on_a_percentage_property(whole: int, tenth: int, opener: str, word: str,
                                                          other: str) -> None:
    """A "+" after a space, bracket or line start is the sign of a percentage written with "%" or a percent word;
    before anything else (a phone prefix, a count) it glues the number to it."""
    number = f"{whole}.{tenth}"
    text = f"x{opener}+{number}"
    start = len(text) - len(number)
    assert glued_ok(text + word, start, len(text)) is True
    assert glued_ok(text + other, start, len(text)) is False


@settings(max_examples=60, deadline=None)
@given(whole=st.integers(1, 999), tenth=st.integers(0, 9), letter=st.sampled_from(["M", "B", "m", "b"]),
       noun=st.sampled_from(sorted(TABLES.words.scaled_count_nouns)), other=st.sampled_from(["long", "deep", "away"]))
def test_a_spaced_scale_letter_property(whole: int, tenth: int, letter: str, noun: str, other: str) -> None:
    """A scale letter after a space scales the number only when it is a capital before a counted noun."""
    number = f"{whole}.{tenth}"
    counted = _first(f"It has {number} {letter} {noun} outstanding")
    assert counted.scale == (TABLES.scales.words[letter] if letter.isupper() else None)
    assert _first(f"It runs {number} {letter} {other} here").scale is None
