"""Cross-validate a learned event-record filter on the real-news DEV half (the test half is never read).

Each event record orewire writes on a dev article gets generic features (its type, modality, zone, roles, agent
kind, place in the article, how many records of its type the article has, sentence length, quotes, the hand-made
``confidence``; no ids, no names) and labels from the matching ``benchmarks/realnews.py`` scores events with
(``pipeline.evaluation.facts.event_record_labels``): its type is one the article's gold reports; it is matched one
to one on (type, agent). A regularised logistic regression (plain numpy, Newton steps, deterministic) is evaluated
by grouped k-fold cross-validation over dev articles: in each fold the threshold is chosen on the training folds
only (from inner cross-validated probabilities), and the held-out articles are scored by ``score_document`` with
and without the filter. Three variants are run:

- ``pair``: one unit per record, label (type, agent) matched, threshold chosen for event F1;
- ``type``: one unit per record, label type right, threshold chosen for event-type F1;
- ``type-group``: one unit per (article, type) with its records' features pooled (max and mean), label type
  right; under the threshold every record of that type goes.

docs/events.md ("A learned record filter") has the figures of the ninth session: no variant raised the
out-of-fold F1, so no filter runs in the pipeline; re-run this after rule changes to measure again.

    python benchmarks/train_event_filter.py                          # run dev, print CV figures per fold
    python benchmarks/train_event_filter.py --records /tmp/dev.pkl   # reuse (or save) the dev output
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import cached_output, cached_text, default_cache, id_range, read_gold  # noqa: E402
from benchmarks.realnews_parts import read_dev_ids  # noqa: E402
from benchmarks.trigger_precision import read_dev_entries  # noqa: E402
from pipeline import Article, Extractor  # noqa: E402
from pipeline.article.event_actors import name_key  # noqa: E402
from pipeline.article.event_policy import in_quotes  # noqa: E402
from pipeline.evaluation.facts import GoldFact, Tally, event_record_labels, score_document  # noqa: E402
from pipeline.schema.labels import EVENT_TYPES, ZONES, ArgumentRole, Modality  # noqa: E402
from pipeline.schema.records import EntityRecord, EventRecord  # noqa: E402

FOLDS = 5
SEED = 12
L2 = 10.0
THRESHOLDS = tuple(round(0.02 * step, 2) for step in range(0, 31))
AGENT_KINDS = ("ORG", "GPE", "PERSON", "other", "unlinked", "none")
EARLY_SENTENCES = 4
MEASURES = ("event", "event_type")
Output = list[tuple[str, int, list[Any]]]  # (article id, text length, records) per dev article
OutputT = TypeVar("OutputT")


def feature_names() -> list[str]:
    """Every feature ``record_features`` computes, in a fixed order."""
    return [
        *(f"type={name}" for name in EVENT_TYPES),
        *(f"modality={name}" for name in get_args(Modality)),
        *(f"zone={name}" for name in ZONES),
        *(f"role={name}" for name in get_args(ArgumentRole)),
        *(f"agent={kind}" for kind in AGENT_KINDS),
        "agent_inherited", "roles", "mentions", "quoted", "sectioned", "early", "position", "same_type",
        "same_type_agent", "first_of_type", "type_share", "records", "words", "digits", "trigger_words",
        "confidence",
    ]


def agent_kind(record: EventRecord, by_id: Mapping[str, EntityRecord]) -> str:
    """The label of the record's agent (ORG, GPE, PERSON, other), "unlinked" for a name without entity, or "none"."""
    agent = next((a for a in record.arguments if a.role == "agent"), None)
    if agent is None:
        return "none"
    entity = by_id.get(agent.ref or "")
    if entity is None:
        return "unlinked"
    return entity.label if entity.label in AGENT_KINDS else "other"


def agent_key(record: EventRecord, by_id: Mapping[str, EntityRecord]) -> str:
    """The record's agent as a folded name ("" when it has none)."""
    agent = next((a for a in record.arguments if a.role == "agent"), None)
    if agent is None:
        return ""
    entity = by_id.get(agent.ref or "")
    return name_key(entity.normalized if entity is not None else agent.text)


