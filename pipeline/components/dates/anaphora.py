"""Anaphoric dates: "later that year", "that same week", "the following month".

They name a period relative to the last date the block mentioned, not to the publication date
(issue 13). Resolved after the other mentions are chosen: the anchor is the latest earlier
resolved mention of the block; with none, a phrase the deictic rules know ("the following
month") keeps its reading against the reference, and the others ("that year") are left out.
A counted step ("a year later", "two days after", "a week earlier") is a duration, no date: the
real-news convention (docs/realnews.md), which also leaves out "a year earlier" as a comparison's base.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta

from pipeline.components.dates.modifiers import with_modifier
from pipeline.schema.annotations import DateInfo
from pipeline.text import temporal as tp
from pipeline.text.calendar_names import MONTHS, WEEKDAYS

Candidate = tuple[int, int, DateInfo]
_UNIT = r"(?P<unit>day|week|month|quarter|year)"
# Month names written in full: "the following March" (an abbreviation there is rare and "the next mar..." is no month).
_FULL_MONTHS = "|".join(name for name in MONTHS if len(name) > 3 or name == "may")
ANAPHORA = re.compile(
    r"(?<![\w-])(?:"
    r"(?:(?P<side>later|earlier)\s+(?:that|the\s+same)\s+" + _UNIT.replace("unit", "u1") + r")"
    r"|(?:that\s+(?:same\s+)?" + _UNIT.replace("unit", "u2") + r")"
    r"|(?:the\s+same\s+" + _UNIT.replace("unit", "u3") + r")"
    r"|(?:the\s+(?P<step>following|previous|preceding|prior)\s+" + _UNIT.replace("unit", "u4") + r")"
    # "the next year" counts from the last date only in a past clause ("Prices peaked in 2022. The next year they
    # halved."); elsewhere it is the deictic "next year" or a window ("over the next year")
    r"|(?:the\s+next\s+" + _UNIT.replace("unit", "u5") + r")"
    # "took effect the following January": the first such month after the last date
    r"|(?:the\s+(?P<month_step>following|next)\s+(?P<month>" + _FULL_MONTHS + r"))"
    # "The strike began on March 2. It ended that Friday.": that weekday on or after the last day named
    r"|(?:that\s+(?P<weekday>" + "|".join(WEEKDAYS) + r"))"
    r")(?![\w-])",
    re.IGNORECASE,
)
_THE = re.compile(r"the\s+", re.IGNORECASE)
STEPS = {"following": 1, "previous": -1, "preceding": -1, "prior": -1}
UNIT_GROUPS = ("u1", "u2", "u3", "u4", "u5")


def resolve_anaphora(
    text: str, chosen: list[Candidate], past: Callable[[int, int], bool] | None = None,
    modifiers: Mapping[str, str] | None = None,
) -> list[Candidate]:
    """``chosen`` with every anaphoric phrase resolved against the latest earlier resolved mention; ``past`` says
    whether the clause of a span is in the past tense (without it "the next year" is never anaphoric); ``modifiers``
    (the lexicon's) apply a modifier written before the phrase ("by the end of that year")."""
    if not ANAPHORA.search(text):
        return chosen
    result = list(chosen)
    for match in ANAPHORA.finditer(text):
        start, end = match.span()
        if match["u5"] or (match["month_step"] or "").lower() == "next":
            if past is None or not past(start, end):
                continue
        if match["weekday"]:
            anchor = _anchor(result, start, "week", fine_only=True)
            if anchor is None:
                continue
            day = anchor + timedelta(days=(WEEKDAYS[match["weekday"].lower()] - anchor.weekday()) % 7)
            info = tp.to_info(tp.day_period(day), reference=anchor)
        else:
            unit = "month" if match["month"] else next(match[name] for name in UNIT_GROUPS if match[name]).lower()
            anchor = _anchor(result, start, unit)
            if anchor is None:
                continue
            info = _next_month(match["month"], anchor) if match["month"] else _resolve(match, unit, anchor)
        result = [item for item in result if item[1] <= start or item[0] >= end]
        article = _THE.match(text, start)  # "the" stays outside the span, as in "the previous quarter"
        start = article.end() if article else start
        if modifiers is not None:
            start, end, info = with_modifier(text, start, end, info, anchor, modifiers)
            result = [item for item in result if item[1] <= start or item[0] >= end]
        result.append((start, end, info))
        result.sort(key=lambda item: item[0])
    return result


def _anchor(candidates: list[Candidate], start: int, unit: str, *, fine_only: bool = False) -> date | None:
    """The first day of the latest resolved, non-interval mention ending before ``start``, preferring
    one as fine as ``unit`` ("March 2019. Later that year ... The following month": April, not February); with
    ``fine_only``, none coarser."""
    rank = tp.GRANULARITY_RANK.get(unit, len(tp.GRANULARITY_RANK))
    coarse: date | None = None
    for begin, end, info in reversed(candidates):
        if end > start or begin >= start:
            continue
        value, first = info.get("timex"), info.get("start_date")
        if not (value and first and "/" not in value):
            continue
        if tp.GRANULARITY_RANK.get(info["granularity"], rank) <= rank:
            return date.fromisoformat(first)
        coarse = coarse or date.fromisoformat(first)
    return None if fine_only else coarse


def _next_month(name: str, anchor: date) -> DateInfo:
    """The first month of that name after the anchor's month ("March 2023 ... the following January": 2024-01)."""
    number = MONTHS[name.lower()]
    year = anchor.year + (number <= anchor.month)
    return tp.to_info(tp.month_period(year, number), reference=anchor)


def _resolve(match: re.Match[str], unit: str, anchor: date) -> DateInfo:
    shift = 1 if match["u5"] else STEPS[match["step"].lower()] if match["step"] else 0
    day = tp.shift_day(anchor, unit, shift)
    # resolved against the anchor: it is the reference the record names
    return tp.to_info(tp.period_of(day, unit), reference=anchor)
