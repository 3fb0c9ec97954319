"""Cross-validate a learned filter over the final ORG/PERSON entity groups on the real-news DEV half (ids rn01-rn388;
the test half is never read).

One unit is a (label, normalized) entity group of one article, the unit ``score_document`` scores entities by.
Each gets generic features (label, mentions, tokens, zones, place in the article, kb_id, acronym shape, legal
suffix or organisation word, digits, headline-only, event agent, every word also written lowercase in the article,
a person title before it, other labels for the same name; no names) and a label from the scorer's own matching
(``pipeline.evaluation.facts.entity_group_labels``): a gold entity of the same label takes it. A regularised
logistic regression (``benchmarks/train_event_filter.py``'s numpy Newton fit, deterministic) is evaluated by
grouped k-fold cross-validation over dev articles, repeated over fold seeds: in each fold the threshold is chosen
on the training folds only (inner cross-validated probabilities, for entity F1), and the held-out articles are
scored with and without dropping the groups under it. Event F1 is scored two ways: the filter runs after the
events (an agent keeps its text) or before them (an agent whose entity is dropped is lost).

docs/entities.md ("A learned entity filter (tenth session)") has the figures: the filter was not shipped.

    python benchmarks/train_entity_filter.py --records /tmp/ef10/dev.pkl     # reuse (or save) the dev output
    python benchmarks/train_entity_filter.py --labels ORG PERSON FACILITY    # also filter FACILITY groups
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.realnews import cached_output, cached_text, default_cache, id_range, read_gold  # noqa: E402
from benchmarks.realnews_parts import read_dev_ids  # noqa: E402
from benchmarks.train_event_filter import Model, describe, f1, fit, folds_of, predict  # noqa: E402
from benchmarks.trigger_precision import read_dev_entries  # noqa: E402
from pipeline import Article, Extractor  # noqa: E402
from pipeline.evaluation.facts import GoldFact, Tally, entity_group_labels, score_document  # noqa: E402
from pipeline.resources.entities import EntityTables, load_entity_tables  # noqa: E402
from pipeline.resources.files import ResourceReader  # noqa: E402
from pipeline.schema.labels import ZONES  # noqa: E402

FOLDS = 5
SEEDS = (12, 13, 14)
L2 = 10.0
THRESHOLDS = tuple(round(0.02 * step, 2) for step in range(0, 31))
MEASURES = ("entity", "event_text", "event_drop")
FILTERED = ("ORG", "PERSON")
WINDOW = 40  # characters before a mention searched for a person title
Output = list[tuple[str, str, list[Any]]]  # (article id, text, records) per dev article
WORD = re.compile(r"[A-Za-z][A-Za-z'.&-]*|\d+")


def feature_names(labels: Sequence[str]) -> list[str]:
    return [
        *(f"label={label}" for label in labels), *(f"zone={zone}" for zone in ZONES),
        "mentions", "surfaces", "tokens", "chars", "position", "sentence", "headline_only", "kb_id", "acronym",
        "org_word", "digit", "agent", "argument", "common_words", "headline_word", "commodity_word", "title_before",
        "other_label", "renamed", "entities", "title_after", "the_before", "possessive",
    ]


def group_features(label: str, members: Sequence[Mapping[str, Any]], text: str, entities: Sequence[Mapping[str, Any]],
                   arguments: Mapping[str, set[str]], tables: EntityTables) -> dict[str, float]:
    """The features of one (label, normalized) group (``members``: its entity records) of an article."""
    name = members[0]["normalized"]
    words = WORD.findall(name)
    capitalised = [word for word in words if word.isalpha() and word.lower() != word]
    ids = {member["id"] for member in members}
    zones = [member["zone"] for member in members]
    first = min(members, key=lambda member: member["start"])
    before = [text[max(m["start"] - WINDOW, 0):m["start"]].lower().split()[-2:] for m in members]
    after = [text[m["end"]:m["end"] + WINDOW].lower().replace(",", " ").split()[:3] for m in members]
    return {
        f"label={label}": 1.0,
        **{f"zone={zone}": zones.count(zone) / len(zones) for zone in set(zones)},
        "mentions": math.log1p(len(members)),
        "surfaces": float(len({member["text"] for member in members})),
        "tokens": float(len(words)),
        "chars": math.log1p(len(name)),
        "position": first["start"] / max(len(text), 1),
        "sentence": math.log1p(first["sentence"]),
        "headline_only": float(all(zone in ("title", "heading") for zone in zones)),
        "kb_id": float(any(member.get("kb_id") for member in members)),
        "acronym": float(len(words) == 1 and name.isupper() and len(name) <= 6),
        "org_word": float(any(word in tables.org_suffix_words for word in words[1:])),
        "digit": float(any(char.isdigit() for char in name)),
        "agent": float(bool(ids & arguments.get("agent", set()))),
        "argument": float(bool(ids & set().union(*arguments.values()))),
        # every word also appears in lowercase in the article: a capitalised common phrase
        "common_words": float(bool(capitalised) and all(re.search(rf"\b{re.escape(w.lower())}\b", text) is not None
                                                        for w in capitalised)),
        "headline_word": float(any(word.lower() in tables.headline_words for word in words)),
        "commodity_word": float(any(word.lower() in tables.commodity_words for word in words)),
        "title_before": float(any(w.strip(",") in tables.cues.person_titles for window in before for w in window)),
        "other_label": float(any(e["normalized"] == name and e["label"] != label for e in entities)),
        "renamed": float(any(member["text"] != name for member in members)),
        "entities": math.log1p(len(entities)),
        "title_after": float(any(w in tables.cues.person_titles for window in after for w in window)),
        "the_before": float(any(window[-1:] == ["the"] for window in before)),
        "possessive": float(any(text[m["end"]:m["end"] + 2] in ("'s", "’s") for m in members)),
    }


@dataclass
class Doc:
    """One dev article: its records as json dicts, its gold, and its filtered groups' keys, features and labels."""

    doc_id: str
    records: list[dict[str, Any]]
    gold: list[GoldFact]
    keys: list[tuple[str, str]]  # (label, normalized) of each filtered group
    features: np.ndarray
    labels: np.ndarray


