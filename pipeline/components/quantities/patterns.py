"""The quantity grammar's regular expressions that come from the data tables, compiled once.

Each pattern is assembled from named pieces; the word lists inside them are the forms of
``models/quantities`` (units, scale words, number words), alternated longest first so "kt"
never wins over "ktpa".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.resources.quantities import QuantityTables, UnitRow
from pipeline.text.calendar_names import MONTHS
from pipeline.text.numbers import DIGITS, VULGAR_FRACTION
from pipeline.text.regex import alternation, first_character_gate

SPACE = r"[ \u00a0\u2009\u202f]"
# "140 000 t/y", "4\u2009500 t": thousands grouped by a space, thin space or no-break space (SI style).
SPACED_DIGITS = r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?(?!\d|[.,]\d|[ \u00a0\u2009\u202f]\d)"
GROUP_SPACES = re.compile(r"[ \u00a0\u2009\u202f]")
# A number glued to a sign, a path, a time or a version ("+86", "v2.1", "10:45", "Li2O-") is no
# amount; the regex itself rejects these so pathological runs like "1,1,1,..." never reach Python.
# A "+" is a sign only on a percentage with a space, a bracket or a line start before it ("(+139%)",
# "(+11.9 percent)").
# A letter and a hyphen glue too, except the "-by-" between the sides of an area ("400-by-800-meter").
SIGNED_PERCENT_AHEAD = r"(?=\d{1,3}(?:\.\d+)?(?:[ \u00a0]?%|[ \u00a0](?i:per[ \u00a0]?cent|percent|pct)\b))"
NOT_GLUED_BEFORE = (rf"(?:(?<![+#@_/\\\d])|(?<=[ \u00a0\t\n(\[]\+){SIGNED_PERCENT_AHEAD})(?<!\d[,.:])"
                    r"(?:(?<![A-Za-z]-)|(?<=\d-by-))")
# "Mn-44 percent", "Fe-62%": a grade written after its element's symbol and a hyphen is a percentage, the one
# number after "<letters>-" that is an amount (the percent sign or word must follow).
ELEMENT_GRADE = rf"(?:(?<=\b[A-Z]-)|(?<=\b[A-Z][a-z]-))(?=\d{{1,2}}(?:\.\d+)?{SPACE}?(?:%|(?i:per{SPACE}?cent|percent|pct)\b))"
ELEMENT_GRADE_AT = re.compile(ELEMENT_GRADE)
# "two and a half years", "five-and-a-half": half a unit more than the number word before it
AND_A_HALF = r"[- ]and[- ]a[- ]half"
# "400-by-800-meter", "200 by 500 metres", "2 x 3 km": the sides of an area, the first sharing the second's unit
DIMENSION_BY = re.compile(rf"-by-|{SPACE}+by{SPACE}+|{SPACE}*[x×]{SPACE}*")
NOT_GLUED_AFTER = r"(?![.,:/]\d)(?!\d)"
# "per tonne", "a dry tonne", "/kg", "per standard ton" (tungsten concentrate's 65% WO3 ton): the mass unit a price
# is quoted in.
PER_MASS = rf"{SPACE}?/{SPACE}?|{SPACE}(?i:per|a|an){SPACE}(?:(?i:metric|dry|wet|standard){SPACE})?"


def denominator_mass(match: re.Match[str], unit_factor: float) -> float:
    """The mass a price is quoted per, in the unit's canonical unit: "per 10 kg" is 0.01 t, "/lb" 0.000454 t."""
    count = match["count"]
    return unit_factor * (int(count) if count else 1)


def mixed_alternation(exact: Iterable[str], folded: Iterable[str]) -> str:
    """One longest-first alternation of case-sensitive and case-insensitive forms ("g/t" before "g").

    >>> mixed_alternation(["Mt"], ["t"])
    'Mt|(?i:t)'
    """
    items = [(form, False) for form in set(exact)] + [(form, True) for form in set(folded)]
    items.sort(key=lambda item: (-len(item[0]), item[0]))
    return "|".join(f"(?i:{re.escape(form)})" if fold else re.escape(form) for form, fold in items)


MONTH_PREFIXES = frozenset(name[:3] for name in MONTHS)
# "28th Jan", "8 Jan", "to 30 September": a day number before a month name (no count, no range end).
MONTH_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?\s(?:{alternation(prefix.capitalize() for prefix in MONTH_PREFIXES)})[a-z]*\b"
)


