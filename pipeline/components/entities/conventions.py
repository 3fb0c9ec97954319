"""How news copy writes roles, governments, regions and body names: issue 13, fifth round (applied by ``refine``).

Each function reads one general convention, with its words as data in ``models/entities/cue_words.json``:

- a job title written in title case ("Head of Research", "Chief Financial Officer") is a role, never a name;
- "the X Government" stands for the place X (a country used as a government is GPE, ``docs/annotation.md``), a
  nationality adjective before "Government" stays NORP; "Government of X" is the body's ORG name (round 8);
- a region that pycountry types as land without a government ("Sulawesi", an island group) is LOC, and so is an
  unknown name before "region" ("the Wimmera region");
- a body's head word takes its "of"/"for" complement ("Japan Association" + "of Battery Makers").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.entities.divisions import mining_district
from pipeline.components.entities.names import plain_person_name
from pipeline.components.entities.persons import title_words
from pipeline.components.entities.shapes import feature_name
from pipeline.components.entities.view import BlockView, line_break
from pipeline.resources.entities import EntityTables, GazetteerEntry
from pipeline.schema.annotations import EntityInfo
from pipeline.text.commodity import clean_name

ROLE_JOINERS = frozenset({"of", "for", "and", "&", "-"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# Labels of names a place table may re-label (the model's reading of an unknown capitalised word).
RELABELLED = frozenset({"GPE", "PERSON", "ORG", "NORP"})
# Words that open a body's complement ("Association of", "Agency for").
COMPLEMENT_HEADS = frozenset({"of", "for"})
# Words joining two capitalised words of a complement ("of Minerals and Energy").
COMPLEMENT_JOINERS = frozenset({"and", "&"})
# A person named after a title has at least a given name and a family name.
MIN_NAME_WORDS = 2
# Shortest all-capital word read as an acronym ("TSX"; two letters are too often a state or country code).
MIN_ACRONYM_LETTERS = 3
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
    """"the Australian Government" -> NORP "Australian", "the Victoria Government" -> GPE "Victoria"; None unless
    the rest of the span is a known place or nationality. "Government of Victoria" stays the ORG it is written as
    (the dev gold, round 8: the body, beside the GPE of the place's own mentions). After a nationality, "State" is
    the government too ("the Malian State to hold 35%", ``nationality_state_heads``); after a place it may be the
    place's own name ("Washington State", "Kachin State"), which other rules read."""
    if span.label_ != "ORG" or len(span) < 2:
        return None
    cues = tables.cues
    doc = span.doc
    head = span[-1].lower_
    if head not in cues.government_heads and head not in cues.nationality_state_heads:
        return None
    place = doc[span.start : span.end - 1]
    entry = tables.gazetteer.get(clean_name(place.text)) if len(place) else None
    if entry is None or entry.label not in {"GPE", "NORP"}:
        return None
    if head not in cues.government_heads and entry.label != "NORP":
        return None
    found = Span(doc, place.start, place.end, label=entry.label)
    view.note(found, EntityInfo(normalized=entry.normalized, kb_id=entry.kb_id, commodity=None))
    return found


def ungoverned_region(span: Span, view: BlockView, tables: EntityTables) -> Span | None:
    """A region without a government (pycountry's geographical units and island groups: "Sulawesi") as LOC,
    or an unknown name right before a region word ("the Wimmera region") or after "on" ("located on Halmahera":
    one stands on an island, in a town); None otherwise."""
    if span.label_ not in RELABELLED:
        return None
    doc = span.doc
    name = clean_name(span.text)
    entry = tables.gazetteer.get(name)
    code = entry.kb_id if entry is not None else tables.towns.get(name)
    if code in tables.ungoverned:
        if span.start > 1 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in tables.cues.division_heads:
            return None  # "the province of Papua": the province of that name, not the island region
    elif entry is not None or name in tables.towns:  # a town: "the Perth area" is Perth
        return None
    elif not span[0].is_title or not (span.end < len(doc) and doc[span.end].lower_ in tables.cues.region_heads
                                      or span.label_ == "GPE" and span.start > 0 and doc[span.start - 1].lower_ == "on"):
        return None
    region = Span(doc, span.start, span.end, label="LOC")
    view.note(region, EntityInfo(normalized=name, kb_id=None, commodity=None))
    return region


def extend_of_complement(span: Span, view: BlockView, others: list[Span], tables: EntityTables) -> Span:
    """An ORG ending in a body head ("Association", "Council") followed by "of"/"for" and capitalised words takes
    them: "Japan Association of Battery Makers", "Minerals Council of Australia". Places inside the complement
    are absorbed; a person, organisation or title word, a line break or a possessive ends it."""
    doc = span.doc
    if span.label_ != "ORG" or span.start in view.headline:
        return span
    i = _complement_start(span, tables)
    if i is None:
        return span
    blocked = {j for other in others if other.label_ not in PLACE_LABELS for j in range(other.start, other.end)}
    end = i
    joined = any(t.lower_ in COMPLEMENT_JOINERS for t in span)
    while end < len(doc) and end - i < MAX_COMPLEMENT_TOKENS and end not in blocked:
        if (
            (end > i or end == span.end)
            and not joined
            and doc[end].lower_ in COMPLEMENT_JOINERS
            and end + 1 < len(doc)
            and end + 1 not in blocked
            and _complement_word(doc[end + 1], tables)
        ):
            joined = True  # one joiner: "Chamber of Minerals and Energy", "Chamber of Commerce & Industry"
            end += 1
        elif line_break(doc[end]) or not _complement_word(doc[end], tables):
            break
        end += 1
    if end == i:
        return span
    return Span(doc, span.start, end, label="ORG")


def _complement_start(span: Span, tables: EntityTables) -> int | None:
    """Where the complement to take starts: after "of"/"for" when the span ends in a body head, or at the span's
    end when the span already holds "<head> of ..." and a joiner follows ("Chamber of Minerals" + "and Energy")."""
    doc = span.doc
    heads = tables.cues.of_heads
    if span[-1].text in heads:
        i = span.end
        if i + 1 >= len(doc) or doc[i].lower_ not in COMPLEMENT_HEADS:  # a line break is no head word
            return None
        return i + 2 if doc[i + 1].lower_ == "the" else i + 1
    inner = any(t.text in heads and t.i + 1 < span.end and doc[t.i + 1].lower_ in COMPLEMENT_HEADS for t in span[:-1])
    if inner and span.end + 1 < len(doc) and doc[span.end].lower_ in COMPLEMENT_JOINERS:
        return span.end
    return None


def _complement_word(token: Token, tables: EntityTables) -> bool:
    """A capitalised word (or acronym) that may be part of a body's "of"/"for" complement; no title."""
    capitalised = token.is_title or token.is_upper and len(token) > 1
    return capitalised and token.is_alpha and token.lower_ not in tables.cues.person_titles


def caption_credit(span: Span, tables: EntityTables) -> bool:
    """The name after a caption label and a colon ("Photo: Ann Example/Agency", "Picture: AGENCY", also a label
    after a capitalised word, "File image: Agency", "File photo: Agency") is the picture's credit, no actor of the
    story (``caption_labels``)."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ":":
        return False
    label = doc[span.start - 2]
    if label.text in tables.cues.caption_labels:
        return True
    return (label.is_lower and label.text.title() in tables.cues.caption_labels and label.i >= 1
            and doc[label.i - 1].is_title and doc[label.i - 1].is_alpha)


def without_caption_label(span: Span, tables: EntityTables) -> Span | None:
    """A name with a caption label glued on ("Ministry of Commerce" + "Photo:") without it; None when nothing is
    left, or when the label and its colon open the span ("Photo: Agency": all of it is the picture's credit); the
    span itself when there is no label."""
    doc = span.doc
    if len(span) > 2 and span[0].text in tables.cues.caption_labels and span[1].text == ":":
        return None
    if span[-1].text not in tables.cues.caption_labels or span.end >= len(doc) or doc[span.end].text != ":":
        return span
    return Span(doc, span.start, span.end - 1, label=span.label_) if len(span) > 1 else None


def titled_person(span: Span, spans: list[Span], tables: EntityTables) -> Span | None:
    """"H.E. President Ann Marie Example" read as one ORG: the words after a title-case title word are the person,
    joined with a PERSON span that follows directly ("... Ann Marie" + "Example"); None when no title is inside."""
    if span.label_ not in {"ORG", "PERSON"} or len(span) < 3:
        return None
    cues = tables.cues
    titles = [t.i for t in span[:-1] if t.is_title and t.lower_ in cues.person_titles]
    if not titles:
        return None
    start = titles[-1] + 1
    name = span.doc[start : span.end]
    if not all(t.is_title and t.is_alpha and t.text not in tables.org_suffix_words for t in name):
        return None
    end = span.end
    for other in spans:
        if other.label_ == "PERSON" and other.start == end:
            end = other.end
    if end - start < MIN_NAME_WORDS:
        return None
    return Span(span.doc, start, end, label="PERSON")

def administrative_place(span: Span, view: BlockView, tables: EntityTables) -> Span | None:
    """An unknown name that the text calls an administrative division or a settlement, as a GPE: "the Ashdown
    district", "the village of Ostry", and an official name with its head in title case, kept whole ("Tarrow
    Region", "Ossaro County"); None otherwise (a lower-case "region" is left to ``ungoverned_region``)."""
    if span.label_ not in RELABELLED | {"LOC"} or clean_name(span.text) in tables.gazetteer or mining_district(span):
        return None  # "the X Mining District": a region without a government
    doc = span.doc
    cues = tables.cues
    name_end = span.end
    last = span[-1]
    if len(span) > 1 and last.is_title and (last.lower_ in cues.division_heads or last.lower_ in cues.region_heads):
        name_end -= 1
    elif not (span.end < len(doc) and _division_head(doc[span.end], tables) or span.start >= 2
              and doc[span.start - 1].lower_ == "of"
              and doc[span.start - 2].lower_ in cues.division_heads | cues.settlement_heads):
        return None
    name = clean_name(doc[span.start : name_end].text)
    entry = tables.gazetteer.get(name)
    if entry is not None and entry.label != "GPE" or name in tables.towns and tables.towns[name] in tables.ungoverned:
        return None
    if not span[0].is_title or not all(t.is_alpha or t.text in {"-", "'"} for t in doc[span.start : name_end]):
        return None
    place = Span(doc, span.start, span.end, label="GPE")
    kb_id = entry.kb_id if entry is not None else tables.towns.get(name)
    view.note(place, EntityInfo(normalized=entry.normalized if entry else clean_name(span.text), kb_id=kb_id,
                                commodity=None))
    return place


def _division_head(token: Token, tables: EntityTables) -> bool:
    """"district", "regency" after a name; "Region" only in title case (the lower-case word is a looser area)."""
    cues = tables.cues
    if token.lower_ in cues.division_heads:
        return not token.is_upper
    return token.lower_ in cues.region_heads and token.is_title


def shouted_acronym(span: Span, view: BlockView, tables: EntityTables) -> bool:
    """An unknown all-capital word in running text that the model read as a place or nationality ("members of
    TARVIK went on strike"): acronyms name organisations; places are written in title case outside datelines."""
    if span.label_ not in PLACE_LABELS or len(span) != 1 or view.zone in {"dateline", "title"}:
        return False
    token = span[0]
    if not (token.is_upper and token.is_alpha and len(token) >= MIN_ACRONYM_LETTERS) or span.start in view.headline:
        return False
    doc = span.doc
    if 0 < span.start and span.end < len(doc) and doc[span.start - 1].text == "(" and doc[span.end].text == ")":
        return False  # a bracketed wire credit or a defined acronym: "(UPI) --"
    name = token.text
    if name in tables.gazetteer or name.title() in tables.gazetteer or name.title() in tables.towns:
        return False
    return any(t.is_lower and t.is_alpha for t in token.sent)


def without_title(span: Span, tables: EntityTables) -> Span:
    """A PERSON span without the titles it opens with ("Minister Ann Example" -> "Ann Example"): docs/annotation.md
    keeps titles out of names. A name after an honorific is a person whatever the model read ("Ms Example" ORG)."""
    doc = span.doc
    first = span[0]
    if span.label_ in {"ORG", "GPE"} and len(span) > 1 and first.is_title and first.lower_ in tables.cues.honorifics:
        span = Span(doc, span.start, span.end, label="PERSON")
    if span.label_ != "PERSON":
        return span
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in title_words(tables) and span.doc[start].is_title:
        start += 1
    if start == span.start and len(span) > 2 and _closes_portfolio(span, tables):
        start += 1  # "Minister of Science, Technology and Innovation Ann Bo Example": the last portfolio word
    return span if start == span.start else Span(span.doc, start, span.end, label="PERSON")


# Most tokens of a title's portfolio list ("Minister of Energy, Northern Development and Mines").
MAX_PORTFOLIO_TOKENS = 8


def _closes_portfolio(span: Span, tables: EntityTables) -> bool:
    """The span follows "<title> of <Word>, <Word> and": its first word is the last item of the title's list."""
    doc = span.doc
    i = span.start - 1
    if i < 0 or doc[i].lower_ not in {"and", "&"}:
        return False
    i -= 1
    while i > 0 and span.start - i <= MAX_PORTFOLIO_TOKENS and (doc[i].is_title or doc[i].text == ","):
        i -= 1
    return i > 0 and doc[i].lower_ == "of" and doc[i - 1].lower_ in tables.cues.person_titles


def plural_nationality(span: Span, view: BlockView, tables: EntityTables) -> GazetteerEntry | None:
    """The nationality row of a plural demonym ("Chileans" -> "Chilean", CL), noted on the span; else None."""
    text = clean_name(span.text)
    if span.label_ != "NORP" or not text.endswith("s"):
        return None
    entry = tables.gazetteer.get(text[:-1])
    if entry is None or entry.label != "NORP":
        return None
    view.note(span, EntityInfo(normalized=entry.normalized, kb_id=entry.kb_id, commodity=None))
    return entry


def coordinated_bodies(span: Span, tables: EntityTables) -> list[Span] | None:
    """"the Department of Energy and Syrah": a body's "of" name joined by "and" to a company is two names, the
    body and the company. The words after the joiner are a company when the gazetteer knows them as an ORG, they
    end in a company suffix after a name ("Korvane Metals") or a word has an inner capital ("KazAtomProm"); else
    None, so "Ministry of Mines and Energy" stays one name."""
    if span.label_ != "ORG" or tables.gazetteer.get(clean_name(span.text)) is not None:
        return None  # a body the tables know by its whole name ("Ministry of Industry and Information Technology")
    doc = span.doc
    heads = tables.cues.of_heads
    of = next((t.i for t in span[:-1] if t.text in heads and doc[t.i + 1].lower_ in COMPLEMENT_HEADS), None)
    if of is None:
        return None
    joiner = next((t.i for t in doc[of + 3 : span.end - 1] if t.lower_ in COMPLEMENT_JOINERS), None)
    if joiner is None:
        return None
    company = Span(doc, joiner + 1, span.end, label="ORG")
    generic = tables.commodity_words | tables.cues.facility_descriptors
    portfolios = tables.cues.portfolio_names
    if all(token.text in tables.org_suffix_words or token.lower_ in generic or token.text in portfolios for token in company):
        return None  # a portfolio made of generic words: "Ministry of Energy and Mineral (Natural) Resources"
    known = tables.gazetteer.get(clean_name(company.text))
    if not (known is not None and known.label == "ORG" or len(company) > 1 and company[-1].text in tables.org_suffix_words
            or any(_inner_capital(token) for token in company)):
        return None
    return [Span(doc, span.start, joiner, label="ORG"), company]


def _inner_capital(token: Token) -> bool:
    """A mixed-case word with a capital after its first letter ("KazAtomProm"), as company names are written."""
    text = token.text
    return token.is_alpha and not token.is_upper and any(c.isupper() for c in text[1:])


def titled_person_inside(span: Span, tables: EntityTables) -> tuple[Span, Span] | None:
    """"Northern Territory Police Superintendent Ann Example", "Korvane MD Ann Example": an organisation, a person
    title (title case or an upper-case abbreviation) and a name written as one run, which the model may read as one
    ORG, are the ORG and the PERSON, the title dropped. The name is two or three plain capitalised words ending the
    span, no place and no commodity; None otherwise."""
    doc = span.doc
    if span.label_ != "ORG":
        return None
    cues = tables.cues
    titles = cues.person_titles | cues.job_title_words
    first = next((t.i for t in span[1:] if (t.is_title or t.is_upper) and t.lower_ in cues.person_titles), None)
    if first is None:
        return None
    start = first
    while start > span.start and doc[start - 1].lower_ in titles:
        start -= 1
    end = first + 1
    while end < span.end and doc[end].lower_ in titles:
        end += 1
    if start == span.start or not plain_person_name(doc[end : span.end], tables):
        return None
    return Span(doc, span.start, start, label="ORG"), Span(doc, end, span.end, label="PERSON")


def natural_feature(span: Span, view: BlockView, tables: EntityTables) -> Span | None:
    """A name before a salt-flat word ("the Uyuni salt flat", "the Hombre Muerto Salt Pan": ``feature_heads``) is a
    LOC, the head word left out as "province" or "region" are (docs/annotation.md); a head written first with a
    Romance connector ("Salar de Atacama") is a LOC with it; None otherwise."""
    if span.label_ not in RELABELLED | {"LOC", "FACILITY"} or not span[0].is_title:
        return None
    doc = span.doc
    heads = tables.cues.feature_heads
    if (len(span) > 2 and span[0].lower_ in heads and span[1].lower_ in tables.cues.place_connectors
            and span[-1].is_title):
        # written head first, Spanish style ("Salar de Atacama"): the head is part of the feature's proper name
        feature = Span(doc, span.start, span.end, label="LOC")
        view.note(feature, EntityInfo(normalized=clean_name(span.text), kb_id=None, commodity=None))
        return feature
    end = span.end
    lowers, title = view.tokens.lowers, view.tokens.title  # the block's columns: no Span or Token built per test
    for width in (2, 1):
        inside = span.end - width > span.start and " ".join(lowers[span.end - width : span.end]) in heads
        if inside and all(title[span.end - width : span.end]):
            end = span.end - width
            break
        if span.end + width <= len(lowers) and " ".join(lowers[span.end : span.end + width]) in heads:
            break
    else:
        return feature_name(span, view, tables)
    name = clean_name(doc[span.start : end].text)
    if tables.gazetteer.get(name) is not None and tables.gazetteer[name].label not in {"LOC", "GPE"}:
        return None
    feature = Span(doc, span.start, end, label="LOC")
    view.note(feature, EntityInfo(normalized=name, kb_id=None, commodity=None))
    return feature
