"""Numeric dates: "3/3/2015", "10-31-74", "03.03.2015", "14/03/2024", and year-less "2/15".

A part above 12 fixes the order. An ambiguous date follows, in turn: a weekday named before it, the
block's unambiguous numeric dates, the article's (hint ``day_first``), the clause's tense (the one reading
on the side of the reference the tense says), the dot separator (a European style: day first), the
source's country (hint ``country``; ``month_first_countries`` from CLDR), the article's fiscal calendar
(``day_first_calendars``), else month first (the US order).
"""

from __future__ import annotations

import re

from pipeline.components.dates.block import WORD_REACH, Block, Found, capitalised, clock_hour
from pipeline.components.dates.words import DateWords
from pipeline.text import temporal as tp

# A numeric date with its first two parts ("14/03/2024", "3-31-25"); only unambiguous ones vote.
_NUMERIC = re.compile(r"(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\w/-]|[.,]\d)")
MONTHS_IN_YEAR = 12
# A two-digit year more than this many years after the reference belongs to the previous century.
TWO_DIGIT_FUTURE = 20
LINE_REACH = 8  # bullets and spaces before a date alone on its line
_LINE_START = re.compile(r"(?:^|\n)[ \t•*·-]*$")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
# A weekday name right before a numeric date, with a dot, comma, space or opening bracket between them.
_WEEKDAY_BEFORE = re.compile(r"\b([A-Za-z]+)\.?,?[ \t]*\(?[ \t]*$")


def day_first_order(text: str, hints: dict | None, words: DateWords, *, separator: str = "/") -> bool | None:
    """Whether an ambiguous numeric date of ``text`` written with ``separator`` is day first; None
    when nothing says (the caller then reads it month first).

    >>> from pipeline.resources.dates import load_lexicon
    >>> words = DateWords.from_lexicon(load_lexicon())
    >>> day_first_order("On 14/03/2024 and 3/4/2024.", None, words), day_first_order("On 3.4.2024.", None, words, separator=".")
    (True, True)
    """
    written = written_order(text, hints)
    return written if written is not None else conventional_order(hints, words, separator=separator)


def written_order(text: str, hints: dict | None) -> bool | None:
    """Day first or not by what the writer shows: the block's unambiguous numeric dates, then the article's."""
    votes = 0
    for match in _NUMERIC.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        votes += (first > MONTHS_IN_YEAR >= second) - (second > MONTHS_IN_YEAR >= first)
    if votes:
        return votes > 0
    hints = hints or {}
    if hints.get("day_first") is not None:
        return bool(hints["day_first"])
    return None


def conventional_order(hints: dict | None, words: DateWords, *, separator: str = "/") -> bool | None:
    """Day first or not by convention: the dot separator, the source's country, the fiscal calendar."""
    hints = hints or {}
    if separator == ".":
        return True
    country = hints.get("country")
    if country:
        return country.upper() not in words.month_first_countries
    if hints.get("fiscal") in words.day_first_calendars:
        return True
    return None


def _hints(block: Block) -> dict | None:
    return (block.doc._.orewire_block or {}).get("hints")


def numeric_day(m: re.Match[str], block: Block) -> Found | None:
    """"3/3/2015", "10-31-74", "03.03.2015" (a four-digit year after dots), "14/03/2024"."""
    sep, year_text = m["sep"], m["year"]
    if sep == "." and len(year_text) != 4:
        return None  # "1.2.10" is a version number
    first, second = int(m["first"]), int(m["second"])
    if first > MONTHS_IN_YEAR and second > MONTHS_IN_YEAR:
        return None
    if first > MONTHS_IN_YEAR:
        day_first = True
    elif second > MONTHS_IN_YEAR:
        day_first = False
    else:
        day_first = None
    year = tp.expand_year(year_text)
    if len(year_text) == 2 and block.reference is not None and year > block.reference.year + TWO_DIGIT_FUTURE:
        year -= 100  # "10-31-74" read in 2013 is 1974
    if day_first is None:
        day_first = _weekday_order(block, m.start(), year, first, second)
    if day_first is None:
        day_first = written_order(block.text, _hints(block))
    if day_first is None:
        day_first = tense_order(block, m.start(), m.end(), year, first, second)
    if day_first is None:
        day_first = bool(conventional_order(_hints(block), block.words, separator=sep))
    day_number_, month = (first, second) if day_first else (second, first)
    day = tp.real_day(year, month, day_number_)
    if day is None:
        return None
    hour = clock_hour(int(m["hour"]), m["ampm"]) if m["hour"] is not None else None
    if hour is not None:  # "19.12.2025 16:43:00", "02/07/2023 01:27 PM": a timestamp
        return tp.to_info(tp.minute_period(day, hour, int(m["minute"]))), m.start()
    return tp.to_info(tp.day_period(day)), m.start()


