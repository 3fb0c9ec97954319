"""Label-strict entity F1: orewire vs the bare spaCy model, side by side.

Usage: ``.venv/bin/python benchmarks/entities.py [fixtures/gold]``

Gold: ``fixtures/gold/*.jsonl`` in SPEC record format (entity records with doc_id,
start, end, label); each gold ``doc_id`` names a seed under ``seeds/`` (``.txt`` path
relative to ``seeds/``, or a JSONL id). Without gold files the tricky-case table of
``tests/components/entities/test_entities_cases.py`` is used. The bare model's labels are mapped to SPEC
(FAC -> FACILITY, the SPEC labels kept, the rest dropped).
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import Extractor  # noqa: E402
from pipeline.article.segment import Segmenter  # noqa: E402
from pipeline.components.entities.labels_map import MODEL_TO_SPEC_LABEL  # noqa: E402
from pipeline.components.nlp import DEFAULT_MODEL  # noqa: E402
from pipeline.evaluation.metrics import format_score, precision_recall_f1  # noqa: E402

Key = tuple[str, int, int, str]


def f1(gold: set[Key], predicted: set[Key]) -> dict[str, float | None]:
    true = len(gold & predicted)
    precision, recall, score = precision_recall_f1(true, len(predicted) - true, len(gold) - true)
    return {"precision": precision, "recall": recall, "f1": score}


def load_gold(folder: Path) -> tuple[set[Key], dict[str, str]]:
    gold: set[Key] = set()
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("type") == "entity":
                    gold.add((row["doc_id"], row["start"], row["end"], row["label"]))
    texts: dict[str, str] = {}
    for doc_id in {key[0] for key in gold}:
        seed = ROOT / "seeds" / doc_id
        if seed.is_file():
            texts[doc_id] = seed.read_text(encoding="utf-8")
    for line in (ROOT / "seeds" / "012_wire_items.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts.setdefault(row["id"], row["text"])
    return gold, texts


def table_gold() -> tuple[set[Key], dict[str, str]]:
    sys.path.insert(0, str(ROOT / "tests"))
    from tests.components.entities.test_entities_cases import TRICKY_CASES

    gold: set[Key] = set()
    texts: dict[str, str] = {}
    for number, (_zone, text, expected) in enumerate(TRICKY_CASES):
        doc_id = f"case{number}"
        texts[doc_id] = text
        position = 0
        for surface, label, _normalized, _kb in expected:
            start = text.index(surface, position)
            gold.add((doc_id, start, start + len(surface), label))
            position = start + len(surface)
    return gold, texts


def orewire_predictions(extractor: Extractor, texts: dict[str, str]) -> set[Key]:
    keys: set[Key] = set()
    for doc_id, text in texts.items():
        for record in extractor.extract(text, doc_id=doc_id):
            if record.type == "entity":
                keys.add((doc_id, record.start, record.end, record.label))
    return keys


def bare_predictions(nlp, texts: dict[str, str]) -> set[Key]:
    segmenter = Segmenter()
    keys: set[Key] = set()
    for doc_id, text in texts.items():
        for block in segmenter(text).blocks:
            if block.zone == "boilerplate":
                continue
            for ent in nlp(text[block.start : block.end]).ents:
                label = MODEL_TO_SPEC_LABEL.get(ent.label_)
                if label:
                    keys.add((doc_id, block.start + ent.start_char, block.start + ent.end_char, label))
    return keys


def per_label(gold: set[Key], predicted: set[Key]) -> dict[str, dict[str, float | None]]:
    labels = sorted({key[3] for key in gold | predicted})
    return {label: f1({k for k in gold if k[3] == label}, {k for k in predicted if k[3] == label}) for label in labels}


def _fmt(scores: dict[str, float | None]) -> str:
    return f"P {format_score(scores['precision'])} R {format_score(scores['recall'])} F1 {format_score(scores['f1'])}"


def main(argv: list[str]) -> None:
    folder = Path(argv[1]) if len(argv) > 1 else ROOT / "fixtures" / "gold"
    gold, texts = load_gold(folder) if folder.is_dir() and any(folder.glob("*.jsonl")) else (set(), {})
    source = str(folder)
    if not gold:
        gold, texts = table_gold()
        source = "tests/components/entities/test_entities_cases.py TRICKY_CASES"
    texts = {doc_id: text for doc_id, text in texts.items() if any(key[0] == doc_id for key in gold)}
    extractor = Extractor(reference_date="2026-01-15")
    bare = spacy.load(DEFAULT_MODEL)
    started = time.perf_counter()
    ours = orewire_predictions(extractor, texts)
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    theirs = bare_predictions(bare, texts)
    bare_seconds = time.perf_counter() - started
    print(f"gold: {source} ({len(gold)} entities, {len(texts)} documents)")
    print(f"{'':12}{'orewire':>24}{'bare ' + DEFAULT_MODEL:>40}")
    for label, (a, b) in {
        "ALL": (f1(gold, ours), f1(gold, theirs)),
        **{k: (v, per_label(gold, theirs).get(k, f1(set(), set()))) for k, v in per_label(gold, ours).items()},
    }.items():
        print(
            f"{label:12}{_fmt(a):>24}{_fmt(b):>40}"
        )
    print(f"time: orewire (whole pipeline) {ours_seconds:.2f}s, bare model {bare_seconds:.2f}s")
    misses = defaultdict(list)
    for key in sorted(gold - ours):
        misses["FN"].append(f"{texts[key[0]][key[1] : key[2]]}/{key[3]}")
    for key in sorted(ours - gold):
        misses["FP"].append(f"{texts[key[0]][key[1] : key[2]]}/{key[3]}")
    for kind, items in misses.items():
        print(f"{kind} ({len(items)}): " + " | ".join(items[:40]))


if __name__ == "__main__":
    main(sys.argv)
