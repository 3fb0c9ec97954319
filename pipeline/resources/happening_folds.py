"""Measured happening folds of the event merger (``models/events/happening_folds.json``).

A fold is a pattern of two event records of one type and one actor, kept per event type: where they stand and
which details tell them apart (``pipeline.article.happening_folds.pair_pattern``). ``benchmarks/surplus_events.py``
counts, on the read real-news dev half, how often each pattern joins a surplus record to the record the gold matched
(one happening told twice) and how often it joins two matched records (two happenings); the file keeps the patterns
its rule folds, each with that evidence, and says where they came from (the table, the rule, the date).
"""

from __future__ import annotations

from pydantic import Field, field_validator

from pipeline.resources.files import ResourceReader, StrictData
from pipeline.schema.labels import EventType

FOLDS_FILE = "events/happening_folds.json"
PLACES = ("sentence", "near", "far", "section", "headline-body", "headlines")
DETAILS = ("commodity", "figure", "location", "modality", "project", "trigger", "year")


class FoldEvidence(StrictData):
    """The read dev counts a fold rests on: surplus and both-matched pairs of its pattern, and their articles."""

    surplus: int = Field(ge=0)
    surplus_articles: int = Field(ge=0)
    both_matched: int = Field(ge=0)
    both_articles: int = Field(ge=0)


class HappeningFold(StrictData):
    """One folded pattern of one event type: a place, then the details that differ (sorted)."""

    event_type: EventType
    pattern: tuple[str, ...]
    evidence: FoldEvidence
    note: str = ""

    @field_validator("pattern")
    @classmethod
    def _known(cls, pattern: tuple[str, ...]) -> tuple[str, ...]:
        if not pattern or pattern[0] not in PLACES:
            raise ValueError(f"a pattern starts with one of {PLACES}: {pattern}")
        details = pattern[1:]
        if any(detail not in DETAILS for detail in details) or list(details) != sorted(set(details)):
            raise ValueError(f"a pattern's details are sorted, distinct names of {DETAILS}: {pattern}")
        return pattern


class HappeningFolds(StrictData):
    """The file: where its decisions came from, the rule, and the folded patterns."""

    source: str = Field(description="The table, the half of the set it was measured on, and the date.")
    rule: str = Field(description="When a pattern is folded, fixed before the table was applied.")
    folds: list[HappeningFold] = Field(default_factory=list)

    def patterns(self) -> frozenset[tuple[str, ...]]:
        """Each fold as (event type, place, differing details ...)."""
        return frozenset((fold.event_type, *fold.pattern) for fold in self.folds)


def load_happening_folds(reader: ResourceReader, relative_path: str = FOLDS_FILE) -> HappeningFolds:
    """The measured folds, validated."""
    return reader.json(relative_path, HappeningFolds)
