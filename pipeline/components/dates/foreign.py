"""Dates written with a month name of another language: "11 октября 2017", "марта 11, 2016", "3 de mayo de 2021".

News pages quote or carry over the date of a source in its own language. The names are CLDR's (through Babel,
``words.foreign_month_names``) for the locales ``lexicon.json`` lists; a name is read only between a day and a
four-digit year and only in the case its language writes it ("mars", not "Mars"), so a word such as "Mars" or "mayo"
on its own is never a date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pipeline.components.dates.block import Block, Found, clock_hour, day_number
from pipeline.components.dates.form_kinds import NEVER
from pipeline.text import temporal as tp
from pipeline.text.regex import alternation, first_character_gate


def month_pattern(names: Mapping[str, int]) -> str:
    """The ``{FM}`` of the forms: the names, longest first, behind a lookahead for their first letters (the
    alternation is tried only where one stands); no names, no match."""
    return "(?:" + (first_character_gate([], names) + alternation(names) if names else NEVER) + ")"


def foreign_day(m: re.Match[str], block: Block) -> Found | None:
    """A day, a month of another language and a year, in either order, with an optional clock time: a day (or
    minute) date."""
    month = block.words.foreign_months.get(m["month"])  # written as the language writes it: not "Mars", the planet
    if month is None:
        return None
    day = tp.real_day(int(m["year"]), month, day_number(m["day"]))
    if day is None:
        return None
    if m.groupdict().get("hour") is None:
        return tp.to_info(tp.day_period(day)), m.start()
    hour = clock_hour(int(m["hour"]), m["ampm"])
    if hour is None:
        return None
    return tp.to_info(tp.minute_period(day, hour, int(m["minute"]))), m.start()
