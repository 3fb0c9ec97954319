"""The article step for definite triggers ("the contract", "the deal"): the event stage sees one block, so it holds
such a trigger's record back, and only the article can tell whether it is the lone report of its type.

A back reference names a happening told before; when the article keeps no other record of that type (the first
telling fell to another test, or sits in a headline the rules do not read), the back reference is the only trace.
"""

from __future__ import annotations

from collections.abc import Set

from pipeline.schema.records import EventRecord


def lone_back_references(records: list[EventRecord], back_references: Set[str], types: Set[str],
                         roles: Set[str]) -> list[EventRecord]:
    """``records`` without the back references (ids in ``back_references``) that are not kept: one is kept when its
    type is in ``types``, it names a role of ``roles``, no other record of its type exists, and it is the first
    such of its type in text order."""
    told = {record.event_type for record in records if record.id not in back_references}
    chosen: dict[str, str] = {}  # type -> the id of its kept back reference
    for record in sorted(records, key=lambda r: r.trigger.start):
        if (record.id in back_references and record.event_type in types and record.event_type not in told
                and record.event_type not in chosen
                and any(argument.role in roles for argument in record.arguments)):
            chosen[record.event_type] = record.id
    kept = set(chosen.values())
    return [record for record in records if record.id not in back_references or record.id in kept]
