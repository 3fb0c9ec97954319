"""Scoring predicted SPEC records against gold records (SPEC §6).

``evaluate(gold, pred)`` returns a plain metrics dict; the CLI only formats it.
Matching is per document and one-to-one (a duplicate prediction is a false
positive, never a second true positive). The rules:

* spans (entity, quantity, date): ``strict`` = same ``start``/``end`` and same
  label; ``lenient`` = overlapping offsets and same label; ``strict_value`` =
  strict plus the normalised value right. The label is the entity ``label``,
  the quantity ``quantity_type``; dates have one label, ``date``.
* values: only the fields the gold record carries are checked (gold may omit
  fields). Quantities: ``value``/``low``/``high`` within 0.5 % and the same
  ``unit``; dates: the same ``value``; entities: the same ``normalized`` name
  and ``kb_id``. ``value_accuracy`` is measured on the strict matches;
  ``fields`` breaks it down (dates also report their ``start_date``/``end_date``
  bounds there and entities their commodity elements/form, without counting
  them in the score).
* events: ``strict`` = same ``event_type`` and the same trigger offsets;
  ``lenient`` (the event-type F1) = same ``event_type`` and the trigger or any
  mention overlapping, or, when no offsets overlap, the same sentence (equal
  ``evidence`` text after whitespace and case folding, or one evidence of at
  least 20 characters contained in the other; equal ``sentence`` index when
  either side lacks ``evidence``); ``type_agent`` = lenient plus the same agent;
  ``arguments`` = per-role F1 over all arguments, an argument being right when
  its event is lenient-matched and role and filler agree.
* agents and arguments: equal when the normalised texts agree (case-folded,
  leading "the", possessive and edge punctuation removed), when a ``ref``
  resolves on its own side to an entity whose ``normalized`` name or text
  agrees with the other side's, or when both refs point at overlapping offsets.
  Events without an agent match only events without an agent in ``type_agent``.
* errors: false positives and negatives are listed per type (strict mode for
  spans, lenient for events) with a ``near`` hint and a ``context`` sentence
  (``pipeline.evaluation.misses``).
* scores: ``{precision, recall, f1, tp, fp, fn}`` from ``pipeline.evaluation.metrics``,
  None where a ratio is undefined (F1: nothing in gold and nothing predicted).
* documents: a document exists on a side when any record carries its
  ``doc_id``. Gold-only documents count their gold records as false negatives
  (a missing document is missed output); pred-only documents are reported and,
  unless ``count_unmatched_pred=True``, left out of the scores (no gold exists
  to judge them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from pipeline.evaluation.documents import (
    EVENT_MODES,
    SPAN_MODES,
    SPAN_TYPES,
    ScoredDoc,
    group_by_document,
    has_span,
    record_label,
)
from pipeline.evaluation.matching import agents_agree, arguments_agree, event_match_level, match_one_to_one, span_preference
from pipeline.evaluation.metrics import Counts, ratio
from pipeline.evaluation.misses import event_near, list_misses, span_near
from pipeline.evaluation.values import DEFAULT_TOLERANCE, SCORED_FIELDS, value_checks, value_ok

DocPair = tuple[ScoredDoc | None, ScoredDoc | None, str | None]


def evaluate(
    gold_records: Iterable[Any],
    pred_records: Iterable[Any],
    *,
    texts: Mapping[str, str] | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    count_unmatched_pred: bool = False,
) -> dict[str, Any]:
    """Score predicted records against gold records, per document.

    Args:
        gold_records: gold SPEC records (dicts or record models); fields may be omitted.
        pred_records: predicted SPEC records.
        texts: optional ``doc_id -> article text``, used only for error context sentences.
        tolerance: relative tolerance for quantity values (0.005 = 0.5 %).
        count_unmatched_pred: score records of documents that have no gold as false positives.

    Returns:
        ``{"entity": {...}, "quantity": {...}, "date": {...}, "event": {...}, "documents": {...}}``;
        span types hold ``strict``/``lenient``/``strict_value`` scores, ``value_accuracy``,
        ``by_label`` and ``errors``; events hold ``strict``/``lenient``/``type_agent``,
        ``arguments``, ``by_label`` and ``errors``. Each score is ``{precision, recall, f1, tp, fp, fn}``
        with None for an undefined ratio.
    """
    gold_docs, pred_docs = group_by_document(gold_records), group_by_document(pred_records)
    only_gold = sorted(set(gold_docs) - set(pred_docs))
    only_pred = sorted(set(pred_docs) - set(gold_docs))
    scored_ids = sorted(set(gold_docs) | (set(pred_docs) if count_unmatched_pred else set()))
    texts = texts or {}
    pairs = [(gold_docs.get(doc_id), pred_docs.get(doc_id), texts.get(doc_id)) for doc_id in scored_ids]
    result: dict[str, Any] = {record_type: _score_spans(record_type, pairs, tolerance) for record_type in SPAN_TYPES}
    result["event"] = _score_events(pairs)
    result["documents"] = {
        "gold": len(gold_docs),
        "pred": len(pred_docs),
        "matched": len(set(gold_docs) & set(pred_docs)),
        "scored": len(scored_ids),
        "only_gold": only_gold,
        "only_pred": only_pred,
        "pred_errors": sorted(doc_id for doc_id, doc in pred_docs.items() if doc.of_type("error")),
        "records_without_offsets": {side: sum(1 for doc in docs.values() for kind in SPAN_TYPES
                                              for record in doc.of_type(kind) if not has_span(record))
                                    for side, docs in (("gold", gold_docs), ("pred", pred_docs))},
        "unmatched_pred_counted": count_unmatched_pred,
    }
    return result


def _score_spans(record_type: str, pairs: list[DocPair], tolerance: float) -> dict[str, Any]:
    totals = {mode: Counts() for mode in SPAN_MODES}
    by_label: dict[str, dict[str, Counts]] = defaultdict(lambda: {mode: Counts() for mode in SPAN_MODES})
    value_total = value_correct = 0
    field_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false_pos: list[dict[str, Any]] = []
    false_neg: list[dict[str, Any]] = []
    for gold_doc, pred_doc, text in pairs:
        gold = [r for r in (gold_doc.of_type(record_type) if gold_doc else []) if has_span(r)]
        pred = [r for r in (pred_doc.of_type(record_type) if pred_doc else []) if has_span(r)]
        matches: dict[str, list[tuple[int, int]]] = {}
        for mode in SPAN_MODES:
            matches[mode] = match_one_to_one(gold, pred, span_preference(mode, record_type, tolerance))
            _tally(totals[mode], by_label, mode, gold, pred, matches[mode], record_type)
        for i, j in matches["strict"]:
            checks = value_checks(gold[i], pred[j], record_type, tolerance=tolerance)
            for name, ok in checks.items():
                field_counts[name][0] += ok
                field_counts[name][1] += 1
            if any(name in checks for name in SCORED_FIELDS[record_type]):
                value_total += 1
                value_correct += value_ok(gold[i], pred[j], record_type, tolerance=tolerance)
        misses = list_misses(gold, pred, matches["strict"], record_type, (gold_doc, pred_doc), text,
                             span_near(record_type))
        false_neg.extend(misses[0])
        false_pos.extend(misses[1])
    result: dict[str, Any] = {mode: totals[mode].scores() for mode in SPAN_MODES}
    result["value_accuracy"] = {
        "correct": value_correct,
        "total": value_total,
        "accuracy": ratio(value_correct, value_total),
        "fields": {name: {"correct": c, "total": t, "accuracy": ratio(c, t)}
                   for name, (c, t) in sorted(field_counts.items())},
    }
    result["by_label"] = {label: {mode: counts[mode].scores() for mode in SPAN_MODES}
                          for label, counts in sorted(by_label.items())}
    result["errors"] = {"false_positives": false_pos, "false_negatives": false_neg}
    return result


def _tally(total: Counts, by_label: dict[str, dict[str, Counts]], mode: str, gold: list[dict[str, Any]],
           pred: list[dict[str, Any]], matches: list[tuple[int, int]], record_type: str) -> None:
    matched_gold = {i for i, _ in matches}
    matched_pred = {j for _, j in matches}
    for i, record in enumerate(gold):
        counts = by_label[record_label(record, record_type)][mode]
        if i in matched_gold:
            counts.tp += 1
            total.tp += 1
        else:
            counts.fn += 1
            total.fn += 1
    for j, record in enumerate(pred):
        if j not in matched_pred:
            by_label[record_label(record, record_type)][mode].fp += 1
            total.fp += 1


def _score_events(pairs: list[DocPair]) -> dict[str, Any]:
    totals = {mode: Counts() for mode in EVENT_MODES}
    by_label: dict[str, dict[str, Counts]] = defaultdict(lambda: {mode: Counts() for mode in EVENT_MODES})
    roles: dict[str, Counts] = defaultdict(Counts)
    all_arguments = Counts()
    false_pos: list[dict[str, Any]] = []
    false_neg: list[dict[str, Any]] = []
    agents_right = agents_total = 0
    for gold_doc, pred_doc, text in pairs:
        gold = gold_doc.of_type("event") if gold_doc else []
        pred = pred_doc.of_type("event") if pred_doc else []

        def strict(g: Any, p: Any) -> float | None:
            return 1.0 if event_match_level(g, p) == 3 else None

        def lenient(g: Any, p: Any) -> float | None:
            level = event_match_level(g, p)
            return None if level is None else float(level)

        def type_agent(g: Any, p: Any, gd: ScoredDoc | None = gold_doc, pd: ScoredDoc | None = pred_doc) -> float | None:
            level = event_match_level(g, p)
            return None if level is None or not agents_agree(g, p, gd, pd) else float(level)

        matches = {"strict": match_one_to_one(gold, pred, strict), "lenient": match_one_to_one(gold, pred, lenient),
                   "type_agent": match_one_to_one(gold, pred, type_agent)}
        for mode in EVENT_MODES:
            _tally(totals[mode], by_label, mode, gold, pred, matches[mode], "event")
        for record in gold:
            for argument in record.get("arguments") or []:
                roles[str(argument.get("role"))].fn += 1
        for record in pred:
            for argument in record.get("arguments") or []:
                roles[str(argument.get("role"))].fp += 1
        for i, j in matches["lenient"]:
            agents_total += 1
            agents_right += agents_agree(gold[i], pred[j], gold_doc, pred_doc)
            g_args, p_args = gold[i].get("arguments") or [], pred[j].get("arguments") or []

            def same_argument(a: Any, b: Any, gd: ScoredDoc | None = gold_doc,
                              pd: ScoredDoc | None = pred_doc) -> float | None:
                return 1.0 if a.get("role") == b.get("role") and arguments_agree(a, b, gd, pd) else None

            arg_matches = match_one_to_one(g_args, p_args, same_argument)
            for k, _ in arg_matches:
                counts = roles[str(g_args[k].get("role"))]
                counts.tp += 1
                counts.fp -= 1
                counts.fn -= 1
        misses = list_misses(gold, pred, matches["lenient"], "event", (gold_doc, pred_doc), text, event_near)
        false_neg.extend(misses[0])
        false_pos.extend(misses[1])
    for counts in roles.values():
        all_arguments.add(counts)
    result: dict[str, Any] = {mode: totals[mode].scores() for mode in EVENT_MODES}
    result["arguments"] = {"all": all_arguments.scores(),
                           "by_role": {role: counts.scores() for role, counts in sorted(roles.items())}}
    result["by_label"] = {label: {mode: counts[mode].scores() for mode in EVENT_MODES}
                          for label, counts in sorted(by_label.items())}
    # of the lenient matches (same type, same trigger or sentence), how many name the gold's agent (none = none)
    result["agent_accuracy"] = {"accuracy": agents_right / agents_total if agents_total else None,
                                "correct": agents_right, "total": agents_total}
    result["errors"] = {"false_positives": false_pos, "false_negatives": false_neg}
    return result
