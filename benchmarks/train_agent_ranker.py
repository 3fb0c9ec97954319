"""Cross-validate a learned agent ranker on the real-news DEV half (the test half is never read).

For every event record orewire writes on a dev article, ``benchmarks/agent_candidates.py`` lists the actors the
rules could have picked as its agent (named in its sentence, the sentence before, the title, its heading, the lead or
elsewhere; the rules' pick; no agent) with generic features. A candidate is right when the scorer
(``pipeline.evaluation.facts``) would match it to a gold event of the record's type in that article. A regularised
logistic regression (numpy, Newton steps, deterministic) scores the candidates; each record takes its best one,
or keeps the rules' pick unless the best beats it by a margin chosen on the training folds only. Evaluation: 5-fold
cross-validation grouped by article (seeded), the held-out articles scored by ``score_document`` with the rules'
agents and with the ranker's.

    python benchmarks/train_agent_ranker.py                          # run dev, print CV figures per fold
    python benchmarks/train_agent_ranker.py --records /tmp/dev.pkl   # reuse (or save) the dev output
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.agent_candidates import (  # noqa: E402
    NONE_KEY,
    Article,
    Candidate,
    add_parse_features,
    candidates,
    context_words,
)
from benchmarks.realnews import cached_output, cached_text, default_cache, id_range, read_gold  # noqa: E402
from benchmarks.realnews_parts import read_dev_ids  # noqa: E402
from benchmarks.train_event_filter import Model, describe, dev_output, fit, folds_of, predict  # noqa: E402
from benchmarks.trigger_precision import read_dev_entries  # noqa: E402
from pipeline.evaluation.facts import (  # noqa: E402
    GoldEntity,
    GoldEvent,
    GoldFact,
    Tally,
    acceptable_agents,
    fold,
    score_document,
)
from pipeline.resources.events import load_event_cues  # noqa: E402
from pipeline.resources.files import ResourceReader  # noqa: E402
from pipeline.schema.records import EntityRecord, EventRecord  # noqa: E402

FOLDS = 5
SEED = 12
L2 = 10.0
MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0)  # 1.0: never overrule the rules
MIN_WORD_COUNT = 20
MEASURES = ("event", "event_type")


@dataclass
class Item:
    """One event record: its candidates (features, labels), which one the rules picked."""

    record: EventRecord
    cands: list[Candidate]
    labels: np.ndarray
    picked: int
    type_in_gold: bool


@dataclass
class Doc:
    doc_id: str
    records: list[Any]  # the article's records (pydantic)
    gold: list[GoldFact]
    items: list[Item]


def right_names(record: EventRecord, gold: Sequence[GoldFact]) -> tuple[bool, bool, list[frozenset[str]]]:
    """(the gold reports the record's type, some gold event of it has no agent, the accepted names of the others)."""
    entities = [fact for fact in gold if isinstance(fact, GoldEntity)]
    events = [fact for fact in gold if isinstance(fact, GoldEvent) and fact.event_type == record.event_type]
    return bool(events), any(not e.agents for e in events), [acceptable_agents(e, entities) for e in events if e.agents]


def label(candidate: Candidate, none_right: bool, accepted: list[frozenset[str]]) -> float:
    if candidate.key == NONE_KEY:
        return float(none_right)
    names = {fold(name) for name in candidate.names()}
    return float(any(names & names_ok for names_ok in accepted))


def build_docs(output: Sequence[tuple[str, int, list[Any]]], cache: Path, vocabulary: Sequence[str] | None) -> tuple[
        list[Doc], list[str]]:
    policy = load_event_cues(ResourceReader()).document
    texts = {entry["id"]: cached_text(entry, cache) for entry in read_dev_entries(id_range(read_dev_ids()))}
    articles = []
    for doc_id, _, records in output:
        entities = [r for r in records if isinstance(r, EntityRecord)]
        articles.append((doc_id, records, Article(entities, texts.get(doc_id) or "", policy)))
    if vocabulary is None:
        counts: Counter[str] = Counter()
        for _, records, article in articles:
            counts.update(context_words([r for r in records if isinstance(r, EventRecord)], article))
        vocabulary = sorted(word for word, count in counts.items() if count >= MIN_WORD_COUNT)
    words = frozenset(vocabulary)
    docs = []
    for doc_id, records, article in articles:
        gold = read_gold(doc_id)
        items = []
        for record in (r for r in records if isinstance(r, EventRecord)):
            cands = candidates(record, article, words)
            in_gold, none_right, accepted = right_names(record, gold)
            picked = next(i for i, c in enumerate(cands) if c.features.get("picked"))
            items.append(Item(record, cands, np.array([label(c, none_right, accepted) for c in cands]), picked, in_gold))
        docs.append(Doc(doc_id, records, gold, items))
    return docs, list(vocabulary)


def feature_index(docs: Sequence[Doc]) -> dict[str, int]:
    names = sorted({name for doc in docs for item in doc.items for c in item.cands for name in c.features})
    return {name: index for index, name in enumerate(names)}


def matrix(item: Item, index: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(item.cands), len(index)))
    for row, candidate in enumerate(item.cands):
        for name, value in candidate.features.items():
            if name in index:
                x[row, index[name]] = value
    return x


