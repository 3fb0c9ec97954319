"""One merge policy for rule and model entities: ``RULES_OVER_MODEL``.

A rule span beats an overlapping model span, except that a well-formed model ORG/FACILITY/LAW name
that strictly contains a place, nationality or commodity hit ("Export Finance Australia") is kept whole,
unless a dash between spaces follows the hit inside it ("LIMA - Protesters": a dateline and the story), and so is a
model company name that the rules cut at an "and" between two activity words ("... Foreign
Engineering and" + "Construction Co., Ltd.": ``activity_words``, round 8) or after it ("... Exploration" + "and
Mining", round 12). Sixteenth session: so is a model ORG that two overlapping organisation rules read from its two
ends ("World Bureau" + "Bureau of Metal Statistics"). Seventeenth session: a model ORG that one organisation rule reads
from its first word and stops short of keeps its last capitalised words ("Compañía Minera" + "Antamina"; no title,
site word or outlet head: ``not_name_tails``).
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Span

from pipeline.components.entities.view import WORD_HYPHENS
from pipeline.text.dashes import EM_DASH, EN_DASH, HYPHEN, HYPHEN_MINUS

CONTAINER_LABELS = frozenset({"ORG", "FACILITY", "LAW"})
# Labels of a name a rule may cut short of the model's reading ("Compañía Minera" + "Antamina").
NAME_LABELS = frozenset({"ORG"})
EMBEDDABLE_LABELS = frozenset({"GPE", "NORP", "COMMODITY", "LOC"})
# Words a model span may hold outside the rule spans it overlaps and still count as covered by them.
JOINING_WORDS = frozenset({"and", "of", "or"})
# Marks that glue a word to the next into one compound ("Co-founder"): the view's hyphens and the typographic one.
COMPOUND_HYPHENS = WORD_HYPHENS | {HYPHEN}
# Dashes that part a dateline from the story when written between spaces ("LIMA - Protesters").
SPACED_DASHES = frozenset({HYPHEN_MINUS, EN_DASH, EM_DASH})
# Rule readings that, overlapping, make one model ORG whole.
MIN_OVERLAPPING_READINGS = 2
# Longest model PERSON whose last word, a place, is kept as a family name ("Anton Berlin").
MAX_PERSON_WORDS = 3


def merge_entities(rules: list[Span], model: list[Span], *, activities: frozenset[str] = frozenset(),
                   not_name_tails: frozenset[str] = frozenset(), headline: Set[int] = frozenset()) -> list[Span]:
    """Combine rule and model spans under ``RULES_OVER_MODEL``; returns non-overlapping spans in text order.

    ``activities``: the activity words an "and" inside one company name joins (``cue_words.json``);
    ``not_name_tails``: lower-case words that end no organisation name the rules cut short (titles, site words);
    ``headline``: the indices of the tokens on headline lines, where a capitalised word proves no name goes on."""
    kept_model: list[Span] = []
    for span in model:
        overlapping = [rule for rule in rules if rule.start < span.end and span.start < rule.end]
        if not overlapping or _activity_pair(span, overlapping, activities):
            kept_model.append(span)
            continue
        if _overlapping_readings(span, overlapping):
            kept_model.append(span)
            continue
        if (longer := _name_cut_short(span, overlapping, not_name_tails, headline)) is not None:
            kept_model.append(longer)
            continue
        covered = {i for rule in overlapping for i in range(rule.start, rule.end)}
        if all(token.i in covered or not token.is_alpha or token.lower_ in JOINING_WORDS for token in span):
            continue
        contains_all = all(span.start <= rule.start and rule.end <= span.end and len(rule) < len(span) for rule in overlapping)
        if contains_all and span.label_ in CONTAINER_LABELS and all(r.label_ in EMBEDDABLE_LABELS for r in overlapping) \
                and not _dash_after_rule(span, overlapping):
            kept_model.append(span)
        elif contains_all and _place_surname(span, overlapping):
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


def _overlapping_readings(model: Span, rules: list[Span]) -> bool:
    """Two organisation rules read one model ORG from both ends and overlap inside it ("World Bureau" + "Bureau of
    Metal Statistics" in "the World Bureau of Metal Statistics"): the model's span is the whole name."""
    if model.label_ != "ORG" or len(rules) < MIN_OVERLAPPING_READINGS or any(rule.label_ != "ORG" for rule in rules):
        return False
    ordered = sorted(rules, key=lambda rule: rule.start)
    return (ordered[0].start == model.start and max(rule.end for rule in rules) == model.end
            and all(first.end > second.start for first, second in zip(ordered, ordered[1:], strict=False)))


def _name_cut_short(model: Span, rules: list[Span], not_name_tails: frozenset[str], headline: Set[int]) -> Span | None:
    """One organisation rule reads the start of a model ORG and stops at its body word ("Compañía Minera" in
    "Compañía Minera Antamina", "Norvik Mining" in "Norvik Mining Private"): the model's capitalised words after it
    end the name, unless one is a title, a site word or an outlet's or report's head ("Norvik Mining Chief", "X
    Mining Operations", "SMM News": ``not_name_tails``), and not on a headline line ("... Pentagon Contract", where a
    capitalised word proves nothing). Returns the model's extent under the rule's label, or None."""
    if model.label_ not in NAME_LABELS or len(rules) != 1:
        return None
    rule = rules[0]
    if rule.label_ not in NAME_LABELS or rule.start != model.start or rule.end >= model.end or model.start in headline:
        return None
    tail = model.doc[rule.end : model.end]
    if not all(token.is_alpha and token.is_title and token.lower_ not in not_name_tails for token in tail):
        return None
    doc = model.doc
    if model.end < len(doc) and not doc[model.end - 1].whitespace_ and doc[model.end].text in COMPOUND_HYPHENS:
        return None  # "Orvane Holdings Co-founder": the last word is the first part of a compound
    return Span(model.doc, model.start, model.end, label=rule.label_)


def _dash_after_rule(model: Span, rules: list[Span]) -> bool:
    """"LIMA - Protesters blocked ...": a dash standing free right after a rule hit inside a model name parts a
    dateline's place from the story's first word; no name holds the two."""
    doc = model.doc
    return any(rule.end < model.end and doc[rule.end].text in SPACED_DASHES and doc[rule.end - 1].whitespace_
               for rule in rules)


def _place_surname(model: Span, rules: list[Span]) -> bool:
    """"Anton Berlin", "Ricardo Lima" (issue 13): a model PERSON of two or three words whose only rule hit is a
    one-word place closing it; the place is the family name, the given names before it no rule knows."""
    if model.label_ != "PERSON" or len(rules) != 1 or not 2 <= len(model) <= MAX_PERSON_WORDS:
        return False
    place = rules[0]
    return (place.label_ == "GPE" and len(place) == 1 and place.end == model.end
            and all(token.is_title and token.is_alpha for token in model))


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
