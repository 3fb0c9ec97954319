"""How news copy writes roles, governments, regions and body names: issue 13, fifth round (applied by ``refine``).

Each function reads one general convention, with its words as data in ``models/entities/cue_words.json``:

- a job title written in title case ("Head of Research", "Chief Financial Officer") is a role, never a name;
- "Government of X" / "the X Government" stands for the place X (a country used as a government is GPE,
  ``docs/annotation.md``), a nationality adjective before "Government" stays NORP;
- a region that pycountry types as land without a government ("Sulawesi", an island group) is LOC, and so is an
  unknown name before "region" ("the Wimmera region");
- a body's head word takes its "of"/"for" complement ("Japan Association" + "of Battery Makers").
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.schema.annotations import EntityInfo
from pipeline.text.commodity import clean_name

ROLE_JOINERS = frozenset({"of", "for", "and", "&", "-"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# Labels of names a place table may re-label (the model's reading of an unknown capitalised word).
RELABELLED = frozenset({"GPE", "PERSON", "ORG", "NORP"})
# Longest "of"/"for" complement taken into a body's name.
MAX_COMPLEMENT_TOKENS = 6


def job_title(span: Span, tables: EntityTables) -> bool:
    """"Managing Director", "Head of Investor Relations": every word a title or role word, one of them a title."""
    cues = tables.cues
    if span.label_ == "COMMODITY":
        return False
    words = [token.lower_ for token in span if not token.is_punct or token.text == "&"]
    if not words or not any(word in cues.person_titles for word in words):
        return False
    return all(word in cues.person_titles or word in cues.job_title_words or word in ROLE_JOINERS for word in words)


def government_place(span: Span, view: BlockView, tables: EntityTables) -> Span | None:
    """"Government of Western Australia" -> GPE "Western Australia"; "the Australian Government" -> NORP
    "Australian"; None unless the rest of the span is a known place or nationality."""
    if span.label_ != "ORG" or len(span) < 2:
        return None
    heads = tables.cues.government_heads
    doc = span.doc
    if span[0].lower_ in heads and span[1].lower_ == "of":
        start = span.start + 2 + (span.start + 2 < span.end and doc[span.start + 2].lower_ == "the")
        place = doc[start : span.end]
    elif span[-1].lower_ in heads:
        place = doc[span.start : span.end - 1]
    else:
        return None
    entry = tables.gazetteer.get(clean_name(place.text)) if len(place) else None
    if entry is None or entry.label not in {"GPE", "NORP"}:
        return None
    found = Span(doc, place.start, place.end, label=entry.label)
    view.note(found, EntityInfo(normalized=entry.normalized, kb_id=entry.kb_id, commodity=None))
    return found


def ungoverned_region(span: Span, view: BlockView, tables: EntityTables) -> Span | None:
    """A region without a government (pycountry's geographical units and island groups: "Sulawesi") as LOC,
    or an unknown name right before a region word ("the Wimmera region"); None otherwise."""
    if span.label_ not in RELABELLED:
        return None
    doc = span.doc
    name = clean_name(span.text)
    entry = tables.gazetteer.get(name)
    code = entry.kb_id if entry is not None else tables.towns.get(name)
    if code in tables.ungoverned:
        pass
    elif entry is not None or code is not None:
        return None
    elif span.end >= len(doc) or doc[span.end].lower_ not in tables.cues.region_heads or not span[0].is_title:
        return None
    region = Span(doc, span.start, span.end, label="LOC")
    view.note(region, EntityInfo(normalized=name, kb_id=None, commodity=None))
    return region


def extend_of_complement(span: Span, view: BlockView, others: list[Span], tables: EntityTables) -> Span:
    """An ORG ending in a body head ("Association", "Council") followed by "of"/"for" and capitalised words takes
    them: "Japan Association of Battery Makers", "Minerals Council of Australia". Places inside the complement
    are absorbed; a person, organisation or title word, a line break or a possessive ends it."""
    doc = span.doc
    cues = tables.cues
    if span.label_ != "ORG" or span[-1].text not in cues.of_heads or span.start in view.headline:
        return span
    i = span.end
    if i + 1 >= len(doc) or doc[i].lower_ not in {"of", "for"} or "\n" in doc[i - 1].whitespace_:
        return span
    i += 1
    if doc[i].lower_ == "the":
        i += 1
    blocked = {j for other in others if other.label_ not in PLACE_LABELS for j in range(other.start, other.end)}
    end = i
    while (
        end < len(doc)
        and end - i < MAX_COMPLEMENT_TOKENS
        and end not in blocked
        and (doc[end].is_title or doc[end].is_upper and len(doc[end]) > 1)
        and doc[end].is_alpha
        and doc[end].lower_ not in cues.person_titles
        and "\n" not in doc[end - 1].whitespace_
    ):
        end += 1
    if end == i:
        return span
    return Span(doc, span.start, end, label="ORG")
