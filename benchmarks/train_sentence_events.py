"""Could a learned sentence classifier find the event sentences orewire's rules miss? (dev half, measurement only)

Every sentence of every linked dev article (``benchmarks.link_events.sentences``) is one unit; its labels are the
gold event types whose linked stating sentences (``fixtures/realnews/links``) overlap it. A one-vs-rest L2
logistic regression in plain numpy over hashed lower-cased words and bigrams (numbers folded to one token) plus a
few generic features (orewire found a money / percent / mass quantity or a named ORG / PERSON / GPE in the
sentence, position in the article, first line) is scored out of fold: 5 folds grouped by article (seeded); the
thresholds applied to a held-out fold are chosen on inner out-of-fold scores of its training folds only.

It prints per-type and micro P/R/F1 (and AUC) next to the rules' own sentence flags (a sentence is flagged by the
rules for type T when a T record's trigger lies in it), and the key number: of the gold events with no record in
any stating sentence (``none`` in benchmarks/event_sentences.py), how many have a stating sentence the classifier
flags with the right type at operating points of sentence-level precision >= .5 and >= .7, and how many false
sentences it flags there. Nothing is shipped; orewire's records of the dev half are cached (``--records``).

    python benchmarks/train_sentence_events.py                      # runs orewire once, then reads the cache
    python benchmarks/train_sentence_events.py --suggest 0.5        # silver sentences flagged, with no record

``--suggest P`` fits the classifier on every linked dev sentence, runs orewire on the silver pool (no gold) and
prints, best first, the silver sentences the classifier gives a type with probability >= P where no record of that
type has its trigger or a mention: wordings the rules may miss, to be read by eye (most are retold or background).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.event_sentences import article_outcomes, read_links  # noqa: E402
from benchmarks.link_events import LINKS, sentences  # noqa: E402
from benchmarks.realnews import cached_text, default_cache, read_gold, read_manifest  # noqa: E402

LAST_DEV_ID = 478  # ids above are unseen batches
RECORDS = Path("/tmp/orewire_dev_records.json")
WORD = re.compile(r"[^\W\d_]+|\d[\d.,]*|[^\w\s]")
DIGIT = re.compile(r"\d")
NUMBER = "<num>"
BITS = 18
SEED = 13
FOLDS = 5
TARGETS = (0.5, 0.7)
QUANTITY_FEATURES = ("money", "price", "percent", "mass")
NAME_LABELS = ("ORG", "PERSON", "GPE")
POSITION_BUCKETS = 5


def dev_articles(cache: Path) -> list[dict[str, Any]]:
    """The linked dev articles (ids up to LAST_DEV_ID) whose cached text matches their links."""
    found = []
    for entry in read_manifest():
        number = int(entry["id"][2:])
        if entry["split"] != "dev" or number > LAST_DEV_ID or not (LINKS / f"{entry['id']}.jsonl").is_file():
            continue
        text = cached_text(entry, cache)
        if text is None:
            continue
        links = read_links(entry["id"])
        if any(link["text_sha256"] != hashlib.sha256(text.encode()).hexdigest() for link in links):
            continue
        found.append({"entry": entry, "text": text, "links": links})
    return found


def rule_records(articles: Sequence[Mapping[str, Any]], path: Path) -> dict[str, dict[str, Any]]:
    """Per article: the outcome of each gold event (event_sentences' logic) and the spans orewire marked
    (event triggers by type, quantities by type, names by label); read from ``path`` when it is there."""
    if path.is_file():
        cached: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        if all(article["entry"]["id"] in cached for article in articles):
            return cached
    from pipeline import Article, Extractor
    inputs = [Article(doc_id=a["entry"]["id"], text=a["text"], url=a["entry"]["url"],
                      published=a["entry"]["published"], source=a["entry"]["outlet"]) for a in articles]
    links = {a["entry"]["id"]: a["links"] for a in articles}
    result: dict[str, dict[str, Any]] = {}
    for extraction in Extractor().extract_many(inputs):
        dumped = [record.model_dump(mode="json") for record in extraction.records]
        outcomes, _, _ = article_outcomes(read_gold(extraction.doc_id), links[extraction.doc_id], dumped)
        result[extraction.doc_id] = {
            "outcomes": [outcome for _, outcome in outcomes],
            "triggers": [[r["event_type"], r["trigger"]["start"]] for r in dumped if r.get("type") == "event"],
            "quantities": [[r["quantity_type"], r["start"]] for r in dumped if r.get("type") == "quantity"],
            "names": [[r["label"], r["start"]] for r in dumped if r.get("type") == "entity"],
        }
    path.write_text(json.dumps(result), encoding="utf-8")
    return result


def _overlaps(start: int, end: int, spans: Sequence[Sequence[int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def sentence_labels(spans: Sequence[tuple[int, int]], links: Sequence[Mapping[str, Any]]) -> list[set[str]]:
    """Per sentence, the gold event types with a stating sentence that overlaps it."""
    return [{link["event_type"] for link in links if _overlaps(start, end, link["sentences"])}
            for start, end in spans]


def tokens(sentence: str) -> list[str]:
    """Lower-cased words and signs, every number folded to one token."""
    return [NUMBER if DIGIT.search(token) else token for token in WORD.findall(sentence.lower())]


def sentence_features(sentence: str, index: int, count: int, first_line: bool,
                      marks: Sequence[str]) -> list[str]:
    """Words, bigrams and generic features of one sentence; ``marks`` are orewire's quantity types and
    entity labels found in it."""
    words = tokens(sentence)
    features = [f"w={word}" for word in words] + [f"b={a} {b}" for a, b in zip(words, words[1:], strict=False)]
    features += [f"m={mark}" for mark in marks if mark in QUANTITY_FEATURES or mark in NAME_LABELS]
    features.append(f"pos={min(POSITION_BUCKETS - 1, index * POSITION_BUCKETS // max(count, 1))}")
    features.append(f"len={min(len(words) // 10, 5)}")
    if first_line:
        features.append("first_line")
    return features


def hashed(features: Sequence[str], bits: int = BITS) -> np.ndarray:
    """Distinct hashed feature columns (crc32: the same in every run)."""
    return np.unique(np.array([zlib.crc32(feature.encode()) % (1 << bits) for feature in features], dtype=np.int64))


def _csr(rows: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Column indices, where each row starts and the values (each row scaled to unit length); no row is empty."""
    columns = np.concatenate(rows)
    starts = np.cumsum([0] + [len(row) for row in rows[:-1]])
    values = np.concatenate([np.full(len(row), 1.0 / np.sqrt(len(row))) for row in rows])
    return columns, starts, values


def fit(rows: Sequence[np.ndarray], labels: np.ndarray, l2: float = 1e-4, steps: int = 300,
        rate: float = 0.05, bits: int = BITS) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest L2 logistic regression by full-batch Adam from zeros (deterministic): weights, biases.
    Only the columns seen in training are learnt (the others keep weight 0)."""
    columns, starts, values = _csr(rows)
    seen, compact = np.unique(columns, return_inverse=True)
    n, k = labels.shape
    weights, bias = np.zeros((len(seen), k)), np.zeros(k)
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    owner = np.repeat(np.arange(n), np.diff(np.append(starts, len(columns))))
    for step in range(1, steps + 1):
        scores = np.add.reduceat(values[:, None] * weights[compact], starts, axis=0)
        error = (1.0 / (1.0 + np.exp(-(scores + bias))) - labels) / n
        grad_w = l2 * weights
        for j in range(k):
            grad_w[:, j] += np.bincount(compact, weights=values * error[owner, j], minlength=len(seen))
        grad_b = error.sum(axis=0)
        for param, grad, first, second in ((weights, grad_w, 0, 1), (bias, grad_b, 2, 3)):
            moments[first] = 0.9 * moments[first] + 0.1 * grad
            moments[second] = 0.999 * moments[second] + 0.001 * grad * grad
            param -= rate * (moments[first] / (1 - 0.9 ** step)) / (
                np.sqrt(moments[second] / (1 - 0.999 ** step)) + 1e-8)
    full = np.zeros((1 << bits, k))
    full[seen] = weights
    return full, bias


def predict(rows: Sequence[np.ndarray], weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Probabilities per row and type."""
    columns, starts, values = _csr(rows)
    scores = np.add.reduceat(values[:, None] * weights[columns], starts, axis=0)
    return 1.0 / (1.0 + np.exp(-(scores + bias)))


def best_f1_threshold(scores: np.ndarray, truth: np.ndarray) -> float:
    """The score threshold of best F1 (infinite when there is no positive)."""
    if not truth.any():
        return float("inf")
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(truth[order])
    f1 = 2 * hits / (np.arange(1, len(order) + 1) + truth.sum())
    return float(scores[order][int(np.argmax(f1))])


def precision_threshold(scores: np.ndarray, truth: np.ndarray, target: float) -> float:
    """The lowest threshold at which the flags above it keep precision >= target (infinite if none)."""
    order = np.argsort(-scores.ravel(), kind="stable")
    hits = np.cumsum(truth.ravel()[order])
    precision = hits / np.arange(1, len(order) + 1)
    good = np.flatnonzero(precision >= target)
    return float(scores.ravel()[order][good[-1]]) if len(good) else float("inf")


def auc(scores: np.ndarray, truth: np.ndarray) -> float:
    """Area under the ROC curve (ties share their mean rank); nan with one class only."""
    positives, negatives = int(truth.sum()), int((~truth).sum())
    if not positives or not negatives:
        return float("nan")
    values, inverse = np.unique(scores, return_inverse=True)
    first = np.cumsum(np.bincount(inverse, minlength=len(values))) - np.bincount(inverse, minlength=len(values))
    ranks = first[inverse] + (np.bincount(inverse)[inverse] + 1) / 2
    return float((ranks[truth].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def folds(groups: Sequence[str], count: int, seed: int) -> np.ndarray:
    """A fold number per unit, whole groups (articles) kept together, groups shuffled with ``seed``."""
    names = sorted(set(groups))
    order = np.random.default_rng(seed).permutation(len(names))
    fold_of = {names[i]: rank % count for rank, i in enumerate(order)}
    return np.array([fold_of[group] for group in groups])


def sentence_rows(text: str, spans: Sequence[tuple[int, int]], marks: Sequence[Sequence[Any]]) -> list[np.ndarray]:
    """The hashed features of each sentence of ``text``; ``marks`` are (quantity type or entity label, start) pairs
    of orewire's records."""
    first_end = text.find("\n") if "\n" in text else len(text)
    return [hashed(sentence_features(text[start:end], index, len(spans), start < first_end,
                                     [mark for mark, at in marks if start <= at < end]))
            for index, (start, end) in enumerate(spans)]


def build_units(articles: Sequence[Mapping[str, Any]], rules: Mapping[str, Mapping[str, Any]],
                types: Sequence[str]) -> dict[str, Any]:
    """Per sentence: hashed features, gold labels, rule flags, article; per linked event: type, outcome, sentences."""
    rows, truth, flagged, groups, events = [], [], [], [], []
    for article in articles:
        doc, text, links = article["entry"]["id"], article["text"], article["links"]
        spans = sentences(text)
        base = len(rows)
        marks = [mark for key in ("quantities", "names") for mark in rules[doc][key]]
        rows.extend(sentence_rows(text, spans, marks))
        for (start, end), labels in zip(spans, sentence_labels(spans, links), strict=True):
            truth.append([event_type in labels for event_type in types])
            triggered = {name for name, at in rules[doc]["triggers"] if start <= at < end}
            flagged.append([event_type in triggered for event_type in types])
            groups.append(doc)
        for link, outcome in zip(links, rules[doc]["outcomes"], strict=True):
            covered = [base + i for i, (start, end) in enumerate(spans) if _overlaps(start, end, link["sentences"])]
            events.append((types.index(link["event_type"]), outcome, covered))
    return {"rows": rows, "truth": np.array(truth, dtype=bool), "rules": np.array(flagged, dtype=bool),
            "groups": groups, "events": events}


def out_of_fold(rows: Sequence[np.ndarray], truth: np.ndarray, groups: Sequence[str],
                seed: int = SEED) -> tuple[np.ndarray, np.ndarray, dict[float, np.ndarray]]:
    """Out-of-fold probabilities, per-type best-F1 thresholds and precision-target thresholds, both chosen for
    each held-out fold on inner out-of-fold scores of its training folds (returned per unit)."""
    outer = folds(groups, FOLDS, seed)
    scores = np.zeros(truth.shape)
    per_type = np.zeros(truth.shape)
    targets = {target: np.zeros(len(rows)) for target in TARGETS}
    for fold in range(FOLDS):
        train, held = np.flatnonzero(outer != fold), np.flatnonzero(outer == fold)
        inner = folds([groups[i] for i in train], FOLDS - 1, seed + 1 + fold)
        inner_scores = np.zeros((len(train), truth.shape[1]))
        for part in range(FOLDS - 1):
            fit_on, score_on = train[inner != part], np.flatnonzero(inner == part)
            model = fit([rows[i] for i in fit_on], truth[fit_on].astype(float))
            inner_scores[score_on] = predict([rows[train[i]] for i in score_on], *model)
        model = fit([rows[i] for i in train], truth[train].astype(float))
        scores[held] = predict([rows[i] for i in held], *model)
        per_type[held] = [best_f1_threshold(inner_scores[:, j], truth[train, j]) for j in range(truth.shape[1])]
        for target in TARGETS:
            targets[target][held] = precision_threshold(inner_scores, truth[train], target)
    return scores, per_type, targets


def prf(flags: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    hits = int((flags & truth).sum())
    precision, recall = hits / max(int(flags.sum()), 1), hits / max(int(truth.sum()), 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def report(units: Mapping[str, Any], types: Sequence[str], scores: np.ndarray, per_type: np.ndarray,
           targets: Mapping[float, np.ndarray]) -> None:
    truth, rules = units["truth"], units["rules"]
    learned = scores >= per_type
    print(f"{len(truth)} sentences of {len(set(units['groups']))} linked dev articles; "
          f"{int(truth.any(axis=1).sum())} state a gold event ({int(truth.sum())} sentence-type pairs)")
    print("\nout of fold, per-type threshold of best F1 on inner folds; rules = a record's trigger in the sentence")
    print("type".ljust(24) + "pos".rjust(5) + "AUC".rjust(7) + "  clf P    R    F1 " + "  rules P    R    F1")
    for j, event_type in enumerate(types):
        row = "  {:.2f} {:.2f} {:.2f}"
        print(event_type.ljust(24) + f"{int(truth[:, j].sum()):>5}{auc(scores[:, j], truth[:, j]):>7.3f}"
              + row.format(*prf(learned[:, j], truth[:, j])) + "  " + row.format(*prf(rules[:, j], truth[:, j])))
    print("micro".ljust(24) + f"{int(truth.sum()):>5}{auc(scores.ravel(), truth.ravel()):>7.3f}"
          + "  {:.2f} {:.2f} {:.2f}".format(*prf(learned, truth))
          + "    {:.2f} {:.2f} {:.2f}".format(*prf(rules, truth)))
    events = units["events"]
    missed = [(j, covered) for j, outcome, covered in events if outcome == "none"]
    linked = [(j, covered) for j, outcome, covered in events if outcome != "unlinked"]
    print(f"\n{len(missed)} gold events with no record in a stating sentence ('none'), {len(linked)} linked events")
    print("operating point (target chosen on inner folds)  flags  false  false-sents   P     R   none found"
          "  linked found  rules+clf P    R  new true  new false")
    points = [("rules alone", rules)] + [(f"clf, precision >= {t}", scores >= targets[t][:, None]) for t in TARGETS]
    for name, flags in points:
        false = flags & ~truth
        found = sum(any(flags[i, j] for i in covered) for j, covered in missed)
        found_all = sum(any(flags[i, j] for i in covered) for j, covered in linked)
        both = flags | rules
        print(f"{name:<47}{int(flags.sum()):>6}{int(false.sum()):>7}{int(false.any(axis=1).sum()):>12}"
              + "  {:.2f}  {:.2f}".format(*prf(flags, truth)[:2]) + f"{found:>11}{found_all:>14}"
              + "         {:.2f} {:.2f}".format(*prf(both, truth)[:2])
              + f"{int((flags & ~rules & truth).sum()):>10}{int((flags & ~rules & ~truth).sum()):>11}")


def suggest(units: Mapping[str, Any], types: Sequence[str], silver: Path, floor: float) -> None:
    """Silver sentences the classifier, fit on all linked dev sentences, flags for a type orewire did not write."""
    from pipeline import Article, Extractor
    weights, bias = fit(units["rows"], units["truth"].astype(float))
    inputs = [Article(doc_id=path.stem, text=path.read_text(encoding="utf-8")) for path in sorted(silver.glob("*.txt"))]
    texts = {article.doc_id: article.text for article in inputs}
    found = []
    for extraction in Extractor().extract_many(inputs):
        text, records = texts[extraction.doc_id], [r.model_dump(mode="json") for r in extraction.records]
        marks = [(r.get("quantity_type") or r.get("label"), r["start"]) for r in records
                 if r.get("type") in {"quantity", "entity"}]
        written = [(r["event_type"], at) for r in records if r.get("type") == "event"
                   for at in [r["trigger"]["start"], *(m["start"] for m in r.get("mentions") or [])]]
        spans = sentences(text)
        for i, probabilities in enumerate(predict(sentence_rows(text, spans, marks), weights, bias)):
            start, end = spans[i]
            have = {event_type for event_type, at in written if start <= at < end}
            found += [(float(p), extraction.doc_id, types[j], " ".join(text[start:end].split()))
                      for j, p in enumerate(probabilities) if p >= floor and types[j] not in have]
    for probability, doc_id, event_type, sentence in sorted(found, reverse=True):
        print(f"{probability:.2f} {doc_id} {event_type:<22} {sentence[:240]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--records", type=Path, default=RECORDS, help="orewire's dev records, cached here")
    parser.add_argument("--seed", type=int, default=SEED, help="fold seed")
    parser.add_argument("--suggest", type=float, default=None, metavar="P",
                        help="list silver sentences flagged with probability >= P that orewire wrote no record for")
    parser.add_argument("--silver", type=Path, default=Path.home() / ".cache" / "orewire" / "silver")
    args = parser.parse_args()
    articles = dev_articles(args.cache)
    if not articles:
        print("no linked dev article in the cache (docs/realnews.md says how to bring the texts back)")
        return 0
    rules = rule_records(articles, args.records)
    types = sorted({link["event_type"] for article in articles for link in article["links"]})
    units = build_units(articles, rules, types)
    if args.suggest is not None:
        suggest(units, types, args.silver, args.suggest)
        return 0
    scores, per_type, targets = out_of_fold(units["rows"], units["truth"], units["groups"], args.seed)
    report(units, types, scores, per_type, targets)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
