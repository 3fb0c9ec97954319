"""Normalisers of days and day ranges: "2026-03-15", "January 1, 2026", "5-12 January", "on the 21st"
(weeks: ``weeks.py``).

Each takes a regex match and its block and returns ``(info, start)`` or None when it is no date.
A year-less day takes the year that puts it nearest the reference (SPEC §3).
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.components.dates.block import (
    Block,
    Found,
    capital_abbreviation,
    capitalised,
    clock_hour,
    day_number,
    month_pair,
)
from pipeline.components.dates.numeric import TWO_DIGIT_FUTURE
from pipeline.text import nearest_dates as nd
from pipeline.text import temporal as tp

# Words before a day number that make "2 May" a date.
DAY_PREPOSITIONS = frozenset({"on", "by", "from", "since", "until", "till", "before", "after"})

THURSDAY = 3
# A leap year, to tell "February 29" (a real day in some year) from "February 30" (never).
LEAP_YEAR = 2024
# A dateline: "WINDHOEK, 20 MAY (NAMPA) –", "PERTH, 3 May -": a place in capitals and a comma before the day,
# an agency in brackets or a dash after the month.
DATELINE_PLACE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'/-]+,[ \t]*$")
DATELINE_AFTER = re.compile(r"[ \t]*(?:\(|[-–—])")
DATELINE_REACH = 40


def iso_day(m: re.Match[str], block: Block) -> Found | None:
    """"2026-03-15", "2025/12/11", "2026-11-10T09:30"."""
    day = tp.real_day(int(m["year"]), int(m["month"]), int(m["day"]))
    if day is None:
        return None
    if m["hour"] is not None:
        hour = clock_hour(int(m["hour"]), m["ampm"])
        if hour is not None:
            return tp.to_info(tp.minute_period(day, hour, int(m["minute"]))), m.start()
    return tp.to_info(tp.day_period(day)), m.start()


def month_day(m: re.Match[str], block: Block) -> Found | None:
    """"January 1, 2026", "Monday, January 19, 2026 16:05", "Dec. 11"."""
    return _day_mention(m, block, may_without_year=True)


def day_month(m: re.Match[str], block: Block) -> Found | None:
    """"5 January 2026", "3rd of November"; a year-less "1 May" is left alone (a verb or a name)."""
    return _day_mention(m, block, may_without_year=False)


def lower_case_day_ok(m: re.Match[str], block: Block) -> bool:
    """"march 3", "14 october 2024": a lower-case month with a day is a date, unless it is the verb
    "may" without a year or a unit follows ("march 3 km")."""
    name = m["month"].lower().rstrip(".")
    if name == "may" and not m["year"]:
        return False
    return block.next_word(m.end()) not in block.words.non_year_after


def _day_mention(m: re.Match[str], block: Block, *, may_without_year: bool) -> Found | None:
    month = block.words.month(m["month"])
    if month is None or not (capitalised(m["month"]) or lower_case_day_ok(m, block)):
        return None
    number = day_number(m["day"])
    groups = m.groupdict()
    short_year = groups.get("short_year") or groups.get("short_year2") or groups.get("table_year")
    year_text = m["year"] or short_year
    if groups.get("comma") and not year_text:  # "31, Oct. 2019" only with its year
        return None
    if short_year and block.next_word(m.end()) in block.words.non_year_after:
        return None  # "3-May-50 units": the number counts something
    if year_text:
        year = _table_year(year_text, block) if groups.get("table_year") else tp.expand_year(year_text)
        day = tp.real_day(year, month, number)
        if day is None:
            return None
        if groups.get("hour") is not None:
            hour = clock_hour(int(m["hour"]), groups.get("ampm"))
            if hour is None:
                return None
            return tp.to_info(tp.minute_period(day, hour, int(m["minute"]))), m.start()
        return tp.to_info(tp.day_period(day)), m.start()
    if tp.real_day(LEAP_YEAR, month, number) is None:
        return None
    if not may_without_year and m["month"].lower().rstrip(".") == "may" and not _day_of_may(m, block):
        return None
    if capital_abbreviation(m["month"]) and "of" in block.text[m.end("day") : m.start("month")].split():
        return None  # "Article 17 of MAR": "of" before an upper-case short month without a year joins an acronym
    ref = block.reference
    if ref is None:
        return tp.unresolved("day"), m.start()
    day = block.day(month, number, ref, m.start(), m.end())
    if day is None:
        return None
    weekday = groups.get("weekday") or groups.get("weekday2")
    if weekday and block.words.weekdays.get(weekday.lower().rstrip(".")) != day.weekday():
        day = _year_of_weekday(day, block.words.weekdays.get(weekday.lower().rstrip(".")), ref) or day
    return tp.to_info(tp.day_period(day), reference=ref), m.start()


def _table_year(written: str, block: Block) -> int:
    """The two-digit year of "31-Oct-74", read as a numeric date's (``numeric.numeric_day``): more than
    ``TWO_DIGIT_FUTURE`` years after the reference it is of the century before (1974 in 2013)."""
    year = tp.expand_year(written)
    if block.reference is not None and year > block.reference.year + TWO_DIGIT_FUTURE:
        year -= 100
    return year


def _day_of_may(m: re.Match[str], block: Block) -> bool:
    """"on 2 May", "the 2nd of May": a capitalised "May" after a day is the month when the day is an ordinal, "of"
    joins them, or a date preposition stands before the day (not "Level 2 May apply")."""
    if m["month"] in ("May", "MAY") and _in_dateline(m, block):
        return True  # "WINDHOEK, 20 MAY (NAMPA) –"
    if m["month"] != "May":
        return False
    between = block.text[m.end("day") : m.start("month")]
    return (m["day"][-2:].lower() in ("st", "nd", "rd", "th") or "of" in between.split()
            or block.previous_word(m.start("day")) in DAY_PREPOSITIONS)


def _in_dateline(m: re.Match[str], block: Block) -> bool:
    """A day and month between a capitalised place and a comma before, and a bracketed agency or a dash after."""
    return (DATELINE_PLACE.search(block.text, max(0, m.start() - DATELINE_REACH), m.start()) is not None
            and DATELINE_AFTER.match(block.text, m.end()) is not None)


def _year_of_weekday(day: date, weekday: int | None, ref: date) -> date | None:
    """"Fri, Jul 18" without a year: the year nearest the reference in which that day is that weekday."""
    if weekday is None:
        return None
    found = [d for shift in range(-6, 7) if (d := tp.real_day(ref.year + shift, day.month, day.day)) is not None
             and d.weekday() == weekday]
    return min(found, key=lambda d: abs((d - ref).days)) if found else None


def day_range(m: re.Match[str], block: Block) -> Found | None:
    """"December 10-12, 2025", "January 5 to 12", "between March 5 and 8": an interval of days ("and" only after
    "between")."""
    if m["sep"].lower() == "and" and block.previous_word(m.start()) != "between":
        return None
    month = block.words.month(m["month"])
    if month is None or not (capitalised(m["month"]) or lower_case_day_ok(m, block)):
        return None
    first_day, last_day = day_number(m["day"]), day_number(m["day2"])
    if last_day <= first_day:
        return None
    ref = block.reference
    used: date | None
    if m["year"]:
        year, used = int(m["year"]), None
    elif ref is None:
        return tp.unresolved("day"), m.start()
    else:
        anchor = block.day(month, first_day, ref, m.start(), m.end())
        if anchor is None:
            return None
        year, used = anchor.year, ref
    first, last = tp.real_day(year, month, first_day), tp.real_day(year, month, last_day)
    if first is None or last is None:
        return None
    period = tp.interval(tp.day_period(first), tp.day_period(last))
    return (tp.to_info(period, reference=used), m.start()) if period else None


def day_month_range(m: re.Match[str], block: Block) -> Found | None:
    """"5-12 January 2026", "from 5 to 12 January", "between 5 and 12 January 2026"."""
    return day_range(m, block)


def cross_month_range(m: re.Match[str], block: Block) -> Found | None:
    """"May 15 to June 11", "between May 15 and June 11, 2013", "Dec 28, 2025 - Jan 3, 2026": an interval of days
    across months ("and" only after "between", as for months and years)."""
    months = month_pair(m, block)
    if months is None:
        return None
    return _days_across(m, block, *months)


def day_first_range(m: re.Match[str], block: Block) -> Found | None:
    """"30 January – 5 February", "28 December 2025 to 3 January 2026", and with its month written twice "12 March
    – 18 March": an interval of days written day first (a weekly column's title, a British report)."""
    months = month_pair(m, block)
    if months is None:
        first, second = block.words.month(m["month"]), block.words.month(m["month2"])
        if first is None or first != second or not (capitalised(m["month"]) and capitalised(m["month2"])):
            return None
        if m["sep"].lower() == "and" and block.previous_word(m.start()) != "between":
            return None
        months = (first, second)
    return _days_across(m, block, *months)


