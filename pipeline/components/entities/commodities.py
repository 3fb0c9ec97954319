"""Commodity mentions: lexicon heads with their form words ("rare earth oxide"), and formulas in a grade."""

from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from pipeline.components.entities.currency_codes import currency_nouns
from pipeline.components.entities.view import WORD_HYPHENS, BlockView, TokenColumns
from pipeline.resources.entities import EntityTables
from pipeline.resources.entity_cues import CueWords
from pipeline.schema.annotations import EntityInfo
from pipeline.text.commodity import commodity_surfaces

FORMULA = re.compile(r"(?:[A-Z][a-z]?\d*)+")
GRADE_UNITS = frozenset({"%", "wt%", "ppm", "g/t", "ppb"})
# Labels the model gives an element symbol that a grade or price shows to be the metal ("84% Ge" as ORG).
SYMBOL_MISREADS = frozenset({"ORG", "PERSON", "FACILITY", "LAW"})
# Separators inside a numeric date ("2025-10-16", "16/10/2025").
DATE_SEPARATORS = frozenset({"-", "/", "."})


class CommodityMatcher:
    """Finds commodity heads (case-insensitive) and extends them over a following form word."""

    def __init__(self, vocab: Vocab, tokenizer: Tokenizer, tables: EntityTables) -> None:
        self.tables = tables
        self.heads = PhraseMatcher(vocab, attr="LOWER")
        self.heads.add("COMMODITY", list(tokenizer.pipe(commodity_surfaces(tables.lexicon))))
        self.forms = PhraseMatcher(vocab, attr="LOWER")
        self.forms.add("FORM", list(tokenizer.pipe(list(tables.lexicon.forms))))
        # the first words of ``not_before`` phrases, read once: "lithium-ion", "lithium ion batteries" name a battery
        self.not_before = frozenset(phrase.split()[0] for phrase in tables.lexicon.not_before)

    def spans(self, view: BlockView) -> list[Span]:
        """Non-overlapping commodity spans, each with its parsed ``commodity`` noted in ``view``."""
        doc = view.doc
        lexicon = self.tables.lexicon
        elements = self.tables.parse_commodity.elements
        forms = {start: end for _, start, end in self.forms(doc)}
        spans: list[Span] = []
        tokens = view.tokens
        texts, lowers, title = tokens.texts, tokens.lowers, tokens.title
        size = len(texts)
        for _, start, end in self.heads(doc):
            head_text = tokens.span_text(start, end)
            if (
                head_text.lower() in self.tables.case_sensitive
                and head_text not in lexicon.combos
                and not (head_text.isupper() or head_text in lexicon.products)
            ):
                continue
            if head_text.lower() in lexicon.ambiguous and title[start] and start > 0 and not tokens.sent_start[start]:
                continue
            if head_text.lower() in lexicon.contextual and not _commodity_context(
                start, end, tokens, elements, forms, self.tables.cues):
                continue  # "lead" the verb or noun, not the metal
            after = end + 1 if end < size and texts[end] in WORD_HYPHENS else end
            if after < size and lowers[after] in self.not_before:
                continue  # "lithium-ion", "lithium ion batteries" name a battery, not lithium (``not_before``)
            while end < size and texts[end] == "-" and end + 1 < size and lowers[end + 1] in elements:
                end += 2
            # "indium gallium arsenide", "zinc germanium phosphide": element names chained before one form word
            chain = end
            while chain < size and lowers[chain] in elements:
                chain += 1
            if chain > end and chain in forms:
                end = chain
            if end in forms:
                end = forms[end]
            if title[start] and end < size and texts[end] in self.tables.cues.series_words:
                continue  # a column or publication name ("Overseas Rare Earth Roundup"), not a mention
            spans.append(Span(doc, start, end, label="COMMODITY"))
        result = filter_spans(spans)
        for span in result:
            parsed = self.tables.parse_commodity(span.text)
            view.note(span, EntityInfo(normalized=parsed["name"], kb_id=None, commodity=parsed))
        return result


# Penn tags of a noun or noun modifier ("lead" in "lead smelter"; "lead" the verb is VB/VBP).
NOUN_TAGS = frozenset({"NN", "NNP", "JJ"})
# Words joining two commodities ("zinc and lead", "lead-zinc", "copper, lead").
COMMODITY_JOINERS = frozenset({"and", "or", ",", "-", "/", "&"})


