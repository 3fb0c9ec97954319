"""Which occurrence a year-less name denotes: the day, month, quarter, half or weekday nearest a reference day.

A news text names "June 3", "the third quarter" or "Tuesday" without a year or week; SPEC §3 reads it as the
occurrence nearest the article's reference day, the clause's tense breaking ties (``temporal.Tense``). The
periods themselves and the calendar arithmetic are in ``pipeline.text.temporal``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from pipeline.text.temporal import Period, Tense, add_months, half_period, month_period, quarter_period, real_day


def _nearest(candidates: list[tuple[int, int]], target: int, tense: Tense | None) -> int:
    """Pick the candidate key nearest ``target``; a tie goes to the tense (past by default).

    A clear tense also rules out candidates on the wrong side of the target
    ("extended the halt in June", published in January, is the last June).
    """
    if tense == "past":
        candidates = [item for item in candidates if item[0] <= target] or candidates
    elif tense == "future":
        candidates = [item for item in candidates if item[0] >= target] or candidates
    forward = tense in ("future", "later")
    best = min(candidates, key=lambda item: (abs(item[0] - target), -item[0] if forward else item[0]))
    return best[1]


def nearest_in_years(make: Callable[[int], date | None], reference: date, tense: Tense | None = None) -> date | None:
    """The day ``make(year)`` (None when that year has none) nearest ``reference`` over the years either
    side of it: a year-less date or a holiday without its year (SPEC: the nearest date)."""
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        found = make(year)
        if found is not None:
            options.append(((found - reference).days, year))
    return make(_nearest(options, 0, tense)) if options else None


def nearest_day(month: int, day: int, reference: date, tense: Tense | None = None) -> date | None:
    """The ``month``/``day`` whose year puts it nearest ``reference`` (SPEC: year-less dates)."""
    return nearest_in_years(lambda year: real_day(year, month, day), reference, tense)


def nearest_day_of_month(day: int, reference: date, tense: Tense | None = None, *, weekday: int | None = None) -> date | None:
    """Day ``day`` of the month nearest ``reference`` ("on the 21st"); with ``weekday`` ("Friday
    the 7th") only months in which that day falls on that weekday count, up to a year either side."""
    reach = 12 if weekday is not None else 1
    options = []
    for shift in range(-reach, reach + 1):
        year, month = add_months(reference.year, reference.month, shift)
        found = real_day(year, month, day)
        if found is not None and (weekday is None or found.weekday() == weekday):
            options.append(((found - reference).days, shift))
    if not options:
        return None
    year, month = add_months(reference.year, reference.month, _nearest(options, 0, tense))
    return date(year, month, day)


def nearest_month(month: int, reference: date, tense: Tense | None = None) -> Period:
    target = reference.year * 12 + reference.month - 1
    options = [(year * 12 + month - 1, year) for year in (reference.year - 1, reference.year, reference.year + 1)]
    return month_period(_nearest(options, target, tense), month)


def nearest_quarter(quarter: int, reference: date, tense: Tense | None = None) -> Period:
    target = reference.year * 4 + (reference.month - 1) // 3
    options = [(year * 4 + quarter - 1, year) for year in (reference.year - 1, reference.year, reference.year + 1)]
    return quarter_period(_nearest(options, target, tense), quarter)


def nearest_half(half: int, reference: date, tense: Tense | None = None) -> Period:
    target = reference.year * 2 + (0 if reference.month <= 6 else 1)
    options = [(year * 2 + half - 1, year) for year in (reference.year - 1, reference.year, reference.year + 1)]
    return half_period(_nearest(options, target, tense), half)


def weekday_date(weekday: int, reference: date, *, tense: Tense | None = None, offset: int | None = None) -> date:
    """The day named by a weekday (0 = Monday).

    ``offset`` -1/0/1 is "last/this/next <weekday>" (strictly before, in the
    reference's week, strictly after); without it the tense decides: the
    nearest such day on or before the reference, or on or after it for the future.
    """
    if offset == 0:
        return reference + timedelta(days=weekday - reference.weekday())
    if offset == 1 or (offset is None and tense in ("future", "later")):
        ahead = (weekday - reference.weekday()) % 7
        if offset == 1 and ahead == 0:
            ahead = 7
        return reference + timedelta(days=ahead)
    back = (reference.weekday() - weekday) % 7
    if offset == -1 and back == 0:
        back = 7
    return reference - timedelta(days=back)
