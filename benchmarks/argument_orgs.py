"""Model-only ORG names kept as event parties, on the READ real-news dev half (issues 12 and 13, eighteenth session).

The article drops a model-only ORG group whose every mention lacks a clause role unless a mention has support
(``pipeline/article/unsupported_orgs.py``); one kind of support is being a block event's argument. This script
measures that exception (docs/entities.md, "Model-only ORG names kept as event parties"):

- bucket A (``argument_only``): a final ORG group every mention of which the entity stage marks (the model's span
  alone, in a weak role: ``entity_precision.Tables.unsupported``), i.e. a group the exception alone keeps;
- bucket B (``model_agent``): a final ORG group every mention of which is the model's span as given, named by the
  agent of a final event record;
- bucket C (``absent_agent``, a diagnostic: it reads the gold): a final ORG group named by the agent of a final event
  record whose name the gold holds under no label (the class counted on unread text), with its mentions' origins.

Per bucket: groups, articles and group precision (the scorer's label-strict group matching), and its event records
(agent naming one of its groups) as (type, agent)-matched, type-right with a wrong agent, or type-wrong
(``event_record_labels``, the matching ``benchmarks/realnews.py`` scores with), three ways: as written, with the
agent argument removed, and with the agent the pipeline falls back to (a second run: for A without the exception,
so the group is dropped and the article's merger finds the actor as for a record without one; for B with those agent
arguments dropped before the merger, and the same for C). Only counts are printed, never texts.

    python benchmarks/argument_orgs.py --records /tmp/ao      # the four runs pickled as /tmp/ao.<run>.pkl
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.entity_precision import (  # noqa: E402
    Output,
    Tables,
    block_span,
    detailed_outcomes,
    tag_origins,
    tagged_output,
)
from benchmarks.realnews import cached_output, read_gold  # noqa: E402
from benchmarks.realnews_parts import read_dev_ids, read_dev_range  # noqa: E402
from benchmarks.trigger_precision import read_dev_entries  # noqa: E402
from pipeline.article import extractor as article_extractor  # noqa: E402
from pipeline.evaluation.facts import FactReport, entity_group_labels, event_record_labels  # noqa: E402
from pipeline.schema.records import EntityRecord, EventRecord  # noqa: E402

READ_IDS = read_dev_ids()
BUCKETS = ("argument_only", "model_agent", "absent_agent")
OUTCOMES = ("matched", "wrong_agent", "wrong_type", "gone")  # "gone": the record is not in the fallback run
Group = tuple[str, str]  # (label, normalized)
# the decision rule, fixed before the numbers were printed (docs/entities.md)
DROP_PRECISION, MIN_ARTICLES = 0.5, 4


def groups_of(records: Iterable[Mapping[str, Any]]) -> dict[Group, list[Mapping[str, Any]]]:
    """The entity records of an article by (label, normalized) group."""
    found: dict[Group, list[Mapping[str, Any]]] = {}
    for record in records:
        if record["type"] == "entity":
            found.setdefault((record["label"], record["normalized"]), []).append(record)
    return found


def agent_refs(record: Mapping[str, Any]) -> set[str]:
    return {argument["ref"] for argument in record["arguments"] if argument["role"] == "agent" and argument.get("ref")}


def bucket_groups(records: Sequence[Mapping[str, Any]], spans: Mapping[tuple[int, int, str], dict[str, str]],
                  tables: Tables, gold: Sequence[Any]) -> dict[str, set[Group]]:
    """The article's ORG groups in bucket A (every mention marked), bucket B (every mention the model's span as
    given, and an event's agent) and bucket C (an event's agent whose name the gold holds under no label)."""
    absent = {group for group, found in detailed_outcomes(gold, records).items() if found == "absent"}
    agents = {ref for record in records if record["type"] == "event" for ref in agent_refs(record)}
    found: dict[str, set[Group]] = {name: set() for name in BUCKETS}
    for group, mentions in groups_of(records).items():
        if group[0] != "ORG":
            continue
        found_spans = [block_span(mention, spans) for mention in mentions]
        if all(tables.unsupported(span) for span in found_spans):
            found["argument_only"].add(group)
        if (all(span is not None and span["origin"] == "model" for span in found_spans)
                and any(mention["id"] in agents for mention in mentions)):
            found["model_agent"].add(group)
        if group in absent and any(mention["id"] in agents for mention in mentions):
            found["absent_agent"].add(group)
    return found


def origin_counts(output: Output, groups: Mapping[str, set[Group]]) -> Counter[tuple[str, ...]]:
    """How many of the ``groups`` (per article) have each set of mention origins (rule helper, pattern, model ...)."""
    found: Counter[tuple[str, ...]] = Counter()
    for doc_id, _, records, spans in output:
        for group, mentions in groups_of(records).items():
            if group in groups.get(doc_id, set()):
                spans_of = [block_span(mention, spans) for mention in mentions]
                found[tuple(sorted({(span["origin"] if span else "article").split(":")[0] for span in spans_of}))] += 1
    return found


def outcome(labels: tuple[bool, bool] | None) -> str:
    if labels is None:
        return "gone"
    type_right, matched = labels
    return "matched" if matched else "wrong_agent" if type_right else "wrong_type"


def without_agents(records: Sequence[Mapping[str, Any]], ids: set[str]) -> list[Mapping[str, Any]]:
    """``records`` with the agent arguments of the event records ``ids`` removed."""
    return [{**record, "arguments": [a for a in record["arguments"] if a["role"] != "agent"]}
            if record["id"] in ids else record for record in records]


def event_labels(gold: Sequence[Any], records: Sequence[Mapping[str, Any]]) -> dict[str, tuple[bool, bool]]:
    """Event record id -> (type right, (type, agent)-matched)."""
    events = [record["id"] for record in records if record["type"] == "event"]
    return dict(zip(events, event_record_labels(gold, records), strict=True))


@dataclass
class BucketCounts:
    """One bucket's counts over the read dev half."""

    groups: int = 0
    right_groups: int = 0
    articles: set[str] = field(default_factory=set)
    record_articles: set[str] = field(default_factory=set)
    records: dict[str, dict[str, int]] = field(
        default_factory=lambda: {way: dict.fromkeys(OUTCOMES, 0) for way in ("agent", "removed", "fallback")})

    @property
    def precision(self) -> float:
        return self.right_groups / self.groups if self.groups else 0.0

    def matched_share(self, way: str) -> float:
        counts = self.records[way]
        total = sum(counts.values())
        return counts["matched"] / total if total else 0.0