def _commodity_context(start: int, end: int, tokens: TokenColumns, elements: dict[str, str], forms: dict[int, int],
                       cues: CueWords) -> bool:
    """A word that is a commodity only in context ("lead"): joined to another element name ("zinc and lead",
    "lead-zinc"), before a form word ("lead concentrate"), after "<number or unit> of" ("8,900 t of lead"), or a noun
    before a word of the metal's trade or after "refined" ("the largest lead producer", "its lead smelter", "refined
    lead output": ``commodity_trade_heads``)."""
    lowers = tokens.lowers
    size = len(lowers)
    if end in forms:
        return True
    noun = tokens.tags[start] in NOUN_TAGS
    if noun and (end < size and lowers[end] in cues.commodity_trade_heads or start >= 1 and lowers[start - 1] == "refined"):
        return True
    mass_words = cues.mass_words
    if end + 1 < size and lowers[end] in COMMODITY_JOINERS and lowers[end + 1] in elements:
        return True
    if start >= 2 and lowers[start - 1] in COMMODITY_JOINERS and lowers[start - 2] in elements:
        return True
    return start >= 2 and lowers[start - 1] == "of" and (tokens.like_num[start - 2] or lowers[start - 2] in mass_words)


# Signs that close a currency prefix ("$", "US$", "A$", "€").
CURRENCY_SIGNS = frozenset("$€£¥")


def formula_commodities(view: BlockView, tables: EntityTables) -> list[Span]:
    """'0.8% V2O5', '450 ppm U3O8', '1.1% Ni': chemical formulas and element symbols in a grade context.

    Round 12: a bare symbol is also an element after a price's mass unit ("US$300/kg Ga"), in brackets right after
    its element's name ("germanium (Ge)", the article defining it), and joined by a slash to another two-letter
    symbol ("Ge/Ga"): each names the metal, not a company or a person.
    """
    doc = view.doc
    spans: list[Span] = []
    for i, text in enumerate(view.tokens.texts):
        if len(text) > 10 or not text[:1].isupper() or not FORMULA.fullmatch(text):
            continue
        parsed = tables.parse_commodity.formula(text)
        if parsed is None:
            continue
        prev = doc[i - 1] if i > 0 else None
        grade = prev is not None and (prev.text in GRADE_UNITS or prev.like_num and not _date_part(prev) and not _amount(prev))
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        bare = not any(ch.isdigit() for ch in text)
        if bare and not grade and (_per_mass(doc[i], tables) or _defined_symbol(doc[i], parsed["name"])
                                   or _symbol_pair(doc[i], tables)):
            grade = True
        if bare and (not grade or nxt is not None and (nxt.is_title and nxt.is_alpha or nxt.lower_ in currency_nouns())):
            continue  # a bare symbol needs a grade before it and no name after it ("2025-10-16 He Yongqian"), nor a
            # currency's ("17 million US dollars": the currency's country)
        span = Span(doc, i, i + 1, label="COMMODITY")
        view.note(span, EntityInfo(normalized=parsed["name"], kb_id=None, commodity=parsed))
        spans.append(span)
    return spans


def symbol_chains(view: BlockView, tables: EntityTables) -> list[Span]:
    """"Ni-Cu-Co-Zn", "Cu-Au": element symbols glued by hyphens name the metals a project or deposit holds (sixteenth
    session). Two symbols or more, at least one of two letters (one-letter pairs may be initials or grades, "U-V"),
    each one the lexicon's, the chain not inside a longer hyphenated word."""
    tokens = view.tokens
    texts, size = tokens.texts, len(tokens.texts)
    symbols = tables.parse_commodity.symbols
    spans: list[Span] = []
    i = 0
    while i < size:
        end = i + 1
        while (end + 1 < size and texts[end] in WORD_HYPHENS and texts[end + 1] in symbols
               and not tokens.whitespace[end - 1] and not tokens.whitespace[end]):
            end += 2
        parts = texts[i:end:2]
        glued = (i > 0 and texts[i - 1] in WORD_HYPHENS and not tokens.whitespace[i - 1]) or (
            end < size and texts[end] in WORD_HYPHENS and not tokens.whitespace[end - 1])
        if texts[i] in symbols and len(parts) > 1 and any(len(part) == 2 for part in parts) and not glued:
            span = Span(view.doc, i, end, label="COMMODITY")
            view.note(span, EntityInfo(normalized=span.text, kb_id=None,
                                       commodity={"name": span.text, "elements": list(dict.fromkeys(parts)), "form": None}))
            spans.append(span)
            i = end
            continue
        i += 1
    return spans


