"""A bare number whose unit is written on an amount just before it: the end of a change ("from 4.3 million
tonnes in 2018 to 7 million in 2023"), a continuation ("valid for 30 years, renewable for another 20") or the base
of a comparison ("45,000 tonnes, up from 38,000 a year earlier", "$3.4 billion, compared with 2.9 billion").

A writer who names where a value started and ended, or adds to an amount, often writes the unit once; the
bare number is the same kind of amount (docs/annotation.md: a value written without its unit takes the unit
the text gives), not a count. Only a bare number right after the "to" of a "from <amount> ... to" with
nothing but a time phrase between them, or after "another"/"a further" in the amount's sentence, and
followed by the end of the clause or a function word, is read this way; so is a bare number right after a
comparison word ("up from", "versus", "than") that follows the amount in its clause.
"""

from __future__ import annotations

import re

from pipeline.components.quantities.measure import Found
from pipeline.components.quantities.patterns import UnitForms
from pipeline.components.quantities.qualifiers import tail_words
from pipeline.text.numbers import tidy

# Between the start of the change and its bare end: words (a year allowed, no other figure), then "to" and
# up to two qualifier words ("to about", "to more than"); no sentence end.
_GAP = re.compile(r"[^.;!?\n\d]{0,40}?(?:(?:19|20)\d\d[^.;!?\n\d]{0,20}?)?\bto\s+(?:[a-z]+\s+){0,2}")
# After the bare end: the end of the clause or a word that opens a time phrase or another clause, so that no
# noun of its own follows it ("to 7 million EVs" counts vehicles).
_AFTER = re.compile(r"\s*(?:[.,;:)!?\n]|$)|\s+(?:in|by|for|at|on|and|during|last|this|next|per|a|over|since|"
                    r"after|before|while|with|as|from|until|within)\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_REACH = 40  # characters before the start read for its "from"
_NUMBER = re.compile(r"\d[\d,.]*(?<![,.])")
# Kinds whose unit a bare end may take: prices carry their own conversion and are left to the price rules.
_KINDS = frozenset({"mass", "money", "percent", "other", "duration"})
# Between an amount and a continuation of it: the same sentence, no other figure.
_SAME_CLAUSE = re.compile(r"[^.;!?\n\d]{1,100}")


class UnitCarrier:
    """Reads a bare number in the unit of the amount before it, when a change, a continuation or a comparison
    joins them."""

    def __init__(self, units: UnitForms, scale: re.Pattern[str], continuation_words: list[str],
                 comparison_bases: list[str] | None = None, gapped_verbs: list[str] | None = None) -> None:
        self.units = units
        self.scale = scale
        self.continuations = [phrase.split() for phrase in continuation_words]
        # Between the amount and its base: words (a year or a month allowed, no other figure), the comparison
        # word, then up to two qualifier words ("up from about"); no sentence end.
        ordered = sorted(set(comparison_bases or []), key=lambda cue: (-len(cue), cue))
        cues = "|".join(r"\s+".join(re.escape(word) for word in cue.split()) for cue in ordered)
        self.comparison = re.compile(
            rf"[^.;!?\n\d]{{0,40}}?(?:(?:19|20)\d\d[^.;!?\n\d]{{0,20}}?)?(?<![\w-])(?i:{cues})\s+(?:[a-z]+\s+){{0,2}}"
        ) if cues else None
        # "mined 2.1 Mt of ore and processed 1.8 million": the same kind of amount, its noun and unit left out
        verbs = "|".join(re.escape(verb) for verb in sorted(set(gapped_verbs or []), key=lambda verb: (-len(verb), verb)))
        self.gapped = re.compile(
            rf"[^.;!?\n\d]{{0,60}}?\band\s+(?:{verbs})\s+(?:[a-z]+\s+){{0,2}}") if verbs else None

    def carry(self, text: str, bare: Found, results: list[Found]) -> Found | None:
        """``bare`` in the unit of the last amount of ``results``, or None when nothing joins them."""
        if not results:
            return None
        words = tail_words(bare.before)
        if any(words[-len(phrase):] == phrase for phrase in self.continuations):
            if _SAME_CLAUSE.fullmatch(text, results[-1].end, bare.start) is None:
                return None
            return _in_unit_of(text, bare, results[-1], self.units, self.scale)
        return carried_unit(text, bare, results, self.units, self.scale) or self.compared_base(text, bare, results)

    def compared_base(self, text: str, bare: Found, results: list[Found]) -> Found | None:
        """``bare`` as the base of a comparison with the last amount ("1.2 Mt, against 1.1 in 2023") or as the object
        of a second verb of the same flow ("mined 2.1 Mt of ore and processed 1.8"), or None."""
        gap = (results[-1].end, bare.start)
        if not any(pattern is not None and pattern.fullmatch(text, *gap) for pattern in (self.comparison, self.gapped)):
            return None
        return _in_unit_of(text, bare, results[-1], self.units, self.scale)


def carried_unit(text: str, bare: Found, results: list[Found], units: UnitForms, scale: re.Pattern[str]) -> Found | None:
    """``bare`` read in the unit of the amount its change started from, or None when it is no such end.

    Both ends must be written alike, with a scale word ("4.3 million tonnes ... to 7 million") or without.
    """
    if not results:
        return None
    start = results[-1]
    if tail_words(text[max(0, start.start - _REACH) : start.start])[-1:] != ["from"]:
        return None
    if _GAP.fullmatch(text, start.end, bare.start) is None:
        return None
    return _in_unit_of(text, bare, start, units, scale)


def _in_unit_of(text: str, bare: Found, start: Found, units: UnitForms, scale: re.Pattern[str]) -> Found | None:
    """``bare`` read in ``start``'s kind and unit, when both are written alike and no noun follows ``bare``."""
    value = bare.info["value"]
    info = start.info
    if value is None or info["quantity_type"] not in _KINDS or info["value"] is None:
        return None
    if _YEAR.fullmatch(text, bare.start, bare.end) or _AFTER.match(text, bare.end) is None:
        return None
    number = _NUMBER.search(text, start.start, start.end)
    if number is None or (scale.match(text, number.end()) is not None) != bare.scaled:
        return None
    ratio = 1.0
    if info["quantity_type"] in ("mass", "other", "duration"):
        row = units.find(info["unit_text"] or "")
        if row is None or (bare.scaled and row.factor != 1):
            return None  # "from 4.3 Mt to 7 million": which million is not written
        ratio = row.factor
    carried = info.copy()
    carried["value"], carried["qualifier"] = tidy(value * ratio), bare.info["qualifier"]
    return Found(start=bare.start, end=bare.end, info=carried, price_factor=start.price_factor, scaled=bare.scaled)