@dataclass(frozen=True)
class UnitForms:
    """Every written unit form and its row: exact spellings ("Mt") and lower-cased ones ("tonnes")."""

    exact: dict[str, UnitRow]
    folded: dict[str, UnitRow]

    @classmethod
    def from_rows(cls, rows: Iterable[UnitRow]) -> UnitForms:
        exact: dict[str, UnitRow] = {}
        folded: dict[str, UnitRow] = {}
        for row in rows:
            for form in row.forms:
                if row.case_sensitive:
                    exact[form] = row
                    exact.update({form + element: row for element in row.glued_elements})
                else:
                    folded[form.lower()] = row
        return cls(exact=exact, folded=folded)

    def find(self, written: str) -> UnitRow | None:
        return self.exact.get(written) or self.folded.get(written.lower())


@dataclass(frozen=True)
class QuantityPatterns:
    """The table-driven patterns, each matched at a position (``pattern.match(text, pos)``)."""

    number: re.Pattern[str]  # a number anywhere: digits not glued to anything, or a spelled-out number
    anchored_number: re.Pattern[str]  # the second number of a range, right at the cursor
    scale: re.Pattern[str]  # "million", "bn", "m" after a number
    unit: re.Pattern[str]  # "mt", "tonnes", "%", "-year" after a number
    denominator: re.Pattern[str]  # "/mt", " per tonne" after money: a price
    hyphened_qualifier: re.Pattern[str] | None  # "circa-" right before a number (searched in the text before it)


def spelled_number(tables: QuantityTables) -> str:
    """"twenty-five", "Twenty five", "a dozen": a tens word with an optional ones word, or any number word;
    either may end in "and a half" ("two and a half", "five-and-a-half")."""
    tens = alternation(tables.numbers.tens)
    ones = alternation(word for word, value in tables.numbers.units.items() if 1 <= value <= 9)
    return f"(?:(?:{tens})(?:[- ](?:{ones}))?|{alternation(tables.number_words)})(?:{AND_A_HALF})?"


def compile_patterns(tables: QuantityTables, units: UnitForms) -> QuantityPatterns:
    """Compile the table-driven patterns."""
    words = tables.number_words
    # A cheap first-letter lookahead keeps the spelled alternation from being tried at every word.
    first_letters = "".join(sorted({word[0].lower() for word in words} | {word[0].upper() for word in words}))
    spelled = spelled_number(tables)
    digits = f"{SPACED_DIGITS}|{DIGITS.pattern}"
    scales = tables.scales
    exact_scales = [word for word in scales.words if word in scales.case_sensitive]
    folded_scales = [word for word in scales.words if word not in scales.case_sensitive]
    # "circa-27 million tonnes": a qualifier hyphenated to the number does not glue it to a word
    hyphened = "".join(f"|(?<=\\b(?i:{re.escape(word)})-)" for word in tables.words.hyphened_qualifiers)
    qualifiers = tables.words.hyphened_qualifiers
    mass_exact = [form for form, row in units.exact.items() if row.quantity_type == "mass" and row.per is None]
    mass_folded = [form for form, row in units.folded.items() if row.quantity_type == "mass" and row.per is None]
    return QuantityPatterns(
        # every digits alternative opens on a digit: the leading lookahead fails at once where none is, before the
        # lookbehinds are tried (the same matches, about three times faster)
        number=re.compile(
            rf"(?P<digits>(?=\d)(?:{NOT_GLUED_BEFORE}|{ELEMENT_GRADE}{hyphened})(?:{digits}){VULGAR_FRACTION}?{NOT_GLUED_AFTER})"
            rf"|(?P<spelled>\b(?=[{first_letters}])(?i:{spelled})\b)"
        ),
        anchored_number=re.compile(rf"(?P<digits>{digits})|(?P<spelled>(?i:{spelled})\b)"),
        scale=re.compile(rf"(?P<space>{SPACE}?|-)(?P<scale>{first_character_gate(exact_scales, folded_scales)}"
                         rf"(?:{mixed_alternation(exact_scales, folded_scales)}))(?![A-Za-z])"),
        # "three- week": a line break left a space after the compound's hyphen (lower-case unit words only)
        unit=re.compile(rf"(?P<sep>-{SPACE}(?=[a-z])|{SPACE}?-?)(?P<unit>{first_character_gate(units.exact, units.folded)}"
                        rf"(?:{mixed_alternation(units.exact, units.folded)}))(?![A-Za-z0-9])"),
        denominator=re.compile(
            rf"(?P<per>{PER_MASS})(?:(?P<count>[1-9]\d{{0,3}}){SPACE}?)?"
            rf"(?P<unit>{mixed_alternation(mass_exact, mass_folded)})(?![A-Za-z0-9])"
        ),
        hyphened_qualifier=re.compile(rf"\b(?i:{alternation(qualifiers)})-$") if qualifiers else None,
    )
