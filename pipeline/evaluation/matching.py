"""When a predicted record matches a gold one, and the one-to-one matching over a document.

Spans match on offsets and label (``strict``: same offsets, ``lenient``: overlap,
``strict_value``: strict plus the value). Events match on type and trigger,
mention or sentence, graded by ``event_match_level``; agents and arguments agree
on normalised names, on the entities their refs resolve to, or on overlapping offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pipeline.evaluation.documents import ScoredDoc, has_span, record_label
from pipeline.evaluation.values import value_ok

Preference = Callable[[Any, Any], float | None]

_REF_OFFSETS = re.compile(r"#(?P<type>entity|quantity|date):(?P<start>\d+)-(?P<end>\d+)$")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")


def match_one_to_one(gold: Sequence[Any], pred: Sequence[Any], candidates: Preference) -> list[tuple[int, int]]:
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


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters shared by ``[a_start, a_end)`` and ``[b_start, b_end)``."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when the spans share a character; an empty span overlaps what contains its position."""
    if a_start == a_end or b_start == b_end:
        return b_start <= a_start <= b_end if a_start == a_end else a_start <= b_start <= a_end
    return overlap(a_start, a_end, b_start, b_end) > 0


def span_preference(mode: str, record_type: str, tolerance: float) -> Preference:
    """The ``match_one_to_one`` preference of a span mode (lenient prefers exact, then more overlap)."""
    def prefer(g: Mapping[str, Any], p: Mapping[str, Any]) -> float | None:
        if record_label(g, record_type) != record_label(p, record_type):
            return None
        same = g["start"] == p["start"] and g["end"] == p["end"]
        if mode == "lenient":
            if not overlaps(g["start"], g["end"], p["start"], p["end"]):
                return None
            return 1e9 if same else overlap(g["start"], g["end"], p["start"], p["end"])
        if not same:
            return None
        if mode == "strict_value" and not value_ok(g, p, record_type, tolerance=tolerance):
            return None
        return 1.0

    return prefer


def fold(text: Any) -> str:
    """Whitespace-folded, case-folded text."""
    return _SPACES.sub(" ", str(text or "")).strip().casefold()


def normalise_name(text: Any) -> str:
    """Case-folded name with a leading "the", a possessive and edge punctuation removed."""
    name = fold(text)
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name)
    return _EDGE_PUNCT.sub("", name)


def _argument_keys(argument: Mapping[str, Any], doc: ScoredDoc | None) -> tuple[set[str], tuple[int, int] | None]:
    keys = {normalise_name(argument.get("text"))} - {""}
    ref = argument.get("ref")
    offsets = None
    if ref:
        target = doc.by_id.get(str(ref)) if doc else None
        if target is not None:
            keys |= {normalise_name(target.get("normalized")), normalise_name(target.get("text"))} - {""}
            if has_span(target):
                offsets = (target["start"], target["end"])
        if offsets is None and (found := _REF_OFFSETS.search(str(ref))):
            offsets = (int(found["start"]), int(found["end"]))
    return keys, offsets


def arguments_agree(g: Mapping[str, Any], p: Mapping[str, Any], gold_doc: ScoredDoc | None,
                    pred_doc: ScoredDoc | None) -> bool:
    """True when two event arguments name the same thing (names, resolved refs or offsets)."""
    g_keys, g_span = _argument_keys(g, gold_doc)
    p_keys, p_span = _argument_keys(p, pred_doc)
    if g_keys & p_keys:
        return True
    return g_span is not None and p_span is not None and overlaps(*g_span, *p_span)


def event_spans(record: Mapping[str, Any]) -> list[tuple[int, int]]:
    """The trigger's offsets (first, when present), then every mention's."""
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
        g_text, p_text = fold(g["evidence"]), fold(p["evidence"])
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
    g_spans, p_spans = event_spans(g), event_spans(p)
    if g_spans[:1] and p_spans[:1] and g_trigger.get("start") is not None and p_trigger.get("start") is not None:
        if (g_trigger["start"], g_trigger.get("end")) == (p_trigger["start"], p_trigger.get("end")):
            return 3
        if overlaps(*g_spans[0], *p_spans[0]):
            return 2
    if any(overlaps(*a, *b) for a in g_spans for b in p_spans):
        return 1
    return 0 if _same_sentence(g, p) else None


def _agents(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [a for a in record.get("arguments") or [] if a.get("role") == "agent"]


def agents_agree(g: Mapping[str, Any], p: Mapping[str, Any], gold_doc: ScoredDoc | None,
                 pred_doc: ScoredDoc | None) -> bool:
    """True when some agents agree, or neither event has one."""
    g_agents, p_agents = _agents(g), _agents(p)
    if not g_agents or not p_agents:
        return not g_agents and not p_agents
    return any(arguments_agree(a, b, gold_doc, pred_doc) for a in g_agents for b in p_agents)
