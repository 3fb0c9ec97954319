"""Finding every quantity of a block, left to right and without overlaps.

Each number (digits or a spelled-out number) anchors the small grammar of
:mod:`pipeline.components.quantities.interpret`. A number with neither a unit, a currency nor a
scale becomes a ``count`` only when a plural noun follows it; years, times, phone numbers,
ordinals and numbers glued to letters ("SC6", "FY2026", "Q3") are never quantities.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.components.base import block_text
from pipeline.components.quantities.amounts import CHANGE_REACH, RANGE_SEPARATOR, AmountReader
from pipeline.components.quantities.changes import UnitCarrier
from pipeline.components.quantities.counts import CountRules
from pipeline.components.quantities.currency import CurrencyContext, CurrencyRules
from pipeline.components.quantities.exchanges import ExchangeQuotes
from pipeline.components.quantities.interpret import QuantityParser
from pipeline.components.quantities.measure import Amount, Found
from pipeline.components.quantities.patterns import SPACE, UnitForms, compile_patterns, denominator_mass
from pipeline.components.quantities.qualifiers import QualifierRules
from pipeline.components.quantities.rates import RateRules, share_rates
from pipeline.components.quantities.single import SingleUnits
from pipeline.components.quantities.tables import measured_by_header
from pipeline.resources.quantities import QuantityTables
from pipeline.text.calendar_names import MONTHS
from pipeline.text.numbers import point_decimal_commas, tidy
from pipeline.text.regex import alternation

# "slipped ¥1,000 to ¥162,000/mt", "a fall of US$1,500 versus US$18,000 (= US$8.16/lb)": a change before its price
_TO = re.compile(r"\s+(?:to|versus|vs\.?|against|compared\s+(?:with|to))\s+")
# "US$18,000 (= US$8.16 per lb)": the same price in another mass unit; within this share of each other
SAME_PRICE = 0.01
_AND = re.compile(rf"{SPACE}+(?:and{SPACE}+)?")
# Between a price and a later bare amount of the same sentence: no sentence end, no other figure.
_SAME_SENTENCE = re.compile(r"[^.;!?\n]{1,120}|[^;!?\n]{0,120}?\b(?:[A-Z]\.|approx\.|vs\.|[ap]\.m\.)[^.;!?\n]{0,120}")
# A price's next sentence: one sentence end between them, no other figure.
_NEXT_SENTENCE = re.compile(r"[^.;!?\n]{0,120}[.!?][\"”’)]?\s+[^.;!?\n]{1,120}")
# "as of Jun. this year", "Sep., it": an abbreviated month's stop before a lower-case word, a digit or a comma
# ends no sentence between a price and a later amount.
_MONTH_STOP = re.compile(
    rf"\b(?i:{alternation(name for name in MONTHS if len(name) <= 4 and name != 'may')})\.(?=,|\s+[a-z0-9])")
# How far (as a factor) a money amount of the next sentence may be from the price it is compared with.
NEXT_PRICE_SPREAD = 10.0
# "104,120 yuan (about $14,932)": a bracketed conversion of the amount before it.
_CONVERSION = re.compile(r"\s*\((?:(?:about|around|approximately|roughly|some|or|c\.|~|=|equal\s+to)\s*)?$",
                         re.IGNORECASE)


_DECIMAL = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)`` at C speed: ``\\d`` finds decimals; only a non-ASCII text can hold
    another digit ("²")."""
    return _DECIMAL.search(text) is not None or not text.isascii() and any(ch.isdigit() for ch in text)


