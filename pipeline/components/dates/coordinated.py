"""Coordinated dates share the year written once at the end: "in October and November 2023", "Q1 and Q3 2024",
"on March 3 and April 5, 2022", "January, February and March 2024". The year-less ones take the year of the
dated one right after them (the year before when they would otherwise fall after it: "December and January
2024" is December 2023), instead of the year nearest the reference.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.components.dates.anaphora import Candidate
from pipeline.schema.annotations import DateInfo

# Between two coordinated dates: a comma, "and", "or", "&" (or a comma and one of them), nothing else.
COORDINATION = re.compile(r"\s*(?:,\s*(?:(?:and|or|&)\s+)?|(?:and|or|&)\s+)", re.IGNORECASE)
SHARED_GRANULARITIES = frozenset({"day", "month", "quarter", "half"})
_YEAR_HEAD = re.compile(r"\d{4}(?=-)")
# A day named by its weekday or as today/yesterday keeps its own date ("on Monday, June 5, 2023").
_NAMED_DAY = re.compile(r"(?i)(?:last\s+|next\s+|this\s+)?(?:mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|tonight)")


def share_coordinated_year(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` (sorted by start) with each year-less date of a coordination moved into the written year."""
    out = list(chosen)
    for index in range(len(out) - 2, -1, -1):
        start, end, info = out[index]
        next_start, _, dated = out[index + 1]
        if not _can_share(info, dated) or COORDINATION.fullmatch(text, end, next_start) is None:
            continue
        if _NAMED_DAY.match(text, start) is not None:
            continue
        moved = _in_year(info, dated)
        if moved is not None:
            out[index] = (start, end, moved)
    return out


def _can_share(info: DateInfo, dated: DateInfo) -> bool:
    timex, other = info["timex"], dated["timex"]
    return (info["resolution"] == "relative" and dated["resolution"] == "absolute" and not info["fiscal"]
            and not dated["fiscal"] and info["granularity"] == dated["granularity"]
            and info["granularity"] in SHARED_GRANULARITIES and timex is not None and other is not None
            and "/" not in timex + other and _YEAR_HEAD.match(timex) is not None and _YEAR_HEAD.match(other) is not None)


def _in_year(info: DateInfo, dated: DateInfo) -> DateInfo | None:
    """``info`` moved into ``dated``'s year (or the year before, to stay before it); None if a day does not exist."""
    assert info["timex"] is not None and dated["timex"] is not None
    assert info["start_date"] is not None and info["end_date"] is not None and dated["start_date"] is not None
    year = int(dated["timex"][:4])
    start, end = date.fromisoformat(info["start_date"]), date.fromisoformat(info["end_date"])
    first_day = date.fromisoformat(dated["start_date"])
    target = year if (start.month, start.day) <= (first_day.month, first_day.day) else year - 1
    shift = target - start.year
    try:
        new_start, new_end = start.replace(year=start.year + shift), end.replace(year=end.year + shift)
    except ValueError:  # 29 February of a year that has none
        return None
    moved = DateInfo(**info)
    moved["timex"] = f"{target:04d}{info['timex'][4:]}"
    moved["start_date"], moved["end_date"] = new_start.isoformat(), new_end.isoformat()
    moved["resolution"], moved["reference"] = "absolute", None
    return moved
