"""English month and weekday names, defined once for every module that reads dates, and the month names of other
languages as CLDR writes them (``locale_month_names``, from the table ``models/dates/build_foreign_months.py``
generates from Babel, so no locale data of Babel's is loaded at run time).

Closed-class calendar words, not a tunable lexicon: the date rules, the dateline parser and the
checks that keep month names out of entities and quantities all read these two tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Literal

from pipeline.resources.dates import foreign_month_table

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


def locale_month_names(locales: Iterable[str], *, widths: tuple[Literal["wide", "abbreviated"], ...] = ("wide", "abbreviated"),
                       keep_case: bool = False) -> dict[str, int]:
    """Month names of ``locales`` (CLDR, ``models/dates/foreign_months.json``), lower-cased unless ``keep_case``,
    abbreviations without their full stop; where two locales write one name for different months, the first locale's."""
    table = foreign_month_table()
    names: dict[str, int] = {}
    for locale in locales:
        for width in widths:
            for context in ("format", "stand-alone"):
                for number, name in enumerate(table.names(locale, width, context), start=1):
                    names.setdefault((name if keep_case else name.lower()).rstrip("."), number)
    return names
