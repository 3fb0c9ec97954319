"""The agent path table (benchmarks/agent_precision.py): the scorer's labels per record, the counts per path and the
decision rule, on records and numbers of our own."""

from __future__ import annotations

import sys

import pytest
from support import load_script, unread_dev_ids

from pipeline.evaluation.facts import parse_gold_line
from pipeline.schema.records import Argument, EntityRecord, EventRecord, Mention, Trigger

table = load_script("agent_precision")


def entity(name: str, start: int) -> EntityRecord:
    return EntityRecord(id=f"d#entity:{start}", doc_id="d", text=name, label="ORG", normalized=name, start=start,
                        end=start + len(name), sentence=1, section=None, zone="body", kb_id=None)


def sale(start: int, agent: EntityRecord | None) -> EventRecord:
    arguments = [Argument(role="agent", text=agent.text, ref=agent.id)] if agent is not None else []
    return EventRecord(id=f"d#event:{start}-{start + 4}:merger_acquisition", doc_id="d", event_type="merger_acquisition",
                       trigger=Trigger(text="sale", start=start, end=start + 4), evidence="A sale.", sentence=1,
                       section=None, zone="body", arguments=arguments, modality="actual", confidence=0.5,
                       mentions=[Mention(start=start, end=start + 4)])


def item(doc_id: str, path: str, accepted: bool, *, agentless: bool = False, before: bool = False) -> object:
    return table.Labelled(doc_id, "financing", path, True, accepted, agentless, before)


def test_records_take_their_path_and_whether_the_gold_accepts_their_agent() -> None:
    gold = [parse_gold_line({"kind": "event", "event_type": "merger_acquisition", "agents": ["Norland Capital"]}),
            parse_gold_line({"kind": "event", "event_type": "merger_acquisition", "agents": []})]
    norland, kestrel = entity("Norland Capital", 0), entity("Kestrel", 40)
    records = [r.model_dump(mode="json") for r in (norland, kestrel, sale(20, norland), sale(60, kestrel), sale(90, None))]
    trail = {"d#event:20-24:merger_acquisition": ("passive_by", []),
             "d#event:60-64:merger_acquisition": ("article:inherited", ["d#entity:0"])}
    items = table.labelled_records("d", gold, records, trail)
    assert [(i.path, i.type_right, i.accepted, i.gold_agentless, i.before_accepted) for i in items] == [
        ("passive_by", True, True, True, False), ("article:inherited", True, False, True, True),
        ("none", True, True, True, False)]
    (bucket,) = [b for key, b in table.buckets(items, by_type=False).items() if key == ("article:inherited",)]
    assert bucket.row() == {"records": 1, "articles": 1, "type_right": 1, "accepted": 0, "wrong_gold_agentless": 1,
                            "before_accepted": 1}


def test_a_low_article_path_is_reverted_when_its_earlier_agents_were_right_twice_as_often() -> None:
    articles = "abcd"
    low = [item(articles[n % 4], "article:inherited", n < 2, before=n < 6) for n in range(10)]
    high = [item(articles[n % 4], "subject", True) for n in range(30)]
    (entry,) = table.decisions([*low, *high])
    assert (entry["path"], entry["event_type"], entry["action"]) == ("article:inherited", None, "revert")


def test_a_low_stage_path_is_dropped_only_when_the_gold_more_often_has_no_agent() -> None:
    articles = "abcd"
    bar = 0.4
    dropped = [item(articles[n % 4], "lender", n < 2, agentless=n >= 5) for n in range(10)]
    bucket = next(iter(table.buckets(dropped, by_type=False).values()))
    assert table.decide("lender", bucket, bar) == "drop"
    kept = [item(articles[n % 4], "lender", n < 2, agentless=n == 9) for n in range(10)]
    assert table.decide("lender", next(iter(table.buckets(kept, by_type=False).values())), bar) is None
    few_articles = [item("a", "lender", n < 2, agentless=n >= 5) for n in range(10)]
    assert table.decide("lender", next(iter(table.buckets(few_articles, by_type=False).values())), bar) is None
    assert table.decide("none", bucket, bar) is None  # no agent: nothing to drop


def test_ids_past_the_read_dev_half_are_refused(monkeypatch) -> None:
    monkeypatch.setattr(sys, "argv", ["agent_precision.py", "--ids", unread_dev_ids()])
    with pytest.raises(SystemExit):
        table.main()
