"""Two towns joined by "and" that the model read as one organisation ("between Arlen and Bexley, Arizona", "the Arlen
and Bexley public libraries"): two places, each a GPE with its code (issue 13, round 15, second part)."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo
from pipeline.text.commodity import clean_name

PAIR_JOINERS = frozenset({"and", "&"})


def place_pairs(view: BlockView, spans: list[Span], tables: EntityTables) -> list[Span]:
    """``spans`` with each ORG made of two known places and one joiner parted into the two GPEs."""
    out: list[Span] = []
    for span in spans:
        parts = _pair(span, tables) if span.label_ == "ORG" else None
        if parts is None:
            out.append(span)
            continue
        for part, info in parts:
            view.note(part, info)
            out.append(part)
    return out


def _pair(span: Span, tables: EntityTables) -> list[tuple[Span, EntityInfo]] | None:
    """The two GPE parts of "<place> and <place>" with their names and codes, or None when a part is no known place
    or town."""
    joiners = [token.i for token in span if token.lower_ in PAIR_JOINERS]
    if len(joiners) != 1 or joiners[0] in (span.start, span.end - 1):
        return None
    doc = span.doc
    parts: list[tuple[Span, EntityInfo]] = []
    for part in (Span(doc, span.start, joiners[0], label="GPE"), Span(doc, joiners[0] + 1, span.end, label="GPE")):
        name = clean_name(part.text)
        entry = tables.gazetteer.get(name)
        if not (entry is not None and entry.label == "GPE" or name in tables.towns):
            return None
        info = (EntityInfo(normalized=entry.normalized, kb_id=entry.kb_id, commodity=None) if entry is not None
                else EntityInfo(normalized=name, kb_id=tables.towns.get(name), commodity=None))
        parts.append((part, info))
    return parts
