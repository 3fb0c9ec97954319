"""Anaphoric dates: "later that year", "that same week", "the following month", "a year later".

They name a period relative to the last date the block mentioned, not to the publication date
(issue 13). Resolved after the other mentions are chosen: the anchor is the latest earlier
resolved mention of the block; with none, a phrase the deictic rules know ("the following
month") keeps its reading against the reference, and the others ("that year") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Container
from datetime import date

from pipeline.components.dates.block import previous_word
from pipeline.schema.annotations import DateInfo
from pipeline.text import temporal as tp

Candidate = tuple[int, int, DateInfo]
_UNIT = r"(?P<unit>day|week|month|quarter|year)"
ANAPHORA = re.compile(
    r"(?<![\w-])(?:"
    r"(?:(?P<side>later|earlier)\s+(?:that|the\s+same)\s+" + _UNIT.replace("unit", "u1") + r")"
    r"|(?:that\s+(?:same\s+)?" + _UNIT.replace("unit", "u2") + r")"
    r"|(?:the\s+same\s+" + _UNIT.replace("unit", "u3") + r")"
    r"|(?:the\s+(?P<step>following|previous|preceding|prior)\s+" + _UNIT.replace("unit", "u4") + r")"
    r"|(?:(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|\d{1,2})\s+"
    + _UNIT.replace("unit", "u5")
    # "six months after" counts from the previous date only when nothing follows it: "six months
    # after the ban took effect" counts from an event, not from a date
    + r"s?\s+(?P<dir>later|earlier|(?:before|after)(?=\s*(?:[.,;:!?)]|$)))(?!\s+than\b))"
    r")(?![\w-])",
    re.IGNORECASE,
)
_THE = re.compile(r"the\s+", re.IGNORECASE)
# "from 3,228 t a year earlier", "than US$1.2 billion a year before": a figure (up to two words after its number)
# right before the count phrase, after a comparison word; group 1 is that word.
_FIGURE_BEFORE = re.compile(r"\b(\w+)\s+\S*\d\S*(?:\s+[^\W\d]+){0,2}\s*$")
FIGURE_REACH = 60
STEPS = {"following": 1, "previous": -1, "preceding": -1, "prior": -1}
UNIT_GROUPS = ("u1", "u2", "u3", "u4", "u5")
DIRECTIONS = {"later": 1, "after": 1, "earlier": -1, "before": -1}


def resolve_anaphora(
    text: str, chosen: list[Candidate], numbers: dict[str, int], *, comparison_words: Container[str] = frozenset()
) -> list[Candidate]:
    """``chosen`` with every anaphoric phrase resolved against the latest earlier resolved mention.

    ``numbers`` maps count words to numbers (the lexicon's ``numbers``). A count phrase right after a
    word of ``comparison_words`` ("up 4% from a year earlier") is the base of a comparison, no date.
    """
    if not ANAPHORA.search(text):
        return chosen
    result = list(chosen)
    for match in ANAPHORA.finditer(text):
        start, end = match.span()
        unit = next(match[name] for name in UNIT_GROUPS if match[name]).lower()
        if match["count"] and _compared(text, start, comparison_words):
            continue
        anchor = _anchor(result, start, unit)
        if anchor is None:
            continue
        info = _resolve(match, unit, anchor, numbers)
        if info is None:
            continue
        result = [item for item in result if item[1] <= start or item[0] >= end]
        article = _THE.match(text, start)  # "the" stays outside the span, as in "the previous quarter"
        result.append((article.end() if article else start, end, info))
        result.sort(key=lambda item: item[0])
    return result


def _compared(text: str, start: int, comparison_words: Container[str]) -> bool:
    """Whether the count phrase at ``start`` is a comparison's base: right after a comparison word ("up 4% from
    a year earlier"), or after a figure that follows one ("slid to 87 t from 3,228 t a year earlier")."""
    if previous_word(text, start) in comparison_words:
        return True
    figure = _FIGURE_BEFORE.search(text, max(0, start - FIGURE_REACH), start)
    return figure is not None and figure.group(1).lower() in comparison_words


def _anchor(candidates: list[Candidate], start: int, unit: str) -> date | None:
    """The first day of the latest resolved, non-interval mention ending before ``start``, preferring
    one as fine as ``unit`` ("March 2019. Later that year ... The following month": April, not February)."""
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
    return coarse


def _resolve(match: re.Match[str], unit: str, anchor: date, numbers: dict[str, int]) -> DateInfo | None:
    shift = 0
    if match["step"]:
        shift = STEPS[match["step"].lower()]
    elif match["count"]:
        word = match["count"].lower()
        count = int(word) if word.isdigit() else numbers.get(word)
        if not count:
            return None
        shift = count * DIRECTIONS[match["dir"].lower()]
    day = tp.shift_day(anchor, unit, shift)
    # resolved against the anchor: it is the reference the record names
    return tp.to_info(tp.period_of(day, unit), reference=anchor)
