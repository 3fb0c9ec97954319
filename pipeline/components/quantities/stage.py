"""Quantity stage: numbers with units, currencies, scale words and ranges, normalised to SPEC units.

The algorithm reads the original text left to right. Each number (digits or a
spelled-out number) is the anchor of a small grammar tried with anchored
regexes compiled once from the ``models/quantities/`` tables::

    [qualifier] [currency] NUMBER [scale] [unit] [(-|to|and) [currency] NUMBER [scale]]
        [currency word] [unit] [/ per mass unit] [per period]

A number with neither a unit, a currency nor a scale becomes a ``count`` only
when a plural noun follows it; years, times, phone numbers, ordinals and
numbers glued to letters ("SC6", "FY2026", "Q3") are never quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.base import GuardedStage, block_text
from pipeline.resources.files import load_json, load_jsonl
from pipeline.schema.annotations import ArticleHints, QuantityInfo
from pipeline.schema.extensions import QUANTITY_GROUP
from pipeline.text.numbers import apply_range_scale, parse_digits, parse_spelled, scale_factor, tidy

_SPACE = r"[ \u00a0]"
_WINDOW = 32


def _is_iso_currency(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    comment: str = Field("", alias="_comment")


class UnitRow(BaseModel):
    """One unit: its written forms, canonical unit and conversion factor."""

    model_config = ConfigDict(extra="forbid")
    forms: list[str] = Field(min_length=1)
    case_sensitive: bool = False
    glued: bool = False  # only written right after the number ("1.5x", not "3 x 4")
    quantity_type: str = Field(pattern="^(mass|percent|other|duration)$")
    unit: str | None
    factor: float = Field(gt=0)
    per: str | None = Field(None, pattern="^(year|month|week|day)$")


class CurrencyTable(_Table):
    """Currency symbols and words, mapped to ISO 4217 codes."""

    prefixes: dict[str, str]
    suffixes: dict[str, str]
    case_sensitive_suffixes: list[str]
    dollar_variants: dict[str, str]
    us_dollar_markers: list[str]
    us_cues: list[str]
    china_cues: list[str]
    japan_cues: list[str]

    @field_validator("prefixes", "suffixes", "dollar_variants")
    @classmethod
    def _iso_codes(cls, table: dict[str, str]) -> dict[str, str]:
        unknown = sorted({code for code in table.values() if not _is_iso_currency(code)})
        if unknown:
            raise ValueError(f"not ISO 4217 currency codes: {unknown}")
        return table


class ScaleTable(_Table):
    words: dict[str, float]
    case_sensitive: list[str]
    abbreviations: list[str]


class QualifierTable(_Table):
    phrases: dict[str, str]

    @field_validator("phrases")
    @classmethod
    def _known(cls, phrases: dict[str, str]) -> dict[str, str]:
        bad = sorted({q for q in phrases.values() if q not in ("approx", "lt", "le", "gt", "ge")})
        if bad:
            raise ValueError(f"unknown qualifiers: {bad}")
        return phrases


class NumberWordTable(_Table):
    units: dict[str, float]
    tens: dict[str, float]
    multiples: dict[str, float]


@dataclass(frozen=True)
class QuantityTables:
    units: list[UnitRow]
    currencies: CurrencyTable
    scales: ScaleTable
    qualifiers: QualifierTable
    numbers: NumberWordTable


@lru_cache(maxsize=1)
def load_tables() -> QuantityTables:
    """Load and validate the quantity lexicons (once per process)."""
    return QuantityTables(
        units=load_jsonl("quantities/units.jsonl", UnitRow),
        currencies=load_json("quantities/currencies.json", CurrencyTable),
        scales=load_json("quantities/scales.json", ScaleTable),
        qualifiers=load_json("quantities/qualifiers.json", QualifierTable),
        numbers=load_json("quantities/numbers.json", NumberWordTable),
    )


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(set(forms), key=lambda f: (-len(f), f)))


def _mixed_alternation(exact: list[str], folded: list[str]) -> str:
    """One longest-first alternation of case-sensitive and case-insensitive forms ("g/t" before "g")."""
    items = [(form, False) for form in set(exact)] + [(form, True) for form in set(folded)]
    items.sort(key=lambda item: (-len(item[0]), item[0]))
    return "|".join(f"(?i:{re.escape(form)})" if fold else re.escape(form) for form, fold in items)


@dataclass
class _Side:
    """One number of a quantity (a range has two)."""

    start: int
    end: int
    value: float
    spelled: bool
    currency: str | None = None  # ISO code
    currency_text: str | None = None
    currency_start: int | None = None
    scale: float | None = None
    scale_text: str | None = None


@dataclass
class _Context:
    """What a block says about ambiguous currency symbols, computed once per block."""

    dollar: str = "USD"
    yen: str = "JPY"
    british: bool = False


@dataclass
class _Found:
    start: int
    end: int
    info: QuantityInfo
    count_noun: bool = False
    extras: dict = field(default_factory=dict)


class QuantityStage(GuardedStage):
    """Finds quantities and writes them to ``doc.spans["orewire_quantities"]``."""

    name = "orewire_quantities"

    def __init__(self, tables: QuantityTables | None = None) -> None:
        self.tables = tables or load_tables()
        t = self.tables
        self.words: dict[str, float] = {**t.numbers.units, **t.numbers.tens, **t.numbers.multiples}
        self.scales = t.scales.words
        self.scale_abbreviations = set(t.scales.abbreviations)
        self.units: dict[str, UnitRow] = {}
        self.units_folded: dict[str, UnitRow] = {}
        for row in t.units:
            for form in row.forms:
                if row.case_sensitive:
                    self.units[form] = row
                else:
                    self.units_folded[form.lower()] = row
        cur = t.currencies
        self.prefixes = cur.prefixes
        self.suffixes = cur.suffixes
        self.suffixes_folded = {k.lower(): v for k, v in cur.suffixes.items() if k not in cur.case_sensitive_suffixes}
        self.qualifiers = {k.lower(): v for k, v in t.qualifiers.phrases.items()}
        self._compile()

    def _compile(self) -> None:
        t = self.tables
        spelled = [w for w in self.words if " " not in w] + [w for w in self.words if " " in w]
        tens = _alternation(list(t.numbers.tens))
        ones = _alternation([w for w, v in t.numbers.units.items() if 1 <= v <= 9])
        first_letters = "".join(sorted({w[0].lower() for w in self.words} | {w[0].upper() for w in self.words}))
        spelled_body = f"(?:{tens})(?:[- ](?:{ones}))?|{_alternation(spelled)}"
        # Numbers glued to times, dates, versions and phone prefixes are rejected by the regex itself,
        # so pathological runs like "1,1,1,..." never reach Python code.
        self.number_re = re.compile(
            r"(?P<digits>(?<![+#@_/\\\d])(?<!\d[,.:])(?<![A-Za-z]-)"
            r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![.,:/]\d)(?!\d))"
            rf"|(?P<spelled>\b(?=[{first_letters}])(?i:{spelled_body})\b)"
        )
        self.anchored_number_re = re.compile(
            rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?P<spelled>(?i:{spelled_body})\b)"
        )
        cs_scales = [w for w in self.scales if w in t.scales.case_sensitive]
        ci_scales = [w for w in self.scales if w not in t.scales.case_sensitive]
        self.scale_re = re.compile(
            rf"(?P<space>{_SPACE}?)(?P<scale>{_mixed_alternation(cs_scales, ci_scales)})(?![A-Za-z])"
        )
        self.prefix_lengths = sorted({len(p) for p in self.prefixes}, reverse=True)
        cs_suffixes = [s for s in self.suffixes if s in t.currencies.case_sensitive_suffixes]
        ci_suffixes = [s for s in self.suffixes if s not in t.currencies.case_sensitive_suffixes]
        self.suffix_re = re.compile(
            rf"{_SPACE}?(?P<cur>{_mixed_alternation(cs_suffixes, ci_suffixes)})(?![A-Za-z])"
        )
        cs_units = list(self.units)
        ci_units = list(self.units_folded)
        self.unit_re = re.compile(
            rf"(?P<sep>{_SPACE}?-?)(?P<unit>{_mixed_alternation(cs_units, ci_units)})(?![A-Za-z0-9])"
        )
        mass_cs = [f for f, r in self.units.items() if r.quantity_type == "mass" and r.per is None]
        mass_ci = [f for f, r in self.units_folded.items() if r.quantity_type == "mass" and r.per is None]
        self.denominator_re = re.compile(
            rf"(?P<per>{_SPACE}?/{_SPACE}?|{_SPACE}(?i:per|a|an){_SPACE}(?:(?i:metric|dry|wet){_SPACE})?)"
            rf"(?P<unit>{_mixed_alternation(mass_cs, mass_ci)})(?![A-Za-z0-9])"
        )
        self.range_re = re.compile(rf"{_SPACE}?(?P<sep>-|–|—|to|and){_SPACE}?")
        self.period_re = re.compile(
            rf"(?:{_SPACE}?/{_SPACE}?(?P<slash>y|yr|year|a|annum|month|mo|day|d|week|wk)"
            rf"|{_SPACE}(?i:per|a|an|each|every){_SPACE}(?P<word>year|annum|month|day|week)"
            rf"|{_SPACE}(?P<adverb>(?i:annually|yearly|per{_SPACE}annum|p\.a\.|pa|monthly|daily|weekly)))(?![A-Za-z])"
            r"(?!\s+(?:earlier|ago|before|later|previously|prior|on|back)\b)"
        )
        self.annual_before_re = re.compile(
            r"\b(?P<word>(?i:annual|annualised|annualized|yearly|monthly|daily))\s+(?:[\w-]+\s+){0,2}?"
            r"(?:(?i:of|at|to|reach|reached|reaching)\s+)?(?:(?i:about|around|some|nearly|roughly|up to)\s+)?$"
        )
        self.annual_after_re = re.compile(
            r"\s+of\s+(?:(?:[\w-]+\s+)?(?P<word>annual|yearly)\b"
            r"|(?:[\w-]+\s+){1,4}?(?:a|an|per|each|every)\s+(?P<rate>year|annum|month|day|week)\b"
            r"(?!\s+(?:earlier|ago|before|later|previously|prior|on|back)\b))",
            re.IGNORECASE,
        )
        # "annual capacity targets of Pr-Nd alloy (400 mt), dysprosium oxide (30 mt) and ...": a rate
        # word governing a list of "commodity (amount)" items sets ``per`` for every amount of the list.
        item = r"[\w-]+(?:[ \u00a0][\w-]+){0,3}"
        self.annual_list_re = re.compile(
            rf"\b(?P<word>(?i:annual|annualised|annualized|yearly|monthly|daily))\s+(?:[\w-]+\s+){{0,2}}?of\s+"
            rf"(?:{item}\s*\([^()\n]{{1,30}}\)\s*,?\s*(?:and\s+)?)*{item}\s*\($"
        )
        # fiscal-year production figures are annual: "FY2026 production guidance of", "171 kt produced in FY25"
        fiscal = r"(?:FY|F[Yy]\s|fiscal\s+(?:year\s+)?)'?\d{2,4}\b"
        full_year = rf"(?:{fiscal}|(?i:full[- ]year)(?:\s+(?:19|20)\d\d)?)"
        self.fiscal_before_re = re.compile(
            rf"\b{full_year}\s+(?i:production|output|shipments|sales|volumes?)\b(?:\s+[\w-]+){{0,2}}?"
            r"\s+(?i:of|at|to|was|were|reached|totalled|totaled)\s+(?:(?i:about|around|some|nearly|roughly)\s+)?$"
        )
        self.fiscal_after_re = re.compile(
            rf"\s+(?:of\s+(?:[\w-]+\s+){{0,3}}?)?(?i:produced|shipped|sold|mined|processed)\s+in\s+{fiscal}"
        )
        # "more than a decade": the article stands for one; other "a <unit>" forms are rates ("4,000 t a month")
        self.a_decade_re = re.compile(r"\b(?:a|one)[ \u00a0-](?P<unit>decade)\b(?!-)", re.IGNORECASE)
        self.qualifier_lengths = sorted({len(phrase.split()) for phrase in self.qualifiers}, reverse=True)
        self.partitive_re = re.compile(r"\s+of\s+(?:the|its|their|our|these|those)\s+(?!\w+\s+(?:of|in)\b)")
        self.of_re = re.compile(r"\s+of\b")
        self.age_re = re.compile(r"-old\b")
        self.pence_re = re.compile(r"p(?![\w.])")
        self.month_after_re = re.compile(
            r"(?:st|nd|rd|th)?\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
        )
        self.dollar_variant_re = re.compile(_alternation(list(self.tables.currencies.dollar_variants)))
        self.us_dollar_re = re.compile(_alternation(self.tables.currencies.us_dollar_markers))
        self.us_cue_re = re.compile(rf"(?<![A-Za-z.])(?:{_alternation(self.tables.currencies.us_cues)})(?![A-Za-z])")
        self.china_re = re.compile(rf"\b(?:{_alternation(self.tables.currencies.china_cues)})\b")
        self.japan_re = re.compile(rf"\b(?:{_alternation(self.tables.currencies.japan_cues)})\b")
        self.british_re = re.compile(r"£|\bsterling\b|\bBritish\b|\bUK\b|\bBritain\b|\bLondon\b")

    # ------------------------------------------------------------------ context

    def block_context(self, text: str, hints: ArticleHints | None = None) -> _Context:
        """Resolve bare ``$`` and ``¥`` for one block (SPEC: explicit variants and China cues decide).

        The block's own evidence wins; a block with none (no dollar variant or US marker, no or
        mixed China/Japan cues) falls back to the article's ``hints`` (``pipeline.hints``). A block
        that names the United States ("US Export-Import Bank") keeps ``$`` as USD: in a multi-story
        digest, one story's C$ says nothing about another story's US financing.
        """
        context = _Context()
        variants = {self.tables.currencies.dollar_variants[m.group()] for m in self.dollar_variant_re.finditer(text)}
        us_dollar = self.us_dollar_re.search(text) is not None
        if len(variants) == 1 and not us_dollar:
            context.dollar = variants.pop()
        elif not variants and not us_dollar and hints and hints.get("dollar") and not self.us_cue_re.search(text):
            context.dollar = hints["dollar"]
        china = self.china_re.search(text) is not None
        japan = self.japan_re.search(text) is not None
        if china and not japan:
            context.yen = "CNY"
        elif china == japan and hints and hints.get("yen"):
            context.yen = hints["yen"]
        context.british = self.british_re.search(text) is not None
        return context

    def _currency_code(self, written: str, context: _Context) -> str:
        if written == "$":
            return context.dollar
        if written == "¥":
            return context.yen
        return self.prefixes[written]

    # ------------------------------------------------------------------ parsing

    def _number_at(self, text: str, pos: int) -> tuple[int, int, float, bool] | None:
        match = self.anchored_number_re.match(text, pos)
        if match is None:
            return None
        return self._number_value(match)

    def _number_value(self, match: re.Match) -> tuple[int, int, float, bool] | None:
        if match["digits"] is not None:
            value = parse_digits(match["digits"])
            spelled = False
        else:
            value = parse_spelled(match["spelled"], self.words)
            spelled = True
        if value is None:
            return None
        return match.start(), match.end(), value, spelled

    def _glued_ok(self, text: str, start: int, end: int) -> bool:
        """Reject numbers that are part of a word, a date, a time, a version or a phone number."""
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before in "+#@_/\\":
            return False
        if before in ",." and start > 1 and text[start - 2].isdigit():
            return False
        if before == ":" and start > 1 and text[start - 2].isdigit():
            return False
        if before == "-" and start > 1 and text[start - 2].isalpha():
            return False
        if after in ":/" and end + 1 < len(text) and text[end + 1].isdigit():
            return False
        if after in ".," and end + 1 < len(text) and text[end + 1].isdigit():
            return False
        return True

    def _side(self, text: str, start: int, end: int, value: float, spelled: bool, context: _Context) -> _Side:
        side = _Side(start=start, end=end, value=value, spelled=spelled)
        written = self._prefix_before(text, start)
        if written is not None:
            side.currency = self._currency_code(written, context)
            bracketed = text[max(0, start - len(written) - 2) : start - len(written)].endswith("(")
            if written == "$" and bracketed:
                side.currency = "USD"
            side.currency_text = written
            side.currency_start = text.rindex(written, 0, start)
        return side

    def _prefix_before(self, text: str, start: int) -> str | None:
        """The currency symbol or code written right before ``start`` (one space allowed)."""
        stop = start - 1 if start > 0 and text[start - 1] in " \u00a0" else start
        for length in self.prefix_lengths:
            if length > stop:
                continue
            candidate = text[stop - length : stop]
            if candidate in self.prefixes:
                if candidate[0].isalpha() and stop - length > 0 and text[stop - length - 1].isalpha():
                    continue
                return candidate
        return None

    def _scale_at(self, text: str, side: _Side, has_currency: bool) -> None:
        match = self.scale_re.match(text, side.end)
        if match is None:
            return
        word = match["scale"]
        if word in self.scale_abbreviations and len(word) == 1:
            follows = match.end()
            if match["space"] and not has_currency:
                return
            unit_follows = self.unit_re.match(text, follows) or self.suffix_re.match(text, follows)
            if not has_currency and unit_follows is None:
                return
        factor = scale_factor(word, self.scales)
        if factor is None:
            return
        side.scale, side.scale_text = factor, word
        side.end = match.end()

    def _unit_at(self, text: str, pos: int) -> tuple[UnitRow, str, int] | None:
        match = self.unit_re.match(text, pos)
        if match is None:
            return None
        written = match["unit"]
        row = self.units.get(written) or self.units_folded.get(written.lower())
        if row is None or (row.glued and match["sep"]):
            return None
        if match["sep"].endswith("-") and row.quantity_type not in ("mass", "duration", "other"):
            return None
        return row, written, match.end()

    def _parse(self, text: str, match: re.Match, context: _Context) -> _Found | None:
        number = self._number_value(match)
        if number is None:
            return None
        start, end, value, spelled = number
        if not spelled and not self._glued_ok(text, start, end):
            return None
        first = self._side(text, start, end, value, spelled, context)
        if not spelled and start > 0 and text[start - 1].isalnum() and first.currency is None:
            return None
        if context.british and first.currency is None and self.pence_re.match(text, end) is not None:
            info = self._info("money", tidy(value / 100), None, None, "GBP", "p", "GBP", None, None)
            return _Found(start=start, end=end + 1, info=info)
        self._scale_at(text, first, first.currency is not None)
        begin = first.currency_start if first.currency_start is not None else start
        before = text[max(0, begin - _WINDOW) : begin]

        unit1 = self._unit_at(text, first.end)
        second: _Side | None = None
        cursor = first.end
        range_unit = None
        if unit1 is None or unit1[0].quantity_type in ("percent", "other", "mass", "duration"):
            after_first = unit1[2] if unit1 is not None else first.end
            second = self._range_second(text, after_first, first, before, context)
            if second is not None:
                range_unit = unit1
                cursor = second.end
        if second is None:
            cursor = first.end

        # currency after the number ("5 million euros", "433,000 yuan")
        currency, currency_text = first.currency, first.currency_text
        if second is not None and currency is None:
            currency, currency_text = second.currency, second.currency_text
        suffix = None
        cents = False
        if currency is None:
            suffix = self.suffix_re.match(text, cursor)
            if suffix is not None:
                written = suffix["cur"]
                currency = self.suffixes.get(written) or self.suffixes_folded.get(written.lower())
                currency_text = written
                if written.lower() == "dollars":
                    currency = context.dollar
                elif written.lower() == "cents":
                    currency, cents = context.dollar, True
                cursor = suffix.end()

        unit = None
        if currency is None or suffix is None:
            unit = self._unit_at(text, cursor)
            if unit is None and range_unit is not None:
                unit = range_unit
            elif unit is not None:
                cursor = unit[2]
        if unit is not None and range_unit is not None and unit[0] is not range_unit[0]:
            if unit[0].quantity_type != range_unit[0].quantity_type:
                return None

        # pounds: mass unless the block speaks sterling and nothing is "of" something
        if unit is not None and currency is None and unit[1].lower() in ("pound", "pounds") and context.british:
            if self.of_re.match(text, cursor) is None:
                currency, currency_text, unit = "GBP", unit[1], None

        low = high = None
        if second is not None:
            low, high = first.value, second.value
            if second.scale is not None and first.scale is None:
                low, high = apply_range_scale(low, high, second.scale)
            else:
                low = tidy(low * (first.scale or 1))
                high = tidy(high * (second.scale or 1))
            amount = None
        else:
            amount = tidy(value * (first.scale or 1))

        qualifier = self._qualifier(before)
        per = None
        kind: str
        canonical: str | None
        unit_text: str | None
        code: str | None = None
        price_factor = 1.0
        if currency is not None:
            denominator = self.denominator_re.match(text, cursor)
            if unit is not None and unit[0].quantity_type == "mass" and unit[0].per is None and suffix is None:
                denominator = None
            if denominator is not None:
                row = self.units.get(denominator["unit"]) or self.units_folded[denominator["unit"].lower()]
                factor = 1 / row.factor
                kind, canonical = "price", f"{currency}/t"
                price_factor = factor
                unit_text = f"{currency_text}{'/' if '/' in denominator['per'] else ' per '}{denominator['unit']}"
                cursor = denominator.end()
            else:
                factor = 0.01 if cents else 1.0
                kind, canonical, unit_text = "money", currency, currency_text
            code = currency
            unit = None
        elif unit is not None:
            row, written, _ = unit
            kind, canonical, unit_text, factor = row.quantity_type, row.unit, written, row.factor
            if canonical is None:
                canonical = written
            per = row.per
        else:
            # A bare number: a count if a noun follows; a scaled one ("41.2 million") is kept either way.
            scaled = first.scale is not None or (second is not None and second.scale is not None)
            info = self._info("count", amount, low, high, None, None, None, qualifier, None)
            return _Found(start=begin, end=cursor, info=info, count_noun=True,
                          extras={"spelled": first.spelled, "value": value, "before": before, "keep": scaled})

        if kind in ("mass", "money", "price", "count") and per is None:
            long_before = text[max(0, begin - 200) : begin]
            long_before = long_before[max(long_before.rfind(". "), long_before.rfind("\n")) + 1 :]
            period = self._period(text, cursor, before, kind, long_before)
            per = period[0] if period is not None else None
        if kind == "duration":
            if self.age_re.match(text, cursor) is not None:
                return None
            if qualifier == "gt" and _tail_words(before)[-1:] == ["over"]:
                qualifier = None

        def convert(number: float | None) -> float | None:
            return None if number is None else tidy(number * factor)

        info = self._info(kind, convert(amount), convert(low), convert(high), canonical, unit_text, code, qualifier,
                          per)
        extras = {"price_factor": price_factor} if kind == "price" else {}
        return _Found(start=begin, end=cursor, info=info, extras=extras)

    def _range_second(self, text: str, pos: int, first: _Side, before: str, context: _Context) -> _Side | None:
        match = self.range_re.match(text, pos)
        if match is None:
            return None
        sep = match["sep"]
        last = _tail_words(before)[-1:]
        if sep == "and" and last != ["between"]:
            return None
        if sep == "to" and last and (last[0] == "from" or last[0] in _MOVEMENT_WORDS):
            return None
        cursor = match.end()
        window = text[cursor : cursor + 8]
        second_currency = None
        second_text = None
        prefix_len = 0
        for length in range(min(5, len(window)), 0, -1):
            candidate = window[:length].rstrip(" \u00a0")
            if candidate in self.prefixes and (length == len(candidate) or window[length - 1] in " \u00a0"):
                second_text = candidate
                second_currency = self._currency_code(candidate, context)
                prefix_len = length
                break
        if second_currency is not None:
            if first.currency is not None and second_currency != first.currency:
                return None
            if first.currency is None:
                return None
        number = self._number_at(text, cursor + prefix_len)
        if number is None:
            return None
        start, end, value, spelled = number
        if not _compatible_ends(text[first.start : first.end], text[start:end], first, before):
            return None
        if not spelled and end < len(text) and (text[end].isdigit() or (text[end] in ".," and end + 1 < len(text)
                                                                       and text[end + 1].isdigit())):
            return None
        side = _Side(start=start, end=end, value=value, spelled=spelled, currency=second_currency,
                     currency_text=second_text)
        self._scale_at(text, side, first.currency is not None or second_currency is not None)
        if first.scale is not None and side.scale is None and sep in ("to", "and"):
            side.scale = first.scale
        low, high = first.value * (first.scale or 1), value * (side.scale or 1)
        if sep == "to" and (high < low or high > 10 * low):
            return None
        return side

    def _qualifier(self, before: str) -> str | None:
        words = [word.lstrip("\"“‘(") for word in _tail_words(before)]
        if words and words[-1] == "between":
            words = words[:-1]
        # "up to a further C$5 million", "about another 20 holes": a filler between qualifier and number
        for filler in _QUALIFIER_FILLERS:
            if len(words) > len(filler) and tuple(words[-len(filler):]) == filler:
                words = words[: -len(filler)]
                break
        for length in self.qualifier_lengths:
            if length > len(words):
                continue
            phrase = " ".join(words[-length:])
            qualifier = self.qualifiers.get(phrase)
            if qualifier is not None:
                # "rose to", "edged up to", "fell below": after a movement verb a direction word is the
                # move's target, not a qualifier; "up nearly 60%", "down more than 50%" keep theirs.
                if phrase in _DIRECTION_QUALIFIERS and len(words) > length and words[-length - 1] in _MOVEMENT_WORDS:
                    return None
                return qualifier
        if before.endswith("~"):
            return "approx"
        return None

    def _period(self, text: str, cursor: int, before: str, kind: str, long_before: str = "") -> tuple[str, int] | None:
        match = self.period_re.match(text, cursor)
        if match is not None:
            word = (match["slash"] or match["word"] or match["adverb"]).lower()
            return _period_name(word), match.end()
        if kind != "mass":
            after = self.annual_after_re.match(text, cursor, min(len(text), cursor + 60))
            if after is not None and after["rate"] is not None:
                return _period_name(after["rate"].lower()), cursor
            return None
        annual = self.annual_before_re.search(before) or self.annual_list_re.search(long_before)
        if annual is not None:
            return _period_name(annual["word"].lower()), cursor
        if self.fiscal_before_re.search(long_before) or self.fiscal_after_re.match(text, cursor, cursor + 80):
            return "year", cursor
        after = self.annual_after_re.match(text, cursor, min(len(text), cursor + 60))
        if after is not None:
            return _period_name((after["rate"] or "year").lower()), cursor
        return None

    @staticmethod
    def _info(kind: str, value: float | None, low: float | None, high: float | None, unit: str | None,
              unit_text: str | None, currency: str | None, qualifier: str | None, per: str | None) -> QuantityInfo:
        return QuantityInfo(quantity_type=kind, value=value, low=low, high=high, unit=unit, unit_text=unit_text,
                            currency=currency, qualifier=qualifier, per=per, subject=None)

    # ------------------------------------------------------------------ counts and guards

    def _is_year(self, found: _Found, text: str) -> bool:
        info = found.info
        if info["quantity_type"] != "count" or info["unit"] is not None:
            return False
        number = text[found.start : found.end]
        return bool(re.fullmatch(r"(?:1[89]|20|21)\d\d", number))

    def _count(self, doc: Doc, text: str, found: _Found, earlier: list[_Found] | None = None) -> _Found | None:
        """A bare number becomes a count when a plural noun follows it (modifiers allowed)."""
        extras = found.extras
        if extras["spelled"] and extras["value"] < 2:
            return None
        number = text[found.start : found.end]
        if re.fullmatch(r"(?:1[89]|20|21)\d\d(?:\s?[-–]\s?(?:1[89]|20|21)?\d\d)?", number):
            return None
        before = extras["before"]
        last = _tail_words(before)[-1:]
        if last and (last[0] in _LABEL_WORDS or last[0].rstrip(".")[:3] in _MONTHS and before[-1:].isspace()):
            return None
        if self.month_after_re.match(text, found.end):
            return None
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None or any(token.ent_type_ in _NAME_LABELS for token in span):
            return None
        if span.start > 0 and doc[span.start - 1].ent_type_ in _NAME_LABELS - {"GPE", "LOC"}:
            return None
        keep = found if extras.get("keep") else None
        if found.end < len(text) and text[found.end] == "-":
            return keep
        if self.partitive_re.match(text, found.end) is not None:
            # "Yunnan and Guangxi, two of the main ... provinces": an appositive re-counting named items
            if extras["spelled"] and before.rstrip().endswith(","):
                return keep
            return found
        if extras["spelled"] and _tail_words(before)[-1:] in (["the"], ["all"], ["these"], ["those"], ["both"]):
            return None
        for token in doc[span.end : span.end + 7]:
            if token.tag_ in ("NNS", "NNPS") and token.pos_ in ("NOUN", "PROPN"):
                if token.lower_ in _NOT_COUNTED:
                    return keep
                if token.lower_ in _NOT_DOMAIN_COUNTS:
                    return keep
                found.info["unit_text"] = token.text
                found.count_noun = False
                return found
            if token.is_punct and token.text not in "-–" or token.like_num or token.pos_ not in _COUNT_MODIFIERS:
                break
        return self._elided_count(doc, span, found, earlier) or keep

    @staticmethod
    def _elided_count(doc: Doc, span: Span, found: _Found, earlier: list[_Found] | None) -> _Found | None:
        """"Of the 594 blocks sold, just 82 are producing", "11 projects in the EU and eight in partner
        countries": a bare whole number whose noun is elided counts the noun of an earlier count of its
        sentence, when a verb, a preposition or the end of the clause follows it."""
        if not earlier or found.info["value"] is None or found.info["value"] != int(found.info["value"]):
            return None
        sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
        antecedent = next((f for f in reversed(earlier) if f.info["quantity_type"] == "count"
                           and f.info["unit_text"] and sentence.start_char <= f.start), None)
        if antecedent is None:
            return None
        following = doc[span.end] if span.end < len(doc) else None
        if following is not None and not (
                following.pos_ in ("AUX", "VERB") or (following.pos_ == "ADP" and following.lower_ != "of")
                or following.text in (".", ";", ",")):
            return None
        found.info["unit_text"] = antecedent.info["unit_text"]
        return found

    # ------------------------------------------------------------------ subjects

    def _subject(self, doc: Doc, span: Span, kind: str, ents: list[Span]) -> list[int] | None:
        if kind not in ("mass", "price", "count", "percent", "other") or not ents:
            return None
        sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
        commodities = [ent for ent in ents if ent.label_ == "COMMODITY" and sentence.start <= ent.start < sentence.end]
        for ent in commodities:
            if ent.start == span.end and kind in ("mass", "percent", "other"):
                return [ent.start_char, ent.end_char]
        if kind == "other":
            return None
        tail = span.end
        # "52,000 tonnes per year of graphite": the rate words sit between the amount and its "of"
        if tail + 1 < sentence.end and doc[tail].lower_ in ("per", "a", "an", "each", "every") and (
                doc[tail + 1].lower_ in _RATE_NOUNS):
            tail += 2
        elif tail < sentence.end and doc[tail].lower_ in _RATE_ADVERBS:
            tail += 1
        after = doc[tail : min(tail + 4, sentence.end)]
        if len(after) and after[0].lower_ == "of":
            for ent in commodities:
                # "of dysprosium", "of wrought and unwrought gallium": only modifiers in between
                if tail < ent.start <= tail + 6 and all(
                        (token.is_alpha or token.text in (",", "-")) and token.pos_ not in _NOT_MODIFIERS
                        and token.lower_ not in _PREPOSITIONS for token in doc[tail + 1 : ent.start]):
                    return [ent.start_char, ent.end_char]
        if kind == "price" and len(after) > 1 and after[0].lower_ == "for":
            for ent in commodities:
                if ent.start == tail + 1 or (ent.start == tail + 2 and doc[tail + 1].pos_ in ("DET", "ADJ")):
                    return [ent.start_char, ent.end_char]
        if span.start >= 2 and doc[span.start - 1].text == "(":
            for ent in commodities:
                if ent.end == span.start - 1:
                    return [ent.start_char, ent.end_char]
        if kind in ("percent", "count"):
            return None
        bracketed = {ent.start for ent in commodities if ent.end < len(doc) and doc[ent.end].text == ")"}
        left = [
            ent for ent in commodities
            if ent.end <= span.start and span.start - ent.end <= 12 and ent.start not in bracketed
        ]
        if left:
            return [left[-1].start_char, left[-1].end_char]
        if kind == "mass":
            for ent in ents:
                if ent.label_ in ("GPE", "ORG") and sentence.start <= ent.start and ent.end < span.start:
                    following = doc[ent.end : span.start]
                    if len(following) and following[0].text in ("'s", "’s") and any(
                        token.lower_.startswith(("reserve", "resource")) for token in following[:4]
                    ):
                        return [ent.start_char, ent.end_char]
        return None

    # ------------------------------------------------------------------ stage

    def find(self, doc: Doc) -> list[_Found]:
        """All quantities of a block Doc, left to right, without overlaps."""
        text = block_text(doc)
        if not any(ch.isdigit() for ch in text) and self.number_re.search(text) is None and (
                "decade" not in text.lower()):
            return []
        context = self.block_context(text, (doc._.orewire_block or {}).get("hints"))
        results: list[_Found] = []
        consumed = 0
        for match in self.number_re.finditer(text):
            if match.start() < consumed:
                continue
            found = self._parse(text, match, context)
            if found is None:
                continue
            if found.count_noun:
                found = self._count(doc, text, found, results)
                if found is None:
                    continue
            elif self._is_year(found, text):
                continue
            results.append(found)
            consumed = found.end
        if "decade" in text or "Decade" in text:
            results = self._add_decades(text, results)
        _share_denominators(text, results)
        _share_rates(text, results)
        return results

    def _add_decades(self, text: str, results: list[_Found]) -> list[_Found]:
        added = []
        for match in self.a_decade_re.finditer(text):
            if any(f.start < match.end() and match.start() < f.end for f in results):
                continue
            qualifier = self._qualifier(text[max(0, match.start() - _WINDOW) : match.start()])
            info = self._info("duration", 10.0, None, None, "year", match["unit"], None, qualifier, None)
            added.append(_Found(start=match.start(), end=match.end(), info=info))
        return sorted(results + added, key=lambda f: f.start) if added else results

    def process(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        last_end = -1
        found_all = self.find(doc)
        _split_trailing_stops(doc, [found.end for found in found_all])
        ents = [ent for ent in doc.ents if ent.label_ in _SUBJECT_LABELS] if found_all else []
        for found in found_all:
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None or span.start < last_end:
                continue
            info = found.info
            info["subject"] = self._subject(doc, span, info["quantity_type"], ents)
            span._.orewire_quantity = info
            spans.append(span)
            last_end = span.end
        if spans and ents:
            _respectively(doc, spans, ents)
        doc.spans[QUANTITY_GROUP] = spans
        return doc


_NOT_MODIFIERS = frozenset({"ADP", "AUX", "PRON", "NUM", "PROPN", "SCONJ", "PART"})
_PREPOSITIONS = frozenset("in from at to for by with on into over under than per".split())
_RATE_NOUNS = frozenset({"year", "annum", "month", "day", "week"})
_RATE_ADVERBS = frozenset({"annually", "yearly", "monthly", "daily", "weekly"})
_NAME_LABELS = {"ORG", "PERSON", "FACILITY", "LAW", "PRODUCT", "GPE", "LOC", "WORK_OF_ART", "EVENT"}
_SUBJECT_LABELS = {"COMMODITY", "GPE", "ORG"}
_COUNT_MODIFIERS = {"ADJ", "NOUN", "PROPN", "PUNCT", "VERB", "ADV", "CCONJ"}
_NOT_COUNTED = {"times", "percent", "cents", "points", "others", "ones", "pm", "am", "hours", "minutes", "seconds",
                "thirds",
                "quarters", "halves", "fifths", "tenths"}


_NOT_DOMAIN_COUNTS = frozenset(
    "people persons officials sources sides analysts traders executives men women children spokespeople "
    "experts observers participants attendees residents".split()
)
_MOVEMENT_WORDS = frozenset(
    "edged edges moved moves went goes climbed climbs jumped jumps rose rises ticked ticks inched crept shot surged "
    "soared ramped ramping risen gone fell dropped slipped declined eased slid lifted raised increased cut lowered "
    "added gained lost shed advanced retreated up down falling rising climbing".split()
)
_DIRECTION_QUALIFIERS = frozenset({"up to", "over", "under", "below", "above", "higher than", "lower than",
                                    "north of", "exceeding"})
_QUALIFIER_FILLERS = (("a", "further"), ("an", "additional"), ("an", "extra"), ("a", "total", "of"), ("another",),
                      ("a", "combined"))
_LABEL_WORDS = frozenset(
    "section chapter article item no. no number phase stage tier line unit block level grade page p. para paragraph "
    "clause rule model version v room route highway lot hole # nos.".split()
)
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())


_YEAR_LIKE = re.compile(r"(?:19|20)\d\d|2100")
_YEAR_PREPOSITIONS = frozenset("for in by since during until till before after through throughout".split())


def _compatible_ends(first_text: str, second_text: str, first: _Side, before: str) -> bool:
    """Whether two numbers can be the ends of one range.

    A bare year-like first number ("cut the quota for 2026 to 6,800 mt") is a date, not a low end:
    it is refused when a time preposition precedes it, or when the other end is written in another
    style (thousands separators on one end only: "2026 to 6,800", never "2,026 to 6,800").
    """
    if first.currency is not None or first.scale is not None or first.spelled:
        return True
    if _YEAR_LIKE.fullmatch(first_text) is None:
        return True
    last = _tail_words(before)[-1:]
    if last and last[0] in _YEAR_PREPOSITIONS:
        return False
    return "," not in second_text


def _tail_words(before: str) -> list[str]:
    """The last words before a number, lower-cased, when the number is separated from them by a space."""
    if not before or not before[-1].isspace():
        return []
    return before[-_WINDOW:].lower().split()[-4:]


_TO = re.compile(r"\s+to\s+")


def _share_denominators(text: str, results: list[_Found]) -> None:
    """Money right before "to <price>" is a price change in the same unit ("slipped ¥1,000 to ¥162,000/mt")."""
    for money, price in zip(results, results[1:], strict=False):
        left, right = money.info, price.info
        if (left["quantity_type"], right["quantity_type"]) != ("money", "price"):
            continue
        if left["currency"] != right["currency"]:
            continue
        if _TO.fullmatch(text, money.end, price.start) is None:
            continue
        factor = price.extras["price_factor"]
        left["quantity_type"], left["unit"] = "price", right["unit"]
        for key in ("value", "low", "high"):
            if left[key] is not None:
                left[key] = tidy(left[key] * factor)


_RATE_GAP = re.compile(r"\s+of\s+(?:[\w-]+\s+){1,4}?(?:and|,)\s+|\s*(?:,|and|,\s+and)\s+")


def _share_rates(text: str, results: list[_Found]) -> None:
    """A rate written once after coordinated amounts applies to each ("119 mt of Dy and 17.8 mt of Tb per year")."""
    for index in range(len(results) - 2, -1, -1):
        left, right = results[index].info, results[index + 1].info
        if left["per"] is not None or right["per"] is None or left["quantity_type"] != right["quantity_type"]:
            continue
        if left["quantity_type"] != "mass":
            continue
        if _RATE_GAP.fullmatch(text, results[index].end, results[index + 1].start) is not None:
            left["per"] = right["per"]


_LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s+")


def _respectively(doc: Doc, spans: list[Span], ents: list[Span]) -> None:
    """"copper, lithium and rhenium, where Chile supplies 23%, 20.4% and 46.8% ... respectively": pair in order."""
    text = block_text(doc)
    if "respectively" not in text.lower():  # no token can be "respectively" then
        return
    for token in doc:
        if token.lower_ != "respectively":
            continue
        sentence = token.sent if doc.has_annotation("SENT_START") else doc[:]
        group: list[Span] = []
        for span in spans:
            if not (sentence.start <= span.start and span.end <= token.i):
                continue
            if group and _LIST_GAP.fullmatch(text, group[-1].end_char, span.start_char) is None:
                group = []
            group.append(span)
        if len(group) < 2:
            continue
        items = [ent for ent in ents if ent.label_ == "COMMODITY" and sentence.start <= ent.start
                 and ent.end <= group[0].start]
        listed: list[Span] = []
        for ent in items:
            if listed and _LIST_GAP.fullmatch(text, listed[-1].end_char, ent.start_char) is None:
                listed = []
            listed.append(ent)
        if len(listed) != len(group):
            continue
        for span, ent in zip(group, listed, strict=True):
            span._.orewire_quantity["subject"] = [ent.start_char, ent.end_char]


def _split_trailing_stops(doc: Doc, ends: list[int]) -> None:
    """Split tokens like "t." (unit + sentence full stop) where a quantity ends before the stop."""
    targets = []
    for end in ends:
        token = _token_ending_after(doc, end)
        if token is not None:
            targets.append(token)
    if not targets:
        return
    with doc.retokenize() as retokenizer:
        for token in targets:
            head = token.head if token.head.i != token.i else (token, 0)
            retokenizer.split(token, [token.text[:-1], "."], heads=[head, (token, 0)])


def _token_ending_after(doc: Doc, end: int):
    span = doc.char_span(end, end + 1, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    token = span[0]
    if token.idx < end and token.idx + len(token.text) == end + 1 and token.text.endswith(".") and len(token.text) > 1:
        return token
    return None


def _period_name(word: str) -> str:
    word = word.replace(" ", "").replace("\u00a0", "")
    if word in ("y", "yr", "year", "a", "annum", "annually", "yearly", "perannum", "p.a.", "pa", "annual",
                "annualised", "annualized"):
        return "year"
    if word in ("month", "mo", "monthly"):
        return "month"
    if word in ("week", "wk", "weekly"):
        return "week"
    return "day"


@Language.factory(
    "orewire_quantities",
    assigns=["doc.spans", "span._.orewire_quantity"],
    requires=["doc.ents"],
)
def make_quantity_stage(nlp: Language, name: str) -> QuantityStage:
    return QuantityStage()
