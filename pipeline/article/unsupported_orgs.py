"""ORG groups no mention of which has support (issue 13, entities, eighteenth session).

The entity stage marks each ORG mention only the model gives whose root modifies another noun or stands in a line
with no verb (``pipeline/components/entities/support.py``, ``models/entities/model_support.json``). A group
(label, normalized: the unit an entity is written and scored by) is dropped when every one of its mentions is so
marked and no block event takes one of them as an argument: one mention with a rule's, a clause's or an event's
support keeps the name.

GPE groups the same way (nineteenth session): the entity stage marks each GPE mention only the model gives that no
table knows and nothing around marks as a place (``pipeline/components/entities/place_cues.py``); a group is dropped
when every mention is so marked and it is still a GPE after linking ("Morro Alto hosts ..." at a paragraph's start,
a site the article names elsewhere, is linked to the FACILITY and kept).
"""

from __future__ import annotations

from collections.abc import Iterable, Set

from spacy.tokens import Doc

from pipeline.schema.labels import BLOCK_EXTENSION, UNSUPPORTED_MODEL_GROUP
from pipeline.schema.records import EntityRecord, EventRecord, span_record_id

DROPPED_LABEL = "ORG"  # a mention linking gave another label is judged under that label's rules, not here
PLACE_LABEL = "GPE"


def marked_ids(docs: Iterable[Doc], group: str = UNSUPPORTED_MODEL_GROUP) -> set[str]:
    """The entity record ids of the mentions the entity stage marked in span ``group`` (unsupported ORGs; uncued
    places: ``UNCUED_MODEL_PLACE_GROUP``), over an article's block docs."""
    found: set[str] = set()
    for doc in docs:
        if group not in doc.spans:
            continue
        context = getattr(doc._, BLOCK_EXTENSION)
        offset = context["offset"]
        found.update(span_record_id(context["doc_id"], "entity", offset + span.start_char, offset + span.end_char)
                     for span in doc.spans[group])
    return found


def without_unsupported_orgs(records: list[EntityRecord], marked: Set[str],
                             events: Iterable[EventRecord]) -> list[EntityRecord]:
    """``records`` less the ORG groups every mention of which is in ``marked`` and no argument of ``events`` names."""
    return _without_marked_groups(records, marked, events, DROPPED_LABEL)


def without_uncued_places(records: list[EntityRecord], marked: Set[str],
                          events: Iterable[EventRecord]) -> list[EntityRecord]:
    """``records`` less the GPE groups every mention of which is in ``marked`` and no argument of ``events`` names."""
    return _without_marked_groups(records, marked, events, PLACE_LABEL)


def _without_marked_groups(records: list[EntityRecord], marked: Set[str], events: Iterable[EventRecord],
                           label: str) -> list[EntityRecord]:
    if not marked:
        return records
    arguments = {argument.ref for event in events for argument in event.arguments if argument.ref}
    supported = {(record.label, record.normalized) for record in records
                 if record.label != label or record.id not in marked or record.id in arguments}
    return [record for record in records if (record.label, record.normalized) in supported]
