"""One stake purchase, one record: the size of the stake decides between ``merger_acquisition`` and ``investment``.

SPEC section 4 makes a stake "short of control" an investment and a controlling stake an acquisition, so a sentence
that reports one purchase with both an acquisition word and a stake word ("acquiring a 9% stake") gives one record,
of the type its percentage says (``DocumentPolicy.stake_pair`` and ``control_share``). Pure functions on records.
"""

from __future__ import annotations

import re

from pipeline.resources.events import DocumentPolicy
from pipeline.schema.records import EventRecord

_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)", re.IGNORECASE)


def stake_share(record: EventRecord) -> float | None:
    """The largest percentage the record's quantity arguments name (the stake), None without one."""
    shares = [float(match.group(1)) for a in record.arguments if a.role == "quantity"
              for match in [_PERCENT.search(a.text)] if match]
    return max(shares) if shares else None


def fold_stakes(records: list[EventRecord], policy: DocumentPolicy) -> list[EventRecord]:
    """An acquisition and an investment record naming one stake percentage, in one sentence or by one buyer, become
    one record: the acquisition when the stake reaches ``control_share``, the investment below it. Pairs without a
    shared percentage (a takeover beside a separate placement) stay as they are."""
    if not policy.stake_pair or policy.control_share is None:
        return records
    control_type, minority_type = policy.stake_pair
    dropped: set[str] = set()
    for control in [r for r in records if r.event_type == control_type]:
        share = stake_share(control)
        minority = next((r for r in records if r.event_type == minority_type and r.id not in dropped
                         and _same_purchase(control, r)
                         and share is not None and stake_share(r) == share), None)
        if minority is None or share is None:
            continue
        dropped.add(minority.id if share >= policy.control_share else control.id)
    return [record for record in records if record.id not in dropped]


def _same_purchase(first: EventRecord, second: EventRecord) -> bool:
    """One sentence, or one named buyer (a lead and the body sentence that retells it)."""
    if (first.sentence, first.zone) == (second.sentence, second.zone):
        return True
    buyers = [{a.text.lower() for a in r.arguments if a.role == "agent"} for r in (first, second)]
    return bool(buyers[0] & buyers[1])
