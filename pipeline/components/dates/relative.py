"""Relative dates, resolved against the block's reference day.

Two kinds of mention: the ``Matcher`` patterns of ``models/dates/patterns.jsonl`` ("yesterday",
"last week", "the past five years", "two years ago", "on Tuesday"), each label normalised by
the function ``MATCHER_NORMALISERS`` names for it; and regex forms naming a part of the current
period ("the end of the month", "year-end", "mid-decade", "year to date").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from types import MappingProxyType

from spacy.tokens import Span

from pipeline.components.dates.block import Block, Found
from pipeline.components.dates.modifiers import modifier_before
from pipeline.schema.annotations import DateInfo
from pipeline.text import nearest_dates as nd
from pipeline.text import temporal as tp
from pipeline.text.calendar_names import WEEKDAYS

MAX_COUNT = 100
SATURDAY = 5  # date.weekday() of a weekend's first day
ARTICLES = frozenset({"a", "an"})
# A Matcher rule's normaliser: the matched span and its block give the date, or None.
SpanNormaliser = Callable[[Span, Block], DateInfo | None]


# ------------------------------------------------------------------ regex forms


def decade_part(m: re.Match[str], block: Block) -> Found | None:
    """"mid-decade": that part of the reference's decade (like "the middle of the decade"); "mid-year", "mid-quarter",
    "midmonth", "mid-week": the middle of the reference's period."""
    modifier = block.words.lexicon.modifiers[(m["word"] or m["mid"]).lower()]
    unit = (m["unit"] or m["mid_unit"]).lower()
    ref = block.reference
    if ref is None:
        return tp.unresolved("year" if unit == "decade" else unit, modifier=modifier), m.start()
    return tp.to_info(tp.period_of(ref, unit), modifier=modifier, reference=ref), m.start()


def year_to_date(m: re.Match[str], block: Block) -> Found | None:
    """"year to date", "YTD": the reference's year from January 1 to the reference day."""
    if m.group().lower() == "ytd" and m.group() != "YTD":
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("year"), m.start()
    period = tp.year_period(ref.year)
    return tp.to_info(period, reference=ref, bounds=(period.start, ref)), m.start()


def unit_part(m: re.Match[str], block: Block) -> Found | None:
    """"the beginning of the month", "the end of the year", "the rest of the quarter", "by end of year"; "the end of
    the calendar year" (the year); "a strong start to the year", "a busy finish to the week" (that edge of the period)."""
    phrase = m["phrase"] or m["to_phrase"]
    if (not m["the"] or m["to_phrase"]) and (block.next_word(m.end()).isdigit() or block.text.startswith("-", m.end())):
        return None  # "end of year 2", "end of year-end", "a start to the year 2023": no period of the reference
    unit = m["unit"].lower()
    modifier = block.words.lexicon.modifiers[phrase.lower().split()[0]]  # "latter part": the word before "part"
    granularity = "year" if unit == "decade" else unit
    ref = block.reference
    if ref is None:
        return tp.unresolved(granularity, modifier=None if modifier == "rest" else modifier), m.start()
    period = _ended_period(m, block, ref, unit, modifier) if unit != "decade" else tp.period_of(ref, unit)
    if modifier == "rest":
        return tp.to_info(period, reference=ref, bounds=tp.rest_of(period, ref)), m.start()
    return tp.to_info(period, modifier=modifier, reference=ref), m.start()


def period_end(m: re.Match[str], block: Block) -> Found | None:
    """"year-end", "month-end", "quarter-start", "the quarter's end" with no year after them."""
    unit, modifier = m["unit"].lower(), m["phrase"].lower()
    if block.next_word(m.end()).isdigit():
        return None  # "year-end 2025": the year carries the modifier
    ref = block.reference
    if ref is None:
        return tp.unresolved(unit, modifier=modifier), m.start()
    return tp.to_info(_ended_period(m, block, ref, unit, modifier), modifier=modifier, reference=ref), m.start()


