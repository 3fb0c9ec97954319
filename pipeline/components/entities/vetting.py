"""Vetting token-pattern hits: each row of ``patterns.jsonl`` names its ``check``, one function here.

A check turns a raw match into the entity span(s) it stands for, or None: a facility keeps only the
capitalised name before its keyword ("Round Top", not "Round Top deposit"), an organisation needs a
name before its suffix words, a law drops the words before its name, a functional description of a
ministry needs a country before it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Span, Token

from pipeline.components.entities.divisions import vet_mining_district
from pipeline.components.entities.gazetteer_match import country_before, country_suffix_end
from pipeline.components.entities.headlines import is_name_token
from pipeline.components.entities.national_laws import vet_law_section, vet_national_law
from pipeline.components.entities.sites import MAX_DESCRIPTORS
from pipeline.components.entities.view import WORD_HYPHENS, BlockView, glued_hyphen
from pipeline.resources.entities import EntityTables, PatternCheck
from pipeline.schema.labels import HEADLINE_ZONES

Vetted = Span | list[Span] | None
Vetter = Callable[[Span, str, BlockView, EntityTables], Vetted]
# Function words that may join the words of a law's name but never start it.
LAW_JOINERS = frozenset({"of", "and", "on", "for"})
DASHES = frozenset({"-", "–"})
# What the law pattern may take after the head when no year follows.
LAW_TRAILERS = frozenset({"(", "of"})
# The word before a law's number ("Regulation No. 11/2019"; the patterns list the same words).
LAW_NUMBER_WORDS = frozenset({"No", "No.", "Number", "Nr."})
# Parts of speech of the words a law's name is made of.
NAME_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})
# Title-case words that may follow a law's head ("Defense Production Act Title III").
LAW_CONTINUATIONS = frozenset({"title", "section", "article", "part", "chapter"})
# A name this long before a facility keyword is a phrase, not a name.
MAX_NAME_TOKENS = 4
# Joining two descriptor lists before one facility keyword ("Rare Earth and Mineral Sand Project").
DESCRIPTOR_JOINERS = frozenset({"and", "&"})


def vet_functional_body(span: Span, label: str, view: BlockView, tables: EntityTables) -> Vetted:
    """"Brazil's mines ministry", "the Indian mines ministry"; a bare "the mines ministry" is anaphoric, but "the
    ministry of mines" is the body's name in lower case (as Indian copy writes its ministries)."""
    named = span[0].lower_ == "ministry" and span.start > 0 and view.doc[span.start - 1].lower_ == "the"
    if country_before(span, tables) is None and not named:
        return None
    return Span(view.doc, span.start, span.end, label=label)


