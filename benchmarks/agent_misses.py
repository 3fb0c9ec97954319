"""Why a record of the right type misses its gold event's actor, on the READ real-news dev half (issue 12, the actor).

``benchmarks/event_recall.py`` leaves two large "a_same_type" reasons: a free (unmatched) record of the gold event's
type names another agent ("free: another agent"), or none while the gold names one ("free: record without agent").
For each such gold event this lists the gold's acceptable agents next to the free record's agent and the path that
chose it (``Extraction.agent_trail``, as ``benchmarks/agent_precision.py`` reads it), and puts it in the first class
of ``CLASSES`` that holds:

- ``entity_miss``: no entity record of the article carries any acceptable name (the entity stage missed the actor);
- ``site_actor``: the gold's actor is the record's project (the gold names the mine or plant, the record its owner
  or no one);
- ``role_swap``: the gold's actor is another party of the record (a counterparty, beneficiary: a lender vs its
  borrower, a buyer vs the seller);
- ``country_vs_body``: one side is a country or nationality, the other an organisation (a ministry, a state company);
- ``person_agent``: the record's agent is a person (a speaker) where the gold names an organisation or a country;
- ``name_overlap``: the two names share a word (a parent vs its subsidiary, a company vs its mine);
- ``actor_in_sentence``: the gold's actor is named in the record's sentence but the record took another (or none);
- ``actor_before``: named only in an earlier sentence (the actor two sentences back, the item's actor);
- ``actor_after``: named only later in the article.

Gold events carry no offsets: the record paired with a gold event is the first free record of its type whose
sentence names the gold's actor, else the first free record of its type (the one ``event_recall.reason`` finds).
Counts per (reason, class) and per (class, path), with the articles each touches; ``--cases`` lists every case
(read dev only). ``--compare`` takes a second saved run (after a change) and prints, per article, the gold events
matched before and after: gained and lost, so a rule is measured both ways.

    python benchmarks/agent_misses.py --records /tmp/am.pkl           # the read dev half; the run saved for reuse
    python benchmarks/agent_misses.py --records /tmp/am.pkl --cases   # and each case's line
    python benchmarks/agent_misses.py --records /tmp/am.pkl --compare /tmp/am2.pkl  # gained / lost per article

Only the read dev half may be measured here (``realnews_parts.read_dev_ids``): other ids are refused.
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.agent_precision import Output, run  # noqa: E402
from benchmarks.event_recall import article, reason  # noqa: E402
from benchmarks.realnews import cached_output, default_cache, read_gold  # noqa: E402
from benchmarks.realnews_parts import read_dev_parser, read_dev_range  # noqa: E402
from pipeline.evaluation.facts import GoldEvent, event_agents, fold  # noqa: E402
from pipeline.schema.annotations import NO_AGENT  # noqa: E402

FREE_DETAILS = ("free: another agent", "free: record without agent")
CLASSES = ("entity_miss", "site_actor", "role_swap", "country_vs_body", "person_agent", "name_overlap", "actor_in_sentence",
           "actor_before", "actor_after")
STATE_LABELS = frozenset({"GPE", "NORP"})
SHORT_WORD = 3  # words this short ("of", "the", "co") say nothing about a shared name


@dataclass(frozen=True)
class Case:
    """A missed gold event and the free record of its type: names, the record's path, sentence and class."""

    doc_id: str
    event_type: str
    detail: str
    gold_agents: tuple[str, ...]
    record_agents: tuple[str, ...]
    path: str
    klass: str
    evidence: str


def entity_names(entity: Mapping[str, Any]) -> set[str]:
    return {fold(entity["normalized"]), fold(entity["text"])}


def shares_word(first: set[str] | frozenset[str], second: set[str] | frozenset[str]) -> bool:
    """Whether a name of one side and a name of the other share a word longer than ``SHORT_WORD`` letters."""
    words = {word for name in first for word in name.split() if len(word) > SHORT_WORD}
    return any(word in words for name in second for word in name.split() if len(word) > SHORT_WORD)


def classify(acceptable: frozenset[str], record: Mapping[str, Any], entities: Mapping[str, Mapping[str, Any]]) -> str:
    """The first class of ``CLASSES`` that holds for a gold event's acceptable names and the free record."""
    gold_entities = [entity for entity in entities.values() if entity_names(entity) & acceptable]
    if not gold_entities:
        return "entity_miss"
    def names_gold(argument: Mapping[str, Any]) -> bool:
        return fold(argument["text"]) in acceptable or bool(
            argument.get("ref") in entities and entity_names(entities[argument["ref"]]) & acceptable)

    others = [argument for argument in record["arguments"] if argument["role"] != "agent" and names_gold(argument)]
    if any(argument["role"] == "project" for argument in others):
        return "site_actor"
    if others:
        return "role_swap"
    agents = [entities[a["ref"]] for a in record["arguments"] if a["role"] == "agent" and a.get("ref") in entities]
    gold_labels = {entity["label"] for entity in gold_entities}
    if agents:
        agent_labels = {entity["label"] for entity in agents}
        if (gold_labels & STATE_LABELS and "ORG" in agent_labels) or (agent_labels & STATE_LABELS and "ORG" in gold_labels):
            return "country_vs_body"
        if "PERSON" in agent_labels and "PERSON" not in gold_labels:
            return "person_agent"
        if shares_word(acceptable, event_agents(record, entities)):
            return "name_overlap"
    sentences = {entity["sentence"] for entity in gold_entities if entity["zone"] == record["zone"]}
    if record["sentence"] in sentences:
        return "actor_in_sentence"
    return "actor_before" if any(s < record["sentence"] for s in sentences) else "actor_after"


