"""Fiscal years: "FY2026", "FY25", "fiscal 2026", "FY2026-27 to FY2030-31", "the year to March 2025".

The calendar (Australia Jul-Jun, India Apr-Mar, Japan Apr-Mar named by its start year, ...) is
the one whose cue word ("A$", "crore", "Japan") sits nearest the mention in the block, else the
article's fiscal hint, else the calendar year. A split label ("FY2026-27") with no cue uses the
lexicon's ``split_fiscal_start_month``.
"""

from __future__ import annotations

import re

from pipeline.components.dates.block import Block, Found, capitalised
from pipeline.resources.dates import FiscalCalendar
from pipeline.text import temporal as tp
from pipeline.text.temporal import Period

# How far (characters) from a fiscal mention a calendar's cue word may sit.
CUE_REACH = 600
MIN_FISCAL_YEAR, MAX_FISCAL_YEAR = 1900, 2100
DECEMBER = 12


def fiscal_calendar(block: Block, position: int) -> FiscalCalendar | None:
    """The fiscal calendar whose cue sits nearest ``position`` in the block, else the article's hint."""
    words = block.words
    text = block.text
    best: tuple[int, FiscalCalendar] | None = None
    low, high = max(0, position - CUE_REACH), min(len(text), position + CUE_REACH)
    for match in words.fiscal_cues.finditer(text, low, high):
        calendar = words.cue_calendar.get(match.group().strip())
        distance = abs(match.start() - position)
        if calendar is not None and (best is None or distance < best[0]):
            best = (distance, calendar)
    if best is None:
        return block.fiscal_hint
    return best[1]


def part_period(block: Block, year: int, part: str, number: int, *, fiscal: bool, position: int) -> Period:
    """Quarter or half ``number`` of ``year``: of the fiscal calendar in reach when ``fiscal``, else calendar."""
    calendar = fiscal_calendar(block, position) if fiscal else None
    if calendar is None:
        return tp.quarter_period(year, number) if part == "quarter" else tp.half_period(year, number)
    return tp.fiscal_part_period(year, part, number, calendar.start_month, named_by_end=calendar.named_by_end)


def fiscal_abbr(m: re.Match[str], block: Block) -> Found | None:
    """"FY2026", "FY25", "FY2025/26" (upper-case "FY" only)."""
    if not m.group().startswith("FY"):
        return None
    return _fiscal(m, block)


def fiscal_words(m: re.Match[str], block: Block) -> Found | None:
    """"fiscal 2026", "fiscal year 2025/26"."""
    return _fiscal(m, block)


def fiscal_range(m: re.Match[str], block: Block) -> Found | None:
    """"FY2026-27 to FY2030-31": an interval of fiscal years."""
    first, last = _fiscal_label(m["year"], m["year2"]), _fiscal_label(m["year3"], m["year4"])
    if first is None or last is None or last[0] <= first[0]:
        return None
    period = tp.interval(_fiscal_year(block, first[0], m.start(), split=first[1]),
                         _fiscal_year(block, last[0], m.start(), split=last[1]))
    return (tp.to_info(period, fiscal=True), m.start()) if period else None


def year_ending(m: re.Match[str], block: Block) -> Found | None:
    """"the year to March 2025", "fiscal year ending June 30, 2025": the twelve months to that month."""
    month = block.words.month(m["month"])
    if month is None or not capitalised(m["month"]):
        return None
    period = tp.year_ending_period(int(m["year"]), month)
    return tp.to_info(period, fiscal=month != DECEMBER), m.start()


def _fiscal(m: re.Match[str], block: Block) -> Found | None:
    label = _fiscal_label(m["year"], m["year2"])
    if label is None:
        return None
    period = _fiscal_year(block, label[0], m.start(), split=label[1])
    info = tp.to_info(period, fiscal=True)
    # No reference: a modifier on a fiscal year ("the rest of FY2026") stays absolute.
    start, _, info = block.with_modifier(m.start(), m.end(), info, None)
    return info, start


def _fiscal_label(first_text: str, second_text: str | None) -> tuple[int, bool] | None:
    """The year a fiscal label names ("FY2026-27" -> 2027) and whether it was a split label."""
    first = tp.expand_year(first_text)
    if not second_text:
        return (first, False) if MIN_FISCAL_YEAR <= first <= MAX_FISCAL_YEAR else None
    second = tp.expand_year(second_text) if len(second_text) == 4 else first - first % 100 + int(second_text)
    if second != first + 1 or not MIN_FISCAL_YEAR <= second <= MAX_FISCAL_YEAR:
        return None
    return second, True


def _fiscal_year(block: Block, year: int, position: int, *, split: bool = False) -> Period:
    calendar = fiscal_calendar(block, position)
    if split:
        start_month = block.words.lexicon.split_fiscal_start_month
        if calendar is not None and calendar.start_month != 1:
            start_month = calendar.start_month
        return tp.fiscal_year_period(year, start_month, named_by_end=True)
    if calendar is None:
        return tp.year_period(year)
    return tp.fiscal_year_period(year, calendar.start_month, named_by_end=calendar.named_by_end)
