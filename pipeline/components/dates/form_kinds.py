"""What a date form is: its regex template, its normaliser and where in the text it can match (``forms.FORMS``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.components.dates.block import Normaliser

# Where a form can match: near a month name, near a year-like number, or near its own cue word
# ("quarter", "FY", " of the "). Scanning only windows round the anchors keeps the regex cost
# proportional to the number of date-like words, not to the text.
NEAR_MONTH = "month"
NEAR_YEAR = "year"
NEAR_HOLIDAY = "holiday"  # a holiday's name (models/dates/holidays.json)
NEAR_UNIT = "unit"  # a unit word of the lexicon ("weeks", "yr")
NEAR_GLUED = "glued"  # a digit glued to a month name ("14april")
NEAR_SEASON = "season"  # a season's name (the lexicon's ``seasons``)
NEVER = r"(?!x)x"  # a pattern that matches nothing (no holiday table)
YEAR_ANCHOR = re.compile(r"(?:1[89]|20)\d[\d']")


@dataclass(frozen=True)
class Form:
    """One written form: its regex template, its normaliser, the anchor its windows are cut round, and
    ``cues``: lower-case words of which every match holds one (the form is skipped in a block or window
    without any), ``digit``: every match holds a digit. A case-insensitive ``near`` regex is written in lower case, so
    that it runs as its faster twin on the lower-cased text (``text.regex.lowered_twin``)."""

    template: str
    normalise: Normaliser
    near: str | re.Pattern[str]  # NEAR_MONTH, NEAR_YEAR or the form's own cue regex
    cues: tuple[str, ...] = ()
    digit: bool = False  # every match holds a digit (a day or year number)