def vet_facility_name(span: Span, label: str, view: BlockView, tables: EntityTables) -> Vetted:
    """The capitalised name before the facility keyword and its descriptors; two for "X and Y mines".

    A project named with the commodities it holds keeps only its name ("Donald Rare Earth and Mineral Sand
    Project" -> "Donald"), unless without them only a place or nationality is left ("the Australian Vanadium
    Project", named after its owner, keeps "Australian Vanadium").
    """
    doc = span.doc
    in_headline = span.start in view.headline
    descriptors = tables.site_descriptors
    floor = span.start
    keyword = span.end - 1
    if (whole := _estate_name(span, in_headline, tables)) is not None:
        return whole
    following = doc[span.end] if span.end < len(doc) else None
    if not in_headline and doc[keyword].is_title and following is not None and following.is_title:
        return None  # the keyword inside a longer name: "Study and Project Financing Agency"
    while keyword > floor and doc[keyword - 1].lower_ in descriptors:
        keyword -= 1
        if (keyword == floor and keyword >= 2 and doc[keyword - 1].lower_ in DESCRIPTOR_JOINERS
                and doc[keyword - 2].lower_ in descriptors and not in_headline):
            keyword -= 1
            floor = max(keyword - MAX_NAME_TOKENS - MAX_DESCRIPTORS, 0)
    name_end = keyword
    if name_end == floor:
        return None
    if doc[name_end - 1].is_lower or any(t.lower_ in tables.cues.facility_keywords for t in doc[floor:name_end]):
        first = next((t.i for t in doc[span.start : span.end - 1] if t.lower_ in tables.cues.site_name_keywords), None)
        if first is not None and first > span.start and doc[first - 1].is_title:
            return vet_facility_name(Span(doc, span.start, first + 1), label, view, tables)  # "X mine and mill"
        return None
    name_start = name_end
    while (
        name_start > floor
        and is_name_token(doc[name_start - 1], in_headline, tables)
        and not doc[name_start - 1].is_lower
        and not (doc[name_start - 1].is_upper and doc[name_start - 1].text in tables.not_organisations)  # "the JV X project"
    ):
        name_start -= 1
    name_start = _titled_commodity_head(doc, floor, name_start, name_end, in_headline, tables)
    if name_start < name_end and _compound_head(doc, name_start, in_headline, tables) \
            and doc[name_start:name_end].text not in tables.gazetteer:
        name_start -= 2  # "the Kamoa-Kakula copper mine": the whole hyphenated name, not its last part
    if name_start == name_end or name_end - name_start > MAX_NAME_TOKENS:
        return None
    name_start += _leading_nationality(doc[name_start:name_end], tables)
    if in_headline and any(
        token.pos_ in {"VERB", "AUX"} or token.text in tables.gazetteer for token in doc[name_start:name_end]
    ):
        return None
    name = doc[name_start:name_end]
    if _regional_adjective(name, tables):
        return None  # "the Western Australian nickel operations": the region's adjective, no site's name
    if name.text in tables.gazetteer and doc[span.end - 1].is_title and doc[name_end].is_title:
        name = doc[name_start : span.end - 1]  # "the Australian Vanadium Project": the owner's name is the site's
        if name.text not in tables.gazetteer and len(name) <= MAX_NAME_TOKENS:
            return Span(doc, name.start, name.end, label="FACILITY")
    if name.text in tables.gazetteer or name_end - name_start == 1 and name[0].is_stop:
        return None
    if doc[span.end - 1].lower_.endswith("s") and name_start >= 2 and doc[name_start - 1].lower_ in {"and", ","}:
        first_end = name_start - 1
        first_start = first_end
        while (
            first_start > 0
            and is_name_token(doc[first_start - 1], in_headline, tables)
            and (doc[first_start - 1].is_title or doc[first_start - 1].is_upper)
        ):
            first_start -= 1
        if 0 < first_end - first_start <= MAX_NAME_TOKENS and doc[first_start:first_end].text not in tables.gazetteer:
            return [
                Span(doc, first_start, first_end, label="FACILITY"),
                Span(doc, name_start, name_end, label="FACILITY"),
            ]
    if (doc[span.end - 1].is_lower and doc[span.end - 1].lower_ in tables.cues.site_plurals
            and (name_start == 0 or doc[name_start - 1].lower_ not in tables.cues.leading_words)):
        return None  # one name before a plural site word owns the sites ("Corvane mines in Peru"), it names none;
        # after a determiner it names them ("the/its Nickel West operations")
    return Span(doc, name_start, name_end, label="FACILITY")


def _titled_commodity_head(doc: Doc, floor: int, start: int, end: int, in_headline: bool, tables: EntityTables) -> int:
    """Where a site name starts when a title-case commodity word opens it ("the Nickel West operations", "its
    Cobalt Ridge mine"): body text writes commodities in lower case, so one in title case before a name word is the
    name's first word (issue 13, entities round en9). Headline lines write every word in title case: no change."""
    if in_headline or start == end or start <= floor:
        return start
    first = doc[start - 1]
    if first.is_title and first.lower_ in tables.commodity_words:
        return start - 1
    return start


def _compound_head(doc: Doc, start: int, in_headline: bool, tables: EntityTables) -> bool:
    """A title-case name word glued by a hyphen before the name at ``start`` ("Kamoa-" of "Kamoa-Kakula"; the
    pattern's name tokens start after the hyphen)."""
    return (start >= 2 and glued_hyphen(doc, start - 1) and doc[start - 2].is_title
            and is_name_token(doc[start - 2], in_headline, tables))


