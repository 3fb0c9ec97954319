"""Sites the news names without a head word ("output at Greenbushes rose", "Cigar Lake restarted"): the names of
``known_sites.jsonl`` (issue 13, round 15, second part).

A name the model read as a company, person, place or nationality is the site when its whole text is a listed name
(a longer name holding it stays what it is: "Rossing Uranium Ltd" is the company); a listed name no span covers is
added as the site, off headline lines (entity linking finds a body's site again there). Only names no place table
knows are listed, so a town keeps its town reading; a listed name before a division or settlement word ("the Balama
district") is that place, not its mine, and a region a rule read off its feature word ("the Pastos Grandes salt
flat") stays that region.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo
from pipeline.text.commodity import clean_name

# Labels the model gives a site's bare name.
SITE_MISREADS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP"})


def known_site_spans(view: BlockView, spans: list[Span], phrases: PhraseMatcher, tables: EntityTables) -> list[Span]:
    """``spans`` with each listed site name as a FACILITY: relabelled where a span is exactly the name, added where
    no span covers it."""
    doc = view.doc
    out: list[Span] = []
    for span in spans:
        name = clean_name(span.text)
        ruled_region = span.label_ == "LOC" and (span.start, span.end, "LOC") in view.infos
        if span.label_ in SITE_MISREADS and name in tables.known_sites and not ruled_region \
                and not _place_head_after(span, tables):
            span = Span(doc, span.start, span.end, label="FACILITY")
            view.note(span, EntityInfo(normalized=name, kb_id=None, commodity=None))
        out.append(span)
    taken = {i for span in out for i in range(span.start, span.end)}
    for _, start, end in phrases(doc):
        site = Span(doc, start, end, label="FACILITY")
        if start in view.headline or any(i in taken for i in range(start, end)) or not doc[start].is_title \
                or _place_head_after(site, tables):
            continue
        view.note(site, EntityInfo(normalized=site.text, kb_id=None, commodity=None))
        out.append(site)
        taken.update(range(start, end))
    return sorted(out, key=lambda span: span.start)


def _place_head_after(span: Span, tables: EntityTables) -> bool:
    """A division, region or settlement word follows the name ("Balama district", "the Olaroz area")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    word, cues = doc[span.end].lower_, tables.cues
    return word in cues.division_heads or word in cues.region_heads or word in cues.settlement_heads
