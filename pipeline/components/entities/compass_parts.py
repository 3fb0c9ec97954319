"""Parts of a continent written with a lower-case compass adjective ("western Europe", "southern Africa"): one LOC
with the adjective, as the gold writes it, and "America" listed among continents ("Europe, America and Asia") is the
continent, a LOC, not the United States (issue 13, round 15, second part)."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo
from pipeline.text.commodity import clean_name

# Words joining the members of a list of places.
LIST_JOINERS = frozenset({",", "and", "or", "&"})


def compass_parts(view: BlockView, spans: list[Span], tables: EntityTables) -> list[Span]:
    """``spans`` with each continent LOC after a lower-case compass adjective grown over it, and "America" in a
    list of continents read as the continent."""
    doc = view.doc
    compass = {word.lower() for word in tables.cues.compass_words}
    continents = {span.start for span in spans if _continent(span, tables)}
    out: list[Span] = []
    for span in spans:
        before = doc[span.start - 1] if span.start > 0 else None
        if span.start in continents and before is not None and before.is_lower and before.lower_ in compass:
            span = Span(doc, span.start - 1, span.end, label="LOC")
            view.note(span, EntityInfo(normalized=span.text, kb_id=None, commodity=None))
        elif span.text == "America" and _listed_with(span, continents):
            span = Span(doc, span.start, span.end, label="LOC")
            view.note(span, EntityInfo(normalized="America", kb_id=None, commodity=None))
        out.append(span)
    return out


def _continent(span: Span, tables: EntityTables) -> bool:
    entry = tables.gazetteer.get(clean_name(span.text))
    return span.label_ == "LOC" and entry is not None and entry.label == "LOC" and len(span) == 1


def _listed_with(span: Span, continents: set[int]) -> bool:
    """A continent stands one list joiner before or after the span ("Europe, America and Asia")."""
    doc = span.doc
    before = span.start >= 2 and doc[span.start - 1].text in LIST_JOINERS and span.start - 2 in continents
    after = span.end + 1 < len(doc) and doc[span.end].text in LIST_JOINERS and span.end + 1 in continents
    return bool(before or after)
