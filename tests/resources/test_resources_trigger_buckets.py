"""The measured trigger buckets (``models/events/trigger_buckets.json``): they load, name real rules of their type,
carry their evidence, and each gives exactly one action."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.resources.events import load_event_resources
from pipeline.resources.files import ResourceReader
from pipeline.resources.trigger_buckets import TriggerBucket, load_trigger_buckets


def test_every_bucket_names_a_rule_of_its_type_and_the_evidence_the_threshold_asks() -> None:
    reader = ResourceReader()
    rules = {rule.id: rule for rule in load_event_resources(reader).rules}
    buckets = load_trigger_buckets(reader)
    assert buckets.source and buckets.threshold
    for bucket in buckets.buckets:
        rule = rules[bucket.rule]
        assert bucket.event_type in {rule.event_type, rule.rate_type}
        assert bucket.evidence.records >= 5 and bucket.evidence.articles >= 3
        assert bucket.evidence.type_right <= bucket.evidence.records
        assert bucket.evidence.matched <= bucket.evidence.type_right


def test_a_bucket_gives_exactly_one_action() -> None:
    good = {"event_type": "investment", "rule": "invest.verb", "lemma": "investment", "drop": True,
            "evidence": {"records": 5, "articles": 3, "type_right": 1, "matched": 0}}
    TriggerBucket.model_validate(good)  # so each rejection below is for the one thing changed
    with pytest.raises(ValidationError, match="exactly one"):
        TriggerBucket.model_validate({**good, "require_roles": ["amount"]})
    with pytest.raises(ValidationError, match="exactly one"):
        TriggerBucket.model_validate({**good, "drop": False})
    with pytest.raises(ValidationError, match="event_type"):
        TriggerBucket.model_validate({**good, "event_type": "weather"})
