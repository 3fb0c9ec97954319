"""Normalisers of weeks: "the first week of March", "the week ended January 9", "the week of October 6th".

Each takes a regex match and its block and returns ``(info, start)`` or None when it is no week.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.components.dates.block import Block, Found, capitalised, day_number
from pipeline.components.dates.days import THURSDAY, year_of_month
from pipeline.text import nearest_dates as nd
from pipeline.text import temporal as tp

DAYS_IN_WEEK = 7


def week_of(m: re.Match[str], block: Block) -> Found | None:
    """"the first week of March", "the last week of october": the ISO week holding the month's first (or last)
    Thursday; a lower-case month only written in full ("week of" already makes it a month, "may" stays out)."""
    month = block.words.month(m["month"])
    if month is None or not (capitalised(m["month"]) or len(m["month"]) > 3 and m["month"].lower() in block.words.months):
        return None
    resolved = year_of_month(m, block, month)
    if resolved is None:
        return tp.unresolved("week"), m.start()
    year, used = resolved
    word = m["ord"].lower()
    nth = -1 if word in ("last", "final") else block.words.lexicon.ordinals[word]
    thursday = tp.nth_weekday(year, month, THURSDAY, nth)
    if thursday is None:
        return None
    return tp.to_info(tp.week_period(thursday), reference=used), m.start()


def week_to(m: re.Match[str], block: Block) -> Found | None:
    """"the week to Friday", "the week ended January 9": the seven days ending on that day."""
    ref = block.reference
    used: date | None = None
    if m["weekday"]:
        if not capitalised(m["weekday"]):
            return None
        if ref is None:
            return tp.unresolved("week"), m.start()
        last, used = nd.weekday_date(block.words.weekdays[m["weekday"].lower()], ref), ref
    else:
        month_text, day_text, year_text = (m["month"], m["day"], m["year"]) if m["month"] else (
            m["month2"], m["day2"], m["year2"])
        month = block.words.month(month_text)
        if month is None or not capitalised(month_text):
            return None
        number = day_number(day_text)
        if year_text:
            found = tp.real_day(int(year_text), month, number)
        elif ref is None:
            return tp.unresolved("week"), m.start()
        else:
            found, used = nd.nearest_day(month, number, ref, "past"), ref
        if found is None:
            return None
        last = found
    return tp.to_info(tp.week_ending(last), reference=used), m.start()


def week_of_day(m: re.Match[str], block: Block) -> Found | None:
    """"the week of October 6th", "the week of 3 March 2025": the ISO week holding that day, or the one it opens
    when it is a day that opens a week (``opening_week``)."""
    month_text, day_text = (m["month"], m["day"]) if m["month"] else (m["month2"], m["day2"])
    month = block.words.month(month_text)
    if month is None or not (capitalised(month_text) or month_text.lower() in block.words.months and len(month_text) > 3):
        return None
    number = day_number(day_text)
    ref = block.reference
    if m["year"]:
        day = tp.real_day(int(m["year"]), month, number)
        return (tp.to_info(tp.week_period(opening_week(day, block))), m.start()) if day else None
    if ref is None:
        return tp.unresolved("week"), m.start()
    day = block.day(month, number, ref, m.start(), m.end())
    return (tp.to_info(tp.week_period(opening_week(day, block)), reference=ref), m.start()) if day else None


def opening_week(day: date, block: Block) -> date:
    """A day of the week that "the week of <day>" names: the day itself, or for a day that opens a week in some
    calendar (the lexicon's ``week_opening_weekdays``: a Sunday opens the US week) the Monday of the working week it
    opens ("the week of Sunday 6 October" is 7-13 October; under ISO weeks alone a Sunday would close the week)."""
    if day.weekday() in block.words.lexicon.week_opening_weekdays:
        return day + timedelta(days=(DAYS_IN_WEEK - day.weekday()) % DAYS_IN_WEEK)
    return day
