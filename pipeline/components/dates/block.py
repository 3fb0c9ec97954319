"""The block being searched, as every normaliser sees it, and the words around a mention."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc

from pipeline.components.dates.modifiers import with_modifier
from pipeline.components.dates.tense import tense_at
from pipeline.components.dates.words import DateWords
from pipeline.resources.dates import FiscalCalendar
from pipeline.schema.annotations import DateInfo
from pipeline.schema.labels import QUANTITY_GROUP
from pipeline.text import nearest_dates as nd
from pipeline.text import temporal as tp
from pipeline.text.temporal import Direction, Tense, Windows

# A normalised mention and where it starts (a modifier such as "early" may move the start left).
Found = tuple[DateInfo, int]
PREVIOUS_WORD = re.compile(r"([\w.'’]+)\W*$")
# ``PREVIOUS_WORD`` tried only where a word starts, on the window cut out: the leftmost match starts a word or the
# window (a match from inside a word also matches from that word's start), so it finds the same word without
# running from every character (~4x faster)
WORD_START_PREVIOUS_WORD = re.compile(r"(?<![\w.'’])([\w.'’]+)\W*$")
NEXT_WORD = re.compile(r"^\s*([\w/%]+)")
WORD_REACH = 30
# A year-less day this close to the reference is that occurrence, whatever the clause's tense (default direction
# only): "announced licences from 15 September" two days before it, "the licensing on November 14 will make" ten
# days after it; news does not name a day almost a year off without its year.
CLOSE_DAYS = 14


class Block:
    """The ``Doc`` being processed with its text, reference day and word tables; quantity offsets
    are read once, on first use."""

    def __init__(
        self, doc: Doc, text: str, words: DateWords, reference: date | None, fiscal_hint: FiscalCalendar | None,
        direction: Direction = "nearest", windows: Windows = "rolling",
    ) -> None:
        self.doc = doc
        self.text = text
        self.words = words
        self.reference = reference
        self.fiscal_hint = fiscal_hint  # The article's fiscal calendar, when the block names none.
        self.direction = direction
        self.windows = windows
        self._quantities: list[tuple[int, int]] | None = None

    def inside_quantity(self, start: int, end: int) -> bool:
        """True when a non-duration quantity strictly larger than the mention holds it ("$2030 million")."""
        if self._quantities is None:
            self._quantities = [
                (span.start_char, span.end_char)
                for span in self.doc.spans.get(QUANTITY_GROUP, [])
                if (span._.orewire_quantity or {}).get("quantity_type") != "duration"
            ]
        return any(s <= start and end <= e and e - s > end - start for s, e in self._quantities)

    def tense(self, start: int, end: int) -> Tense | None:
        """The clause's own tense: whether the mention is a date at all ("in three weeks") and readings
        that no configured direction changes ("cash at quarter-end was")."""
        return tense_at(self.doc, start, end, self.words)

    def side(self, start: int, end: int) -> Tense | None:
        """Which side of the reference a year-less name falls: the configured direction, or with
        "nearest" the clause's tense (``temporal.Direction``)."""
        if self.direction == "forward":
            return "future"
        if self.direction == "past":
            return "past"
        return self.tense(start, end)

    def day(self, month: int, number: int, reference: date, start: int, end: int) -> date | None:
        """The year-less ``month``/``number`` for the mention at ``start:end`` (``year_less_day``)."""
        return year_less_day(month, number, reference, self.side(start, end), close=self.direction == "nearest")

    def window(self, reference: date, unit: str, count: int, *, forward: bool) -> tp.Period:
        """"the past two weeks", "the next three days" under the configured ``windows`` (``temporal.Windows``)."""
        if self.windows == "calendar":
            return tp.calendar_window(reference, unit, count, forward=forward)
        return tp.rolling_period(reference, unit, count, forward=forward)

    def with_modifier(self, start: int, end: int, info: DateInfo, reference: date | None) -> tuple[int, int, DateInfo]:
        return with_modifier(self.text, start, end, info, reference, self.words.lexicon.modifiers)

    def previous_word(self, start: int) -> str:
        return previous_word(self.text, start)

    def next_word(self, end: int) -> str:
        match = NEXT_WORD.match(self.text[end : end + WORD_REACH])
        return match.group(1).lower() if match else ""


# A regex form's normaliser: the match and its block give the mention, or None when it is no date.
Normaliser = Callable[[re.Match[str], Block], Found | None]


def previous_word(text: str, start: int) -> str:
    """The lower-cased word before ``start`` (punctuation between them skipped)."""
    match = WORD_START_PREVIOUS_WORD.search(text[max(0, start - WORD_REACH) : start])
    return match.group(1).lower() if match else ""


def year_less_day(month: int, number: int, reference: date, tense: Tense | None, *, close: bool) -> date | None:
    """The nearest such day, the tense ruling out the wrong side; with ``close``, one within ``CLOSE_DAYS`` of the
    reference is taken whatever the tense."""
    nearest = nd.nearest_day(month, number, reference)
    if close and nearest is not None and abs((nearest - reference).days) <= CLOSE_DAYS:
        return nearest
    return nd.nearest_day(month, number, reference, tense)


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def capital_abbreviation(written: str) -> bool:
    """"MAR", "JAN.", "SEPT": a month written as an upper-case abbreviation, which is also how acronyms look
    ("Article 17 of MAR", the Market Abuse Regulation)."""
    letters = written.rstrip(".")
    return letters.isupper() and len(letters) <= 4


def day_number(text: str) -> int:
    """The number of a written day ("12th" -> 12)."""
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def month_pair(m: re.Match[str], block: Block) -> tuple[int, int] | None:
    """The two months of a range match ("May 15 to June 11", "March to May"): two different capitalised month
    names, joined by "and" only after "between"; None when the match is no range of months."""
    first_month, last_month = block.words.month(m["month"]), block.words.month(m["month2"])
    if first_month is None or last_month is None or first_month == last_month:
        return None
    if not (capitalised(m["month"]) and capitalised(m["month2"])):
        return None
    if m["sep"].lower() == "and" and block.previous_word(m.start()) != "between":
        return None
    return first_month, last_month


NOON = 12
HOURS_IN_DAY = 24


def clock_hour(hour: int, ampm: str | None) -> int | None:
    """The 24-hour hour of "3:36 PM" (15), "12:05 am" (0); a 24-hour hour after noon keeps a redundant "PM" ("16:19
    PM", a page style: 16); None for "14:00 am" or "0:30 pm", which contradict themselves.

    >>> clock_hour(3, "PM"), clock_hour(12, "a.m."), clock_hour(16, None), clock_hour(16, "PM"), clock_hour(16, "am")
    (15, 0, 16, 16, None)
    """
    if not ampm:
        return hour
    if NOON < hour < HOURS_IN_DAY and ampm[0].lower() == "p":
        return hour
    if not 1 <= hour <= NOON:
        return None
    return hour % 12 + (12 if ampm[0].lower() == "p" else 0)