def record_features(record: EventRecord, records: Sequence[EventRecord], by_id: Mapping[str, EntityRecord],
                    chars: int) -> dict[str, float]:
    """The features of one record among its article's event records (``chars``: the article's length)."""
    roles = {argument.role for argument in record.arguments}
    agent = next((a for a in record.arguments if a.role == "agent"), None)
    same_type = [r for r in records if r.event_type == record.event_type] or [record]
    key = agent_key(record, by_id)
    return {
        f"type={record.event_type}": 1.0,
        f"modality={record.modality}": 1.0,
        f"zone={record.zone}": 1.0,
        **{f"role={role}": 1.0 for role in roles},
        f"agent={agent_kind(record, by_id)}": 1.0,
        # an agent its own sentence does not name was inherited (the item's actor) or resolved from an anaphor
        "agent_inherited": float(agent is not None and agent.text.lower() not in record.evidence.lower()),
        "roles": float(len(roles)),
        "mentions": math.log1p(len(record.mentions)),
        "quoted": float(in_quotes(record.evidence, record.trigger.text)),
        "sectioned": float(record.section is not None),
        "early": float(record.sentence <= EARLY_SENTENCES),
        "position": record.trigger.start / max(chars, 1),
        "same_type": math.log1p(len(same_type) - 1),
        "same_type_agent": math.log1p(max(sum(agent_key(r, by_id) == key for r in same_type) - 1, 0)),
        "first_of_type": float(min(same_type, key=lambda r: r.trigger.start).id == record.id),
        "type_share": len(same_type) / max(len(records), 1),
        "records": math.log1p(len(records)),
        "words": math.log1p(len(record.evidence.split())),
        "digits": float(any(char.isdigit() for char in record.evidence)),
        "trigger_words": float(len(record.trigger.text.split())),
        "confidence": record.confidence,
    }


@dataclass
class Doc:
    """One dev article: its records as json dicts, its gold, and its event records' features and labels."""

    doc_id: str
    records: list[dict[str, Any]]
    gold: list[GoldFact]
    features: np.ndarray  # one row per event record, columns as ``feature_names``
    labels: np.ndarray  # column 0: type right, column 1: (type, agent) matched
    types: list[str]  # event type per event record




def dev_output(cache: Path) -> Output:
    """(id, text length, records) for every cached article of the READ dev half, from the current code: a learned
    component is trained and cross-validated there only, so the held-out and unseen dev halves stay unseen."""
    articles = []
    for entry in read_dev_entries(id_range(read_dev_ids())):
        text = cached_text(entry, cache)
        if text is not None:
            articles.append(Article(doc_id=entry["id"], text=text, url=entry["url"], published=entry["published"],
                                    source=entry["outlet"]))
    chars = {article.doc_id: len(article.text) for article in articles}
    return [(extraction.doc_id, chars[extraction.doc_id], list(extraction.records))
            for extraction in Extractor().extract_many(articles)]


def build_docs(output: Output) -> list[Doc]:
    names = feature_names()
    docs = []
    for doc_id, chars, records in output:
        events = [record for record in records if isinstance(record, EventRecord)]
        by_id = {record.id: record for record in records if isinstance(record, EntityRecord)}
        rows = [record_features(record, events, by_id, chars) for record in events]
        features = np.array([[row.get(name, 0.0) for name in names] for row in rows], dtype=float)
        dumped = [record.model_dump(mode="json") for record in records]
        gold = read_gold(doc_id)
        labels = np.array(event_record_labels(gold, dumped), dtype=float).reshape(-1, 2)
        docs.append(Doc(doc_id, dumped, gold, features.reshape(-1, len(names)), labels,
                        [record.event_type for record in events]))
    return docs


