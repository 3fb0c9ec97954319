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
  spans, lenient for events) with a ``near`` hint (an overlapping record with
  another boundary or label) and a ``context`` sentence: the record's
  ``evidence``, else the sentence cut from the article text when ``texts`` is
  given, else the evidence of an event with the same ``sentence`` index, else
  the evidence of an event that contains the record's text and whose trigger
  lies within one evidence length of it; else empty.
* documents: a document exists on a side when any record carries its
  ``doc_id``. Gold-only documents count their gold records as false negatives
  (a missing document is missed output); pred-only documents are reported and,
  unless ``count_unmatched_pred=True``, left out of the scores (no gold exists
  to judge them).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import UsageError

SPAN_TYPES: tuple[str, ...] = ("entity", "quantity", "date")
RECORD_TYPES: tuple[str, ...] = (*SPAN_TYPES, "event")
SPAN_MODES: tuple[str, ...] = ("strict", "lenient", "strict_value")
EVENT_MODES: tuple[str, ...] = ("strict", "lenient", "type_agent")
LABEL_FIELD: dict[str, str | None] = {
    "entity": "label", "quantity": "quantity_type", "date": None, "event": "event_type"}
QUANTITY_VALUE_FIELDS: tuple[str, ...] = ("value", "low", "high")
DATE_BOUND_FIELDS: tuple[str, ...] = ("start_date", "end_date")
# fields that decide strict_value; other checked fields (date bounds, commodity) are only reported
SCORED_FIELDS: dict[str, tuple[str, ...]] = {
    "entity": ("normalized", "kb_id"), "quantity": (*QUANTITY_VALUE_FIELDS, "unit"), "date": ("value",)}
DEFAULT_TOLERANCE = 0.005

_REF_OFFSETS = re.compile(r"#(?P<type>entity|quantity|date):(?P<start>\d+)-(?P<end>\d+)$")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?](?=\s)|\n")  # "U.S. officials" does not end a sentence


