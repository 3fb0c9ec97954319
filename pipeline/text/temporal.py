"""Pure calendar arithmetic for the date stage: periods, modifiers, resolution.

Nothing here touches spaCy: a mention is described by numbers (year, month,
quarter, ...) and resolved against an explicit reference day, so every rule
can be unit-tested on its own. The date component (``pipeline.components.dates``)
finds the mentions and calls these functions; which occurrence a year-less name
denotes ("June 3", "Tuesday") is ``pipeline.text.nearest_dates``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pipeline.schema.annotations import DateInfo

# "later" is a weak future ("said it would start"): it only breaks ties.
Tense = Literal["past", "future", "later"]
# Which occurrence a year-less name ("June 3", "Tuesday", "the third quarter", "Christmas") denotes:
# "nearest" the reference, the clause's tense breaking ties (SPEC §3, how news is written); the next
# one on or after it ("forward", how requests to an assistant are meant); the last one on or before it
# ("past", a log of what happened). A configured direction overrides the clause's tense.
Direction = Literal["nearest", "forward", "past"]
DIRECTIONS: tuple[Direction, ...] = ("nearest", "forward", "past")
# What "the past two weeks" / "the next three days" cover: the exact span from the reference back or on
# ("rolling", docs/annotation.md: how news counts "over the past two weeks", up to the day of writing), or
# whole calendar units before or after the one holding the reference ("calendar": reports, dashboards and
# assistants, where "the last two months" on 12 February are December and January).
Windows = Literal["rolling", "calendar"]
WINDOWS: tuple[Windows, ...] = ("rolling", "calendar")
GRANULARITY_RANK = {"minute": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "half": 5, "year": 6}
MONTH_SPANS = {"quarter": 3, "half": 6, "year": 12}
MIN_YEAR, MAX_YEAR = 1000, 9998
MIN_REFERENCE_YEAR, MAX_REFERENCE_YEAR = 1800, 2200


@dataclass(frozen=True)
class Period:
    """A calendar period: its ISO value, granularity and inclusive bounds."""

    value: str
    granularity: str
    start: date
    end: date
    decade: bool = False


def parse_reference(value: str | None) -> date | None:
    """The reference day of an ISO date or datetime string, or None when absent or invalid."""
    if not value or not isinstance(value, str):
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day if MIN_REFERENCE_YEAR <= day.year <= MAX_REFERENCE_YEAR else None


def expand_year(digits: str) -> int:
    """'2026' -> 2026; two-digit years are 20xx up to 79, else 19xx."""
    number = int(digits)
    if len(digits) >= 3:
        return number
    return 2000 + number if number <= 79 else 1900 + number


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def real_day(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (30 February)."""
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12 or not 1 <= day <= last_day(year, month):
        return None
    return date(year, month, day)


def day_period(day: date) -> Period:
    return Period(day.isoformat(), "day", day, day)


def minute_period(day: date, hour: int, minute: int) -> Period:
    return Period(f"{day.isoformat()}T{hour:02d}:{minute:02d}", "minute", day, day)


def week_period(day: date) -> Period:
    """The ISO week containing ``day`` (value ``2025-W49``)."""
    iso_year, week, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    return Period(f"{iso_year:04d}-W{week:02d}", "week", monday, monday + timedelta(days=6))


