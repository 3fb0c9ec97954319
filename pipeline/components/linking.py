"""The ``orewire_entity_linker`` component: the extractor's entity linking, applied to one Doc.

``Extractor`` links the entity records of a whole article (``pipeline.article.linking``). A user who
adds orewire's stages to their own ``nlp`` gets the same decisions on a one-block text by adding this
component after ``orewire_entities``: abbreviations the text defines, short forms of full names and
bare body words take the full name's ``normalized`` (and label) in ``span._.orewire_entity``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.article.linking import link_decisions
from pipeline.components.base import block_text
from pipeline.schema import extensions  # noqa: F401  (registers the Doc and Span extensions)
from pipeline.schema.annotations import EntityInfo
from pipeline.schema.labels import ENTITY_EXTENSION

ENTITY_LINKER_FACTORY = "orewire_entity_linker"


@dataclass(frozen=True)
class SpanMention:
    """An entity span's values, as linking reads them (the fields of an entity record)."""

    text: str
    start: int
    end: int
    label: str
    normalized: str
    kb_id: str | None
    commodity: Any


class EntityLinker:
    """Applies ``link_decisions`` to the Doc's entities; spans without ``span._.orewire_entity`` are left alone."""

    def __init__(self, nlp: Language, name: str = ENTITY_LINKER_FACTORY) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = block_text(doc)
        ents = list(doc.ents)
        linked = [ent for ent in ents if ent._.get(ENTITY_EXTENSION) is not None]
        mentions = [_mention(ent, text) for ent in linked]
        updates = {(ent.start, ent.end): update for ent, update in zip(linked, link_decisions(mentions, text), strict=True)}
        if not any(updates.values()):
            return doc
        result: list[Span] = []
        infos: list[EntityInfo | None] = []
        for ent in ents:
            update = updates.get((ent.start, ent.end))
            info: EntityInfo | None = ent._.get(ENTITY_EXTENSION)
            if update and info is not None:
                info = EntityInfo(
                    normalized=update.get("normalized", info["normalized"]),
                    kb_id=update.get("kb_id", info["kb_id"]),
                    commodity=update.get("commodity", info["commodity"]),
                )
                ent = Span(doc, ent.start, ent.end, label=update.get("label", ent.label_))
            result.append(ent)
            infos.append(info)
        doc.ents = result
        # a span's extension values are keyed by its label: set them on the spans ``doc.ents`` now holds
        for ent, info in zip(doc.ents, infos, strict=True):
            ent._.set(ENTITY_EXTENSION, info)
        return doc


def _mention(ent: Span, text: str) -> SpanMention:
    info: EntityInfo = ent._.get(ENTITY_EXTENSION)
    return SpanMention(
        text=text[ent.start_char : ent.end_char],
        start=ent.start_char,
        end=ent.end_char,
        label=ent.label_,
        normalized=info["normalized"],
        kb_id=info["kb_id"],
        commodity=info["commodity"],
    )


@Language.factory(
    ENTITY_LINKER_FACTORY,
    default_config={},
    assigns=["doc.ents", "span._.orewire_entity"],
    requires=["doc.ents", "span._.orewire_entity"],
)
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    """The Doc-level entity linker (no options: its rules are the extractor's)."""
    return EntityLinker(nlp, name)
