"""Quarters and halves: "Q3 2026", "3Q25", "the third quarter of 2026", "the December quarter",
"H1 2026", "the second half of next year", "Q1-Q3 2025", and "the previous quarter".

A year-less part takes the year nearest the reference; "of this/next/last year" counts from the
reference's year; a fiscal part ("Q3 FY2026") takes its bounds from the fiscal calendar in reach.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.components.dates.block import Block, Found, capitalised
from pipeline.components.dates.fiscal import current_fiscal_year, fiscal_calendar, label_period, part_period, split_label_year
from pipeline.schema.annotations import DateInfo
from pipeline.text import nearest_dates as nd
from pipeline.text import temporal as tp

# Years a deictic quarter or half ("this/the/next/last quarter") sits from the reference year.
DEICTIC_YEAR_OFFSET = {"this": 0, "the": 0, "next": 1, "last": -1}
_YEAR_GROUPS = ("year", "fyear", "syear", "cyear", "cal", "year2", "year0")
_PREVIOUS_QUARTER = re.compile(r"(?:previous|prior|preceding)\s+quarter", re.IGNORECASE)
_THREE_MONTHS_TO = re.compile(r"\b(?:three|3)\s+months\s+(?:to|ended|ending|through)\s+$", re.IGNORECASE)
THREE_MONTHS_REACH = 40
# "the financial year" earlier in the sentence of a year-less quarter, within this many characters.
FINANCIAL_YEAR_REACH = 300
_THE_FINANCIAL_YEAR = re.compile(r"\bthe\s+(?:financial|fiscal)\s+year\b(?!\s+(?:\d|to|end))", re.IGNORECASE)


def quarter_abbr(m: re.Match[str], block: Block) -> Found | None:
    """"Q3 2026", "3Q25", "Q4'25", "Q4 CY2025", "Q3 FY2026"."""
    return _part(m, block, "quarter", int(m["q"] or m["q2"]), fiscal=False)


def year_part_abbr(m: re.Match[str], block: Block) -> Found | None:
    """"2024 Q4", "2024-Q4", "2025H1": a calendar quarter or half written after its year (data tables, results)."""
    part, number = ("quarter", int(m["q"])) if m["q"] else ("half", int(m["h"]))
    period = tp.quarter_period(int(m["year"]), number) if part == "quarter" else tp.half_period(int(m["year"]), number)
    return tp.to_info(period), m.start()


def quarter_words(m: re.Match[str], block: Block) -> Found | None:
    """"the third quarter of 2026", "fourth-quarter 2025", "first fiscal quarter of FY26"."""
    word = m["ord"].lower()
    if word == "last" and not (m["year"] or m["fyear"] or m["year2"] or m["fdeictic"]):
        return None
    return _part(m, block, "quarter", block.words.lexicon.ordinals[word], fiscal=bool(m["fiscal"]))


def half_abbr(m: re.Match[str], block: Block) -> Found | None:
    """"H1 2026", "1H26", "2H25"."""
    return _part(m, block, "half", int(m["h"] or m["h2"]), fiscal=False)


def half_words(m: re.Match[str], block: Block) -> Found | None:
    """"the first half of 2026", "the second half of next year", "the latter half of 2026", "the back half of the year"."""
    return _part(m, block, "half", block.words.lexicon.half_ordinals[m["ord"].lower()], fiscal=False)


def quarter_month(m: re.Match[str], block: Block) -> Found | None:
    """"the March quarter", "the June half", "the June 2025 quarter": the calendar quarter or half ending in that
    month (of the year written before or after the part, else the nearest one)."""
    month = block.words.month(m["month"])
    if month is None or not capitalised(m["month"]):
        return None
    half = m["part"].lower() == "half"
    number = (1 if month <= 6 else 2) if half else (month - 1) // 3 + 1
    period_of_year = tp.half_period if half else tp.quarter_period
    ref = block.reference
    if m["year0"] and m["year"]:
        return None  # "the June 2025 quarter 2026": no one reading
    year = m["year0"] or m["year"]
    if m["fyear"]:
        # "the March quarter of FY24": the calendar part ending in that month inside the fiscal year (Jan-Mar 2024
        # for an Australian July-June FY24)
        fiscal_year = label_period(block, m["fyear"], m["fyear2"], m.start())
        inside = [part for part in (period_of_year(fiscal_year.start.year, number), period_of_year(fiscal_year.end.year, number))
                  if fiscal_year.start <= part.start and part.end <= fiscal_year.end] if fiscal_year else []
        if not inside:
            return None
        info = tp.to_info(inside[0])
    elif year:
        info = tp.to_info(period_of_year(int(year), number))
    elif ref is None:
        info = tp.unresolved("half" if half else "quarter")
    else:
        nearest = nd.nearest_half if half else nd.nearest_quarter
        period = nearest(number, ref, block.side(m.start(), m.end()))
        info = tp.to_info(period, reference=ref)
    # "the end of the March quarter": the modifier belongs to the quarter, not to the month
    start, _, info = block.with_modifier(m.start(), m.end(), info, ref)
    return info, start


def quarter_range(m: re.Match[str], block: Block) -> Found | None:
    """"Q1-Q3 2025", "between Q1 and Q3 2024": an interval of quarters of one year ("and" only after "between")."""
    first, last = int(m["q"]), int(m["q2"])
    if last <= first or m["sep"] == "and" and block.previous_word(m.start()) != "between":
        return None
    ref = block.reference
    used: date | None
    if m["year"]:
        year, used = int(m["year"]), None
    elif ref is None:
        return tp.unresolved("quarter"), m.start()
    else:
        year, used = nd.nearest_quarter(first, ref, block.side(m.start(), m.end())).start.year, ref
    period = tp.interval(tp.quarter_period(year, first), tp.quarter_period(year, last))
    return (tp.to_info(period, reference=used), m.start()) if period else None


def _part(m: re.Match[str], block: Block, part: str, number: int, *, fiscal: bool) -> Found | None:
    """A quarter or half of an explicit year, of "this/next/last year", or of the year nearest the reference.

    The ``fy`` group of the form ("H2 FY26") makes it fiscal.
    """
    year_text = _year_text(m)
    fiscal = fiscal or bool(m["fy"])
    ref = block.reference
    split = split_label_year(m["fyear"], m["fyear2"]) if "fyear2" in m.re.groupindex and m["fyear2"] else None
    if split is not None:  # "Q3 FY2025-26": the split label names its ending year
        period = part_period(block, split, part, number, fiscal=True, position=m.start(), split=True)
        info = tp.to_info(period, fiscal=True)
    elif year_text:
        period = part_period(block, tp.expand_year(year_text), part, number, fiscal=fiscal, position=m.start())
        info = tp.to_info(period, fiscal=fiscal)
    elif "fdeictic" in m.re.groupindex and m["fdeictic"]:  # "the second quarter of the current fiscal year"
        if ref is None:
            info = tp.unresolved(part, fiscal=True)
        else:
            year = current_fiscal_year(block, ref, m.start()) + block.words.lexicon.deictics[m["fdeictic"].lower()]
            period = part_period(block, year, part, number, fiscal=True, position=m.start())
            info = tp.to_info(period, fiscal=True, reference=ref)
    elif (deictic := _deictic(m)) is not None:  # "the fourth quarter of this year", "Q4 this year"
        if ref is None:
            info = tp.unresolved(part, fiscal=fiscal)
        else:
            year = ref.year + DEICTIC_YEAR_OFFSET[deictic]
            period = tp.quarter_period(year, number) if part == "quarter" else tp.half_period(year, number)
            info = tp.to_info(period, fiscal=fiscal, reference=ref)
    elif ref is None:
        info = tp.unresolved(part, fiscal=fiscal)
    elif (found := _of_financial_year(m, block, part, number, ref)) is not None:
        info = found
    else:
        nearest = nd.nearest_quarter if part == "quarter" else nd.nearest_half
        info = tp.to_info(nearest(number, ref, block.side(m.start(), m.end())), fiscal=fiscal, reference=ref)
    start, _, info = block.with_modifier(m.start(), m.end(), info, ref)
    return info, start


def _deictic(m: re.Match[str]) -> str | None:
    """The deictic word of a part's year ("of this year", "next year"), whichever group caught it."""
    groups = m.re.groupindex
    word = next((m[name] for name in ("deictic", "ydeictic") if name in groups and m[name]), None)
    return word.lower() if word else None


