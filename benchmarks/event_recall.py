"""Why gold events get no record, on the READ real-news dev half (issue 12, event recall), by a record's ORIGIN.

Every gold event of a cached read dev article that the scorer's one-to-one (type, agent) matching
(``pipeline.evaluation.facts``: ``acceptable_agents``, ``event_agents``, ``match_pairs``, as ``benchmarks/realnews.py``
scores) leaves unmatched gets the first reason that holds:

- ``a_same_type``: a record of its type exists, with another agent or none ("free": one such record is unmatched;
  "taken": every one is matched to another gold event);
- ``b_other_type``: an unmatched record of another type whose agent the gold event would take (the scorer's agent
  test: its agents accepted, or none where the gold names none); counted per confusion "record type -> gold type";
- ``c_removed``: a hit of a rule of its type was removed by the event stage's vetting (the check's name, from the
  stage's side channel ``components/events/dropped.py``; "bucket" for a measured trigger bucket), or a record of its
  type by a filter of the article pass (``article/record_trail.py``: background, unanchored, unreal,
  company_as_state, agent_required), with an agent it would take: for a record its agents; for a stage hit, which has
  no arguments yet, a name of an entity of the hit's sentence (a gold event without agent takes any);
- ``d_folded``: such a record (or hit) was folded into another record: the stage's one event per clause
  ("same_clause") or an article-pass fold or merge (named by its step), the fold followed to the record it ends in;
- ``c_removed_other_agent`` / ``d_folded_other_agent``: the same, with no agent it would take;
- ``e_no_rule``: no rule of its type fired in the article (nothing of its type matched, kept, removed or folded).

Gold events carry no offsets, so nothing is matched on positions; only types and agent names. Only counts are
printed (per reason, per event type, per removing step and rule): no texts, no misses.

Decision rule (written and committed before any bucket was printed; ``decisions`` applies it):

    A dropping step is a vetting check of the event stage (``TriggerVetter.rejection``'s names, and "bucket") or a
    filter of the article pass (background, unanchored, unreal, company_as_state, agent_required). Folds
    (same_clause and the article folds) are measured, not acted on. Per step, its removed items (stage hits
    deduplicated by article, type and trigger; records) are matched one to one (``match_pairs``, in gold order) to the
    gold events the scorer leaves unmatched: an item takes a gold event when its type is the gold event's and its
    agent is accepted as above (or the gold event names no agent). G = gold events so taken, R = removed items.
    A step is acted on when it removed items in >= 4 read dev articles and G >= R - G (the removed items would have
    matched a gold event at least as often as not). An acted-on step is narrowed by the one feature it is measured
    on: per rule for a stage check, per event type for an article filter, with G and R counted in that sub-bucket
    the same way; the step is switched off for the sub-buckets where G >= R - G and stays on where G < R - G (it
    gets those right); when it stays on for none, it is switched off. Nothing else is changed. A decision on a
    data-driven step (a rule key of models/events/triggers.jsonl, a policy key of cues.json) is made in that data.

    python benchmarks/event_recall.py --records /tmp/er.pkl          # the read dev half; the run saved for reuse
    python benchmarks/event_recall.py --records /tmp/er.pkl --decide # and the decisions as JSON

Only the read dev half may be measured here (``realnews_parts.read_dev_ids``): other ids are refused.
"""

from __future__ import annotations

import json
import pickle
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import cached_articles, default_cache, read_gold  # noqa: E402
from benchmarks.realnews_parts import read_dev_ids, read_dev_parser, read_dev_range  # noqa: E402
from benchmarks.trigger_precision import read_dev_entries  # noqa: E402
from pipeline.article.record_trail import FILTER_STEPS, STEP_DROPS, RecordTrail  # noqa: E402
from pipeline.components.events.dropped import SAME_CLAUSE_STEP, dropped_hits  # noqa: E402
from pipeline.evaluation.facts import (  # noqa: E402
    GoldEntity,
    GoldEvent,
    acceptable_agents,
    event_agents,
    event_matches,
    fold,
    match_pairs,
)
from pipeline.schema.labels import EVENTS_EXTENSION  # noqa: E402

READ_IDS = read_dev_ids()  # the read dev half, from fixtures/realnews/parts.json
RECORDER = "orewire_removal_recorder"
MIN_ARTICLES = 4  # the evidence a decision needs
Item = TypeVar("Item")  # what a run keeps per removal (``Removed`` here, ``fold_events.Folded`` there)
AGENT_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP"})  # entities of a hit's sentence that may be its agent
ARTICLE_DROPS = frozenset(STEP_DROPS.get(step, step) for step in FILTER_STEPS)
REASONS = ("a_same_type", "b_other_type", "c_removed", "d_folded", "c_removed_other_agent", "d_folded_other_agent",
           "e_no_rule")


