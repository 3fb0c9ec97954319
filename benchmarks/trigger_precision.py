"""How often each trigger bucket's event records are right, on the READ real-news dev half (issue 12).

A bucket is the rule that produced a record (its id in models/events/triggers.jsonl) and the trigger's lemmas, under
the record's event type. Every event record orewire writes on a cached read dev article is labelled by the scorer's
own matching (``pipeline.evaluation.facts.event_record_labels``, the one ``benchmarks/realnews.py`` scores with):
type-right when the article's gold has an event of its type, matched when it takes a gold event one to one on
(type, agent). Per bucket it prints records, articles, type-right and matched counts, and the type-right count of
the records that the event stage gave an agent or a figure (what a narrowed rule would keep). Only aggregate counts
are printed: no texts, no misses. Records the article pass made (folds, inherited retellings), or that the stage
derived from another record (party figures, owner lists), have no rule of their own: they are bucketed under
``(derived)``.

The rule id comes from the event stage itself (``EventInfo["rule"]``): a recorder pipe after it keeps, per record
id, the rule, the trigger's lemmas and the stage's argument roles.

    python benchmarks/trigger_precision.py                    # the read dev half (parts.json)
    python benchmarks/trigger_precision.py --min-records 5 --json /tmp/buckets.json
    python benchmarks/trigger_precision.py --records /tmp/tp.pkl   # reuse (or save) a run's output

Only the read dev half may be measured here: the test half and the held-out parts are refused.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import cached_articles, default_cache, id_range, read_gold, read_manifest  # noqa: E402
from benchmarks.realnews_parts import latest_session, read_dev_ids, read_parts  # noqa: E402
from pipeline.evaluation.facts import FactReport, event_record_labels  # noqa: E402
from pipeline.schema.labels import EVENTS_EXTENSION  # noqa: E402
from pipeline.schema.records import event_record_id  # noqa: E402

RECORDER = "orewire_trigger_recorder"
DERIVED = "(derived)"
ANCHOR_ROLES = frozenset({"agent", "amount", "quantity", "price"})
# the argument roles a narrowed bucket may require, tried in this order: a figure of its own, then an agent
ANCHORS = (("amount", "quantity", "price"), ("agent",))
READ_IDS = read_dev_ids()  # from fixtures/realnews/parts.json
MIN_RECORDS, MIN_ARTICLES = 5, 3  # the evidence a decision needs


@dataclass(frozen=True)
class Origin:
    """What the event stage knew of a record: its rule, its trigger's lemmas and its own argument roles."""

    rule: str
    lemma: str
    roles: frozenset[str]


Output = list[tuple[str, list[dict[str, Any]], dict[str, Origin]]]  # (article id, records, origins) per article


@dataclass(frozen=True)
class Labelled:
    """One event record of a read dev article, with its origin and the scorer's two labels."""

    doc_id: str
    event_type: str
    origin: Origin
    type_right: bool
    matched: bool

    @property
    def anchored(self) -> bool:
        """Whether the event stage gave the record an agent or a figure (amount, quantity, price)."""
        return bool(self.origin.roles & ANCHOR_ROLES)


@dataclass
class Bucket:
    """Counts of one (event type, rule, lemma) bucket, or of a coarser one."""

    records: int = 0
    type_right: int = 0
    matched: int = 0
    anchored: int = 0
    anchored_right: int = 0
    articles: set[str] = field(default_factory=set)

    def add(self, item: Labelled) -> None:
        self.records += 1
        self.type_right += item.type_right
        self.matched += item.matched
        self.anchored += item.anchored
        self.anchored_right += item.anchored and item.type_right
        self.articles.add(item.doc_id)

    def row(self) -> dict[str, Any]:
        """The bucket's counts as plain numbers (its articles counted, not named)."""
        return {"records": self.records, "articles": len(self.articles), "type_right": self.type_right,
                "matched": self.matched, "anchored": self.anchored, "anchored_right": self.anchored_right}


