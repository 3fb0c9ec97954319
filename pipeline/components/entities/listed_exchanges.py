"""Exchanges named in a company's listing bracket (issue 13, entities, fourteenth session).

Company releases write where the company trades in a bracket after its name: "Example Ltd (TSX: EXL) (NASDAQ:
EXLL)", "(ASX Code: EXL, OTCQB: EXLF)". The annotation guide makes a stock-exchange name an ORG wherever it is written
(docs/annotation.md, "Zones: what counts"); the gazetteer knows a few exchanges by one spelling ("Nasdaq", "TSX"), and
the model leaves the rest of the listing codes untagged ("NASDAQ", "OTCQB") or reads "ASX Code" as a law.

A ``stock_exchanges`` word of ``cue_words.json`` inside an open bracket on its line, right before the colon of a
listing, or before "Code" and that colon, is an ORG (named as the gazetteer names it, else as written); the rest of
the bracket is read by ``names.ticker``. A law name the patterns read over such an exchange ("ASX Code") is the
listing's label, no law.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo

# What may stand between the exchange and the listing's colon: "ASX Code: EXL", "ASX code: EXL".
LISTING_LABELS = frozenset({"code"})
# Tokens a listing bracket may hold before the exchange ("(TSX: EXL; NASDAQ: EXLL)").
MAX_BRACKET_TOKENS = 12


def listed_exchanges(view: BlockView, tables: EntityTables) -> list[Span]:
    """ORG spans for the exchanges of listing brackets (module docstring)."""
    tokens = view.tokens
    texts, lowers = tokens.texts, tokens.lowers
    exchanges = tables.cues.stock_exchanges
    found: list[Span] = []
    for i, text in enumerate(texts):
        if text not in exchanges or not _in_bracket(view, i):
            continue
        colon = i + 2 if i + 1 < len(texts) and lowers[i + 1] in LISTING_LABELS else i + 1
        if colon < len(texts) and texts[colon] == ":":
            span = Span(view.doc, i, i + 1, label="ORG")
            entry = tables.gazetteer.get(text)
            view.note(span, EntityInfo(normalized=entry.normalized if entry is not None and entry.label == "ORG" else text,
                                       kb_id=None, commodity=None))
            found.append(span)
    return found


def without_listing_labels(spans: list[Span], exchanges: list[Span]) -> list[Span]:
    """The rule hits without the law names read over a listed exchange ("ASX Code: EXL")."""
    taken = {span.start for span in exchanges}
    return [span for span in spans if span.label_ != "LAW" or not any(span.start <= i < span.end for i in taken)]


def _in_bracket(view: BlockView, index: int) -> bool:
    """An opening bracket stands before the token on its line, closed by none in between."""
    texts = view.tokens.texts
    for i in range(index - 1, max(index - 1 - MAX_BRACKET_TOKENS, -1), -1):
        if texts[i] == "(":
            return True
        if texts[i] == ")" or "\n" in texts[i]:
            return False
    return False
