"""A side channel of the event stage: the trigger hits it matched and then removed, and which step removed each.

Measurement only (``benchmarks/event_recall.py`` tells why a gold event has no record from it): the stage appends one
``DroppedHit`` per removed hit to ``doc.user_data[DROPPED_KEY]``, a list on the Doc it annotates (no state outside
the Doc). Nothing here changes the stage's events, and nothing of it is written to the output.
"""

from __future__ import annotations

from typing import TypedDict

from spacy.tokens import Doc, Span

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


def note_dropped(doc: Doc, rule: str, event_type: str, trigger: Span, step: str) -> None:
    """Append a removed hit to the Doc's list (made on first use)."""
    hits: list[DroppedHit] = doc.user_data.setdefault(DROPPED_KEY, [])
    hits.append(DroppedHit(rule=rule, event_type=event_type, start=trigger.start_char, end=trigger.end_char, step=step))


def dropped_hits(doc: Doc) -> list[DroppedHit]:
    """The hits the event stage removed in ``doc`` (none noted: an empty list)."""
    hits: list[DroppedHit] = doc.user_data.get(DROPPED_KEY, [])
    return hits