class TriggerRecorder:
    """A pipe after the event stage: per record id, the rule, trigger lemmas and argument roles of the stage."""

    def __init__(self) -> None:
        self.origins: dict[str, Origin] = {}

    def __call__(self, doc: Doc) -> Doc:
        context = doc._.orewire_block or {}
        offset, doc_id = context.get("offset", 0), context.get("doc_id", "doc")
        for info in doc._.get(EVENTS_EXTENSION) or []:
            start, end = info["trigger"]
            span = doc.char_span(start, end, alignment_mode="expand")
            lemma = " ".join(token.lemma_.lower() for token in span) if span is not None else doc.text[start:end].lower()
            key = event_record_id(doc_id, offset + start, offset + end, info["event_type"])
            self.origins[key] = Origin(info.get("rule", DERIVED), lemma,
                                       frozenset(argument["role"] for argument in info["arguments"]))
        return doc


@Language.factory(RECORDER)
def make_trigger_recorder(nlp: Language, name: str) -> TriggerRecorder:
    """The recorder pipe (benchmarks only: never part of orewire's pipeline)."""
    return TriggerRecorder()


def labelled_records(doc_id: str, gold: Sequence[Any], records: Sequence[Mapping[str, Any]],
                     origins: Mapping[str, Origin]) -> list[Labelled]:
    """The article's event records with their origin (``(derived)`` when the stage gave it no rule) and labels."""
    events = [record for record in records if record["type"] == "event"]
    labels = event_record_labels(gold, records)
    return [Labelled(doc_id, record["event_type"],
                     origins.get(record["id"]) or Origin(DERIVED, record["trigger"]["text"].lower(), frozenset()),
                     type_right, matched)
            for record, (type_right, matched) in zip(events, labels, strict=True)]


def buckets(items: Iterable[Labelled], *, by: str = "rule_lemma") -> dict[tuple[str, ...], Bucket]:
    """Counts per (type, rule, lemma), (type, rule) or (type, lemma), as ``by`` says."""
    table: dict[tuple[str, ...], Bucket] = {}
    for item in items:
        key = {"rule_lemma": (item.event_type, item.origin.rule, item.origin.lemma),
               "rule": (item.event_type, item.origin.rule),
               "lemma": (item.event_type, item.origin.lemma)}[by]
        table.setdefault(key, Bucket()).add(item)
    return table


def share(right: int, records: int) -> str:
    return f"{right / records:.2f}" if records else "-"


def print_table(title: str, table: Mapping[tuple[str, ...], Bucket], *, min_records: int) -> None:
    rows = sorted(((key, bucket) for key, bucket in table.items() if bucket.records >= min_records),
                  key=lambda pair: (pair[1].type_right / pair[1].records, -pair[1].records))
    print(f"\n== {title} (buckets with {min_records}+ records, lowest type-right share first)")
    print(f"{'bucket':<64}{'rec':>5}{'art':>5}{'type':>6}{'share':>7}{'match':>7}{'share':>7}{'anch':>6}{'a.share':>8}")
    for key, bucket in rows:
        print(f"{' / '.join(key)[:63]:<64}{bucket.records:>5}{len(bucket.articles):>5}{bucket.type_right:>6}"
              f"{share(bucket.type_right, bucket.records):>7}{bucket.matched:>7}{share(bucket.matched, bucket.records):>7}"
              f"{bucket.anchored:>6}{share(bucket.anchored_right, bucket.anchored):>8}")


@dataclass(frozen=True)
class Thresholds:
    """Below these shares a bucket's records cost F1: a record adds to an F1 of F only when its chance of being right
    exceeds F/2, so the bars are half the read dev half's event-type F1 (type-right) and event F1 (matched)."""

    type_right: float
    matched: float
    min_records: int = MIN_RECORDS
    min_articles: int = MIN_ARTICLES

    def low(self, records: int, type_right: int, matched: int) -> bool:
        """Whether records with these counts are right too rarely to keep."""
        return type_right < self.type_right * records or matched < self.matched * records

    def describe(self) -> str:
        return (f"a (type, rule, lemma) bucket with at least {self.min_records} records in {self.min_articles} "
                f"articles is acted on when its type-right share is below {self.type_right:.3f} (half the read dev "
                f"event-type F1) or its (type, agent) matched share below {self.matched:.3f} (half the read dev event "
                "F1); it is narrowed to the records with a figure (amount, quantity, price), else an agent, when "
                "those clear both bars, and dropped when neither does")