def with_formulas(spans: list[Span], view: BlockView, tables: EntityTables) -> list[Span]:
    """``spans`` plus the formula hits of ``formula_commodities``. Element symbols in a grade or price are the metals,
    not the name the model read ("84% Ge", "Ge/Ga" as ORG): such readings go; a place keeps its own ("million US
    dollars", overlaps resolved later)."""
    formulas = formula_commodities(view, tables)
    symbols = {span.start for span in formulas if span.text in tables.parse_commodity.symbols}
    kept = [span for span in spans if span.label_ not in SYMBOL_MISREADS
            or not all(token.i in symbols or token.text == "/" for token in span)]
    return [*kept, *formulas]


def _per_mass(token: Token, tables: EntityTables) -> bool:
    """"/kg Ga": the symbol closes a price per mass unit."""
    doc = token.doc
    return token.i > 1 and doc[token.i - 1].lower_ in tables.cues.mass_words and doc[token.i - 2].text == "/"


def _defined_symbol(token: Token, element: str) -> bool:
    """"germanium (Ge)": the symbol in brackets right after its element's name."""
    doc = token.doc
    i = token.i
    return (1 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"
            and doc[i - 2].lower_ == element.lower())


def _symbol_pair(token: Token, tables: EntityTables) -> bool:
    """"Ge/Ga": two two-letter element symbols joined by a slash without spaces (one-letter ones may be initials)."""
    doc = token.doc
    i = token.i
    symbols = tables.parse_commodity.symbols

    def pair(first: int, second: int) -> bool:
        return (0 <= first and second < len(doc) and doc[first + 1].text == "/" and not doc[first].whitespace_
                and not doc[first + 1].whitespace_ and all(len(doc[k].text) == 2 and doc[k].text in symbols
                                                          for k in (first, second)))

    return pair(i, i + 2) or pair(i - 2, i)


def _amount(token: Token) -> bool:
    """A number after a currency sign ("US$1.5 B"): the letter after it is a scale, not an element."""
    doc = token.doc
    return token.i > 0 and (doc[token.i - 1].is_currency or doc[token.i - 1].text[-1:] in CURRENCY_SIGNS)


def _date_part(token: Token) -> bool:
    """A number glued to a date separator before it ("16" in "2025-10-16", "3/16")."""
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text in DATE_SEPARATORS and not doc[token.i - 1].whitespace_


def join_element_chains(spans: list[Span], view: BlockView, tables: EntityTables) -> list[Span]:
    """Element names written side by side and closed by their formula in brackets are one alloy or compound:
    "samarium cobalt (SmCo)", "neodymium iron boron (NdFeB)" (the formula's symbols, in order, are the chain's
    elements); the formula stays its own mention, which linking reads as the chain's abbreviation."""
    doc = view.doc
    symbols = tables.parse_commodity.elements
    by_start = {span.start: span for span in spans if span.label_ == "COMMODITY" and len(span) == 1}
    replaced: set[int] = set()
    chains: list[Span] = []
    for start, first in by_start.items():
        if start in replaced or first.text.lower() not in symbols:
            continue
        end = start + 1
        while end in by_start and by_start[end].text.lower() in symbols:
            end += 1
        if end - start < 2 or end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        written = [symbols[doc[i].text.lower()] for i in range(start, end)]
        if "".join(written) != doc[end + 1].text:
            continue
        chain = Span(doc, start, end, label="COMMODITY")
        name = " ".join(token.lower_ for token in chain)
        view.note(chain, EntityInfo(normalized=name, kb_id=None,
                                    commodity={"name": name, "elements": written, "form": None}))
        replaced.update(range(start, end))
        chains.append(chain)
    if not chains:
        return spans
    kept = [span for span in spans if not (span.start in replaced and len(span) == 1)]
    return sorted([*kept, *chains], key=lambda span: span.start)