def _days_across(m: re.Match[str], block: Block, first_month: int, last_month: int) -> Found | None:
    first_day, last_day = day_number(m["day"]), day_number(m["day2"])
    ref = block.reference
    used: date | None = None
    if m["year2"] or m["year"]:
        wrap = 1 if first_month > last_month else 0
        first_year = int(m["year"]) if m["year"] else int(m["year2"]) - wrap
        last_year = int(m["year2"]) if m["year2"] else first_year + wrap
    elif ref is None:
        return tp.unresolved("day"), m.start()
    else:
        anchor = block.day(first_month, first_day, ref, m.start(), m.end())
        if anchor is None:
            return None
        first_year, used = anchor.year, ref
        last_year = first_year + (1 if first_month > last_month else 0)
    first, last = tp.real_day(first_year, first_month, first_day), tp.real_day(last_year, last_month, last_day)
    if first is None or last is None or last <= first:
        return None
    period = tp.interval(tp.day_period(first), tp.day_period(last))
    return (tp.to_info(period, reference=used), m.start()) if period else None


# ----------------------------------------------------------------- issue 13 forms

# Words after "on the 21st" that keep it a day of the month ("on the 21st at noon").
# "announced on the 7th that", "signed on the 26th for", "on the 3rd in Seoul" too; "the 5th floor" stays out.
ORDINAL_DAY_NEXT = frozenset({"", "at", "and", "or", "to", "through", "until", "when", "as", "of", "'s", "’s",
                              "that", "for", "in", "with", "from", "by", "after", "before", "the"})
