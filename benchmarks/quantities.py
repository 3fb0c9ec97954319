"""Quantity benchmark: orewire vs quantulum3 on the gold fixtures, F1 and speed in one run.

Usage:
    .venv/bin/python benchmarks/quantities.py [--gold fixtures/gold] [--repeat 3]

Gold quantity records come from ``fixtures/gold/*.jsonl`` (SPEC record format, ``doc_id``
naming a seed article). Without gold files the benchmark falls back to the sentence table of
``tests/components/quantities/test_quantities_interpret.py`` (one sentence per document, the
expected span as gold).

Matching is one-to-one per document: ``strict`` needs the same span, ``lenient`` any overlap.
Value accuracy is measured on lenient matches: value/low/high within 1e-6 relative and, for
orewire, the same canonical unit (quantulum3's units are its own, so only numbers are compared).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import math
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pipeline.evaluation.metrics import format_score, precision_recall_f1, ratio

ROOT = Path(__file__).resolve().parent.parent
Span = dict[str, Any]


def load_articles() -> dict[str, str]:
    """Seed article texts by doc_id (file name for .txt, ``id`` for JSONL lines)."""
    articles: dict[str, str] = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        articles[path.name] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "seeds").glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                item = json.loads(line)
                articles[item.get("id") or f"{path.name}:{number}"] = item["text"]
    return articles


def load_gold(gold_dir: Path, articles: dict[str, str]) -> dict[str, list[Span]]:
    gold: dict[str, list[Span]] = {}
    for path in sorted(gold_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            doc_id = record.get("doc_id")
            if doc_id in articles:
                gold.setdefault(doc_id, [])
                if record.get("type") == "quantity":
                    gold[doc_id].append(record)
    return gold


def table_gold() -> tuple[dict[str, str], dict[str, list[Span]]]:
    """Fallback gold: the sentence table of the unit tests."""
    cases = ROOT / "tests" / "components" / "quantities" / "test_quantities_interpret.py"
    spec = importlib.util.spec_from_file_location("quantity_cases", cases)
    module = importlib.util.module_from_spec(spec)
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    spec.loader.exec_module(module)
    articles, gold = {}, {}
    for index, (sentence, span_text, kind, value, unit, extra) in enumerate(module.CASES):
        doc_id = f"case-{index:03d}"
        start = sentence.index(span_text)
        articles[doc_id] = sentence
        gold[doc_id] = [{"start": start, "end": start + len(span_text), "quantity_type": kind, "value": value,
                         "unit": unit, "low": extra.get("low"), "high": extra.get("high")}]
    for index, (sentence, _number) in enumerate(module.NEGATIVES):
        articles[f"negative-{index:02d}"] = sentence
        gold[f"negative-{index:02d}"] = []
    return articles, gold


def orewire_predict(texts: dict[str, str]) -> tuple[dict[str, list[Span]], float]:
    from pipeline import Extractor

    extractor = Extractor(reference_date="2026-01-15")
    started = time.perf_counter()
    predictions: dict[str, list[Span]] = {}
    for doc_id, text in texts.items():
        records = extractor.extract(text, doc_id=doc_id)
        predictions[doc_id] = [r.model_dump() for r in records if r.type == "quantity"]
    return predictions, time.perf_counter() - started


def quantulum_predict(texts: dict[str, str]) -> tuple[dict[str, list[Span]], float]:
    from quantulum3 import parser

    logging.getLogger("quantulum3").setLevel(logging.ERROR)
    predictions: dict[str, list[Span]] = {}
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for doc_id, text in texts.items():
            found = []
            for quantity in parser.parse(text):
                start, end = quantity.span
                uncertain = quantity.uncertainty
                found.append({"start": start, "end": end, "value": quantity.value, "unit": quantity.unit.name,
                              "low": None, "high": None, "uncertainty": uncertain})
            predictions[doc_id] = found
    return predictions, time.perf_counter() - started


def _overlap(a: Span, b: Span) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def match(gold: list[Span], pred: list[Span], same: Callable[[Span, Span], bool]) -> list[tuple[Span, Span]]:
    """Greedy one-to-one matching, largest overlap first."""
    candidates = sorted(
        ((_overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred) if same(g, p)),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def value_ok(gold: Span, pred: Span, *, check_unit: bool) -> bool:
    if gold.get("value") is None and gold.get("low") is not None:
        numbers_ok = _close(gold.get("low"), pred.get("low")) and _close(gold.get("high"), pred.get("high"))
        if not numbers_ok and pred.get("low") is None:
            numbers_ok = _close(gold.get("low"), pred.get("value"))  # quantulum3 gives a range as one value
    else:
        numbers_ok = _close(gold.get("value"), pred.get("value"))
    return numbers_ok and (not check_unit or gold.get("unit") == pred.get("unit"))


def score(gold: dict[str, list[Span]], pred: dict[str, list[Span]], *, check_unit: bool) -> dict[str, Any]:
    result: dict[str, Any] = {}
    modes = {
        "strict": lambda g, p: g["start"] == p["start"] and g["end"] == p["end"],
        "lenient": lambda g, p: _overlap(g, p) > 0,
    }
    for mode, same in modes.items():
        tp = n_gold = n_pred = values = 0
        for doc_id, gold_spans in gold.items():
            pred_spans = pred.get(doc_id, [])
            pairs = match(gold_spans, pred_spans, same)
            tp += len(pairs)
            n_gold += len(gold_spans)
            n_pred += len(pred_spans)
            values += sum(value_ok(g, p, check_unit=check_unit) for g, p in pairs)
        precision, recall, f1 = precision_recall_f1(tp, n_pred - tp, n_gold - tp)
        result[mode] = {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "gold": n_gold,
                        "pred": n_pred, "value_accuracy": ratio(values, tp)}
    return result


def misses(gold: dict[str, list[Span]], pred: dict[str, list[Span]], texts: dict[str, str]) -> Iterable[str]:
    same = modes_strict = lambda g, p: g["start"] == p["start"] and g["end"] == p["end"]  # noqa: E731
    del modes_strict
    for doc_id, gold_spans in gold.items():
        pred_spans = pred.get(doc_id, [])
        pairs = match(gold_spans, pred_spans, same)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        text = texts[doc_id]
        for g in gold_spans:
            if id(g) not in matched_gold:
                yield f"FN {doc_id}: {text[g['start']:g['end']]!r} ({g.get('quantity_type')} {g.get('value')})"
        for p in pred_spans:
            if id(p) not in matched_pred:
                yield f"FP {doc_id}: {text[p['start']:p['end']]!r} ({p.get('quantity_type')} {p.get('value')})"
        for g, p in pairs:
            if not value_ok(g, p, check_unit=True):
                yield (f"VALUE {doc_id}: {text[g['start']:g['end']]!r} gold {g.get('value')} {g.get('low')}-"
                       f"{g.get('high')} {g.get('unit')} / pred {p.get('value')} {p.get('low')}-{p.get('high')} "
                       f"{p.get('unit')}")


def stage_overhead(texts: dict[str, str], repeat: int) -> tuple[float, float]:
    """Best-of-``repeat`` seconds of the bare model over the texts, and of the quantity stage alone on its output."""
    import spacy

    from pipeline.components.nlp import default_model_name
    from pipeline.components.quantities import QuantityStage

    nlp = spacy.load(default_model_name())
    stage = QuantityStage(nlp)
    model_best = stage_best = math.inf
    for _ in range(repeat):
        started = time.perf_counter()
        docs = list(nlp.pipe(texts.values()))
        model_best = min(model_best, time.perf_counter() - started)
        started = time.perf_counter()
        for doc in docs:
            stage(doc)
        stage_best = min(stage_best, time.perf_counter() - started)
    return model_best, stage_best


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--gold", type=Path, default=ROOT / "fixtures" / "gold")
    arguments.add_argument("--repeat", type=int, default=3)
    arguments.add_argument("--show-errors", type=int, default=40)
    options = arguments.parse_args()

    articles = load_articles()
    gold = load_gold(options.gold, articles) if options.gold.is_dir() else {}
    if gold:
        source = f"gold fixtures ({options.gold}, {len(gold)} documents)"
        texts = {doc_id: articles[doc_id] for doc_id in gold}
    else:
        texts, gold = table_gold()
        source = f"test table fallback ({len(gold)} sentences; no gold fixtures found)"
    chars = sum(len(text) for text in texts.values())

    ore_pred, _ = orewire_predict(texts)
    ore_time = min(orewire_predict(texts)[1] for _ in range(options.repeat))
    qu_pred, _ = quantulum_predict(texts)
    qu_time = min(quantulum_predict(texts)[1] for _ in range(options.repeat))
    bare, stage_time = stage_overhead(texts, options.repeat)

    print(f"Quantity benchmark on {source}, {chars:,} chars")
    print(f"{'system':<12}{'mode':<9}{'P':>7}{'R':>7}{'F1':>7}{'value acc':>11}{'tp/gold/pred':>16}")
    for name, predictions, check_unit in (("orewire", ore_pred, True), ("quantulum3", qu_pred, False)):
        for mode, row in score(gold, predictions, check_unit=check_unit).items():
            counts = f"{row['tp']}/{row['gold']}/{row['pred']}"
            scores = [format_score(row[key]) for key in ("precision", "recall", "f1", "value_accuracy")]
            print(f"{name:<12}{mode:<9}{scores[0]:>7}{scores[1]:>7}{scores[2]:>7}{scores[3]:>11}{counts:>16}")
    print(f"speed: orewire full pipeline {chars / ore_time:,.0f} chars/s ({ore_time:.2f}s), "
          f"quantulum3 {chars / qu_time:,.0f} chars/s ({qu_time:.2f}s): orewire is {qu_time / ore_time:.1f}x")
    print(f"quantity stage alone: {stage_time:.3f}s = {chars / stage_time:,.0f} chars/s, "
          f"{qu_time / stage_time:.0f}x quantulum3; bare spaCy model {bare:.2f}s, "
          f"model + quantity stage speed ratio {bare / (bare + stage_time):.3f}")
    errors = list(misses(gold, ore_pred, texts))
    if errors and options.show_errors:
        print(f"orewire errors ({len(errors)}):")
        for line in errors[: options.show_errors]:
            print("  " + line)


if __name__ == "__main__":
    main()