def measure_article(doc_id: str, gold: Sequence[Any], records: Sequence[Mapping[str, Any]], groups: set[Group],
                    fallback: Sequence[Mapping[str, Any]], tally: BucketCounts) -> None:
    """Add one article's bucket groups and their event records (with agent, removed, fallback run) to ``tally``."""
    if not groups:
        return
    right = {(label, normalized) for label, normalized, matched in entity_group_labels(gold, records) if matched}
    tally.groups += len(groups)
    tally.right_groups += len(groups & right)
    tally.articles.add(doc_id)
    ids = {mention["id"] for group, mentions in groups_of(records).items() if group in groups for mention in mentions}
    chosen = [record["id"] for record in records if record["type"] == "event" and agent_refs(record) & ids]
    if not chosen:
        return
    tally.record_articles.add(doc_id)
    ways = {"agent": event_labels(gold, records), "removed": event_labels(gold, without_agents(records, set(chosen))),
            "fallback": event_labels(gold, fallback)}
    for way, labels in ways.items():
        for record_id in chosen:
            tally.records[way][outcome(labels.get(record_id))] += 1


def scores(output: Output) -> dict[str, float]:
    report = FactReport()
    for doc_id, _, records, _ in output:
        report.add_document(doc_id, read_gold(doc_id), records)
    return {measure: report.tallies[measure].scores()["f1"] or 0.0 for measure in ("entity", "event", "event_type")}


def qualifies(tally: BucketCounts, base: Mapping[str, float], variant: Mapping[str, float]) -> bool:
    """The fixed rule: drop the event-argument exception when bucket A's group precision is under DROP_PRECISION
    over MIN_ARTICLES articles, its records match less often with their agent than with the fallback, and the run
    without the exception loses neither entity nor event F1."""
    return (tally.groups > 0 and tally.precision < DROP_PRECISION and len(tally.articles) >= MIN_ARTICLES
            and tally.matched_share("agent") < tally.matched_share("fallback")
            and variant["entity"] >= base["entity"] and variant["event"] >= base["event"])