@dataclass(frozen=True)
class Setup:
    """How the ranker is fitted: the L2 penalty, and a conditional logit (softmax) instead of a pointwise one."""

    l2: float
    softmax: bool


@dataclass(frozen=True)
class Ranker:
    model: Model
    softmax: bool


def train(docs: Sequence[Doc], index: dict[str, int], setup: Setup) -> Ranker:
    """Fit on the candidates of records whose type the gold reports (others say nothing about agents): a
    pointwise logistic regression, or a conditional logit over each record's candidates."""
    items = [item for doc in docs for item in doc.items if item.type_in_gold]
    if setup.softmax:
        items = [item for item in items if item.labels.max() > 0]
        model = fit_softmax([matrix(item, index) for item in items], [item.labels for item in items], setup.l2)
    else:
        model = fit(np.vstack([matrix(item, index) for item in items]),
                    np.concatenate([item.labels for item in items]), setup.l2)
    return Ranker(model, setup.softmax)


def fit_softmax(groups: Sequence[np.ndarray], labels: Sequence[np.ndarray], l2: float) -> Model:
    """A conditional logit (softmax over each record's candidates, the target spread evenly over its right ones),
    L2-regularised on standardised columns, by Newton steps from zero; returned with a zero bias."""
    x = np.vstack(groups)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    group = np.concatenate([np.full(len(g), i) for i, g in enumerate(groups)])
    target = np.concatenate([y / y.sum() for y in labels])
    w = np.zeros(z.shape[1])

    def state(weights: np.ndarray) -> tuple[float, np.ndarray]:
        """(regularised loss, each candidate's probability within its record)."""
        raw = z @ weights
        top = np.full(len(groups), -np.inf)
        np.maximum.at(top, group, raw)
        e = np.exp(raw - top[group])
        total = np.zeros(len(groups))
        np.add.at(total, group, e)
        log_p = raw - top[group] - np.log(total[group])
        return float(-(target * log_p).sum() + 0.5 * l2 * weights @ weights), np.exp(log_p)

    loss, p = state(w)
    for _ in range(100):
        gradient = z.T @ (p - target) + l2 * w
        means = np.zeros((len(groups), z.shape[1]))
        np.add.at(means, group, z * p[:, None])
        hessian = (z * p[:, None]).T @ z - means.T @ means + l2 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        size = 1.0
        while size > 1e-4:  # halve a step that does not lower the loss
            new_loss, new_p = state(w - size * step)
            if new_loss <= loss:
                break
            size /= 2
        else:
            break  # no step lowers the loss: at the optimum
        w, loss, p = w - size * step, new_loss, new_p
        if np.abs(size * step).max() < 1e-8:
            break
    return np.concatenate([[0.0], w]), mean, scale


def scores(ranker: Ranker, x: np.ndarray) -> np.ndarray:
    """Each candidate's probability: pointwise, or (softmax) within its record."""
    if not ranker.softmax:
        return predict(ranker.model, x)
    w, mean, scale = ranker.model
    raw = ((x - mean) / scale) @ w[1:]
    e = np.exp(raw - raw.max())
    return np.asarray(e / e.sum())