def _ended_period(m: re.Match[str], block: Block, ref: date, unit: str, modifier: str) -> tp.Period:
    """The reference's period, or for the end of it in a past clause ("cash at quarter-end was A$40m"
    in a report published in October) the last one that has ended: the period the report covers."""
    period = tp.period_of(ref, unit)
    if modifier == "end" and ref < period.end and not _after_deadline_word(m, block) \
            and block.tense(m.start(), m.end()) == "past":
        return tp.period_of(tp.shift_day(ref, unit, -1), unit)
    return period


def _after_deadline_word(m: re.Match[str], block: Block) -> bool:
    """Whether a deadline word stands before the mention, "the" between them allowed ("has extended the permit
    until the end of the month": the end still to come, whatever the verb's tense)."""
    start = m.start()
    if block.previous_word(start) == "the":
        start = block.text.rfind("the", 0, start)
    return block.previous_word(start) in block.words.lexicon.deadline_words


def within_period(m: re.Match[str], block: Block) -> Found | None:
    """"within the year", "Within the Month" (a headline), "during the course of the year": the reference's
    period, the words before the unit outside the span; not in a past clause ("doubled within the year" is a span of
    time after some event, "over the course of the year it doubled" the year the text was talking about)."""
    if block.tense(m.start(), m.end()) == "past":
        return None
    unit = m["unit"].lower()
    ref = block.reference
    if ref is None:
        return tp.unresolved(unit), m.start()
    return tp.to_info(tp.period_of(ref, unit), reference=ref), m.start()


# -------------------------------------------------------------- Matcher labels


def ends_a_name(span: Span) -> bool:
    """Whether a capitalised "Today" ends a proper name ("International Trade Today", "BIV Business Today"): a
    capitalised word before it, inside a sentence that is no title (a lower-case content word in it)."""
    token = span[0]
    if not token.text[:1].isupper() or token.i == 0 or token.is_sent_start:
        return False
    before = span.doc[token.i - 1]
    if not (before.is_alpha and before.text[:1].isupper()):
        return False
    sentence = token.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    return any(word.is_alpha and word.is_lower and not word.is_stop for word in sentence)


def relative_day(span: Span, block: Block) -> DateInfo | None:
    """"today", "yesterday", "tomorrow"; "this morning/afternoon/evening" (a part of the reference day: that day)."""
    if ends_a_name(span):
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("day")
    offset = block.words.lexicon.relative_days.get(span[0].lower_, 0)
    return tp.to_info(tp.day_period(tp.shift_day(ref, "day", offset)), reference=ref)


def weekday(span: Span, block: Block) -> DateInfo | None:
    """"on Tuesday", "last Friday", "next Monday", "this past Sunday", "the coming Friday": the tense picks the
    side of a bare weekday."""
    words = [token.lower_.rstrip(".") for token in span if token.text != "."]
    name = span[len(words) - 1].text
    # A full name is a date in any case ("met on thursday": no English word shares it), and so is an abbreviation
    # that is no word ("thu"); the others only capitalised ("wed", "sat" are verbs, "mon" a people).
    plain = words[-1] in WEEKDAYS or words[-1] in block.words.lexicon.plain_weekday_abbreviations
    if not name[:1].isupper() and not plain:
        return None
    if len(words) == 1 and block.previous_word(span.start_char) in block.words.lexicon.ordinals:
        return None  # "the third Tuesday after Christmas": counted from another date, not a weekday of its own
    ref = block.reference
    if ref is None:
        return tp.unresolved("day")
    # "this past Friday" / "this coming Monday": the word after "this" gives the side, as "last" / "next" do
    modifier = words[1] if words[0] == "this" and len(words) > 2 else words[0]
    offset = block.words.lexicon.deictics.get(modifier) if len(words) > 1 else None
    if offset == 0 and block.direction != "nearest":
        # a configured direction reads "this Monday" as the coming (or the last) one, today included, not
        # as the Monday of the reference's week (SPEC §3's reading, kept under "nearest")
        day = nd.weekday_date(block.words.weekdays[words[-1]], ref,
                              tense="future" if block.direction == "forward" else "past")
        return tp.to_info(tp.day_period(day), reference=ref)
    if offset is None and block.direction != "nearest":
        # A configured direction skips the reference's own weekday: that day is "today", so a bare
        # "Tuesday" said on a Tuesday is the coming (or, looking back, the last) one.
        offset = 1 if block.direction == "forward" else -1
    tense = None if offset is not None else block.tense(span.start_char, span.end_char)
    day = nd.weekday_date(block.words.weekdays[words[-1]], ref, tense=tense, offset=offset)
    return tp.to_info(tp.day_period(day), reference=ref)


