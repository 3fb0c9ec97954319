"""One unit of time written without a number: "a decade", "on strike for a week", "a week-old strike",
"a monthlong halt" (docs/annotation.md: durations are quantities; docs/realnews.md: "week-old" is one).

"a <unit>" is a rate after an amount ("4,000 t a month"), a date's distance before "ago"/"later" and a
frequency after "twice"; it is a duration only after a word of ``duration_openers`` ("for", "than",
"lasted") and not before one of ``single_unit_blockers`` ("a year ago", "a week later"; "or" unless an
``open_end_words`` word follows: "for a week or more"; a ``distance_words`` blocker after a qualifier
measures a distance: "less than a week after", "almost a year ago"). "a decade" and "a century" are one wherever they
stand ("more than a decade"), and so are their fractions ("a quarter-century", "its half century": ``unit_fractions``).
"a year and a half" is one and a half units, "a couple of years" (``couple_phrases``) two, read like "a year".
"""

from __future__ import annotations

import re

from pipeline.components.quantities.measure import Amount, Found, quantity_info
from pipeline.components.quantities.qualifiers import WINDOW, QualifierRules, tail_words
from pipeline.resources.quantities import WordTable
from pipeline.text.regex import alternation

# unit word -> (canonical unit, how many of it)
UNITS = {"century": ("year", 100.0), "decade": ("year", 10.0), "year": ("year", 1.0), "month": ("month", 1.0),
         "week": ("week", 1.0), "fortnight": ("week", 2.0), "day": ("day", 1.0)}
_UNIT = "century|decade|year|month|week|fortnight|day"
ARTICLE_UNIT = re.compile(rf"\b(?:a|an|one)[ \u00a0-](?P<unit>{_UNIT})\b(?![-'’])", re.IGNORECASE)
# "week-old", "year-long", "monthlong": no number before it (not "59-year-old")
COMPOUND_UNIT = re.compile(rf"(?<![\w-])(?P<unit>{_UNIT})(?:-old|-long|long)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \u00a0]+(?P<word>[A-Za-z]+)")
# "a decade", "a century" name a span wherever they stand ("more than a century"): no rate or date reads them
LONG_UNITS = frozenset({"decade", "century"})
_LONG = "century|decade"
# "a year and a half": half a unit more
AND_A_HALF = re.compile(r"[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half\b(?![-'’])", re.IGNORECASE)
HALF = 1.5


