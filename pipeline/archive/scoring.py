"""Scoring archive clusters against gold: pairwise precision/recall and B-cubed F1.

Article groups are scored over every document of the set (a document outside any group is
a singleton). Event clusters are scored over gold items ``(doc_id, event_type)``: an item's
predicted cluster is the cluster of that type (the cluster's ``event_type``, the type most of
its members report) holding most of that document's events (ties:
the larger cluster, then the smaller id); an item the extractor missed is a predicted
singleton, so extraction misses lower recall. Predicted events that are not gold items
(other event types found in the same articles) are not scored.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from itertools import combinations
from typing import Any


def _prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def pairwise(pred: Mapping[Any, Any], gold: Mapping[Any, Any]) -> dict[str, float]:
    """Pairwise P/R/F1: pairs of items put together, over the items of ``gold``."""
    items = sorted(gold, key=str)
    pred_pairs = {(a, b) for a, b in combinations(items, 2) if pred[a] == pred[b]}
    gold_pairs = {(a, b) for a, b in combinations(items, 2) if gold[a] == gold[b]}
    return _prf(len(pred_pairs & gold_pairs), len(pred_pairs), len(gold_pairs))


def bcubed(pred: Mapping[Any, Any], gold: Mapping[Any, Any]) -> dict[str, float]:
    """B-cubed P/R/F1 (Bagga and Baldwin 1998) over the items of ``gold``."""
    items = list(gold)
    by_pred: dict[Hashable, set[Hashable]] = defaultdict(set)
    by_gold: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item in items:
        by_pred[pred[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = sum(len(by_pred[pred[i]] & by_gold[gold[i]]) / len(by_pred[pred[i]]) for i in items) / len(items)
    recall = sum(len(by_pred[pred[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score_archive(records: Iterable[dict[str, Any]], gold: dict[str, Any], doc_ids: Iterable[str]) -> dict[str, Any]:
    """Metrics for article groups and event clusters of one archive against the gold file's content."""
    records = list(records)
    documents = sorted(doc_ids)
    gold_groups = {doc: ("single", doc) for doc in documents}
    for number, group in enumerate(gold["article_groups"]):
        gold_groups.update({doc: ("group", number) for doc in group})
    pred_groups: dict[Hashable, Hashable] = {doc: ("single", doc) for doc in documents}
    for record in records:
        if record["type"] == "article_group":
            pred_groups.update({member["doc_id"]: record["id"] for member in record["members"]})
    gold_events = {(doc, cluster["event_type"]): cluster["id"] for cluster in gold["event_clusters"] for doc in cluster["doc_ids"]}
    votes: dict[tuple[str, str], Counter[tuple[int, str]]] = defaultdict(Counter)
    for record in records:
        if record["type"] == "event_cluster":
            for event_id in record["event_ids"]:
                item = (event_id.split("#", 1)[0], record["event_type"])
                votes[item][(record["n_articles"], record["id"])] += 1
    pred_events: dict[Hashable, Hashable] = {}
    missed = []
    for item in gold_events:
        if votes.get(item):
            pred_events[item] = sorted(votes[item].items(), key=lambda kv: (-kv[1], -kv[0][0], kv[0][1]))[0][0][1]
        else:
            pred_events[item] = ("missed", item)
            missed.append(f"{item[0]}/{item[1]}")
    return {
        "article_groups": {"pairwise": pairwise(pred_groups, gold_groups), "bcubed": bcubed(pred_groups, gold_groups),
                           "documents": len(documents)},
        "event_clusters": {"pairwise": pairwise(pred_events, gold_events), "bcubed": bcubed(pred_events, gold_events),
                           "items": len(gold_events), "missed_by_extraction": sorted(missed)},
    }
