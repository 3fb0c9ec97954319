"""Date and quantity precision and recall by the written form of the text, on the real-news set.

Each date and quantity record orewire writes is put in a form bucket (bare year, weekday, edge of a
period, year range, ...; a quantity by type, unit and shape, a count by its number's form and head
noun class: ``pipeline.evaluation.span_forms``) and scored with the matching of
``benchmarks/realnews.py`` (the totals are checked against it). Per bucket: records, articles,
precision, and the change in the kind's F1 were the bucket's records all dropped; per gold form: gold facts,
missed, recall. "(value)" counts the false records (and missed facts) whose text the other side writes too, also
unmatched: the span was found and its value is what differs, a normaliser's error rather than an invented or
missing span. A bucket is flagged when its precision is below ``--flag-below`` over at least
``--min-articles`` articles: a candidate to narrow; dropping it outright pays only where the F1 change is
positive (precision below about half the kind's F1). Decide on read dev text only. Aggregates only: no
text, no record, no miss is printed.

    python benchmarks/span_precision.py --ids rn01-rn598             # the read dev half
    python benchmarks/span_precision.py --ids rn01-rn598 --kind date
    python benchmarks/span_precision.py --ids rn01-rn598 --save /tmp/start.json   # later: --compare /tmp/start.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import cached_articles, default_cache, id_range, read_gold, read_manifest  # noqa: E402
from pipeline import Extractor  # noqa: E402
from pipeline.evaluation.facts import FactReport  # noqa: E402
from pipeline.evaluation.metrics import format_score, precision_recall_f1, ratio  # noqa: E402
from pipeline.evaluation.span_forms import Outcome, document_outcomes  # noqa: E402

FLAG_BELOW = 0.8
MIN_ARTICLES = 3


@dataclass
class Bucket:
    """The records (or gold facts) of one form: how many, how many the scorer matched, in which articles."""

    total: int = 0
    matched: int = 0
    wrong_value: int = 0  # unmatched, with the same text unmatched on the other side: a value, not a span, to fix
    articles: set[str] = field(default_factory=set)
    unmatched_articles: set[str] = field(default_factory=set)

    def add(self, outcome: Outcome) -> None:
        self.total += 1
        self.matched += outcome.matched
        self.wrong_value += outcome.wrong_value
        self.articles.add(outcome.doc_id)
        if not outcome.matched:
            self.unmatched_articles.add(outcome.doc_id)


def buckets(outcomes: Iterable[Outcome], kind: str, predicted: bool) -> dict[str, Bucket]:
    """Outcomes of one kind and side (records or gold facts) gathered by form."""
    found: dict[str, Bucket] = defaultdict(Bucket)
    for outcome in outcomes:
        if outcome.kind == kind and outcome.predicted == predicted:
            found[outcome.form].add(outcome)
    return dict(found)


def flagged(bucket: Bucket, flag_below: float, min_articles: int) -> bool:
    """A bucket whose precision is below the threshold, with its false records spread over enough articles."""
    precision = ratio(bucket.matched, bucket.total)
    return precision is not None and precision < flag_below and len(bucket.unmatched_articles) >= min_articles


def f1_if_dropped(tp: int, fp: int, fn: int, bucket: Bucket) -> float:
    """How much the kind's F1 moves when every record of ``bucket`` is dropped (its matches become misses)."""
    before = precision_recall_f1(tp, fp, fn)[2] or 0.0
    after = precision_recall_f1(tp - bucket.matched, fp - (bucket.total - bucket.matched), fn + bucket.matched)[2] or 0.0
    return after - before


def print_kind(outcomes: list[Outcome], kind: str, flag_below: float, min_articles: int) -> None:
    records = buckets(outcomes, kind, predicted=True)
    gold = buckets(outcomes, kind, predicted=False)
    tp = sum(bucket.matched for bucket in records.values())
    fp = sum(bucket.total - bucket.matched for bucket in records.values())
    fn = sum(bucket.total - bucket.matched for bucket in gold.values())
    print(f"\n{kind} records by form{'':<24}records  false(value)  articles(false)  precision  F1 if dropped")
    for form, bucket in sorted(records.items(), key=lambda item: (-(item[1].total - item[1].matched), item[0])):
        mark = "  <- flagged" if flagged(bucket, flag_below, min_articles) else ""
        print(f"  {form:<44}{bucket.total:>7}{bucket.total - bucket.matched:>7}({bucket.wrong_value:>3})"
              f"{len(bucket.articles):>8}({len(bucket.unmatched_articles):>3}){'':>7}"
              f"{format_score(ratio(bucket.matched, bucket.total))}{f1_if_dropped(tp, fp, fn, bucket):>+12.3f}{mark}")
    print(f"{kind} gold facts by form{'':<21}gold  missed(value)  articles(missed)  recall")
    for form, bucket in sorted(gold.items(), key=lambda item: (-(item[1].total - item[1].matched), item[0])):
        print(f"  {form:<44}{bucket.total:>7}{bucket.total - bucket.matched:>7}({bucket.wrong_value:>3})"
              f"{len(bucket.articles):>8}({len(bucket.unmatched_articles):>3}){'':>7}"
              f"{format_score(ratio(bucket.matched, bucket.total))}")