def week_ending(day: date) -> Period:
    """'the week to Friday': the seven days ending on ``day``, valued as the ISO week of ``day``."""
    return Period(week_period(day).value, "week", day - timedelta(days=6), day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n = -1`` is the last; None when out of range."""
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12 or n == 0:
        return None
    if n < 0:
        last = date(year, month, last_day(year, month))
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return found if found.month == month else None


def month_period(year: int, month: int) -> Period:
    return Period(f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last_day(year, month)))


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    last = date(year, first + 2, last_day(year, first + 2))
    return Period(f"{year:04d}-Q{quarter}", "quarter", date(year, first, 1), last)


def half_period(year: int, half: int) -> Period:
    first = 6 * (half - 1) + 1
    return Period(f"{year:04d}-H{half}", "half", date(year, first, 1), date(year, first + 5, last_day(year, first + 5)))


def year_period(year: int) -> Period:
    return Period(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def decade_period(first_year: int) -> Period:
    """The decade starting at ``first_year`` ("the 2020s") as the interval ``2020/2029``."""
    last = date(first_year + 9, 12, 31)
    return Period(f"{first_year:04d}/{first_year + 9:04d}", "year", date(first_year, 1, 1), last, decade=True)


def fiscal_year_period(year: int, start_month: int = 1, *, named_by_end: bool = True) -> Period:
    """Fiscal year ``year`` starting in ``start_month`` (value ``"2026"``).

    ``named_by_end``: FY2026 ends in 2026 (Australia Jul-Jun, India Apr-Mar);
    otherwise it starts in 2026 (Japan's "fiscal 2026" is Apr 2026 - Mar 2027).
    """
    if start_month == 1:
        return year_period(year)
    first_year = year - 1 if named_by_end else year
    last_year, last_month = add_months(first_year, start_month, 11)
    return Period(f"{year:04d}", "year", date(first_year, start_month, 1),
                  date(last_year, last_month, last_day(last_year, last_month)))


def fiscal_part_period(year: int, part: str, number: int, start_month: int = 1, *, named_by_end: bool = True) -> Period:
    """Quarter or half ``number`` of a fiscal year (value ``2026-Q3``, bounds from the fiscal calendar)."""
    fiscal = fiscal_year_period(year, start_month, named_by_end=named_by_end)
    size = MONTH_SPANS[part]
    first = add_months(fiscal.start.year, fiscal.start.month, size * (number - 1))
    last = add_months(first[0], first[1], size - 1)
    code = "Q" if part == "quarter" else "H"
    return Period(f"{year:04d}-{code}{number}", part, date(first[0], first[1], 1),
                  date(last[0], last[1], last_day(*last)))


def year_ending_period(year: int, month: int) -> Period:
    """'the year to March 2025': the twelve months ending with that month (value ``"2025"``)."""
    first = add_months(year, month, -11)
    return Period(f"{year:04d}", "year", date(first[0], first[1], 1), date(year, month, last_day(year, month)))


def rest_of(period: Period, reference: date) -> tuple[date, date]:
    """Bounds of 'the rest of <period>': from the reference day (when inside it) to its end."""
    return (max(period.start, reference), period.end) if reference <= period.end else (period.start, period.end)


def interval(first: Period, last: Period) -> Period | None:
    """``first/last`` at the coarser granularity; None when the bounds run backwards."""
    if last.end < first.start:
        return None
    granularity = max(first.granularity, last.granularity, key=GRANULARITY_RANK.__getitem__)
    return Period(f"{first.value}/{last.value}", granularity, first.start, last.end)


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """(year, month) ``count`` months after (or before, when negative) ``year``/``month``."""
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def shift_day(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` units (day, week, month, quarter, half, year), clamping the day of month."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = count * {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}[unit]
    year, month = add_months(day.year, day.month, months)
    return date(year, month, min(day.day, last_day(year, month)))


def period_of(day: date, unit: str) -> Period:
    """The period of ``unit`` that contains ``day``."""
    if unit == "day":
        return day_period(day)
    if unit == "week":
        return week_period(day)
    if unit == "month":
        return month_period(day.year, day.month)
    if unit == "quarter":
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if unit == "half":
        return half_period(day.year, 1 if day.month <= 6 else 2)
    if unit == "decade":
        return decade_period(day.year - day.year % 10)
    return year_period(day.year)


def deictic_period(reference: date, unit: str, offset: int) -> Period:
    """'this/last/next <unit>': the period ``offset`` units away from the one holding ``reference``."""
    return period_of(shift_day(reference, unit, offset), unit)


def rolling_period(reference: date, unit: str, count: int, *, forward: bool) -> Period:
    """'the past five years' / 'the next two months': the window between the reference and ``count`` units away."""
    other = shift_day(reference, unit, count if forward else -count)
    start, end = (reference, other) if forward else (other, reference)
    granularity = "day" if unit == "day" else unit
    if unit == "day":
        first, last = start.isoformat(), end.isoformat()
    elif unit == "decade":  # "the past two decades": a span of years ("2005/2025"), not of decade intervals
        first, last, granularity = f"{start.year:04d}", f"{end.year:04d}", "year"
    else:
        first, last = period_of(start, unit).value, period_of(end, unit).value
    return Period(f"{first}/{last}", granularity, start, end)


def calendar_window(reference: date, unit: str, count: int, *, forward: bool) -> Period:
    """'the last two months' as whole units: the ``count`` units before (or after) the one holding ``reference``."""
    steps = (1, count) if forward else (-count, -1)
    first, last = (period_of(shift_day(reference, unit, step), unit) for step in steps)
    if unit == "decade":  # a span of years ("1990/2009"), as the rolling window gives
        return Period(f"{first.start.year:04d}/{last.end.year:04d}", "year", first.start, last.end)
    if count == 1:
        return first
    return Period(f"{first.value}/{last.value}", first.granularity, first.start, last.end)


def modified_bounds(period: Period, modifier: str | None) -> tuple[date, date]:
    """Bounds of 'early/mid/late/start/end' of a period.

    Month-based periods split into thirds by months (early 2026 is January to
    April); "start"/"end" take the first/last month. Weeks
    split into thirds by days, months into 1-10, 11-20, 21-end. A decade
    splits by years. Days and minutes ignore the modifier.
    """
    start, end = period.start, period.end
    if modifier is None or period.granularity in ("day", "minute") or "/" in period.value and not period.decade:
        return start, end
    if period.decade:
        decade_start = start.year
        ranges = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "start": (0, 1), "end": (8, 9)}
        low, high = ranges[modifier]
        return date(decade_start + low, 1, 1), date(decade_start + high, 12, 31)
    if period.granularity in ("week", "month"):
        days = (end - start).days + 1
        cut = 10 if period.granularity == "month" else days // 3
        if modifier in ("early", "start"):
            return start, start + timedelta(days=cut - 1)
        if modifier == "mid":
            return start + timedelta(days=cut), start + timedelta(days=2 * cut - 1)
        return start + timedelta(days=2 * cut), end
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    cut = months // 3 if modifier in ("early", "mid", "late") else 1
    first: tuple[int, int]
    last: tuple[int, int]
    if modifier in ("early", "start"):
        first, last = (start.year, start.month), add_months(start.year, start.month, cut - 1)
    elif modifier == "mid":
        first = add_months(start.year, start.month, cut)
        last = add_months(start.year, start.month, 2 * cut - 1)
    else:
        first, last = add_months(end.year, end.month, -(cut - 1)), (end.year, end.month)
    return date(first[0], first[1], 1), date(last[0], last[1], last_day(*last))


def to_info(
    period: Period,
    *,
    modifier: str | None = None,
    fiscal: bool = False,
    reference: date | None = None,
    bounds: tuple[date, date] | None = None,
) -> DateInfo:
    """The ``DateInfo`` payload of a resolved period; ``reference`` set means it was resolved relatively."""
    start, end = bounds or modified_bounds(period, modifier)
    return DateInfo(
        timex=period.value,
        granularity=period.granularity,
        start_date=start.isoformat(),
        end_date=end.isoformat(),
        modifier=modifier,
        fiscal=fiscal,
        resolution="relative" if reference is not None else "absolute",
        reference=reference.isoformat() if reference is not None else None,
    )


def unresolved(granularity: str, *, modifier: str | None = None, fiscal: bool = False) -> DateInfo:
    """A relative mention with no reference day: timex and bounds are null."""
    return DateInfo(
        timex=None,
        granularity=granularity,
        start_date=None,
        end_date=None,
        modifier=modifier,
        fiscal=fiscal,
        resolution="unresolved",
        reference=None,
    )
