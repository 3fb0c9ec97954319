"""Name-boundary rules of news writing, applied by ``refine`` (see ``models/entities/README.md``, issue 13).

Each function reads one convention of how names are written: a title-case name closed by the acronym it defines
("Regulatory and Oversight Authority for ... Markets (ARECOMS)"), a legal form written before the name ("NAC
KazAtomProm", "PJSC Norilsk"), a partnership suffix after it ("Lipmann Walton and Co."), a capitalised commodity
word that is part of a company or site name ("Graphite One Inc.", "Graphite Creek Mine"), a word capitalised only
because it opens a line ("Email newsletter signup", "• Potential joint venture"), a portfolio before
a title ("Investment Minister"), and an unknown one-word "person" the text places ("in Pomalaa and Sorowako").
The fourth round's precision rules read layout that names nothing: a state code after a city ("VANCOUVER, BC"), a
trading symbol ("(TSXV: GPH)"), a bracketed picture credit ("(AP Photo/Name, File)"), a one-word fragment of a
split headline name ("Fuels"), and a place before "of" ("Mozambique of Battery").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline.components.entities.addresses import address_middle
from pipeline.components.entities.view import BlockView, TokenColumns, glued_hyphen, line_break
from pipeline.resources.entities import EntityTables
from pipeline.text.commodity import clean_name

# Joining words a name may hold between its capitalised words ("Authority for Strategic Mineral ...").
NAME_JOINERS = frozenset({"and", "of", "for", "&", "on", "de", "du", "des", "y", "del", "da", "do", "dos"})
# The acronym a name defines: "(ARECOMS)", "(Exim)", "(DOE)".
DEFINED_ACRONYM = re.compile(r"[A-Z][A-Za-z&]{1,11}$")
# Labels of a span that may open or sit inside a name its acronym closes ("Salta" in "Salta Energia y Mineria
# Sociedad del Estado (SEMSE)").
DEFINITION_SEEDS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP"})
# Longest title-case run taken as one defined name.
MAX_DEFINED_NAME_TOKENS = 14
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
BULLETS = frozenset({"•", "·", "*", "-", "–", "—", "▪", "●"})
LINE_START_LABELS = frozenset({"ORG", "PERSON", "FACILITY", "GPE", "LOC"})
# Between the "exchange: symbol" pairs of one bracket ("(ASX: LYC; OTC: LYSCF)").
TICKER_SEPARATORS = frozenset({",", ";", "|", "/"})


def positional_capital(span: Span, tables: EntityTables) -> bool:
    """A one-word name that is a common word, capitalised only because it opens a line.

    The tagger reads "Potential", "Parallel", "Email" there as an adjective or noun (JJ, NN, VBN), not NNP; names the
    gazetteer knows are kept.
    """
    if len(span) != 1 or span.label_ not in LINE_START_LABELS:
        return False
    token = span[0]
    if not token.is_title or token.tag_ in PROPER_NOUN_TAGS or span.text in tables.gazetteer:
        return False
    return _line_start(span.doc, span.start)


def _line_start(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a line (after any bullet); mid-line sentence starts are left alone ("Customs data showed")."""
    j = i - 1
    while j >= 0 and doc[j].text in BULLETS:
        j -= 1
    return j < 0 or line_break(doc[j])


def extend_to_definition(span: Span, view: BlockView, taken: set[int]) -> Span:
    """An ORG inside a title-case run that a parenthesised acronym closes becomes the whole run.

    "Fenwick's Regulatory and Oversight Authority for Strategic Metal Trading (ROASMT)": the model's
    "Oversight Authority" grows to the full name, so the acronym links to it. The run holds capitalised words and
    joining words ("and", "of", "for", "of the"), never starts with a joining word, stays on one line and takes no
    token of another entity (``taken``: "Sojitz and Japan Organization for ... (JOGMEC)" keeps Sojitz apart).
    """
    doc = span.doc
    if span.label_ not in DEFINITION_SEEDS or span.start in view.headline:
        return span
    end = span.end
    while end < len(doc) and end not in taken and _run_word(doc, end) and not _line_break_before(doc, end):
        end += 1
    acronym = _bracketed_acronym(doc, end)
    if acronym is None:
        return span
    if not DEFINED_ACRONYM.match(acronym) or sum(char.isupper() for char in acronym) < 2 and len(acronym) < 4:
        return span
    start = span.start
    while start > 0 and start - 1 not in taken and _run_word(doc, start - 1) and not _line_break_before(doc, start):
        if doc[start - 1].lower_ in {"and", "&"} and (start < 3 or doc[start - 3].text == ","):
            break  # "X, Y and Z Agency (ZA)": the last items of a list, not words of the name
        start -= 1
    while start < span.start and not _capital_word(doc[start]):
        start += 1
    if (start, end) == (span.start, span.end) or end - start > MAX_DEFINED_NAME_TOKENS:
        return span
    return Span(doc, start, end, label="ORG")


QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def _bracketed_acronym(doc: Doc, i: int) -> str | None:
    """The word in "(X)" or, as press releases write it, "(“X”)" opening at token ``i``; else None."""
    j = i + 1
    if i >= len(doc) or doc[i].text != "(":
        return None
    quoted = j < len(doc) and doc[j].text in QUOTES
    j += quoted
    close = j + 1 + quoted
    if close >= len(doc) or doc[close].text != ")" or quoted and doc[j + 1].text not in QUOTES:
        return None
    return doc[j].text


def _capital_word(token: Token) -> bool:
    return token.is_alpha and (token.is_title or token.is_upper) and token.lower_ not in {"the", "a", "an"}


def _run_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    if _capital_word(token) or token.lower_ in NAME_JOINERS:
        return True
    if token.lower_ == "the":
        return i > 0 and doc[i - 1].lower_ == "of"
    # a hyphen inside a compound ("Export-Import")
    return glued_hyphen(doc, i)


def _line_break_before(doc: Doc, i: int) -> bool:
    return i > 0 and line_break(doc[i - 1])


def legal_prefix_name(span: Span, view: BlockView, tables: EntityTables) -> Span:
    """"NAC KazAtomProm", "PJSC Norilsk Nickel": a legal form before the name belongs to the ORG it opens.

    An ORG that is only the legal form takes the capitalised words after it; an ORG right after one takes it in.
    """
    doc = span.doc
    prefixes = tables.cues.legal_prefixes
    if span.label_ not in {"ORG", "PERSON"} or span.start in view.headline:
        return span
    if len(span) == 1 and span.text in prefixes:
        end = span.end
        while end < len(doc) and doc[end].is_alpha and doc[end].text[0].isupper() and doc[end].text not in prefixes:
            end += 1
        return Span(doc, span.start, end, label="ORG") if end > span.end else span
    if span.start > 0 and doc[span.start - 1].text in prefixes:  # a line break would be a token between
        return Span(doc, span.start - 1, span.end, label="ORG")
    return span


def partnership_name(span: Span, tables: EntityTables) -> Span:
    """"Lipmann Walton and Co.", "Smith & Sons": a partnership suffix makes the name before it an ORG."""
    doc = span.doc
    end = span.end
    if span.label_ not in {"ORG", "PERSON"} or end + 1 >= len(doc):
        return span
    if doc[end].lower_ in {"and", "&"} and doc[end + 1].text in tables.cues.partnership_suffixes:
        return Span(doc, span.start, end + 2, label="ORG")
    return span


def join_titled_commodities(spans: list[Span], view: BlockView) -> list[Span]:
    """A title-case commodity word glued to a company or site name is part of it.

    Body text writes commodities in lower case; "Graphite One Inc.", "the Graphite Creek Mine" and "Anglo American
    Platinum" are names. A COMMODITY directly before an ORG/FACILITY (or directly after an ORG), on the same line
    and outside headline lines, merges into that name. ``spans`` are non-overlapping, in text order.
    """
    doc = view.doc
    out: list[Span] = []
    i = 0
    while i < len(spans):
        span = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if nxt is not None and _glued(span, nxt, view):
            if span.label_ == "COMMODITY" and nxt.label_ in {"ORG", "FACILITY"} and _titled(span):
                out.append(Span(doc, span.start, nxt.end, label=nxt.label_))
                i += 2
                continue
            if span.label_ == "ORG" and nxt.label_ == "COMMODITY" and _titled(nxt):
                out.append(Span(doc, span.start, nxt.end, label="ORG"))
                i += 2
                continue
        out.append(span)
        i += 1
    return out


def _titled(span: Span) -> bool:
    return all(token.is_title for token in span if token.is_alpha)


def _glued(first: Span, second: Span, view: BlockView) -> bool:
    """Adjacent tokens separated by one plain space, neither on a headline line."""
    return (
        first.end == second.start
        and first.start not in view.headline
        and second.start not in view.headline
        and view.doc[first.end - 1].whitespace_ == " "
    )