class SingleUnits:
    """Finds the durations of one unit of time that no number anchors."""

    def __init__(self, words: WordTable, qualifiers: QualifierRules) -> None:
        self.openers = frozenset(words.duration_openers)
        self.blockers = frozenset(words.single_unit_blockers)
        self.open_ends = frozenset(words.open_end_words)
        self.distances = frozenset(words.distance_words)
        self.event_links = frozenset(words.event_links)
        self.link_verbs = frozenset(words.event_link_verbs)
        self.distance_qualifiers = [phrase.split() for phrase in words.distance_qualifiers]
        self.qualifiers = qualifiers
        fractions = alternation(words.unit_fractions)
        # "a quarter-century", "half-century": a fraction of a long unit
        self.fraction_unit = re.compile(
            rf"\b(?:an?[ \u00a0]+)?(?P<fraction>{fractions})[- \u00a0](?P<unit>{_LONG})\b(?![-'’])", re.IGNORECASE,
        ) if fractions else None
        self.fractions = {word.lower(): value for word, value in words.unit_fractions.items()}
        couples = alternation(phrase.replace(" ", "\x00") for phrase in words.couple_phrases).replace("\x00", "[ \u00a0]+")
        # "a couple of years": a small number of units, plural
        self.couple = re.compile(rf"\b(?P<phrase>{couples})[ \u00a0]+(?P<unit>{_UNIT})s\b(?![-'’])",
                                 re.IGNORECASE) if couples else None
        self.couples = {" ".join(phrase.lower().split()): value for phrase, value in words.couple_phrases.items()}

    def add(self, text: str, results: list[Found]) -> list[Found]:
        """``results`` with the single units of ``text`` that overlap none of them, in text order."""
        lowered = text.lower()
        if not any(unit in lowered for unit in UNITS):
            return results
        added: list[Found] = []
        matches = [*(self.fraction_unit.finditer(text) if self.fraction_unit else ()),
                   *(self.couple.finditer(text) if self.couple else ()),
                   *ARTICLE_UNIT.finditer(text), *COMPOUND_UNIT.finditer(text)]
        for match in matches:
            end, times = match.end(), 1.0
            if match.re is self.fraction_unit:
                times = self.fractions[match["fraction"].lower()]
            elif match.re is self.couple:
                times = self.couples[" ".join(match["phrase"].lower().split())]
            elif match.re is ARTICLE_UNIT and (half := AND_A_HALF.match(text, end)) is not None:
                end, times = half.end(), HALF
            if any(found.start < end and match.start() < found.end for found in results + added):
                continue
            unit = match["unit"].lower()
            before = text[max(0, match.start() - WINDOW) : match.start()]
            if (match.re in (ARTICLE_UNIT, self.couple) and unit not in LONG_UNITS
                    and not self._duration(text, end, before)):
                continue
            canonical, count = UNITS[unit]
            info = quantity_info("duration", Amount(count * times), unit=canonical, unit_text=match["unit"],
                                 qualifier=self.qualifiers.qualifier(before))
            added.append(Found(start=match.start(), end=end, info=info))
        return sorted(results + added, key=lambda found: found.start) if added else results

    def _measured(self, words: list[str]) -> bool:
        """Whether the words before "a <unit>" end in a qualifier of a distance ("less than", "almost") that no
        amount governs: "80% more than a year ago" compares with a date, "more than a year ago" measures one."""
        for phrase in self.distance_qualifiers:
            if words[-len(phrase):] == phrase:
                head = words[-len(phrase) - 1 : -len(phrase)]
                return not head or not any(char.isdigit() or char == "%" for char in head[0])
        return False

    def _opens_a_distance(self, text: str, end: int) -> bool:
        """"A day after halting trading, ...", "just a week before the vote", "the ban comes a month after the vote":
        one unit then "after"/"before" an event, opening a sentence or after a ``duration_openers`` or
        ``event_link_verbs`` word, measures the time between two happenings (a duration, as "less than a week after"
        is); "A year earlier, ..." or "A year before, ..." with no event after it is the base of a comparison."""
        following = _NEXT_WORD.match(text, end)
        if following is None or following["word"].lower() not in self.event_links:
            return False
        return _NEXT_WORD.match(text, following.end()) is not None

    def _duration(self, text: str, end: int, before: str) -> bool:
        """"for a week", "more than a year": an opener before, no blocker after (the unit's words end at ``end``)."""
        words = tail_words(before)
        if _sentence_start(before):
            return self._opens_a_distance(text, end)
        if words and words[-1] in self.link_verbs:
            return self._opens_a_distance(text, end)  # "the ban comes a month after the vote"
        if not words or words[-1] not in self.openers:
            return False
        following = _NEXT_WORD.match(text, end)
        if following is None or following["word"].lower() not in self.blockers:
            return True
        if following["word"].lower() in self.distances and self._measured(words):
            return True  # "less than a week after", "almost one year ago": a measured distance in time
        if self._opens_a_distance(text, end):
            return True  # "just a week after the vote": the time between two happenings
        # "for a week or more": an open end keeps the one unit, where "a month or two" gives no number of its own
        if following["word"].lower() == "or":
            then = _NEXT_WORD.match(text, following.end())
            return then is not None and then["word"].lower() in self.open_ends
        return False


def _sentence_start(before: str) -> bool:
    """Whether the text before a match ends a sentence or a line (or is empty): the match opens a sentence."""
    stripped = before.rstrip(" \u00a0\t")
    return not stripped or stripped.endswith(("\n", ".", "!", "?"))
