"""Entity stage: statistical NER mapped to the SPEC labels, with normalised names.

(Initial version: the entity issue extends it with rule layers and gazetteers.)
"""

from __future__ import annotations

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .annotations import EntityInfo
from .stage import GuardedStage

MODEL_TO_SPEC_LABEL = {
    "ORG": "ORG",
    "PERSON": "PERSON",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "FAC": "FACILITY",
    "LAW": "LAW",
}


def strip_article_and_possessive(text: str) -> str:
    """'the United States's' -> 'United States'."""
    cleaned = text.strip()
    if cleaned.lower().startswith("the "):
        cleaned = cleaned[4:]
    for suffix in ("'s", "’s"):
        if cleaned.endswith(suffix):
            cleaned = cleaned[: -len(suffix)]
    return cleaned.strip()


def country_code(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


class EntityStage(GuardedStage):
    name = "orewire_entities"

    def process(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for ent in doc.ents:
            label = MODEL_TO_SPEC_LABEL.get(ent.label_)
            if label is None or "\n" in ent.text:
                continue
            span = Span(doc, ent.start, ent.end, label=label)
            while len(span) > 1 and span[-1].tag_ == "POS":
                span = Span(doc, span.start, span.end - 1, label=label)
            if len(span) > 1 and span[0].lower_ == "the":
                span = Span(doc, span.start + 1, span.end, label=label)
            spans.append(span)
        doc.ents = filter_spans(spans)
        for ent in doc.ents:
            normalized = strip_article_and_possessive(ent.text)
            kb_id = country_code(normalized) if ent.label_ == "GPE" else None
            ent._.orewire_entity = EntityInfo(normalized=normalized, kb_id=kb_id, commodity=None)
        return doc


@Language.factory(
    "orewire_entities",
    assigns=["doc.ents", "span._.orewire_entity"],
    requires=["doc.ents"],
)
def make_entity_stage(nlp: Language, name: str) -> EntityStage:
    return EntityStage()


def link_entities(records: list, text: str) -> list:
    """Document-level pass over entity records (aliases, abbreviations); identity for now."""
    return records
