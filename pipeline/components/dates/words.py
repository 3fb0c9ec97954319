"""The word tables the date rules read, built once from the lexicon and the calendar names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pipeline.components.dates.holidays import HolidayCalendar
from pipeline.resources.dates import DateLexicon, FiscalCalendar, HolidayTable
from pipeline.text.calendar_names import MONTHS, WEEKDAYS, locale_month_names


@dataclass(frozen=True)
class DateWords:
    """Lookups derived from ``DateLexicon``: sets for membership tests and the cue regexes."""

    lexicon: DateLexicon
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    ambiguous_months: frozenset[str]
    month_abbreviations: frozenset[str]  # "jan", "sept": names another name starts with
    month_context: frozenset[str]
    non_year_before: frozenset[str]
    non_year_after: frozenset[str]
    future_words: frozenset[str]
    weak_future_words: frozenset[str]
    intention_verbs: frozenset[str]
    comparison_words: frozenset[str]
    year_prepositions: frozenset[str]
    month_cue: re.Pattern[str]  # a word starting like a month name
    fiscal_cues: re.Pattern[str]
    cue_calendar: Mapping[str, FiscalCalendar]
    calendars: Mapping[str, FiscalCalendar]
    day_first_calendars: frozenset[str] = frozenset()
    month_first_countries: frozenset[str] = frozenset()
    numeric_date_cues: frozenset[str] = frozenset()
    numeric_idioms: frozenset[str] = frozenset()
    # "up from 55% in the": the earlier side of a comparison, ending right before a mention
    comparison_cue: re.Pattern[str] | None = None
    founding_cues: frozenset[str] = frozenset()
    counted_from_words: frozenset[str] = frozenset()
    reader_clock_words: frozenset[str] = frozenset()
    holidays: HolidayCalendar | None = None
    # A year-less quarter or half as a whole mention ("Q3", "third quarter"), deictic ordinals ("last") left out
    bare_part: re.Pattern[str] | None = None
    # month names of other languages (CLDR, ``models/dates/foreign_months.json``), read only between a day and a year
    # (``foreign.py``)
    foreign_months: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_lexicon(cls, lexicon: DateLexicon, holidays: HolidayTable | None = None) -> DateWords:
        prefixes = sorted({name[:3] for name in MONTHS})
        # Lower-case names too ("march 3", "on 14 october"); the normalisers decide when they are dates.
        month_cue = re.compile(
            r"\b(?:" + "|".join([p.capitalize() for p in prefixes] + [p.upper() for p in prefixes] + prefixes)
            + r")[A-Za-z]*"
        )
        calendars = lexicon.fiscal_calendars
        return cls(
            lexicon=lexicon,
            months=dict(MONTHS),
            weekdays={**lexicon.weekday_abbreviations, **WEEKDAYS},
            ambiguous_months=frozenset(lexicon.ambiguous_months),
            month_abbreviations=frozenset(
                name for name in MONTHS if any(other != name and other.startswith(name) for other in MONTHS)
            ),
            month_context=frozenset(lexicon.month_context_words),
            non_year_before=frozenset(lexicon.non_year_before),
            non_year_after=frozenset(lexicon.non_year_after),
            future_words=frozenset(lexicon.future_words),
            weak_future_words=frozenset(lexicon.weak_future_words),
            intention_verbs=frozenset(lexicon.intention_verbs),
            comparison_words=frozenset(lexicon.comparison_words),
            year_prepositions=frozenset(lexicon.year_prepositions),
            month_cue=month_cue,
            # In lexicon order, each cue bounded where it starts or ends with a word character.
            fiscal_cues=re.compile("|".join(_cue_pattern(cue) for calendar in calendars for cue in calendar.cues)),
            cue_calendar={cue.strip(): calendar for calendar in calendars for cue in calendar.cues},
            calendars={calendar.name: calendar for calendar in calendars},
            day_first_calendars=frozenset(lexicon.day_first_calendars),
            month_first_countries=frozenset(lexicon.month_first_countries),
            numeric_date_cues=frozenset(lexicon.numeric_date_cues),
            numeric_idioms=frozenset(lexicon.numeric_idioms),
            comparison_cue=re.compile(
                r"\b(?:" + "|".join(re.escape(cue) for cue in lexicon.comparison_cues) + r")\s+(?=[^;:()\n]{0,30}$)"
                r"[^;:()\n]*?\d[^;:()\n]*?\b(?:in|during|for)\s+(?:the\s+)?$", re.IGNORECASE
            ) if lexicon.comparison_cues else None,
            founding_cues=frozenset(lexicon.founding_cues),
            counted_from_words=frozenset(lexicon.counted_from_words),
            reader_clock_words=frozenset(lexicon.reader_clock_words),
            holidays=HolidayCalendar.from_table(holidays) if holidays is not None else None,
            foreign_months=foreign_month_names(lexicon.foreign_month_locales),
            bare_part=re.compile(
                r"Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H|(?P<ord>"
                + "|".join(re.escape(word) for word in lexicon.ordinals if word not in lexicon.deictics)
                + r")[\s-]+(?:fiscal\s+)?(?P<unit>quarter|qtr|half)", re.IGNORECASE),
        )

    def part_named(self, text: str) -> tuple[str, int] | None:
        """The part and number of a whole mention that is a bare quarter or half ("Q3" -> ("quarter", 3))."""
        match = self.bare_part.fullmatch(text) if self.bare_part else None
        if match is None:
            return None
        if match["ord"]:
            unit = match["unit"].lower()
            number = self.lexicon.ordinals[match["ord"].lower()]
            if unit == "half":
                return ("half", number) if number <= 2 else None
            return "quarter", number
        if match["q"] or match["q2"]:
            return "quarter", int(match["q"] or match["q2"])
        return "half", int(match["h"] or match["h2"])

    def unit_of(self, word: str) -> tuple[str, int] | None:
        """The unit a word names and how many of it the word is worth ("weeks": week, 1; "fortnight": week, 2)."""
        lowered = word.lower()
        unit = self.lexicon.units.get(lowered)
        if unit is not None:
            return unit, 1
        multiple = self.lexicon.unit_multiples.get(lowered)
        return (multiple.unit, multiple.count) if multiple is not None else None

    def unit_words(self) -> list[str]:
        """Every word naming a unit: the lexicon's ``units`` and ``unit_multiples``."""
        return [*self.lexicon.units, *self.lexicon.unit_multiples]

    def month(self, name: str) -> int | None:
        """The month number of a written name ("Sept.", "JAN"), or None."""
        return self.months.get(name.lower().rstrip("."))


def foreign_month_names(locales: Iterable[str]) -> dict[str, int]:
    """Full month names of the locales as CLDR writes them (``text.calendar_names.locale_month_names``: the form used in a
    date and the one standing alone, Russian "октября" and "октябрь"; French "mars" in lower case, so "Mars" stays the
    planet), English names left to the English forms."""
    names = locale_month_names(locales, widths=("wide",), keep_case=True)
    return {name: month for name, month in names.items() if name.lower() not in MONTHS}


def _cue_pattern(cue: str) -> str:
    """The cue, bounded where it starts or ends with a word character. The start's ``\\b`` is written as a
    lookbehind after the first character, ``A(?<!\\wA)`` (the same matches, see ``text.regex.bounded_alternation``):
    an alternation opening on ``\\b`` is tried at every position, one opening on literal characters only where
    they stand (the fiscal cues were ~40x slower to scan)."""
    pattern = re.escape(cue)
    if cue[:1].isalnum():
        first = re.escape(cue[0])
        pattern = first + rf"(?<!\w{first})" + re.escape(cue[1:])
    if cue[-1:].isalnum():
        pattern += r"\b"
    return pattern
