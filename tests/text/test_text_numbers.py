"""Pure number parsing (``pipeline.text.numbers``), without a pipeline."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.resources.quantities import load_tables
from pipeline.text.numbers import (
    apply_range_scale,
    parse_digits,
    parse_spelled,
    point_decimal_commas,
    scale_factor,
    tidy,
    writes_decimal_commas,
)

TABLES = load_tables()
WORDS = TABLES.number_words
SCALES = TABLES.scales.words


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,234", 1234), ("1,234.5", 1234.5), ("12", 12), ("0.31", 0.31), ("433,000", 433000),
     ("1,000,000", 1000000), ("3.5", 3.5), ("1,2", None), ("abc", None), ("", None)],
)
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,23,456", 123456), ("4,50,000", 450000), ("12,00,00,000", 120000000), ("3,15,250.5", 315250.5),
     ("1,23,45", None), ("123,45,678", None), ("1,234,56", None)],
)
def test_parse_digits_reads_indian_lakh_grouping(text, value):
    """Indian outlets group by lakh and crore: two digits between commas, three in the last group."""
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("66⅔", 66 + 2 / 3), ("2½", 2.5), ("1,200¼", 1200.25), ("7⅛", 7.125), ("2.5½", None), ("½", None)],
)
def test_parse_digits_reads_a_vulgar_fraction_after_whole_digits(text, value):
    """"66⅔%" (a special resolution's majority), "2½ years": the fraction adds to the whole number before it."""
    assert parse_digits(text) == (pytest.approx(value) if value is not None else None)


@given(st.text(alphabet="0123456789,.½⅔¼ ", max_size=12))
def test_parse_digits_never_raises(text):
    value = parse_digits(text)
    assert value is None or value >= 0


@pytest.mark.parametrize(
    ("text", "value"),
    [("five", 5), ("Five", 5), ("twenty-five", 25), ("Twenty five", 25), ("a dozen", 12), ("nineteen", 19),
     ("ninety-nine", 99), ("twenty-twenty", None), ("fiveteen", None), ("sixth", None), ("one hundred", None),
     ("two and a half", 2.5), ("Five-and-a-half", 5.5), ("twenty-one and a half", 21.5), ("and a half", None)],
)
def test_parse_spelled(text, value):
    assert parse_spelled(text, WORDS) == value


def test_scale_factor_prefers_exact_spelling():
    assert scale_factor("M", SCALES) == 1e6
    assert scale_factor("Million", SCALES) == 1e6
    assert scale_factor("furlong", SCALES) is None


@pytest.mark.parametrize(
    ("low", "high", "factor", "expected"),
    [(1.68, 1.7, 1e6, (1680000, 1700000)), (500000, 1.2, 1e6, (500000, 1200000)), (190, 210, 1e3, (190000, 210000))],
)
def test_apply_range_scale(low, high, factor, expected):
    assert apply_range_scale(low, high, factor) == expected


def test_tidy_removes_binary_noise():
    assert 0.1 * 3 != 0.3
    assert tidy(0.1 * 3) == 0.3


@given(st.integers(min_value=0, max_value=10**15))
def test_thousands_separators_round_trip(number):
    assert parse_digits(f"{number:,}") == number
    assert parse_digits(str(number)) == number


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(number):
    assert parse_digits(f"{number:,.3f}") == pytest.approx(float(number), rel=1e-15)


@given(st.integers(min_value=1, max_value=99))
def test_spelled_numbers_round_trip(number):
    units = {v: k for k, v in TABLES.numbers.units.items()}
    tens = {v: k for k, v in TABLES.numbers.tens.items()}
    if number < 20:
        written = units[number]
    elif number % 10 == 0:
        written = tens[number]
    else:
        written = f"{tens[number - number % 10]}-{units[number % 10]}"
    assert parse_spelled(written, WORDS) == number


@pytest.mark.parametrize(("text", "expected"), [
    ("reserves of 237,4 million tons grading 0,3 percent; 8,805 tonnes mined", True),
    ("It rose 1.5% to 2,5 million tonnes.", False),  # one decimal point, one comma: no majority
    ("Output was 2,76,000 tonnes and 1,25,00,000 rupees.", False),  # Indian grouping is no decimal comma
    ("Items 1,2,3 were sold for 4,500.", False),  # a list and thousands: no comma before one or two final digits
    ("No numbers at all.", False),
])
def test_writes_decimal_commas(text: str, expected: bool) -> None:
    assert writes_decimal_commas(text) is expected


@given(whole=st.integers(0, 99_999), decimals=st.text(alphabet="0123456789", min_size=1, max_size=2),
       before=st.sampled_from(("", "about ", "(")), after=st.sampled_from(("", " million tons", "%", ".")))
def test_a_decimal_comma_reads_as_its_point_twin(whole: int, decimals: str, before: str, after: str) -> None:
    """Pointing the decimal comma keeps the length and gives the number its decimal-point reading."""
    text = f"{before}{whole},{decimals}{after}"
    pointed = point_decimal_commas(text)
    assert len(pointed) == len(text)
    assert pointed == f"{before}{whole}.{decimals}{after}"
    assert parse_digits(f"{whole}.{decimals}") == pytest.approx(float(f"{whole}.{decimals}"))


@given(st.integers(1_000, 10**12))
def test_thousands_separators_are_never_pointed(number: int) -> None:
    """A comma before three digits, the English thousands separator and the Indian lakh grouping alike, stays."""
    english = f"{number:,}"
    indian_head, last_three = divmod(number, 1000)
    groups = []
    while indian_head:
        indian_head, part = divmod(indian_head, 100)
        groups.append(f"{part:02d}" if indian_head else str(part))
    indian = ",".join(reversed(groups)) + f",{last_three:03d}"
    for written in (english, indian, f"{english} and {indian}"):
        assert point_decimal_commas(written) == written
        assert not writes_decimal_commas(written)
