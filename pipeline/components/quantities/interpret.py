"""From one number in the text to a quantity: the small grammar around the number, read left to
right, and its reading as a SPEC quantity (type, canonical value and unit, currency, qualifier, per)::

    [qualifier] [currency] NUMBER [scale] [unit] [(-|to|and) [currency] NUMBER [scale]]
        [currency word] [unit] [/ per mass unit] [per period]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.components.quantities.amounts import YEAR_LIKE, AmountReader, Side, UnitMatch, glued_ok
from pipeline.components.quantities.currency import CurrencyContext, CurrencyRules
from pipeline.components.quantities.measure import Amount, Found, quantity_info
from pipeline.components.quantities.patterns import (
    DIMENSION_BY,
    MONTH_PREFIXES,
    SPACE,
    QuantityPatterns,
    UnitForms,
    denominator_mass,
)
from pipeline.components.quantities.qualifiers import WINDOW, QualifierRules, tail_words
from pipeline.components.quantities.rates import RateRules
from pipeline.text.numbers import apply_range_scale, tidy

PENCE = re.compile(r"p(?!\w|\.\w)")  # "45p", "45p." ending a sentence; not "5 p.a."
# "45 and 50 mg", "from 15 to 25 dollars": two numbers whose unit is written once, after the second.
COORDINATED = re.compile(rf"{SPACE}+(?:and|or|to){SPACE}+")
OF = re.compile(r"\s+of\b")
# the canonical length unit: only lengths are the sides of an area ("400-by-800-meter")
LENGTH_UNIT = "m"
AGO = re.compile(r"\s+ago\b", re.IGNORECASE)
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
RANGE_UNIT_TYPES = ("percent", "other", "mass", "duration")
# "5.4 grams combined platinum-palladium per tonne", "5 oz. silver per ton", "0.3 kg per MT of steel": a small
# mass per a mass is a grade (ppm); up to four words (what is measured) may stand between the two.
GRADE_GAP = re.compile(rf"(?:\.(?={SPACE}[a-z]))?(?:{SPACE}(?!(?i:per|and|or|a|an|in|to|from|at)\b)[A-Za-z][\w-]*){{0,4}}")
GRADE_PER = re.compile(r"/|(?i:per)")
GRADE_NUMERATOR_MAX = 0.001  # kg and smaller: "2 tonnes of CO2 per tonne of steel" is no grade
PPM = 1e6  # parts per million in one part  # "20%-30%", "1.2-1.4 Mt", "2-3x", "two to three years"


@dataclass
class Reading:
    """The pieces written around one number, before they are interpreted."""

    first: Side
    second: Side | None
    begin: int  # where the quantity starts (its currency symbol, or its number)
    before: str  # the text before ``begin`` the qualifier and rate rules read
    cursor: int  # where the pieces read so far end
    currency: str | None = None
    currency_text: str | None = None
    currency_after: bool = False  # written as a word or code after the number ("5 million euros")
    cents: bool = False
    unit: UnitMatch | None = None


class QuantityParser:
    """Reads the quantity anchored at one number match, or rejects it (None)."""

    def __init__(self, patterns: QuantityPatterns, units: UnitForms, amounts: AmountReader,
                 currencies: CurrencyRules, qualifiers: QualifierRules, rates: RateRules) -> None:
        self.patterns = patterns
        self.units = units
        self.amounts = amounts
        self.currencies = currencies
        self.qualifiers = qualifiers
        self.rates = rates
        self.money_verbs = amounts.money_verbs
        self.minus_words = amounts.minus_words
        self.reader_clock_words = amounts.reader_clock_words
        self.label_words = amounts.label_words
        self.accounting_copulas = amounts.accounting_copulas

    def parse(self, text: str, match: re.Match[str], context: CurrencyContext) -> Found | None:
        number = self.amounts.number(match)
        if number is None:
            return None
        start, end, value, spelled = number
        glued_code = not spelled and start > 0 and text[start - 1].isalpha() and self._glued_code(text, start)
        if not spelled and not glued_ok(text, start, end, currency_before=glued_code,
                                        hyphened_qualifier=self.patterns.hyphened_qualifier):
            return None
        if not spelled and ORDINAL_SUFFIX.match(text, end) is not None:
            return None  # "the 3rd", "21st": ordinals are no quantities
        first = self.amounts.first_side(text, number, context)
        if not spelled and start > 0 and text[start - 1].isalnum() and first.currency is None:
            return None
        if first.currency is None and PENCE.match(text, end) is not None and (
                context.british or self._quotes_a_share(text, start)):
            info = quantity_info("money", Amount(tidy(value / 100)), unit="GBP", unit_text="p", currency="GBP")
            return Found(start=start, end=end + 1, info=info, subunit=True)
        self.amounts.scale_at(text, first, first.currency is not None)
        if spelled and first.scale is None and " ".join(text[start:end].lower().split()) in self.amounts.scale_only:
            return None  # "the first quarter of a year": "quarter of a" is a number only before "million"
        if first.currency_text in self.currencies.needs_scale and first.scale is None:
            return None  # "Q3", "G7": letters that are a currency symbol only before "5bn", "20 million"
        self.amounts.skip_plus(text, first)
        self.amounts.skip_uncertainty(text, first)
        reading = self.read(text, first, context)
        return None if reading is None else self.interpret(text, reading)

    def shared_unit(self, text: str, bare: Found, context: CurrencyContext) -> Found | None:
        """"given 45 and 50 mg", "rose from 15 to 25 dollars": a bare number coordinated with a measured one
        shares its unit, currency and scale (a range would have been read already; this is two amounts)."""
        gap = COORDINATED.match(text, bare.end)
        sides = gap is None and (gap := DIMENSION_BY.match(text, bare.end)) is not None
        value = bare.info["value"]
        if gap is None or value is None or YEAR_LIKE.fullmatch(text, bare.start, bare.end):
            return None
        last = tail_words(bare.before)[-1:]
        if last and (last[0] in self.label_words or last[0][:3] in MONTH_PREFIXES):
            return None
        match = self.patterns.number.match(text, gap.end())
        number = self.amounts.number(match) if match is not None else None
        other = self.parse(text, match, context) if match is not None else None
        if number is None or other is None or other.count_noun or other.start != number.start or not number.value:
            return None
        measured = other.info["value"]
        if measured is None or other.info["quantity_type"] == "count" or sides and other.info["unit"] != LENGTH_UNIT:
            return None
        if other.info["unit"] == "%" and gap.group().split() == ["or"] and share_of_earlier_count(
                text[sentence_start(text, bare.start):bare.start], value, measured):
            return None  # "of 55 mines, 39 reported output and the remaining 16 or 29% none": 16 is the count, 29% its share
        if bare.scaled:
            # "from 1.5 million to 2 million tonnes": the low end has its own scale, so only the unit is shared
            kind = other.info["quantity_type"]
            row = self.units.find(other.info["unit_text"] or "") if kind == "mass" else None
            if kind not in ("mass", "money") or (kind == "mass" and row is None):
                return None
            ratio = row.factor if row is not None else 1.0
            if measured == tidy(number.value * ratio):
                return None  # "from 1.5 million to 2 tonnes": the measured end has no scale of its own to match
        else:
            ratio = measured / number.value
        info = other.info.copy()
        info["value"], info["qualifier"] = tidy(value * ratio), bare.info["qualifier"]
        return Found(start=bare.start, end=bare.end, info=info, price_factor=other.price_factor)

    def _quotes_a_share(self, text: str, start: int) -> bool:
        """"shares rose 4% to 45p": a sentence quoting a share price writes pence as a "p" glued to the number
        even where nothing else in the block says British."""
        listing = self.currencies.listing
        return listing is not None and listing.search(text, sentence_start(text, start), start) is not None

    def _glued_code(self, text: str, start: int) -> bool:
        """Whether the letters glued to the number are a whole currency code or symbol ("USD7.50", "RM497")."""
        written = self.currencies.prefix_before(text, start)
        return written is not None and text.endswith(written, 0, start)

    def _money_verb(self, before: str) -> bool:
        """"spent 20 million pounds", "a deal worth 5 million pounds": a verb of paying governs the amount."""
        return any(word in self.money_verbs for word in tail_words(before)[-3:])

    def read(self, text: str, first: Side, context: CurrencyContext) -> Reading | None:
        """The range end, currency and unit written after the first number."""
        begin = min(at for at in (first.sign_start, first.currency_start, first.start) if at is not None)
        reading = Reading(first=first, second=None, begin=begin, before=text[max(0, begin - WINDOW) : begin],
                          cursor=first.end, currency=first.currency, currency_text=first.currency_text)
        range_unit = self.amounts.unit_at(text, first.end)
        # "fell by 12,350 tonnes to 98,200 tonnes": a change, its unit written, then the level reached
        words = tail_words(reading.before)
        change = (range_unit is not None and words[-1:] == ["by"] and len(words) > 1
                  and words[-2] in self.amounts.movement_words)
        if not change and (range_unit is None or range_unit.row.quantity_type in RANGE_UNIT_TYPES):
            after_first = range_unit.end if range_unit is not None else first.end
            reading.second = self.amounts.range_second(text, after_first, first, reading.before, context)
        if reading.second is None:
            range_unit = None
        else:
            reading.cursor = reading.second.end
            if reading.currency is None:
                reading.currency, reading.currency_text = reading.second.currency, reading.second.currency_text
        if reading.currency is None:
            last = reading.second or reading.first
            suffix = self.currencies.suffix_at(text, reading.cursor, context, scaled=last.scale is not None)
            if suffix is not None:
                reading.currency, reading.currency_text = suffix.code, suffix.text
                reading.currency_after, reading.cents, reading.cursor = True, suffix.cents, suffix.end
        if reading.currency is None or not reading.currency_after:
            unit = self.amounts.unit_at(text, reading.cursor)
            if unit is None:
                reading.unit = range_unit
            else:
                reading.unit, reading.cursor = unit, unit.end
        # "20%-30%" but never "5%-10 t": both ends of a range measure the same thing
        if reading.unit is not None and range_unit is not None and reading.unit.row is not range_unit.row:
            if reading.unit.row.quantity_type != range_unit.row.quantity_type:
                return None
            if reading.currency is None and (reading.unit.row.unit, reading.unit.row.factor) != (
                    range_unit.row.unit, range_unit.row.factor):
                # "two weeks to six months", "500 kg to 2 t": ends in different units are two amounts
                reading.second, reading.unit, reading.cursor = None, range_unit, range_unit.end
        # pounds: mass unless the block speaks sterling and nothing is "of" something
        unit = reading.unit
        if unit is not None and reading.currency is None and _scaled_pound_adjective(text, reading, unit):
            reading.currency, reading.currency_text, reading.unit = "GBP", unit.written, None
            return reading
        pounds = unit is not None and unit.written.lower() in ("pound", "pounds")
        if unit is not None and pounds and reading.currency is None and (
                context.british or self._money_verb(reading.before)):
            if OF.match(text, reading.cursor) is None:
                reading.currency, reading.currency_text, reading.unit = "GBP", unit.written, None
        return reading

    def interpret(self, text: str, reading: Reading) -> Found | None:
        """The SPEC quantity the pieces make: money, price, a unit's type, or a candidate count."""
        amount = _amount(reading.first, reading.second)
        if tail_words(reading.before)[-1:] and tail_words(reading.before)[-1] in self.minus_words:
            amount = amount.negated()  # "minus 3%"
        qualifier = self.qualifiers.qualifier(reading.before)
        if reading.first.at_least and qualifier is None:
            qualifier = "ge"  # "25+ years"
        if reading.currency is not None:
            return self._money_or_price(text, reading, amount, qualifier)
        if reading.unit is None:
            # A bare number: a count if a noun follows; a scaled one ("41.2 million") is kept either way.
            second = reading.second
            scaled = reading.first.scale is not None or (second is not None and second.scale is not None)
            return Found(start=reading.begin, end=reading.cursor, info=quantity_info("count", amount, qualifier=qualifier),
                         count_noun=True, spelled=reading.first.spelled, number=reading.first.value,
                         before=reading.before, scaled=scaled)
        row, written, _ = reading.unit
        kind = row.quantity_type
        per: str | None = row.per
        if kind == "mass" and per is None and row.factor <= GRADE_NUMERATOR_MAX:
            grade = self._grade(text, reading, amount.times(row.factor), qualifier)
            if grade is not None:
                return grade
        if kind == "mass" and per is None:
            per = self.rates.period(text, reading.cursor, reading.before, kind, reading.begin)
        if kind == "duration" and AGO.match(text, reading.cursor) is not None and (
                tail_words(reading.before)[-1:] and tail_words(reading.before)[-1] in self.reader_clock_words):
            return None  # "published 5 years ago": the page's age when read, not a span of the article's facts
        if kind == "duration":
            # "the 59-year-old worker": an age is a duration, its span ends before "-old" (docs/realnews.md)
            if qualifier == "gt" and tail_words(reading.before)[-1:] == ["over"]:  # "over five years": a span
                qualifier = None
        canonical = row.unit if row.unit is not None else written  # "g/t", "ppm": the unit as written
        info = quantity_info(kind, amount.times(row.factor), unit=canonical, unit_text=written,
                             qualifier=qualifier, per=per)
        return Found(start=reading.begin, end=reading.cursor, info=info)

    def _grade(self, text: str, reading: Reading, tonnes: Amount, qualifier: str | None) -> Found | None:
        """A small mass per a mass unit ("5.4 grams of gold per tonne") as a grade in ppm, or None."""
        gap = GRADE_GAP.match(text, reading.cursor)
        denominator = self.patterns.denominator.match(text, gap.end()) if gap is not None else None
        if denominator is None or not GRADE_PER.search(denominator["per"]) or (
                gap is not None and "/" in denominator["per"] and gap.end() > reading.cursor):
            return None  # "300 kg a tonne" is no grade; "5 kg gold/t" is left alone: a slash binds to the word before
        row = self.units.find(denominator["unit"])
        assert row is not None  # the denominator pattern is built from these forms
        ratio = PPM / denominator_mass(denominator, row.factor)
        end = denominator.end() if gap is not None and gap.end() == reading.cursor else reading.cursor
        info = quantity_info("other", tonnes.times(ratio), unit="ppm", unit_text=text[reading.first.start : end],
                             qualifier=qualifier)
        return Found(start=reading.begin, end=end, info=info)

    def _money_or_price(self, text: str, reading: Reading, amount: Amount, qualifier: str | None) -> Found:
        """Money, or a price when a mass unit follows ("yuan/mt", "US$80 per pound")."""
        currency = reading.currency
        assert currency is not None
        denominator = self.patterns.denominator.match(text, reading.cursor)
        unit = reading.unit
        if unit is not None and unit.row.quantity_type == "mass" and unit.row.per is None and not reading.currency_after:
            denominator = None
        cursor = reading.cursor
        unit_text: str | None
        if denominator is not None:
            row = self.units.find(denominator["unit"])
            assert row is not None  # the denominator pattern is built from these forms
            factor = 1 / denominator_mass(denominator, row.factor)
            kind, unit_name = "price", f"{currency}/t"
            if reading.cents:  # "85 cents per pound", "60c/lb": hundredths of the currency per mass unit
                amount = amount.times(0.01)
            count = f"{denominator['count']} " if denominator["count"] else ""
            unit_text = (f"{reading.currency_text}{'/' if '/' in denominator['per'] else ' per '}"
                         f"{count}{denominator['unit']}")
            cursor = denominator.end()
        else:
            factor = 0.01 if reading.cents else 1.0
            kind, unit_name, unit_text = "money", currency, reading.currency_text
            if self._accounting_negative(text, reading.begin, cursor):
                amount = amount.negated()
        per = self.rates.period(text, cursor, reading.before, kind, reading.begin)
        info = quantity_info(kind, amount.times(factor), unit=unit_name, unit_text=unit_text, currency=currency,
                             qualifier=qualifier, per=per)
        scaled = reading.first.scale is not None or (reading.second is not None and reading.second.scale is not None)
        return Found(start=reading.begin, end=cursor, info=info, price_factor=factor if kind == "price" else 1.0,
                     scaled=scaled, subunit=reading.cents and kind == "money")


    def _accounting_negative(self, text: str, begin: int, end: int) -> bool:
        """"Revenue was ($99.99)": a money amount alone in brackets right after a copula is negative."""
        if not (text.endswith("(", 0, begin) and text.startswith(")", end)):
            return False
        words = tail_words(text[max(0, begin - WINDOW - 1) : begin - 1])
        return any(" ".join(words[-length:]) in self.accounting_copulas for length in (1, 2, 3) if len(words) >= length)


