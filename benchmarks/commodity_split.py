"""Would one record per commodity win back gold events? Measured both ways on the READ real-news dev half (issue 12).

The annotators' convention since the seventeenth batch (``docs/realnews.md``) gives one ``export_restriction`` per
metal where one control names several. This script splits, after the run, every record of ``--type`` whose commodity
arguments name ``--min`` or more commodities into one record per commodity (commodities told apart by their
elements; an element-less group such as "rare earths" only when no element is named) and scores both outputs with the
scorer's own one-to-one (type, agent) matching: records split, records added, gold events they win back (gained) and
false ones added (added - gained), with the articles. Counts only; nothing of the pipeline changes.

    python benchmarks/commodity_split.py                              # export_restriction, two or more
    python benchmarks/commodity_split.py --type regulation --min 3 --records /tmp/run.pkl
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import cached_articles, cached_output, default_cache, read_gold  # noqa: E402
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

GROUP = ("",)  # the key of a commodity without elements: all such groups count as one
Run = list[tuple[str, list[dict[str, Any]]]]  # (article id, records as json) per article


def commodity_keys(record: Mapping[str, Any], entities: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, ...]]:
    """The distinct commodities of a record's commodity arguments, in order: their elements, or ``GROUP``."""
    keys: list[tuple[str, ...]] = []
    for argument in record.get("arguments", []):
        if argument["role"] != "commodity":
            continue
        commodity = (entities.get(argument.get("ref") or "") or {}).get("commodity") or {}
        key = tuple(sorted(commodity.get("elements") or [])) or GROUP
        if key not in keys:
            keys.append(key)
    return [key for key in keys if key != GROUP] if len(keys) > 1 else keys


def matched(gold: Sequence[Any], events: Sequence[Mapping[str, Any]], entities: Mapping[str, Mapping[str, Any]]) -> int:
    """Gold events the scorer's one-to-one (type, agent) matching gives a record."""
    gold_entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    pairs = [(event, acceptable_agents(event, gold_entities)) for event in gold if isinstance(event, GoldEvent)]
    predicted = [(record["event_type"], event_agents(record, entities)) for record in events]
    return sum(hit is not None for hit in match_pairs(pairs, predicted, event_matches))


@dataclass
class SplitCounts:
    """Records split and added, gold events gained, and the articles of each."""

    split: int = 0
    added: int = 0
    gained: int = 0
    split_articles: set[str] = field(default_factory=set)
    gain_articles: set[str] = field(default_factory=set)

    def add(self, doc_id: str, gold: Sequence[Any], records: Sequence[Mapping[str, Any]], event_type: str,
            minimum: int) -> None:
        entities = {record["id"]: record for record in records if record["type"] == "entity"}
        events = [record for record in records if record["type"] == "event"]
        split: list[Mapping[str, Any]] = []
        for record in events:
            count = len(commodity_keys(record, entities)) if record["event_type"] == event_type else 0
            split.extend([record] * (count if count >= minimum else 1))
            if count >= minimum:
                self.split, self.added = self.split + 1, self.added + count - 1
                self.split_articles.add(doc_id)
        gained = matched(gold, split, entities) - matched(gold, events, entities)
        if gained:
            self.gained += gained
            self.gain_articles.add(doc_id)


def run(ids: range, cache: Path) -> Run:
    from pipeline import Extractor

    return [(extraction.doc_id, [record.model_dump(mode="json") for record in extraction.records])
            for extraction in Extractor().extract_many(cached_articles(read_dev_entries(ids), cache))]


def main() -> int:
    parser = read_dev_parser(__doc__ or "")
    parser.add_argument("--type", default="export_restriction", help="the event type to split")
    parser.add_argument("--min", type=int, default=2, help="commodities a record needs to be split")
    args = parser.parse_args()
    ids = read_dev_range(parser, args.ids)
    output: Run = cached_output(args.records, lambda: run(ids, args.cache or default_cache()))
    counts = SplitCounts()
    for doc_id, records in output:
        if int(doc_id.removeprefix("rn")) in ids:
            counts.add(doc_id, read_gold(doc_id), records, args.type, args.min)
    print(f"{args.type}, {args.min}+ commodities: {counts.split} records split in {len(counts.split_articles)} articles, "
          f"{counts.added} added, {counts.gained} gained ({len(counts.gain_articles)} articles), "
          f"{counts.added - counts.gained} false")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
