"""Date resources: the word lexicon and the relative-date ``Matcher`` patterns under ``models/dates``.

Each file is validated by a pydantic model that rejects unknown keys. English month and weekday names
are not here: they are closed-class words defined once in ``pipeline.text.calendar_names``; the month names of
other languages it reads are the generated ``foreign_months.json`` (``foreign_month_table``).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipeline.resources.files import ResourceError, ResourceReader, load_json

LEXICON_FILE = "dates/lexicon.json"
PATTERNS_FILE = "dates/patterns.jsonl"
HOLIDAYS_FILE = "dates/holidays.json"
FOREIGN_MONTHS_FILE = "dates/foreign_months.json"


class FiscalCalendar(BaseModel):
    """A jurisdiction's fiscal year, chosen by the cue words nearest a fiscal mention."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    start_month: int = Field(ge=1, le=12)
    named_by_end: bool
    cues: list[str] = Field(min_length=1)


Unit = Literal["day", "week", "month", "quarter", "year", "decade"]


class UnitMultiple(BaseModel):
    """A word worth ``count`` of ``unit`` ("fortnight": two weeks)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    unit: Unit
    count: int = Field(ge=1)


class DateLexicon(BaseModel):
    """``models/dates/lexicon.json``: the words the date rules are built from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    ambiguous_months: list[str]
    modifiers: dict[str, Literal["early", "mid", "late", "start", "end", "rest"]]
    fiscal_calendars: list[FiscalCalendar]
    split_fiscal_start_month: int = Field(ge=1, le=12)
    ordinals: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, Unit]
    # nouns counting a unit through "of" ("a couple of weeks": 2)
    count_nouns: dict[str, int] = Field(default_factory=dict)
    # words worth several of a unit ("a fortnight ago": two weeks)
    unit_multiples: dict[str, UnitMultiple] = Field(default_factory=dict)
    deictics: dict[str, int]
    relative_days: dict[str, int]
    month_context_words: list[str]
    # words after a month that make it a futures or delivery month ("March delivery", "the May contract"): the
    # coming one, whatever the clause's tense
    delivery_month_words: list[str] = Field(default_factory=list)
    non_year_before: list[str]
    non_year_after: list[str]
    weak_future_words: list[str]
    comparison_words: list[str]
    # "published 5 years ago": a page's age on the reader's clock, not a date of the article's time
    reader_clock_words: list[str] = Field(default_factory=list)
    year_prepositions: list[str]
    future_words: list[str]
    # verbs of intention: an infinitive after them is later than they are ("agreed to supply from June")
    intention_verbs: list[str] = Field(default_factory=list)
    # "Fri", "Tues.": abbreviated weekdays (0 = Monday), read capitalised only
    weekday_abbreviations: dict[str, int] = Field(default_factory=dict)
    # abbreviations that are no English word, dates in lower case too ("thu", "fri"; not "wed", "sat", "sun")
    plain_weekday_abbreviations: list[str] = Field(default_factory=list)
    # locales (CLDR codes) whose month names (``foreign_months.json``, generated from Babel) make a date between a day
    # and a year ("11 октября 2017")
    foreign_month_locales: list[str] = Field(default_factory=list)
    # locales (CLDR codes) whose month names, full or abbreviated, are read on a date line ("21 июля, 2022 14:46" above
    # an English story: ``pipeline/text/dateline.py``)
    date_line_locales: list[str] = Field(default_factory=list)
    # "the fifteenth", "March third": days of the month written as ordinal words
    day_ordinals: dict[str, int] = Field(default_factory=dict)
    # words naming the first or second half ("latter half", "back half of the year")
    half_ordinals: dict[str, int] = Field(default_factory=lambda: {"first": 1, "1st": 1, "second": 2, "2nd": 2})
    # fiscal calendars (``name``) whose jurisdictions write numeric dates day first ("14/03/2024")
    day_first_calendars: list[str] = Field(default_factory=list)
    # ISO 3166 countries whose short numeric date is month first (CLDR); every other country: day first
    month_first_countries: list[str] = Field(default_factory=list)
    # words before a year-less numeric date ("on 2/15", "until 15/2") and fractions-like forms that are no date
    numeric_date_cues: list[str] = Field(default_factory=list)
    numeric_idioms: list[str] = Field(default_factory=list)
    # seasons: name -> the first month of its three in the northern hemisphere ("winter": 12)
    seasons: dict[str, int] = Field(default_factory=dict)
    # words before a bare season that make it a date ("in spring", "over the summer")
    season_context_words: list[str] = Field(default_factory=list)
    # words right before a date that make it a publisher's founding tagline ("Est. May 19, 1883")
    founding_cues: list[str] = Field(default_factory=list)
    # Words after "the first six months" that count the months from an event ("of operation", "after the restart").
    counted_from_words: list[str] = Field(default_factory=list)
    # words before a year-less period that make it the earlier side of a comparison ("up from ... in")
    comparison_cues: list[str] = Field(default_factory=list)
    # a source's country from its web address: country-code domains that differ from the ISO code ("uk": GB),
    # and country-code domains sold as generic names ("io", "tv", "co"), which say nothing of the country
    country_domain_aliases: dict[str, str] = Field(default_factory=dict)
    vanity_country_domains: list[str] = Field(default_factory=list)
    # where seasons flip: ISO countries mostly south of the equator, and fiscal calendars of the south
    southern_countries: list[str] = Field(default_factory=list)
    southern_calendars: list[str] = Field(default_factory=list)
    # words opening a deadline ("extended until the end of the month"): the end of a period they reach is the
    # reference's own period even in a past clause, since a deadline lies ahead of the act that set it
    deadline_words: list[str] = Field(default_factory=list)
    # deictic words that name a fiscal year ("this fiscal", "the previous financial year"); each is a key of
    # ``deictics``, which gives its offset
    fiscal_deictics: list[str] = Field(default_factory=list)
    # weekdays (0 = Monday) that open a week in some calendar: "the week of <such a day>" is the week the day opens
    # (a Sunday opens the US week, whose working days are the next ISO week); other days name their own ISO week
    week_opening_weekdays: list[int] = Field(default_factory=list)
    # words between a count or an ordinal weekday and the date it is counted from, with the side they count to
    # ("the third Tuesday after Christmas", "a year from March 3": 1; "two weeks before June 5": -1)
    anchor_sides: dict[str, Literal[-1, 1]] = Field(default_factory=dict)
    # words between "for <count> <units>" and the day the span starts on: "reach" runs to the day that many units
    # later ("for 10 days from 18 December": 18-28 December, as "10 days from" names the 28th), "count" holds that
    # many whole units ("for two weeks starting 3 March": 3-16 March)
    span_openers: dict[str, Literal["reach", "count"]] = Field(default_factory=dict)
    # words that make a count after them a window or a length, not a shift from a day ("the 30 days before March 1",
    # "for four months from February 22": a span, or under the default a day and a duration of their own)
    no_shift_words: frozenset[str] = Field(default_factory=frozenset)

    @model_validator(mode="after")
    def fiscal_deictics_known(self) -> DateLexicon:
        unknown = sorted(set(self.fiscal_deictics) - set(self.deictics))
        if unknown:
            raise ValueError(f"fiscal_deictics without an offset in deictics: {unknown}")
        return self


