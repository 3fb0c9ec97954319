"""How often each agent path's agents are right, on the READ real-news dev half (issue 12, the event's actor).

A record's agent path is what chose its agent (``Extraction.agent_trail``, a side channel never written): the event
stage's finder (``events.agents.AgentChoice.path``: "subject", "passive_by", "possessor", "source_prep", "lender",
"nationality", "pronoun_antecedent", ... with "+body" when a country gave way to the agency after it; "party_figure",
"coordinated_party", "owner_list" for records the stage derives), else the article pass's step that last changed it
("article:antecedent", "article:government", "article:inherited", "article:happening_merge", ...), "none" when the
record has no agent. Every event record orewire writes on a cached read dev article is labelled with the scorer's own
pieces (``pipeline.evaluation.facts``): type-right when the article's gold has an event of its type; its agent is
accepted when some gold event of its type takes it (``acceptable_agents`` against ``event_agents``; no agent is
accepted where such an event has none); "gold has no agent" when some gold event of its type has none. Per (path)
and per (type, path) bucket it prints records, articles, type-right records, accepted agents among them, how many of
the wrong-agent ones have gold with no agent, and (article-pass paths) how many would be accepted with the agent the
record had before that step. Aggregate counts only: no texts, no misses.

Decision rule (written and committed before any bucket was printed; ``decisions`` applies it):

    S is the read dev half's accepted share: type-right records whose agent is accepted, over type-right records.
    A bucket is acted on when its path gives an agent (not "none"), it has >= 10 type-right records in >= 4 articles,
    and its accepted share is below S / 2. Path buckets (all types) are decided first; a (type, path) bucket is
    decided only when its path bucket was not acted on. An acted-on bucket is
      (a) reverted, for an article-pass path, when the agents its records had before that step are accepted at
          least twice as often (count among its type-right records) as the step's agents: the step leaves the
          agent as it was, for that bucket;
      (b) else dropped, when more of its type-right wrong-agent records have gold with no agent than its records
          have an accepted agent: the path gives no agent, for that bucket;
      (c) else left alone.
    The event stage's finder stops at the first path that finds a party, so the next path's candidate is not
    measured for stage paths: (a) applies to article-pass paths only. Decisions go to models/events/agent_paths.json.

    python benchmarks/agent_precision.py                          # the read dev half (parts.json)
    python benchmarks/agent_precision.py --records /tmp/ap.pkl    # reuse (or save) a run's output
    python benchmarks/agent_precision.py --decide                 # print the decisions as JSON entries

Only the read dev half may be measured here: other ids are refused.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import cached_articles, cached_output, default_cache, read_gold  # noqa: E402
from benchmarks.realnews_parts import read_dev_parser, read_dev_range  # noqa: E402
from benchmarks.trigger_precision import read_dev_entries  # noqa: E402
from pipeline.article.agent_trail import ARTICLE_PREFIX  # noqa: E402
from pipeline.evaluation.facts import GoldEntity, GoldEvent, acceptable_agents, event_agents, fold  # noqa: E402
from pipeline.schema.annotations import NO_AGENT  # noqa: E402

MIN_TYPE_RIGHT, MIN_ARTICLES = 10, 4  # the evidence a decision needs
REVERT_FACTOR = 2  # the agents before an article step must be accepted this many times as often as the step's

# (article id, records as json, record id -> (agent path, the agents before the step that last changed them))
Output = list[tuple[str, list[dict[str, Any]], dict[str, tuple[str, list[str]]]]]


@dataclass(frozen=True)
class Labelled:
    """One event record of a read dev article: its type, agent path and the scorer's labels."""

    doc_id: str
    event_type: str
    path: str
    type_right: bool
    accepted: bool  # some gold event of its type takes its agent (or its lack of one)
    gold_agentless: bool  # some gold event of its type has no agent
    before_accepted: bool  # the agents it had before its path's step would be accepted (article paths)


@dataclass
class Bucket:
    """Counts of one (path) or (type, path) bucket."""

    records: int = 0
    type_right: int = 0
    accepted: int = 0
    wrong_gold_agentless: int = 0
    before_accepted: int = 0
    articles: set[str] = field(default_factory=set)

    def add(self, item: Labelled) -> None:
        self.records += 1
        self.articles.add(item.doc_id)
        if not item.type_right:
            return
        self.type_right += 1
        self.accepted += item.accepted
        self.wrong_gold_agentless += not item.accepted and item.gold_agentless
        self.before_accepted += item.before_accepted

    def row(self) -> dict[str, int]:
        """The bucket's counts as plain numbers (its articles counted, not named)."""
        return {"records": self.records, "articles": len(self.articles), "type_right": self.type_right,
                "accepted": self.accepted, "wrong_gold_agentless": self.wrong_gold_agentless,
                "before_accepted": self.before_accepted}


def agent_names(agents: Iterable[str], entities: Mapping[str, Mapping[str, Any]]) -> set[str]:
    """Folded names of agents given by entity id or text (as ``AgentTrail`` keeps them)."""
    names: set[str] = set()
    for agent in agents:
        entity = entities.get(agent)
        names |= {fold(entity["normalized"]), fold(entity["text"])} if entity is not None else {fold(agent)}
    return names