# How far back a sentence's earlier count may stand before a number that may be its share ("16 or 29%").
SHARE_REACH = 300
# A share written as a whole percent is within this of the exact one (16 of 55 is 29.09 %).
SHARE_TOLERANCE = 0.6
_WHOLE_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,.])|(?<![\d.,])\d+(?![\d,.]|\s*%)")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts, looking back at most ``SHARE_REACH`` characters."""
    low = max(0, position - SHARE_REACH)
    ends = [match.end() for match in _SENTENCE_END.finditer(text, low, position)]
    return ends[-1] if ends else low


def share_of_earlier_count(before: str, value: float, percent: float) -> bool:
    """Whether ``percent`` is the share of ``value`` in a larger whole number written earlier in the sentence."""
    for match in _WHOLE_NUMBER.finditer(before):
        whole = float(match.group().replace(",", ""))
        if whole > value and abs(100 * value / whole - percent) <= SHARE_TOLERANCE:
            return True
    return False


def _scaled_pound_adjective(text: str, reading: Reading, unit: UnitMatch) -> bool:
    """"a 31 billion-pound deal": a scaled, hyphenated "pound" is sterling (masses are "billion pounds of")."""
    if unit.written.lower() != "pound" or reading.first.scale is None:
        return False
    return text[unit.end - len(unit.written) - 1] == "-"


def _amount(first: Side, second: Side | None) -> Amount:
    """The scaled number, or range ends; a scale written once after the high end may scale both."""
    sign = -1 if first.sign_start is not None else 1
    if second is None:
        return Amount(value=tidy(sign * first.value * (first.scale or 1)))
    if second.scale is not None and first.scale is None:
        low, high = apply_range_scale(first.value, second.value, second.scale)
        return Amount(low=sign * low, high=high)
    return Amount(low=tidy(sign * first.value * (first.scale or 1)), high=tidy(second.value * (second.scale or 1)))
