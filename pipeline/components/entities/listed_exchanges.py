"""Exchanges named in a company's listing bracket (issue 13, entities, fourteenth session).

Company releases write where the company trades in a bracket after its name: "Example Ltd (TSX: EXL) (NASDAQ:
EXLL)", "(ASX Code: EXL, OTCQB: EXLF)". The annotation guide makes a stock-exchange name an ORG wherever it is written
(docs/annotation.md, "Zones: what counts"); the gazetteer knows a few exchanges by one spelling ("Nasdaq", "TSX"), and
the model leaves the rest of the listing codes untagged ("NASDAQ", "OTCQB") or reads "ASX Code" as a law.

A ``stock_exchanges`` word of ``cue_words.json`` inside an open bracket on its line, right before the colon of a
listing, or before "Code" ("Share code") and that colon, is an ORG (named as the gazetteer names it, else as
written); the rest of the bracket is read by ``names.ticker``. So is one opening a line before such a colon (a
release header's listing lines: "ASX: EXL", "JSE Share code: EXL"; twenty-first session) and one glued by a hyphen
to a listing participle ("AIM-listed", "ASX-quoted": the read dev gold keeps the exchange, rn558). A law name the
patterns read over such an exchange ("ASX Code") is the listing's label, no law.

The bracket also says what stands before it: the listed company (sixteenth session). Where the model tags nothing
there ("Ores Seven (AIM: OSV)": a company named after a number word reads as no name at all), the capitalised words
right before the bracket, on its line, are that ORG ("Quarry Nine Ltd (ASX: QNL)"). A leading "The", a lower-case
word, a punctuation mark other than "&", "." or "-", or a line break ends the name and stays out.

An exchange or index provider inside a stock index's name ("the S&P/TSX Composite index", "the ASX 200", "FTSE 100":
``index_providers``, ``index_words``, or a number of two to four digits after it) names the index, no organisation.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.view import BlockView, TokenColumns
from pipeline.resources.entities import EntityTables
from pipeline.resources.entity_cues import CueWords
from pipeline.schema.annotations import EntityInfo

# What may stand between the exchange and the listing's colon: "ASX Code: EXL", "ASX code: EXL", "JSE Share code: EXL".
LISTING_LABELS = frozenset({"code", "share"})
# Participles glued to an exchange by a hyphen that say a company trades there ("ASX-listed", "AIM-quoted").
LISTED_PARTICIPLES = frozenset({"listed", "quoted", "traded"})
HYPHENS = frozenset({"-", "–"})
# Tokens a listing bracket may hold before the exchange ("(TSX: EXL; NASDAQ: EXLL)").
MAX_BRACKET_TOKENS = 12
# Model labels that already read the words before a bracket as a name (numbers, dates and titles of works do not).
NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "LAW"})
# Digits of the number that names an index's size ("ASX 200", "S&P 500", "Nikkei 225").
INDEX_SIZE_DIGITS = (2, 4)
# Most words of a listed company's name read before its bracket.
MAX_LISTED_NAME_TOKENS = 6
# Marks a company's name may hold between its words ("Smith & Sons", "Co.", "Rio-Gold").
NAME_MARKS = frozenset({"&", ".", "-"})


def listed_exchanges(view: BlockView, tables: EntityTables) -> list[Span]:
    """ORG spans for the exchanges of listing brackets (module docstring)."""
    tokens = view.tokens
    texts, lowers = tokens.texts, tokens.lowers
    exchanges = tables.cues.stock_exchanges
    found: list[Span] = []
    for i, text in enumerate(texts):
        if text not in exchanges:
            continue
        colon = i + 1
        while colon < len(texts) and colon - i <= len(LISTING_LABELS) and lowers[colon] in LISTING_LABELS:
            colon += 1
        listing = colon < len(texts) and texts[colon] == ":" and (_in_bracket(view, i) or _opens_line(view, i))
        if listing or _listed_compound(texts, i):
            span = Span(view.doc, i, i + 1, label="ORG")
            entry = tables.gazetteer.get(text)
            view.note(span, EntityInfo(normalized=entry.normalized if entry is not None and entry.label == "ORG" else text,
                                       kb_id=None, commodity=None))
            found.append(span)
    return found


def listed_companies(view: BlockView, exchanges: list[Span], tables: EntityTables) -> list[Span]:
    """ORG spans for the untagged company names right before a listing bracket (module docstring)."""
    tokens = view.tokens
    texts = tokens.texts
    tagged = {i for ent in view.doc.ents if ent.label_ in NAME_LABELS for i in range(ent.start, ent.end)}
    found: list[Span] = []
    for exchange in exchanges:
        bracket = exchange.start - 1
        if bracket < 1 or texts[bracket] != "(" or bracket - 1 in tagged or bracket - 1 in view.headline:
            continue
        start = _name_start(view, bracket, tables)
        if start is not None:
            found.append(Span(view.doc, start, bracket, label="ORG"))
    return found


def _name_start(view: BlockView, end: int, tables: EntityTables) -> int | None:
    """Where the capitalised name that ends right before token ``end`` begins, or None without one."""
    tokens = view.tokens
    start = end
    while start > 0 and end - start < MAX_LISTED_NAME_TOKENS:
        i = start - 1
        word = tokens.alpha[i] and (tokens.title[i] or tokens.upper[i])
        mark = tokens.texts[i] in NAME_MARKS and start < end and not tokens.newline[i]
        if not (word or mark or (tokens.digit[i] and start < end)) or tokens.lowers[i] in tables.cues.leading_words:
            break  # "The Example Company (TSX: EXC)": the article stays out
        start = i
    while start < end and not tokens.alpha[start]:
        start += 1
    if start == end or not any(tokens.alpha[i] for i in range(start, end)):
        return None
    return start


def index_name_part(span: Span, tokens: TokenColumns, cues: CueWords) -> bool:
    """The span is an exchange or index provider written as part of a stock index's name (module docstring)."""
    text = tokens.span_text(span.start, span.end)
    if text not in cues.stock_exchanges and text not in cues.index_providers:
        return False
    texts = tokens.texts
    after = texts[span.end] if span.end < len(texts) else ""
    if after in cues.index_words or (after.isdigit() and INDEX_SIZE_DIGITS[0] <= len(after) <= INDEX_SIZE_DIGITS[1]):
        return True
    # "S&P/TSX": the provider glued before the exchange with a slash
    return span.start > 1 and texts[span.start - 1] == "/" and texts[span.start - 2] in cues.index_providers


def without_listing_labels(spans: list[Span], exchanges: list[Span]) -> list[Span]:
    """The rule hits without the law names read over a listed exchange ("ASX Code: EXL")."""
    taken = {span.start for span in exchanges}
    return [span for span in spans if span.label_ != "LAW" or not any(span.start <= i < span.end for i in taken)]


def _opens_line(view: BlockView, index: int) -> bool:
    """The token opens its line: a listing line of a release's header ("ASX: EXL" under the company's name)."""
    return index == 0 or view.tokens.newline[index - 1]


def _listed_compound(texts: list[str], index: int) -> bool:
    """"ASX-listed", "AIM-quoted": the exchange a company trades on, glued to its participle by a hyphen."""
    return (index + 2 < len(texts) and texts[index + 1] in HYPHENS
            and texts[index + 2].lower() in LISTED_PARTICIPLES)


def _in_bracket(view: BlockView, index: int) -> bool:
    """An opening bracket stands before the token on its line, closed by none in between."""
    texts = view.tokens.texts
    for i in range(index - 1, max(index - 1 - MAX_BRACKET_TOKENS, -1), -1):
        if texts[i] == "(":
            return True
        if texts[i] == ")" or "\n" in texts[i]:
            return False
    return False