@dataclass(frozen=True)
class Removed:
    """A hit or record of one article that a step removed: its type, the rule (stage hits) or "" and the step;
    ``folded`` when it ended in another record; ``names``: folded agent names (a hit: its sentence's entities)."""

    event_type: str
    step: str
    rule: str
    folded: bool
    names: frozenset[str]
    stage: bool


Output = list[tuple[str, list[dict[str, Any]], list[Removed]]]  # (article id, records as json, removed) per article


class RemovalRecorder:
    """A pipe after the event stage: per article, the hits the stage removed (``dropped_hits``) whose trigger no other
    rule of their type kept, with the names of the entities of their sentence."""

    def __init__(self) -> None:
        self.items: dict[str, dict[tuple[str, int, int, str], Removed]] = defaultdict(dict)

    def __call__(self, doc: Doc) -> Doc:
        context = doc._.orewire_block or {}
        offset, doc_id = context.get("offset", 0), context.get("doc_id", "doc")
        kept = [(info["event_type"], *info["trigger"]) for info in doc._.get(EVENTS_EXTENSION) or []]
        for hit in dropped_hits(doc):
            if any(kind == hit["event_type"] and start < hit["end"] and hit["start"] < end for kind, start, end in kept):
                continue  # another rule of its type took the trigger
            span = doc.char_span(hit["start"], hit["end"], alignment_mode="expand")
            sentence = span.sent if span is not None and doc.has_annotation("SENT_START") else doc[:]
            names = frozenset(fold(ent.text) for ent in doc.ents
                              if ent.label_ in AGENT_LABELS and sentence.start <= ent.start < sentence.end)
            key = (hit["event_type"], offset + hit["start"], offset + hit["end"], hit["step"])
            self.items[doc_id].setdefault(key, Removed(hit["event_type"], hit["step"], hit["rule"],
                                                       hit["step"] == SAME_CLAUSE_STEP, names, stage=True))
        return doc


@Language.factory(RECORDER)
def make_removal_recorder(nlp: Language, name: str) -> RemovalRecorder:
    """The recorder pipe (benchmarks only: never part of orewire's pipeline)."""
    return RemovalRecorder()


class TrailTracer(Generic[Item]):
    """Wraps the extractor's ``EventMerger`` to run it with a ``RecordTrail`` and keep, per article, what ``collect``
    takes from the trail; the output is the merger's."""

    def __init__(self, merger: Callable[..., Any]) -> None:
        self.merger = merger
        self.items: dict[str, list[Item]] = {}

    def __call__(self, records: list[Any], entities: list[Any], text: str = "", **options: Any) -> Any:
        given = options.pop("trail", None)
        trail = RecordTrail(dict(given.paths) if given is not None else None)
        output = self.merger(records, entities, text, trail=trail, **options)
        if records:
            by_id = {entity.id: entity.model_dump(mode="json") for entity in entities}
            self.items[records[0].doc_id] = self.collect(trail, by_id)
        return output

    def collect(self, trail: RecordTrail, by_id: dict[str, dict[str, Any]]) -> list[Item]:
        raise NotImplementedError


class TracingMerger(TrailTracer[Removed]):
    """The records the article pass removed (as last seen), with the step and whether they were folded."""

    def collect(self, trail: RecordTrail, by_id: dict[str, dict[str, Any]]) -> list[Removed]:
        found = []
        for record_id in trail.removed:
            fate = trail.fate(record_id)
            if fate is None:
                continue
            record = trail.last[record_id].model_dump(mode="json")
            found.append(Removed(record["event_type"], fate.step, "", fate.into is not None,
                                 frozenset(event_agents(record, by_id)), stage=False))
        return found


def traced_run(ids: range, cache: Path, recorder_name: str,
               tracer_type: type[TrailTracer[Item]]) -> list[tuple[str, list[dict[str, Any]], list[Item]]]:
    """(article id, records as json, what the recorder pipe ``recorder_name`` and the article-pass tracer kept) for
    every cached read dev entry in ``ids``."""
    from pipeline import Extractor

    extractor = Extractor()
    recorder = extractor.nlp.add_pipe(recorder_name, last=True)
    tracer = tracer_type(extractor.merge_events)
    extractor.merge_events = tracer  # type: ignore[method-assign]  # this instance only: measurement
    output = []
    # the stage's agent paths seed the tracer's trail, as in agent_precision.run
    for extraction in extractor.extract_many(cached_articles(read_dev_entries(ids), cache), agent_trail=True):
        records = [record.model_dump(mode="json") for record in extraction.records]
        items = [*recorder.items.get(extraction.doc_id, {}).values(), *tracer.items.get(extraction.doc_id, [])]
        output.append((extraction.doc_id, records, items))
    return output


def run(ids: range, cache: Path) -> Output:
    """(article id, records as json, removed hits and records) for every cached read dev entry in ``ids``."""
    return traced_run(ids, cache, RECORDER, TracingMerger)