def dev_output(cache: Path) -> Output:
    """(id, text, records) for every cached article of the READ dev half (``parts.json``), from the current code."""
    articles = [Article(doc_id=entry["id"], text=text, url=entry["url"], published=entry["published"],
                        source=entry["outlet"])
                for entry in read_dev_entries(id_range(read_dev_ids()))
                for text in [cached_text(entry, cache)] if text is not None]
    texts = {article.doc_id: article.text for article in articles}
    return [(extraction.doc_id, texts[extraction.doc_id], list(extraction.records))
            for extraction in Extractor().extract_many(articles)]


def build_docs(output: Output, labels: Sequence[str], spare_agents: bool = False) -> list[Doc]:
    """The dev articles with their groups of ``labels`` (less the event agents' groups with ``spare_agents``)."""
    tables = load_entity_tables(ResourceReader())
    names = feature_names(labels)
    docs = []
    for doc_id, text, records in output:
        dumped = [record.model_dump(mode="json") for record in records]
        entities = [record for record in dumped if record["type"] == "entity"]
        arguments: dict[str, set[str]] = {}
        for record in dumped:
            for argument in record.get("arguments", []) if record["type"] == "event" else []:
                arguments.setdefault(argument["role"], set()).add(argument.get("ref") or "")
        gold = read_gold(doc_id)
        keys, rows, found = [], [], []
        for label, normalized, matched in entity_group_labels(gold, dumped):
            if label not in labels:
                continue
            members = [e for e in entities if e["label"] == label and e["normalized"] == normalized]
            if spare_agents and {member["id"] for member in members} & arguments.get("agent", set()):
                continue
            keys.append((label, normalized))
            rows.append(group_features(label, members, text, entities, arguments, tables))
            found.append(float(matched))
        features = np.array([[row.get(name, 0.0) for name in names] for row in rows], dtype=float)
        docs.append(Doc(doc_id, dumped, gold, keys, features.reshape(-1, len(names)), np.array(found)))
    return docs


def train(docs: Sequence[Doc], l2: float) -> Model:
    return fit(np.vstack([doc.features for doc in docs]), np.concatenate([doc.labels for doc in docs]), l2)


def filtered(records: Sequence[dict[str, Any]], dropped: set[tuple[str, str]], drop_agents: bool) -> list[dict[str, Any]]:
    """``records`` less the entity records of the ``dropped`` groups (and, with ``drop_agents``, the event arguments
    that refer to them)."""
    gone = {r["id"] for r in records if r["type"] == "entity" and (r["label"], r["normalized"]) in dropped}
    kept = []
    for record in records:
        if record["id"] in gone:
            continue
        if drop_agents and record["type"] == "event":
            record = {**record, "arguments": [a for a in record["arguments"] if (a.get("ref") or "") not in gone]}
        kept.append(record)
    return kept


def scored(docs: Sequence[Doc], probabilities: Sequence[np.ndarray] | None, threshold: float,
           measures: Sequence[str] = MEASURES) -> dict[str, Tally]:
    """Tallies of ``docs`` with the groups under ``threshold`` dropped (None: none)."""
    totals = {measure: Tally() for measure in measures}
    for index, doc in enumerate(docs):
        dropped = set() if probabilities is None else {
            key for key, p in zip(doc.keys, probabilities[index], strict=True) if p < threshold}
        for drop_agents in (False, True):
            name = "event_drop" if drop_agents else "event_text"
            if drop_agents and name not in measures:
                continue
            tallies = score_document(doc.doc_id, doc.gold, filtered(doc.records, dropped, drop_agents))
            if not drop_agents:
                totals["entity"].add(tallies["entity"])
            if name in totals:
                totals[name].add(tallies["event"])
    return totals