# -- the runs ------------------------------------------------------------------------------------------------------


@contextmanager
def patched(name: str, replacement: Callable[..., Any]) -> Any:
    """``pipeline.article.extractor.<name>`` replaced in this process for the block's duration."""
    original = getattr(article_extractor, name)
    setattr(article_extractor, name, replacement)
    try:
        yield
    finally:
        setattr(article_extractor, name, original)


def no_event_support(original: Callable[..., list[EntityRecord]]) -> Callable[..., list[EntityRecord]]:
    def without_exception(records: list[EntityRecord], marked: Any, events: Iterable[EventRecord]) -> list[EntityRecord]:
        return original(records, marked, ())
    return without_exception


def agents_stripped(original: Callable[..., list[EventRecord]],
                    strip: Mapping[str, set[str]]) -> Callable[..., list[EventRecord]]:
    """``kept_arguments`` that also removes agent arguments naming the entity ids ``strip`` holds for the article."""
    def stripping(events: list[EventRecord], dropped: set[str]) -> list[EventRecord]:
        kept = original(events, dropped)
        return [event.model_copy(update={"arguments": [a for a in event.arguments if not (
                    a.role == "agent" and a.ref in strip.get(event.doc_id, set()))]}) for event in kept]
    return stripping


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--ids", default=READ_IDS, help=f"read dev ids (default {READ_IDS})")
    parser.add_argument("--records", type=Path, default=None, help="pickle prefix: <prefix>.<run>.pkl reused or saved")
    args = parser.parse_args()
    ids = read_dev_range(parser, args.ids)
    entries = read_dev_entries(ids)
    tag_origins()

    def saved(run_name: str) -> Path | None:
        return None if args.records is None else args.records.with_name(f"{args.records.name}.{run_name}.pkl")

    base = cached_output(saved("base"), lambda: tagged_output(entries))
    if not base:
        print("real-news cache absent or empty: nothing to measure (see docs/realnews.md)")
        return 0
    tables = Tables.load()
    chosen = {doc_id: bucket_groups(records, spans, tables, read_gold(doc_id)) for doc_id, _, records, spans in base}
    with patched("without_unsupported_orgs", no_event_support(article_extractor.without_unsupported_orgs)):
        no_exception = cached_output(saved("no_exception"), lambda: tagged_output(entries))
    fallbacks = {"argument_only": no_exception}
    for bucket in BUCKETS[1:]:
        strip = {doc_id: {mention["id"] for group, mentions in groups_of(records).items()
                          if group in chosen[doc_id][bucket] for mention in mentions} for doc_id, _, records, _ in base}
        with patched("kept_arguments", agents_stripped(article_extractor.kept_arguments, strip)):
            fallbacks[bucket] = cached_output(saved(f"{bucket}_stripped"), lambda: tagged_output(entries))
    figures = {"base": scores(base), **{f"{bucket}_fallback": scores(found) for bucket, found in fallbacks.items()}}
    print(f"read dev: {len(base)} articles")
    for name, found in figures.items():
        print(f"  {name:<24} " + "  ".join(f"{measure} F1 {value:.4f}" for measure, value in found.items()))
    for bucket in BUCKETS:
        tally = BucketCounts()
        fallback = {doc_id: records for doc_id, _, records, _ in fallbacks[bucket]}
        for doc_id, _, records, _ in base:
            measure_article(doc_id, read_gold(doc_id), records, chosen[doc_id][bucket], fallback.get(doc_id, []), tally)
        print(f"\n== {bucket}: {tally.groups} groups in {len(tally.articles)} articles, {tally.right_groups} right "
              f"(P {tally.precision:.2f}); event records naming them as agent in {len(tally.record_articles)} articles")
        for way, counts in tally.records.items():
            print(f"  {way:<9} " + "  ".join(f"{key} {value}" for key, value in counts.items())
                  + f"  matched share {tally.matched_share(way):.2f}")
        print("  group origins: " + ", ".join(f"{'/'.join(key)} {count}" for key, count in origin_counts(
            base, {doc_id: found[bucket] for doc_id, found in chosen.items()}).most_common()))
        if bucket == "argument_only":
            decision = qualifies(tally, figures["base"], figures["argument_only_fallback"])
            print(f"  decision (docs/entities.md): {'drop the exception' if decision else 'keep'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
