"""Seasons: "this winter", "summer 2024", "in the spring", "late autumn", "next fall".

A season is the interval of its three months (meteorological seasons: winter December-February
in the north), value ``2024-06/2024-08`` at month granularity; in the southern hemisphere the
months flip (winter June-August). The south is the article's country (hint ``country`` in
``southern_countries``) or its fiscal calendar (``southern_calendars``: Australia). A written
year names the season whose months lie mostly in it ("winter 2024" in the north is December
2023 - February 2024). "last"/"this past" take the latest season ended before the reference,
"next"/"this coming" the first one starting after it; a bare season or "this" the one holding
the reference, else the nearest (the tense breaks ties). "early"/"mid"/"late" take one month.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.components.dates.block import Block, Found, previous_word
from pipeline.components.dates.fiscal import split_label_year
from pipeline.components.dates.modifiers import modifier_before
from pipeline.text import temporal as tp

SEASON_MONTHS = 3
HALF_YEAR = 6
MONTHS_IN_YEAR = 12
# "Spring Festival", "Summer Davos": a capitalised word after the season makes it a name.
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")
# One month of the three for each modifier ("late summer" is August in the north).
MODIFIER_MONTH = {"early": 0, "start": 0, "mid": 1, "late": 2, "end": 2}
_BEFORE_PAST = ("last", "past", "this past")
_AFTER_NEXT = ("next", "coming", "this coming")


def southern(block: Block) -> bool:
    """True when the article's country or fiscal calendar lies south of the equator."""
    hints = (block.doc._.orewire_block or {}).get("hints") or {}
    lexicon = block.words.lexicon
    country = (hints.get("country") or "").upper()
    return country in lexicon.southern_countries or hints.get("fiscal") in lexicon.southern_calendars


def season_period(start_year: int, first_month: int) -> tp.Period:
    """The three months from ``first_month`` of ``start_year`` as a month interval."""
    last_year, last_month = start_year + (first_month + SEASON_MONTHS - 2) // MONTHS_IN_YEAR, (
        first_month + SEASON_MONTHS - 2) % MONTHS_IN_YEAR + 1
    period = tp.interval(tp.month_period(start_year, first_month), tp.month_period(last_year, last_month))
    assert period is not None  # three consecutive months never run backwards
    return period


def _pick(periods: list[tp.Period], ref: date, word: str, tense: tp.Tense | None) -> tp.Period | None:
    if word in _BEFORE_PAST:
        return max((p for p in periods if p.end < ref), key=lambda p: p.end, default=None)
    if word in _AFTER_NEXT:
        return min((p for p in periods if p.start > ref), key=lambda p: p.start, default=None)
    holding = [p for p in periods if p.start <= ref <= p.end]
    if holding:
        return holding[0]
    forward = tense in ("future", "later")
    if tense == "past":
        periods = [p for p in periods if p.end < ref] or periods
    elif tense == "future":
        periods = [p for p in periods if p.start > ref] or periods

    def distance(p: tp.Period) -> tuple[int, bool]:
        gap = (p.start - ref).days if p.start > ref else (ref - p.end).days
        return gap, (p.start < ref) if forward else (p.start > ref)

    return min(periods, key=distance, default=None)


def season(m: re.Match[str], block: Block) -> Found | None:
    """A season with a deictic word, a year, or a time preposition before it ("in (the) spring")."""
    name = m["season"]
    words = block.words
    if _NAME_GOES_ON.match(block.text, m.end()) and not m["year"]:
        return None
    deictic = " ".join(m["deictic"].lower().split()) if m["deictic"] else ""
    modifier = modifier_before(block.text, m.start())
    start = m.start()
    if not deictic and not m["year"] and modifier is None:
        before = previous_word(block.text, start)
        if before == "the":
            before = previous_word(block.text, block.text.rfind("the", 0, start))
        if before not in words.lexicon.season_context_words:
            return None
    if not deictic and not m["year"] and block.next_word(m.end()) in ("of", "in"):
        return None  # "the fall in prices", "the spring of discontent"
    first = words.lexicon.seasons[name.lower()]
    if southern(block):
        first = (first + HALF_YEAR - 1) % MONTHS_IN_YEAR + 1
    ref = block.reference
    split = (m["split0"], m["split0_end"]) if m["split0"] else (m["year"], m["year_end"]) if m["year_end"] else None
    if split is not None:
        # "winter 2024-25": the season beginning in the first year and ending in the next; none that does, no date
        year = int(split[0])
        spanning = season_period(year, first)
        if spanning is None or split_label_year(*split) != year + 1 or spanning.end.year != year + 1:
            return None
        return tp.to_info(spanning), start
    if m["year"]:
        year = int(m["year"])
        # the season whose months lie mostly in the named year ("winter 2024": Dec 2023 - Feb 2024)
        in_first_year = MONTHS_IN_YEAR - first + 1
        start_year = year if 2 * in_first_year > SEASON_MONTHS else year - 1
        period: tp.Period | None = season_period(start_year, first)
        used = None
    elif ref is None:
        return tp.unresolved("month"), start
    else:
        periods = [season_period(year, first) for year in range(ref.year - 2, ref.year + 2)]
        period = _pick(periods, ref, deictic, block.side(m.start(), m.end()))
        used = ref
    if period is None:
        return None
    if modifier is not None and not deictic:
        word = next(group for group in modifier.groups() if group).lower()
        which = MODIFIER_MONTH.get(words.lexicon.modifiers.get(word, ""))
        if which is not None:
            month = tp.shift_day(period.start, "month", which)
            bounds = tp.month_period(month.year, month.month)
            return tp.to_info(period, modifier=words.lexicon.modifiers[word], reference=used,  # type: ignore[arg-type]
                              bounds=(bounds.start, bounds.end)), modifier.start()
    return tp.to_info(period, reference=used), start
