"""How news copy names mines, deposits and projects (applied by ``refine``).

- A name with its facility keyword is a FACILITY, the keyword dropped ("Donald Project", "the Sierra Gorda mine";
  moved here from ``refine.py``); a title-case keyword makes the whole name the site's, the owner's name included
  ("the Graphite One Project"), and a name made only of commodity words names what the site holds.
- A name a site noun calls so is a site: "a mine called X", "a deposit known as X", a name set after a singular
  site noun between commas ("its zinc mining unit, X, located in ...": ``site_apposition_heads``, round 8), and a
  name that a "the ... <site noun>" phrase follows in apposition ("at X, the huge open-pit copper mine,", round 9).
- Names listed in apposition to a plural site noun are sites: "two ore bodies, Lennox and Byron," or "its
  three prospects, Kestrel, Marlow and Penhale" (the nouns: ``site_plurals`` of ``cue_words.json``).
- Round 11: names joined by "and" or commas between an owner's word and a plural site noun are sites, each of them
  ("at its Kestrel and Marlow sites", "the Lennox, Byron and Penhale mines"); a site apposition after a name may
  go on with a place ("X, a copper mine in Peru"). Title-case words before a title-case plural site keyword name a
  class of sites ("the 47 Strategic Projects"), no site, unless they close a list ("the X and Y Projects").
- Facility round 12: a town the gazetteer lists without a country or region code, before a singular lower-case site
  word (descriptors allowed), names that site ("the Kalgoorlie nickel smelter"); countries and regions keep GPE.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.components.entities.plant_names import lone_plant_name
from pipeline.components.entities.view import POSSESSIVES, WORD_HYPHENS, BlockView, line_break
from pipeline.resources.entities import EntityTables
from pipeline.text.commodity import clean_name

# Commodity or descriptor words allowed between a site's name and its keyword ("Kalunga copper-cobalt mine").
MAX_DESCRIPTORS = 3
# Most words of a commodity's name ("mixed rare earth carbonate").
MAX_COMMODITY_WORDS = 4
# Labels the model gives an unknown site name in such a list.
SITE_MISREADS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
LIST_JOINERS = frozenset({",", "and", "&"})
# Participles by which a site noun introduces its name ("a mine called X").
NAMING_WORDS = frozenset({"called", "named", "dubbed"})
# Most tokens between the site noun and a listed name.
MAX_LISTED_TOKENS = 12
# Possessive determiners before an unknown name and a site word: the owner's site ("its Butte plant").
OWNER_WORDS = frozenset({"its", "their"})
# Most descriptor tokens between "the" and the site noun of an apposition after a name ("the huge open-pit copper").
MAX_APPOSITION_TOKENS = 7
# A place phrase may follow the site noun of an apposition after a one-word name ("X, a copper mine in Peru").
PLACE_AFTER_SITE = frozenset({"in", "near"})
# Punctuation between a plural site noun and "such as" ("mines - such as X").
EXAMPLE_PUNCT = frozenset({",", "-", "–", "—"})
# The label of an unknown name after a site noun and this preposition ("production at X", "a plant in X").
WORK_PLACES = {"at": "FACILITY", "in": "GPE"}


def listed_site(span: Span, tables: EntityTables) -> Span | None:
    """A name in a list that stands in apposition to a plural site noun ("ore bodies, Lennox and Byron") as a
    FACILITY; None otherwise. Countries and regions of the gazetteer keep their label ("mines, Chile and Peru")."""
    if span.label_ not in SITE_MISREADS or not span[0].is_title:
        return None
    if tables.gazetteer.get(clean_name(span.text)) is not None:
        return None
    doc = span.doc
    i = span.start - 1
    while i > 0 and span.start - i <= MAX_LISTED_TOKENS and not line_break(doc[i]):
        if (opener := _example_opener(doc, i)) is not None:
            return Span(doc, span.start, span.end, label="FACILITY") if _site_plural(span, opener, tables) else None
        if doc[i].text not in LIST_JOINERS and not doc[i].is_title:
            return None
        if doc[i].text == "," and _site_plural(span, i, tables):
            return Span(doc, span.start, span.end, label="FACILITY")
        i -= 1
    return None


def _example_opener(doc: Doc, i: int) -> int | None:
    """The index after which a plural noun stands when token ``i`` closes "such as" or "including" (a dash or comma
    allowed between: "major mines - such as X and Y"), else None."""
    if doc[i].lower_ == "including":
        first = i
    elif doc[i].lower_ == "as" and i > 0 and doc[i - 1].lower_ == "such":
        first = i - 1
    else:
        return None
    return first - 1 if first > 1 and doc[first - 1].text in EXAMPLE_PUNCT else first


def called_site(span: Span, tables: EntityTables) -> Span | None:
    """"a mine called Division El Salvador", "a deposit known as X": a name that a site noun just before calls so is
    a FACILITY, whatever the model read (a country's name included); None otherwise."""
    if span.label_ not in SITE_MISREADS | {"FACILITY"} or not span[0].is_title:
        return None
    doc = span.doc
    i = span.start - 1
    if i >= 1 and doc[i].text == "," and _apposed_site(span, tables) or _site_apposition_after(span, tables):
        return Span(doc, span.start, span.end, label="FACILITY")
    if i >= 1 and doc[i].lower_ == "as" and doc[i - 1].lower_ == "known":
        i -= 1
    elif i < 0 or doc[i].lower_ not in NAMING_WORDS:
        return None
    keywords = tables.cues.site_keywords | tables.cues.site_name_keywords
    if not any(doc[j].lower_ in keywords for j in range(max(i - MAX_DESCRIPTORS, 0), i)):
        return None
    return Span(doc, span.start, span.end, label="FACILITY")


def _apposed_site(span: Span, tables: EntityTables) -> bool:
    """"its zinc mining unit, X," : a singular site noun after a determiner, a comma, the name, a comma; the name is
    none the gazetteer knows ("its mine, Chile, ..." keeps the country)."""
    doc = span.doc
    comma = span.start - 1
    heads = tables.cues.site_apposition_heads
    one = doc[comma - 1].lower_
    two = f"{doc[comma - 2].lower_} {one}" if comma >= 2 else one
    if not (one in heads or two in heads) or span.end >= len(doc) or doc[span.end].text != ",":
        return False
    if tables.gazetteer.get(clean_name(span.text)) is not None:
        return False
    return any(doc[j].lower_ in OWNER_WORDS | {"the", "a"} for j in range(max(comma - 1 - MAX_DESCRIPTORS, 0), comma - 1))


def _site_apposition_after(span: Span, tables: EntityTables) -> bool:
    """"at X, the huge open-pit copper mine, ...": the name, a comma, "the"/"a" and lower-case descriptors closed by a
    singular site noun; the name is none the gazetteer knows ("Chile, the top copper miner" keeps the country)."""
    doc = span.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in {"the", "a", "an"}:
        return False
    if tables.gazetteer.get(clean_name(span.text)) is not None:
        return False
    heads = tables.cues.site_apposition_heads
    for j in range(i + 2, min(i + 2 + MAX_APPOSITION_TOKENS, len(doc))):
        token = doc[j]
        if token.lower_ in heads:
            return (j + 1 == len(doc) or doc[j + 1].is_punct or line_break(doc[j + 1])
                    or doc[j + 1].lower_ in PLACE_AFTER_SITE and span[0].is_title and len(span) == 1)
        if not (token.is_lower and token.is_alpha or token.text in WORD_HYPHENS) or token.lower_ == "of":
            return False
    return False


def coordinated_site(span: Span, tables: EntityTables) -> Span | None:
    """"at its Kestrel and Marlow sites": a name in an "and"/comma list of title-case names that an owner's word or
    "the" opens and a plural site noun closes (commodity or descriptor words allowed before it) is a FACILITY;
    None otherwise. Names the gazetteer knows keep their label ("its Chile and Peru operations")."""
    if span.label_ not in SITE_MISREADS or not span[0].is_title or tables.gazetteer.get(clean_name(span.text)) is not None:
        return None
    doc = span.doc
    descriptors = tables.site_descriptors
    joined = False
    j = span.end
    while j < len(doc) and j - span.end <= MAX_LISTED_TOKENS and not line_break(doc[j - 1]):
        token = doc[j]
        if token.lower_ in tables.cues.site_plurals and token.is_lower:
            break
        if token.text in LIST_JOINERS:
            joined = True
        elif not (token.is_title or token.lower_ in descriptors):
            return None
        j += 1
    else:
        return None
    i = span.start - 1
    while i >= 0 and span.start - i <= MAX_LISTED_TOKENS and not line_break(doc[i]):
        if doc[i].text in LIST_JOINERS:
            joined = True
        elif not doc[i].is_title:
            break
        i -= 1
    if not joined or i < 0 or doc[i].lower_ not in OWNER_WORDS | {"the"}:
        return None
    return Span(doc, span.start, span.end, label="FACILITY")


def plural_designation(span: Span, tables: EntityTables) -> bool:
    """"13 Strategic Projects", "These Strategic Projects": a name of at most two words (no commodity word, none the
    gazetteer knows) before a title-case plural site keyword, not closing a list, names a class of sites."""
    doc = span.doc
    if span.label_ == "COMMODITY" or span.end >= len(doc) or len(span) > 2:
        return False
    keyword = doc[span.end]
    if not (keyword.is_title and keyword.lower_ in tables.cues.site_plurals):
        return False
    if span.start > 0 and doc[span.start - 1].text in LIST_JOINERS:
        return False
    if any(token.lower_ in tables.commodity_words for token in span):
        return False
    return tables.gazetteer.get(clean_name(span.text)) is None


def _site_plural(span: Span, comma: int, tables: EntityTables) -> bool:
    """The words before the comma at ``comma`` are a plural site noun ("deposits", "ore bodies"), not the complement
    of a job title ("the head of operations, Ann Example,": the name is the person holding it)."""
    doc = span.doc
    one = doc[comma - 1].lower_
    two = f"{doc[comma - 2].lower_} {one}" if comma >= 2 else one
    width = 1 if one in tables.cues.site_plurals else 2 if two in tables.cues.site_plurals else 0
    of = comma - width - 1
    titles = tables.cues.person_titles | tables.cues.job_title_words
    return width > 0 and not (of >= 1 and doc[of].lower_ == "of" and doc[of - 1].lower_ in titles)


def facility_name(span: Span, tables: EntityTables) -> Span | None:
    """"Project Utile", "Donald Project", "the Sierra Gorda mine": a name with its facility keyword is a FACILITY.

    The keyword (capitalised inside the span, or the word right after it) is dropped: SPEC keeps the bare
    name. A town the gazetteer does not list before a site word is the site's name ("the Pirapora foundry"), and
    so is any unknown name after "its"/"their" ("its Butte facility", whatever label the model gave it).
    A known country or region before "project" keeps its place label ("the Australia project" is rare
    and ambiguous); a possessive before the keyword names an owner ("Lynas's mine").
    """
    doc = span.doc
    if len(span) > 1 and span[0].lower_ == "project" and span[0].is_title and span[-1].text not in tables.org_suffix_words:
        return Span(doc, span.start + 1, span.end, label="FACILITY")
    cues = tables.cues
    if (len(span) > 1 and span[-1].lower_ in cues.site_name_keywords and span[-1].is_title
            and span[-2].lower_ not in cues.trailing_connectors):
        return _site_name(span, tables)
    keyword = doc[span.end] if span.end < len(doc) else None
    site_after = keyword is not None and keyword.lower_ in cues.site_keywords or site_after_descriptors(span, tables)
    generic = keyword is not None and keyword.lower_ in cues.generic_site_words and keyword.is_lower
    if generic and span.label_ in {"ORG", "PERSON"} and tables.gazetteer.get(name := clean_name(span.text)) is None \
            and name not in tables.towns:
        return Span(doc, span.start, span.end, label="FACILITY")  # "the future Okouma site", no known place
    if site_after and keyword is not None and keyword.is_lower and keyword.lower_ in cues.site_plurals and not _the_before(span):
        site_after = False  # one name before a plural site word owns the sites ("Corvane mines in Peru")
    if site_after and span.label_ in {"ORG", "PERSON"}:
        known = tables.gazetteer.get(clean_name(span.text))
        # a title-case keyword makes the whole name the site's, owner's name included ("Graphite One Project")
        titled = keyword is not None and keyword.is_title and keyword.lower_ in cues.site_keywords
        if known is None and (titled or span[-1].text not in tables.org_suffix_words):
            return Span(doc, span.start, span.end, label="FACILITY")
    name = clean_name(span.text)
    # a town the model read as a person counts too; an ORG before a site word is its owner ("the Honda plant")
    entry = tables.gazetteer.get(name)
    owned = span.start > 0 and doc[span.start - 1].lower_ in OWNER_WORDS and entry is None
    town = span.label_ == "GPE" or span.label_ == "PERSON" and name in tables.towns or owned
    if (town and keyword is not None and keyword.lower_ in cues.site_keywords | cues.site_name_keywords
            and entry is None):
        # a town the gazetteer does not list, named for the site it hosts: "the Pirapora foundry", "Kwinana refinery"
        return Span(doc, span.start, span.end, label="FACILITY")
    if span.label_ == "GPE" and entry is not None and entry.kb_id is None and _singular_site_after(span, tables):
        # a listed town (no country or region code) names the one site it hosts: "the Kalgoorlie nickel
        # smelter", "its Kolwezi project"; the guide gives a place used for a town and its plant two entities
        return Span(doc, span.start, span.end, label="FACILITY")
    if lone_plant_name(span, tables):
        return Span(doc, span.start, span.end, label="FACILITY")
    return None


def _singular_site_after(span: Span, tables: EntityTables) -> bool:
    """A lower-case singular site word right after the name or after its descriptors ("nickel smelter")."""
    doc = span.doc
    cues = tables.cues
    j = _past_descriptors(span, tables)
    if j >= len(doc) or not doc[j].is_lower:
        return False
    return doc[j].lower_ in (cues.site_keywords | cues.site_name_keywords) - cues.site_plurals


def _the_before(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def described_site(span: Span, tables: EntityTables) -> bool:
    """"the X Expansion Project" cut to "Expansion", "Europe's Largest Deposit" (seventeenth session): a site name made
    only of work on a site (``site_change_words``) or superlatives describes a site and names none."""
    return span.label_ == "FACILITY" and all(
        token.text in tables.cues.site_change_words or token.tag_ == "JJS" for token in span
    )


def _site_name(span: Span, tables: EntityTables) -> Span:
    """The FACILITY before the title-case keyword that ends ``span``, or a COMMODITY when it holds only commodity
    words: in "the Donald Rare Earth and Mineral Sand Project" the words "Mineral Sand" name what the site holds.
    Commodity words with a descriptor that is no commodity ("the Rare Earth Processing Facility", "the Lithium
    Carbonate Industrial Plant") name no place or owner: the keyword is part of the name, and stays."""
    name = Span(span.doc, span.start, span.end - 1)
    words = tables.commodity_words
    if name.text.lower() in words or all(token.lower_ in words for token in name):
        return Span(name.doc, name.start, name.end, label="COMMODITY")
    if _descriptive_name(name, tables):
        return Span(span.doc, span.start, span.end, label="FACILITY")
    return Span(name.doc, name.start, name.end, label="FACILITY")


def _descriptive_name(name: Span, tables: EntityTables) -> bool:
    """Every word a site descriptor or part of a commodity's name, with a commodity and a word that is none
    ("Rare Earth Processing": "rare earth" is the commodity, "processing" the descriptor)."""
    lowers = [token.lower_ for token in name]
    in_commodity = [False] * len(lowers)
    for start in range(len(lowers)):
        for end in range(start + 1, min(start + MAX_COMMODITY_WORDS, len(lowers)) + 1):
            if " ".join(lowers[start:end]) in tables.commodity_words:
                in_commodity[start:end] = [True] * (end - start)
    return (all(word in tables.site_descriptors or covered for word, covered in zip(lowers, in_commodity, strict=True))
            and any(in_commodity) and not all(in_commodity))


def site_after_descriptors(span: Span, tables: EntityTables) -> bool:
    """"the Kalunga copper-cobalt mine": a site keyword after commodity or descriptor words (at most three)."""
    j = _past_descriptors(span, tables)
    return span.end < j < len(span.doc) and span.doc[j].lower_ in tables.cues.site_keywords


def _past_descriptors(span: Span, tables: EntityTables) -> int:
    """The index of the first token after the span's commodity or descriptor words (at most ``MAX_DESCRIPTORS``)."""
    doc = span.doc
    j = span.end
    while j < len(doc) and j - span.end < MAX_DESCRIPTORS and doc[j].lower_ in tables.site_descriptors:
        j += 1
    return j


def where_facilities(view: BlockView, spans: list[Span], tables: EntityTables) -> list[Span]:
    """'At Sollet, where drilling began': an unknown capitalised name before ", where" + site work is a FACILITY."""
    doc = view.doc
    lowers = view.tokens.lowers
    found: list[Span] = []
    if "where" not in lowers:
        return found
    taken = {i for span in spans for i in range(span.start, span.end)}
    for i, lower in enumerate(lowers):
        if lower != "where" or i < 3 or view.tokens.texts[i - 1] != ",":
            continue
        if i + 1 >= len(doc) or doc[i + 1].lower_ not in tables.cues.site_work:
            continue
        end = i - 1
        start = end
        while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha and doc[start - 1].lower_ != "at":
            start -= 1
        if start == end or end - start > 3 or start == 0 or doc[start - 1].lower_ != "at":
            continue
        if doc[start:end].text in tables.gazetteer or any(j in taken for j in range(start, end)):
            continue
        found.append(Span(doc, start, end, label="FACILITY"))
    return found


def worked_site(span: Span, tables: EntityTables) -> str | None:
    """FACILITY for an unknown name the model reads as a company or person right after a site noun or site work and
    "at" ("production at X", "operations at X", "the expansion project at X"), GPE after such a word and "in" ("a
    new plant in X"): a company is worked for, not worked at (issue 13, entities round en9; silver: four outlets).
    None when the name is known (a town too), ends in a country (a national subsidiary: "X Malaysia"), holds an
    organisation word, or a possessive or a company apposition follows it ("output at X's refinery", "output at X,
    the country's sole producer": ``name_cue`` reads those)."""
    doc = span.doc
    name = clean_name(span.text)
    if span.label_ not in {"ORG", "PERSON"} or span.start < 2 or name in tables.gazetteer or name in tables.towns:
        return None  # a known place or a town ("a smelter at Solwezi") keeps the town's reading
    if len(span) > 1 and (last := tables.gazetteer.get(span[-1].text)) is not None and last.label == "GPE":
        return None  # "production at Lynas Malaysia": a company's national subsidiary
    preposition, noun = doc[span.start - 1].lower_, doc[span.start - 2].lower_
    cues = tables.cues
    if preposition not in WORK_PLACES or noun not in cues.site_work | cues.site_name_keywords | cues.site_plurals:
        return None
    if not all(token.is_title or token.text in WORD_HYPHENS for token in span):
        return None
    if span.end < len(doc) and doc[span.end].lower_ in POSSESSIVES:
        return None
    if any(token.text in tables.org_suffix_words or token.lower_ in cues.org_name_words for token in span):
        return None
    return WORK_PLACES[preposition]