def placed_person(span: Span, spans: list[Span], tables: EntityTables) -> bool:
    """An unknown one-word PERSON the sentence places: "in X", "near X", "in Pomalaa and X"; or a PERSON in the
    middle of an address chain ("located in Mentok, X, Indonesia": a placing word, a place, then a known place).

    Not when the block names a person ending in it, or a possessive or reporting verb follows it.
    """
    doc = span.doc
    if span.label_ == "PERSON" and address_middle(span, tables):
        return True
    if span.label_ != "PERSON" or len(span) != 1 or not span[0].is_title or span.text in tables.gazetteer:
        return False
    if span.end < len(doc) and (doc[span.end].lower_ in {"'s", "’s"} or doc[span.end].lower_ in tables.cues.reporting_verbs):
        return False
    if any(other.label_ == "PERSON" and len(other) > 1 and other[-1].text == span.text for other in spans):
        return False
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in {"and", ","}:
        i -= 1
        while i >= 0 and doc[i].is_title and doc[i].is_alpha:
            i -= 1
    return i >= 0 and doc[i].lower_ in tables.cues.placing_words


def placed_organisation(span: Span, tables: EntityTables) -> bool:
    """An unknown ORG right after a proximity word ("a concentrator near Southern Cross"): a company is never "near"
    anything, a town is; names with an organisation word ("near Kestrel Mining") stay companies."""
    doc = span.doc
    if span.label_ != "ORG" or span.start == 0 or doc[span.start - 1].lower_ not in tables.cues.proximity_words:
        return False
    if clean_name(span.text) in tables.gazetteer or not all(token.is_title and token.is_alpha for token in span):
        return False
    return not any(token.text in tables.org_suffix_words for token in span)


# --- issue 13, fourth round: precision rules grounded in how news excerpts are laid out ---------------------------


def state_after_city(span: Span, tables: EntityTables) -> bool:
    """"VANCOUVER, BC", "Vidalia, La.": a state or province abbreviation written after a place name belongs to
    that place's address, it is no name of its own (the model reads "BC" as an organisation).

    The abbreviation is one token, upper case or ending in a full stop, whose letters are the subdivision part of
    an ISO 3166-2 code of the place tables; the word before the comma is a known place or town.
    """
    doc = span.doc
    if len(span) != 1 or span.start < 2 or doc[span.start - 1].text != ",":
        return False
    token = span[0]
    code = token.text.replace(".", "").upper()
    if not (token.is_upper or token.text.endswith(".")) or not 2 <= len(code) <= 3 or not code.isalpha():
        return False
    place = doc[span.start - 2]
    name = place.text.title() if place.is_upper else place.text
    known = tables.gazetteer.get(name)
    if not (name in tables.towns or known is not None and known.label in {"GPE", "LOC"}):
        return False
    return code in tables.subdivision_suffixes


