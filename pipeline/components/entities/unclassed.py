"""Names the annotation guide gives no class (applied by ``refine``): storms and ships.

Market news about a supply disruption names the storm that caused it and the ships that carry the cargo. Storms
bear given names ("Cyclone X") and ships are named after people and places, so the model reads them as persons,
places or companies; docs/annotation.md annotates neither, and a record for them is a false PERSON or ORG.

- a storm: a title-case ``weather_heads`` word opening the name ("Cyclone X", "Hurricane X"); a company
  named after a storm keeps its name ("Cyclone Metals Ltd": a legal form or company word closes it);
- a ship: a name right after a ``vessel_nouns`` word, an optional comma and "the" between ("a second vessel, the
  X, will load ...", "the bulk carrier X").
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.resources.entities import EntityTables

# Labels the model gives a storm's or ship's name.
UNCLASSED_MISREADS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FACILITY"})
# What may stand between a vessel noun and the ship's name.
VESSEL_GAP = frozenset({",", "the", "named", "called"})
MAX_VESSEL_GAP = 2


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