Model = tuple[np.ndarray, np.ndarray, np.ndarray]  # weights (bias first), column means, column scales


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> Model:
    """An L2-regularised logistic regression on standardised columns, by Newton steps from zero."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(z @ w)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w, mean, scale


def predict(model: Model, x: np.ndarray) -> np.ndarray:
    w, mean, scale = model
    return np.asarray(1 / (1 + np.exp(-(w[0] + ((x - mean) / scale) @ w[1:]))))


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve (the chance that a right record scores above a wrong one; ties count half)."""
    right, wrong = scores[labels == 1], scores[labels == 0]
    if not len(right) or not len(wrong):
        return float("nan")
    above = (right[:, None] > wrong[None, :]).sum() + 0.5 * (right[:, None] == wrong[None, :]).sum()
    return float(above / (len(right) * len(wrong)))


def folds_of(count: int, k: int, seed: int) -> list[list[int]]:
    """Indices of ``count`` articles in each of ``k`` folds (a seeded shuffle, dealt round-robin)."""
    order = np.random.default_rng(seed).permutation(count)
    return [sorted(int(i) for i in order[fold::k]) for fold in range(k)]


@dataclass(frozen=True)
class Variant:
    name: str
    column: int  # label column of ``Doc.labels``
    grouped: bool  # one unit per (article, type) instead of per record
    measure: str  # the measure the threshold is chosen for


VARIANTS = (Variant("pair", 1, False, "event"), Variant("type", 0, False, "event_type"),
            Variant("type-group", 0, True, "event_type"))


def units(doc: Doc, variant: Variant) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
    """(features, labels, the event records of each unit) of one article."""
    if not variant.grouped:
        return doc.features, doc.labels[:, variant.column], [[index] for index in range(len(doc.types))]
    members = [[i for i, name in enumerate(doc.types) if name == event_type] for event_type in sorted(set(doc.types))]
    width = 2 * doc.features.shape[1] + 1
    rows = [np.concatenate([doc.features[m].max(axis=0), doc.features[m].mean(axis=0), [math.log1p(len(m))]])
            for m in members]
    x = np.array(rows).reshape(-1, width)
    return x, np.array([doc.labels[m[0], variant.column] for m in members]), members


def record_probabilities(doc: Doc, variant: Variant, model: Model) -> np.ndarray:
    x, _, members = units(doc, variant)
    found = np.ones(len(doc.types))
    for probability, member in zip(predict(model, x), members, strict=True):
        found[member] = probability
    return found


def train(docs: Sequence[Doc], variant: Variant, l2: float) -> Model:
    parts = [units(doc, variant) for doc in docs]
    return fit(np.vstack([x for x, _, _ in parts]), np.concatenate([y for _, y, _ in parts]), l2)


def scored(docs: Sequence[Doc], probabilities: Sequence[np.ndarray] | None, threshold: float) -> dict[str, Tally]:
    """Event and event-type tallies of ``docs`` with the event records under ``threshold`` dropped (None: none)."""
    totals = {measure: Tally() for measure in MEASURES}
    for index, doc in enumerate(docs):
        kept = iter(probabilities[index] >= threshold) if probabilities is not None else None
        records = [record for record in doc.records if record["type"] == "entity"
                   or (record["type"] == "event" and (kept is None or next(kept)))]
        tallies = score_document(doc.doc_id, doc.gold, records)
        for measure in MEASURES:
            totals[measure].add(tallies[measure])
    return totals


def f1(tally: Tally) -> float:
    return float(tally.scores()["f1"] or 0.0)


def out_of_fold(docs: Sequence[Doc], variant: Variant, l2: float, seed: int) -> list[np.ndarray]:
    """Each article's record probabilities from a model fitted on the other folds."""
    found: list[np.ndarray] = [np.zeros(0)] * len(docs)
    for held in folds_of(len(docs), FOLDS, seed):
        model = train([doc for index, doc in enumerate(docs) if index not in held], variant, l2)
        for index in held:
            found[index] = record_probabilities(docs[index], variant, model)
    return found