def _estate_name(span: Span, in_headline: bool, tables: EntityTables) -> Vetted:
    """"Kestrel Bay Industrial Park": a title-case estate head (``estate_heads``) after a title-case estate word
    (``estate_descriptors``: "Industrial", not a mine's "Mining") names
    the estate with both words in it, unlike a mine's keyword that news drops ("the Warrin mine" is "Warrin")."""
    doc = span.doc
    head = span.end - 1
    if not (doc[head].is_title and doc[head].lower_ in tables.cues.estate_heads) or head - span.start < 2:
        return None
    if not (doc[head - 1].is_title and doc[head - 1].lower_ in tables.cues.estate_descriptors):
        return None
    start = head - 1
    while start > span.start and doc[start - 1].is_title and is_name_token(doc[start - 1], in_headline, tables):
        start -= 1
    if start == head - 1 or head + 1 - start > MAX_NAME_TOKENS + 2:
        return None
    return Span(doc, start, span.end, label="FACILITY")


def _regional_adjective(name: Span, tables: EntityTables) -> bool:
    """A name of two or more words closed by a nationality ("Western Australian", "South African", "West
    Australian") before lower-case site words is a regional adjective (issue 13, entities round en9)."""
    entry = tables.gazetteer.get(name[-1].text) if len(name) > 1 else None
    return entry is not None and entry.label == "NORP"


def _leading_nationality(name: Span, tables: EntityTables) -> int:
    """1 when a site's name opens with a nationality before words that are no commodity ("the Vietnamese Nui Phao
    mine": NORP + FACILITY), else 0 ("the Australian Vanadium Project" is named after its owner)."""
    if len(name) < 2:
        return 0
    entry = tables.gazetteer.get(name[0].text)
    if entry is None or entry.label != "NORP" or all(t.lower_ in tables.commodity_words for t in name[1:]):
        return 0
    return 1


def vet_law_name(span: Span, label: str, view: BlockView, tables: EntityTables) -> Vetted:
    """Start the law's name after the last article, section number or headline word before its head.

    Headline words cut a name only on a headline line ("Senate Passes Mining Act"): in running text a title-case
    run before "Act" is the law's own name ("the Resource Conservation and Recovery Act"). Two laws joined by
    "and" are two names ("the Clean Air Law and Mine Tailings Law").
    """
    doc = span.doc
    end = span.end
    # the pattern's optional "(" or "of" before a year that never came belongs to the sentence
    while end - span.start > 1 and doc[end - 1].text in LAW_TRAILERS:
        end -= 1
    parts: list[tuple[int, int]] = []
    first = span.start
    for i in range(span.start + 1, end - 1):
        if doc[i].lower_ == "and" and doc[i - 1].text in tables.cues.law_heads:
            parts.append((first, i))
            first = i + 1
    parts.append((first, end))
    kept = [name for name in (_law_part(doc, start, stop, label, view, tables) for start, stop in parts)
            if name is not None]
    return kept if len(kept) > 1 else (kept[0] if kept else None)


def _law_part(doc: Doc, start: int, end: int, label: str, view: BlockView, tables: EntityTables) -> Span | None:
    cues = tables.cues
    if end < len(doc) and doc[end].is_title and doc[end].is_alpha and doc[end].lower_ not in LAW_CONTINUATIONS:
        return None  # a head inside a longer name ("Big Bill Slag", a site)
    # Headline words cut the name when they are all it has ("the ministry's Federal Decree"), and headline verbs cut
    # it on a headline line: a name of its own holds a word no headline uses ("Resource Conservation").
    words = [i for i in range(start, end - 1) if doc[i].is_title and doc[i].lower_ not in LAW_JOINERS]
    generic = all(_headline_word(doc[i], tables) for i in words)
    first = start
    for i in range(first, end - 1):
        token = doc[i]
        if token.text in cues.law_heads and doc[i + 1].text in LAW_NUMBER_WORDS:
            break  # "Bill No. 12": the head and its number are the name, whatever words they are
        if (
            token.lower_ in cues.leading_words
            or token.lower_ in cues.person_titles
            or token.text.rstrip(".").lower() in cues.section_numbers
            or (token.lower_ == "to" and not _hyphen_glued(doc, i))
            or (generic or i in view.headline and _verb_like(token)) and _headline_word(token, tables)
        ):
            start = i + 1
    while start < end and doc[start].lower_ in LAW_JOINERS | {"the"}:
        start += 1
    return Span(doc, start, end, label=label) if end - start >= 2 else None


