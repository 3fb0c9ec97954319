"""One merge policy for rule and model entities: ``RULES_OVER_MODEL``.

A rule span beats an overlapping model span, except that a well-formed model ORG/FACILITY/LAW name
that strictly contains a place, nationality or commodity hit ("Export Finance Australia") is kept whole,
and so is a model company name that the rules cut at an "and" between two activity words ("... Foreign
Engineering and" + "Construction Co., Ltd.": ``activity_words``, round 8) or after it ("... Exploration" + "and
Mining", round 12).
"""

from __future__ import annotations

from spacy.tokens import Span

CONTAINER_LABELS = frozenset({"ORG", "FACILITY", "LAW"})
EMBEDDABLE_LABELS = frozenset({"GPE", "NORP", "COMMODITY", "LOC"})
# Words a model span may hold outside the rule spans it overlaps and still count as covered by them.
JOINING_WORDS = frozenset({"and", "of", "or"})


def merge_entities(rules: list[Span], model: list[Span], *, activities: frozenset[str] = frozenset()) -> list[Span]:
    """Combine rule and model spans under ``RULES_OVER_MODEL``; returns non-overlapping spans in text order.

    ``activities``: the activity words an "and" inside one company name joins (``cue_words.json``)."""
    kept_model: list[Span] = []
    for span in model:
        overlapping = [rule for rule in rules if rule.start < span.end and span.start < rule.end]
        if not overlapping or _activity_pair(span, overlapping, activities):
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


def _activity_pair(model: Span, rules: list[Span], activities: frozenset[str]) -> bool:
    """The model ORG holds every rule hit, and its ORG hit starts right after "<activity word> and" inside it."""
    if model.label_ != "ORG" or not all(model.start <= rule.start and rule.end <= model.end for rule in rules):
        return False
    doc = model.doc
    return any(
        rule.label_ == "ORG" and rule.start - 2 >= model.start and doc[rule.start - 1].lower_ == "and"
        and doc[rule.start - 2].text in activities and rule[0].text in activities
        and all(token.is_punct or token.text.endswith(".") for token in doc[rule.end : model.end])  # ", Ltd."
        for rule in rules
    ) or _activity_tail(model, rules, activities)


def _activity_tail(model: Span, rules: list[Span], activities: frozenset[str]) -> bool:
    """Round 12, the mirror case: the rules' ORG hit ends in an activity word, and the model name goes on with "and"
    and a last activity word ("Example Exploration" + "and Mining" in "Example Exploration and Mining")."""
    doc = model.doc
    return any(
        rule.label_ == "ORG" and rule.start == model.start and rule.end + 2 == model.end
        and doc[rule.end].lower_ == "and" and doc[rule.end - 1].text in activities and doc[rule.end + 1].text in activities
        for rule in rules
    )


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