def choices(doc: Doc, model: Ranker, index: dict[str, int], margin: float) -> list[int]:
    """Each record's chosen candidate: the best, unless it beats the rules' pick by no more than ``margin``."""
    found = []
    for item in doc.items:
        p = scores(model, matrix(item, index))
        best = int(np.argmax(p))
        found.append(best if p[best] - p[item.picked] > margin else item.picked)
    return found


def rewritten(doc: Doc, chosen: Sequence[int] | None) -> list[dict[str, Any]]:
    """The article's records as json, each event's agent replaced by its chosen candidate (None: the rules')."""
    out: list[dict[str, Any]] = []
    events = iter(zip(doc.items, chosen or [item.picked for item in doc.items], strict=True))
    for record in doc.records:
        if isinstance(record, EventRecord):
            item, choice = next(events)
            if choice != item.picked:
                agent = item.cands[choice].argument(record)
                kept = [a for a in record.arguments if a.role != "agent"]
                record = record.model_copy(update={"arguments": [agent, *kept] if agent is not None else kept})
        out.append(record.model_dump(mode="json"))
    return out


def scored(docs: Sequence[Doc], chosen: Sequence[Sequence[int]] | None) -> dict[str, Tally]:
    totals = {measure: Tally() for measure in MEASURES}
    for number, doc in enumerate(docs):
        tallies = score_document(doc.doc_id, doc.gold, rewritten(doc, chosen[number] if chosen is not None else None))
        for measure in MEASURES:
            totals[measure].add(tallies[measure])
    return totals


def accuracy(docs: Sequence[Doc], chosen: Sequence[Sequence[int]] | None) -> tuple[int, int]:
    """(records whose type the gold reports and whose chosen agent the gold accepts, records of such a type)."""
    right = total = 0
    for number, doc in enumerate(docs):
        picks = chosen[number] if chosen is not None else [item.picked for item in doc.items]
        for item, choice in zip(doc.items, picks, strict=True):
            if item.type_in_gold:
                total += 1
                right += int(item.labels[choice])
    return right, total


def f1(tally: Tally) -> float:
    return float(tally.scores()["f1"] or 0.0)


def out_of_fold(docs: Sequence[Doc], index: dict[str, int], setup: Setup, seed: int) -> list[Ranker]:
    """Each article's ranker: the one fitted on the other folds."""
    models: list[Ranker | None] = [None] * len(docs)
    for held in folds_of(len(docs), FOLDS, seed):
        model = train([doc for i, doc in enumerate(docs) if i not in held], index, setup)
        for i in held:
            models[i] = model
    return [model for model in models if model is not None]


def best_margin(docs: Sequence[Doc], index: dict[str, int], setup: Setup, seed: int) -> float:
    """The margin that maximises event F1 on ``docs`` from inner cross-validated models (the largest of equals)."""
    models = out_of_fold(docs, index, setup, seed)

    def value(margin: float) -> tuple[float, float]:
        picks = [choices(doc, models[i], index, margin) for i, doc in enumerate(docs)]
        return round(f1(scored(docs, picks)["event"]), 6), margin

    return max(MARGINS, key=value)


