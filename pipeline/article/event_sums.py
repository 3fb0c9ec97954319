"""One raise, one record: a sentence that only repeats the sum of an earlier act retells it.

News names a placement, loan or grant with its actor once and then goes on about "the $53 million raise" without
saying who raised it. Such a subjectless record of a ``sum_retellings`` type that names a sum of money a same-type
record with an agent also names is that record's retelling, not a second happening, so it folds into it. A record that
names its own agent, or a sum nobody else names, stays. Pure functions on records.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.article.event_actors import name_key
from pipeline.resources.events import DocumentPolicy
from pipeline.schema.records import EventRecord

Merge = Callable[[EventRecord, EventRecord], EventRecord]


def sums(record: EventRecord) -> set[str]:
    """The comparison keys of the record's sums of money."""
    return {name_key(a.text) for a in record.arguments if a.role == "amount"}


def has_agent(record: EventRecord) -> bool:
    return any(a.role == "agent" for a in record.arguments)


def fold_retold_sums(records: list[EventRecord], policy: DocumentPolicy, merge: Merge) -> list[EventRecord]:
    """Fold each agentless record of a ``sum_retellings`` type into the first same-type record with an agent that
    names one of its sums; ``merge`` joins the two (mentions and missing arguments)."""
    kept = list(records)
    for record in [r for r in records if r.event_type in policy.sum_retellings and not has_agent(r) and sums(r)]:
        target = next((r for r in kept if r.event_type == record.event_type and has_agent(r)
                       and sums(r) & sums(record)), None)
        if target is not None:
            kept[kept.index(target)] = merge(target, record)
            kept.remove(record)
    return kept