def check_totals(outcomes: list[Outcome], report: FactReport) -> None:
    """The bucket counts add up to the scorer's tallies (same matching), else the script stops."""
    for kind in ("date", "quantity"):
        tally = report.tallies[kind]
        tp = sum(o.matched for o in outcomes if o.kind == kind and o.predicted)
        fp = sum(not o.matched for o in outcomes if o.kind == kind and o.predicted)
        fn = sum(not o.matched for o in outcomes if o.kind == kind and not o.predicted)
        if (tp, fp, fn) != (tally.tp, tally.fp, tally.fn):
            raise SystemExit(f"{kind}: buckets give tp/fp/fn {tp}/{fp}/{fn}, the scorer {tally.tp}/{tally.fp}/{tally.fn}")
        scores = tally.scores()
        print(f"{kind}: P {format_score(scores['precision'])} R {format_score(scores['recall'])} "
              f"F1 {format_score(scores['f1'])} (tp {tp} fp {fp} fn {fn})")


BucketCounts = dict[str, list[int]]  # "kind side form" -> [records or gold facts, unmatched]


def bucket_counts(outcomes: Iterable[Outcome]) -> BucketCounts:
    """Each bucket's size and unmatched count, keyed "date records bare year" / "quantity gold ...", to save and compare."""
    counts: BucketCounts = {}
    for kind in ("date", "quantity"):
        for predicted, side in ((True, "records"), (False, "gold")):
            for form, bucket in buckets(outcomes, kind, predicted).items():
                counts[f"{kind} {side} {form}"] = [bucket.total, bucket.total - bucket.matched]
    return counts


def changed_buckets(before: BucketCounts, after: BucketCounts) -> list[str]:
    """The buckets whose size or unmatched count moved, as "name: total/unmatched -> total/unmatched"."""
    lines = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name, [0, 0]), after.get(name, [0, 0])
        if old != new:
            lines.append(f"{name}: {old[0]}/{old[1]} -> {new[0]}/{new[1]}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description="Date and quantity precision and recall by written form.")
    parser.add_argument("--cache", type=Path, default=None, help="folder of <id>.txt texts [env OREWIRE_REALNEWS_CACHE]")
    parser.add_argument("--ids", type=id_range, default=None, help="score only this id range, e.g. rn01-rn598")
    parser.add_argument("--kind", choices=("date", "quantity", "both"), default="both")
    parser.add_argument("--flag-below", type=float, default=FLAG_BELOW, help="precision under which a bucket is flagged")
    parser.add_argument("--min-articles", type=int, default=MIN_ARTICLES,
                        help="articles with a false record a flagged bucket needs at least")
    parser.add_argument("--save", type=Path, default=None, help="write the bucket counts to this JSON file")
    parser.add_argument("--compare", type=Path, default=None,
                        help="a file written by --save: print the buckets whose counts moved since")
    args = parser.parse_args()
    cache = args.cache or default_cache()
    entries = [entry for entry in read_manifest() if entry["split"] == "dev"
               and (args.ids is None or int(entry["id"].removeprefix("rn")) in args.ids)]
    articles = cached_articles(entries, cache)
    if not articles:
        print(f"real-news cache absent at {cache}: nothing scored (see docs/realnews.md)")
        return 0
    texts = {article.doc_id: article.text for article in articles}
    report = FactReport()
    outcomes: list[Outcome] = []
    for extraction in Extractor().extract_many(articles):
        records = [record.model_dump(mode="json") for record in extraction.records]
        gold = read_gold(extraction.doc_id)
        report.add_document(extraction.doc_id, gold, records)
        outcomes.extend(document_outcomes(extraction.doc_id, gold, records, texts[extraction.doc_id]))
    print(f"dev articles scored: {len(articles)}")
    check_totals(outcomes, report)
    for kind in ("date", "quantity") if args.kind == "both" else (args.kind,):
        print_kind(outcomes, kind, args.flag_below, args.min_articles)
    counts = bucket_counts(outcomes)
    if args.save is not None:
        args.save.write_text(json.dumps(counts, indent=1, sort_keys=True), encoding="utf-8")
    if args.compare is not None:
        moved = changed_buckets(json.loads(args.compare.read_text(encoding="utf-8")), counts)
        print(f"\nbuckets moved since {args.compare} (total/unmatched): {len(moved)}")
        for line in moved:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
