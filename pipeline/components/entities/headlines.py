"""Headline lines: which tokens are on one, and what may still count as a name there.

On a title/heading line, or a title-case line in the body, a capitalised word proves nothing, so a name
there may not hold a common headline word ("Vietnam Passes Rare Earth Export Ban" names no ORG).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.entities.view import TokenColumns
from pipeline.resources.entities import EntityTables
from pipeline.schema.labels import HEADLINE_ZONES
from pipeline.text.calendar_names import MONTHS, WEEKDAYS

CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# A line is title case when it has at least this many words over three letters, nearly all capitalised.
TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_SHARE = 0.85


def headline_token_indices(zone: str, tokens: TokenColumns) -> set[int]:
    """Indices of the tokens on headline lines: the whole block in a title/heading zone, else each line or
    sentence whose words over three letters are nearly all capitalised; a sentence only when it opens its line (a
    headline glued before its story), not one the parser cut inside a line ("... -- First Example Corp. (TSX: FE)",
    round 8)."""
    if zone in HEADLINE_ZONES:
        return set(range(len(tokens.texts)))
    lines: set[int] = set()
    start = 0
    last = len(tokens.texts) - 1
    words = capitalised = 0
    alpha, sent_start = tokens.alpha, tokens.sent_start
    line_open = True  # the current sentence opens its line
    for i, token_text in enumerate(tokens.texts):
        if alpha[i] and len(token_text) > 3:
            words += 1
            if token_text[0].isupper():
                capitalised += 1
        # ``Token.is_sent_end``: the next token starts a sentence (the last token is handled by ``i == last``)
        line_end = "\n" in token_text
        if line_end or i == last or (i > start and sent_start[i + 1]):
            end = i + 1
            if words >= TITLE_CASE_MIN_WORDS and capitalised / words >= TITLE_CASE_SHARE and line_open:
                lines.update(range(start, end))
            start = end
            words = capitalised = 0
            line_open = line_end
    return lines


def is_name_token(token: Token, headline: bool, tables: EntityTables) -> bool:
    """A token that may be part of a name: no calendar word, article, section number, commodity word, nor (on a
    headline line) common headline word."""
    lower = token.lower_
    cues = tables.cues
    if lower in CALENDAR_WORDS or lower in cues.leading_words or lower in cues.section_numbers and token.is_upper:
        return False
    if token.text in cues.leading_prepositions:
        return False  # "At" opening a sentence before a name
    if headline and lower in tables.headline_words:
        return False
    return not (lower in tables.commodity_words and not token.is_upper)


def strict_headline_name(span: Span, tables: EntityTables) -> bool:
    """A model name on a headline line survives only when known, short and free of headline words and verbs."""
    if span.text in tables.gazetteer:
        return True
    if len(span) > 4:
        return False
    return all(
        not token.is_lower and is_name_token(token, True, tables) and token.pos_ not in {"VERB", "AUX"}
        for token in span
        if not token.is_punct
    )
