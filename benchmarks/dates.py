"""Date benchmark: orewire's date stage vs ``dateparser.search.search_dates``.

Usage:
    .venv/bin/python benchmarks/dates.py [--gold fixtures/gold] [--seeds seeds] [--repeat 3] [--misses]

Scores date records against the gold fixtures (SPEC record format): span F1
(strict: same offsets; lenient: overlapping offsets) and value F1 (same
offsets and same ``value``). search_dates is given each article's
publication date as ``RELATIVE_BASE``; its value is the day it returns,
compared at day granularity. Speed: both on the same article texts, plus
the full pipeline against the bare spaCy model. Falls back to the unit-test
table when no gold file exists.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import Extractor  # noqa: E402
from pipeline.evaluation.metrics import Counts, format_score, precision_recall_f1  # noqa: E402


def describe(counts: Counts) -> str:
    precision, recall, f1 = precision_recall_f1(counts.tp, counts.fp, counts.fn)
    return (f"P {format_score(precision)} R {format_score(recall)} F1 {format_score(f1)} "
            f"(tp {counts.tp} fp {counts.fp} fn {counts.fn})")


Mention = tuple[int, int, str | None]


def load_gold(gold_dir: Path) -> dict[str, tuple[str | None, list[Mention]]]:
    """doc_id -> (published, [(start, end, value)]) from the gold JSONL files."""
    documents: dict[str, tuple[str | None, list[Mention]]] = {}
    for path in sorted(gold_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            doc_id = record["doc_id"]
            published, mentions = documents.setdefault(doc_id, (None, []))
            if record["type"] == "document":
                documents[doc_id] = (record.get("published"), mentions)
            elif record["type"] == "date":
                mentions.append((record["start"], record["end"], record.get("timex", record.get("value"))))
    return documents


def article_text(seeds: Path, doc_id: str) -> str | None:
    path = seeds / doc_id
    if path.is_file():
        return path.read_text(encoding="utf-8")
    for jsonl in seeds.glob("*.jsonl"):
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item.get("id") == doc_id:
                return item["text"]
    return None


def score(
    gold: list[Mention], predicted: list[Mention], scores: dict[str, Counts], misses: list[str], text: str
) -> None:
    gold_spans = {(s, e): v for s, e, v in gold}
    predicted_spans = {(s, e): v for s, e, v in predicted}
    strict = set(gold_spans) & set(predicted_spans)
    scores["strict"].tp += len(strict)
    scores["strict"].fp += len(predicted_spans) - len(strict)
    scores["strict"].fn += len(gold_spans) - len(strict)
    valued = {span for span in strict if gold_spans[span] == predicted_spans[span]}
    scores["value"].tp += len(valued)
    scores["value"].fp += len(predicted_spans) - len(valued)
    scores["value"].fn += len(gold_spans) - len(valued)
    overlap = {g for g in gold_spans if any(p[0] < g[1] and g[0] < p[1] for p in predicted_spans)}
    overlapped = {p for p in predicted_spans if any(p[0] < g[1] and g[0] < p[1] for g in gold_spans)}
    scores["lenient"].tp += len(overlap)
    scores["lenient"].fn += len(gold_spans) - len(overlap)
    scores["lenient"].fp += len(predicted_spans) - len(overlapped)
    for span, value in sorted(gold_spans.items()):
        if predicted_spans.get(span, "<missing>") != value:
            misses.append(f"  FN {text[span[0] : span[1]]!r} gold={value} got={predicted_spans.get(span, '<no span>')}")
    for span, value in sorted(predicted_spans.items()):
        if span not in gold_spans:
            misses.append(f"  FP {text[span[0] : span[1]]!r} {value}")


def search_dates_mentions(text: str, published: str | None) -> list[Mention]:
    from dateparser.search import search_dates

    base = datetime.fromisoformat(published[:10]) if published else datetime(2026, 1, 15)
    settings: dict[str, Any] = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "TIMEZONE": "UTC"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"], settings=settings) or []
    mentions: list[Mention] = []
    cursor = 0
    for substring, moment in found:
        start = text.find(substring, cursor)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        cursor = start + len(substring)
        mentions.append((start, start + len(substring), moment.date().isoformat()))
    return mentions


def orewire_mentions(extractor: Extractor, text: str, doc_id: str, published: str | None) -> list[Mention]:
    records = extractor.extract(text, doc_id=doc_id, published=published)
    return [(r.start, r.end, r.timex) for r in records if r.type == "date"]


def table_corpus() -> dict[str, tuple[str | None, list[Mention], str]]:
    """The unit-test table as a fallback gold set: one mini article per case."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_dates import CASES  # type: ignore[import-not-found]

    corpus = {}
    for number, case in enumerate(CASES):
        text, reference, expected = case[0], case[1], case[2]
        mentions = []
        for surface, value in expected:
            start = text.find(surface)
            mentions.append((start, start + len(surface), value))
        corpus[f"case{number}"] = (reference, mentions, text)
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "fixtures" / "gold")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--misses", action="store_true", help="list false positives and negatives")
    args = parser.parse_args(argv)

    extractor = Extractor(reference_date="2026-01-15")
    corpus: dict[str, tuple[str | None, list[Mention], str]] = {}
    for doc_id, (published, mentions) in load_gold(args.gold).items() if args.gold.is_dir() else []:
        text = article_text(args.seeds, doc_id)
        if text is not None:
            corpus[doc_id] = (published, mentions, text)
    source = f"gold fixtures ({args.gold})"
    if not corpus:
        corpus, source = table_corpus(), "the unit-test table (no gold fixtures found)"

    systems = ("orewire", "search_dates")
    results = {name: {"strict": Counts(), "lenient": Counts(), "value": Counts()} for name in systems}
    misses: dict[str, list[str]] = {name: [] for name in systems}
    for doc_id, (published, gold, text) in corpus.items():
        ours = orewire_mentions(extractor, text, doc_id, published)
        theirs = search_dates_mentions(text, published)
        for name, predicted in (("orewire", ours), ("search_dates", theirs)):
            doc_misses: list[str] = []
            score(gold, predicted, results[name], doc_misses, text)
            if doc_misses:
                misses[name].append(f" {doc_id}:")
                misses[name].extend(doc_misses)

    print(f"Date F1 on {len(corpus)} articles, {sum(len(g) for _, g, _ in corpus.values())} gold dates from {source}")
    for name in systems:
        for mode in ("strict", "lenient", "value"):
            print(f"  {name:13} {mode:8} {describe(results[name][mode])}")
    if args.misses:
        print("orewire misses:")
        print("\n".join(misses["orewire"]) or "  none")

    texts = [text for _, _, text in corpus.values()]
    published_dates = [published for published, _, _ in corpus.values()]
    chars = sum(len(text) for text in texts)
    stage = extractor.nlp.get_pipe("orewire_dates")
    docs = list(extractor.nlp.pipe(texts))

    def best_of(function: Any) -> float:
        timings = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            function()
            timings.append(time.perf_counter() - began)
        return min(timings)

    stage_seconds = best_of(lambda: [stage(doc) for doc in docs])
    search_seconds = best_of(lambda: [search_dates_mentions(t, p) for t, p in zip(texts, published_dates, strict=True)])
    full_seconds = best_of(lambda: list(extractor.nlp.pipe(texts)))
    with extractor.nlp.select_pipes(disable=[n for n in extractor.nlp.pipe_names if n.startswith("orewire_")]):
        bare_seconds = best_of(lambda: list(extractor.nlp.pipe(texts)))
    print(f"Speed on the same {len(texts)} texts ({chars} chars), best of {args.repeat}:")
    print(f"  orewire date stage  {stage_seconds * 1000:8.1f} ms  ({chars / stage_seconds / 1e6:.2f} M chars/s)")
    print(f"  search_dates        {search_seconds * 1000:8.1f} ms  ({search_seconds / stage_seconds:.0f}x slower)")
    print(
        f"  full pipeline       {full_seconds * 1000:8.1f} ms  vs bare spaCy model {bare_seconds * 1000:.1f} ms"
        f"  (speed ratio {bare_seconds / full_seconds:.2f})"
    )
    print(f"  date stage share    {100 * stage_seconds / bare_seconds:8.1f} % of the bare model's time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
