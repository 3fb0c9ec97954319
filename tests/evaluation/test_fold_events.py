"""benchmarks/fold_events.py: the two-sided count of what two folds removed (gain: a missed gold event the removed item
would take; cost: a false record), its feature buckets and its decision rule (four articles, twice as much gain as
cost). Gold facts, records and removed items are made up for the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import event_json as record
from support import gold_event, unread_dev_ids

from benchmarks.fold_events import Bucket, Folded, buckets, decisions, feature, folded

ROOT = Path(__file__).resolve().parents[2]




def test_the_feature_tells_other_agents_new_figures_and_repeats_apart() -> None:
    assert feature(frozenset({"a"}), frozenset({"b"}), frozenset(), frozenset()) == "other_agent"
    assert feature(frozenset(), frozenset({"b"}), frozenset(), frozenset()) == "other_agent"
    assert feature(frozenset({"a"}), frozenset({"a"}), frozenset({"5 t"}), frozenset({"7 t"})) == "same_agent_new_figure"
    assert feature(frozenset({"a"}), frozenset({"a"}), frozenset({"5 t"}), frozenset({"5 t"})) == "same_agent"
    assert feature(frozenset(), frozenset(), frozenset(), frozenset({"5 t"})) == "same_agent"


def test_an_agentless_item_stands_with_the_agent_of_the_item_that_took_its_place() -> None:
    item = folded("same_clause", "financing", frozenset(), frozenset({"kestrel"}), frozenset(), frozenset())
    assert item.names == frozenset({"kestrel"})
    assert item.feature == "other_agent"


def test_gain_is_a_missed_gold_event_the_item_takes_and_cost_the_rest() -> None:
    gold = {"x": [gold_event("financing", "Kestrel"), gold_event("financing", "Kestrel")]}
    records = {"x": [record(1, "financing", "Kestrel")]}
    items = [Folded("same_clause", "financing", frozenset({"kestrel"}), "same_agent_new_figure"),
             Folded("same_clause", "financing", frozenset({"kestrel"}), "same_agent_new_figure"),
             Folded("headline_merge", "financing", frozenset({"osprey"}), "other_agent")]
    counts = buckets([("x", records["x"], items)], gold.__getitem__, lambda item: item.feature)
    assert counts["same_clause", "same_agent_new_figure"] == Bucket(removed=2, gained=1, articles=1)
    assert counts["headline_merge", "other_agent"] == Bucket(removed=1, gained=0, articles=1)


def test_a_bucket_is_acted_on_with_four_articles_and_twice_the_gain_of_its_cost() -> None:
    assert Bucket(removed=6, gained=4, articles=4).acted_on
    assert not Bucket(removed=6, gained=3, articles=4).acted_on  # gain 3, cost 3
    assert not Bucket(removed=4, gained=4, articles=3).acted_on  # too few articles
    assert not Bucket(removed=0, gained=0, articles=4).acted_on
    chosen = decisions({("same_clause", "other_agent"): Bucket(6, 4, 4), ("headline_merge", "same_agent"): Bucket(9, 1, 7)})
    assert [(entry["step"], entry["feature"]) for entry in chosen] == [("same_clause", "other_agent")]


def test_ids_past_the_read_dev_half_are_refused() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks/fold_events.py"), "--ids", unread_dev_ids()],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode != 0
    assert "only the read dev half" in result.stderr