def thresholds(output: Output) -> Thresholds:
    """The bars from the run's own event and event-type F1 (the scorer ``benchmarks/realnews.py`` uses)."""
    report = FactReport()
    for doc_id, records, _ in output:
        report.add_document(doc_id, read_gold(doc_id), records)
    return Thresholds(type_right=report.tallies["event_type"].scores()["f1"] / 2,
                      matched=report.tallies["event"].scores()["f1"] / 2)


def decisions(items: Sequence[Labelled], bars: Thresholds) -> list[dict[str, Any]]:
    """The buckets the bars act on, as entries of models/events/trigger_buckets.json (derived records, which no
    rule makes, are left out)."""
    chosen: list[dict[str, Any]] = []
    for (event_type, rule, lemma), bucket in sorted(buckets(items).items()):
        if (rule == DERIVED or bucket.records < bars.min_records or len(bucket.articles) < bars.min_articles
                or not bars.low(bucket.records, bucket.type_right, bucket.matched)):
            continue
        mine = [item for item in items if (item.event_type, item.origin.rule, item.origin.lemma) == (event_type, rule, lemma)]
        entry: dict[str, Any] = {"event_type": event_type, "rule": rule, "lemma": lemma}
        evidence = {key: value for key, value in bucket.row().items() if key in {"records", "articles", "type_right", "matched"}}
        for roles in ANCHORS:
            kept = [item for item in mine if item.origin.roles & set(roles)]
            right, matched = sum(item.type_right for item in kept), sum(item.matched for item in kept)
            if kept and not bars.low(len(kept), right, matched):
                entry["require_roles"] = list(roles)
                evidence |= {"kept": len(kept), "kept_type_right": right}
                break
        else:
            entry["drop"] = True
        chosen.append({**entry, "evidence": evidence})
    return chosen


def bucket_calibration(items: Sequence[Labelled], confidences: Sequence[float], *, by: str = "rule",
                       prior: float = 5.0) -> tuple[float, float]:
    """Brier scores (mean squared gap between confidence and matched) of the records' own confidence and of a
    per-bucket figure: the bucket's matched share on the OTHER articles, shrunk toward the record's own confidence
    with ``prior`` pseudo-records (leave one article out, so no record is scored by a figure fitted on itself)."""
    keys = [next(iter(buckets([item], by=by))) for item in items]
    own = bucket_figure = 0.0
    for index, (item, confidence) in enumerate(zip(items, confidences, strict=True)):
        others = [other for other, key in zip(items, keys, strict=True)
                  if key == keys[index] and other.doc_id != item.doc_id]
        figure = (sum(other.matched for other in others) + prior * confidence) / (len(others) + prior)
        own += (confidence - item.matched) ** 2
        bucket_figure += (figure - item.matched) ** 2
    return own / len(items), bucket_figure / len(items)


def read_dev_entries(ids: range) -> list[dict[str, Any]]:
    """The manifest's dev entries in ``ids`` that some session has read (never test, held-out or unseen ones)."""
    parts = read_parts()
    session = latest_session(parts)
    return [entry for entry in read_manifest()
            if entry["split"] == "dev" and int(entry["id"].removeprefix("rn")) in ids
            and any(part.holds(entry["id"]) and part.status("dev", session) == "read" for part in parts)]


