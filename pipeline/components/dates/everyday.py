"""Everyday phrasing of dates: named days ("Christmas", "last Thanksgiving", "Labor Day 2012"), the
n-th weekday or day of a month ("the first Tuesday of October", "the last day of March"), "the day
after tomorrow", "Friday after next", "Tuesday of next week", "in three weeks", "two years from now".

Each normaliser takes a regex match of ``forms.FORMS`` and its block and returns ``(info, start)``
or None when it is no date. A year-less mention takes the occurrence nearest the reference (SPEC §3);
"last"/"next" take the one strictly before/after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from pipeline.components.dates.block import Block, Found, capitalised, day_number
from pipeline.components.dates.days import year_of_month
from pipeline.text import temporal as tp

MAX_NTH_WEEKDAY = 5
MAX_COUNT = 100
DAYS_IN_WEEK = 7
# A capitalised word right after a holiday's name makes it part of a proper name ("Christmas Island").
_NAME_GOES_ON = re.compile(r"[ \t]+([A-Z][a-z]+)")
# Words before "in three weeks" that make it a span of time, not a point ("the first time in two years").
_IN = "in "  # the preposition the form's look-behind requires ("in three weeks"), outside the span
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")


def _deictic_word(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else ""


def _occurrence(make: Callable[[int], date | None], ref: date, word: str) -> date | None:
    """The day ``make(year)`` that "last"/"this past" (strictly before ``ref``), "next"/"this coming"
    (strictly after) or "this" (in ``ref``'s year) names."""
    if word == "this":
        return make(ref.year)
    days = [d for year in range(ref.year - 2, ref.year + 3) if (d := make(year)) is not None]
    if word in ("last", "this past"):
        return max((d for d in days if d < ref), default=None)
    return min((d for d in days if d > ref), default=None)


def holiday(m: re.Match[str], block: Block) -> Found | None:
    """"Christmas", "last Mother's Day", "Thanksgiving of next year", "Labor Day 2012", "the ides of March"."""
    calendar = block.words.holidays
    found = calendar.find(m["name"]) if calendar is not None else None
    if calendar is None or found is None:
        return None
    follower = _NAME_GOES_ON.match(block.text, m.end("name"))
    if follower and not m["year"] and not m["ydeictic"] and block.words.month(follower.group(1)) is None:
        return None

    def make(year: int) -> date | None:
        return calendar.day_in(found, year)

    year_text = m["year"] or m["year2"]
    if year_text:
        day = make(int(year_text))
        return (tp.to_info(tp.day_period(day)), m.start()) if day else None
    ref = block.reference
    if ref is None:
        return tp.unresolved("day"), m.start()
    if m["ydeictic"]:
        day = make(ref.year + block.words.lexicon.deictics[m["ydeictic"].lower()])
    elif m["deictic"]:
        day = _occurrence(make, ref, _deictic_word(m["deictic"]))
    else:
        day = tp.nearest_in_years(make, ref, block.side(m.start(), m.end()))
    return (tp.to_info(tp.day_period(day), reference=ref), m.start()) if day else None


def _nth(word: str, block: Block) -> int:
    """1 for "first"/"1st", -1 for "last"/"final"."""
    lowered = word.lower()
    if lowered in ("last", "final"):
        return -1
    return block.words.lexicon.day_ordinals.get(lowered) or day_number(lowered)


def nth_of_month(m: re.Match[str], block: Block) -> Found | None:
    """"the first Tuesday of October", "the last Monday in March 2026", "the third day of October"."""
    month = block.words.month(m["month"])
    if month is None:
        return None
    nth = _nth(m["ord"], block)
    weekday = None if m["what"].lower() == "day" else block.words.weekdays.get(m["what"].lower().rstrip("."))
    if m["what"].lower() != "day" and (weekday is None or nth > MAX_NTH_WEEKDAY):
        return None
    resolved = year_of_month(m, block, month)
    if resolved is None:
        return tp.unresolved("day"), m.start()
    year, used = resolved
    if weekday is not None:
        day = tp.nth_weekday(year, month, weekday, nth)
    elif nth == -1:
        day = tp.real_day(year, month, tp.last_day(year, month))
    else:
        day = tp.real_day(year, month, nth)
    return (tp.to_info(tp.day_period(day), reference=used), m.start()) if day else None


def _weekday_ok(written: str) -> bool:
    """A weekday written capitalised, or as a full lower-case name ("friday", not "sun")."""
    return capitalised(written) or len(written) > 4


def after_next(m: re.Match[str], block: Block) -> Found | None:
    """"Friday after next" (a week after next Friday), "March after next" (a year after next March)."""
    name = m["name"].lower().rstrip(".")
    weekday = block.words.weekdays.get(name)
    month = block.words.month(name) if weekday is None else None
    if (weekday is None and month is None) or not _weekday_ok(m["name"]):
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("day" if weekday is not None else "month"), m.start()
    if weekday is not None:
        day = tp.weekday_date(weekday, ref, offset=1) + timedelta(days=DAYS_IN_WEEK)
        return tp.to_info(tp.day_period(day), reference=ref), m.start()
    assert month is not None
    year = (ref.year if month > ref.month else ref.year + 1) + 1
    return tp.to_info(tp.month_period(year, month), reference=ref), m.start()


def day_after(m: re.Match[str], block: Block) -> Found | None:
    """"the day after tomorrow", "the day before yesterday" ("the" stays outside the span)."""
    ref = block.reference
    if ref is None:
        return tp.unresolved("day"), m.start()
    step = 1 if m["side"].lower() == "after" else -1
    offset = block.words.lexicon.relative_days[m["rel"].lower()] + step
    return tp.to_info(tp.day_period(ref + timedelta(days=offset)), reference=ref), m.start()


def weekday_of_week(m: re.Match[str], block: Block) -> Found | None:
    """"Tuesday of this week", "Monday next week", "Friday last week": that day of that ISO week."""
    weekday = block.words.weekdays.get(m["weekday"].lower().rstrip("."))
    if weekday is None or not _weekday_ok(m["weekday"]):
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("day"), m.start()
    week = tp.deictic_period(ref, "week", block.words.lexicon.deictics[m["deictic"].lower()])
    return tp.to_info(tp.day_period(week.start + timedelta(days=weekday)), reference=ref), m.start()


def _count(word: str, block: Block) -> int | None:
    count = int(word) if word.isdigit() else block.words.lexicon.numbers.get(word.lower())
    return count if count and count <= MAX_COUNT else None


def _shifted(base: date, unit: str, count: int, *, day_grain: bool, ref: date) -> Found | None:
    """The day ``count`` units from ``base``, at day grain for days and weeks (or when ``day_grain``)."""
    try:
        day = tp.shift_day(base, unit, count)
    except (ValueError, OverflowError):
        return None
    if not tp.MIN_YEAR <= day.year <= tp.MAX_YEAR:
        return None
    period = tp.day_period(day) if day_grain or unit in ("day", "week") else tp.period_of(day, unit)
    return tp.to_info(period, reference=ref), 0


def in_units(m: re.Match[str], block: Block) -> Found | None:
    """"(it opens) in three weeks", "in a month's time": a point ahead of the reference, only in a
    future clause or opening a sentence ("the highest in two years" is a span of time, no date)."""
    unit = block.words.lexicon.units.get(m["unit"].lower())
    count = _count(m["count"], block)
    if unit is None or count is None:
        return None
    opening = _SENTENCE_START.search(block.text, 0, max(0, m.start() - len(_IN)))
    if opening is None and block.tense(m.start(), m.end()) not in ("future", "later"):
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("day" if unit in ("day", "week") else _granularity(unit)), m.start()
    found = _shifted(ref, unit, count, day_grain=False, ref=ref)
    return (found[0], m.start()) if found else None


def units_from(m: re.Match[str], block: Block) -> Found | None:
    """"three weeks from now", "two years hence", "3 years from today" (a day: it counts from a day)."""
    unit = block.words.lexicon.units.get(m["unit"].lower())
    count = _count(m["count"], block)
    if unit is None or count is None:
        return None
    ref = block.reference
    anchor = (m["rel"] or "").lower()
    if ref is None:
        return tp.unresolved("day" if anchor or unit in ("day", "week") else _granularity(unit)), m.start()
    base = ref + timedelta(days=block.words.lexicon.relative_days[anchor]) if anchor else ref
    found = _shifted(base, unit, count, day_grain=bool(anchor), ref=ref)
    return (found[0], m.start()) if found else None


def _granularity(unit: str) -> str:
    return "year" if unit == "decade" else unit
