"""Surplus event records on the READ real-news dev half: what tells them from the record the gold matched (issue 12).

A surplus record is an event record whose type the article's gold reports and whose agent a gold event of that type
accepts, left unmatched by the scorer's one-to-one matching because the gold has fewer happenings of that
(type, agent) than orewire writes. Every record is labelled by the scorer's own functions
(``pipeline.evaluation.facts``: ``event_record_labels``, ``event_agents``, ``acceptable_agents``). Two kinds of pair
of one (type, agent) are compared, a gold event of the type accepting both records' agents:

- surplus: a surplus record and a matched record (the gold told one happening: a fold would gain);
- both-matched: two matched records (the gold told two happenings: a fold would lose one).

Per pair the script writes which details differ (both name one with no value shared): commodity, figure (amount,
quantity, price, duration), year, project, location, modality, trigger words (none shared, plurals folded), and where
the two stand (one sentence, near or far in one section and zone, another section or zone, a headline and the body,
two headlines). A pattern is the place with the
differing details (``pipeline.article.happening_folds.pair_pattern``, the one the fold applies) and ``other-name``
when the two agents are no one name to the pipeline; the tables count its surplus and both-matched pairs and their
articles, over all types and per event type. The rule, fixed before it was applied: a (type, pattern) is folded
when its surplus pairs stand in at least 3 articles and number at least twice its both-matched pairs, never an
other-name pattern (``models/events/happening_folds.json`` keeps what it picked). It was first written over all
types pooled; that picked two patterns whose fold lost the seeds' price quotations and a ban's extension (seeds'
event F1 .845 -> .814), so a fold now needs evidence of its own type. Only aggregate counts are printed.

    python benchmarks/surplus_events.py                       # the read dev half (parts.json)
    python benchmarks/surplus_events.py --records /tmp/tp.pkl # reuse (or save) a run's output (trigger_precision's)
    python benchmarks/surplus_events.py --decide              # the (type, pattern) folds the rule picks (JSON)

Only the read dev half may be measured here: the test half and the held-out parts are refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import id_range, read_gold  # noqa: E402
from benchmarks.trigger_precision import (  # noqa: E402
    READ_IDS,
    read_dev_output,
)
from pipeline.article.event_happenings import agent_key, date_years, same_name  # noqa: E402
from pipeline.article.happening_folds import pair_pattern  # noqa: E402
from pipeline.evaluation.facts import (  # noqa: E402
    FactReport,
    GoldEntity,
    GoldEvent,
    acceptable_agents,
    event_agents,
    event_matches,
    event_record_labels,
)
from pipeline.resources.happening_folds import PLACES  # noqa: E402
from pipeline.schema.records import DateRecord, EntityRecord, EventRecord  # noqa: E402

MIN_ARTICLES, MIN_RATIO = 3, 2.0  # the rule: surplus in >= 3 articles and >= twice as often surplus as both-matched
OTHER_NAME = "other-name"  # the two agents are acceptable for one gold event but are no one name to the pipeline


def accepts(event: GoldEvent, acceptable: frozenset[str], record_type: str, agents: set[str]) -> bool:
    """The scorer's own test (``facts.event_matches``): a gold event takes a record of its type and agent."""
    return event_matches((event, acceptable), (record_type, agents))


@dataclass(frozen=True)
class Pair:
    """Two records of one (type, agent) in one article and whether the first is surplus (else both matched)."""

    doc_id: str
    event_type: str
    surplus: bool
    pattern: tuple[str, ...]


def article_pairs(doc_id: str, gold: Sequence[Any], records: Sequence[Mapping[str, Any]]) -> list[Pair]:
    """The article's surplus and both-matched pairs, each with its difference pattern."""
    entities = {record["id"]: record for record in records if record["type"] == "entity"}
    events = [record for record in records if record["type"] == "event"]
    gold_entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    gold_events = [(fact, acceptable_agents(fact, gold_entities)) for fact in gold if isinstance(fact, GoldEvent)]
    labels = event_record_labels(gold, records)
    agents = [event_agents(record, entities) for record in events]

    def same_happening_kind(first: int, second: int) -> bool:
        return events[first]["event_type"] == events[second]["event_type"] and any(
            accepts(event, acceptable, events[first]["event_type"], agents[first])
            and accepts(event, acceptable, events[second]["event_type"], agents[second])
            for event, acceptable in gold_events)

    typed = [EventRecord.model_validate(record) for record in events]
    by_id = {key: EntityRecord.model_validate(record) for key, record in entities.items()}
    years = date_years([DateRecord.model_validate(record) for record in records if record["type"] == "date"])

    def pattern(first: int, second: int) -> tuple[str, ...]:
        """The pair's pattern; ``other-name`` when its agents are no one name (the fold never joins those)."""
        found = pair_pattern(typed[first], typed[second], years)
        one_name = same_name(agent_key(typed[first], by_id), agent_key(typed[second], by_id))
        return found if one_name else (*found, OTHER_NAME)

    matched = [index for index, (_, hit) in enumerate(labels) if hit]
    pairs: list[Pair] = []
    for index, (type_right, hit) in enumerate(labels):
        if hit or not type_right:
            continue
        for other in matched:
            if same_happening_kind(index, other):
                pairs.append(Pair(doc_id, events[index]["event_type"], True,
                                  pattern(other, index)))
    for first, second in combinations(matched, 2):
        if same_happening_kind(first, second):
            pairs.append(Pair(doc_id, events[first]["event_type"], False,
                              pattern(first, second)))
    return pairs


