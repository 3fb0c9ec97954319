"""Two-sided measurement of two folds on the READ real-news dev half (issue 12, event recall): the event stage's one
event per (sentence, type, clause) choice (``same_clause``, ``components/events/selection.select``) and the article
pass's ``headline_merge`` (``article/merging.EventMerger``: headline records merged into body records, and body
continuations merged together).

For each item a fold removed (a hit ``select`` left out, from the stage's side channel ``components/events/dropped.py``
with its agent and figure/date texts and those of the chosen hit of its sentence and type; a record removed in the
``headline_merge`` step, from ``article/record_trail.py``, with the record it was merged into), would keeping it have
matched a gold event the scorer leaves unmatched (GAIN) or been a false record (COST)? Per article, the removed items
of one bucket are matched one to one (``match_pairs``, in gold order) to the missed gold events of the scorer's
(type, agent) matching (``benchmarks/event_recall.article``): an item takes a gold event of its type whose agent names
accept one of its agent names, or a gold event without agent when it has none (``event_recall.would_take``). An item
with no agent of its own takes the agent names of the item that took its place (the article pass hands an agentless
record the agent of its neighbours). G = gold events so taken (gain), R - G = the rest (cost).

Buckets: per (step, event type), and per (step, feature), the feature computed without reading texts, from the
removed item and the one that took its place:

- ``other_agent``: the two name no common agent (one of them none, or disjoint names);
- ``same_agent_new_figure``: a common agent (or both none), and the removed item has a figure or date text the kept
  one lacks;
- ``same_agent``: a common agent (or both none), nothing new.

Decision rule (written and committed before any bucket was printed; ``decisions`` applies it):

    A (step, feature) bucket whose removed items stand in >= 4 read dev articles and where keeping them would have
    gained at least twice as often as it costs (G >= 2 * (R - G), G >= 1) is acted on: that step stops removing
    items of that bucket (same_clause: a hit of that feature is kept beside the chosen one; headline_merge: a record
    of that feature is not merged), written as data under models/events/ where the step reads data. Else nothing
    changes. The (step, event type) rows are printed for reading only and decide nothing. An acted-on bucket whose
    change lowers the seeds' event (type, agent) F1 (benchmarks/events.py) by more than .01 is not shipped.

    python benchmarks/fold_events.py --records /tmp/fe.pkl          # the read dev half; the run saved for reuse
    python benchmarks/fold_events.py --records /tmp/fe.pkl --decide # and the decisions as JSON

Only the read dev half may be measured here (``realnews_parts.read_dev_ids``): other ids are refused. Only counts are
printed: no texts, no misses.
"""

from __future__ import annotations

import json
import pickle
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.event_recall import MIN_ARTICLES, Removed, TrailTracer, article, traced_run, would_take  # noqa: E402
from benchmarks.realnews import default_cache, read_gold  # noqa: E402
from benchmarks.realnews_parts import read_dev_parser, read_dev_range  # noqa: E402
from pipeline.article.record_trail import RecordTrail  # noqa: E402
from pipeline.components.events.dropped import FIGURE_DATE_ROLES, SAME_CLAUSE_STEP, dropped_hits  # noqa: E402
from pipeline.evaluation.facts import event_agents, fold, match_pairs  # noqa: E402

HEADLINE_STEP = "headline_merge"
STEPS = (SAME_CLAUSE_STEP, HEADLINE_STEP)
FEATURES = ("other_agent", "same_agent_new_figure", "same_agent")
RECORDER = "orewire_fold_recorder"
GAIN_RATIO = 2  # keeping must gain at least twice as often as it costs


@dataclass(frozen=True)
class Folded:
    """A removed item: its step, event type, agent names (it has none: the kept item's) and bucket feature."""

    step: str
    event_type: str
    names: frozenset[str]
    feature: str


def feature(agents: frozenset[str], kept_agents: frozenset[str], details: frozenset[str],
            kept_details: frozenset[str]) -> str:
    """The bucket feature of a removed item beside the item that took its place (module docstring)."""
    same = bool(agents & kept_agents) or (not agents and not kept_agents)
    if not same:
        return "other_agent"
    return "same_agent_new_figure" if details - kept_details else "same_agent"


def folded(step: str, event_type: str, agents: frozenset[str], kept_agents: frozenset[str], details: frozenset[str],
           kept_details: frozenset[str]) -> Folded:
    """The measured item: its agent names, or the kept item's when it has none."""
    return Folded(step, event_type, agents or kept_agents, feature(agents, kept_agents, details, kept_details))


class FoldRecorder:
    """A pipe after the event stage: per article, the hits ``select`` left out (``same_clause``), as ``Folded``."""

    def __init__(self) -> None:
        self.items: dict[str, dict[tuple[str, int, int], Folded]] = defaultdict(dict)

    def __call__(self, doc: Doc) -> Doc:
        context = doc._.orewire_block or {}
        offset, doc_id = context.get("offset", 0), context.get("doc_id", "doc")
        for hit in dropped_hits(doc):
            if hit["step"] != SAME_CLAUSE_STEP:
                continue
            names = frozenset({fold(hit.get("agent", ""))} - {""})
            kept = frozenset({fold(hit.get("kept_agent", ""))} - {""})
            key = (hit["event_type"], offset + hit["start"], offset + hit["end"])
            self.items[doc_id].setdefault(key, folded(SAME_CLAUSE_STEP, hit["event_type"], names, kept,
                                                      frozenset(hit.get("details", [])),
                                                      frozenset(hit.get("kept_details", []))))
        return doc