def save_output(path: Path, output: Output) -> None:
    """Pickle a run as plain data (removals as tuples), so any script can load it."""
    path.write_bytes(pickle.dumps([(doc_id, records, [astuple(item) for item in removed])
                                   for doc_id, records, removed in output]))


def load_output(path: Path) -> Output:
    """A run saved by ``save_output``."""
    return [(doc_id, records, [Removed(*item) for item in removed])
            for doc_id, records, removed in pickle.loads(path.read_bytes())]


def scorer_takes(event: GoldEvent, acceptable: frozenset[str], event_type: str, agents: set[str] | frozenset[str]) -> bool:
    """The scorer's event test (``facts.event_matches``): same type; no agent where the gold names none, else an
    accepted one."""
    return event_matches((event, acceptable), (event_type, agents))


def would_take(event: GoldEvent, acceptable: frozenset[str], item: Removed) -> bool:
    """The decision rule's test: the item's type, and an accepted agent name or a gold event without agent."""
    return item.event_type == event.event_type and (not event.agents or bool(item.names & acceptable))


@dataclass(frozen=True)
class Article:
    """One read dev article: its missed gold events (each with its acceptable agent names), records and removals."""

    doc_id: str
    missed: list[tuple[GoldEvent, frozenset[str]]]
    events: list[tuple[str, set[str], bool]]  # (type, agents, matched) per event record
    removed: list[Removed]


def article(doc_id: str, gold: Sequence[Any], records: Sequence[Mapping[str, Any]], removed: list[Removed]) -> Article:
    """The scorer's one-to-one (type, agent) matching on one article, and what is left unmatched."""
    entities = {record["id"]: record for record in records if record["type"] == "entity"}
    gold_entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    pairs = [(event, acceptable_agents(event, gold_entities)) for event in gold if isinstance(event, GoldEvent)]
    predicted = [(record["event_type"], event_agents(record, entities)) for record in records if record["type"] == "event"]
    hits = match_pairs(pairs, predicted, lambda g, p: scorer_takes(g[0], g[1], p[0], p[1]))
    used = {hit for hit in hits if hit is not None}
    missed = [pair for pair, hit in zip(pairs, hits, strict=True) if hit is None]
    return Article(doc_id, missed, [(kind, agents, index in used) for index, (kind, agents) in enumerate(predicted)],
                   removed)


def origin(removed: Removed) -> str:
    """Where a removal happened and by which step: "stage:context_none", "article:happening_merge"."""
    return f"{'stage' if removed.stage else 'article'}:{removed.step}"


def reason(event: GoldEvent, acceptable: frozenset[str], item: Article) -> tuple[str, str]:
    """The first reason of ``REASONS`` that holds for a missed gold event, and its detail (step, confusion ...)."""
    same = [(agents, matched) for kind, agents, matched in item.events if kind == event.event_type]
    free = next((agents for agents, matched in same if not matched), None)
    if free is not None:
        return "a_same_type", ("free: record without agent" if not free else "free: gold without agent"
                               if not event.agents else "free: another agent")
    if same:  # every record of its type took another gold event: one record where the gold tells more happenings?
        if not any(scorer_takes(event, acceptable, event.event_type, agents) for agents, _ in same):
            return "a_same_type", "taken: by records of other agents"
        folded = next((removed for removed in item.removed if removed.folded and would_take(event, acceptable, removed)
                       and removed.event_type == event.event_type), None)
        where = "nothing of its type folded" if folded is None else f"folded by {origin(folded)}"
        return "a_same_type", f"taken: by a record it would take; {where}"
    other = next((kind for kind, agents, matched in item.events if not matched and kind != event.event_type
                  and scorer_takes(event, acceptable, event.event_type, agents)), None)
    if other is not None:
        return "b_other_type", f"{other} -> {event.event_type}"
    mine = [removed for removed in item.removed if removed.event_type == event.event_type]
    for agent_ok in (True, False):
        for folded in (False, True):
            found = next((removed for removed in mine if removed.folded is folded
                          and would_take(event, acceptable, removed) is agent_ok), None)
            if found is not None:
                name = ("d_folded" if folded else "c_removed") + ("" if agent_ok else "_other_agent")
                return name, origin(found)
    return "e_no_rule", ""


