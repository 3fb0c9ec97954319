"""A side channel of the event stage: the trigger hits it matched and then removed, and which step removed each.

Measurement only (``benchmarks/event_recall.py`` tells why a gold event has no record from it): the stage appends one
``DroppedHit`` per removed hit to ``doc.user_data[DROPPED_KEY]``, a list on the Doc it annotates (no state outside
the Doc). Nothing here changes the stage's events, and nothing of it is written to the output.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

from spacy.tokens import Doc, Span

from pipeline.components.events.selection import Candidate

DROPPED_KEY = "orewire_dropped_events"
BUCKET_STEP = "bucket"  # a measured trigger bucket (``buckets.py``) dropped it, or it lacked the roles it needs
SAME_CLAUSE_STEP = "same_clause"  # another hit of its type in its clause was chosen (``selection.select``)


class DroppedHit(TypedDict):
    """A removed hit: its rule and type, its trigger's character offsets in the Doc, the step that removed it."""

    rule: str
    event_type: str
    start: int
    end: int
    step: str
    # a same_clause hit: its agent and figure/date texts, and those of the hit chosen for its sentence and type
    agent: NotRequired[str]
    details: NotRequired[list[str]]
    kept_agent: NotRequired[str]
    kept_details: NotRequired[list[str]]


FIGURE_DATE_ROLES = frozenset({"amount", "quantity", "price", "date", "effective_date"})


def note_dropped(doc: Doc, rule: str, event_type: str, trigger: Span, step: str) -> None:
    """Append a removed hit to the Doc's list (made on first use)."""
    hits: list[DroppedHit] = doc.user_data.setdefault(DROPPED_KEY, [])
    hits.append(DroppedHit(rule=rule, event_type=event_type, start=trigger.start_char, end=trigger.end_char, step=step))


def dropped_hits(doc: Doc) -> list[DroppedHit]:
    """The hits the event stage removed in ``doc`` (none noted: an empty list)."""
    hits: list[DroppedHit] = doc.user_data.get(DROPPED_KEY, [])
    return hits


def candidate_details(doc: Doc, candidate: Candidate) -> tuple[str, list[str]]:
    """A candidate's agent text (lower case, "" for none) and the lower-cased texts of its figures and dates."""
    details = sorted({doc.text[arg["start"]:arg["end"]].lower() for arg in candidate.arguments
                      if arg["role"] in FIGURE_DATE_ROLES})
    return candidate.agent_key or "", details


def note_same_clause(doc: Doc, removed: Candidate, chosen: list[Candidate]) -> None:
    """Note a hit ``selection.select`` left out for another of its type and clause, with its agent and details and
    those of the chosen hit of its sentence and type nearest to it (the one that took its place)."""
    rivals = [kept for kept in chosen if kept.rule.event_type == removed.rule.event_type
              and kept.sentence.span.start == removed.sentence.span.start]
    kept = min(rivals, key=lambda c: abs(c.trigger.start - removed.trigger.start), default=None)
    note_dropped(doc, removed.rule.id, removed.rule.event_type, removed.trigger, SAME_CLAUSE_STEP)
    hit = dropped_hits(doc)[-1]
    hit["agent"], hit["details"] = candidate_details(doc, removed)
    hit["kept_agent"], hit["kept_details"] = candidate_details(doc, kept) if kept is not None else ("", [])