def run(entries: list[dict[str, Any]], cache: Path) -> Output:
    """(article id, records as json, origins of its event records) for every cached entry."""
    from pipeline import Extractor

    extractor = Extractor()
    recorder = extractor.nlp.add_pipe(RECORDER, last=True)
    assert isinstance(recorder, TriggerRecorder)
    output = []
    for extraction in extractor.extract_many(cached_articles(entries, cache)):
        records = [record.model_dump(mode="json") for record in extraction.records]
        mine = {record["id"]: recorder.origins[record["id"]] for record in records
                if record["type"] == "event" and record["id"] in recorder.origins}
        output.append((extraction.doc_id, records, mine))
    return output


def save_output(path: Path, output: Output) -> None:
    """Pickle a run as plain data (origins as tuples), so any script can load it."""
    plain = [(doc_id, records, {key: (o.rule, o.lemma, sorted(o.roles)) for key, o in origins.items()})
             for doc_id, records, origins in output]
    path.write_bytes(pickle.dumps(plain))


def load_output(path: Path) -> Output:
    """A run saved by ``save_output``."""
    return [(doc_id, records, {key: Origin(rule, lemma, frozenset(roles)) for key, (rule, lemma, roles) in origins.items()})
            for doc_id, records, origins in pickle.loads(path.read_bytes())]


def read_dev_output(ids: range, cache: Path | None, records: Path | None) -> Output:
    """The run over the read dev entries in ``ids``: from ``records`` when that pickle exists, else run (and saved
    there when a path is given)."""
    if records is not None and records.is_file():
        return load_output(records)
    output = run(read_dev_entries(ids), cache or default_cache())
    if records is not None:
        save_output(records, output)
    return output


def main() -> int:
    parser = argparse.ArgumentParser(description="Precision of event records per trigger bucket on the read dev half.")
    parser.add_argument("--cache", type=Path, default=None, help="folder of <id>.txt texts [env OREWIRE_REALNEWS_CACHE]")
    parser.add_argument("--ids", type=id_range, default=id_range(READ_IDS), help=f"read dev ids (default {READ_IDS})")
    parser.add_argument("--min-records", type=int, default=3, help="print buckets with at least this many records")
    parser.add_argument("--records", type=Path, default=None, help="pickle of a run's output to reuse (or save)")
    parser.add_argument("--json", type=Path, default=None, help="write every bucket's counts here")
    parser.add_argument("--decide", action="store_true", help="print the buckets the F1/2 bars act on (JSON entries)")
    parser.add_argument("--calibration", action="store_true",
                        help="Brier score of the records' confidence against a per-bucket figure (leave one article out)")
    args = parser.parse_args()
    output = read_dev_output(args.ids, args.cache, args.records)
    if not output:
        print("real-news cache absent: nothing measured (see docs/realnews.md)")
        return 0
    items = [item for doc_id, records, origins in output
             for item in labelled_records(doc_id, read_gold(doc_id), records, origins)]
    print(f"read dev: {len(output)} articles, {len(items)} event records, type-right "
          f"{share(sum(i.type_right for i in items), len(items))}, matched {share(sum(i.matched for i in items), len(items))}")
    tables = {by: buckets(items, by=by) for by in ("rule_lemma", "rule", "lemma")}
    print_table("type / rule / lemma", tables["rule_lemma"], min_records=args.min_records)
    print_table("type / rule", tables["rule"], min_records=args.min_records)
    print_table("type / lemma", tables["lemma"], min_records=args.min_records)
    if args.decide:
        bars = thresholds(output)
        print(f"\n== decisions: {bars.describe()}")
        print(json.dumps(decisions(items, bars), indent=1))
    if args.calibration:
        confidences = [float(record["confidence"]) for _, records, _ in output
                       for record in records if record["type"] == "event"]
        for by in ("rule", "rule_lemma"):
            own, figure = bucket_calibration(items, confidences, by=by)
            print(f"Brier, records' confidence {own:.4f}; per-bucket ({by}, leave one article out) {figure:.4f}")
    if args.json is not None:
        args.json.write_text(json.dumps({by: [{"bucket": list(key), **bucket.row()} for key, bucket in table.items()]
                                         for by, table in tables.items()}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
