"""Places the text names by their administrative division word, when the model tags nothing there (issue 13,
entities round 7): "the Balaghat district", "the Nagpur and Bhandara districts", "the Ossaro county".

The name is one to three title-case words right before a ``division_heads`` word (or its plural), after "the",
"and" or a comma; a gazetteer name that is no place, and headline lines, are left alone. ``administrative_place``
(``conventions.py``) relabels the names the model did tag; these are rule hits for the ones it missed.

Twentieth session: a first-level subdivision that pycountry lists (an ISO 3166-2 code in ``places.jsonl`` or
``towns.json``) before a lower-case division or region word is a GPE after any word ("in Sughd province", "from
Osh region"): its code says it is a place, so the opener need not ("Ministry province" is no place), and "region"
may be its head (news writes an oblast as a region); an uncoded name still needs "the" or a list.

Sixteenth session: a mining or mineral district ("the Kestrel Creek Mining District", ``mining_district`` rows of
``patterns.jsonl``) is a region without a government, a LOC with its head words, as the guide's belts and basins.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo

# Longest name taken before a division word.
MAX_NAME_WORDS = 3
OPENERS = frozenset({"the", "and", ","})
# A name word, "Mining" or "Mineral", and "District".
MIN_DISTRICT_TOKENS = 3
DISTRICT_KINDS = frozenset({"Mining", "Mineral"})


def division_names(view: BlockView, tables: EntityTables) -> list[Span]:
    """GPE spans for the untagged names before a division word (see the module's docstring)."""
    tokens = view.tokens
    lowers, title, alpha = tokens.lowers, tokens.title, tokens.alpha
    heads = tables.cues.division_heads
    coded_heads = heads | tables.cues.region_heads
    found: list[Span] = []
    for i, lower in enumerate(lowers):
        if (lower not in coded_heads and lower.removesuffix("s") not in heads) or i in view.headline or tokens.title[i]:
            continue
        start = i
        while start > 0 and i - start < MAX_NAME_WORDS and title[start - 1] and alpha[start - 1]:
            start -= 1
        start = _coded_start(start, i, view, tables) or start  # "In Sughd province": the name without "In"
        if start == i or start == 0:
            continue
        name = tokens.span_text(start, i)
        entry = tables.gazetteer.get(name)
        kb_id = entry.kb_id if entry is not None else tables.towns.get(name)
        coded = _coded(name, tables) and bool(tokens.whitespace[start - 1])  # "North-East region": part of a word
        if not coded and (lower not in heads and lower.removesuffix("s") not in heads or lowers[start - 1] not in OPENERS
                          or lowers[start - 1] != "the" and not _listed(start - 1, lowers, title, heads)):
            continue
        if entry is not None and entry.label != "GPE" or lowers[start] in tables.cues.leading_words:
            continue
        span = Span(view.doc, start, i, label="GPE")
        view.note(span, EntityInfo(normalized=entry.normalized if entry else name, kb_id=kb_id, commodity=None))
        found.append(span)
    return found


def _coded(name: str, tables: EntityTables) -> bool:
    """A place name with an ISO 3166-2 subdivision code ("Sughd" -> TJ-SU), not a country's alpha-2 or none."""
    entry = tables.gazetteer.get(name)
    if entry is not None:
        return entry.label == "GPE" and entry.kb_id is not None and "-" in entry.kb_id
    code = tables.towns.get(name)
    return code is not None and "-" in code


def _coded_start(start: int, head: int, view: BlockView, tables: EntityTables) -> int | None:
    """The first token of the longest coded subdivision name that ends right before ``head``, if any."""
    return next((first for first in range(start, head) if _coded(view.tokens.span_text(first, head), tables)), None)


def _listed(opener: int, lowers: list[str], title: list[bool], heads: frozenset[str]) -> bool:
    """"the Nagpur and Bhandara districts": the name after "and" or a comma is listed after another name that "the"
    opens (a few title-case words back)."""
    j = opener - 1
    while j >= 0 and opener - j <= MAX_NAME_WORDS and title[j]:
        j -= 1
    return j < opener - 1 and j >= 0 and lowers[j] == "the"


# Labels a place or nationality opening a longer place name carries ("Quebec" City, "Canadian" County).
HEADED_LABELS = frozenset({"GPE", "NORP"})


def headed_place(span: Span, view: BlockView, tables: EntityTables) -> Span | None:
    """A place or nationality followed by a title-case settlement or division word is one GPE with it ("Quebec City",
    "Canadian County"): the head written in title case belongs to the official name. A further title-case word
    makes it part of a body's name ("Quebec City Council"), left alone."""
    doc = span.doc
    end = span.end
    if span.label_ not in HEADED_LABELS or end >= len(doc):
        return None
    head = doc[end]
    cues = tables.cues
    if not head.is_title or head.lower_ not in cues.settlement_heads | cues.division_heads:
        return None
    if end + 1 < len(doc) and doc[end + 1].is_alpha and doc[end + 1].is_title:
        return None
    place = Span(doc, span.start, end + 1, label="GPE")
    name = place.text
    view.note(place, EntityInfo(normalized=name, kb_id=tables.towns.get(name), commodity=None))
    return place


def mining_district(span: Span) -> bool:
    """The span ends in "Mining District" or "Mineral District" (a region, no administrative division)."""
    return len(span) >= MIN_DISTRICT_TOKENS and span[-2].text in DISTRICT_KINDS and span[-1].lower_.startswith("district")


def vet_mining_district(span: Span, label: str, view: BlockView, tables: EntityTables) -> Span | None:
    """"the Kestrel Creek Mining District": the title-case words before it and the head, "The" left out; not on
    headline lines, where every word is capitalised."""
    start = span.start
    while start < span.end and view.tokens.lowers[start] in tables.cues.leading_words:
        start += 1
    if span.start in view.headline or span.end - start < MIN_DISTRICT_TOKENS:
        return None
    district = Span(span.doc, start, span.end, label=label)
    view.note(district, EntityInfo(normalized=district.text, kb_id=None, commodity=None))
    return district
