"""Places only the statistical model reads need a place cue (issue 13, entities, nineteenth session).

The model tags many capitalised words GPE that are no place: a company after "to" or after a dateline's dash
("deliver to X", "LONDON--X Energia"), a person after "according to", a currency after an amount ("billion Naira"),
a menu word ("About Us"), a keyword in a listing bracket ("(GDR)"). A place no table knows is introduced as one: a
locative word before it ("in", "near", "across": ``locative_words``, ``literal_place_before``), "of" after a
division, settlement or region word or a bearing ("the province of X", "north of X"), a division or settlement word
closing it ("X County"), a comma list of places ("A, B, C in Hunan", "X Regency, Y Province"), or a dateline at a
line's start ("QUÉBEC CITY, May 30"). A GPE mention only the model gives (no rule span with its bounds and label),
that neither the gazetteer nor the town table knows and that has none of these cues, is marked
(``doc.spans[UNCUED_MODEL_PLACE_GROUP]``); the article drops a GPE group all of whose mentions are marked
(``pipeline/article/unsupported_orgs.py``): linking may still give the name another label.

Measured on the read dev half (rn01-rn688, 153 cached dev texts; ``benchmarks/entity_precision.py`` records): of the
35 GPE groups only the model gives that no table knows, the 10 without a cue (9 articles) were all wrong and the 25
with one were right 14 times; the article pass drops 8 of the 10 (the other two keep a mention linking supports).
"""

from __future__ import annotations

from collections.abc import Iterable, Set

from spacy.tokens import Span

from pipeline.components.entities.view import WORD_HYPHENS, BlockView, line_break
from pipeline.resources.entities import EntityTables
from pipeline.text.commodity import clean_name

# What follows a dateline's place at the start of a line ("QUÉBEC CITY, May 30", "LONDON--", "SANTIAGO —").
DATELINE_MARKS = frozenset({",", "--", "—", "–", *WORD_HYPHENS})
SKIPPED_BEFORE = frozenset({"the"})  # "in the X region": the word before the article is the cue


def uncued_model_places(spans: Iterable[Span], view: BlockView, modelled: Set[tuple[int, int, str]],
                        ruled: Set[tuple[int, int, str]], tables: EntityTables) -> list[Span]:
    """The GPE ``spans`` only the model gives (in ``modelled``, not in ``ruled``) that no table knows and nothing
    around marks as a place (module docstring)."""
    return [span for span in spans
            if span.label_ == "GPE" and (key := (span.start, span.end, span.label_)) in modelled and key not in ruled
            and not _known(span, view, tables) and not place_cue(span, view, tables)]


def _known(span: Span, view: BlockView, tables: EntityTables) -> bool:
    name = clean_name(view.tokens.span_text(span.start, span.end))
    return name in tables.gazetteer or name in tables.towns


def place_cue(span: Span, view: BlockView, tables: EntityTables) -> bool:
    """Whether a locative word, an "of" after a place word, a closing division word, a comma list or a dateline's
    position marks ``span`` as a place."""
    doc = span.doc
    cues = tables.cues
    lowers = view.tokens.lowers
    place_words = cues.division_heads | cues.settlement_heads | cues.region_heads
    if lowers[span.end - 1] in cues.division_heads | cues.settlement_heads:
        return True
    before = span.start - 1
    while before >= 0 and lowers[before] in SKIPPED_BEFORE:
        before -= 1
    if before >= 0:
        word = lowers[before]
        if word in cues.locative_words | cues.literal_place_before or word == ",":
            return True
        if word == "of" and before > 0 and lowers[before - 1] in place_words | cues.bearing_words:
            return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].is_title:
        return True
    at_line_start = span.start == 0 or line_break(doc[span.start - 1])
    return at_line_start and after is not None and after.text in DATELINE_MARKS
