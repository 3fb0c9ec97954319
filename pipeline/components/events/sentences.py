"""The sentences of a block Doc as the event stage sees them: text, words, and the spans inside each."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from functools import cached_property

from spacy.attrs import IDX, LEMMA, LOWER, ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from pipeline.components.word_table import WordTable
from pipeline.resources.entities import linking_words
from pipeline.schema.labels import DATE_GROUP, HEADLINE_ZONES, QUANTITY_GROUP
from pipeline.text.headlines import is_headline_text

# Tokens read after a one-word site name for its site word ("Rose Lithium-Tantalum Mining Project").
SITE_WORD_WINDOW = 6

QUOTE_MARKS = frozenset({'"', "“", "'", "‘"})


class IndexWords:
    """The strings ``DocIndex`` reads per hash: lower forms, lower-cased lemmas and word lengths, kept between Docs
    by the component that owns them."""

    def __init__(self, strings: StringStore) -> None:
        self.lowers: WordTable[str] = WordTable(strings.__getitem__)
        self.lemmas: WordTable[str] = WordTable(lambda key: strings[key].lower())
        self.lengths: WordTable[int] = WordTable(lambda key: len(strings[key]))


class DocIndex:
    """Per-token strings of a ``Doc`` as plain lists, and the trigger contexts built from them (per document)."""

    def __init__(self, doc: Doc, text: str, words: IndexWords | None = None) -> None:
        # One array read, and a string-store lookup only for a hash ``words`` has not met (every ``Token`` access
        # builds an object).
        orths, lowers, lemmas, starts = doc.to_array([ORTH, LOWER, LEMMA, IDX]).T.tolist() if len(doc) else ([],) * 4
        words = IndexWords(doc.vocab.strings) if words is None else words
        self.lowers: list[str] = words.lowers.column(lowers)
        self.lemmas: list[str] = words.lemmas.column(lemmas)
        self.starts: list[int] = starts
        self.ends: list[int] = list(map(operator.add, starts, words.lengths.column(orths)))
        self.text = text.lower()
        self.contexts: dict[tuple[int, int, bool], tuple[set[str], str]] = {}
        self.found: dict[tuple[int, int, int, bool, tuple[int, int] | None], bool] = {}

    def words(self, start: int, end: int) -> set[str]:
        """``token_words`` of the tokens ``start:end``, from the lists instead of ``Token`` objects."""
        return {*self.lowers[start:end], *self.lemmas[start:end]}


class Sentence:
    """A sentence (a whole headline) with the entity, quantity and date spans inside it."""

    def __init__(self, span: Span, headline: bool, text: str, index: DocIndex) -> None:
        self.span = span
        self.start, self.end = span.start, span.end
        self.headline = headline
        self.text = text  # ``span.text``, sliced from the Doc's text
        self.index = index
        self.entities: list[Span] = []
        self.quantities: list[Span] = []
        self.dates: list[Span] = []
        self.background: bool | None = None  # whether the sentence has a background cue (set on first use)

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def words(self) -> set[str]:
        return self.index.words(self.start, self.end)

    @cached_property
    def quantity_types(self) -> set[str]:
        return {span._.orewire_quantity["quantity_type"] for span in self.quantities if span._.orewire_quantity}

    @cached_property
    def quoted(self) -> bool:
        return self.lowered.lstrip()[:1] in QUOTE_MARKS


def token_words(tokens: Iterable[Token]) -> set[str]:
    """The lower-case forms and lemmas of ``tokens``."""
    words: set[str] = set()
    for token in tokens:
        words.add(token.lower_)
        words.add(token.lemma_.lower())
    return words


def block_sentences(doc: Doc, zone: str | None, section: str | None, text: str, index: DocIndex) -> list[Sentence]:
    """The block's sentences (a heading is one), each holding the entity, quantity and date spans inside it."""
    whole_headline = zone in HEADLINE_ZONES or (zone == "related" and section and text.strip() == section)
    if whole_headline or (zone is None and is_headline_text(text)):
        spans = [doc[:]]
    else:
        spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    sentences = []
    for span in spans:
        # a span's text is the Doc's text between its character offsets (what ``span.text`` joins token by token)
        span_text = text[span.start_char : span.end_char]
        sentences.append(Sentence(span, bool(whole_headline) or is_headline_text(span_text), span_text, index))
    groups = ((doc.ents, "entities"), (doc.spans.get(QUANTITY_GROUP, []), "quantities"),
              (doc.spans.get(DATE_GROUP, []), "dates"))
    for spans_of_kind, attribute in groups:
        for span in spans_of_kind:
            sentence = sentence_of(sentences, span.start)
            if sentence is not None:
                getattr(sentence, attribute).append(span)
    return sentences


def sentence_of(sentences: list[Sentence], token_index: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= token_index < sentence.end:
            return sentence
    return None


DATELINE_MARKS = frozenset({"—", "–", "--", "-", "("})


def is_dateline(ent: Span, sentence: Sentence) -> bool:
    """Whether a place opens the sentence as a dateline ("SYDNEY, March 3 —", "LIMA (Reuters) -", "OSLO:"): never an
    agent. A colon marks a dateline only after a place written in capitals, as wire copy writes it."""
    if ent.label_ not in {"GPE", "LOC"} or ent.start != sentence.start or ent.end >= sentence.end:
        return False
    doc = ent.doc
    if doc[ent.end].text == ":":
        return ent.text.isupper()
    if doc[ent.end].text not in {",", *DATELINE_MARKS}:
        return False
    after = doc[ent.end: min(ent.end + 8, sentence.end)]
    return ent.text.isupper() or any(token.text in DATELINE_MARKS for token in after)


def in_dateline(token: Token, sentence: Sentence) -> bool:
    return any(ent.start <= token.i < ent.end and is_dateline(ent, sentence) for ent in sentence.entities)


def site_word_after(ent: Span) -> bool:
    """A site word follows the name, right after it or after the title-case words and hyphens that go on with it
    ("Rose project", "Rose Lithium-Tantalum Mining Project"; not "Major Project Status for the refinery")."""
    for token in ent.doc[ent.end : ent.end + SITE_WORD_WINDOW]:
        if token.lower_ in linking_words().site_keywords:
            return True
        if not (token.is_title or token.text in {"-", "‑"}):
            return False
    return False
