"""Parsing a dateline line ("Dec 12, 2025 16:05", "2025-12-12T16:05:00Z") into ISO 8601.

Pure functions shared by segmentation (an article's ``published``) and the date stage (the
date record of a dateline or a teaser's date line).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from pipeline.resources.dates import load_lexicon
from pipeline.text.calendar_names import MONTHS, locale_month_names
from pipeline.text.regex import alternation

# A page of a news agency writing in another language gives its date line in that language even when the story is
# in English ("21 июля, 2022 14:46" above a Tajik agency's story). Month names of the lexicon's ``date_line_locales``
# (CLDR locales; full and abbreviated, the form after a day and the form standing alone, from
# ``models/dates/foreign_months.json``, whose build script reads the same list) are read on a date line; in running
# text the date stage reads only full names between a day and a year (``components/dates/foreign.py``).
DATE_LINE_MONTHS: Mapping[str, int] = MappingProxyType(
    {**locale_month_names(load_lexicon().date_line_locales), **MONTHS})
_MONTH = r"(?P<month>" + alternation(DATE_LINE_MONTHS) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_ZONE = r"(?:\s*(?:(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|UTC|GMT|Z|\(?[A-Z]{2,5}\)?))?"
_TIME = (
    r"(?:(?:[ ,T]+|\s+at\s+|\s*[|·]\s*|\s+[-–—]\s+)(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?" + _ZONE + r")?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
DATELINE_FORMS = (
    re.compile(r"^" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+(?P<year>\d{4})" + _TIME + r"$", re.I),
    re.compile(r"^" + _WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME + r"$", re.I),
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})" + _TIME + r"$"),
    re.compile(r"^(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})" + _TIME + r"$"),
    # "12.12.2025 - 08:18:05": dots between day, month and year are the day-first order of continental Europe.
    re.compile(r"^(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})" + _TIME + r"$"),
)
# A page's time before its date ("10:52, June 22, 2025", "5:12 PM 23 September 2025"): group 1 the time, group 2 the date.
LEADING_TIME = re.compile(r"^(\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?),?\s+(\S.*)$", re.I)


def parse_dateline(text: str) -> str | None:
    """Parse a dateline such as ``Dec 12, 2025 16:05`` into ISO 8601 (``2025-12-12T16:05``).

    Returns None when the text is not a date of a recognised form or not a real day. A time
    that cannot be a clock time ("25:61") is dropped and the day kept.

    >>> parse_dateline("Friday, December 12, 2025 4:05 PM")
    '2025-12-12T16:05'
    """
    candidate = text.strip()
    for form in DATELINE_FORMS:
        match = form.match(candidate)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else DATE_LINE_MONTHS[parts["month"].lower()]
        year, day = int(parts["year"]), int(parts["day"])
        if not _is_real_day(year, month, day):
            return None
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if parts.get("hour") is None:
            return iso
        hour, minute = int(parts["hour"]), int(parts["minute"])
        if parts.get("ampm"):
            if not 1 <= hour <= 12:
                return iso
            is_pm = parts["ampm"].lower().startswith("p")
            hour = hour % 12 + (12 if is_pm else 0)
        if hour > 23 or minute > 59:
            return iso
        return f"{iso}T{hour:02d}:{minute:02d}"
    return None


def parse_date_line(text: str) -> str | None:
    """A line holding only the page's date and time, in either order: ``parse_dateline``, or the time first.

    >>> parse_date_line("4:05 PM 12 December 2025")
    '2025-12-12T16:05'
    """
    time_first = LEADING_TIME.match(text.strip())
    return parse_dateline(text) or (parse_dateline(f"{time_first.group(2)} {time_first.group(1)}") if time_first else None)


def _is_real_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