def surplus_records(doc_id: str, gold: Sequence[Any], records: Sequence[Mapping[str, Any]]) -> int:
    """Unmatched records of a gold type that some gold event of the type would take on agent."""
    entities = {record["id"]: record for record in records if record["type"] == "entity"}
    events = [record for record in records if record["type"] == "event"]
    gold_entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    gold_events = [(fact, acceptable_agents(fact, gold_entities)) for fact in gold if isinstance(fact, GoldEvent)]
    return sum(1 for record, (type_right, hit) in zip(events, event_record_labels(gold, records), strict=True)
               if type_right and not hit and any(accepts(event, acceptable, record["event_type"],
                                                         event_agents(record, entities))
                                                 for event, acceptable in gold_events))


@dataclass
class PatternCount:
    """Surplus and both-matched pairs of one pattern, and their articles."""

    surplus: int = 0
    both: int = 0
    surplus_articles: set[str] = field(default_factory=set)
    both_articles: set[str] = field(default_factory=set)

    def add(self, pair: Pair) -> None:
        if pair.surplus:
            self.surplus += 1
            self.surplus_articles.add(pair.doc_id)
        else:
            self.both += 1
            self.both_articles.add(pair.doc_id)

    def folded(self, min_articles: int = MIN_ARTICLES, ratio: float = MIN_RATIO) -> bool:
        """The rule fixed before it was applied: surplus in >= ``min_articles`` articles and at least ``ratio`` times
        as many surplus pairs as both-matched ones."""
        return len(self.surplus_articles) >= min_articles and self.surplus >= ratio * self.both


def pattern_table(pairs: Iterable[Pair], *, by_type: bool = False) -> dict[tuple[str, ...], PatternCount]:
    table: dict[tuple[str, ...], PatternCount] = {}
    for pair in pairs:
        key = (pair.event_type, *pair.pattern) if by_type else pair.pattern
        table.setdefault(key, PatternCount()).add(pair)
    return table


def decisions(pairs: Iterable[Pair]) -> list[dict[str, Any]]:
    """The (type, pattern) rows the rule folds, as entries of models/events/happening_folds.json."""
    return [{"event_type": key[0], "pattern": list(key[1:]),
             "evidence": {"surplus": count.surplus, "surplus_articles": len(count.surplus_articles),
                          "both_matched": count.both, "both_articles": len(count.both_articles)}}
            for key, count in sorted(pattern_table(pairs, by_type=True).items())
            if count.folded() and OTHER_NAME not in key]


def print_table(title: str, table: Mapping[tuple[str, ...], PatternCount], *, decided: bool) -> None:
    """One row per pattern, most surplus pairs first; ``decided`` adds the rule's verdict (the per-type table)."""
    print(f"\n== {title}")
    print(f"{'pattern (place + differing details)':<70}{'surpl':>6}{'art':>5}{'both':>6}{'art':>5}{'fold' if decided else '':>6}")
    for key, count in sorted(table.items(), key=lambda pair: (-pair[1].surplus, -pair[1].both)):
        verdict = "yes" if decided and count.folded() and OTHER_NAME not in key else ""
        print(f"{' '.join(key)[:69]:<70}{count.surplus:>6}{len(count.surplus_articles):>5}{count.both:>6}"
              f"{len(count.both_articles):>5}{verdict:>6}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Surplus event records and their difference patterns (read dev).")
    parser.add_argument("--cache", type=Path, default=None, help="folder of <id>.txt texts [env OREWIRE_REALNEWS_CACHE]")
    parser.add_argument("--ids", type=id_range, default=id_range(READ_IDS), help=f"read dev ids (default {READ_IDS})")
    parser.add_argument("--records", type=Path, default=None, help="pickle of a run's output to reuse (or save)")
    parser.add_argument("--decide", action="store_true", help="print the patterns the rule folds (JSON entries)")
    args = parser.parse_args()
    output = read_dev_output(args.ids, args.cache, args.records)
    if not output:
        print("real-news cache absent: nothing measured (see docs/realnews.md)")
        return 0
    report = FactReport()
    pairs: list[Pair] = []
    surplus = 0
    for doc_id, records, _ in output:
        gold = read_gold(doc_id)
        report.add_document(doc_id, gold, records)
        pairs.extend(article_pairs(doc_id, gold, records))
        surplus += surplus_records(doc_id, gold, records)
    event, types = report.tallies["event"].scores(), report.tallies["event_type"].scores()
    print(f"read dev: {len(output)} articles; event F1 {event['f1']:.3f} (P {event['precision']:.3f} / R "
          f"{event['recall']:.3f}), type F1 {types['f1']:.3f}; surplus records {surplus}; pairs: "
          f"{sum(p.surplus for p in pairs)} surplus, {sum(not p.surplus for p in pairs)} both matched")
    print(f"places: {', '.join(PLACES)}")
    typed = pattern_table(pairs, by_type=True)
    print_table("patterns, all types", pattern_table(pairs), decided=False)
    print_table("patterns by event type (the rule decides here)", typed, decided=True)
    if args.decide:
        print(f"\n== folded per event type (surplus in >= {MIN_ARTICLES} articles, >= {MIN_RATIO:g}x as often surplus "
              "as both matched; never other-name)")
        print(json.dumps(decisions(pairs), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