def cross_validate(docs: list[Doc], index: dict[str, int], setup: Setup, fixed: float | None, seed: int = SEED,
                   verbose: bool = True) -> dict[str, float]:
    """Print per fold and out of fold the rules', the ranker's (with its margin) and the plain argmax's figures;
    return the out-of-fold event F1 of each."""
    totals = {key: {m: Tally() for m in MEASURES} for key in ("rules", "ranker", "argmax")}
    correct = {key: [0, 0] for key in totals}
    flips: Counter[tuple[str, str]] = Counter()  # (key, "fixed" | "broken" | "still wrong") of changed agents
    for number, held in enumerate(folds_of(len(docs), FOLDS, seed)):
        training = [doc for i, doc in enumerate(docs) if i not in held]
        margin = fixed if fixed is not None else best_margin(training, index, setup, seed + number + 1)
        model = train(training, index, setup)
        held_docs = [docs[i] for i in held]
        picks = {"rules": None, "ranker": [choices(doc, model, index, margin) for doc in held_docs],
                 "argmax": [choices(doc, model, index, -1.0) for doc in held_docs]}
        for key in ("ranker", "argmax"):
            for doc, chosen in zip(held_docs, picks[key] or [], strict=True):
                for choice, item in zip(chosen, doc.items, strict=True):
                    if choice != item.picked and item.type_in_gold:
                        before, after = item.labels[item.picked], item.labels[choice]
                        flips[key, "fixed" if after > before else "broken" if before > after else "still wrong"] += 1
        changed = sum(a != item.picked for doc, p in zip(held_docs, picks["ranker"] or [], strict=True)
                      for a, item in zip(p, doc.items, strict=True))
        if verbose:
            print(f"  fold {number} ({len(held)} articles) margin {margin:.2f}, {changed} agents changed")
        for key, chosen in picks.items():
            found = scored(held_docs, chosen)
            right, total = accuracy(held_docs, chosen)
            correct[key][0] += right
            correct[key][1] += total
            for measure in MEASURES:
                totals[key][measure].add(found[measure])
            if verbose:
                print(f"    {key:<7} event {describe(found['event'])}  type F1 {f1(found['event_type']):.3f}  "
                      f"agent accuracy {right}/{total}")
    print(f"  out of fold, all dev articles (fold seed {seed})")
    for key in totals:
        right, total = correct[key]
        print(f"    {key:<7} event {describe(totals[key]['event'])}  type F1 {f1(totals[key]['event_type']):.3f}  "
              f"agent accuracy {right}/{total} = {right / max(total, 1):.3f}")
    for key in ("ranker", "argmax"):
        print(f"    {key} changed agents of records of a gold type: {flips[key, 'fixed']} fixed, "
              f"{flips[key, 'broken']} broken, {flips[key, 'still wrong']} wrong before and after")
    return {key: f1(totals[key]["event"]) for key in totals}


def summary(docs: Sequence[Doc]) -> None:
    items = [item for doc in docs for item in doc.items]
    typed = [item for item in items if item.type_in_gold]
    reachable = sum(int(item.labels.max() > 0) for item in typed)
    rules = sum(int(item.labels[item.picked]) for item in typed)
    sizes = [len(item.cands) for item in items]
    print(f"dev articles {len(docs)}, event records {len(items)}, of a type the gold reports {len(typed)}; "
          f"candidates per record mean {np.mean(sizes):.1f} (max {max(sizes)}); a right candidate among them "
          f"{reachable}/{len(typed)} = {reachable / max(len(typed), 1):.3f}; the rules' pick right {rules}")
    oracle = [[int(np.argmax(item.labels)) if item.labels.max() > 0 else item.picked for item in doc.items]
              for doc in docs]
    print(f"oracle (a right candidate whenever there is one): event {describe(scored(docs, oracle)['event'])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=Path, default=None,
                        help="pickle of the dev output: read when present, else written after the run")
    parser.add_argument("--l2", type=float, default=L2, help="L2 penalty on the standardised weights")
    parser.add_argument("--seeds", type=int, default=1, help="repeat the cross-validation with this many fold seeds")
    parser.add_argument("--parse", action="store_true", help="add syntax features from a parse of each sentence")
    parser.add_argument("--softmax", action="store_true", help="a conditional logit over each record's candidates")
    parser.add_argument("--margin", type=float, default=None, help="a fixed margin (default: chosen per fold)")
    args = parser.parse_args()
    cache = default_cache()
    output = cached_output(args.records, lambda: dev_output(cache))
    if not output:
        print("real-news cache absent or empty: nothing to train on (see docs/realnews.md)")
        return 0
    docs, vocabulary = build_docs(output, cache, None)
    if args.parse:
        add_parse_features([(item.record, item.cands) for doc in docs for item in doc.items])
    index = feature_index(docs)
    print(f"features {len(index)} (context words {len(vocabulary)})")
    summary(docs)
    print(f"cross-validation, {FOLDS} folds by article, L2 {args.l2:g}")
    gains = []
    for seed in range(SEED, SEED + args.seeds):
        found = cross_validate(docs, index, Setup(args.l2, args.softmax), args.margin, seed, verbose=seed == SEED)
        gains.append(found["ranker"] - found["rules"])
    print(f"ranker minus rules, out-of-fold event F1 per fold seed: {' '.join(f'{g:+.3f}' for g in gains)}; "
          f"mean {np.mean(gains):+.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
