"""One block ``Doc`` as the entity rules read it: token columns, zone, headline tokens, infos found so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import (
    IS_ALPHA,
    IS_DIGIT,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LIKE_NUM,
    LOWER,
    ORTH,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.tokens import Doc, Span, Token

from pipeline.components.word_table import MAX_WORDS
from pipeline.schema.annotations import EntityInfo
from pipeline.text.dashes import HYPHEN_MINUS, NON_BREAKING_HYPHEN

# Hyphens that join the parts of a compound word ("Export-Import", also with the no-break hyphen).
WORD_HYPHENS = frozenset({HYPHEN_MINUS, NON_BREAKING_HYPHEN})
# Tokens that mark a possessive after a name ("Kestrel's", "Marlin Metals'").
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def glued_hyphen(doc: Doc, i: int, marks: frozenset[str] = WORD_HYPHENS) -> bool:
    """Token ``i`` is one of ``marks`` written without a space on either side: inside a compound, not a dash."""
    return doc[i].text in marks and i > 0 and not doc[i].whitespace_ and not doc[i - 1].whitespace_


# What a token's word (its ORTH) alone decides: text, LOWER id, lower text, the lexeme flags of ``TokenColumns``
# (alpha, upper, punct, space, like_num, title, lower, digit) and whether it is a line break.
WordRow = tuple[str, int, str, bool, bool, bool, bool, bool, bool, bool, bool, bool]


class WordColumns:
    """The word-level columns of ``TokenColumns`` per ORTH hash, and tag strings per TAG hash, kept between Docs.

    A word's text, lower form and lexeme flags are the same in every Doc (a hash names one string, the flags are
    computed from it), so a Doc whose words and tags are all known reads only its token-level columns instead of
    looking every string up in the vocab. A component owns one; it learns from the full read of a Doc holding a
    new word or tag, and starts again when it reaches ``limit`` words.
    """

    def __init__(self, limit: int = MAX_WORDS) -> None:
        self.limit = limit
        self.rows: dict[int, WordRow] = {}
        self.tags: dict[int, str] = {}

    def learn(self, tokens: TokenColumns, tag_ids: list[int]) -> None:
        if len(self.rows) + len(tokens.orth_ids) > self.limit:
            self.rows.clear()
            self.tags.clear()
        self.rows.update(zip(tokens.orth_ids, zip(
            tokens.texts, tokens.lower_ids, tokens.lowers, tokens.alpha, tokens.upper, tokens.punct, tokens.space,
            tokens.like_num, tokens.title, tokens.lower, tokens.digit, tokens.newline, strict=True), strict=True))
        self.tags.update(zip(tag_ids, tokens.tags, strict=True))


class TokenColumns:
    """Per-token attributes of a ``Doc`` as plain lists, read once (every ``Token`` access builds an object).

    With ``words``, the columns a word alone decides come from that table when it knows every word of the Doc.
    """

    orth_ids: list[int]
    lower_ids: list[int]
    texts: list[str]
    lowers: list[str]
    alpha: list[bool]
    upper: list[bool]
    sent_start: list[bool]
    punct: list[bool]
    space: list[bool]
    like_num: list[bool]
    title: list[bool]
    lower: list[bool]
    digit: list[bool]
    whitespace: list[str]  # ``Token.whitespace_``
    tags: list[str]
    newline: list[bool]  # a line break is a whitespace token of its own (see ``line_break``)

    def __init__(self, doc: Doc, words: WordColumns | None = None) -> None:
        if words is not None and len(doc):
            orths, tag_ids, spacy, sent_start = doc.to_array([ORTH, TAG, SPACY, SENT_START]).T.tolist()
            rows, tags = words.rows, words.tags
            if all(orth in rows for orth in orths) and all(tag in tags for tag in tag_ids):
                self.orth_ids = orths
                (self.texts, self.lower_ids, self.lowers, self.alpha, self.upper, self.punct, self.space, self.like_num,
                 self.title, self.lower, self.digit, self.newline) = map(list, zip(*map(rows.__getitem__, orths), strict=True))
                self.sent_start = [value == 1 for value in sent_start]
                self.whitespace = [" " if value else "" for value in spacy]
                self.tags = list(map(tags.__getitem__, tag_ids))
                return
        self._read(doc)
        if words is not None and len(doc):
            words.learn(self, doc.to_array(TAG).tolist())

    def _read(self, doc: Doc) -> None:
        """Every column from the Doc and the vocab."""
        attrs = [ORTH, LOWER, IS_ALPHA, IS_UPPER, SENT_START, IS_PUNCT, IS_SPACE, LIKE_NUM, IS_TITLE, IS_LOWER,
                 IS_DIGIT, SPACY, TAG]
        columns = doc.to_array(attrs).T.tolist() if len(doc) else ([],) * len(attrs)
        orths, lowers, alpha, upper, sent_start, punct, space, like_num, title, lower, digit, spacy, tags = columns
        strings = doc.vocab.strings
        lookup = {key: strings[key] for key in {*orths, *lowers, *tags}}
        self.orth_ids = orths
        self.lower_ids = lowers
        self.texts = list(map(lookup.__getitem__, orths))
        self.lowers = list(map(lookup.__getitem__, lowers))
        self.alpha = list(map(bool, alpha))
        self.upper = list(map(bool, upper))
        self.sent_start = [value == 1 for value in sent_start]  # -1 (not a start) reads as 2**64 - 1
        self.punct = list(map(bool, punct))
        self.space = list(map(bool, space))
        self.like_num = list(map(bool, like_num))
        self.title = list(map(bool, title))
        self.lower = list(map(bool, lower))
        self.digit = list(map(bool, digit))
        self.whitespace = [" " if value else "" for value in spacy]  # ``Token.whitespace_``
        self.tags = list(map(lookup.__getitem__, tags))
        # a line break is a whitespace token of its own (see ``line_break``)
        self.newline = [is_space and "\n" in text for is_space, text in zip(self.space, self.texts, strict=True)]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the span: the tokens with their whitespace, the last one bare."""
        if end <= start:
            return ""
        texts, whitespace = self.texts, self.whitespace
        return "".join([texts[i] + whitespace[i] for i in range(start, end - 1)]) + texts[end - 1]


def line_break(token: Token) -> bool:
    """The token is a line break.

    spaCy never puts a newline into ``Token.whitespace_`` (at most one plain space): any run of whitespace that
    holds one becomes a space token of its own ("\n", "\n\n", "\n  "), so the end of a line is such a token.
    """
    return token.is_space and "\n" in token.text


@dataclass
class BlockView:
    """What every entity rule needs about the block it runs on.

    ``text`` is the block text read once (``Doc.text`` joins every token on each access); ``headline`` holds
    the indices of tokens on headline lines; ``infos`` collects the normalisation a rule already knows for a
    span, keyed by (start, end, label).
    """

    doc: Doc
    text: str
    zone: str
    tokens: TokenColumns
    headline: set[int]
    infos: dict[tuple[int, int, str], EntityInfo] = field(default_factory=dict)

    def note(self, span: Span, info: EntityInfo) -> None:
        self.infos[(span.start, span.end, span.label_)] = info
