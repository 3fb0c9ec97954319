"""Measured trigger buckets (pipeline/components/events/buckets.py, models/events/trigger_buckets.json): a rule firing
on one lemma is dropped, or kept only with an anchoring role; other rules and lemmas are untouched."""

from __future__ import annotations

import spacy
from events_helpers import events_of
from spacy.tokens import Doc, Span

from pipeline.components.events.buckets import BucketPolicy, trigger_lemma
from pipeline.resources.trigger_buckets import BucketEvidence, TriggerBucket, TriggerBuckets
from pipeline.schema.annotations import ArgumentInfo

EVIDENCE = BucketEvidence(records=6, articles=4, type_right=1, matched=0)


def policy() -> BucketPolicy:
    return BucketPolicy(TriggerBuckets(source="a table of our own", threshold="made up for the test", buckets=[
        TriggerBucket(event_type="investment", rule="invest.verb", lemma="investment",
                      require_roles=["amount", "quantity"], evidence=EVIDENCE),
        TriggerBucket(event_type="exploration", rule="explore.drilling", lemma="exploration", drop=True,
                      evidence=EVIDENCE),
    ]))


def trigger(words: list[str], lemmas: list[str], start: int, end: int) -> Span:
    return Span(Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas), start, end)


def role(name: str) -> ArgumentInfo:
    return ArgumentInfo(role=name, start=0, end=1)


def test_the_lemma_key_joins_the_trigger_tokens_lower_cased() -> None:
    assert trigger_lemma(trigger(["Export", "Controls", "widen"], ["Export", "control", "widen"], 0, 2)) == \
        "export control"


def test_a_narrowed_bucket_keeps_only_records_with_a_required_role() -> None:
    word = trigger(["their", "investment", "grew"], ["their", "investment", "grow"], 1, 2)
    assert not policy().keeps("investment", "invest.verb", word, [role("agent")])
    assert policy().keeps("investment", "invest.verb", word, [role("agent"), role("amount")])
    assert policy().keeps("investment", "invest.verb", word, [role("quantity")])


def test_a_dropped_bucket_reports_nothing_whatever_its_arguments() -> None:
    word = trigger(["regional", "exploration", "work"], ["regional", "exploration", "work"], 1, 2)
    assert not policy().keeps("exploration", "explore.drilling", word, [role("agent"), role("amount")])


def test_another_lemma_type_or_rule_is_untouched() -> None:
    verb = trigger(["they", "invest", "more"], ["they", "invest", "more"], 1, 2)
    noun = trigger(["their", "investment", "grew"], ["their", "investment", "grow"], 1, 2)
    assert policy().keeps("investment", "invest.verb", verb, [])
    assert policy().keeps("investment", "invest.stake", noun, [])
    assert policy().keeps("financing", "invest.verb", noun, [])


def test_the_noun_investment_without_a_sum_or_share_reports_no_investment(nlp) -> None:
    """The packaged decision (invest.verb / investment needs a figure), on sentences of our own."""
    bare = "The minister praised the fund's investment in the northern smelter on Friday."
    assert "investment" not in {event_type for event_type, _, _ in events_of(nlp, bare)}
    with_sum = "Halvard Capital made a US$40 million investment in Marlin Metals on Friday."
    assert ("investment", "investment") in {(event_type, word) for event_type, word, _ in events_of(nlp, with_sum)}
    verb = "Halvard Capital invested in Marlin Metals on Friday."
    assert "investment" in {event_type for event_type, _, _ in events_of(nlp, verb)}