def weekend(span: Span, block: Block) -> DateInfo | None:
    """"last weekend", "this weekend", "next weekend", "over the weekend": a Saturday and Sunday. "this" is the
    weekend of the reference's ISO week, "last"/"next" the one of the week before/after; a bare "the weekend" is
    the last one begun by the reference, or in a future clause the one ending the reference's week."""
    words = [token.lower_ for token in span]
    if len(words) == 1 and block.previous_word(span.start_char) != "the":
        return None
    ref = block.reference
    if ref is None:
        return tp.unresolved("week")
    offset = block.words.lexicon.deictics.get(words[0]) if len(words) > 1 else None
    if offset is None:
        started = ref.weekday() >= SATURDAY
        side = block.side(span.start_char, span.end_char)
        offset = 0 if side == "future" or started else -1
    return tp.to_info(weekend_period(ref + timedelta(weeks=offset)), reference=ref)


def weekend_period(day: date) -> tp.Period:
    """The weekend (Saturday and Sunday) of the ISO week containing ``day`` (value ``2023-W51-WE``, TIMEX3's)."""
    week = tp.week_period(day)
    return tp.Period(f"{week.value}-WE", "week", week.start + timedelta(days=SATURDAY), week.end)


# Words after which "last" is the verb ("to last 90 days", "will last two years"): an infinitive's "to" and the modals.
LAST_AS_VERB_AFTER = frozenset({"to", "will", "would", "can", "could", "should", "may", "might", "must", "shall"})
# Deictic words that make "decade" a rolling window of ten years rather than a calendar decade.
ROLLING_DECADE_WORDS = frozenset({"last", "next", "coming", "upcoming"})


def deictic(span: Span, block: Block) -> DateInfo | None:
    """"this week", "last year", "earlier this year", "the past year", "earlier in the month", "late in the year"."""
    words = [token.lower_ for token in span]
    lexicon = block.words.lexicon
    unit = lexicon.units.get(words[-1])
    if unit is None:
        return None
    offset = next((lexicon.deictics[word] for word in words if word in lexicon.deictics), 0)
    if words[:2] in (["this", "past"], ["this", "coming"]):  # "this past quarter": the one before this
        offset = lexicon.deictics[words[1]]
        words = words[1:]
        words[0] = "this"
    ref = block.reference
    if ref is None:
        return tp.unresolved(_granularity(unit))
    if words[0] == "past":  # "the past year", "the past decade": the twelve months (ten years) to the reference
        return tp.to_info(block.window(ref, unit, 1, forward=False), reference=ref)
    if unit == "decade" and words[0] in ROLLING_DECADE_WORDS and modifier_before(block.text, span.start_char) is None:
        # "over the next decade", "in the last decade": the ten years from (to) the reference, as the real-news
        # annotators read them (docs/realnews.md), where "last year" stays the calendar year before; with a
        # modifier ("the end of the next decade") the calendar decade, which a modifier can narrow
        return tp.to_info(block.window(ref, unit, 1, forward=offset > 0), reference=ref)
    # "early in the year", "late in the month": the reference's period with that modifier
    modifier = lexicon.modifiers.get(words[0]) if words[1:3] == ["in", "the"] else None
    return tp.to_info(tp.deictic_period(ref, unit, offset), modifier=modifier, reference=ref)