def _weekday_order(block: Block, start: int, year: int, first: int, second: int) -> bool | None:
    """Whether an ambiguous numeric date is day first by the weekday named right before it ("Wednesday
    (9/4/2025)", "Wed, 9/4/2025"): True or False when exactly one reading falls on that weekday, else None."""
    named = _WEEKDAY_BEFORE.search(block.text, max(0, start - WORD_REACH), start)
    weekday = block.words.weekdays.get(named.group(1).lower()) if named else None
    if weekday is None:
        return None
    day_first, month_first = tp.real_day(year, second, first), tp.real_day(year, first, second)
    fits = (day_first is not None and day_first.weekday() == weekday,
            month_first is not None and month_first.weekday() == weekday)
    return fits[0] if fits[0] != fits[1] else None


def tense_order(block: Block, start: int, end: int, year: int, first: int, second: int) -> bool | None:
    """Whether an ambiguous numeric date is day first by its clause's tense: "the bill passed on 12/05/2025",
    written in June 2025, is 12 May, since 5 December was still ahead; True or False when exactly one reading
    falls on the side of the reference the tense says, else None (the conventions decide)."""
    reference = block.reference
    if reference is None:
        return None
    day_first, month_first = tp.real_day(year, second, first), tp.real_day(year, first, second)
    if day_first is None or month_first is None:
        return None
    tense = block.tense(start, end)
    if tense == "past":
        fits = (day_first <= reference, month_first <= reference)
    elif tense == "future":  # not a weak "later" ("said it would"): that only breaks ties
        fits = (day_first >= reference, month_first >= reference)
    else:
        return None
    return fits[0] if fits[0] != fits[1] else None


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """True when ``start:end`` is the only thing on its line (bullets aside): a date line."""
    return (_LINE_START.search(text, max(0, start - LINE_REACH), start) is not None
            and _LINE_END.match(text, end) is not None)


def numeric_month_day(m: re.Match[str], block: Block) -> Found | None:
    """A year-less "2/15", "on 15/2", "Fri 2/15": only when one part is above 12 (that part is the
    day), not an idiom ("24/7"), and a date by its context: after a time word ("on", "until",
    "dated"; after "on" only for a hyphen, which otherwise reads as a range), after a weekday, or
    alone on its line. The year is the one nearest the reference."""
    first, second = int(m["first"]), int(m["second"])
    if (first > MONTHS_IN_YEAR) == (second > MONTHS_IN_YEAR):
        return None
    if f"{first}/{second}" in block.words.numeric_idioms:
        return None
    words = block.words
    following = block.next_word(m.end())
    if following in words.non_year_after or following in words.lexicon.units:
        return None
    previous = block.previous_word(m.start()).rstrip(".,")
    if m["weekday"]:
        context = capitalised(m["weekday"])
    elif m["sep"] == "-":
        context = previous == "on"
    else:
        context = previous in words.numeric_date_cues or _alone_on_line(block.text, m.start(), m.end())
    if not context:
        return None
    day_number_, month = (first, second) if first > MONTHS_IN_YEAR else (second, first)
    ref = block.reference
    if ref is None:
        return tp.unresolved("day"), m.start()
    day = block.day(month, day_number_, ref, m.start("first"), m.end())
    return (tp.to_info(tp.day_period(day), reference=ref), m.start()) if day else None


def numeric_month_year(m: re.Match[str], block: Block) -> Found | None:
    """"2/2013", "in 11/2024": a month and its four-digit year, when a time word comes before it ("in", "since",
    "dated") or it stands alone on its line; "Regulation No. 3/2020", "Law 7/2012" are numbers of a text."""
    words = block.words
    previous = block.previous_word(m.start()).rstrip(".,")
    if previous in words.non_year_before or block.next_word(m.end()) in words.non_year_after:
        return None
    context = previous in words.numeric_date_cues or previous in words.year_prepositions
    if not (context or _alone_on_line(block.text, m.start(), m.end())):
        return None
    return tp.to_info(tp.month_period(int(m["year"]), int(m["month"]))), m.start()


def spaced_stamp(m: re.Match[str], block: Block) -> Found | None:
    """A page's date stamp written with a space after its dots, first on its line (bullets aside): "12.11. 2025"
    (day first, as dotted dates are, unless only the first part can be a month), "2023. 7. 7. 09:54" (the year
    first, then month and day). Elsewhere in a line such a run is more likely a number closing one sentence and
    a year opening the next ("rose 4.12. 2024 was")."""
    if _LINE_START.search(block.text, max(0, m.start() - LINE_REACH), m.start()) is None:
        return None
    first, second, year = int(m["first"]), int(m["second"]), int(m["year"])
    if block.text[m.start() : m.start() + len(m["year"])] == m["year"]:  # year first: the month, then the day
        day = tp.real_day(year, first, second)
    elif first > MONTHS_IN_YEAR or second <= MONTHS_IN_YEAR:
        day = tp.real_day(year, second, first)
    else:
        day = tp.real_day(year, first, second)
    if day is None:
        return None
    if m["hour"] is not None:
        return tp.to_info(tp.minute_period(day, int(m["hour"]), int(m["minute"]))), m.start()
    return tp.to_info(tp.day_period(day)), m.start()
