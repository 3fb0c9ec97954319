"""One raise, one record: a sentence that only repeats the sum of an earlier act retells it.

News names a placement, loan or grant with its actor once and then goes on about "the $53 million raise" without
saying who raised it. Such a subjectless record of a ``sum_retellings`` type that names a sum of money a same-type
record with an agent also names is that record's retelling, not a second happening, so it folds into it. A record that
names another agent, or a sum nobody else names, stays. A record naming the same agent and the same sum as an earlier
record of its type retells it too, in any section: a highlights list over a release ("A$200 million investment from
the fund") and the body paragraph telling it again are one investment. Pure functions on records.
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


def agents(record: EventRecord) -> set[str]:
    """The comparison keys of the record's agents."""
    return {name_key(a.text) for a in record.arguments if a.role == "agent"}


def fold_retold_sums(records: list[EventRecord], policy: DocumentPolicy, merge: Merge) -> list[EventRecord]:
    """Fold each record of a ``sum_retellings`` type that is agentless, or names the agent of an earlier same-type
    record, into the first same-type record with an agent that names one of its sums (and that agent); ``merge``
    joins the two (mentions and missing arguments)."""
    kept = list(records)
    for record in [r for r in records if r.event_type in policy.sum_retellings and sums(r)]:
        if record not in kept:  # already folded into, or absorbed
            continue
        named = agents(record)
        target = next((r for r in kept if r is not record and r.event_type == record.event_type and has_agent(r)
                       and sums(r) & sums(record) and named <= agents(r)
                       and (not named or r.trigger.start < record.trigger.start)), None)
        if target is not None:
            kept[kept.index(target)] = merge(target, record)
            kept.remove(record)
    return kept