def rolling(span: Span, block: Block) -> DateInfo | None:
    """"the past five years", "the next two months", "the past couple of weeks", "the past fortnight": the window
    between the reference and that far."""
    words = [token.lower_ for token in span]
    lexicon = block.words.lexicon
    if words[0] == "last" and span.start > 0 and span.doc[span.start - 1].lower_ in LAST_AS_VERB_AFTER:
        return None  # "enough ore to last 100 days": a span of time the supply covers, no window of the calendar
    counted = _units_counted(words, len(words) - 1, block)
    if counted is None:
        return None
    unit, count = counted
    forward = any(lexicon.deictics.get(word, 0) > 0 for word in words)
    ref = block.reference
    if ref is None:
        return tp.unresolved(_granularity(unit))
    return tp.to_info(block.window(ref, unit, count, forward=forward), reference=ref)


def ago(span: Span, block: Block) -> DateInfo | None:
    """"two years ago", "a week ago", "a fortnight ago", "a couple of weeks ago"; not a comparison ("80% higher than
    a year ago", "double the levels seen five years ago"), nor a page's age on the reader's clock ("published 5 years
    ago", "updated two days ago")."""
    words = [token.lower_ for token in span]
    before = span.start - 1
    while before >= 0 and span.doc[before].lower_ in ARTICLES:  # "than [a] couple of years ago"
        before -= 1
    previous = span.doc[before].lower_ if before >= 0 else ""
    if previous in block.words.comparison_words or previous in block.words.reader_clock_words:
        return None
    counted = _units_counted(words, len(words) - 2, block)
    if counted is None:
        return None
    unit, count = counted
    ref = block.reference
    if ref is None:
        return tp.unresolved("day" if unit == "week" else _granularity(unit))
    day = tp.shift_day(ref, unit, -count)
    # "a week ago" is a day (the same weekday last week), like "in a week"; longer units keep their grain
    return tp.to_info(tp.day_period(day) if unit == "week" else tp.period_of(day, unit), reference=ref)


def _units_counted(words: list[str], unit_at: int, block: Block) -> tuple[str, int] | None:
    """The unit and number of units of a matched phrase whose unit word is ``words[unit_at]``: counted by the word
    before it ("five years"), by a count noun before "of" ("couple of weeks"), or one when a deictic word is
    all there is ("the past fortnight"); a unit worth several ("fortnight") multiplies the count."""
    named = block.words.unit_of(words[unit_at])
    if named is None or unit_at == 0:
        return None
    before = words[unit_at - 1]
    count: int | None
    if before == "of" and unit_at >= 2:
        count = block.words.lexicon.count_nouns.get(words[unit_at - 2])
    elif before in block.words.lexicon.deictics:
        count = 1
    else:
        count = _count(before, block)
    if count is None:
        return None
    unit, factor = named
    return unit, count * factor


def _granularity(unit: str) -> str:
    return "year" if unit == "decade" else unit


def _count(word: str, block: Block) -> int | None:
    """A count written as digits or a number word, None when zero, unknown or implausibly large."""
    count = int(word) if word.isdigit() else block.words.lexicon.numbers.get(word)
    if not count or count > MAX_COUNT:
        return None
    return count


# The normaliser of each label of models/dates/patterns.jsonl; the loader rejects any other label.
MATCHER_NORMALISERS: Mapping[str, SpanNormaliser] = MappingProxyType({
    "relative_day": relative_day,
    "deictic": deictic,
    "rolling": rolling,
    "ago": ago,
    "weekday": weekday,
    "weekend": weekend,
})
