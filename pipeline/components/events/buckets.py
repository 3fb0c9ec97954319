"""Measured trigger buckets: a rule firing on one lemma whose records the read dev half found mostly wrong is
dropped, or kept only when the stage gave it one of some argument roles (``models/events/trigger_buckets.json``)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from pipeline.resources.trigger_buckets import TriggerBucket, TriggerBuckets
from pipeline.schema.annotations import ArgumentInfo


def trigger_lemma(trigger: Span) -> str:
    """A trigger's lower-case lemmas, space-separated: the bucket key ``benchmarks/trigger_precision.py`` reports."""
    return " ".join(token.lemma_.lower() for token in trigger)


class BucketPolicy:
    """Whether an accepted trigger of a rule, with the arguments the stage attached, reports an event."""

    def __init__(self, buckets: TriggerBuckets) -> None:
        self.by_key: dict[tuple[str, str, str], TriggerBucket] = {
            (bucket.event_type, bucket.rule, bucket.lemma): bucket for bucket in buckets.buckets}
        self.rules = frozenset(bucket.rule for bucket in buckets.buckets)

    def keeps(self, event_type: str, rule: str, trigger: Span, arguments: Iterable[ArgumentInfo]) -> bool:
        """False for a dropped bucket, and for a narrowed one whose record names none of its required roles."""
        if rule not in self.rules:
            return True
        bucket = self.by_key.get((event_type, rule, trigger_lemma(trigger)))
        if bucket is None:
            return True
        if bucket.drop:
            return False
        return any(argument["role"] in bucket.require_roles for argument in arguments)
