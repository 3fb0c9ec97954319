"""Dates counted from another date written right after them: "the third Tuesday after Christmas 2014", "two weeks
before June 5", "a year from Christmas", "for 10 days from 18th Dec", "for two weeks starting 3 March".

The date they are counted from is a day found by the other forms (any of them: a holiday, "March 3", "the 15th");
this pass reads the words right before it and widens the mention over them. The linking words are lexicon data
(``anchor_sides``, ``span_openers``), the counts and units the lexicon's ``numbers`` and ``units``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.components.dates.anaphora import Candidate
from pipeline.components.dates.words import DateWords
from pipeline.schema.annotations import DateInfo
from pipeline.text import temporal as tp
from pipeline.text.regex import alternation

# How far before the day the counting words may start ("for fifteen days starting from ", "the twenty-first
# Wednesday following ").
REACH = 60
DAYS_IN_WEEK = 7
STAND_IN_DAY = date(2001, 1, 1)
_ORDINAL_DIGITS = r"[1-9](?:st|nd|rd|th)"


class AnchoredDates:
    """The regexes of the counting words of one word table, and the pass that applies them."""

    def __init__(self, words: DateWords) -> None:
        self.words = words
        lexicon = words.lexicon
        count = r"(?P<count>\d{1,3}|" + alternation(lexicon.numbers) + r")"
        unit = r"(?P<unit>" + alternation(words.unit_words()) + r")"
        tail = r"\s+(?:the\s+)?$"
        self.span: re.Pattern[str] | None = None
        self.shift: re.Pattern[str] | None = None
        self.weekday: re.Pattern[str] | None = None
        if lexicon.span_openers:
            openers = r"(?P<opener>" + alternation(lexicon.span_openers) + r")"
            self.span = re.compile(r"(?<![\w-])(?P<for>for\s+)?" + count + r"\s+" + unit + r"\s+" + openers + tail,
                                   re.IGNORECASE)
        if lexicon.anchor_sides:
            sides = r"(?P<side>" + alternation(lexicon.anchor_sides) + r")"
            self.shift = re.compile(r"(?<![\w-])" + count + r"\s+" + unit + r"\s+" + sides + tail, re.IGNORECASE)
            ordinal = r"(?P<ord>" + alternation(lexicon.day_ordinals) + "|" + _ORDINAL_DIGITS + r")"
            self.weekday = re.compile(
                r"(?<![\w-])(?:(?P<the>the)\s+)?(?:" + ordinal + r"\s+)?(?P<weekday>" + alternation(words.weekdays)
                + r")\.?\s+" + sides + tail, re.IGNORECASE)

    def extend(self, text: str, chosen: list[Candidate], *, spans: bool) -> list[Candidate]:
        """``chosen`` (sorted by start) with each day that counting words stand right before widened over them and
        moved to the day or span they name; mentions inside a widened one are dropped.

        ``spans``: read "for 10 days from 18 December" as one span (the calendar-windows convention, an assistant's
        interval); otherwise the day stays the mention, the start that "from" or "starting" marks (an event's
        effective date), and the length is a duration quantity of its own (news: ``Block.windows``)."""
        out: list[Candidate] = []
        for start, end, info in chosen:
            widened = self._widen(text, start, info, spans=spans) if _is_day(info) else None
            if widened is None:
                out.append((start, end, info))
                continue
            new_start, new_info = widened
            while out and out[-1][1] > new_start:
                out.pop()
            out.append((new_start, end, new_info))
        return out

    def _widen(self, text: str, start: int, info: DateInfo, *, spans: bool) -> tuple[int, DateInfo] | None:
        low, reference = max(0, start - REACH), tp.parse_reference(info["reference"])
        # without a reference day the words are still read (on a stand-in day), the mention staying unresolved
        day = date.fromisoformat(info["start_date"]) if info["start_date"] else STAND_IN_DAY
        forms = ((self.span if spans else None, self._span), (self.weekday, self._weekday), (self.shift, self._shift))
        for pattern, resolve in forms:
            match = pattern.search(text, low, start) if pattern is not None else None
            period = resolve(match, day, text) if match is not None else None
            if match is not None and period is not None:
                found = tp.to_info(period, reference=reference) if info["start_date"] else tp.unresolved("day")
                return _start_of(match), found
        return None

    def _count(self, match: re.Match[str]) -> tuple[str, int] | None:
        written = match["count"].lower()
        number = int(written) if written.isdigit() else self.words.lexicon.numbers.get(written)
        unit = self.words.unit_of(match["unit"])
        if number is None or unit is None or number < 1:
            return None
        return unit[0], number * unit[1]

    def _span(self, match: re.Match[str], day: date, text: str) -> tp.Period | None:
        """"for 10 days from 18th Dec", "for two weeks starting 3 March"."""
        opener = self.words.lexicon.span_openers[_spaced(match["opener"])]
        counted = self._count(match)
        if counted is None or opener == "reach" and not match["for"]:
            return None
        last = _shifted(day, *counted)
        if last is None:
            return None
        if opener == "count":
            last -= timedelta(days=1)
        return tp.interval(tp.day_period(day), tp.day_period(last))

    def _weekday(self, match: re.Match[str], day: date, text: str) -> tp.Period | None:
        """"the third Tuesday after Christmas", "the Monday before June 5": the nth such weekday strictly after (or
        before) the day; without "the" or an ordinal the weekday is a date of its own ("Friday after the vote")."""
        if not (match["the"] or match["ord"]):
            return None
        written = (match["ord"] or "first").lower()
        nth = self.words.lexicon.day_ordinals.get(written) or int(written[:-2])
        weekday = self.words.weekdays.get(match["weekday"].lower())
        if weekday is None:
            return None
        side = self.words.lexicon.anchor_sides[_spaced(match["side"])]
        gap = ((weekday - day.weekday()) * side) % DAYS_IN_WEEK or DAYS_IN_WEEK
        return _day_period(day, side * (gap + DAYS_IN_WEEK * (nth - 1)))

    def _shift(self, match: re.Match[str], day: date, text: str) -> tp.Period | None:
        """"a year from Christmas", "two weeks before June 5": the day that many units away."""
        if _word_before(text, match.start()) in self.words.lexicon.no_shift_words:
            return None
        counted = self._count(match)
        if counted is None:
            return None
        side = self.words.lexicon.anchor_sides[_spaced(match["side"])]
        moved = _shifted(day, counted[0], side * counted[1])
        return tp.day_period(moved) if moved is not None else None


def _is_day(info: DateInfo) -> bool:
    """A single day (resolved or not), the only thing counted from."""
    return info["granularity"] == "day" and info["modifier"] is None and "/" not in (info["timex"] or "")


def _start_of(match: re.Match[str]) -> int:
    """Where the widened mention starts: at the ordinal or weekday ("the" stays out), at the count ("for" stays out)."""
    groups = match.groupdict()
    for name in ("ord", "weekday", "count"):
        if groups.get(name):
            return match.start(name)
    return match.start()


def _spaced(words: str) -> str:
    return " ".join(words.lower().split())


def _shifted(day: date, unit: str, count: int) -> date | None:
    """``day`` moved by ``count`` units, None outside the years a date may take."""
    try:
        moved = tp.shift_day(day, unit, count)
    except (OverflowError, ValueError):
        return None
    return moved if tp.MIN_YEAR <= moved.year <= tp.MAX_YEAR else None


def _day_period(day: date, days: int) -> tp.Period | None:
    moved = _shifted(day, "day", days)
    return tp.day_period(moved) if moved is not None else None


def _word_before(text: str, start: int) -> str:
    match = re.search(r"([\w'’]+)\W*$", text[max(0, start - 20) : start])
    return match.group(1).lower() if match else ""
