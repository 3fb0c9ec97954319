"""The false positives and negatives of one document, each with a ``near`` hint and a context sentence.

``near`` says why a miss is near-right: an overlapping record with the same span
(a duplicate), another boundary or another label (spans), or a same-place event of
another type (events). ``context`` is the record's ``evidence``, else the sentence
cut from the article text, else the evidence of an event with the same ``sentence``
index, else the evidence of an event that contains the record's text and whose
trigger lies within one evidence length of it; else empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pipeline.evaluation.documents import ScoredDoc, record_label
from pipeline.evaluation.matching import event_match_level, event_spans, overlaps

NearHint = Callable[[Mapping[str, Any], list[dict[str, Any]]], str | None]

_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?](?=\s)|\n")  # "U.S. officials" does not end a sentence


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` around ``[start, end)``, whitespace-folded."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, max(start, 0)):
        left = match.end()
    following = _SENTENCE_END.search(text, max(end, start))
    right = following.end() if following else len(text)
    return _SPACES.sub(" ", text[left:right]).strip()


def _context(record: Mapping[str, Any], docs: Sequence[ScoredDoc | None], text: str | None) -> str:
    if record.get("evidence"):
        return str(record["evidence"])
    start, end = record.get("start"), record.get("end")
    if text is not None and isinstance(start, int) and isinstance(end, int):
        return sentence_at(text, start, end)
    events = [event for doc in docs if doc for event in doc.of_type("event") if event.get("evidence")]
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
                                                  for span_start, _ in event_spans(event)):
                return evidence
    return ""


def _describe(record: Mapping[str, Any], record_type: str) -> dict[str, Any]:
    if record_type == "event":
        trigger = record.get("trigger") or {}
        return {"event_type": record.get("event_type"), "trigger": trigger.get("text"),
                "start": trigger.get("start"), "end": trigger.get("end"),
                "arguments": [(a.get("role"), a.get("text")) for a in record.get("arguments") or []]}
    out = {"text": record.get("text"), "start": record.get("start"), "end": record.get("end"),
           "label": record_label(record, record_type)}
    for name in ("normalized", "value", "low", "high", "unit"):
        if name in record:
            out[name] = record[name]
    return out


def span_near(record_type: str) -> NearHint:
    """The ``near`` hint of a span type: duplicate, another boundary, or another label."""
    def near(record: Mapping[str, Any], others: list[dict[str, Any]]) -> str | None:
        label = record_label(record, record_type)
        overlapping = [o for o in others if overlaps(record["start"], record["end"], o["start"], o["end"])]
        same_label = [o for o in overlapping if record_label(o, record_type) == label]
        if any(o["start"] == record["start"] and o["end"] == record["end"] for o in same_label):
            return "duplicate"
        if same_label:
            return f"boundary: {same_label[0].get('text')!r}"
        if overlapping:
            return f"label: {overlapping[0].get('text')!r} as {record_label(overlapping[0], record_type)}"
        return None

    return near


def event_near(record: Mapping[str, Any], others: list[dict[str, Any]]) -> str | None:
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


def list_misses(
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    matches: list[tuple[int, int]],
    record_type: str,
    docs: tuple[ScoredDoc | None, ScoredDoc | None],
    text: str | None,
    near: NearHint,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """False negatives and false positives of one document, each with its nearest rival and context."""
    present = docs[0] or docs[1]
    doc_id = present.doc_id if present else "?"
    matched_gold = {i for i, _ in matches}
    matched_pred = {j for _, j in matches}

    def describe(record: Mapping[str, Any], others: list[dict[str, Any]]) -> dict[str, Any]:
        return {"doc_id": doc_id, **_describe(record, record_type), "near": near(record, others),
                "context": _context(record, docs, text)}

    false_neg = [describe(record, pred) for i, record in enumerate(gold) if i not in matched_gold]
    false_pos = [describe(record, gold) for j, record in enumerate(pred) if j not in matched_pred]
    return false_neg, false_pos
