"""Years, year ranges and decades: "in 2028", "2026 to 2030", "2025-26", "the 2030s", "early 2010s".

A bare four-digit number is a year unless its neighbours say it counts something: a unit or a
noun after it ("2000 workers"), a label before it ("Section 2026"), a compound ("2000-tonne"),
a numeric range ("2000 to 2500 t") or a quantity around it ("US$2030 million").
"""

from __future__ import annotations

import re

from pipeline.components.dates.block import Block, Found
from pipeline.components.dates.fiscal import split_year_label
from pipeline.text import temporal as tp

DIGIT_BEFORE = re.compile(r"\d[ \t]*$")
DIGIT_AFTER = re.compile(r"^[ \t]*\d")
# "2000-tonne", "2000 to 2500 t": a number in a compound or a numeric range, not a year.
NUMBER_CONTEXT_AFTER = re.compile(r"^(?:-[a-z]|\s*(?:-|–|to)\s*\d)")
YEAR_THEN_AMOUNT = re.compile(r"\s+to\s+(?:[A-Z]{0,3}[$€£¥]\s?)?(?P<number>\d[\d,.]*)(?!\d)")
AMOUNT_REACH = 30
# "the Inflation Reduction Act of 2022", and in the British and Commonwealth style with the year straight
# after the capitalised word ("the Critical Minerals Act 2024", "Mining Code 2018"): the year belongs to the law's name.
LAW_NAME_BEFORE = re.compile(r"\b(?:Act|Acts|Law|Code|Directive|Regulation|Regulations|Rules|Bill|Ordinance)"
                             r"(?:,\s*|\s+of\s+|[ \t]+)$")
# "(c) Reuters 2025", "© 2024 Example Media", "Copyright 2023": a page's copyright notice, not a fact's date.
COPYRIGHT_BEFORE = re.compile(r"(?:©|\([cC]\)|\b[Cc]opyright\b|\bCOPYRIGHT\b)[^\n.;]{0,40}$")
MAX_RANGE_YEARS = 50
# A decade named by two digits ("the '30s") is at most this many years after the reference, else a century earlier.
SHORT_DECADE_FUTURE = 20


def year(m: re.Match[str], block: Block) -> Found | None:
    """"in 2028", "by 2030", "mid-2026", "the end of 2026"."""
    text = block.text
    start, end = m.start(), m.end()
    if DIGIT_BEFORE.search(text, max(0, start - 4), start) or DIGIT_AFTER.match(text[end : end + 4]):
        return None
    words = block.words
    previous = block.previous_word(start)
    if previous in words.non_year_before or previous.rstrip(".") in words.non_year_before:
        return None
    if block.next_word(end) in words.non_year_after:
        return None
    numeric_after = NUMBER_CONTEXT_AFTER.match(text[end : end + 8])
    if numeric_after is not None and not _year_before_other_number(block, end, previous):
        return None
    if block.inside_quantity(start, end) or LAW_NAME_BEFORE.search(text, max(0, start - 16), start):
        return None
    if COPYRIGHT_BEFORE.search(text, max(0, start - 48), start):
        return None
    info = tp.to_info(tp.year_period(int(m["year"])))
    start, _, info = block.with_modifier(start, end, info, block.reference)
    return info, start


def year_range(m: re.Match[str], block: Block) -> Found | None:
    """"2026 to 2030", "2025-26", "between 2027 and 2029": an interval of years."""
    sep = m["sep"].lower()
    first = int(m["year"])
    second_text = m["year2"]
    second = int(second_text) if len(second_text) == 4 else first - first % 100 + int(second_text)
    if second <= first or second - first > MAX_RANGE_YEARS or (sep == "/" and second != first + 1 and len(second_text) == 2):
        return None
    if sep == "and" and block.previous_word(m.start()) != "between":
        return None  # "the 2030 and 2040 targets", "caps apply in 2026 and 2027": two years, each its own date
    if block.inside_quantity(m.start(), m.end()) or DIGIT_AFTER.match(block.text[m.end() : m.end() + 3]):
        return None
    if sep in ("-", "–", "/"):
        label = split_year_label(block, first, second_text, m.start())
        if label is not None:
            return label, m.start()
    period = tp.interval(tp.year_period(first), tp.year_period(second))
    return (tp.to_info(period), m.start()) if period else None


def decade(m: re.Match[str], block: Block) -> Found | None:
    """"the 2030s", "the early 2010s"."""
    info = tp.to_info(tp.decade_period(int(m["year"])))
    start, _, info = block.with_modifier(m.start(), m.end(), info, block.reference)
    return info, start


# Decades a deictic word before "decade" sits from the reference's ("the second half of next decade").
DECADE_OFFSETS = {None: 0, "this": 0, "current": 0, "next": 10, "coming": 10, "last": -10, "previous": -10}
HALF_DECADE_YEARS = 5


def decade_half(m: re.Match[str], block: Block) -> Found | None:
    """"the second half of the decade", "the first half of the 2030s": five years of a decade (``2025/2029``); a decade
    named by a deictic word counts from the reference's."""
    half = block.words.lexicon.half_ordinals[m["ord"].lower()]
    ref = block.reference
    if m["year"]:
        first, used = int(m["year"]), None
    elif ref is None:
        return tp.unresolved("year"), m.start()
    else:
        deictic = m["deictic"].lower() if m["deictic"] else None
        first, used = ref.year - ref.year % 10 + DECADE_OFFSETS[deictic], ref
    first += HALF_DECADE_YEARS * (half - 1)
    period = tp.interval(tp.year_period(first), tp.year_period(first + HALF_DECADE_YEARS - 1))
    return (tp.to_info(period, reference=used), m.start()) if period else None


def calendar_year(m: re.Match[str], block: Block) -> Found | None:
    """"CY2024", "CY25" (upper-case "CY" only): the calendar year, said so beside fiscal ones."""
    if not m.group().startswith("CY"):
        return None
    info = tp.to_info(tp.year_period(tp.expand_year(m["year"])))  # the form reads a year of forms.YEAR, or two digits
    start, _, info = block.with_modifier(m.start(), m.end(), info, None)
    return info, start


def short_decade(m: re.Match[str], block: Block) -> Found | None:
    """"the '90s", "the late ’80s": a decade named by two digits, in the century that puts it at most
    ``SHORT_DECADE_FUTURE`` years after the reference (without one, as a two-digit year: 20xx up to '70s)."""
    if block.reference is None:
        first = tp.expand_year(m["decade"])
    else:
        decade = int(m["decade"])
        first = decade + (block.reference.year + SHORT_DECADE_FUTURE - decade) // 100 * 100
    info = tp.to_info(tp.decade_period(first))
    start, _, info = block.with_modifier(m.start(), m.end(), info, block.reference)
    return info, start


def _year_before_other_number(block: Block, end: int, previous: str) -> bool:
    """"the quota for 2026 to 6,800 mt": a year, then "to" and an amount that cannot be its range's end.

    Mirrors the quantity stage's range rule: after a time preposition, or before a number written
    with thousands separators, a bare year-like number is the year and the amount stands alone.
    """
    following = YEAR_THEN_AMOUNT.match(block.text, end, min(len(block.text), end + AMOUNT_REACH))
    if following is None:
        return False
    return previous in block.words.year_prepositions or "," in following["number"]
