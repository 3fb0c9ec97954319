"""Period labels of company and industry reports: "2018 H1" (year first), a bare "H1" in a report on
that half, "9M 2021" (the first nine months), "the second quarter of the 2027 financial year".

Kept apart from ``parts`` (the general quarter and half forms) so that each label is one small
normaliser; the regexes are in ``forms.FORMS``.
"""

from __future__ import annotations

import re

from pipeline.components.dates.block import Block, Found
from pipeline.components.dates.fiscal import part_period
from pipeline.components.dates.modifiers import modifier_before
from pipeline.text import nearest_dates as nd
from pipeline.text import temporal as tp

MONTHS_IN_YEAR = 12


def year_half(m: re.Match[str], block: Block) -> Found | None:
    """"2018 H1": a half written after its year (calendar half, as "H1 2018")."""
    if not m["h"].isupper():
        return None  # "2018 h1" is no label
    year = int(m["year"])
    return tp.to_info(tp.half_period(year, int(m["half"]))), m.start()


def bare_half(m: re.Match[str], block: Block) -> Found | None:
    """A bare "H1"/"H2" (capital H) after a time preposition and closing its phrase ("in H1, output rose"): the
    half nearest the reference, the tense breaking ties, as a year-less "Q3" is read. Elsewhere "H2" is
    hydrogen ("H2 production", "green H2.") and "H1" a visa or a heading."""
    modifier = modifier_before(block.text, m.start())  # "in early H2": the preposition before the modifier
    before = block.previous_word(modifier.start() if modifier else m.start())
    if not m["h"].isupper() or before not in block.words.lexicon.year_prepositions:
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("half"), m.start()
    period = nd.nearest_half(int(m["half"]), ref, block.side(m.start(), m.end()))
    start, _, info = block.with_modifier(m.start(), m.end(), tp.to_info(period, reference=ref), ref)
    return info, start


def months_label(m: re.Match[str], block: Block) -> Found | None:
    """"9M 2021", "9M21", "6M'20": the first N months of the year (a reporting period), month interval."""
    count = int(m["count"])
    if m["mm"] != "M":
        return None  # "9m 2021" reads as metres
    if not 1 < count < MONTHS_IN_YEAR:
        return None
    year = int(m["year"]) if m["year"] else tp.expand_year(m["syear"])
    period = tp.interval(tp.month_period(year, 1), tp.month_period(year, count))
    return (tp.to_info(period), m.start()) if period else None


def part_of_fiscal_year(m: re.Match[str], block: Block) -> Found | None:
    """"the second quarter of the 2027 financial year", "the first half of the 2024 fiscal year": that part of
    the fiscal year the label names (the calendar in reach gives its months; without one, the calendar part)."""
    number = block.words.lexicon.ordinals.get(m["ord"].lower())
    if number is None:
        return None
    part = "half" if m["part"].lower() == "half" else "quarter"
    if part == "half" and number > 2:
        return None
    period = part_period(block, int(m["year"]), part, number, fiscal=True, position=m.start())
    return tp.to_info(period, fiscal=True), m.start()
