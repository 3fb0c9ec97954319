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
from pipeline.components.dates.days import THURSDAY, year_of_month
from pipeline.text import nearest_dates as nd
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
    if not m["ydeictic"] and _proper_name_goes_on(m, block):
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
        day = nd.nearest_in_years(make, ref, block.side(m.start(), m.end()))
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
        day = nd.weekday_date(weekday, ref, offset=1) + timedelta(days=DAYS_IN_WEEK)
        return tp.to_info(tp.day_period(day), reference=ref), m.start()
    assert month is not None
    year = (ref.year if month > ref.month else ref.year + 1) + 1
    return tp.to_info(tp.month_period(year, month), reference=ref), m.start()


def unit_after_next(m: re.Match[str], block: Block) -> Found | None:
    """"the week after next", "the year before last": the period two on from (back from) the reference's one."""
    ref = block.reference
    unit = m["unit"].lower()
    if ref is None:
        return tp.unresolved(unit), m.start()
    step = 2 if m["side"].lower().startswith("after") else -2
    return tp.to_info(tp.deictic_period(ref, unit, step), reference=ref), m.start()


def nth_of_period(m: re.Match[str], block: Block) -> Found | None:
    """"the first Monday of next month", "the last day of the month", "the third day of this year", "the second week
    of next month": the n-th day (weekday, week) of the month or year the deictic word names ("the": the reference's
    own)."""
    nth = _nth(m["ord"], block)
    what = m["what"].lower().rstrip(".")
    # "the second week of next month": the ISO week holding the month's second Thursday (as for a named month)
    weekday = THURSDAY if what == "week" else None if what == "day" else block.words.weekdays.get(what)
    if what != "day" and (weekday is None or nth > MAX_NTH_WEEKDAY or what != "week" and not _weekday_ok(m["what"])):
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("day"), m.start()
    unit = m["unit"].lower()
    period = tp.deictic_period(ref, unit, block.words.lexicon.deictics.get(m["deictic"].lower(), 0))
    day: date | None
    if unit == "month":
        year, month = period.start.year, period.start.month
    else:  # of a year: counted from January 1 (a weekday in January), or back from December 31 for "last"
        year, month = period.start.year, 12 if nth == -1 else 1
    if weekday is not None:
        day = tp.nth_weekday(year, month, weekday, nth)
        if what == "week" and day is not None:
            return tp.to_info(tp.week_period(day), reference=ref), m.start()
    elif nth == -1:
        day = period.end
    else:
        day = period.start + timedelta(days=nth - 1)
        day = day if day <= period.end else None
    return (tp.to_info(tp.day_period(day), reference=ref), m.start()) if day else None


def day_of_period(m: re.Match[str], block: Block) -> Found | None:
    """"the 22nd of next month", "the fifth of this month", "the 3rd of the previous month": that day of the month
    the deictic word names."""
    written = m["day"].lower()
    number = block.words.lexicon.day_ordinals.get(written) or day_number(written)
    ref = block.reference
    if ref is None:
        return tp.unresolved("day"), m.start()
    month = tp.deictic_period(ref, "month", block.words.lexicon.deictics.get(m["deictic"].lower(), 0)).start
    day = tp.real_day(month.year, month.month, number)
    return (tp.to_info(tp.day_period(day), reference=ref), m.start()) if day else None


def day_after(m: re.Match[str], block: Block) -> Found | None:
    """"the day after tomorrow", "the day before yesterday", "the day after Christmas" ("the" stays outside the
    span); a named day without its year is the occurrence nearest the reference, as alone."""
    step = 1 if m["side"].lower() == "after" else -1
    if m["name"]:
        return _day_beside_holiday(m, block, "day", step)
    ref = block.reference
    if ref is None:
        return tp.unresolved("day"), m.start()
    offset = block.words.lexicon.relative_days[m["rel"].lower()] + step
    return tp.to_info(tp.day_period(ref + timedelta(days=offset)), reference=ref), m.start()


def _day_beside_holiday(m: re.Match[str], block: Block, unit: str, count: int) -> Found | None:
    """The day ``count`` units from the named day of ``m`` (its year written, else the occurrence nearest the
    reference)."""
    calendar = block.words.holidays
    named = calendar.find(m["name"]) if calendar is not None else None
    if calendar is None or named is None or _proper_name_goes_on(m, block):
        return None
    ref = block.reference
    if m["year"]:
        day, used = calendar.day_in(named, int(m["year"])), None
    elif ref is None:
        return tp.unresolved("day"), m.start()
    else:
        day = nd.nearest_in_years(lambda year: calendar.day_in(named, year), ref, block.side(m.start(), m.end()))
        used = ref
    moved = _moved(day, unit, count) if day is not None else None
    return (tp.to_info(tp.day_period(moved), reference=used), m.start()) if moved else None


