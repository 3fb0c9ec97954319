"""benchmarks/funding_types.py: financing against investment on one actor, after the scorer's own matching.
Gold facts and records are made up for the tests."""

from __future__ import annotations

from support import event_json as record
from support import gold_event

from benchmarks.funding_types import confusions


def test_a_record_of_the_other_type_on_the_gold_actor_is_a_confusion() -> None:
    gold = [gold_event("financing", "Marlin Metals"), gold_event("investment", "Kestrel")]
    records = [record(1, "investment", "Marlin Metals"), record(2, "investment", "Kestrel")]
    counts, shown = confusions(gold, records)
    assert counts == {("financing", "investment"): 1, ("investment", "investment"): 1}
    assert [(kind, item["id"]) for kind, item in shown] == [("financing", "e1")]


def test_the_scorer_match_comes_first_and_leftovers_are_counted_as_none() -> None:
    gold = [gold_event("investment", "Marlin Metals"), gold_event("financing", "Fenwick")]
    records = [record(1, "financing", "Marlin Metals"), record(2, "investment", "Marlin Metals"),
               record(3, "regulation", "Fenwick")]
    counts, shown = confusions(gold, records)
    assert counts == {("investment", "investment"): 1, ("financing", "none"): 1, ("none", "financing"): 1}
    assert [(kind, item["id"]) for kind, item in shown] == [("none", "e1")]
