"""Sites named with the metals they hold (issue 13, entities, sixteenth session).

Company releases name a project after a place word and the metals it holds, in title case or as element symbols:
"the Harlow Lithium-Tantalum Mining Project", "the Kestrel Ni-Cu-Co-Zn Project", "the Fenwick Zn-Pb deposit".
The annotation guide keeps a FACILITY to its name ("Harlow", "Kestrel") and reads the metals as a COMMODITY of their
own, as ``vet_facility_name`` already does for lower-case or spaced commodity words ("the X Rare Earth and Mineral
Sand Project"). Two readings miss it: a model name that runs over the metals ("Harlow Lithium-Tantalum Mining" as one
site), and a hyphen chain the site pattern cannot cross (it reads "Zn-Pb" or "Co-Zn" as the site).

- ``split_metals``: a FACILITY whose words after a title-case name word are all commodity or descriptor words and
  hyphens is that name, and the commodity rule span among those words is kept beside it;
- ``chained_sites``: title-case words no span covers, right before a hyphenated commodity span and a site word
  (descriptors such as "Mining" between), are the site's name.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.view import WORD_HYPHENS, BlockView
from pipeline.resources.entities import EntityTables
from pipeline.schema.labels import ENTITY_CANDIDATE_GROUP

# Most words of a site's name read before its metals.
MAX_NAME_WORDS = 4


def _metal_word(text: str, tables: EntityTables) -> bool:
    return text.lower() in tables.site_descriptors or text in WORD_HYPHENS or text in tables.parse_commodity.symbols


def split_metals(site: Span, view: BlockView, tables: EntityTables) -> list[Span]:
    """The FACILITY as its name and the commodity the rules read in its tail, or the FACILITY alone."""
    tokens = view.tokens
    texts = tokens.texts
    cut = site.start + 1
    while cut < site.end and not _metal_word(texts[cut], tables):
        cut += 1
    if cut >= site.end or not all(_metal_word(texts[i], tables) for i in range(cut, site.end)):
        return [site]
    if not any(texts[i] in WORD_HYPHENS for i in range(cut, site.end)) or not tokens.title[cut]:
        return [site]  # only a hyphenated title-case chain marks the metals ("Lithium-Tantalum")
    metals = [span for span in view.doc.spans[ENTITY_CANDIDATE_GROUP]
              if span.label_ == "COMMODITY" and cut <= span.start and span.end <= site.end]
    if not metals:
        return [site]
    return [Span(view.doc, site.start, cut, label="FACILITY"), *metals]


def with_site_metals(spans: list[Span], view: BlockView, tables: EntityTables) -> list[Span]:
    """The spans with each FACILITY that runs over its metals split (``split_metals``)."""
    return [part for span in spans for part in (split_metals(span, view, tables) if span.label_ == "FACILITY" else [span])]


def chained_sites(view: BlockView, spans: list[Span], tables: EntityTables) -> list[Span]:
    """FACILITY names right before a hyphenated commodity span and its site word (module docstring)."""
    tokens = view.tokens
    texts, size = tokens.texts, len(tokens.texts)
    taken = {i for span in spans for i in range(span.start, span.end)}
    found: list[Span] = []
    for span in spans:
        if span.label_ != "COMMODITY" or not any(texts[i] in WORD_HYPHENS for i in range(span.start, span.end)):
            continue
        after = span.end
        while after < size and after not in taken and tokens.lowers[after] in tables.cues.facility_descriptors:
            after += 1  # "Mining", "open-pit"
        if after >= size or tokens.lowers[after] not in tables.cues.site_name_keywords or span.start in view.headline:
            continue
        start = span.start
        while (start > 0 and span.start - start < MAX_NAME_WORDS and start - 1 not in taken and tokens.alpha[start - 1]
               and (tokens.title[start - 1] or tokens.upper[start - 1])
               and tokens.lowers[start - 1] not in tables.cues.leading_words):
            start -= 1
        if start < span.start and tokens.span_text(start, span.start) not in tables.gazetteer:
            found.append(Span(view.doc, start, span.start, label="FACILITY"))
    return found