_OF_MONTH = re.compile(r"\s+of\s+(?:this|the|next|last)\s+month\b", re.IGNORECASE)


def glued_month_day(m: re.Match[str], block: Block) -> Found | None:
    """"Feb13", "Wed, Feb13", "Feb13, 2013": a month glued to its day, only with a weekday before, a
    year after or a time word before ("on Feb13"): alone it reads as a contract month ("the Dec24
    contract")."""
    if not (m["weekday"] or m["year"] or block.previous_word(m.start()) in block.words.numeric_date_cues):
        return None
    return _day_mention(m, block, may_without_year=True)


def _ordinal_value(text: str, block: Block) -> int:
    word = text.lower()
    return block.words.lexicon.day_ordinals.get(word) or day_number(word)


def ordinal_day(m: re.Match[str], block: Block) -> Found | None:
    """"on the 21st", "Friday the 7th", "Tue 19th": a day of the month, the weekday (when given)
    choosing among the months nearest the reference."""
    following = block.next_word(m.end())
    if following not in ORDINAL_DAY_NEXT and following.isalpha():
        return None
    if following == "of" and not _OF_MONTH.match(block.text, m.end()):
        return None
    weekday_text = m["weekday"]
    if weekday_text and not capitalised(weekday_text) and len(weekday_text) <= 4:
        return None
    number = _ordinal_value(m["day"], block)
    ref = block.reference
    start = m.start() if weekday_text else m.start("day")  # "on the" stays outside the span
    if ref is None:
        return tp.unresolved("day"), start
    weekday = block.words.weekdays.get(weekday_text.lower().rstrip(".")) if weekday_text else None
    day = nd.nearest_day_of_month(number, ref, block.side(m.start(), m.end()), weekday=weekday)
    if day is None:
        return None
    return tp.to_info(tp.day_period(day), reference=ref), start


def month_ordinal(m: re.Match[str], block: Block) -> Found | None:
    """"March third", "February the 15th", "the first of March", "March third 2015"."""
    month = block.words.month(m["month"])
    if month is None or not (capitalised(m["month"]) or lower_case_day_ok(m, block)):
        return None
    if m["month"].lower().rstrip(".") == "may" and not m["year"] and m["month"] != "May":
        return None
    number = _ordinal_value(m["day"], block)
    if m["year"]:
        day = tp.real_day(int(m["year"]), month, number)
        return (tp.to_info(tp.day_period(day)), m.start()) if day else None
    if tp.real_day(LEAP_YEAR, month, number) is None:
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("day"), m.start()
    day = block.day(month, number, ref, m.start(), m.end())
    return (tp.to_info(tp.day_period(day), reference=ref), m.start()) if day else None


def year_of_month(m: re.Match[str], block: Block, month: int) -> tuple[int, date | None] | None:
    """The year of a month named in ``m``: the year written with it (no reference used), else the year that
    puts it nearest the block's reference, read with the clause's tense; None when there is no reference."""
    if m["year"]:
        return int(m["year"]), None
    ref = block.reference
    if ref is None:
        return None
    return nd.nearest_month(month, ref, block.side(m.start(), m.end())).start.year, ref
