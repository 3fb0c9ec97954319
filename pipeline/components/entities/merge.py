"""One merge policy for rule and model entities: ``RULES_OVER_MODEL``.

A rule span beats an overlapping model span, except that a well-formed model ORG/FACILITY/LAW name
that strictly contains a place, nationality or commodity hit ("Export Finance Australia") is kept whole.
"""

from __future__ import annotations

from spacy.tokens import Span

CONTAINER_LABELS = frozenset({"ORG", "FACILITY", "LAW"})
EMBEDDABLE_LABELS = frozenset({"GPE", "NORP", "COMMODITY", "LOC"})
# Words a model span may hold outside the rule spans it overlaps and still count as covered by them.
JOINING_WORDS = frozenset({"and", "of", "or"})


def merge_entities(rules: list[Span], model: list[Span]) -> list[Span]:
    """Combine rule and model spans under ``RULES_OVER_MODEL``; returns non-overlapping spans in text order."""
    kept_model: list[Span] = []
    for span in model:
        overlapping = [rule for rule in rules if rule.start < span.end and span.start < rule.end]
        if not overlapping:
            kept_model.append(span)
            continue
        covered = {i for rule in overlapping for i in range(rule.start, rule.end)}
        if all(token.i in covered or not token.is_alpha or token.lower_ in JOINING_WORDS for token in span):
            continue
        contains_all = all(span.start <= rule.start and rule.end <= span.end and len(rule) < len(span) for rule in overlapping)
        if contains_all and span.label_ in CONTAINER_LABELS and all(r.label_ in EMBEDDABLE_LABELS for r in overlapping):
            kept_model.append(span)
    preferred = [(span, 1) for span in kept_model] + [(span, 0) for span in rules]
    preferred.sort(key=lambda item: (-(item[0].end - item[0].start), item[1], item[0].start))
    taken: set[int] = set()
    result: list[Span] = []
    for span, _ in preferred:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        result.append(span)
    return sorted(result, key=lambda span: span.start)


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Longest span first; ties keep the earlier one. Returns the spans in text order, none overlapping."""
    taken: set[int] = set()
    result: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        result.append(span)
    return sorted(result, key=lambda span: span.start)
