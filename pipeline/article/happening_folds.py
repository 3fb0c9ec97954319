"""Measured folds: records of one type and one actor whose differences the dev gold treats as one happening.

Two records of one event type with one agent can differ in where they stand (one sentence, near, far, another
section, a headline and its body) and in their details (another commodity, figure, year, project, place, modality or
trigger word). ``pair_pattern`` writes that as a pattern: the place, then the differing details, a detail differing
only when both records name it with no value shared (``event_happenings.distinguished``). The patterns of
``models/events/happening_folds.json``, each of one event type, are those the read real-news dev half showed as one
happening far more often than as two for that type (``benchmarks/surplus_events.py``); ``fold_measured`` folds a
record into the first record of its type and actor whose pair with it has such a pattern, with the merge every
other fold uses (``event_happenings.merge_records``).
"""

from __future__ import annotations

from collections.abc import Collection

from pipeline.article.event_antecedents import is_headline_record
from pipeline.article.event_happenings import (
    YEAR,
    DateYears,
    agent_key,
    distinguished,
    figures,
    merge_records,
    name_words,
    same_name,
)
from pipeline.schema.records import EntityRecord, EventRecord

NEAR = 2  # sentences apart that still count as near (a follow-up, as ``merging._merge_continuations`` reaches)
NAMED_DETAILS = (("commodity", "commodity"), ("year", YEAR), ("project", "project"), ("location", "location"))
Pattern = tuple[str, ...]


def place(first: EventRecord, second: EventRecord) -> str:
    """Where two records stand, one of ``PLACES``: in one sentence, near or far in one section and zone, in two
    sections or zones, a headline (title, heading, standfirst) and a body sentence, or two headlines."""
    headlines = is_headline_record(first) + is_headline_record(second)
    if headlines == 2:
        return "headlines"
    if headlines == 1:
        return "headline-body"
    if (first.section, first.zone) != (second.section, second.zone):
        return "section"
    gap = abs(first.sentence - second.sentence)
    return "sentence" if gap == 0 else "near" if gap <= NEAR else "far"


def pair_pattern(first: EventRecord, second: EventRecord, date_years: DateYears | None = None) -> Pattern:
    """The pair's place, then each detail that tells the two apart: both name it and share no value (figures:
    amounts, quantities, prices and durations by value); ``modality`` when the two differ in it, ``trigger`` when
    their trigger words share none ("deal" and "agreement")."""
    first_figures, second_figures = figures(first), figures(second)
    differing = ["figure"] if first_figures and second_figures and not first_figures & second_figures else []
    differing += [name for name, role in NAMED_DETAILS if distinguished(first, second, (role,), date_years)]
    if first.modality != second.modality:
        differing.append("modality")
    if not name_words(first.trigger.text) & name_words(second.trigger.text):
        differing.append("trigger")
    return (place(first, second), *sorted(differing))


def fold_measured(records: list[EventRecord], patterns: Collection[Pattern], by_id: dict[str, EntityRecord], *,
                  date_years: DateYears | None = None) -> list[EventRecord]:
    """Each record folds into the first kept record of its type whose agent is one name with its own, or none on both
    (``event_happenings.same_name``), and whose pair with it has one of ``patterns``, each written as (event type,
    place, differing details ...); others stay as they are."""
    wanted = frozenset(tuple(pattern) for pattern in patterns)
    folded_types = {pattern[0] for pattern in wanted}
    if not any(record.event_type in folded_types for record in records):
        return records
    kept: list[EventRecord] = []
    for record in sorted(records, key=lambda r: (r.trigger.start, r.event_type)):
        if record.event_type not in folded_types:  # no pattern of its type: no pair to compare
            kept.append(record)
            continue
        actor = agent_key(record, by_id)
        target = next(
            (r for r in kept if r.event_type == record.event_type and same_name(agent_key(r, by_id), actor)
             and (record.event_type, *pair_pattern(r, record, date_years)) in wanted), None)
        if target is None:
            kept.append(record)
        else:
            kept[kept.index(target)] = merge_records(target, record)
    return kept
