"""Acronyms that a bracket defines as a common noun or as a unit, not as a name.

News copy defines an acronym by writing its long form first: "Saskatchewan Research Council (SRC)" defines
a name, but "feasibility study (FS)", "vanadium redox flow batteries (VRFBs)" or "precision guided munitions
(PGMs)" define a term: the long form is in lower case, so the acronym names no entity either, whatever the
model read it as (it tags most capitalised acronyms ORG). So does a title-case long form that a document head closes
("Executive Order (EO)", "Memorandum of Understanding (MOU)": ``document_name_heads``, sixteenth session): the acronym
names the document, no organisation. A bracket right after an amount ("US$2.65 billion
(USD)") holds the amount's currency or unit, never a name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.components.entities.view import WORD_HYPHENS, glued_hyphen
from pipeline.resources.entities import EntityTables
from pipeline.text.dashes import EN_DASH

# An en dash glued between two words also joins a compound in copy set by word processors.
COMPOUND_MARKS = WORD_HYPHENS | {EN_DASH}
# Words a document's title-case long form holds in lower case ("Memorandum of Understanding").
DOCUMENT_JOINERS = frozenset({"of", "on", "for"})
# A lower-case long form longer than this is a phrase, not what one acronym stands for.
MAX_DEFINITION_WORDS = 8


def bracketed(span: Span) -> bool:
    """The span is all that stands between "(" and ")"."""
    doc = span.doc
    return span.start > 0 and span.end < len(doc) and doc[span.start - 1].text == "(" and doc[span.end].text == ")"


def acronym_letters(text: str) -> str:
    """The letters an acronym abbreviates: its capitals ("SmCo" -> "SC"), a plural "s" left out ("VRFBs")."""
    if len(text) > 1 and text.endswith("s") and text[:-1].isupper():
        text = text[:-1]
    return "".join(char for char in text if char.isupper())


def lower_case_words(doc: Doc, end: int) -> list[str]:
    """The lower-case words that end at token ``end`` (exclusive), nearest first, hyphen parts apart ("high-purity
    electrolytic manganese metal" -> metal, manganese, electrolytic, purity, high); stops at any other shape."""
    words: list[str] = []
    i = end - 1
    while i >= 0 and len(words) < MAX_DEFINITION_WORDS:
        token = doc[i]
        if glued_hyphen(doc, i, COMPOUND_MARKS):
            i -= 1
            continue
        if not (token.is_alpha and token.is_lower):
            break
        words.append(token.text)
        i -= 1
    return words


def defined_term(span: Span, tables: EntityTables) -> bool:
    """An acronym in brackets that abbreviates the lower-case words before it, or the unit of an amount.

    A COMMODITY reading is kept when those words hold a commodity word ("total rare earth oxide (TREO)"):
    the acronym then stands for the commodity.
    """
    if not bracketed(span) or len(span) != 1:
        return False
    doc = span.doc
    before = span.start - 2  # the token before "("
    if before < 0:
        return False
    if doc[before].like_num:
        return True  # "US$2.65 billion (USD)", "60 ktpa (tpa)": the amount's unit
    letters = acronym_letters(span.text)
    if len(letters) < 2:
        return False
    if span.label_ != "COMMODITY" and document_long_form(doc, before + 1, letters, tables.cues.document_name_heads):
        return True
    words = lower_case_words(doc, before + 1)[: len(letters)]
    if "".join(word[0] for word in reversed(words)).upper() != letters:
        return False
    return span.label_ != "COMMODITY" or set(words).isdisjoint(tables.commodity_words)


def document_long_form(doc: Doc, end: int, letters: str, heads: frozenset[str]) -> bool:
    """The title-case words ending at token ``end`` (exclusive) spell ``letters``, "of"/"on"/"for" between them
    counted or not, and the last is a document head ("Executive Order", "Memorandum of Understanding")."""
    if end < 1 or doc[end - 1].text not in heads:
        return False
    titled, every = "", ""
    for i in range(end - 1, -1, -1):
        token = doc[i]
        if token.is_title and token.is_alpha:
            titled, every = token.text[0] + titled, token.text[0] + every
        elif token.lower_ in DOCUMENT_JOINERS and titled:
            every = token.text[0].upper() + every
        else:
            return False
        if letters in (titled, every):
            return True
    return False
