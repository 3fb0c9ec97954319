"""The surplus table (benchmarks/surplus_events.py): the scorer's labels make surplus and both-matched pairs of one
(type, agent), each with its pattern, and the rule picks a (type, pattern) only on enough evidence of its own type.
Records, names and numbers are our own."""

from __future__ import annotations

from support import load_script

from pipeline.evaluation.facts import parse_gold_line
from pipeline.schema.records import Argument, EntityRecord, EventRecord, Mention, Trigger

table = load_script("surplus_events")
KESTREL = EntityRecord(id="d#entity:0-14", doc_id="d", text="Kestrel Mining", label="ORG", normalized="Kestrel Mining",
                       start=0, end=14, sentence=1, section=None, zone="body", kb_id=None)


def output(start: int, trigger: str, sentence: int, *figures: str) -> dict:
    arguments = [Argument(role="agent", text="Kestrel Mining", ref=KESTREL.id),
                 *(Argument(role="quantity", text=figure, ref=None) for figure in figures)]
    return EventRecord(id=f"d#event:{start}-{start + len(trigger)}:production_output", doc_id="d",
                       event_type="production_output", trigger=Trigger(text=trigger, start=start, end=start + len(trigger)),
                       evidence="Kestrel Mining said its copper output rose in the quarter.", sentence=sentence,
                       section=None, zone="body", arguments=arguments, modality="actual", confidence=0.6,
                       mentions=[Mention(start=start, end=start + len(trigger))]).model_dump(mode="json")


def gold(happenings: int) -> list:
    return [parse_gold_line({"kind": "event", "event_type": "production_output", "agents": ["Kestrel Mining"]})
            for _ in range(happenings)]


def test_a_surplus_twin_and_two_matched_happenings_give_their_pairs_and_patterns() -> None:
    records = [KESTREL.model_dump(mode="json"), output(20, "output", 1, "40,000 t"), output(60, "produced", 1, "40,000 t")]
    (pair,) = table.article_pairs("a", gold(1), records)
    assert (pair.surplus, pair.event_type, pair.pattern) == (True, "production_output", ("sentence", "trigger"))
    assert table.surplus_records("a", gold(1), records) == 1
    # the gold tells two happenings: the same records are a both-matched pair, and nothing is surplus
    (pair,) = table.article_pairs("a", gold(2), records)
    assert not pair.surplus
    assert table.surplus_records("a", gold(2), records) == 0
    # a record of a type the gold does not report is no surplus
    assert table.article_pairs("a", [], records) == []


def test_the_rule_needs_three_articles_and_twice_as_many_surplus_as_both_matched_pairs_of_its_type() -> None:
    def pair(doc_id: str, surplus: bool, pattern=("sentence", "trigger"), event_type="production_output"):
        return table.Pair(doc_id, event_type, surplus, pattern)

    three = [pair(name, True) for name in "abc"]
    (entry,) = table.decisions([*three, pair("d", False)])
    assert (entry["event_type"], entry["pattern"]) == ("production_output", ["sentence", "trigger"])
    assert entry["evidence"] == {"surplus": 3, "surplus_articles": 3, "both_matched": 1, "both_articles": 1}
    assert table.decisions([*three, pair("d", False), pair("e", False)]) == []      # 3 surplus vs 2 both matched
    assert table.decisions([pair("a", True), pair("a", True), pair("b", True)]) == []  # two articles
    # evidence of another type does not count toward this one
    mixed = [pair("a", True), pair("b", True), pair("c", True, event_type="price_movement")]
    assert table.decisions(mixed) == []
    # two agents that are no one name to the pipeline are never folded
    assert table.decisions([pair(name, True, ("sentence", "trigger", table.OTHER_NAME)) for name in "abc"]) == []
