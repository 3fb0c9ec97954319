"""Financing against investment on the READ real-news dev half (issue 12): how often one is recorded as the other.

The scorer's matching (``pipeline.evaluation.facts``) pairs gold events and records of one type and an accepted agent
first. Among what it leaves, a gold event of one of the two types and a record of the other whose agent it would take
(or both without agent) are paired one to one: a confusion on one actor. The table is gold type x record type;
"none" counts the gold events of the two types left with no record of either type and the records left with no gold.

    python benchmarks/funding_types.py                    # counts only
    python benchmarks/funding_types.py --show             # and each confused or surplus record's trigger and sentence

``--show`` prints read dev text, so only the read dev half is accepted (``realnews_parts.read_dev_range``).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import cached_articles, default_cache, read_gold  # noqa: E402
from benchmarks.realnews_parts import read_dev_parser, read_dev_range  # noqa: E402
from benchmarks.trigger_precision import read_dev_entries  # noqa: E402
from pipeline.evaluation.facts import (  # noqa: E402
    GoldEntity,
    GoldEvent,
    acceptable_agents,
    event_agents,
    event_matches,
    match_pairs,
)

FUNDING = ("financing", "investment")
Pair = tuple[GoldEvent, frozenset[str]]


def takes(gold: Pair, agents: set[str], same_type: str | None) -> bool:
    """The scorer's test (``facts.event_matches``); with ``same_type`` None its agent test only."""
    return event_matches(gold, (gold[0].event_type if same_type is None else same_type, agents))


Shown = list[tuple[str, Mapping[str, Any]]]  # (gold type or "none", record) per confused or surplus record


def confusions(gold: Sequence[Any], records: Sequence[Mapping[str, Any]]) -> tuple[Counter[tuple[str, str]], Shown]:
    """(gold type, record type) counts of one article, and the records confused or left over."""
    entities = {record["id"]: record for record in records if record["type"] == "entity"}
    gold_entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    pairs = [(event, acceptable_agents(event, gold_entities)) for event in gold
             if isinstance(event, GoldEvent) and event.event_type in FUNDING]
    events = [record for record in records if record["type"] == "event" and record["event_type"] in FUNDING]
    agents = [event_agents(record, entities) for record in events]
    hits = match_pairs(pairs, list(range(len(events))), lambda g, i: takes(g, agents[i], events[i]["event_type"]))
    counts: Counter[tuple[str, str]] = Counter()
    for pair, hit in zip(pairs, hits, strict=True):
        if hit is not None:
            counts[pair[0].event_type, events[hit]["event_type"]] += 1
    left_gold = [pair for pair, hit in zip(pairs, hits, strict=True) if hit is None]
    left = [index for index in range(len(events)) if index not in set(hits)]
    cross = match_pairs(left_gold, left, lambda g, i: takes(g, agents[i], None))
    shown: Shown = []
    for pair, hit in zip(left_gold, cross, strict=True):
        counts[pair[0].event_type, events[hit]["event_type"] if hit is not None else "none"] += 1
        if hit is not None:
            shown.append((pair[0].event_type, events[hit]))
    for index in set(left) - set(cross):
        counts["none", events[index]["event_type"]] += 1
        shown.append(("none", events[index]))
    return counts, shown


def main() -> int:
    parser = read_dev_parser(__doc__ or "")
    parser.add_argument("--show", action="store_true", help="print each confused or surplus record (read dev text)")
    args = parser.parse_args()
    ids = read_dev_range(parser, args.ids)
    from pipeline import Extractor

    total: Counter[tuple[str, str]] = Counter()
    articles: Counter[tuple[str, str]] = Counter()
    for extraction in Extractor().extract_many(cached_articles(read_dev_entries(ids), default_cache())):
        records = [record.model_dump(mode="json") for record in extraction.records]
        counts, shown = confusions(read_gold(extraction.doc_id), records)
        total += counts
        articles.update(counts.keys())
        for gold_type, record in shown if args.show else []:
            if gold_type != record["event_type"]:
                print(f"{extraction.doc_id}\tgold {gold_type} -> {record['event_type']}\t"
                      f"[{record['trigger']['text']}]\t{record['evidence']}")
    print("gold \\ record      " + "".join(f"{kind:>14}" for kind in (*FUNDING, "none")))
    for gold_type in (*FUNDING, "none"):
        print(f"{gold_type:<18}" + "".join(f"{total[gold_type, kind]:>8} ({articles[gold_type, kind]:>3})"
                                           for kind in (*FUNDING, "none")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