def cases(doc_id: str, gold: Sequence[Any], records: Sequence[Mapping[str, Any]],
          trail: Mapping[str, tuple[str, Sequence[str]]]) -> list[Case]:
    """The article's missed gold events of the two free reasons, each with its free record and class."""
    entities = {record["id"]: record for record in records if record["type"] == "entity"}
    events = [record for record in records if record["type"] == "event"]
    scored = article(doc_id, gold, records, [])
    found = []
    for event, acceptable in scored.missed:
        why, detail = reason(event, acceptable, scored)
        if why != "a_same_type" or detail not in FREE_DETAILS:
            continue
        free = [events[index] for index, (kind, _, matched) in enumerate(scored.events)
                if kind == event.event_type and not matched]
        named = {(entity["zone"], entity["sentence"]) for entity in entities.values() if entity_names(entity) & acceptable}
        record = next((r for r in free if (r["zone"], r["sentence"]) in named), free[0])
        found.append(Case(doc_id, event.event_type, detail, tuple(sorted(acceptable)),
                          tuple(sorted(event_agents(record, entities))), trail.get(record["id"], (NO_AGENT, []))[0],
                          classify(acceptable, record, entities), record["evidence"]))
    return found


def print_counts(found: Sequence[Case]) -> None:
    print(f"\n== cases by reason and class ({len(found)}): cases / articles")
    table: dict[tuple[str, str], set[str]] = defaultdict(set)
    numbers: Counter[tuple[str, str]] = Counter()
    for case in found:
        table[case.detail, case.klass].add(case.doc_id)
        numbers[case.detail, case.klass] += 1
    for detail in FREE_DETAILS:
        for klass in CLASSES:
            if numbers[detail, klass]:
                print(f"{detail:<30}{klass:<20}{numbers[detail, klass]:>5}{len(table[detail, klass]):>5}")
    print("\n== cases by class and agent path")
    paths = Counter((case.klass, case.path) for case in found)
    for (klass, path), number in sorted(paths.items(), key=lambda pair: (CLASSES.index(pair[0][0]), -pair[1])):
        print(f"{klass:<20}{path:<40}{number:>5}")


def print_cases(found: Sequence[Case]) -> None:
    print("\n== cases (read dev only)")
    for case in sorted(found, key=lambda c: (CLASSES.index(c.klass), c.doc_id)):
        print(f"{case.doc_id:<7}{case.klass:<18}{case.event_type:<20}{case.path:<24} gold={'|'.join(case.gold_agents)}"
              f"  record={'|'.join(case.record_agents) or '-'}\n        {case.evidence[:220]}")


def matched_by_article(output: Output) -> dict[str, int]:
    """Gold events the scorer matches, per article of a run."""
    matched = {}
    for doc_id, records, _ in output:
        gold = read_gold(doc_id)
        scored = article(doc_id, gold, records, [])
        matched[doc_id] = sum(isinstance(fact, GoldEvent) for fact in gold) - len(scored.missed)
    return matched


def gained_lost(before: Mapping[str, int], after: Mapping[str, int]) -> tuple[int, int, list[tuple[str, int]]]:
    """Gold events gained and lost over the articles of both runs, and each changed article's difference."""
    changed = [(doc_id, after[doc_id] - before[doc_id]) for doc_id in sorted(before) if doc_id in after
               and after[doc_id] != before[doc_id]]
    return (sum(d for _, d in changed if d > 0), -sum(d for _, d in changed if d < 0), changed)


def load_run(path: Path) -> Output:
    loaded: Output = pickle.loads(path.read_bytes())
    return loaded


def main() -> int:
    parser = read_dev_parser((__doc__ or "").splitlines()[0])
    parser.add_argument("--cases", action="store_true", help="list every case (read dev only)")
    parser.add_argument("--compare", type=Path, default=None, help="a second saved run: gold events gained and lost")
    args = parser.parse_args()
    ids = read_dev_range(parser, args.ids)
    output = cached_output(args.records, lambda: run(ids, args.cache or default_cache()))
    if not output:
        print("real-news cache absent: nothing measured (see docs/realnews.md)")
        return 0
    found = [case for doc_id, records, trail in output for case in cases(doc_id, read_gold(doc_id), records, trail)]
    print(f"read dev: {len(output)} articles, {len(found)} free same-type cases")
    print_counts(found)
    if args.cases:
        print_cases(found)
    if args.compare is not None:
        gained, lost, changed = gained_lost(matched_by_article(output), matched_by_article(load_run(args.compare)))
        print(f"\n== against {args.compare.name}: {gained} gold events gained, {lost} lost; per article: {changed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