class QuantityFinder:
    """The quantity rules built from the tables, applied to one block ``Doc`` at a time."""

    def __init__(self, tables: QuantityTables) -> None:
        units = UnitForms.from_rows(tables.units)
        patterns = compile_patterns(tables, units)
        self.currencies = CurrencyRules(tables.currencies)
        self.qualifiers = QualifierRules(tables.qualifiers, tables.words.movement_words)
        amounts = AmountReader(tables, patterns, units, self.currencies)
        self.amounts = amounts
        self.patterns = patterns
        self.units = units
        self.parser = QuantityParser(patterns, units, amounts, self.currencies, self.qualifiers,
                                     RateRules(tables.words.period_words))
        self.counts = CountRules(tables.words)
        self.carrier = UnitCarrier(units, patterns.scale, tables.words.continuation_words,
                                   tables.words.comparison_bases, tables.words.gapped_verbs)
        self.exchanges = ExchangeQuotes(tables.words.per_tonne_exchanges)
        self.single = SingleUnits(tables.words, self.qualifiers)
        self.number = patterns.number
        self.mass_rows = [row for row in tables.units if row.quantity_type == "mass" and row.per is None]

    def find(self, doc: Doc) -> list[Found]:
        """All quantities of a block Doc, left to right, without overlaps."""
        text = block_text(doc)
        if not has_digit(text) and self.number.search(text) is None and not self.single.add(text, []):
            return []
        block = doc._.orewire_block or {}
        hints = block.get("hints")
        if hints and hints.get("decimal_comma"):
            text = point_decimal_commas(text)  # same length: offsets still point into the block
        block_context = self.currencies.context(text, hints)
        sentences = self.currencies.sentence_contexts(text, block_context)
        results: list[Found] = []
        consumed = 0
        for match in self.number.finditer(text):
            if match.start() < consumed:
                continue
            context = next((found for end, found in sentences if match.start() < end), block_context)
            found = self.parser.parse(text, match, context)
            if found is not None and found.count_noun:
                found = (measured_by_header(text, found, context, self._parse_alone)
                         or self.parser.shared_unit(text, found, context)
                         or self.carrier.carry(text, found, results)
                         or self.counts.count(doc, text, found, results))
            if found is None:
                continue
            results.append(found)
            consumed = found.end
        results = self.single.add(text, results)
        results = combine_subunits(text, results)
        self._price_conversions(text, results)
        share_denominators(text, results)
        self.exchanges.apply(text, results)
        carry_prices(text, results)
        share_rates(text, results)
        return self._price_ranges(text, results)

    def _parse_alone(self, text: str, context: CurrencyContext) -> Found | None:
        """The amount that opens ``text`` ("1 million tonnes"), as the block's rules read it."""
        match = self.number.search(text)
        return self.parser.parse(text, match, context) if match is not None else None

    def _price_conversions(self, text: str, results: list[Found]) -> None:
        """"195,000 yuan (~US$3,050) per tonne": a denominator after a bracketed conversion prices both amounts;
        "US$18,000 (= US$8.16 per lb)": money equal to the bracketed price in some mass unit is that price."""
        for money, converted in zip(results, results[1:], strict=False):
            if money.info["quantity_type"] != "money":
                continue
            if converted.info["quantity_type"] == "price":
                self._equal_price(text, money, converted)
                continue
            if converted.info["quantity_type"] != "money":
                continue
            if not text.startswith(")", converted.end) or _CONVERSION.fullmatch(text, money.end, converted.start) is None:
                continue
            denominator = self.patterns.denominator.match(text, converted.end + 1)
            row = self.units.find(denominator["unit"]) if denominator is not None else None
            if denominator is None or row is None:
                continue
            factor = 1 / denominator_mass(denominator, row.factor)
            for found in (money, converted):
                info = found.info
                scaled = Amount(info["value"], info["low"], info["high"]).times(factor)
                info["quantity_type"], info["unit"] = "price", f"{info['currency']}/t"
                info["value"], info["low"], info["high"] = scaled.value, scaled.low, scaled.high
                found.price_factor = factor

    def _equal_price(self, text: str, money: Found, price: Found) -> None:
        """Money of the price's currency, bracketed price right after it, that is the same price per one mass unit."""
        info, quoted = money.info, price.info["value"]
        if (money.scaled or info["value"] is None or not quoted or info["currency"] != price.info["currency"]
                or _CONVERSION.fullmatch(text, money.end, price.start) is None):
            return
        for row in self.mass_rows:
            per_tonne = info["value"] / row.factor
            if abs(per_tonne - quoted) <= SAME_PRICE * quoted:
                info["quantity_type"], info["unit"], info["value"] = "price", f"{info['currency']}/t", tidy(per_tonne)
                money.price_factor = 1 / row.factor
                return

    def _price_ranges(self, text: str, results: list[Found]) -> list[Found]:
        """"offers ranging from US$640/dmt to US$1,180/dmt": two prices in one unit, joined as a range is, are one."""
        out: list[Found] = []
        for found in results:
            low = out[-1] if out else None
            if low is None or not _same_price(low, found):
                out.append(found)
                continue
            sep = RANGE_SEPARATOR.fullmatch(text, low.end, found.start)
            bottom, top = low.info["value"], found.info["value"]
            if sep is None or bottom is None or top is None or not bottom <= top <= 10 * bottom:
                out.append(found)
                continue
            if not self.amounts.range_allowed(sep["sep"], text[max(0, low.start - CHANGE_REACH) : low.start]):
                out.append(found)
                continue
            low.info["value"], low.info["low"], low.info["high"] = None, bottom, top
            low.end = found.end
        return out


def _same_price(low: Found, high: Found) -> bool:
    left, right = low.info, high.info
    return (left["quantity_type"] == right["quantity_type"] == "price" and left["unit"] == right["unit"]
            and left["per"] == right["per"])