def ticker(span: Span, tables: EntityTables | None = None) -> bool:
    """"(TSXV: GPH)", "(NYSE American: UUUU)", "(ASX:AVL)": a trading symbol after an exchange and a colon in
    brackets names no entity of its own (the company is named beside it; the exchange stays an ORG). With
    ``tables``, a ``stock_exchanges`` name after the colon is the exchange of a symbol-first listing ("(AG: NYSE)")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ":" or len(span) > 2:
        return False
    if tables is not None and span.text in tables.cues.stock_exchanges:
        return False
    if not all(t.is_upper or t.like_num or t.text == "." for t in span):
        return False
    j = span.start - 2
    while j >= 0 and doc[j].text != "(" and span.start - j <= 4 and (doc[j].is_upper or doc[j].is_title):
        j -= 1
    if j >= 0 and doc[j].text in TICKER_SEPARATORS and j < span.start - 2:
        return ticker(Span(doc, j - 1, j, label=span.label_)) if j > 0 else False  # "(ASX: LYC; OTC: LYSCF)"
    return j >= 0 and doc[j].text == "(" and j < span.start - 2


def headline_fragment(span: Span, view: BlockView, tables: EntityTables) -> bool:
    """One word of a title-case headline name that the model split off ("Energy Fuels' ..." -> "Fuels",
    "Mineral Sand Joint Venture" -> "Sand"): on a headline line, an unknown one-word name glued to another
    capitalised word is a fragment, not a name (a body mention of the full name is found by entity linking)."""
    doc = span.doc
    if len(span) != 1 or span.start not in view.headline or span.label_ == "COMMODITY":
        return False
    if span.text in tables.gazetteer or span[0].is_upper:
        return False
    cues = tables.cues
    if span.label_ == "FACILITY" and span.end < len(doc) and doc[span.end].lower_ in cues.site_keywords | cues.site_name_keywords:
        return False  # the site's own title-case keyword follows ("... at Warrin Mine"): the name is whole
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    # a neighbour across a line break is the break's own whitespace token, never a title-case word
    return any(t.is_title and t.is_alpha for t in neighbours)


def place_of_fragment(span: Span, tables: EntityTables) -> bool:
    """"Mozambique of Battery": a known country or region followed by "of" opens no organisation name
    ("Bank of China", "Republic of Korea", "Government of Victoria" put the body first)."""
    if span.label_ != "ORG" or len(span) < 3 or span[1].lower_ != "of":
        return False
    known = tables.gazetteer.get(span[0].text)
    return known is not None and known.label in {"GPE", "LOC"} and span.text not in tables.gazetteer




# A parenthesised picture credit is short: "(AP Photo/Jane Doe, File)", "(Jane Doe/Agency)".
MAX_CREDIT_TOKENS = 10


def _parenthesised(span: Span, tokens: TokenColumns) -> tuple[int, int] | None:
    """The token indices of the "(" and ")" around the span on its line, or None (a line break stops the search)."""
    texts, newline = tokens.texts, tokens.newline
    i = span.start - 1
    while i >= 0 and texts[i] not in {"(", ")"} and not newline[i] and span.start - i <= MAX_CREDIT_TOKENS:
        i -= 1
    if i < 0 or texts[i] != "(":
        return None
    j = span.end
    size = len(texts)
    while j < size and texts[j] not in {"(", ")"} and not newline[j] and j - i <= MAX_CREDIT_TOKENS:
        j += 1
    if j >= size or texts[j] != ")":
        return None
    return i, j



def slash_credit(span: Span, tables: EntityTables, *, tokens: TokenColumns | None = None) -> bool:
    """"(AP Photo/Jane Doe, File)", "(Jane Doe/Agency)": a short bracket of capitalised words holding "name/name"
    is a picture credit; its only lower-case words may be credit words ("file", "photo").

    ``tokens``: the block's columns when the caller has them (read from ``span.doc`` otherwise).
    """
    tokens = tokens or TokenColumns(span.doc)
    bounds = _parenthesised(span, tokens)
    if bounds is None:
        return False
    credit = tables.cues.credit_words
    texts = tokens.texts
    inside = range(bounds[0] + 1, bounds[1])
    return any(texts[i] == "/" or "/" in texts[i] and not tokens.like_num[i] for i in inside) and all(
        not tokens.lower[i] or texts[i].title() in credit or texts[i].upper() in credit for i in inside if tokens.alpha[i]
    )


# The words a person's name takes after an organisation name it was glued to ("... Mining Ann Example").
PERSON_NAME_TOKENS = frozenset({2, 3})


def plain_person_name(name: Span, tables: EntityTables) -> bool:
    """Two or three plain capitalised words, no place and no commodity: a person's name glued to an
    organisation's run ("... Mining Ann Example", "... Police Superintendent Ann Example")."""
    return len(name) in PERSON_NAME_TOKENS and not any(
        not (token.is_title and token.is_alpha) or token.lower_ in tables.commodity_words
        or token.text in tables.gazetteer or token.text in tables.towns for token in name
    )


def trailing_person(span: Span, tables: EntityTables) -> tuple[Span, Span] | None:
    """"Chairman of Kestrel Nonferrous Metal Mining Ann Example": news copy writes "<title> of <organisation>
    <name>" without a comma, and the model reads the whole run as one ORG. After a person title and "of", an ORG
    whose last two or three words follow its last organisation word ("Mining", "Corp.", "Ministry") and are plain
    capitalised words, no place and no commodity, splits into the ORG and a PERSON; None otherwise."""
    doc = span.doc
    if span.label_ != "ORG" or span.start < 2 or doc[span.start - 1].lower_ != "of":
        return None
    if not any(doc[i].lower_ in tables.cues.person_titles for i in range(max(span.start - 4, 0), span.start - 1)):
        return None
    org_words = tables.org_suffix_words
    last = max((i for i in range(span.start, span.end) if doc[i].text in org_words), default=None)
    if last is None or not plain_person_name(doc[last + 1 : span.end], tables):
        return None
    return Span(doc, span.start, last + 1, label="ORG"), Span(doc, last + 1, span.end, label="PERSON")


def employer_acronym(span: Span, after: list[str], tables: EntityTables) -> bool:
    """"KGC Managing Director ...", "SCM chief executive ...": one all-capital word before a job title is the
    employer of the person named after it; a person's name is no acronym."""
    if len(span) != 1 or not (span[0].is_upper and span[0].is_alpha) or len(span[0]) < 2:
        return False
    cues = tables.cues
    return bool(after) and (after[0] in cues.person_titles or after[0] in cues.job_title_words
                            and any(word in cues.person_titles for word in after[1:]))
