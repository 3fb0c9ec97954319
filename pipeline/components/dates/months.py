"""Normalisers of months and month ranges: "January 2026", "in October", "March to May 2025",
"the first nine months of 2025".

A bare month name is a date only with context ("in", "since", "early ...") when it is also an
everyday word or an abbreviation ("May", "March", "Jan"); a year-less month takes the year
nearest the reference.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.components.dates.block import Block, Found, capital_abbreviation, capitalised, day_number, month_pair
from pipeline.components.dates.modifiers import modifier_before
from pipeline.text import nearest_dates as nd
from pipeline.text import temporal as tp

MONTHS_IN_YEAR = 12
# A capitalised word right after a bare month ("June Smith said"), and a lower-case word of a sentence (no title).
_CAPITALISED_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b(?![-'’])")
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")
QUARTERS_IN_YEAR = 4
HALF_YEAR_MONTHS = 6


def _first_name(m: re.Match[str], block: Block) -> bool:
    """Whether a bare month with no date context is a first name: a capitalised word that is no calendar name follows
    it in a line that is no title-case headline ("June Smith, the chief executive, said" - "April Resources")."""
    after = _CAPITALISED_AFTER.match(block.text, m.end())
    if after is None:
        return False
    word = after.group(1)
    if block.words.month(word) is not None or word.lower() in block.words.weekdays:
        return False
    line_start = block.text.rfind("\n", 0, m.start()) + 1
    line_end = block.text.find("\n", m.end())
    line = block.text[line_start : line_end if line_end >= 0 else len(block.text)]
    return _LOWER_WORD.search(line) is not None


def month(m: re.Match[str], block: Block) -> Found | None:
    """"January 2026", "Dec 2025", "in October", "mid-February"."""
    number = block.words.month(m["month"])
    # lower case only as a full, unambiguous name ("in october", "december 2024"), never "may" or "mar"
    lower_ok = m["month"].lower() in block.words.months and len(m["month"]) > 4 and m["month"].lower() != "march"
    if number is None or not (capitalised(m["month"]) or (lower_ok and m["month"].islower())):
        return None
    ref = block.reference
    if m["year"]:
        info = tp.to_info(tp.month_period(int(m["year"]), number))
        start, _, info = block.with_modifier(m.start(), m.end(), info, ref)
        return info, start
    name = m["month"].lower().rstrip(".")
    if name == "may" and m["month"] != "May":
        return None
    # "futures for March delivery", "the May contract": a delivery month is the coming one, not the clause's tense
    delivery = block.next_word(m.end()) in block.words.lexicon.delivery_month_words
    has_context = delivery or modifier_before(block.text, m.start()) is not None or (
        block.previous_word(m.start()) in block.words.month_context)
    if not has_context and (name in block.words.ambiguous_months or (m["month"].isupper() and len(name) > 3)):
        return None
    if capital_abbreviation(m["month"]) and block.previous_word(m.start()) == "of" and not delivery \
            and modifier_before(block.text, m.start()) is None:
        return None  # "Article 17 of MAR": an acronym after "of", not the month
    if not has_context and block.next_word(m.end()) in ("'s", "’s"):
        return None
    if not has_context and _first_name(m, block):
        return None
    if ref is None:
        info = tp.unresolved("month")
    else:
        period = nd.nearest_month(number, ref, "future" if delivery else block.side(m.start(), m.end()))
        info = tp.to_info(period, reference=ref)
    start, _, info = block.with_modifier(m.start(), m.end(), info, ref)
    return info, start


def month_range(m: re.Match[str], block: Block) -> Found | None:
    """"March to May 2025", "July-September", "between April and June", "October 2025 to January 2026"."""
    months = month_pair(m, block)
    if months is None:
        return None
    first_month, last_month = months
    ref = block.reference
    used: date | None = None
    if m["year2"] or m["year"]:
        last_year = int(m["year2"] or m["year"])
        first_year = int(m["year"]) if m["year"] else last_year - (1 if first_month > last_month else 0)
        if not m["year2"]:
            last_year = first_year + (1 if first_month > last_month else 0)
    elif ref is None:
        return tp.unresolved("month"), m.start()
    elif m["deictic"]:  # "between July and September last year": the months of the year the word names
        last_year = ref.year + block.words.lexicon.deictics[m["deictic"].lower()]
        first_year = last_year - (1 if first_month > last_month else 0)
        used = ref
    else:
        first_year = nd.nearest_month(first_month, ref, block.side(m.start(), m.end())).start.year
        last_year = first_year + (1 if first_month > last_month else 0)
        used = ref
    period = tp.interval(tp.month_period(first_year, first_month), tp.month_period(last_year, last_month))
    return (tp.to_info(period, reference=used), m.start()) if period else None


def months_of(m: re.Match[str], block: Block) -> Found | None:
    """"the first nine months of 2025", "the last three months of 2024", "the first six months of this year",
    "the first three quarters of 2025" (quarters)."""
    count_text = m["count"].lower()
    count = int(count_text) if count_text.isdigit() else block.words.lexicon.numbers.get(count_text, 0)
    quarters = m["unit"].lower() == "quarters"
    if not 1 < count < (QUARTERS_IN_YEAR if quarters else MONTHS_IN_YEAR):
        return None
    ref = None if m["year"] else block.reference
    if m["deictic"] and ref is None:
        return tp.unresolved("month"), m.start()
    # "of the year" is the reference's year, like "this year"
    year = int(m["year"]) if ref is None else ref.year + block.words.lexicon.deictics.get(m["deictic"].lower(), 0)
    if quarters:  # "the first three quarters of 2025": an interval of quarters
        first = 1 if m["side"].lower() == "first" else QUARTERS_IN_YEAR + 1 - count
        period = tp.interval(tp.quarter_period(year, first), tp.quarter_period(year, first + count - 1))
        return (tp.to_info(period, reference=ref), m.start()) if period else None
    first_month = 1 if m["side"].lower() == "first" else MONTHS_IN_YEAR + 1 - count
    period = month_window(year, first_month, count)
    return (tp.to_info(period, reference=ref), m.start()) if period else None


def month_window(year: int, first_month: int, count: int) -> tp.Period | None:
    """The ``count`` months of ``year`` from ``first_month``: a month interval, except the six months of a calendar
    half, which are that half ("the first six months" = H1, "the last six months of 2024" = 2024-H2), as "the
    half-year ended 30 June" is."""
    if count == HALF_YEAR_MONTHS and first_month in (1, HALF_YEAR_MONTHS + 1):
        return tp.half_period(year, 1 if first_month == 1 else 2)
    return tp.interval(tp.month_period(year, first_month), tp.month_period(year, first_month + count - 1))


