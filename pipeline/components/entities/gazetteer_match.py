"""Gazetteer hits: known surface forms, all-caps dateline places, and country words next to a name."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.components.entities.view import BlockView, line_break
from pipeline.resources.entities import EntityTables, GazetteerEntry
from pipeline.schema.annotations import EntityInfo
from pipeline.text.commodity import POSSESSIVE_CLITICS


def gazetteer_spans(view: BlockView, phrases: PhraseMatcher, gazetteer: dict[str, GazetteerEntry]) -> list[Span]:
    """Every exact (case-sensitive) gazetteer surface in the block, labelled and normalised by its entry."""
    doc = view.doc
    spans: list[Span] = []
    span_text = view.tokens.span_text
    for _, start, end in phrases(doc):
        entry = gazetteer.get(span_text(start, end))
        if entry is None:
            continue
        labelled = Span(doc, start, end, label=entry.label)
        view.note(labelled, EntityInfo(normalized=entry.normalized, kb_id=entry.kb_id, commodity=None))
        spans.append(labelled)
    return spans


DATELINE_DASHES = frozenset({"-", "–", "—", ",", "/", "("})


def shouted_places(
    view: BlockView, gazetteer: dict[str, GazetteerEntry], towns: dict[str, str | None] | None = None
) -> list[Span]:
    """All-caps place names in datelines ("BRUSSELS -", "NEW DELHI/TOKYO", "WASHINGTON, D.C.:").

    A town of ``towns`` ("NATCHEZ —") counts only at the start of a line, before a dash or comma.
    """
    doc = view.doc
    spans: list[Span] = []
    texts = view.tokens.texts
    for i, upper in enumerate(view.tokens.upper):
        if not upper or len(texts[i]) < 3:
            continue
        for width in (2, 1):
            window = doc[i : i + width]
            if len(window) < width or not all(t.is_upper and t.is_alpha and len(t) > 2 for t in window):
                continue
            entry = gazetteer.get(window.text.title())
            if entry is None and towns and window.text.title() in towns and _dateline_start(window):
                entry = GazetteerEntry("GPE", towns[window.text.title()], window.text.title())
            if entry is not None and entry.label == "GPE" and window.text not in gazetteer:
                end = window.end
                qualified = f"{window.text.title()}, {texts[end + 1]}" if end + 1 < len(doc) and texts[end] == "," else ""
                if qualified in gazetteer:
                    entry, end = gazetteer[qualified], end + 2  # "WASHINGTON, D.C.": the city with its district
                span = Span(doc, window.start, end, label="GPE")
                spans.append(span)
                view.note(span, EntityInfo(normalized=entry.normalized, kb_id=entry.kb_id, commodity=None))
                break
    return spans


def _dateline_start(window: Span) -> bool:
    """The words open a line (or the block) and a dash, comma or slash follows: "NATCHEZ —", "PERTH, Australia"."""
    doc = window.doc
    opens = window.start == 0 or line_break(doc[window.start - 1])
    return opens and window.end < len(doc) and doc[window.end].text in DATELINE_DASHES


def country_before(span: Span, tables: EntityTables) -> str | None:
    """The country code of "Brazil's" / "Brazilian" right before ``span`` (skipping "the"), else None."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].text in POSSESSIVE_CLITICS:
        i -= 1
    if i < 0:
        return None
    entry = tables.gazetteer.get(doc[i].text)
    if entry is None or entry.label not in {"GPE", "NORP"} or not entry.kb_id:
        return None
    return entry.kb_id.split("-")[0]


def country_suffix_end(doc: Doc, end: int, gazetteer: dict[str, GazetteerEntry]) -> int:
    """'Toyotsu Rare Earths' + 'India' -> the country is part of the company name (a national unit).

    Only when the country closes the name: punctuation, a lower-case word or the end of the block follows
    (not a possessive, not a further capitalised word).
    """
    for width in (2, 1):
        if end + width > len(doc):
            continue
        country = doc[end : end + width]
        entry = gazetteer.get(country.text)
        if entry is None or entry.label != "GPE" or not entry.kb_id or "-" in entry.kb_id:
            continue
        if any(not token.is_title for token in country):
            continue
        after = doc[end + width] if end + width < len(doc) else None
        if after is None or (after.is_punct and after.text not in {"'", "’"}) or (after.is_alpha and after.is_lower):
            return end + width
    return end
