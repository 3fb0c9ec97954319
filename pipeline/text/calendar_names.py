"""English month and weekday names, defined once for every module that reads dates.

Closed-class calendar words, not a tunable lexicon: the date rules, the dateline parser and the
checks that keep month names out of entities and quantities all read these two tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Lower-case full names and the abbreviations news text uses ("Sept" and "Sep" both occur).
MONTHS: Mapping[str, int] = MappingProxyType({
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
})
# Lower-case weekday names, numbered as ``date.weekday()`` (Monday is 0).
WEEKDAYS: Mapping[str, int] = MappingProxyType({
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
})
