"""Date resources: the word lexicon and the relative-date ``Matcher`` patterns under ``models/dates``.

Each file is validated by a pydantic model that rejects unknown keys. Month and weekday names
are not here: they are closed-class words defined once in ``pipeline.text.calendar_names``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.resources.files import ResourceError, ResourceReader

LEXICON_FILE = "dates/lexicon.json"
PATTERNS_FILE = "dates/patterns.jsonl"


class FiscalCalendar(BaseModel):
    """A jurisdiction's fiscal year, chosen by the cue words nearest a fiscal mention."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    start_month: int = Field(ge=1, le=12)
    named_by_end: bool
    cues: list[str] = Field(min_length=1)


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
    units: dict[str, Literal["day", "week", "month", "quarter", "year", "decade"]]
    deictics: dict[str, int]
    relative_days: dict[str, int]
    month_context_words: list[str]
    non_year_before: list[str]
    non_year_after: list[str]
    weak_future_words: list[str]
    comparison_words: list[str]
    year_prepositions: list[str]
    future_words: list[str]
    # "Fri", "Tues.": abbreviated weekdays (0 = Monday), read capitalised only
    weekday_abbreviations: dict[str, int] = Field(default_factory=dict)
    # "the fifteenth", "March third": days of the month written as ordinal words
    day_ordinals: dict[str, int] = Field(default_factory=dict)
    # fiscal calendars (``name``) whose jurisdictions write numeric dates day first ("14/03/2024")
    day_first_calendars: list[str] = Field(default_factory=list)


class MatcherRule(BaseModel):
    """One row of ``models/dates/patterns.jsonl``: a spaCy ``Matcher`` token pattern and the
    label naming the normaliser that reads its matches."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    pattern: list[dict[str, Any]] = Field(min_length=1)


def load_lexicon(reader: ResourceReader | None = None, path: str = LEXICON_FILE) -> DateLexicon:
    """The date lexicon of ``models/`` (or of a saved copy, via ``reader``), validated."""
    return (reader or ResourceReader()).json(path, DateLexicon)


def load_rules(reader: ResourceReader, labels: Collection[str], path: str = PATTERNS_FILE) -> list[MatcherRule]:
    """The relative-date patterns, validated; a label outside ``labels`` (the labels the stage
    has a normaliser for) raises ``ResourceError`` instead of being silently ignored."""
    rules = reader.jsonl(path, MatcherRule)
    unknown = sorted({rule.label for rule in rules} - set(labels))
    if unknown:
        raise ResourceError(f"models/{path}: unknown labels {unknown}; known: {sorted(labels)}")
    return rules
