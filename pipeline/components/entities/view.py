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

from pipeline.schema.annotations import EntityInfo

# Hyphens that join the parts of a compound word ("Export-Import"; U+2011 is the no-break hyphen).
HYPHENS = frozenset({"-", "‑"})
# Tokens that mark a possessive after a name ("Kestrel's", "Marlin Metals'").
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def glued_hyphen(doc: Doc, i: int, marks: frozenset[str] = HYPHENS) -> bool:
    """Token ``i`` is one of ``marks`` written without a space on either side: inside a compound, not a dash."""
    return doc[i].text in marks and i > 0 and not doc[i].whitespace_ and not doc[i - 1].whitespace_


class TokenColumns:
    """Per-token attributes of a ``Doc`` as plain lists, read once (every ``Token`` access builds an object)."""

    def __init__(self, doc: Doc) -> None:
        attrs = [ORTH, LOWER, IS_ALPHA, IS_UPPER, SENT_START, IS_PUNCT, IS_SPACE, LIKE_NUM, IS_TITLE, IS_LOWER,
                 IS_DIGIT, SPACY, TAG]
        columns = doc.to_array(attrs).T.tolist() if len(doc) else ([],) * len(attrs)
        orths, lowers, alpha, upper, sent_start, punct, space, like_num, title, lower, digit, spacy, tags = columns
        strings = doc.vocab.strings
        lookup = {key: strings[key] for key in {*orths, *lowers, *tags}}
        self.orth_ids: list[int] = orths
        self.lower_ids: list[int] = lowers
        self.texts: list[str] = list(map(lookup.__getitem__, orths))
        self.lowers: list[str] = list(map(lookup.__getitem__, lowers))
        self.alpha: list[bool] = list(map(bool, alpha))
        self.upper: list[bool] = list(map(bool, upper))
        self.sent_start: list[bool] = [value == 1 for value in sent_start]  # -1 (not a start) reads as 2**64 - 1
        self.punct: list[bool] = list(map(bool, punct))
        self.space: list[bool] = list(map(bool, space))
        self.like_num: list[bool] = list(map(bool, like_num))
        self.title: list[bool] = list(map(bool, title))
        self.lower: list[bool] = list(map(bool, lower))
        self.digit: list[bool] = list(map(bool, digit))
        self.whitespace: list[str] = [" " if value else "" for value in spacy]  # ``Token.whitespace_``
        self.tags: list[str] = list(map(lookup.__getitem__, tags))
        # a line break is a whitespace token of its own (see ``line_break``)
        self.newline: list[bool] = [is_space and "\n" in text for is_space, text in zip(self.space, self.texts, strict=True)]

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
