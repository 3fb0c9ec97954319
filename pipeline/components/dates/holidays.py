"""Named days ("Christmas", "Thanksgiving", "Good Friday"): their written forms and their date in a year.

The rules are data (``models/dates/holidays.json``, validated by ``HolidayTable``); this module
compiles each holiday's names into one regex that tolerates the ways news writes them ("Mother's
Day", "Mothers Day", "mother's day"; "St. Patrick's Day") and computes the day a rule gives in a
year. Easter comes from dateutil (the Gregorian computus), a dependency of dateparser.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

from pipeline.resources.dates import Holiday, HolidayTable
from pipeline.text import temporal as tp
from pipeline.text.cues import CueGroups

# "mother's" -> "mother", "mothers", "mother's", "mothers'"; "presidents'" the same way.
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_FLEXIBLE_S = r"(?:['’]?s['’]?)?"


def name_pattern(name: str) -> str:
    """The regex of one written name: possessives optional, a dot after any word optional, any spacing.

    >>> bool(re.fullmatch(name_pattern("st patrick's day"), "St. Patricks  Day", re.IGNORECASE))
    True
    """
    parts = []
    for word in name.split():
        stem = _POSSESSIVE.sub("", word)
        parts.append(re.escape(stem) + (_FLEXIBLE_S if stem != word else "") + r"\.?")
    return r",?\s+".join(parts)


def name_stems(name: str) -> list[str]:
    """The words every match of ``name_pattern(name)`` spells out ("st patrick's day" -> st, patrick, day)."""
    return [_POSSESSIVE.sub("", word) for word in name.split()]


@dataclass(frozen=True)
class HolidayCalendar:
    """Every holiday of the table with the compiled regex of its names, longest names first."""

    holidays: tuple[Holiday, ...]
    patterns: tuple[re.Pattern[str], ...]
    by_name: Mapping[str, Holiday]

    @classmethod
    def from_table(cls, table: HolidayTable) -> HolidayCalendar:
        patterns = tuple(
            re.compile("|".join(name_pattern(name) for name in sorted(holiday.names, key=len, reverse=True)),
                       re.IGNORECASE)
            for holiday in table.holidays
        )
        by_name = {name: holiday for holiday in table.holidays for name in holiday.names}
        return cls(tuple(table.holidays), patterns, by_name)

    def alternation(self) -> str:
        """One regex of every name, the longest first so "Christmas Eve" is not read as "Christmas"."""
        names = sorted(self.by_name, key=len, reverse=True)
        return "|".join(name_pattern(name) for name in names)

    def cue_groups(self) -> CueGroups | None:
        """The words of each name, as a gate for ``alternation()``: a text holding no name's every word has no holiday."""
        return CueGroups.of(name_stems(name) for name in self.by_name)

    def find(self, written: str) -> Holiday | None:
        """The holiday a written name denotes ("Mothers Day"), or None."""
        return next((holiday for holiday, pattern in zip(self.holidays, self.patterns, strict=True)
                     if pattern.fullmatch(written)), None)

    def day_in(self, holiday: Holiday, year: int) -> date | None:
        """The day of ``holiday`` in ``year``, or None when the year is out of range."""
        if not tp.MIN_YEAR < year < tp.MAX_YEAR:
            return None
        if holiday.after is not None:
            base = self.day_in(self.by_name[holiday.after], year)
            return base + timedelta(days=holiday.days) if base is not None else None
        if holiday.easter is not None:
            return easter(year) + timedelta(days=holiday.easter)
        if holiday.weekday is not None and holiday.nth is not None and holiday.month is not None:
            return tp.nth_weekday(year, holiday.month, holiday.weekday, holiday.nth)
        if holiday.month is not None and holiday.day is not None:
            return tp.real_day(year, holiday.month, holiday.day)
        return None
