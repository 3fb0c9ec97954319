"""A clock time before a weekday: "12:30 p.m. EDT Friday", "at 9:05 am on Monday" (a minute date on that
weekday, read as a bare weekday is; the zone is left out of the value, as for datelines)."""

from __future__ import annotations

import re

from pipeline.components.dates.block import Block, Found, clock_hour
from pipeline.text import nearest_dates as nd
from pipeline.text import temporal as tp
from pipeline.text.calendar_names import MONTHS, WEEKDAYS
from pipeline.text.regex import alternation


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
    day = nd.weekday_date(weekday, ref, tense=block.tense(m.start(), m.end()))
    return tp.to_info(tp.minute_period(day, hour, int(m["minute"])), reference=ref), m.start()


# After a clock time (and its zone): the day it belongs to, a weekday or a relative day, or "on" and a day number,
# month or weekday ("at 9:18am AEDT on 8 October"; not "on the exchange").
_DAY_WORD = alternation([*WEEKDAYS, "today", "tonight", "tomorrow", "yesterday"])
DAY_AFTER = re.compile(rf"(?:\s+\(?[A-Z]{{2,5}}\)?)?,?\s+(?:on\s+(?:the\s+)?(?:\d|(?i:{alternation(MONTHS)}|{_DAY_WORD})\b)"
                       rf"|(?i:{_DAY_WORD})\b)")


def clock_alone(m: re.Match[str], block: Block) -> Found | None:
    """"at 5:50 p.m.", "by 7:20 a.m. Sydney time": a clock time with am/pm and no day beside it is that minute
    of the reference day (the article's own day, as a dateline's time is). Next to a weekday or a relative day
    ("Tuesday at 3 p.m.", "at 9 a.m. tomorrow") or before "on" and the day ("at 9:18am AEDT on 8 October") it is
    that day's time, which this form leaves alone."""
    hour = clock_hour(int(m["hour"]), m["ampm"])
    if hour is None:
        return None
    days = {*block.words.weekdays, *block.words.lexicon.relative_days}
    before = block.previous_word(m.start())
    if before in ("at", "from", "until", "by", "around", "about", "before", "after"):
        before = block.previous_word(m.start() - len(before) - 1)
    if before in days or DAY_AFTER.match(block.text, m.end()) is not None:
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("minute"), m.start()
    return tp.to_info(tp.minute_period(ref, hour, int(m["minute"])), reference=ref), m.start()