# --------------------------------------------------------------------------- loading


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Read SPEC records from a JSONL file or every ``*.jsonl`` under a folder (sorted).

    Raises:
        UsageError: the path does not exist, holds no JSONL, or a line is not a record.
    """
    root = Path(path)
    if root.is_dir():
        files = sorted(p for p in root.rglob("*.jsonl") if p.is_file())
        if not files:
            raise UsageError(f"no .jsonl files under {root}")
    elif root.is_file():
        files = [root]
    else:
        raise UsageError(f"not found: {root}")
    records: list[dict[str, Any]] = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as error:
                raise UsageError(f"{file}:{number}: invalid JSON ({error.msg})") from error
            if not isinstance(obj, dict) or "type" not in obj or "doc_id" not in obj:
                raise UsageError(f"{file}:{number}: a record needs 'type' and 'doc_id'")
            records.append(obj)
    return records


def _as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, Mapping):
        return dict(record)
    return record.model_dump(mode="json")


# --------------------------------------------------------------------------- scores


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def scores(self) -> dict[str, Any]:
        """Precision, recall, F1 (None when undefined: nothing predicted / nothing to find) and counts."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        denominator = 2 * self.tp + self.fp + self.fn
        f1 = 2 * self.tp / denominator if denominator else None
        return {"precision": precision, "recall": recall, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def match_one_to_one(
    gold: Sequence[Any], pred: Sequence[Any], candidates: Callable[[Any, Any], float | None]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching; ``candidates(g, p)`` gives a preference (higher first) or None.

    Gold items are matched in order, each trying its candidates best-first and
    displacing an earlier match only along an augmenting path (Kuhn's algorithm),
    so the result is maximal in size and deterministic.
    """
    options: list[list[int]] = []
    for g in gold:
        scored = [(score, j) for j, p in enumerate(pred) if (score := candidates(g, p)) is not None]
        scored.sort(key=lambda item: (-item[0], item[1]))
        options.append([j for _, j in scored])
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    if a_start == a_end or b_start == b_end:  # an empty span overlaps what contains its position
        return b_start <= a_start <= b_end if a_start == a_end else a_start <= b_start <= a_end
    return _overlap(a_start, a_end, b_start, b_end) > 0


def _label(record: Mapping[str, Any], record_type: str) -> str:
    name = LABEL_FIELD[record_type]
    return str(record.get(name)) if name else record_type


# --------------------------------------------------------------------------- values


def _number_ok(gold: Any, pred: Any, tolerance: float) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    try:
        g, p = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    return abs(p - g) <= tolerance * abs(g) if g else p == 0


def value_checks(gold: Mapping[str, Any], pred: Mapping[str, Any], record_type: str, *,
                 tolerance: float = DEFAULT_TOLERANCE) -> dict[str, bool]:
    """Per-field value agreement for the fields the gold record carries (empty if none)."""
    checks: dict[str, bool] = {}
    if record_type == "quantity":
        for name in QUANTITY_VALUE_FIELDS:
            if name in gold:
                checks[name] = _number_ok(gold[name], pred.get(name), tolerance)
        if "unit" in gold:
            checks["unit"] = gold["unit"] == pred.get("unit")
    elif record_type == "date":
        for name in ("value", *DATE_BOUND_FIELDS):
            if name in gold:
                checks[name] = gold[name] == pred.get(name)
    elif record_type == "entity":
        for name in ("normalized", "kb_id"):
            if name in gold:
                checks[name] = _SPACES.sub(" ", str(gold[name] or "")) == _SPACES.sub(" ", str(pred.get(name) or ""))
        if gold.get("commodity"):
            checks["commodity"] = _commodity_key(gold["commodity"]) == _commodity_key(pred.get("commodity"))
    return checks


def _commodity_key(commodity: Any) -> tuple[Any, ...] | None:
    if not isinstance(commodity, Mapping):
        return None
    return tuple(sorted(commodity.get("elements") or [])), commodity.get("form")


def value_ok(gold: Mapping[str, Any], pred: Mapping[str, Any], record_type: str, *,
             tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """True when the normalised value is right (the ``SCORED_FIELDS`` the gold record carries agree)."""
    checks = value_checks(gold, pred, record_type, tolerance=tolerance)
    return all(ok for name, ok in checks.items() if name in SCORED_FIELDS[record_type])


# --------------------------------------------------------------------------- context


@dataclass
class _Doc:
    doc_id: str
    records: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)


def _group(records: Iterable[Any]) -> dict[str, _Doc]:
    docs: dict[str, _Doc] = {}
    for raw in records:
        record = _as_dict(raw)
        doc_id = str(record["doc_id"])
        doc = docs.setdefault(doc_id, _Doc(doc_id))
        doc.records[record["type"]].append(record)
        if record.get("id"):
            doc.by_id[str(record["id"])] = record
    return docs


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` around ``[start, end)``, whitespace-folded."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, max(start, 0)):
        left = match.end()
    following = _SENTENCE_END.search(text, max(end, start))
    right = following.end() if following else len(text)
    return _SPACES.sub(" ", text[left:right]).strip()


def _context(record: Mapping[str, Any], docs: Sequence[_Doc | None], text: str | None) -> str:
    if record.get("evidence"):
        return str(record["evidence"])
    start, end = record.get("start"), record.get("end")
    if text is not None and isinstance(start, int) and isinstance(end, int):
        return sentence_at(text, start, end)
    events = [event for doc in docs if doc for event in doc.records.get("event", []) if event.get("evidence")]
    sentence = record.get("sentence")
    if sentence is not None:
        for event in events:
            if event.get("sentence") == sentence and "sentence" in event:
                return str(event["evidence"])
    # without offsets for evidence: an event sentence holding the record's text, triggered within reach
    if isinstance(start, int) and record.get("text"):
        for event in events:
            evidence = str(event["evidence"])
            reach = len(evidence)
            if record["text"] in evidence and any(abs(span_start - start) <= reach
                                                  for span_start, _ in _event_spans(event)):
                return evidence
    return ""


def _describe(record: Mapping[str, Any], record_type: str) -> dict[str, Any]:
    if record_type == "event":
        trigger = record.get("trigger") or {}
        return {"event_type": record.get("event_type"), "trigger": trigger.get("text"),
                "start": trigger.get("start"), "end": trigger.get("end"),
                "arguments": [(a.get("role"), a.get("text")) for a in record.get("arguments") or []]}
    out = {"text": record.get("text"), "start": record.get("start"), "end": record.get("end"),
           "label": _label(record, record_type)}
    for name in ("normalized", "value", "low", "high", "unit"):
        if name in record:
            out[name] = record[name]
    return out


# --------------------------------------------------------------------------- span types


def _span_pref(mode: str, record_type: str, tolerance: float) -> Callable[[Any, Any], float | None]:
    def prefer(g: Mapping[str, Any], p: Mapping[str, Any]) -> float | None:
        if _label(g, record_type) != _label(p, record_type):
            return None
        same = g["start"] == p["start"] and g["end"] == p["end"]
        if mode == "lenient":
            if not _overlaps(g["start"], g["end"], p["start"], p["end"]):
                return None
            return 1e9 if same else _overlap(g["start"], g["end"], p["start"], p["end"])
        if not same:
            return None
        if mode == "strict_value" and not value_ok(g, p, record_type, tolerance=tolerance):
            return None
        return 1.0

    return prefer


def _score_spans(record_type: str, pairs: list[tuple[_Doc | None, _Doc | None, str | None]],
                 tolerance: float) -> dict[str, Any]:
    totals = {mode: Counts() for mode in SPAN_MODES}
    by_label: dict[str, dict[str, Counts]] = defaultdict(lambda: {mode: Counts() for mode in SPAN_MODES})
    value_total = value_correct = 0
    field_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false_pos: list[dict[str, Any]] = []
    false_neg: list[dict[str, Any]] = []
    for gold_doc, pred_doc, text in pairs:
        gold = [r for r in (gold_doc.records.get(record_type, []) if gold_doc else []) if _has_span(r)]
        pred = [r for r in (pred_doc.records.get(record_type, []) if pred_doc else []) if _has_span(r)]
        matches: dict[str, list[tuple[int, int]]] = {}
        for mode in SPAN_MODES:
            matches[mode] = match_one_to_one(gold, pred, _span_pref(mode, record_type, tolerance))
            _tally(totals[mode], by_label, mode, gold, pred, matches[mode], record_type)
        for i, j in matches["strict"]:
            checks = value_checks(gold[i], pred[j], record_type, tolerance=tolerance)
            for name, ok in checks.items():
                field_counts[name][0] += ok
                field_counts[name][1] += 1
            if any(name in checks for name in SCORED_FIELDS[record_type]):
                value_total += 1
                value_correct += value_ok(gold[i], pred[j], record_type, tolerance=tolerance)
        misses = _list_misses(gold, pred, matches["strict"], record_type, (gold_doc, pred_doc), text,
                              lambda record, others: _near(record, others, record_type))
        false_neg.extend(misses[0])
        false_pos.extend(misses[1])
    result: dict[str, Any] = {mode: totals[mode].scores() for mode in SPAN_MODES}
    result["value_accuracy"] = {
        "correct": value_correct,
        "total": value_total,
        "accuracy": value_correct / value_total if value_total else None,
        "fields": {name: {"correct": c, "total": t, "accuracy": c / t if t else None}
                   for name, (c, t) in sorted(field_counts.items())},
    }
    result["by_label"] = {label: {mode: counts[mode].scores() for mode in SPAN_MODES}
                          for label, counts in sorted(by_label.items())}
    result["errors"] = {"false_positives": false_pos, "false_negatives": false_neg}
    return result


def _has_span(record: Mapping[str, Any]) -> bool:
    return isinstance(record.get("start"), int) and isinstance(record.get("end"), int)


def _near(record: Mapping[str, Any], others: list[dict[str, Any]], record_type: str) -> str | None:
    """Why a strict miss is near-right: an overlapping record with the same span (a duplicate),
    another boundary, or another label."""
    label = _label(record, record_type)
    overlapping = [o for o in others if _overlaps(record["start"], record["end"], o["start"], o["end"])]
    same_label = [o for o in overlapping if _label(o, record_type) == label]
    if any(o["start"] == record["start"] and o["end"] == record["end"] for o in same_label):
        return "duplicate"
    if same_label:
        return f"boundary: {same_label[0].get('text')!r}"
    if overlapping:
        return f"label: {overlapping[0].get('text')!r} as {_label(overlapping[0], record_type)}"
    return None


def _tally(total: Counts, by_label: dict[str, dict[str, Counts]], mode: str, gold: list[dict[str, Any]],
           pred: list[dict[str, Any]], matches: list[tuple[int, int]], record_type: str) -> None:
    matched_gold = {i for i, _ in matches}
    matched_pred = {j for _, j in matches}
    for i, record in enumerate(gold):
        counts = by_label[_label(record, record_type)][mode]
        if i in matched_gold:
            counts.tp += 1
            total.tp += 1
        else:
            counts.fn += 1
            total.fn += 1
    for j, record in enumerate(pred):
        if j not in matched_pred:
            by_label[_label(record, record_type)][mode].fp += 1
            total.fp += 1


# --------------------------------------------------------------------------- events


def _fold(text: Any) -> str:
    return _SPACES.sub(" ", str(text or "")).strip().casefold()


def normalise_name(text: Any) -> str:
    """Case-folded name with a leading "the", a possessive and edge punctuation removed."""
    name = _fold(text)
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name)
    return _EDGE_PUNCT.sub("", name)


def _argument_keys(argument: Mapping[str, Any], doc: _Doc | None) -> tuple[set[str], tuple[int, int] | None]:
    keys = {normalise_name(argument.get("text"))} - {""}
    ref = argument.get("ref")
    offsets = None
    if ref:
        target = doc.by_id.get(str(ref)) if doc else None
        if target is not None:
            keys |= {normalise_name(target.get("normalized")), normalise_name(target.get("text"))} - {""}
            if _has_span(target):
                offsets = (target["start"], target["end"])
        if offsets is None and (found := _REF_OFFSETS.search(str(ref))):
            offsets = (int(found["start"]), int(found["end"]))
    return keys, offsets


def _arguments_agree(g: Mapping[str, Any], p: Mapping[str, Any], gold_doc: _Doc | None, pred_doc: _Doc | None) -> bool:
    g_keys, g_span = _argument_keys(g, gold_doc)
    p_keys, p_span = _argument_keys(p, pred_doc)
    if g_keys & p_keys:
        return True
    return g_span is not None and p_span is not None and _overlaps(*g_span, *p_span)


def _event_spans(record: Mapping[str, Any]) -> list[tuple[int, int]]:
    spans = []
    trigger = record.get("trigger") or {}
    if isinstance(trigger.get("start"), int) and isinstance(trigger.get("end"), int):
        spans.append((trigger["start"], trigger["end"]))
    for mention in record.get("mentions") or []:
        if isinstance(mention.get("start"), int) and isinstance(mention.get("end"), int):
            spans.append((mention["start"], mention["end"]))
    return spans


def _same_sentence(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    if g.get("evidence") and p.get("evidence"):
        g_text, p_text = _fold(g["evidence"]), _fold(p["evidence"])
        # sentence splits differ between annotator and parser: containment counts as the same sentence
        return g_text == p_text or (min(len(g_text), len(p_text)) >= 20 and (g_text in p_text or p_text in g_text))
    return g.get("sentence") is not None and g.get("sentence") == p.get("sentence")


def event_match_level(g: Mapping[str, Any], p: Mapping[str, Any]) -> int | None:
    """3: same trigger offsets, 2: trigger overlap, 1: a mention overlaps, 0: same sentence, None: no match.

    Always None when the event types differ.
    """
    if g.get("event_type") != p.get("event_type"):
        return None
    g_trigger, p_trigger = g.get("trigger") or {}, p.get("trigger") or {}
    g_spans, p_spans = _event_spans(g), _event_spans(p)
    if g_spans[:1] and p_spans[:1] and g_trigger.get("start") is not None and p_trigger.get("start") is not None:
        if (g_trigger["start"], g_trigger.get("end")) == (p_trigger["start"], p_trigger.get("end")):
            return 3
        if _overlaps(*g_spans[0], *p_spans[0]):
            return 2
    if any(_overlaps(*a, *b) for a in g_spans for b in p_spans):
        return 1
    return 0 if _same_sentence(g, p) else None


def _agents(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [a for a in record.get("arguments") or [] if a.get("role") == "agent"]


def _agents_agree(g: Mapping[str, Any], p: Mapping[str, Any], gold_doc: _Doc | None, pred_doc: _Doc | None) -> bool:
    g_agents, p_agents = _agents(g), _agents(p)
    if not g_agents or not p_agents:
        return not g_agents and not p_agents
    return any(_arguments_agree(a, b, gold_doc, pred_doc) for a in g_agents for b in p_agents)


def _event_near(record: Mapping[str, Any], others: list[dict[str, Any]]) -> str | None:
    """Why an unmatched event is near-right: a same-place event of another type, or a duplicate."""
    best: tuple[int, bool, str] | None = None
    for other in others:
        level = event_match_level({**record, "event_type": other.get("event_type")}, other)
        if level is not None:
            candidate = (level, other.get("event_type") == record.get("event_type"), str(other.get("event_type")))
            best = candidate if best is None or candidate[:2] > best[:2] else best
    if best is None:
        return None
    return "duplicate" if best[1] else f"type: {best[2]}"


def _score_events(pairs: list[tuple[_Doc | None, _Doc | None, str | None]]) -> dict[str, Any]:
    totals = {mode: Counts() for mode in EVENT_MODES}
    by_label: dict[str, dict[str, Counts]] = defaultdict(lambda: {mode: Counts() for mode in EVENT_MODES})
    roles: dict[str, Counts] = defaultdict(Counts)
    all_arguments = Counts()
    false_pos: list[dict[str, Any]] = []
    false_neg: list[dict[str, Any]] = []
    for gold_doc, pred_doc, text in pairs:
        gold = gold_doc.records.get("event", []) if gold_doc else []
        pred = pred_doc.records.get("event", []) if pred_doc else []

        def strict(g: Any, p: Any) -> float | None:
            return 1.0 if event_match_level(g, p) == 3 else None

        def lenient(g: Any, p: Any) -> float | None:
            level = event_match_level(g, p)
            return None if level is None else float(level)

        def type_agent(g: Any, p: Any, gd: _Doc | None = gold_doc, pd: _Doc | None = pred_doc) -> float | None:
            level = event_match_level(g, p)
            return None if level is None or not _agents_agree(g, p, gd, pd) else float(level)

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
            g_args, p_args = gold[i].get("arguments") or [], pred[j].get("arguments") or []
            def same_argument(a: Any, b: Any, gd: _Doc | None = gold_doc, pd: _Doc | None = pred_doc) -> float | None:
                return 1.0 if a.get("role") == b.get("role") and _arguments_agree(a, b, gd, pd) else None

            arg_matches = match_one_to_one(g_args, p_args, same_argument)
            for k, _ in arg_matches:
                counts = roles[str(g_args[k].get("role"))]
                counts.tp += 1
                counts.fp -= 1
                counts.fn -= 1
        misses = _list_misses(gold, pred, matches["lenient"], "event", (gold_doc, pred_doc), text, _event_near)
        false_neg.extend(misses[0])
        false_pos.extend(misses[1])
    for counts in roles.values():
        all_arguments.add(counts)
    result: dict[str, Any] = {mode: totals[mode].scores() for mode in EVENT_MODES}
    result["arguments"] = {"all": all_arguments.scores(),
                           "by_role": {role: counts.scores() for role, counts in sorted(roles.items())}}
    result["by_label"] = {label: {mode: counts[mode].scores() for mode in EVENT_MODES}
                          for label, counts in sorted(by_label.items())}
    result["errors"] = {"false_positives": false_pos, "false_negatives": false_neg}
    return result


# --------------------------------------------------------------------------- entry point


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
    gold_docs, pred_docs = _group(gold_records), _group(pred_records)
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
        "pred_errors": sorted(doc_id for doc_id, doc in pred_docs.items() if doc.records.get("error")),
        "records_without_offsets": {side: sum(1 for doc in docs.values() for kind in SPAN_TYPES
                                              for record in doc.records.get(kind, []) if not _has_span(record))
                                    for side, docs in (("gold", gold_docs), ("pred", pred_docs))},
        "unmatched_pred_counted": count_unmatched_pred,
    }
    return result


# --------------------------------------------------------------------------- thresholds and formatting


def parse_threshold(spec: str) -> tuple[str, str, float]:
    """Parse ``TYPE=F1`` or ``TYPE.MODE=F1`` (mode defaults to ``strict``) for ``--fail-under``.

    Raises:
        UsageError: malformed spec, unknown type or mode, or F1 outside 0..1.
    """
    key, sep, number = spec.partition("=")
    record_type, _, mode = key.strip().partition(".")
    mode = mode or "strict"
    modes = EVENT_MODES if record_type == "event" else SPAN_MODES
    if not sep or record_type not in RECORD_TYPES or mode not in modes:
        raise UsageError(f"--fail-under wants TYPE[.MODE]=F1 with TYPE in {', '.join(RECORD_TYPES)} "
                         f"and MODE in {', '.join(modes)}; got {spec!r}")
    try:
        value = float(number)
    except ValueError as error:
        raise UsageError(f"--fail-under {spec!r}: {number!r} is not a number") from error
    if not 0.0 <= value <= 1.0:
        raise UsageError(f"--fail-under {spec!r}: F1 must be between 0 and 1")
    return record_type, mode, value


def check_thresholds(metrics: Mapping[str, Any], thresholds: Iterable[tuple[str, str, float]]) -> list[str]:
    """The failed thresholds as messages; an undefined F1 (nothing in gold or pred) counts as 0."""
    failures = []
    for record_type, mode, minimum in thresholds:
        f1 = metrics[record_type][mode]["f1"]
        if (f1 or 0.0) < minimum:
            shown = "undefined" if f1 is None else f"{f1:.4f}"
            failures.append(f"{record_type}.{mode} F1 {shown} < {minimum}")
    return failures


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def summary_rows(metrics: Mapping[str, Any]) -> list[list[str]]:
    """One row per (record type, mode), then one per (record type, label) in strict/lenient."""
    rows = []
    for record_type in RECORD_TYPES:
        block = metrics[record_type]
        modes = EVENT_MODES if record_type == "event" else SPAN_MODES
        for mode in modes:
            s = block[mode]
            rows.append([record_type, mode, _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"]),
                         str(s["tp"]), str(s["fp"]), str(s["fn"])])
        if record_type == "event":
            s = block["arguments"]["all"]
            rows.append([record_type, "arguments", _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"]),
                         str(s["tp"]), str(s["fp"]), str(s["fn"])])
    return rows


def format_table(metrics: Mapping[str, Any], *, markdown: bool = False, show_errors: int = 0) -> str:
    """Human-readable report: scores, value accuracy, per-label F1, documents, and up to N errors per type."""
    header = ["type", "mode", "P", "R", "F1", "tp", "fp", "fn"]
    lines = [text_table(header, summary_rows(metrics), markdown)]
    value_rows = []
    for record_type in SPAN_TYPES:
        acc = metrics[record_type]["value_accuracy"]
        value_rows.append([record_type, "(all)", _fmt(acc["accuracy"]), f"{acc['correct']}/{acc['total']}"])
        for name, f in acc["fields"].items():
            value_rows.append([record_type, name, _fmt(f["accuracy"]), f"{f['correct']}/{f['total']}"])
    value_table = text_table(["type", "field", "accuracy", "right"], value_rows, markdown)
    lines += ["", "Value accuracy on strict matches", value_table]
    label_rows = []
    for record_type in RECORD_TYPES:
        for label, modes in metrics[record_type]["by_label"].items():
            s, le = modes["strict"], modes["lenient"]
            label_rows.append([record_type, label, _fmt(s["f1"]), _fmt(le["f1"]), str(s["tp"] + s["fn"]),
                               str(s["tp"] + s["fp"])])
    lines += ["", "Per label",
              text_table(["type", "label", "strict F1", "lenient F1", "gold", "pred"], label_rows, markdown)]
    role_rows = [[role, _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"]), str(s["tp"]), str(s["fp"]),
                  str(s["fn"])] for role, s in metrics["event"]["arguments"]["by_role"].items()]
    if role_rows:
        lines += ["", "Event arguments by role",
                  text_table(["role", "P", "R", "F1", "tp", "fp", "fn"], role_rows, markdown)]
    docs = metrics["documents"]
    lines += ["", f"Documents: gold {docs['gold']}, pred {docs['pred']}, matched {docs['matched']}, "
                  f"scored {docs['scored']}"]
    if docs["only_gold"]:
        lines.append(f"  only in gold (records counted as misses): {', '.join(docs['only_gold'])}")
    if docs["only_pred"]:
        verdict = "counted as false positives" if docs["unmatched_pred_counted"] else "not scored"
        lines.append(f"  only in pred ({verdict}): {', '.join(docs['only_pred'])}")
    if docs["pred_errors"]:
        lines.append(f"  error records in pred: {', '.join(docs['pred_errors'])}")
    for side, count in docs["records_without_offsets"].items():
        if count:
            lines.append(f"  {side}: {count} span records without start/end were not scored")
    if show_errors:
        for record_type in RECORD_TYPES:
            errors = metrics[record_type]["errors"]
            for kind, title in (("false_negatives", "missed"), ("false_positives", "false alarm")):
                items = errors[kind]
                if not items:
                    continue
                lines += ["", f"{record_type}: {title} ({len(items)}, showing {min(show_errors, len(items))})"]
                lines += [_error_line(item, record_type) for item in items[:show_errors]]
    return "\n".join(lines)


def _error_line(item: Mapping[str, Any], record_type: str) -> str:
    if record_type == "event":
        what = f"{item['event_type']} trigger {item['trigger']!r} @{item['start']}-{item['end']}"
    else:
        value = next((f" {name}={item[name]!r}" for name in ("normalized", "value") if item.get(name) is not None), "")
        what = f"{item['label']} {item['text']!r} @{item['start']}-{item['end']}{value}"
    near = f" [near: {item['near']}]" if item.get("near") else ""
    context = f"\n      | {item['context']}" if item.get("context") else ""
    return f"  - {item['doc_id']}: {what}{near}{context}"


def text_table(header: list[str], rows: list[list[str]], markdown: bool = False) -> str:
    """A plain aligned table, or a Markdown one."""
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(out)
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=False)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=False)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip() for row in rows]
    return "\n".join(lines)


def round_metrics(value: Any, digits: int = 4) -> Any:
    """A copy of ``value`` with floats rounded (for JSON output)."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {key: round_metrics(item, digits) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [round_metrics(item, digits) for item in value]
    return value


def _list_misses(
    gold: list[Any],
    pred: list[Any],
    matches: list[tuple[int, int]],
    record_type: str,
    docs: tuple[Any, Any],
    text: str | None,
    near: Any,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """False negatives and false positives of one document, each with its nearest rival and context."""
    doc_id = (docs[0] or docs[1]).doc_id
    matched_gold = {i for i, _ in matches}
    matched_pred = {j for _, j in matches}

    def describe(record: Any, others: list[Any]) -> dict[str, Any]:
        return {"doc_id": doc_id, **_describe(record, record_type), "near": near(record, others),
                "context": _context(record, docs, text)}

    false_neg = [describe(record, pred) for i, record in enumerate(gold) if i not in matched_gold]
    false_pos = [describe(record, gold) for j, record in enumerate(pred) if j not in matched_pred]
    return false_neg, false_pos
