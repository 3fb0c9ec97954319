"""Measured trigger buckets of the event stage (``models/events/trigger_buckets.json``).

A bucket is one trigger rule firing on one trigger lemma for one event type. ``benchmarks/trigger_precision.py``
measures how often each bucket's records are right on the read real-news dev half; a bucket whose records are
mostly wrong there is dropped, or narrowed to the records that name one of some argument roles. The file says where
each entry came from (the table, the threshold, the date).
"""

from __future__ import annotations

from pydantic import Field, model_validator

from pipeline.resources.files import ResourceReader, StrictData
from pipeline.schema.labels import EventType

BUCKETS_FILE = "events/trigger_buckets.json"


class BucketEvidence(StrictData):
    """The read dev counts a decision rests on (records, their articles, type-right and (type, agent)-matched ones)."""

    records: int = Field(ge=0)
    articles: int = Field(ge=0)
    type_right: int = Field(ge=0)
    matched: int = Field(ge=0)
    kept_type_right: int | None = Field(default=None, ge=0, description="Type-right records a narrowing keeps.")
    kept: int | None = Field(default=None, ge=0, description="Records a narrowing keeps.")


class TriggerBucket(StrictData):
    """One (event type, rule, trigger lemma) bucket and what is done with it: dropped, or kept only with a role."""

    event_type: EventType
    rule: str = Field(description="The trigger rule's id in triggers.jsonl.")
    lemma: str = Field(description="The trigger's lower-case lemmas, space-separated, as the stage reads them.")
    drop: bool = Field(default=False, description="The bucket reports no event.")
    require_roles: list[str] = Field(default_factory=list, description="The bucket's record needs one of these "
                                     "argument roles from the stage (an agent, a sum of money, a figure).")
    evidence: BucketEvidence
    note: str = ""

    @model_validator(mode="after")
    def _one_action(self) -> TriggerBucket:
        if self.drop == bool(self.require_roles):
            raise ValueError(f"bucket {self.rule}/{self.lemma}: give exactly one of 'drop' and 'require_roles'")
        return self


class TriggerBuckets(StrictData):
    """The file: where its decisions came from, and the buckets decided."""

    source: str = Field(description="The table, the half of the set it was measured on, and the date.")
    threshold: str = Field(description="When a bucket is acted on, and the evidence it needs.")
    buckets: list[TriggerBucket] = Field(default_factory=list)


def load_trigger_buckets(reader: ResourceReader, relative_path: str = BUCKETS_FILE) -> TriggerBuckets:
    """The measured buckets, validated."""
    return reader.json(relative_path, TriggerBuckets)
