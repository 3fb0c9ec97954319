"""Modifiers written before a mention: "early 2026", "mid-February", "the end of the March quarter".

A modifier narrows the mention's bounds (``temporal.modified_bounds``); "the rest of 2026" runs
from the reference day to the period's end.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from pipeline.schema.annotations import DateInfo
from pipeline.text import temporal as tp
from pipeline.text.temporal import Period

# Granularities a modifier can narrow (a day or an interval cannot be "early").
MODIFIABLE = frozenset({"week", "month", "quarter", "half", "year"})
# How far before a mention a modifier may start.
MODIFIER_REACH = 40
MODIFIER_BEFORE = re.compile(
    r"(?:\b(?:very\s+)?(?P<phrase>beginning|start|end|middle|close|rest|remainder)\s+of(?:\s+the)?\s+"
    r"|\b(?P<part>early|earlier|later|latter)\s+part\s+of(?:\s+the)?\s+"  # "the latter part of 2024"
    r"|\b(?P<word>early|mid|middle|late)(?:\s+|-|\s*-\s*)"
    r"|\b(?:year[- ])?(?P<edge>end|start)-|\byear[- ](?P<year_edge>end|start)\s+"
    r"|(?:(?<=\bby )|(?<=\bat ))(?P<by_end>end)\s+)$",
    re.IGNORECASE,
)
_GROUPS = ("phrase", "part", "word", "edge", "year_edge", "by_end")


def modifier_before(text: str, start: int) -> re.Match[str] | None:
    """The modifier phrase ending right before ``start``, if any."""
    return MODIFIER_BEFORE.search(text, max(0, start - MODIFIER_REACH), start)


def with_modifier(
    text: str, start: int, end: int, info: DateInfo, reference: date | None, modifiers: Mapping[str, str]
) -> tuple[int, int, DateInfo]:
    """Extend a mention leftwards over 'early', 'mid-', 'the end of' and apply the modifier.

    ``modifiers`` maps the written word to the modifier (the lexicon's ``modifiers``).
    """
    value = info["timex"] or ""
    modifiable = info["granularity"] in MODIFIABLE and "/" not in value
    if info["modifier"] is not None or not (modifiable or is_decade(info)):
        return start, end, info
    match = modifier_before(text, start)
    if match is None:
        return start, end, info
    word = next(match[group] for group in _GROUPS if match[group]).lower()
    modifier = modifiers.get(word)
    if modifier is None:
        return start, end, info
    if modifier == "rest":
        if info["timex"] is None or reference is None or "/" in (info["timex"] or ""):
            return start, end, info
        period = period_from_info(info)
        return match.start(), end, tp.to_info(period, fiscal=info["fiscal"], reference=reference,
                                              bounds=tp.rest_of(period, reference))
    if info["timex"] is None:
        updated = dict(info)
        updated["modifier"] = modifier
        return match.start(), end, DateInfo(**updated)  # type: ignore[typeddict-item]
    period = period_from_info(info)
    reference_day = tp.parse_reference(info["reference"])
    return match.start(), end, tp.to_info(period, modifier=modifier, fiscal=info["fiscal"], reference=reference_day)


def is_decade(info: DateInfo) -> bool:
    """True for a decade interval ("2020/2029"), which a modifier may narrow unlike other intervals."""
    value = info["timex"] or ""
    return "/" in value and len(value) == 9 and value[3] == "0" and int(value[5:]) - int(value[:4]) == 9


def period_from_info(info: DateInfo) -> Period:
    start, end = date.fromisoformat(info["start_date"]), date.fromisoformat(info["end_date"])  # type: ignore[arg-type]
    return Period(info["timex"], info["granularity"], start, end, is_decade(info))  # type: ignore[arg-type]
