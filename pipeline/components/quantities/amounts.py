"""Reading the numbers of a quantity: digits or number words, a currency written before them, a
scale word after them ("million", "bn", "m"), the unit, and the second number of a range."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.components.quantities.currency import CurrencyContext, CurrencyRules
from pipeline.components.quantities.patterns import (
    ELEMENT_GRADE_AT,
    GROUP_SPACES,
    MONTH_AFTER,
    SPACE,
    QuantityPatterns,
    UnitForms,
)
from pipeline.components.quantities.qualifiers import tail_words
from pipeline.resources.quantities import QuantityTables, UnitRow
from pipeline.text.numbers import apply_range_scale, parse_digits, parse_spelled, scale_factor

RANGE_SEPARATOR = re.compile(rf"{SPACE}?(?P<sep>-|–|—|to|and){SPACE}?")
YEAR_LIKE = re.compile(r"(?:19|20)\d\d|2100")
# What stands before the month or the day of an ISO date ("2026-", "2026-01-", "2026/01/").
ISO_DATE_HEAD = re.compile(r"(?<!\d)\d{4}([-/])(?:\d{1,2}\1)?$")
# A minus sign written on the amount ("-5%", "−3.2 t", "$-99.99", "-€15"): hyphen-minus or U+2212.
MINUS_SIGNS = "-\u2212"
# What may stand before such a sign, so that it is no hyphen or range dash ("Li2O-5", "2024-25").
SIGN_OPENERS = " \u00a0\t\n(["
# "a 12-percent rise", "a 10-per-cent fall": percent words an adjective hyphenates to its number
HYPHENED_PERCENT_WORDS = frozenset({"percent", "per cent", "per-cent"})
# "25+ years", "$1bn+.": a plus sign glued after an amount, then a space, a stop or the end, means "or more".
PLUS = re.compile(r"\+(?=[ \u00a0,.;:)]|$)")
# "(+139%)", "was +12%", "(+11.9 percent)": a plus sign written on a percentage, with only a space, a bracket or
# nothing before it (a phone number's "+86" has no percent sign or word after it).
SIGNED_PERCENT = re.compile(r"[ \u00a0]?%|[ \u00a0](?i:per[ \u00a0]?cent|percent|pct)\b")
# "2,000.45 ± 0.01 pounds": a measurement's uncertainty, skipped before the unit is read.
UNCERTAINTY = re.compile(rf"{SPACE}?(?:±|\+/-){SPACE}?(?:\d+(?:\.\d+)?)")
# How far back (characters, then words before "from") a change verb or noun makes "from X to Y" a move:
# "output is expected to grow sharply from 5 t to 9 t" is two amounts, "enough for from 5 to 9 t" one range.
CHANGE_REACH = 80
CHANGE_WORDS_BEFORE_FROM = 10  # "lifted the government's unpaid carried stake in the venture from"
# ", from" right after a change: its last words before the comma may hold the change word.
COMMA_FROM = re.compile(r",\s*from\s*$", re.IGNORECASE)
CHANGE_WORDS_BEFORE_COMMA = 2
FROM_FILLER_REACH = 7  # "from the current level of around <X>": "from" and up to six filler words
# Where a clause ends: a change word before one of these governs another clause.
_CLAUSE_END = re.compile(r"[,;:.!?()\n]")


class Number(NamedTuple):
    start: int
    end: int
    value: float
    spelled: bool


class UnitMatch(NamedTuple):
    row: UnitRow
    written: str
    end: int


@dataclass
class Side:
    """One number of a quantity (a range has two), with its currency and scale."""

    start: int
    end: int
    value: float
    spelled: bool
    currency: str | None = None  # ISO code
    currency_text: str | None = None
    currency_start: int | None = None
    scale: float | None = None
    scale_text: str | None = None
    sign_start: int | None = None  # where a minus sign written on the amount starts (the value is negative)
    at_least: bool = False  # written with a "+" after it ("25+ years", "$1bn+"): that much or more


def signed(text: str, pos: int) -> bool:
    """Whether a minus sign stands right before ``pos`` with only a space, bracket or nothing before it.

    >>> signed("fell -5%", 6), signed("Li2O-5", 5)
    (True, False)
    """
    return pos > 0 and text[pos - 1] in MINUS_SIGNS and (pos == 1 or text[pos - 2] in SIGN_OPENERS)


def glued_ok(text: str, start: int, end: int, *, currency_before: bool = False,
             hyphened_qualifier: re.Pattern[str] | None = None) -> bool:
    """Reject numbers that are part of a word, a date, a time, a version or a phone number.

    ``currency_before``: letters right before the number are a currency code ("USD7.50", "RM497");
    ``hyphened_qualifier``: the qualifier words a hyphen may join to the number ("circa-27").
    """
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before == "+" and (start == 1 or text[start - 2] in SIGN_OPENERS) and SIGNED_PERCENT.match(text, end):
        before = " "  # "(+139%)"
    if (before.isalnum() and not currency_before) or before in "+#@_/\\":
        return False
    # "2026-01-14": the month and day of an ISO date
    if before in "-/" and ISO_DATE_HEAD.search(text, max(0, start - 9), start) is not None:
        return False
    if before in ",." and start > 1 and text[start - 2].isdigit():
        return False
    if before == ":" and start > 1 and text[start - 2].isdigit():
        return False
    if (before == "-" and start > 1 and text[start - 2].isalpha() and ELEMENT_GRADE_AT.match(text, start) is None
            and not text.endswith("-by-", max(0, start - 5), start)):
        return hyphened_qualifier is not None and hyphened_qualifier.search(text[max(0, start - 24) : start]) is not None
    if after in ":/" and end + 1 < len(text) and text[end + 1].isdigit():
        return False
    if after in ".," and end + 1 < len(text) and text[end + 1].isdigit():
        return False
    return True


def compatible_ends(first_text: str, second_text: str, first: Side, before: str, year_prepositions: frozenset[str]) -> bool:
    """Whether two numbers can be the ends of one range.

    A bare year-like first number ("cut the quota for 2026 to 6,800 mt") is a date, not a low end:
    it is refused when a time preposition precedes it, or when the other end is written in another
    style (thousands separators on one end only: "2026 to 6,800", never "2,026 to 6,800").
    """
    if first.currency is not None or first.scale is not None or first.spelled:
        return True
    if YEAR_LIKE.fullmatch(first_text) is None:
        return True
    last = tail_words(before)[-1:]
    if last and last[0] in year_prepositions:
        return False
    return "," not in second_text


class AmountReader:
    """Reads numbers, scales, units and range ends at given positions of a block's text."""

    def __init__(self, tables: QuantityTables, patterns: QuantityPatterns, units: UnitForms,
                 currencies: CurrencyRules) -> None:
        self.patterns = patterns
        self.units = units
        self.currencies = currencies
        self.number_words = tables.number_words
        self.scale_only = frozenset(tables.numbers.scale_only)
        self.scales = tables.scales.words
        self.scale_abbreviations = frozenset(tables.scales.abbreviations)
        self.movement_words = frozenset(tables.words.movement_words)
        self.year_prepositions = frozenset(tables.words.year_prepositions)
        self.range_openers = frozenset(tables.words.range_openers)
        self.change_words = self.movement_words | frozenset(tables.words.change_words)
        qualifier_words = {word for phrase in tables.qualifiers.phrases for word in phrase.split()}
        self.change_start_fillers = frozenset(tables.words.change_start_fillers) | qualifier_words
        self.money_verbs = frozenset(tables.words.money_verbs)
        self.minus_words = frozenset(tables.words.minus_words)
        self.reader_clock_words = frozenset(tables.words.reader_clock_words)
        self.label_words = frozenset(tables.words.label_words)
        self.accounting_copulas = frozenset(tables.words.accounting_copulas)
        adjectives = tables.words.duration_adjectives
        self.duration_adjective = re.compile(rf"{SPACE}(?i:{'|'.join(map(re.escape, adjectives))})(?={SPACE})") \
            if adjectives else None
        nouns = sorted(tables.words.scaled_count_nouns, key=len, reverse=True)
        # "10m shares", "25m new shares", "5m fully paid shares": a counted noun up to two words after the scale
        self.scaled_count = re.compile(
            rf"{SPACE}+(?:[a-z]+-?[a-z]*{SPACE}+){{0,2}}(?:{'|'.join(map(re.escape, nouns))})\b"
        ) if nouns else None

    def range_allowed(self, sep: str, before: str) -> bool:
        """Whether "X <sep> Y" after the text ``before`` is one range rather than two amounts.

        "between 5 and 7", "ranging from 15 to 25", "from 50 to 80%" are ranges; "rose from 15 to 25",
        "an increase from 5% to 8%" and "surge sharply from the current 105,000 t to 610,000 t" are moves
        between two amounts (docs/annotation.md: a change names where it started and where it ended);
        a bare "5 and 7" is a list.
        """
        words = tail_words(before)
        if sep == "and":
            return words[-1:] == ["between"]
        if sep != "to" or not words:
            return True
        if "from" not in words[-3:] and not self._from_before_fillers(before):
            return words[-1] not in self.movement_words
        parts = _CLAUSE_END.split(before[-CHANGE_REACH:])
        clause = parts[-1].lower().split()
        if clause == ["from"] and len(parts) > 1 and COMMA_FROM.search(before):
            # "revenues would increase threefold, from X to Y": the change ends the clause right before the comma
            clause = parts[-2].lower().split()[-CHANGE_WORDS_BEFORE_COMMA:] + clause
        at = len(clause) - 1 - clause[::-1].index("from") if "from" in clause else 0
        if at > 0 and clause[at - 1] in self.range_openers:
            return True
        return not any(word in self.change_words for word in clause[max(0, at - CHANGE_WORDS_BEFORE_FROM) : at])

    def _from_before_fillers(self, before: str) -> bool:
        """Whether "from" stands up to ``FROM_FILLER_REACH`` words back in the clause, with only start fillers
        after it ("from the current level of around")."""
        recent = _CLAUSE_END.split(before[-CHANGE_REACH:])[-1].lower().split()[-FROM_FILLER_REACH:]
        if "from" not in recent:
            return False
        after = recent[len(recent) - recent[::-1].index("from"):]
        return all(word in self.change_start_fillers for word in after)

    def number(self, match: re.Match[str]) -> Number | None:
        """The value of a ``number``/``anchored_number`` match."""
        if match["digits"] is not None:
            value = parse_digits(GROUP_SPACES.sub("", match["digits"]))
            spelled = False
        else:
            value = parse_spelled(match["spelled"], self.number_words)
            spelled = True
        if value is None:
            return None
        return Number(match.start(), match.end(), value, spelled)

    def first_side(self, text: str, number: Number, context: CurrencyContext) -> Side:
        """The first number with the currency written before it."""
        side = Side(start=number.start, end=number.end, value=number.value, spelled=number.spelled)
        written = self.currencies.prefix_before(text, number.start)
        if signed(text, number.start):  # "-5%", "-15€"
            side.sign_start = number.start - 1
        elif number.start > 0 and text[number.start - 1] in MINUS_SIGNS:  # "$-99.99": the sign after the symbol
            written = self.currencies.prefix_before(text, number.start - 1)
            if written is not None and text.endswith(written, 0, number.start - 1):
                side.sign_start = number.start - 1
            else:
                written = None
        code = self.currencies.code(written, context) if written is not None else None
        if written is not None and code is not None:
            side.currency = code
            side.currency_text = written
            side.currency_start = text.rindex(written, 0, number.start)
            # "A$1.1bn ($720m)": a bracketed bare dollar converts into US dollars
            if written == "$" and text.endswith("(", 0, side.currency_start):
                side.currency = "USD"
            if side.sign_start is None and signed(text, side.currency_start):  # "-$5m", "-€15"
                side.sign_start = side.currency_start - 1
        return side

    def skip_plus(self, text: str, side: Side) -> None:
        """Extend ``side`` over a "+" glued after it and followed by a space or the end ("25+ years", "$1bn+"),
        so the unit after it is read; "+86" or "2+2" glue the sign to more digits and are left alone."""
        if PLUS.match(text, side.end) is not None:
            side.end += 1
            side.at_least = True

    def skip_uncertainty(self, text: str, side: Side) -> None:
        """Extend ``side`` over a "± 0.01" written after it, so the unit after that is read."""
        match = UNCERTAINTY.match(text, side.end)
        if match is not None:
            side.end = match.end()

    def scale_at(self, text: str, side: Side, has_currency: bool) -> None:
        """Extend ``side`` over a scale word right after it ("3.5 million", "$5m")."""
        match = self.patterns.scale.match(text, side.end)
        if match is None:
            return
        word = match["scale"]
        # "18 m" is metres: a one-letter scale needs a currency or a unit after it ("$5m", "5m tonnes")
        if word in self.scale_abbreviations and len(word) == 1:
            follows = match.end()
            counted = self.scaled_count is not None and self.scaled_count.match(text, follows) is not None
            # "42.4 M shares": a spaced capital letter is a scale before a counted noun, never a unit
            if match["space"] and not has_currency and not (word.isupper() and counted):
                return
            unit_follows = self.patterns.unit.match(text, follows) or self.currencies.suffix.match(text, follows)
            if not has_currency and unit_follows is None and not counted:
                return
        factor = scale_factor(word, self.scales)
        if factor is None:
            return
        side.scale, side.scale_text = factor, word
        side.end = match.end()
        # "Rs 1.2 lakh crore", "5 thousand million": a larger scale word right after multiplies
        larger = self.patterns.scale.match(text, side.end)
        if larger is not None and larger["space"].strip() == "" and len(larger["scale"]) > 1:
            second = scale_factor(larger["scale"], self.scales)
            if second is not None and second > factor:
                side.scale, side.scale_text = factor * second, f"{word} {larger['scale']}"
                side.end = larger.end()

    def unit_at(self, text: str, pos: int) -> UnitMatch | None:
        """The unit written at ``pos`` ("mt", " per cent", "-year"); a unit of time may follow one of
        ``duration_adjectives`` ("three consecutive months", "two more years")."""
        match = self.patterns.unit.match(text, pos)
        if match is None:
            adjective = self.duration_adjective.match(text, pos) if self.duration_adjective is not None else None
            unit = self.unit_at(text, adjective.end()) if adjective is not None else None
            return unit if unit is not None and unit.row.quantity_type == "duration" else None
        written = match["unit"]
        row = self.units.find(written)
        if row is None or (row.glued and match["sep"]):
            return None
        if match["sep"].endswith("-") and row.quantity_type not in ("mass", "duration", "other") and not (
                row.quantity_type == "percent" and written.lower() in HYPHENED_PERCENT_WORDS):
            return None  # "a 12-percent rise" is a percentage; "5-%" or a hyphen before a code is none
        return UnitMatch(row, written, match.end())

    def range_second(self, text: str, pos: int, first: Side, before: str, context: CurrencyContext) -> Side | None:
        """The high end of a range starting at ``pos`` ("-437,000", " to €400 million", " and 50%")."""
        match = RANGE_SEPARATOR.match(text, pos)
        if match is None:
            return None
        sep = match["sep"]
        begin = min(at for at in (first.sign_start, first.currency_start, first.start) if at is not None)
        if not self.range_allowed(sep, text[max(0, begin - CHANGE_REACH) : begin]):
            return None
        cursor = match.end()
        prefix = self.currencies.prefix_at(text, cursor)
        second_currency: str | None = None
        second_text: str | None = None
        prefix_length = 0
        if prefix is not None:
            second_text, prefix_length = prefix
            second_currency = self.currencies.code(second_text, context)
            if first.currency is None or second_currency != first.currency:
                return None
        anchored = self.patterns.anchored_number.match(text, cursor + prefix_length)
        number = self.number(anchored) if anchored is not None else None
        if number is None:
            return None
        start, end, value, spelled = number
        if not spelled and MONTH_AFTER.match(text, end) is not None:  # "the nine months to 30 September": a day
            return None
        if not compatible_ends(text[first.start : first.end], text[start:end], first, before, self.year_prepositions):
            return None
        if not spelled and end < len(text) and (text[end].isdigit() or (text[end] in ".," and end + 1 < len(text)
                                                                       and text[end + 1].isdigit())):
            return None
        side = Side(start=start, end=end, value=value, spelled=spelled, currency=second_currency,
                    currency_text=second_text)
        self.scale_at(text, side, first.currency is not None or second_currency is not None)
        if first.scale is not None and side.scale is None and sep in ("to", "and"):
            side.scale = first.scale
        if first.scale is None and side.scale is not None and pos == first.end:
            # "$5 to $7 billion", "5 to 7 billion dollars": a scale written once, after the high end, may scale both
            # (not past a unit on the low end: "5% to 50 million units" is no range)
            low, high = apply_range_scale(first.value, value, side.scale)
        else:
            low, high = first.value * (first.scale or 1), value * (side.scale or 1)
        if high < low or (sep == "to" and high > 10 * low):  # "2025-7 t" is no range
            return None
        return side
