"""A clock time before a weekday: "12:30 p.m. EDT Friday", "at 9:05 am on Monday" (a minute date on that
weekday, read as a bare weekday is; the zone is left out of the value, as for datelines)."""

from __future__ import annotations

import re

from pipeline.components.dates.block import Block, Found, clock_hour
from pipeline.text import temporal as tp


def clock_weekday(m: re.Match[str], block: Block) -> Found | None:
    """The minute of "HH:MM [am|pm] [zone] [on] <Weekday>"; the weekday must be capitalised."""
    name = m["weekday"]
    if not name[:1].isupper():
        return None
    weekday = block.words.weekdays.get(name.lower().rstrip("."))
    hour = clock_hour(int(m["hour"]), m["ampm"])
    if weekday is None or hour is None:
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("minute"), m.start()
    day = tp.weekday_date(weekday, ref, tense=block.tense(m.start(), m.end()))
    return tp.to_info(tp.minute_period(day, hour, int(m["minute"])), reference=ref), m.start()