def out_of_fold(docs: Sequence[Doc], l2: float, seed: int) -> list[np.ndarray]:
    found: list[np.ndarray] = [np.zeros(0)] * len(docs)
    for held in folds_of(len(docs), FOLDS, seed):
        model = train([doc for index, doc in enumerate(docs) if index not in held], l2)
        for index in held:
            found[index] = predict(model, docs[index].features) if len(docs[index].keys) else np.zeros(0)
    return found


def best_threshold(docs: Sequence[Doc], l2: float, seed: int) -> float:
    """The threshold that maximises entity F1 on ``docs`` from inner cross-validated probabilities (lowest of equals)."""
    probabilities = out_of_fold(docs, l2, seed)
    return max(THRESHOLDS, key=lambda t: (round(f1(scored(docs, probabilities, t, ("entity",))["entity"]), 6), -t))


def class_line(tally: Tally, labels: Sequence[str]) -> str:
    found = tally.class_scores()
    return "  ".join(f"{label} P {found[label]['precision'] or 0:.3f} R {found[label]['recall'] or 0:.3f}"
                     for label in labels if label in found)


def cross_validate(docs: list[Doc], l2: float, seed: int, labels: Sequence[str], say: Callable[[str], None]) -> None:
    totals = {key: {measure: Tally() for measure in MEASURES} for key in ("before", "after")}
    for number, held in enumerate(folds_of(len(docs), FOLDS, seed)):
        training = [doc for index, doc in enumerate(docs) if index not in held]
        threshold = best_threshold(training, l2, seed * 100 + number + 1)
        model = train(training, l2)
        held_docs = [docs[index] for index in held]
        probabilities = [predict(model, doc.features) if doc.keys else np.zeros(0) for doc in held_docs]
        found = {"before": scored(held_docs, None, 0.0), "after": scored(held_docs, probabilities, threshold)}
        dropped = sum(int((p < threshold).sum()) for p in probabilities)
        say(f"  fold {number} ({len(held)} articles) threshold {threshold:.2f}, {dropped} groups dropped; entity "
            f"{describe(found['before']['entity'])} -> {describe(found['after']['entity'])}")
        for key in totals:
            for measure in MEASURES:
                totals[key][measure].add(found[key][measure])
    say(f"  seed {seed} out of fold, all {len(docs)} dev articles")
    for measure in MEASURES:
        say(f"    {measure:<10} no filter {describe(totals['before'][measure])}"
            f"   filter {describe(totals['after'][measure])}")
    say(f"    by class   no filter {class_line(totals['before']['entity'], labels)}"
        f"   filter {class_line(totals['after']['entity'], labels)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=Path, default=None,
                        help="pickle of the dev output: read when present, else written after the run")
    parser.add_argument("--l2", type=float, default=L2, help="L2 penalty on the standardised weights")
    parser.add_argument("--labels", nargs="+", default=list(FILTERED), help="entity labels whose groups are filtered")
    parser.add_argument("--spare-agents", action="store_true", help="never drop a group an event takes as agent")
    parser.add_argument("--seeds", nargs="+", type=int, default=list(SEEDS), help="fold seeds")
    args = parser.parse_args()
    output = cached_output(args.records, lambda: dev_output(default_cache()))
    if not output:
        print("real-news cache absent or empty: nothing to train on (see docs/realnews.md)")
        return 0
    docs = build_docs(output, args.labels, args.spare_agents)
    labels = np.concatenate([doc.labels for doc in docs])
    oracle = scored(docs, [doc.labels for doc in docs], 0.5)
    print(f"dev articles {len(docs)}, {'/'.join(args.labels)} groups {len(labels)}, matched {int(labels.sum())}; "
          f"every unmatched group dropped (oracle): entity {describe(oracle['entity'])}, "
          f"event (agent kept) {describe(oracle['event_text'])}, (agent lost) {describe(oracle['event_drop'])}")
    model = train(docs, args.l2)
    weights = sorted(zip(feature_names(args.labels), model[0][1:], strict=True), key=lambda item: -abs(item[1]))
    print("weights on all dev (standardised): " + ", ".join(f"{name} {w:+.2f}" for name, w in weights[:12]))
    for seed in args.seeds:
        print(f"fold seed {seed} (threshold for entity F1, L2 {args.l2:g}, {FOLDS} folds by article)")
        cross_validate(docs, args.l2, seed, args.labels, print)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