def labelled_records(doc_id: str, gold: Sequence[Any], records: Sequence[Mapping[str, Any]],
                     trail: Mapping[str, tuple[str, Sequence[str]]]) -> list[Labelled]:
    """The article's event records with their agent path and labels."""
    entities = {record["id"]: record for record in records if record["type"] == "entity"}
    gold_entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    gold_events = [(event, acceptable_agents(event, gold_entities)) for event in gold if isinstance(event, GoldEvent)]

    def accepted(event_type: str, names: set[str]) -> bool:
        return any(event.event_type == event_type and (bool(names & acceptable) if event.agents else not names)
                   for event, acceptable in gold_events)

    items = []
    for record in (record for record in records if record["type"] == "event"):
        event_type = record["event_type"]
        path, before = trail.get(record["id"], (NO_AGENT, []))
        items.append(Labelled(
            doc_id, event_type, path,
            type_right=any(event.event_type == event_type for event, _ in gold_events),
            accepted=accepted(event_type, event_agents(record, entities)),
            gold_agentless=any(event.event_type == event_type and not event.agents for event, _ in gold_events),
            before_accepted=path.startswith(ARTICLE_PREFIX) and accepted(event_type, agent_names(before, entities))))
    return items


def buckets(items: Iterable[Labelled], *, by_type: bool) -> dict[tuple[str, ...], Bucket]:
    table: dict[tuple[str, ...], Bucket] = {}
    for item in items:
        key = (item.event_type, item.path) if by_type else (item.path,)
        table.setdefault(key, Bucket()).add(item)
    return table


def accepted_share(items: Sequence[Labelled]) -> float:
    right = [item for item in items if item.type_right]
    return sum(item.accepted for item in right) / len(right) if right else 0.0


def decide(path: str, bucket: Bucket, bar: float) -> str | None:
    """What the decision rule does with one bucket: "revert", "drop" or None (see the module's docstring)."""
    if (path == NO_AGENT or bucket.type_right < MIN_TYPE_RIGHT or len(bucket.articles) < MIN_ARTICLES
            or bucket.accepted >= bar * bucket.type_right):
        return None
    if path.startswith(ARTICLE_PREFIX) and bucket.before_accepted >= REVERT_FACTOR * bucket.accepted:
        return "revert"
    if bucket.wrong_gold_agentless > bucket.accepted:
        return "drop"
    return None


def decisions(items: Sequence[Labelled]) -> list[dict[str, Any]]:
    """The buckets the rule acts on, as entries of models/events/agent_paths.json."""
    bar = accepted_share(items) / 2
    chosen: list[dict[str, Any]] = []
    acted: set[str] = set()
    for (path,), bucket in sorted(buckets(items, by_type=False).items()):
        if (action := decide(path, bucket, bar)) is not None:
            acted.add(path)
            chosen.append({"path": path, "event_type": None, "action": action, "evidence": bucket.row()})
    for (event_type, path), bucket in sorted(buckets(items, by_type=True).items()):
        if path not in acted and (action := decide(path, bucket, bar)) is not None:
            chosen.append({"path": path, "event_type": event_type, "action": action, "evidence": bucket.row()})
    return chosen


def print_table(title: str, table: Mapping[tuple[str, ...], Bucket], *, min_type_right: int) -> None:
    rows = sorted(((key, bucket) for key, bucket in table.items() if bucket.type_right >= min_type_right),
                  key=lambda pair: (pair[1].accepted / pair[1].type_right, -pair[1].type_right))
    print(f"\n== {title} (buckets with {min_type_right}+ type-right records, lowest accepted share first)")
    print(f"{'bucket':<58}{'rec':>5}{'art':>5}{'type':>6}{'acc':>6}{'share':>7}{'noag':>6}{'before':>7}")
    for key, bucket in rows:
        print(f"{' / '.join(key)[:57]:<58}{bucket.records:>5}{len(bucket.articles):>5}{bucket.type_right:>6}"
              f"{bucket.accepted:>6}{bucket.accepted / bucket.type_right:>7.2f}{bucket.wrong_gold_agentless:>6}"
              f"{bucket.before_accepted:>7}")


def run(ids: range, cache: Path) -> Output:
    """(article id, records as json, agent trail) for every cached read dev entry in ``ids``."""
    from pipeline import Extractor

    extractor = Extractor()
    output: Output = []
    for extraction in extractor.extract_many(cached_articles(read_dev_entries(ids), cache), agent_trail=True):
        records = [record.model_dump(mode="json") for record in extraction.records]
        trail = extraction.agent_trail
        paths = {record["id"]: (trail.path(record["id"]), sorted(trail.before.get(record["id"], frozenset())))
                 for record in records if record["type"] == "event"} if trail is not None else {}
        output.append((extraction.doc_id, records, paths))
    return output


def main() -> int:
    parser = read_dev_parser("Accepted agents per agent path on the read dev half.")
    parser.add_argument("--min-type-right", type=int, default=5, help="print buckets with this many type-right records")
    args = parser.parse_args()
    ids = read_dev_range(parser, args.ids)
    output: Output = cached_output(args.records, lambda: run(ids, args.cache or default_cache()))
    if not output:
        print("real-news cache absent: nothing measured (see docs/realnews.md)")
        return 0
    items = [item for doc_id, records, trail in output for item in labelled_records(doc_id, read_gold(doc_id), records, trail)]
    right = [item for item in items if item.type_right]
    print(f"read dev: {len(output)} articles, {len(items)} event records, {len(right)} type-right, "
          f"accepted agent share {accepted_share(items):.3f} (bar S/2 = {accepted_share(items) / 2:.3f})")
    print_table("agent path", buckets(items, by_type=False), min_type_right=args.min_type_right)
    print_table("type / agent path", buckets(items, by_type=True), min_type_right=args.min_type_right)
    if args.decide:
        print(json.dumps(decisions(items), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