class MatcherRule(BaseModel):
    """One row of ``models/dates/patterns.jsonl``: a spaCy ``Matcher`` token pattern and the
    label naming the normaliser that reads its matches."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    pattern: list[dict[str, Any]] = Field(min_length=1)


# The fields each kind of holiday rule sets: a fixed day, an n-th weekday, an Easter offset, a day after another.
HOLIDAY_RULES = ({"month", "day"}, {"month", "weekday", "nth"}, {"easter"}, {"after"})


class Holiday(BaseModel):
    """A named day and its one rule: a fixed day of a month, the ``nth`` weekday of a month (-1 the
    last), a number of days from Easter Sunday, or a number of days after another holiday."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    names: list[str] = Field(min_length=1)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    weekday: int | None = Field(default=None, ge=0, le=6)
    nth: int | None = Field(default=None, ge=-1, le=5)
    easter: int | None = None
    after: str | None = None
    days: int = 0

    @model_validator(mode="after")
    def one_rule(self) -> Holiday:
        given = {name for name in ("month", "day", "weekday", "nth", "easter", "after") if getattr(self, name) is not None}
        if given not in HOLIDAY_RULES or self.nth == 0:
            raise ValueError(f"holiday {self.names[0]!r}: give exactly one of month+day, month+weekday+nth, easter, after")
        return self