def best_threshold(docs: Sequence[Doc], variant: Variant, l2: float, seed: int) -> float:
    """The threshold that maximises the variant's measure on ``docs`` from inner cross-validated probabilities
    (the lowest of equals: 0 = no filter)."""
    probabilities = out_of_fold(docs, variant, l2, seed)
    return max(THRESHOLDS, key=lambda t: (round(f1(scored(docs, probabilities, t)[variant.measure]), 6), -t))


def describe(tally: Tally) -> str:
    found = tally.scores()
    return f"P {found['precision'] or 0:.3f} R {found['recall'] or 0:.3f} F1 {found['f1'] or 0:.3f}"


def cross_validate(docs: list[Doc], variant: Variant, l2: float, say: Callable[[str], None]) -> None:
    """Print, per outer fold and out of fold over all dev articles, the two measures without and with the filter."""
    totals = {key: {measure: Tally() for measure in MEASURES} for key in ("before", "after")}
    oof: list[np.ndarray] = [np.zeros(0)] * len(docs)
    for number, held in enumerate(folds_of(len(docs), FOLDS, SEED)):
        training = [doc for index, doc in enumerate(docs) if index not in held]
        threshold = best_threshold(training, variant, l2, SEED + number + 1)
        model = train(training, variant, l2)
        held_docs = [docs[index] for index in held]
        probabilities = [record_probabilities(doc, variant, model) for doc in held_docs]
        for index, probability in zip(held, probabilities, strict=True):
            oof[index] = probability
        found = {"before": scored(held_docs, None, 0.0), "after": scored(held_docs, probabilities, threshold)}
        dropped = sum(int((p < threshold).sum()) for p in probabilities)
        say(f"  fold {number} ({len(held)} articles) threshold {threshold:.2f}, {dropped} records dropped")
        for measure in MEASURES:
            say(f"    {measure:<10} no filter {describe(found['before'][measure])}"
                f"   filter {describe(found['after'][measure])}")
            for key in totals:
                totals[key][measure].add(found[key][measure])
    say("  out of fold, all dev articles")
    for measure in MEASURES:
        say(f"    {measure:<10} no filter {describe(totals['before'][measure])}"
            f"   filter {describe(totals['after'][measure])}")
    labels = np.concatenate([doc.labels[:, variant.column] for doc in docs])
    confidence = np.concatenate([doc.features[:, feature_names().index("confidence")] for doc in docs])
    probability = np.concatenate(oof)
    say(f"  ranking of records (AUC, label {'pair' if variant.column else 'type'}): out-of-fold probability "
        f"{auc(probability, labels):.3f}, hand-made confidence {auc(confidence, labels):.3f}; "
        f"Brier {np.mean((probability - labels) ** 2):.3f} vs {np.mean((confidence - labels) ** 2):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=Path, default=None,
                        help="pickle of the dev output: read when present, else written after the run")
    parser.add_argument("--l2", type=float, default=L2, help="L2 penalty on the standardised weights")
    parser.add_argument("--variant", choices=[v.name for v in VARIANTS], action="append",
                        help="run only these variants (default: all)")
    args = parser.parse_args()
    output = cached_output(args.records, lambda: dev_output(default_cache()))
    if not output:
        print("real-news cache absent or empty: nothing to train on (see docs/realnews.md)")
        return 0
    docs = build_docs(output)
    labels = np.vstack([doc.labels for doc in docs])
    oracle = scored(docs, [doc.labels[:, 1] for doc in docs], 0.5)
    print(f"dev articles {len(docs)}, event records {len(labels)}: type right {int(labels[:, 0].sum())}, "
          f"(type, agent) matched {int(labels[:, 1].sum())}; every unmatched record dropped (oracle): "
          f"event {describe(oracle['event'])}")
    for variant in VARIANTS:
        if args.variant and variant.name not in args.variant:
            continue
        print(f"variant {variant.name} (threshold for {variant.measure} F1, L2 {args.l2:g}, {FOLDS} folds by article)")
        cross_validate(docs, variant, args.l2, print)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