def _year_text(m: re.Match[str]) -> str | None:
    """The year digits of a quarter or half mention, whichever group of its form caught them."""
    groups = m.re.groupindex
    return next((m[name] for name in _YEAR_GROUPS if name in groups and m[name]), None)


def anchor_previous_quarter(
    text: str, chosen: list[tuple[int, int, DateInfo]], reference: date
) -> list[tuple[int, int, DateInfo]]:
    """"the previous quarter" counts from the quarter the paragraph talks about, when it named one before.

    The anchor is the latest earlier mention of the block that is a quarter ("the December quarter",
    "Q4 2025") or the end day of "the three months to December 31"; with none, the reference's quarter
    stays the anchor (the deictic reading).
    """
    result = []
    anchor: tuple[int, int] | None = None
    for start, end, info in chosen:
        if _PREVIOUS_QUARTER.fullmatch(text, start, end) and anchor is not None:
            year, quarter = anchor
            year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
            info = tp.to_info(tp.quarter_period(year, quarter), reference=reference)
        elif info.get("timex") and info.get("granularity") == "quarter" and "/" not in info["timex"]:  # type: ignore[operator]
            if not info.get("fiscal"):
                anchor = (int(info["timex"][:4]), int(info["timex"][-1]))  # type: ignore[index]
        elif info.get("timex") and info.get("granularity") == "day" and _THREE_MONTHS_TO.search(
                text, max(0, start - THREE_MONTHS_REACH), start):
            day = date.fromisoformat(info["timex"][:10])  # type: ignore[index]
            anchor = (day.year, (day.month - 1) // 3 + 1)
        result.append((start, end, info))
    return result


def _of_financial_year(m: re.Match[str], block: Block, part: str, number: int, ref: date) -> DateInfo | None:
    """"... during the financial year, ... in the fourth quarter": a year-less part in a sentence
    about "the financial year" is a part of the fiscal year the article reports on (the latest one
    ended by the reference, or the current one in the future tense), when a fiscal calendar is in reach."""
    sentence_start = max(block.text.rfind(". ", 0, m.start()) + 1, m.start() - FINANCIAL_YEAR_REACH, 0)
    if not _THE_FINANCIAL_YEAR.search(block.text, sentence_start, m.start()):
        return None
    calendar = fiscal_calendar(block, m.start())
    if calendar is None:
        return None
    current = tp.fiscal_year_period(ref.year, calendar.start_month, named_by_end=calendar.named_by_end)
    if current.start > ref:
        current = tp.fiscal_year_period(ref.year - 1, calendar.start_month, named_by_end=calendar.named_by_end)
    year = int(current.value)
    if block.side(m.start(), m.end()) not in ("future", "later"):
        year -= 1 if current.end > ref else 0
    period = tp.fiscal_part_period(year, part, number, calendar.start_month, named_by_end=calendar.named_by_end)
    return tp.to_info(period, fiscal=True, reference=ref)
