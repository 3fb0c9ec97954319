"""One raise, one record: a sentence that only repeats the sum of an earlier act retells it.

News names a placement, loan or grant with its actor once and then goes on about "the $53 million raise" without
saying who raised it. Such a subjectless record of a ``sum_retellings`` type that names a sum of money a same-type
record with an agent also names is that record's retelling, not a second happening, so it folds into it. A record that
names another agent, or a sum nobody else names, stays. A record naming the same agent and the same sum as an earlier
record of its type retells it too, in any section: a highlights list over a release ("A$200 million investment from
the fund") and the body paragraph telling it again are one investment. A record whose one sum is the total of the sums
of two or more other records of its type and actor ("a US$45 million package": a US$37.5 million bond and a US$7.5
million share offer) names the parts' happenings together: it folds into the first part, without its total. Pure
functions on records.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pipeline.article.event_actors import name_key
from pipeline.resources.events import DocumentPolicy
from pipeline.schema.records import EventRecord

Merge = Callable[[EventRecord, EventRecord], EventRecord]

# two sums within this share of each other are one sum (rounded parts: US$37.5m + US$7.5m = US$45m)
_SUM_TOLERANCE = 0.005


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


# an amount argument's quantity record id -> (currency code, value), read by the quantities stage
Amounts = Mapping[str, tuple[str, float]]


def _sums_in(record: EventRecord, amounts: Amounts) -> list[tuple[str, float]]:
    return [amounts[a.ref] for a in record.arguments if a.role == "amount" and a.ref is not None and a.ref in amounts]


def _one_actor(first: set[str], second: set[str]) -> bool:
    """The same agent, or one name the other's first words ("First Cobalt" and "First Cobalt Corp.")."""
    return any(long.split()[:len(short.split())] == short.split()
               for a in first for b in second for short, long in [sorted((a, b), key=len)])


def fold_totals(records: list[EventRecord], policy: DocumentPolicy, merge: Merge,
                amounts: Amounts) -> list[EventRecord]:
    """Fold a ``sum_retellings`` record whose single sum is the total of one same-currency sum from each of two or more
    other records of its type and actor into the first of those parts, its total left out ("a US$45 million package"
    beside "a US$37.5 million bond" and "a US$7.5 million share offer": two happenings, told together once)."""
    kept = list(records)
    for record in [r for r in records if r.event_type in policy.sum_retellings and has_agent(r)]:
        totals = _sums_in(record, amounts)
        if len(totals) != 1 or record not in kept:
            continue
        currency, total = totals[0]
        parts = [(r, next(value for mark, value in _sums_in(r, amounts) if mark == currency)) for r in kept
                 if r is not record and r.event_type == record.event_type and has_agent(r)
                 and _one_actor(agents(r), agents(record)) and any(mark == currency for mark, _ in _sums_in(r, amounts))]
        if len(parts) < 2 or abs(sum(value for _, value in parts) - total) > _SUM_TOLERANCE * total:
            continue
        first = min((part for part, _ in parts), key=lambda r: r.trigger.start)
        without_total = record.model_copy(update={"arguments": [a for a in record.arguments if a.role != "amount"]})
        kept[kept.index(first)] = merge(first, without_total)
        kept.remove(record)
    return kept