@Language.factory(RECORDER)
def make_fold_recorder(nlp: Language, name: str) -> FoldRecorder:
    """The recorder pipe (benchmarks only: never part of orewire's pipeline)."""
    return FoldRecorder()


def record_details(record: dict[str, Any]) -> frozenset[str]:
    """The lower-cased figure and date texts of a record as json."""
    return frozenset(argument["text"].lower() for argument in record.get("arguments", [])
                     if argument["role"] in FIGURE_DATE_ROLES)


class HeadlineTracer(TrailTracer[Folded]):
    """The records the ``headline_merge`` step removed, beside the record each went into (none: the record itself
    stands for it)."""

    def collect(self, trail: RecordTrail, by_id: dict[str, dict[str, Any]]) -> list[Folded]:
        found = []
        for record_id, removal in trail.removed.items():
            if removal.step != HEADLINE_STEP:
                continue
            record = trail.last[record_id].model_dump(mode="json")
            kept = trail.last[removal.into].model_dump(mode="json") if removal.into in trail.last else record
            found.append(folded(HEADLINE_STEP, record["event_type"], frozenset(event_agents(record, by_id)),
                                frozenset(event_agents(kept, by_id)), record_details(record), record_details(kept)))
        return found


Output = list[tuple[str, list[dict[str, Any]], list[Folded]]]  # (article id, records as json, removed) per article


def run(ids: range, cache: Path) -> Output:
    """(article id, records as json, folded items) for every cached read dev entry in ``ids``."""
    return traced_run(ids, cache, RECORDER, HeadlineTracer)


@dataclass
class Bucket:
    """Removed items R, gold events they would take G (gain; R - G the cost), and articles."""

    removed: int = 0
    gained: int = 0
    articles: int = 0

    @property
    def cost(self) -> int:
        return self.removed - self.gained

    @property
    def acted_on(self) -> bool:
        """The decision rule: enough articles, and keeping gains at least twice as often as it costs."""
        return self.articles >= MIN_ARTICLES and self.gained >= 1 and self.gained >= GAIN_RATIO * self.cost


def as_removed(item: Folded) -> Removed:
    """The item in ``event_recall``'s form, for ``would_take``."""
    return Removed(item.event_type, item.step, "", True, item.names, item.step == SAME_CLAUSE_STEP)


def buckets(output: Output, gold: Callable[[str], Sequence[Any]], key: Callable[[Folded], str]) -> dict[tuple[str, str], Bucket]:
    """(step, key(item)) -> its Bucket, matched one to one per article against the missed gold events."""
    counts: dict[tuple[str, str], Bucket] = defaultdict(Bucket)
    for doc_id, records, items in output:
        missed = article(doc_id, gold(doc_id), records, []).missed
        groups: dict[tuple[str, str], list[Folded]] = defaultdict(list)
        for item in items:
            groups[item.step, key(item)].append(item)
        for name, mine in groups.items():
            hits = _match(missed, mine)
            counts[name].removed += len(mine)
            counts[name].gained += sum(hit is not None for hit in hits)
            counts[name].articles += 1
    return dict(counts)


def _match(missed: Sequence[Any], items: Sequence[Folded]) -> list[int | None]:
    return match_pairs(missed, items, lambda g, item: would_take(g[0], g[1], as_removed(item)))


def decisions(by_feature: dict[tuple[str, str], Bucket]) -> list[dict[str, Any]]:
    """The decision rule of the module docstring, applied: one entry per acted-on (step, feature) bucket."""
    return [{"step": step, "feature": name, "removed": bucket.removed, "gained": bucket.gained, "cost": bucket.cost,
             "articles": bucket.articles, "action": f"{step} stops removing {name} items"}
            for (step, name), bucket in sorted(by_feature.items()) if bucket.acted_on]


def print_buckets(title: str, counts: dict[tuple[str, str], Bucket]) -> None:
    print(f"\n== {title}: removed R, gain G, cost R-G, articles (acted on: *)")
    for (step, name), bucket in sorted(counts.items()):
        mark = "*" if bucket.acted_on else ""
        print(f"{step:<16}{name:<26}{bucket.removed:>6}{bucket.gained:>6}{bucket.cost:>6}{bucket.articles:>6} {mark}")


def main() -> int:
    parser = read_dev_parser((__doc__ or "").splitlines()[0])
    args = parser.parse_args()
    ids = read_dev_range(parser, args.ids)
    if args.records is not None and args.records.is_file():
        output = [(doc_id, records, [Folded(*item) for item in items])
                  for doc_id, records, items in pickle.loads(args.records.read_bytes())]
    else:
        output = run(ids, args.cache or default_cache())
        if args.records is not None:
            args.records.write_bytes(pickle.dumps([(doc_id, records, [astuple(item) for item in items])
                                                   for doc_id, records, items in output]))
    if not output:
        print("real-news cache absent: nothing measured (see docs/realnews.md)")
        return 0
    print(f"read dev: {len(output)} articles")
    by_feature = buckets(output, read_gold, lambda item: item.feature)
    print_buckets("per (step, feature)", by_feature)
    print_buckets("per (step, event type), for reading only", buckets(output, read_gold, lambda item: item.event_type))
    if args.decide:
        print(json.dumps(decisions(by_feature), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
