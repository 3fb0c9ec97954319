"""Acronyms the model leaves untagged after a word that calls them a company (issue 13, entities round 7):
"sovereign wealth fund ADQ", "niobium producer CBMM", "battery maker CATL".

An all-capital word of two to six letters right after a ``company_cues_before`` word, untagged by the rules, on a
body line, is an ORG; the acronyms of ``not_organisations.json`` ("the company EV ...") are left alone, and so is
an acronym that opens a longer name ("consultancy RFC Ambrian": ``joins`` reads it with the name).
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables

MIN_LETTERS = 2
MAX_LETTERS = 6


def cued_acronyms(view: BlockView, tables: EntityTables, taken: set[int]) -> list[Span]:
    """ORG spans for the untagged acronyms after a company word; ``taken``: tokens of the rule hits so far."""
    tokens = view.tokens
    texts, lowers = tokens.texts, tokens.lowers
    cues = tables.cues.company_cues_before
    found: list[Span] = []
    for i in range(1, len(texts)):
        text = texts[i]
        if i in taken or i in view.headline or lowers[i - 1] not in cues or not tokens.upper[i] or not tokens.alpha[i]:
            continue
        if not MIN_LETTERS <= len(text) <= MAX_LETTERS or text in tables.not_organisations or text in tables.gazetteer:
            continue
        if i + 1 < len(texts) and tokens.title[i + 1] and tokens.whitespace[i] == " ":
            continue  # "consultancy RFC Ambrian": the acronym opens a longer name (``joins`` takes it in)
        found.append(Span(view.doc, i, i + 1, label="ORG"))
    return found
