"""A country's law written in lower case, and a law's name after "new" (issue 13, entities, thirteenth session).

News writes a country's code or law by its subject in lower case once it is clear whose it is: "Mali's mining
code", "the country's new mining code" (the Mining Code of that country; the gold names it so, the lower-case
form an alias). A ``national_law`` row of ``patterns.jsonl`` ("mining code", "mining law") holds such a phrase; it
is the law when a country's possessive or a nationality stands before it (as the ``functional_body`` rule reads
"Brazil's mines ministry"), or the possessive of a ``country_nouns`` word ("the country's"), ``law_adjectives``
allowed between ("new", "revised"). Without one ("the new mining code adopted this year") it stays out: a bare
phrase may be any country's law, or law in general. ``normalise.py`` writes the name title case.

A ``law_adjectives`` word opening a title-case law ("the New Mining Code") is the adjective, not a word of the
law's name (``normalise.short_title`` leaves it out of the name), unless it opens a place ("New Zealand ...").

Sixteenth session: a statute's numbered section that trade news names as a law of its own ("Section 232 of the Trade
Expansion Act", "Section 301 tariffs"; ``law_section`` rows, ``section_uses``) is a LAW.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.gazetteer_match import country_before
from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.text.commodity import POSSESSIVE_CLITICS

# A law's name keeps at least this many words once its opening adjective goes ("Mining Code").
MIN_LAW_WORDS = 2


def vet_national_law(span: Span, label: str, view: BlockView, tables: EntityTables) -> Span | None:
    """"Mali's mining code", "the country's new mining code": the phrase, when a country owns it."""
    doc = span.doc
    cues = tables.cues
    start = span.start
    while start > 0 and doc[start - 1].lower_ in cues.law_adjectives:
        start -= 1
    owned = country_before(Span(doc, start, span.end), tables) is not None or (
        start >= 2 and doc[start - 1].text in POSSESSIVE_CLITICS and doc[start - 2].lower_ in cues.country_nouns)
    return Span(doc, span.start, span.end, label=label) if owned else None


def without_law_adjective(name: str, tables: EntityTables) -> str:
    """A title-case law's name past an opening ``law_adjectives`` word ("New Mining Code" -> "Mining Code"); the
    name itself when there is none, when fewer than two words would be left, or when the word opens a known place
    ("New Zealand ...")."""
    first, _, rest = name.partition(" ")
    if first.lower() not in tables.cues.law_adjectives or not first.istitle() or len(rest.split()) < MIN_LAW_WORDS:
        return name
    return name if f"{first} {rest.split()[0]}" in tables.gazetteer else rest


# Tokens read after "Section 232" for "of" and the statute's head word ("of the Trade Expansion Act").
SECTION_LAW_WINDOW = 8


def vet_law_section(span: Span, label: str, view: BlockView, tables: EntityTables) -> Span | None:
    """"Section 232 of the Trade Expansion Act", "Section 301 tariffs": a statute's numbered section is a law of its
    own before "of" and a law's head word, or before a ``section_uses`` word; a section of a report or deal is none."""
    doc = span.doc
    after = [token.text for token in doc[span.end : span.end + SECTION_LAW_WINDOW]]
    of_law = bool(after) and after[0] == "of" and any(text in tables.cues.law_heads for text in after[1:])
    used = bool(after) and after[0].lower() in tables.cues.section_uses
    return Span(doc, span.start, span.end, label=label) if of_law or used else None
