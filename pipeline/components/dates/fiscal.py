"""Fiscal years: "FY2026", "FY25", "fiscal 2026", "FY2026-27 to FY2030-31", "the year to March 2025".

The calendar (Australia Jul-Jun, India Apr-Mar, Japan Apr-Mar named by its start year, ...) is
the one whose cue word ("A$", "crore", "Japan") sits nearest the mention in the block, else the
article's fiscal hint, else the calendar year. A split label ("FY2026-27") with no cue uses the
lexicon's ``split_fiscal_start_month``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from pipeline.components.dates.block import Block, Found, capitalised
from pipeline.resources.dates import FiscalCalendar
from pipeline.schema.annotations import DateInfo
from pipeline.text import temporal as tp
from pipeline.text.temporal import Period

# How far (characters) from a fiscal mention a calendar's cue word may sit.
CUE_REACH = 600
MIN_FISCAL_YEAR, MAX_FISCAL_YEAR = 1900, 2100
DECEMBER = 12
HALF_YEAR_MONTHS = 6
QUARTER_MONTHS = 3
MONTHS_IN_YEAR = 12
# Tags of a word that would make a bare "fiscal" an adjective ("this fiscal deficit").
NOUN_PHRASE_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_NEXT_CHARACTER = re.compile(r"[ \t]*(\S)")


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


def part_period(
    block: Block, year: int, part: str, number: int, *, fiscal: bool, position: int, split: bool = False
) -> Period:
    """Quarter or half ``number`` of ``year``: of the fiscal calendar in reach when ``fiscal``, else calendar.

    A split label ("Q3 FY2025-26") with no calendar in reach uses the lexicon's ``split_fiscal_start_month``.
    """
    calendar = fiscal_calendar(block, position) if fiscal else None
    if calendar is None and split:
        return tp.fiscal_part_period(year, part, number, block.words.lexicon.split_fiscal_start_month)
    if calendar is None:
        return tp.quarter_period(year, number) if part == "quarter" else tp.half_period(year, number)
    return tp.fiscal_part_period(year, part, number, calendar.start_month, named_by_end=calendar.named_by_end)


def current_fiscal_year(block: Block, reference: date, position: int) -> int:
    """The label of the fiscal year holding ``reference`` (the calendar in reach; the calendar year without one)."""
    calendar = fiscal_calendar(block, position)
    if calendar is None:
        return reference.year
    year = reference.year
    period = tp.fiscal_year_period(year, calendar.start_month, named_by_end=calendar.named_by_end)
    if period.start > reference:
        return year - 1
    return year + 1 if period.end < reference else year


def deictic_fiscal(m: re.Match[str], block: Block) -> Found | None:
    """"this fiscal", "the previous fiscal", "last fiscal year", "the current financial year": a fiscal
    year counted from the one holding the reference. A bare "fiscal" must be a noun ("this fiscal
    deficit" is no date): nothing, punctuation or a word that is not a noun or adjective after it."""
    if m.group().lower().endswith("fiscal") and not _noun_fiscal(block, m.end()):
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("year", fiscal=True), m.start()
    year = current_fiscal_year(block, ref, m.start()) + block.words.lexicon.deictics[m["deictic"].lower()]
    return tp.to_info(_fiscal_year(block, year, m.start()), fiscal=True, reference=ref), m.start()


def _noun_fiscal(block: Block, end: int) -> bool:
    """True when the word after a bare "fiscal" ends the phrase (punctuation, or a word tagged neither
    noun, adjective nor number; untagged text: punctuation or the end only)."""
    following = _NEXT_CHARACTER.match(block.text, end)
    if following is None or not following.group(1)[:1].isalnum():
        return True
    token = block.doc.char_span(following.start(1), following.start(1) + 1, alignment_mode="expand")
    if token is None or not token[0].pos_:
        return False
    return token[0].pos_ not in NOUN_PHRASE_TAGS


def article_fiscal_parts(hint: Mapping[str, str] | None) -> dict[tuple[str, int], tuple[int, bool]]:
    """The article hint ``fiscal_parts`` ({"quarter 3": "2025-26"}) as part -> (fiscal year, split label)."""
    parts: dict[tuple[str, int], tuple[int, bool]] = {}
    for key, label in (hint or {}).items():
        unit, _, number = key.partition(" ")
        first, _, second = label.partition("-")
        named = _fiscal_label(first, second or None) if first.isdigit() and number.isdigit() else None
        if unit in ("quarter", "half") and named is not None:
            parts[unit, int(number)] = named
    return parts


def inherit_fiscal_year(
    block: Block, chosen: list[tuple[int, int, DateInfo]], article: Mapping[tuple[str, int], tuple[int, bool]] | None = None,
) -> list[tuple[int, int, DateInfo]]:
    """Year-less "Q3", "the third quarter", "the first half" after a fiscal mention of the block are fiscal.

    The same part named before as a fiscal part ("Q3 FY2025-26 ... during the third quarter") is that
    part again; any other part is of the latest fiscal year the block named by its number ("fiscal 2025
    ... in the fourth quarter"). Without either in the block, a part the article names elsewhere with one
    fiscal label (``article``, from the hint ``fiscal_parts``: a headline's "Q3" over a "Q3 FY2025-26"
    paragraph) is that fiscal part. Parts with their own year, deictic ones ("last quarter") and
    month-named ones ("the December quarter") are left alone (``DateWords.part_named`` decides).
    """
    article = article or {}
    result: list[tuple[int, int, DateInfo]] = []
    parts: dict[tuple[str, int], DateInfo] = {}
    year: int | None = None
    for start, end, info in chosen:
        granularity, value = info.get("granularity"), info.get("timex") or ""
        if info.get("fiscal") and "/" not in value and granularity in ("year", "quarter", "half") and value[:4].isdigit():
            if granularity == "year":
                # a deictic one ("the same quarter of the previous fiscal") is a comparison's base, not the topic
                year = int(value[:4]) if info.get("resolution") == "absolute" else year
            else:
                parts[str(granularity), int(value[-1])] = info
        elif not info.get("fiscal") and info.get("resolution") == "relative" and (parts or year is not None or article):
            named = block.words.part_named(block.text[start:end])
            if named is not None and named in parts:
                info = parts[named]
            elif named is not None and year is not None:
                period = part_period(block, year, named[0], named[1], fiscal=True, position=start)
                info = tp.to_info(period, fiscal=True, reference=block.reference)
            elif named is not None and named in article:
                label, split = article[named]
                period = part_period(block, label, named[0], named[1], fiscal=True, position=start, split=split)
                info = tp.to_info(period, fiscal=True, reference=block.reference)
        result.append((start, end, info))
    return result


def fiscal_abbr(m: re.Match[str], block: Block) -> Found | None:
    """"FY2026", "FY25", "FY2025/26" (upper-case "FY" only)."""
    if not m.group().startswith("FY"):
        return None
    return _fiscal(m, block)


def fiscal_words(m: re.Match[str], block: Block) -> Found | None:
    """"fiscal 2026", "fiscal year 2025/26"."""
    return _fiscal(m, block)


def year_fiscal_words(m: re.Match[str], block: Block) -> Found | None:
    """"the 2024 financial year", "its 2025 fiscal year": fiscal year 2024 of the calendar in reach, as "FY2024"."""
    year = int(m["year"])
    return tp.to_info(_fiscal_year(block, year, m.start()), fiscal=True), m.start()


def fiscal_split_words(m: re.Match[str], block: Block) -> Found | None:
    """"financial year 2024-25", "the 2025-26 fiscal", "the 2024/25 financial year": a split label with a
    fiscal word names its ending year, as "FY2024-25" does; years that do not follow stay a range."""
    year = split_label_year(m["year"] or m["year3"], m["year2"] or m["year4"])
    if year is None:
        return None
    return tp.to_info(_fiscal_year(block, year, m.start(), split=True), fiscal=True), m.start()


def split_year_label(block: Block, first: int, second_text: str, position: int) -> DateInfo | None:
    """"since 2010-11" where the calendar in reach names its fiscal years by their end (India, Australia): the
    split label is that fiscal year, as "FY2010-11" is; None elsewhere (a US "2010-11" stays two years)."""
    if len(second_text) != 2 or (first + 1) % 100 != int(second_text):
        return None
    calendar = fiscal_calendar(block, position)
    if calendar is None or not calendar.named_by_end:
        return None
    return tp.to_info(_fiscal_year(block, first + 1, position, split=True), fiscal=True)


def fiscal_range(m: re.Match[str], block: Block) -> Found | None:
    """"FY2026-27 to FY2030-31": an interval of fiscal years."""
    first, last = _fiscal_label(m["year"], m["year2"]), _fiscal_label(m["year3"], m["year4"])
    if first is None or last is None or last[0] <= first[0]:
        return None
    period = tp.interval(_fiscal_year(block, first[0], m.start(), split=first[1]),
                         _fiscal_year(block, last[0], m.start(), split=last[1]))
    return (tp.to_info(period, fiscal=True), m.start()) if period else None


def year_ending(m: re.Match[str], block: Block) -> Found | None:
    """"the year to March 2025": the twelve months to that month; "the half year to June 2025", "the six months to
    June 2025": the six months to it (a calendar half when it ends in June or December); "the three months to March
    2025": the three months to it (a calendar quarter when it ends one); "the nine months to September 2025": a month
    interval; "fiscal year ending June 30, 2025" names that fiscal year. Any other period ended on a day ("the
    quarter ended 30 September 2025", "the year ended December 31, 2021") is left to the day's own form: news gold
    takes the day as the date (four of four such mentions in the read dev half), the period being what it closes."""
    month = block.words.month(m["month"])
    if month is None or not capitalised(m["month"]) or (m["first_day"] or m["day"]) and not m["fiscal_word"]:
        return None
    year = int(m["year"])
    count = MONTHS_IN_YEAR
    if m["half"]:
        count = HALF_YEAR_MONTHS
    elif m["quarter"]:
        count = QUARTER_MONTHS
    elif m["count"]:
        count = block.words.lexicon.numbers.get(m["count"].lower()) or int(m["count"])
    if count == MONTHS_IN_YEAR:
        return tp.to_info(tp.year_ending_period(year, month), fiscal=month != DECEMBER), m.start()
    if count == HALF_YEAR_MONTHS and month % HALF_YEAR_MONTHS == 0:
        return tp.to_info(tp.half_period(year, month // HALF_YEAR_MONTHS)), m.start()
    if count == QUARTER_MONTHS and month % QUARTER_MONTHS == 0:
        return tp.to_info(tp.quarter_period(year, month // QUARTER_MONTHS)), m.start()
    first_year, first_month = divmod(year * MONTHS_IN_YEAR + month - count, MONTHS_IN_YEAR)
    period = tp.interval(tp.month_period(first_year, first_month + 1), tp.month_period(year, month))
    return (tp.to_info(period), m.start()) if period else None


def _fiscal(m: re.Match[str], block: Block) -> Found | None:
    label = _fiscal_label(m["year"], m["year2"])
    if label is None:
        return None
    period = _fiscal_year(block, label[0], m.start(), split=label[1])
    info = tp.to_info(period, fiscal=True)
    # No reference: a modifier on a fiscal year ("the rest of FY2026") stays absolute.
    start, _, info = block.with_modifier(m.start(), m.end(), info, None)
    return info, start


def label_period(block: Block, first_text: str, second_text: str | None, position: int) -> Period | None:
    """The fiscal year a label names ("FY24", "fiscal 2025", "FY2024-25"), in the calendar in reach."""
    label = _fiscal_label(first_text, second_text)
    return None if label is None else _fiscal_year(block, label[0], position, split=label[1])


def split_label_year(first_text: str, second_text: str) -> int | None:
    """The year a split fiscal label names ("2025", "26" -> 2026), None when the two years do not follow."""
    label = _fiscal_label(first_text, second_text)
    return label[0] if label is not None and label[1] else None


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