def _verb_like(token: Token) -> bool:
    """A headline verb or preposition before a law's name ("Senate Passes ...", "Projects Under ..."), not a noun of
    the name on a title-case list line ("- Duties under the Critical Minerals Investment Act")."""
    return token.pos_ not in NAME_TAGS or token.lower_.endswith(("s", "ed"))


def _headline_word(token: Token, tables: EntityTables) -> bool:
    return (token.lower_ in tables.headline_words and token.lower_ not in tables.cues.law_name_words
            and token.lower_ not in LAW_JOINERS and token.text != "Law")


def _hyphen_glued(doc: Doc, i: int) -> bool:
    """A word inside a hyphen compound ("Right-to-Know"): hyphens on both sides, written without spaces."""
    return (0 < i < len(doc) - 1 and doc[i - 1].text in DASHES and doc[i + 1].text in DASHES
            and not doc[i - 1].whitespace_ and not doc[i].whitespace_)


def _organisation(
    span: Span, label: str, view: BlockView, tables: EntityTables, *, headline_guard: bool, country_suffix: bool,
    legal: bool = False,
) -> Vetted:
    """A public body as matched; otherwise the name words before the suffix words, which must both exist.

    ``headline_guard``: on a headline line, reject a name holding a gazetteer word, a "Rare ... Earth"
    suffix or a dash before it. ``country_suffix``: a closing country joins the name ("... India,"). ``legal``: a
    legal form closes the name, so title-case commodity words belong to it ("X Copper & Gold Inc.").
    """
    doc = span.doc
    cues = tables.cues
    in_headline = span.start in view.headline
    start, end = span.start, span.end
    if end - start > 3 and doc[start].lower_ in cues.leading_words and doc[start + 2].text in cues.public_body_heads:
        start += 1  # "The Zimbabwean Ministry ..." opening a sentence
    nationality = tables.gazetteer.get(doc[start].text)
    if (end - start > 2 and nationality is not None and nationality.label == "NORP"
            and doc[start + 1].text in cues.public_body_heads):
        start += 1  # "the Zimbabwean Ministry of Mines": the nationality stays NORP, outside the body's name
    if (
        doc[start].text in cues.public_body_heads
        or doc[start].text in cues.country_prefixes
        and end - start > 1
        and doc[start + 1].text in cues.public_body_heads
    ):
        return Span(doc, start, end, label=label)
    suffix_start = end
    while suffix_start > start and doc[suffix_start - 1].text in tables.org_suffix_words:
        suffix_start -= 1
    name_start = suffix_start
    while (
        name_start > start
        and (is_name_token(doc[name_start - 1], in_headline, tables)
             or legal and doc[name_start - 1].is_title and doc[name_start - 1].lower_ in tables.commodity_words)
        and doc[name_start - 1].text.rstrip(".").lower() not in cues.section_numbers
    ):
        name_start -= 1
    if name_start == suffix_start or suffix_start == end:
        return None
    while name_start == start and name_start >= 2 and glued_hyphen(doc, name_start - 1) and doc[name_start - 2].is_title:
        name_start -= 2  # a title-case compound opens the name ("State-Owned Copper Company"): the pattern starts at "Owned"
    name = doc[name_start:suffix_start]
    if (
        in_headline
        and headline_guard
        and (
            any(token.text in tables.gazetteer for token in name)
            or doc[suffix_start].text == "Rare"
            and doc[end - 1].text == "Earth"
            or name_start > 0
            and doc[name_start - 1].text in DASHES
        )
    ):
        return None
    if country_suffix and not in_headline:
        end = country_suffix_end(doc, end, tables.gazetteer)
    return Span(doc, name_start, end, label=label)


