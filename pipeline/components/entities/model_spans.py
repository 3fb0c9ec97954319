"""The statistical model's entities, trimmed and mapped to SPEC labels before the merge with rule hits."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from pipeline.components.entities.headlines import strict_headline_name
from pipeline.components.entities.labels_map import MODEL_TO_SPEC_LABEL, NAME_LABELS
from pipeline.components.entities.view import BlockView, glued_hyphen
from pipeline.resources.entities import EntityTables

TRAILING_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# The ending of the participle in a compound adjective built on a name ("Gates-backed", "state-owned").
PARTICIPLE_ENDING = "ed"
# "Minister of Trade" names a portfolio, not an organisation.
PORTFOLIO_HOLDERS = frozenset({"minister", "secretary", "ministers"})


def model_spans(view: BlockView, tables: EntityTables, *, ents: Iterable[Span] | None = None) -> list[Span]:
    """The model's name entities: leading articles, section numbers, numbers and trailing possessives and
    punctuation trimmed; dropped when lower case, across a line break, a portfolio, only commodity words, or
    (on a headline line) not a strict headline name. ``ents``: ``doc.ents`` when the caller already read them
    (spaCy builds every span again on each access)."""
    doc = view.doc
    cues = tables.cues
    tokens = view.tokens
    texts, lowers, tags = tokens.texts, tokens.lowers, tokens.tags
    punct, space, alpha, lower = tokens.punct, tokens.space, tokens.alpha, tokens.lower
    spans: list[Span] = []
    for ent in doc.ents if ents is None else ents:
        label = MODEL_TO_SPEC_LABEL.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start, ent.end
        while start < end and (
            lowers[start] in cues.leading_words
            or punct[start]
            or space[start]
            or texts[start].rstrip(".").lower() in cues.section_numbers
            and tokens.upper[start]
            or tokens.like_num[start]
            or texts[start] in cues.leading_prepositions and end - start > 1
        ):
            start += 1
        end = _before_open_bracket(texts, start, end)
        while end > start and (
            tags[end - 1] == "POS"
            or texts[end - 1] in TRAILING_POSSESSIVES
            or punct[end - 1]
            or space[end - 1]
        ):
            end -= 1
        while end - start > 2 and _glued_participle(view, end):
            end -= 2  # "a Bill Gates-backed startup": the name is "Bill Gates"
        if label == "ORG":
            end = _before_title_words(view, start, end, tables)
        if end <= start:
            continue
        if label in {"ORG", "PERSON"} and is_place_name(view, start, end, label, tables):
            label = "GPE"
        if (
            label == "ORG"
            and start >= 2
            and lowers[start - 1] in {"of", "for"}
            and lowers[start - 2] in PORTFOLIO_HOLDERS
        ):
            continue
        words = range(start, end)
        if "\n" in tokens.span_text(start, end) or not any(alpha[i] for i in words):
            continue
        if all(lower[i] or not alpha[i] for i in words):
            continue
        span = Span(doc, start, end, label=label)
        if start in view.headline and not strict_headline_name(span, tables):
            continue
        if label in NAME_LABELS and all(lowers[i] in tables.commodity_words or punct[i] for i in words):
            continue
        spans.append(span)
    return spans


def _before_open_bracket(texts: list[str], start: int, end: int) -> int:
    """Where a name ends that runs into a bracket it does not close: "KfW (Germany), Bpifrance (France)" gives the
    model "KfW (Germany"; the bracket's content is another fact (the lender's country), not part of the name."""
    for index in range(end - 1, start, -1):
        if texts[index] == ")":
            return end
        if texts[index] == "(":
            return index
    return end


def _before_title_words(view: BlockView, start: int, end: int, tables: EntityTables) -> int:
    """Where an ORG ends when its last words open a person's job title ("EPA Regional" + "Administrator Name",
    "X Independent Nonexecutive" + "Chair Name"): title-case ``job_title_words`` before a title-case person title."""
    tokens = view.tokens
    cues = tables.cues
    if end >= len(tokens.texts) or not tokens.title[end] or tokens.lowers[end] not in cues.person_titles:
        return end
    while end - start > 1 and tokens.title[end - 1] and tokens.lowers[end - 1] in cues.job_title_words:
        end -= 1
    return end


def _glued_participle(view: BlockView, end: int) -> bool:
    """The span ends in a hyphen and a lower-case past participle glued to the name ("Gates-backed", "Perth-based"):
    a compound adjective built on the name, whose last part is no part of it."""
    tokens = view.tokens
    return (glued_hyphen(view.doc, end - 2) and tokens.lower[end - 1] and tokens.alpha[end - 1]
            and tokens.lowers[end - 1].endswith(PARTICIPLE_ENDING))  # not a given name's syllable ("Min-jun")


def is_place_name(view: BlockView, start: int, end: int, label: str, tables: EntityTables) -> bool:
    """A model ORG/PERSON that is a town: "in Poços de Caldas, Minas Gerais".

    Needs a locative word or a bearing and "of" ("west of") before it and either a Romance connector inside ("Poços
    de Caldas", ORG only: "Lula da Silva" stays a person) or ", <state or country>" after it; no organisation word in
    the name.
    """
    cues = tables.cues
    tokens = view.tokens
    texts, lowers = tokens.texts, tokens.lowers
    bearing = start > 1 and lowers[start - 1] == "of" and lowers[start - 2] in cues.bearing_words  # "west of X, <state>"
    if start == 0 or lowers[start - 1] not in cues.locative_words and not bearing:
        return False
    words = range(start, end)
    if any(lowers[i] in cues.org_name_words or texts[i] in tables.org_suffix_words or tokens.digit[i] for i in words):
        return False
    if any(not (tokens.title[i] or lowers[i] in cues.place_connectors) for i in words):
        return False
    inner = [i for i in words[1:-1] if lowers[i] in cues.place_connectors]
    if inner and label == "ORG":
        return True
    size = len(texts)
    if end + 1 >= size or texts[end] != ",":
        return False
    for width in (2, 1):
        region_end = min(end + 1 + width, size)
        entry = tables.gazetteer.get(tokens.span_text(end + 1, region_end))
        if region_end - (end + 1) == width and entry is not None and entry.label == "GPE" and entry.kb_id:
            return region_end >= size or texts[region_end] not in {"'s", "’s"}
    return False