def combine_subunits(text: str, results: list[Found]) -> list[Found]:
    """"2 dollars 50 cents", "£3 and 20p": whole units then hundredths of the same currency are one amount."""
    out: list[Found] = []
    for found in results:
        main = out[-1] if out else None
        if (main is not None and found.subunit and not main.subunit and not main.scaled
                and main.info["quantity_type"] == found.info["quantity_type"] == "money"
                and main.info["currency"] == found.info["currency"] and main.info["value"] is not None
                and found.info["value"] is not None and main.info["value"] == int(main.info["value"])
                and 0 < found.info["value"] < 1 and _AND.fullmatch(text, main.end, found.start) is not None):
            main.info["value"] = tidy(main.info["value"] + found.info["value"])
            main.end = found.end
            continue
        out.append(found)
    return out


def share_denominators(text: str, results: list[Found]) -> None:
    """Money right before "to <price>" is a price change in the same unit ("slipped ¥1,000 to ¥162,000/mt")."""
    for money, price in zip(results, results[1:], strict=False):
        left, right = money.info, price.info
        if (left["quantity_type"], right["quantity_type"]) != ("money", "price"):
            continue
        if left["currency"] != right["currency"]:
            continue
        if _TO.fullmatch(text, money.end, price.start) is None:
            continue
        scaled = Amount(left["value"], left["low"], left["high"]).times(price.price_factor)
        left["quantity_type"], left["unit"] = "price", right["unit"]
        left["value"], left["low"], left["high"] = scaled.value, scaled.low, scaled.high


def carry_prices(text: str, results: list[Found]) -> None:
    """An unscaled money amount (or range) later in a price's sentence is a price in the same unit.

    "hit $13,407 a tonne before easing back to around $13,240" and "settled at 104,120 yuan
    (about $14,932)" after "105,650 yuan a tonne" quote prices, not sums of money. So is one in the
    next sentence, in the currency of a price just quoted and of the same order ("Carbonate rose to
    80,000 yuan a tonne. Hydroxide held at 76,000 yuan."), when no other figure stands between them; a
    hyphenated duration naming the contract ("the 3-month contract traded at $15,600") is no such figure,
    nor is the percent change a quote gives with its level ("tin gained 1.2% to $31,400").
    """
    price: Found | None = None
    recent: list[Found] = []
    skipped: list[Found] = []  # figures passed over since ``price``: masked so their decimal points end no sentence
    for found in results:
        info = found.info
        if info["quantity_type"] == "price":
            price = found
            recent.append(found)
            skipped = []
            continue
        if _part_of_quote(text, found):
            skipped.append(found)
            continue
        if price is None or info["quantity_type"] != "money" or found.scaled or (
                info["value"] is None and info["low"] is None):  # "5% for $1,100-$1,400": a range of the price too
            price = None if info["quantity_type"] != "money" else price
            continue
        gap = _masked(text, price.end, found.start, skipped)
        if _SAME_SENTENCE.fullmatch(gap) is None:
            model = next((p for p in reversed(recent) if p.info["currency"] == info["currency"]), None)
            if model is None or _NEXT_SENTENCE.fullmatch(gap) is None or not _comparable(model, found):
                price, recent = None, []
                continue
            price = model
        same = info["currency"] == price.info["currency"]
        if not same and _CONVERSION.search(gap) is None:
            continue
        scaled = Amount(info["value"], info["low"], info["high"]).times(price.price_factor)
        info["quantity_type"], info["unit"] = "price", f"{info['currency']}/t"
        info["value"], info["low"], info["high"] = scaled.value, scaled.low, scaled.high
        found.price_factor = price.price_factor
        price = found
        recent.append(found)
        skipped = []


def _part_of_quote(text: str, found: Found) -> bool:
    """"the 3-month contract", "up 0.8% to": a hyphenated duration or a percent change belongs to the quote."""
    kind = found.info["quantity_type"]
    if kind == "duration":
        return found.end - found.start < 12 and "-" in text[found.start : found.end]
    return kind == "percent" and found.info["value"] is not None and abs(found.info["value"]) < 100


def _masked(text: str, start: int, end: int, skipped: list[Found]) -> str:
    """``text[start:end]`` with each skipped figure inside it written as "x"."""
    parts: list[str] = []
    cursor = start
    for found in skipped:
        if start <= found.start and found.end <= end:
            parts.extend((text[cursor : found.start], "x"))
            cursor = found.end
    parts.append(text[cursor:end])
    return _MONTH_STOP.sub(lambda match: match.group()[:-1] + " ", "".join(parts))


def _comparable(price: Found, money: Found) -> bool:
    """Whether ``money`` quoted in ``price``'s unit is within ``NEXT_PRICE_SPREAD`` of it."""
    quoted = price.info["value"] or price.info["low"]
    value = money.info["value"] or money.info["low"]
    if not quoted or not value or quoted < 0 or value < 0:
        return False
    converted = value * price.price_factor
    return quoted / NEXT_PRICE_SPREAD <= converted <= quoted * NEXT_PRICE_SPREAD
