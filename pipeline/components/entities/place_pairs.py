"""Two towns joined by "and" that the model read as one organisation ("between Arlen and Bexley, Arizona", "the Arlen
and Bexley public libraries"): two places, each a GPE with its code (issue 13, round 15, second part).

Twenty-first session (read dev rn605, rn741): after a plural settlement word and "of" ("the towns of Arlen & Bexley")
both parts are towns even where no table knows them; and a known place joined to a company name the model read
with it ("by Brevik Labs in Norway and Kestrel Holdings Limited signing ...") is the place and the company: the part
that is no known place takes the ORG when its last word closes an organisation's name (``org_suffix_words``:
"Limited", "Holdings", "Agency")."""

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
    """The two parts of "<place> and <place>" (two GPEs with their names and codes) or "<place> and <company>" (a GPE
    and an ORG, either order), or None when a part is neither a known place or town nor, beside one, a company."""
    joiners = [token.i for token in span if token.lower_ in PAIR_JOINERS]
    if len(joiners) != 1 or joiners[0] in (span.start, span.end - 1):
        return None
    doc = span.doc
    named_towns = _after_settlements(span, tables)
    halves = (Span(doc, span.start, joiners[0]), Span(doc, joiners[0] + 1, span.end))
    places = [_place(half, tables, named_towns) for half in halves]
    if all(place is None for place in places):
        return None
    parts: list[tuple[Span, EntityInfo]] = []
    for half, place in zip(halves, places, strict=True):
        if place is not None:
            parts.append((Span(doc, half.start, half.end, label="GPE"), place))
        elif len(half) > 1 and half[-1].text in tables.org_suffix_words:
            parts.append((Span(doc, half.start, half.end, label="ORG"),
                          EntityInfo(normalized=clean_name(half.text), kb_id=None, commodity=None)))
        else:
            return None
    return parts


def _place(half: Span, tables: EntityTables, named_towns: bool) -> EntityInfo | None:
    """The place ``half`` names, from the gazetteer or the town table, or as written when the text calls it a town."""
    name = clean_name(half.text)
    entry = tables.gazetteer.get(name)
    if entry is not None and entry.label == "GPE":
        return EntityInfo(normalized=entry.normalized, kb_id=entry.kb_id, commodity=None)
    if name in tables.towns or named_towns and all(token.is_title for token in half):
        return EntityInfo(normalized=name, kb_id=tables.towns.get(name), commodity=None)
    return None


def _after_settlements(span: Span, tables: EntityTables) -> bool:
    """"the towns of X and Y": a plural settlement word and "of" right before the span."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    word = doc[span.start - 2].lower_
    return word.endswith("s") and word[:-1] in tables.cues.settlement_heads or word == "cities"