def vet_legal_name(span: Span, label: str, view: BlockView, tables: EntityTables) -> Vetted:
    """"Kafue Metals plc": a legal suffix is evidence enough, even on a headline line. A spelled-out form with a name
    after it opens that name ("National Company Tau-Ken Samruk", the Kazakh form): no name ends there."""
    doc = span.doc
    form = doc[span.end - 1]
    if (span.end < len(doc) and form.is_alpha and form.text in tables.cues.partnership_suffixes
            and doc[span.end].is_title and doc[span.end].lower_ not in tables.cues.person_titles):
        return None
    return _organisation(span, label, view, tables, headline_guard=False, country_suffix=False, legal=True)


def vet_legal_prefix(span: Span, label: str, view: BlockView, tables: EntityTables) -> Vetted:
    """"PT Indika Energy", "PJSC Norilsk Nickel": a legal form written before the name (Indonesian, Russian and
    Kazakh usage) is evidence enough; the name is the name words after it (title-case commodity words included)."""
    doc = span.doc
    in_headline = span.start in view.headline
    end = span.start + 1
    while end < span.end and (glued_hyphen(doc, end) if doc[end].text in WORD_HYPHENS else (
            is_name_token(doc[end], in_headline, tables) or doc[end].is_title and doc[end].lower_ in tables.commodity_words)):
        end += 1  # "JSC NMC Tau-Ken Samruk": a hyphen glued between two words stays inside
    while end > span.start + 1 and doc[end - 1].text in WORD_HYPHENS:
        end -= 1  # "PT X-based": the hyphen before a lower-case word is no part of the name
    return Span(doc, span.start, end, label=label) if end > span.start + 1 else None


def vet_company_name(span: Span, label: str, view: BlockView, tables: EntityTables) -> Vetted:
    """"Namibia Critical Metals", "Toyotsu Rare Earths India": a domain word after the name.

    Not before a facility keyword: "the Kestrel Lithium Project" (or "project") names a site (``vet_facility_name``).
    """
    if _names_site(span, tables):
        return None
    return _organisation(span, label, view, tables, headline_guard=True, country_suffix=True)


def _names_site(span: Span, tables: EntityTables) -> bool:
    """A facility keyword follows (in either case), after at most a few descriptor words joined by "and"
    ("Marrowby Rare Earth" + "and Mineral Sands Project")."""
    doc = span.doc
    descriptors = tables.site_descriptors | DESCRIPTOR_JOINERS
    i = span.end
    while i < len(doc) and i - span.end <= MAX_DESCRIPTORS and doc[i].lower_ in descriptors:
        i += 1
    return i < len(doc) and doc[i].lower_ in tables.cues.facility_keywords


def vet_public_body(span: Span, label: str, view: BlockView, tables: EntityTables) -> Vetted:
    """"Ministry of Commerce", "Saskatchewan Research Council".

    A title-case line inside the body ("The Queensland Resources Council Welcomed The Decision.") keeps a place
    in the body's name: only a title or heading line is guarded against headline words taken for names. A second
    body after "and" ("Ministry of Mines and Ministry of ...") is no part of the first one's name.
    """
    doc = span.doc
    if len(span) > 3 and span[-2].lower_ in {"and", "&"} and span[-1].text in tables.cues.of_heads \
            and span.end < len(doc) and doc[span.end].lower_ in {"of", "for"}:
        span = doc[span.start : span.end - 2]
    return _organisation(span, label, view, tables, headline_guard=view.zone in HEADLINE_ZONES, country_suffix=False)


def vet_romance_body(span: Span, label: str, view: BlockView, tables: EntityTables) -> Vetted:
    """"Entreprise Generale du Cobalt", "Banco do Brasil": a French, Spanish or Portuguese body word, title-case
    words and a connector name an organisation the model leaves out or cuts at the connector; not on a title or
    heading line, where every word is capitalised."""
    return None if span.start in view.headline else Span(span.doc, span.start, span.end, label="ORG")


VETTERS: Mapping[PatternCheck, Vetter] = {
    "legal_name": vet_legal_name,
    "legal_prefix": vet_legal_prefix,
    "company_name": vet_company_name,
    "public_body": vet_public_body,
    "law_name": vet_law_name,
    "facility_name": vet_facility_name,
    "functional_body": vet_functional_body,
    "national_law": vet_national_law,
    "romance_body": vet_romance_body,
    "law_section": vet_law_section,
    "mining_district": vet_mining_district,
}
