"""Which step of the article pass removed each event record, and whether it was folded into another or dropped.

A measurement side channel (``benchmarks/event_recall.py``): an ``AgentTrail`` that also compares the records before
and after each noted step. A record that is gone after a step was folded when a record after that step holds its
trigger among its mentions (``merge_records`` joins them), else dropped. Nothing here changes a record, and nothing of
it is written to the output.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.article.agent_trail import AgentTrail, Records
from pipeline.schema.records import EventRecord

# the pass drops background records (``is_background``) in the step that strips reporters from the parties
STEP_DROPS = {"non_agent": "background"}
# the steps that only filter: a record they remove is dropped, whatever record of another type shares its trigger
FILTER_STEPS = frozenset({"non_agent", "unanchored", "unreal", "company_as_state", "agent_required"})


@dataclass(frozen=True)
class Removal:
    """The step that removed a record, and the id of the record it was folded into (None: dropped)."""

    step: str
    into: str | None


class RecordTrail(AgentTrail):
    """An ``AgentTrail`` that keeps, per removed record id, the ``Removal`` that took it out of the article pass."""

    def __init__(self, stage_paths: dict[str, str] | None = None) -> None:
        super().__init__(stage_paths)
        self.present: dict[str, EventRecord] = {}
        self.removed: dict[str, Removal] = {}
        self.last: dict[str, EventRecord] = {}  # every record id met, as it was last seen (a removed one: before removal)

    def start(self, records: Records) -> Records:
        self.present = {record.id: record for record in records}
        self.last.update(self.present)
        return super().start(records)

    def note(self, step: str, records: Records) -> Records:
        now = {record.id: record for record in records}
        for record_id, record in self.present.items():
            if record_id in now:
                continue
            into = None if step in FILTER_STEPS else next(
                (other.id for other in records if other.trigger.start == record.trigger.start
                 or any(mention.start == record.trigger.start for mention in other.mentions)), None)
            self.removed[record_id] = Removal(STEP_DROPS.get(step, step) if into is None else step, into)
        self.present = now
        self.last.update(now)
        return super().note(step, records)

    def fate(self, record_id: str) -> Removal | None:
        """What finally became of a removed record: a fold followed to the record it ends in (kept: the fold's step
        and that record; dropped later: the drop), None for a record never removed."""
        removal, seen = self.removed.get(record_id), {record_id}
        while removal is not None and removal.into is not None and removal.into in self.removed:
            if removal.into in seen:
                break
            seen.add(removal.into)
            later = self.removed[removal.into]
            removal = later if later.into is None else Removal(removal.step, later.into)
        return removal
