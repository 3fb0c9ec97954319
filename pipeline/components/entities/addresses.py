"""Address chains of news copy (issue 13, entities round 8): "located in Mentok, Bangka Belitung, Indonesia".

Copy places a site by a chain of places from the smallest to the largest, joined by commas: a placing word, a town,
its region, its country. A name the model reads as a PERSON in the middle of such a chain, closed by a place the
gazetteer knows, is a place itself (``names.placed_person`` relabels it a GPE).
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.resources.entities import EntityTables

# Most title-case words of the place that opens an address chain, and of the known place that closes it.
MAX_CHAIN_WORDS = 3
# What may close an address chain: the sentence or clause goes on ("Indonesia's minister" is no address).
CHAIN_ENDS = frozenset({",", ".", ";", ")", "\n"})


def address_middle(span: Span, tables: EntityTables) -> bool:
    """"in Mentok, X, Indonesia": the span stands between commas after a placed title-case name, before a GPE the
    gazetteer knows (a country or state) that closes the chain (punctuation after it)."""
    doc = span.doc
    if span.start < 3 or span.end + 1 >= len(doc) or doc[span.start - 1].text != "," or doc[span.end].text != ",":
        return False
    i = span.start - 2
    while i >= 0 and span.start - 2 - i < MAX_CHAIN_WORDS and doc[i].is_title and doc[i].is_alpha:
        i -= 1
    if i == span.start - 2 or i < 0 or doc[i].lower_ not in tables.cues.placing_words:
        return False
    for size in range(1, MAX_CHAIN_WORDS + 1):
        end = span.end + 1 + size
        known = tables.gazetteer.get(doc[span.end + 1 : end].text) if end <= len(doc) else None
        if known is not None and known.label == "GPE":
            return end == len(doc) or doc[end].text in CHAIN_ENDS
    return False
