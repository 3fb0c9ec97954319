"""Names the annotation guide gives no class (applied by ``refine``): storms, ships and occasions.

Market news about a supply disruption names the storm that caused it and the ships that carry the cargo. Storms
bear given names ("Cyclone X") and ships are named after people and places, so the model reads them as persons,
places or companies; docs/annotation.md annotates neither, and a record for them is a false PERSON or ORG.

- a storm: a title-case ``weather_heads`` word opening the name ("Cyclone X", "Hurricane X"); a company
  named after a storm keeps its name ("Cyclone Metals Ltd": a legal form or company word closes it);
- a ship: a name right after a ``vessel_nouns`` word, an optional comma and "the" between ("a second vessel, the
  X, will load ...", "the bulk carrier X").
- an occasion (issue 13, entities round en9): a summit, conference or trade fair is named by a title-case run that
  an ``occasion_heads`` word closes ("the Africa Mining Indaba", "CII's India Mining Summit", "India International
  Trade Fair 2023", "the US Africa Leaders' Summit"); the places and organisations inside that title are the
  occasion's name, not mentions (the dev gold drops them). A head with "on"/"of" after it names a body ("Conference
  on Trade and Development"), and headline lines, where every word is title case, are left alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.components.entities.headlines import CALENDAR_WORDS
from pipeline.resources.entities import EntityTables

# Labels the model gives a storm's or ship's name.
UNCLASSED_MISREADS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FACILITY"})
# What may stand between a vessel noun and the ship's name.
VESSEL_GAP = frozenset({",", "the", "named", "called"})
MAX_VESSEL_GAP = 2
# What may stand inside an occasion's title besides title-case words and numbers ("Leaders' Summit", "Trade & Tech");
# a possessive ends it ("CII's India Mining Summit": the organiser stays).
APOSTROPHES = frozenset({"'", "’"})
OCCASION_JOINERS = APOSTROPHES | {"&", "-"}
# A body's complement after the head ("Conference on Trade and Development"): an organisation, no occasion.
BODY_COMPLEMENTS = frozenset({"on", "of", "for"})
MAX_OCCASION_WORDS = 6
YEAR_DIGITS = 4  # an edition's year after its title ("X Forum 2024")


def unclassed_name(span: Span, tables: EntityTables) -> bool:
    """The span names a storm or a ship (see the module's docstring)."""
    if span.label_ not in UNCLASSED_MISREADS:
        return False
    return _storm(span, tables) or _ship(span, tables)


def _storm(span: Span, tables: EntityTables) -> bool:
    if len(span) < 2 or span[0].text not in tables.cues.weather_heads:
        return False
    last = span[-1].text
    return last not in tables.org_suffix_words and last.lower() not in tables.commodity_words


def _ship(span: Span, tables: EntityTables) -> bool:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - 1 - i < MAX_VESSEL_GAP and doc[i].lower_ in VESSEL_GAP:
        i -= 1
    return i >= 0 and doc[i].lower_ in tables.cues.vessel_nouns


def occasion_name(span: Span, headline: bool, tables: EntityTables) -> bool:
    """The span is part of an occasion's title (see the module's docstring); ``headline``: it is on a headline
    line."""
    if span.label_ not in UNCLASSED_MISREADS or headline:
        return False
    doc = span.doc
    inner = [token.i for token in span[1:] if _closes_occasion(doc, token.i, span.start, tables)]
    if inner:
        return not _body_complement(doc, inner[0])
    i = span.end
    if i < len(doc) and doc[i].text in APOSTROPHES:
        return False  # "Kestrel Metals' Copper Summit": the organiser, named before its possessive
    while i < len(doc) and i - span.end <= MAX_OCCASION_WORDS:
        token = doc[i]
        if _closes_occasion(doc, i, span.start, tables):
            return not _body_complement(doc, i)
        if not (token.is_title or token.is_upper and token.is_alpha or token.like_num or token.text in OCCASION_JOINERS):
            return False
        i += 1
    return False


def _closes_occasion(doc: Doc, head: int, start: int, tables: EntityTables) -> bool:
    """Token ``head`` closes an occasion's title that opens at ``start``: an ``occasion_heads`` word, or an
    ``edition_heads`` word ("Forum", also a standing body's name: "the X Industry Forum's chairman") with a sign of
    one edition: a year right after it ("X Forum 2024") or an ``edition_words`` word before the title ("the
    inaugural X Forum")."""
    cues = tables.cues
    word = doc[head].text
    if word in cues.occasion_heads:
        return True
    if word not in cues.edition_heads:
        return False
    after = doc[head + 1] if head + 1 < len(doc) else None
    if after is not None and after.like_num and len(after.text) == YEAR_DIGITS:
        return True
    return start > 0 and doc[start - 1].lower_ in cues.edition_words


def _body_complement(doc: Doc, head: int) -> bool:
    """"Conference on Trade and Development": a title-case complement after the head (no day or month: "Summit on
    Tuesday")."""
    if head + 2 >= len(doc) or doc[head + 1].lower_ not in BODY_COMPLEMENTS:
        return False
    name = doc[head + 2]
    return name.is_title and name.lower_ not in CALENDAR_WORDS
