"""The statistical model's entities, trimmed and mapped to SPEC labels before the merge with rule hits."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from pipeline.components.entities.headlines import strict_headline_name
from pipeline.components.entities.labels_map import MODEL_TO_SPEC_LABEL, NAME_LABELS
from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables

TRAILING_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# "Minister of Trade" names a portfolio, not an organisation.
PORTFOLIO_HOLDERS = frozenset({"minister", "secretary", "ministers"})


def model_spans(view: BlockView, tables: EntityTables, *, ents: Iterable[Span] | None = None) -> list[Span]:
    """The model's name entities: leading articles, section numbers, numbers and trailing possessives and
    punctuation trimmed; dropped when lower case, across a line break, a portfolio, only commodity words, or
    (on a headline line) not a strict headline name. ``ents``: ``doc.ents`` when the caller already read them
    (spaCy builds every span again on each access)."""
    doc = view.doc
    cues = tables.cues
    spans: list[Span] = []
    for ent in doc.ents if ents is None else ents:
        label = MODEL_TO_SPEC_LABEL.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start, ent.end
        while start < end and (
            doc[start].lower_ in cues.leading_words
            or doc[start].is_punct
            or doc[start].is_space
            or doc[start].text.rstrip(".").lower() in cues.section_numbers
            and doc[start].is_upper
            or doc[start].like_num
            or doc[start].text in cues.leading_prepositions and end - start > 1
        ):
            start += 1
        while end > start and (
            doc[end - 1].tag_ == "POS"
            or doc[end - 1].text in TRAILING_POSSESSIVES
            or doc[end - 1].is_punct
            or doc[end - 1].is_space
        ):
            end -= 1
        if end <= start:
            continue
        if label in {"ORG", "PERSON"} and is_place_name(doc, start, end, label, tables):
            label = "GPE"
        span = Span(doc, start, end, label=label)
        if (
            label == "ORG"
            and start >= 2
            and doc[start - 1].lower_ in {"of", "for"}
            and doc[start - 2].lower_ in PORTFOLIO_HOLDERS
        ):
            continue
        if "\n" in span.text or not any(token.is_alpha for token in span):
            continue
        if all(token.is_lower or not token.is_alpha for token in span):
            continue
        if start in view.headline and not strict_headline_name(span, tables):
            continue
        if label in NAME_LABELS and all(t.lower_ in tables.commodity_words or t.is_punct for t in span):
            continue
        spans.append(span)
    return spans


def is_place_name(doc: Doc, start: int, end: int, label: str, tables: EntityTables) -> bool:
    """A model ORG/PERSON that is a town: "in Poços de Caldas, Minas Gerais".

    Needs a locative word before it and either a Romance connector inside ("Poços de Caldas", ORG only:
    "Lula da Silva" stays a person) or ", <state or country>" after it; no organisation word in the name.
    """
    cues = tables.cues
    if start == 0 or doc[start - 1].lower_ not in cues.locative_words:
        return False
    words = doc[start:end]
    if any(t.lower_ in cues.org_name_words or t.text in tables.org_suffix_words or t.is_digit for t in words):
        return False
    if any(not (t.is_title or t.lower_ in cues.place_connectors) for t in words):
        return False
    inner = [t for t in words[1:-1] if t.lower_ in cues.place_connectors]
    if inner and label == "ORG":
        return True
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for width in (2, 1):
        region = doc[end + 1 : end + 1 + width]
        entry = tables.gazetteer.get(region.text)
        if len(region) == width and entry is not None and entry.label == "GPE" and entry.kb_id:
            after = doc[region.end] if region.end < len(doc) else None
            return after is None or after.text not in {"'s", "’s"}
    return False