def _proper_name_goes_on(m: re.Match[str], block: Block) -> bool:
    """A capitalised word (no month) right after a year-less holiday's name: part of a proper name ("Christmas Island")."""
    follower = _NAME_GOES_ON.match(block.text, m.end("name"))
    return bool(follower and not m["year"] and block.words.month(follower.group(1)) is None)


def weekday_of_week(m: re.Match[str], block: Block) -> Found | None:
    """"Tuesday of this week", "Monday next week", "Friday from last week", "last week's Friday": that day of that
    ISO week."""
    written, deictic = (m["weekday"], m["deictic"]) if m["weekday"] else (m["weekday2"], m["deictic2"])
    weekday = block.words.weekdays.get(written.lower().rstrip("."))
    if weekday is None or not _weekday_ok(written):
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("day"), m.start()
    week = tp.deictic_period(ref, "week", block.words.lexicon.deictics[deictic.lower()])
    return tp.to_info(tp.day_period(week.start + timedelta(days=weekday)), reference=ref), m.start()


def _count(word: str, block: Block) -> int | None:
    count = int(word) if word.isdigit() else block.words.lexicon.numbers.get(word.lower())
    return count if count and count <= MAX_COUNT else None


def _units_counted(m: re.Match[str], block: Block) -> tuple[str, int] | None:
    """The unit and number of units of a ``{count} {unit}`` match ("a couple of weeks": week, 2; "a fortnight": week, 2)."""
    named = block.words.unit_of(m["unit"])
    if m["noun"]:
        count: int | None = block.words.lexicon.count_nouns.get(m["noun"].lower())
    else:
        count = _count(m["count"], block)
    if named is None or count is None:
        return None
    unit, factor = named
    return unit, count * factor


def _moved(base: date, unit: str, count: int) -> date | None:
    """The day ``count`` units from ``base``, None out of the years dates may have."""
    try:
        day = tp.shift_day(base, unit, count)
    except (ValueError, OverflowError):
        return None
    return day if tp.MIN_YEAR <= day.year <= tp.MAX_YEAR else None


def _shifted(base: date, unit: str, count: int, *, day_grain: bool, ref: date) -> Found | None:
    """The day ``count`` units from ``base``, at day grain for days and weeks (or when ``day_grain``)."""
    day = _moved(base, unit, count)
    if day is None:
        return None
    # "in a decade" is the year ten years on, not the decade that year falls in
    period = tp.day_period(day) if day_grain or unit in ("day", "week") else tp.period_of(day, _granularity(unit))
    return tp.to_info(period, reference=ref), 0


def in_units(m: re.Match[str], block: Block) -> Found | None:
    """"(it opens) in three weeks", "in a month's time", "in a fortnight": a point ahead of the reference, only in a
    future clause or opening a sentence ("the highest in two years" is a span of time, no date)."""
    counted = _units_counted(m, block)
    if counted is None:
        return None
    unit, count = counted
    opening = _SENTENCE_START.search(block.text, 0, max(0, m.start() - len(_IN)))
    if opening is None and block.tense(m.start(), m.end()) not in ("future", "later"):
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("day" if unit in ("day", "week") else _granularity(unit)), m.start()
    found = _shifted(ref, unit, count, day_grain=False, ref=ref)
    return (found[0], m.start()) if found else None


def units_from(m: re.Match[str], block: Block) -> Found | None:
    """"three weeks from now", "two years hence", "3 years from today" (a day: it counts from a day), "a couple of
    weeks from now"."""
    counted = _units_counted(m, block)
    if counted is None:
        return None
    unit, count = counted
    ref = block.reference
    anchor = (m["rel"] or "").lower()
    if ref is None:
        return tp.unresolved("day" if anchor or unit in ("day", "week") else _granularity(unit)), m.start()
    base = ref + timedelta(days=block.words.lexicon.relative_days[anchor]) if anchor else ref
    found = _shifted(base, unit, count, day_grain=bool(anchor), ref=ref)
    return (found[0], m.start()) if found else None


def _granularity(unit: str) -> str:
    return "year" if unit == "decade" else unit