def reasons(articles: Iterable[Article]) -> Counter[tuple[str, str, str]]:
    """(reason, detail, gold event type) -> missed gold events."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for item in articles:
        for event, acceptable in item.missed:
            why, detail = reason(event, acceptable, item)
            counts[why, detail, event.event_type] += 1
    return counts


@dataclass
class StepCounts:
    """A dropping step's (or a sub-bucket's) removed items R, gold events they would take G, and articles."""

    removed: int = 0
    taken: int = 0
    articles: int = 0

    @property
    def wrong_as_often(self) -> bool:
        """G >= R - G: its removed items would have matched a gold event at least as often as not."""
        return self.taken >= self.removed - self.taken


def step_counts(articles: Sequence[Article], keep: Callable[[Removed], bool]) -> StepCounts:
    """R, G and articles over the removed items ``keep`` selects (G: one to one against the missed gold events)."""
    counts = StepCounts()
    for item in articles:
        mine = [removed for removed in item.removed if keep(removed)]
        if not mine:
            continue
        hits = match_pairs(item.missed, mine, lambda g, r: would_take(g[0], g[1], r))
        counts.removed += len(mine)
        counts.taken += sum(hit is not None for hit in hits)
        counts.articles += 1
    return counts


def dropping_steps(articles: Sequence[Article]) -> list[tuple[bool, str]]:
    """(stage?, step) of every dropping step that removed something (folds excluded)."""
    return sorted({(removed.stage, removed.step) for item in articles for removed in item.removed
                   if not removed.folded and (removed.stage or removed.step in ARTICLE_DROPS)})


def decisions(articles: Sequence[Article]) -> list[dict[str, Any]]:
    """The decision rule of the module docstring, applied: one entry per acted-on step."""
    chosen = []
    for stage, step in dropping_steps(articles):
        def of_step(removed: Removed, stage: bool = stage, step: str = step) -> bool:
            return removed.stage is stage and removed.step == step and not removed.folded
        total = step_counts(articles, of_step)
        if total.articles < MIN_ARTICLES or not total.wrong_as_often:
            continue
        features = sorted({(removed.rule if stage else removed.event_type) for item in articles
                           for removed in item.removed if of_step(removed)})
        off, on = [], []
        for feature in features:
            sub = step_counts(articles, lambda r, f=feature, s=stage: of_step(r) and (r.rule if s else r.event_type) == f)
            (off if sub.wrong_as_often else on).append({"feature": feature, "removed": sub.removed, "taken": sub.taken,
                                                        "articles": sub.articles})
        chosen.append({"where": "stage" if stage else "article", "step": step, "removed": total.removed,
                       "taken": total.taken, "articles": total.articles,
                       "action": "switch off" if not on else "narrow", "off_for": off, "stays_on_for": on})
    return chosen


def print_reasons(counts: Counter[tuple[str, str, str]]) -> None:
    total = sum(counts.values())
    print(f"\n== missed gold events by reason ({total})")
    by_reason = Counter({why: 0 for why in REASONS})
    for (why, _, _), number in counts.items():
        by_reason[why] += number
    for why in REASONS:
        print(f"{why:<24}{by_reason[why]:>5}")
    print("\n== by reason and detail (step, confusion)")
    detail: Counter[tuple[str, str]] = Counter()
    for (why, what, _), number in counts.items():
        detail[why, what] += number
    for (why, what), number in sorted(detail.items(), key=lambda pair: (REASONS.index(pair[0][0]), -pair[1])):
        print(f"{why:<24}{what[:72]:<74}{number:>5}")
    print("\n== by gold event type")
    types = sorted({kind for _, _, kind in counts})
    print(f"{'type':<24}" + "".join(f"{why[:9]:>10}" for why in REASONS))
    for kind in types:
        print(f"{kind:<24}" + "".join(f"{sum(n for (w, _, k), n in counts.items() if w == why and k == kind):>10}"
                                     for why in REASONS))


def print_steps(articles: Sequence[Article]) -> None:
    print("\n== dropping steps: removed items R, gold events they would take G, articles (G >= R - G marked *)")
    for stage, step in dropping_steps(articles):
        counts = step_counts(articles, lambda r, s=stage, t=step: r.stage is s and r.step == t and not r.folded)
        mark = "*" if counts.wrong_as_often and counts.articles >= MIN_ARTICLES else ""
        print(f"{('stage:' if stage else 'article:') + step:<36}{counts.removed:>6}{counts.taken:>6}{counts.articles:>6} {mark}")


def main() -> int:
    parser = read_dev_parser((__doc__ or "").splitlines()[0])
    args = parser.parse_args()
    ids = read_dev_range(parser, args.ids)
    if args.records is not None and args.records.is_file():
        output = load_output(args.records)
    else:
        output = run(ids, args.cache or default_cache())
        if args.records is not None:
            save_output(args.records, output)
    if not output:
        print("real-news cache absent: nothing measured (see docs/realnews.md)")
        return 0
    articles = [article(doc_id, read_gold(doc_id), records, removed) for doc_id, records, removed in output]
    print(f"read dev: {len(articles)} articles, {sum(len(a.missed) for a in articles)} missed gold events")
    print_reasons(reasons(articles))
    print_steps(articles)
    if args.decide:
        print(json.dumps(decisions(articles), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