def first_months(m: re.Match[str], block: Block) -> Found | None:
    """"(in) the first nine months" with no year: the reference's year, as "of the year" gives, or the year
    before in a past clause the window has not ended by ("profit rose in the first nine months" in February). Not
    before "of", "after", "since" ...: "the first six months of operation/after the restart" count from an event."""
    if block.next_word(m.end()) in block.words.counted_from_words:
        return None
    count_text = m["count"].lower()
    count = int(count_text) if count_text.isdigit() else block.words.lexicon.numbers.get(count_text, 0)
    if not 1 < count < MONTHS_IN_YEAR:
        return None
    start = m.start("side")
    ref = block.reference
    if ref is None:
        return tp.unresolved("month"), start
    year = ref.year
    if tp.month_period(year, count).end > ref and block.tense(start, m.end()) == "past":
        year -= 1
    period = month_window(year, 1, count)
    return (tp.to_info(period, reference=ref), start) if period else None


def month_deictic_year(m: re.Match[str], block: Block) -> Found | None:
    """"August last year", "in March, next year", "June 5 this year", "5 June last year": the month (or
    day) of the year the deictic word names, counted from the reference's year, not the nearest one."""
    number = block.words.month(m["month"])
    day_text = m["day"] or m["day0"]
    if number is None or not capitalised(m["month"]) or (m["day"] and m["day0"]):
        return None
    ref = block.reference
    granularity = "day" if day_text else "month"
    if ref is None:
        return tp.unresolved(granularity), m.start()
    year = ref.year + block.words.lexicon.deictics[m["deictic"].lower()]
    if day_text:
        day = tp.real_day(year, number, day_number(day_text))
        if day is None:
            return None
        info = tp.to_info(tp.day_period(day), reference=ref)
    else:
        info = tp.to_info(tp.month_period(year, number), reference=ref)
    start, _, info = block.with_modifier(m.start(), m.end(), info, ref)
    return info, start


def deictic_month(m: re.Match[str], block: Block) -> Found | None:
    """"last April", "next September", "this May", "this past March": the month named, on the side
    of the reference the word says (strictly before for "last", strictly after for "next", in the
    reference's year for "this"); "the 10th of this January" is that day of it."""
    number = block.words.month(m["month"])
    if number is None or not capitalised(m["month"]) or len(m["month"].rstrip(".")) < 3:
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("day" if m["day"] else "month"), m.start()
    word = " ".join(m["deictic"].lower().split())
    if word in ("last", "this past"):
        year = ref.year if number - 1 < ref.month - 1 else ref.year - 1
    elif word in ("next", "this coming"):
        year = ref.year if number - 1 > ref.month - 1 else ref.year + 1
    else:
        year = ref.year
    if m["day"]:
        day = tp.real_day(year, number, day_number(m["day"]))
        return (tp.to_info(tp.day_period(day), reference=ref), m.start()) if day is not None else None
    return tp.to_info(tp.month_period(year, number), reference=ref), m.start()