class HolidayTable(BaseModel):
    """``models/dates/holidays.json``: every named day the date stage resolves."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    holidays: list[Holiday]

    @model_validator(mode="after")
    def known_bases(self) -> HolidayTable:
        # a base is a holiday with a rule of its own: no chains, so no cycles
        bases = {name for holiday in self.holidays if holiday.after is None for name in holiday.names}
        for holiday in self.holidays:
            if holiday.after is not None and holiday.after not in bases:
                raise ValueError(f"holiday {holiday.names[0]!r}: {holiday.after!r} is no holiday with its own rule")
        return self


def load_lexicon(reader: ResourceReader | None = None, path: str = LEXICON_FILE) -> DateLexicon:
    """The date lexicon of ``models/`` (or of a saved copy, via ``reader``), validated."""
    return (reader or ResourceReader()).json(path, DateLexicon)


def load_holidays(reader: ResourceReader | None = None, path: str = HOLIDAYS_FILE) -> HolidayTable:
    """The holiday table of ``models/`` (or of a saved copy, via ``reader``), validated."""
    return (reader or ResourceReader()).json(path, HolidayTable)


def load_rules(reader: ResourceReader, labels: Collection[str], path: str = PATTERNS_FILE) -> list[MatcherRule]:
    """The relative-date patterns, validated; a label outside ``labels`` (the labels the stage
    has a normaliser for) raises ``ResourceError`` instead of being silently ignored."""
    rules = reader.jsonl(path, MatcherRule)
    unknown = sorted({rule.label for rule in rules} - set(labels))
    if unknown:
        raise ResourceError(f"models/{path}: unknown labels {unknown}; known: {sorted(labels)}")
    return rules


MonthWidth = Literal["wide", "abbreviated"]
MonthContext = Literal["format", "stand-alone"]
TwelveNames = Annotated[list[str], Field(min_length=12, max_length=12)]


class ForeignMonthTable(BaseModel):
    """``models/dates/foreign_months.json``, generated by ``build_foreign_months.py`` from Babel's CLDR data:
    per locale, width (full, abbreviated) and context (inside a date, standing alone), the twelve month names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    comment: str = Field("", alias="_comment")
    locales: dict[str, dict[MonthWidth, dict[MonthContext, TwelveNames]]]

    def names(self, locale: str, width: MonthWidth, context: MonthContext) -> list[str]:
        """The twelve names, January first; a locale the table lacks is an error naming the build script."""
        if locale not in self.locales:
            raise ResourceError(f"models/{FOREIGN_MONTHS_FILE} has no locale {locale!r}: add it to the lexicon's "
                                f"foreign_month_locales or date_line_locales and rerun "
                                f"models/dates/build_foreign_months.py")
        return self.locales[locale][width][context]


@lru_cache(maxsize=1)
def foreign_month_table() -> ForeignMonthTable:
    """The packaged month names of other languages, loaded once per process."""
    return load_json(FOREIGN_MONTHS_FILE, ForeignMonthTable)
