"""The model's ``attribute_ruler`` and ``lemmatizer``, memoised per (word, tag, dependency label).

In ``en_core_web_sm`` the attribute ruler (179 token patterns: the tag map and its exceptions) costs
about a tenth of the model's time, nearly all of it in the ``Matcher``, and the rule lemmatizer another
few per cent in Python. Both are functions of one token: the single-token patterns read its ``LOWER``,
``IS_SPACE``, ``TAG`` and ``DEP``, and the lemmatizer its text, ``POS`` and ``MORPH``, which the ruler
just set. So the outcome is looked up per (orth, tag, dep) and written back with ``Doc.from_array``;
a key not seen yet is computed by the model's own components on a Doc of the new words only. The
multi-token patterns (``gonna`` → go + to) run as a small ruler over the Doc afterwards.

``build_nlp`` disables the model's two components and adds this one in their place; it holds the
disabled components and reads their patterns and tables, so a saved pipeline carries them as usual.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

TOKEN_ATTRIBUTES_FACTORY = "orewire_token_attributes"
MAX_CACHE = 500_000

# (pos, morph key, morph string, lemma string or None, tag, dep)
Outcome = tuple[int, int, str, "str | None", int, int]


class TokenAttributes:
    """Sets what the model's ``attribute_ruler`` (and, with ``lemmatize``, its ``lemmatizer``) would set."""

    def __init__(self, nlp: Language, name: str = TOKEN_ATTRIBUTES_FACTORY, *, lemmatize: bool = True,
                 ruler: str = "attribute_ruler", lemmatizer: str = "lemmatizer") -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.ruler: AttributeRuler = nlp.get_pipe(ruler)
        self.lemmatizer: Any = nlp.get_pipe(lemmatizer) if lemmatize else None
        self.cache: dict[tuple[int, int, int], Outcome] = {}
        self._split: tuple[AttributeRuler, AttributeRuler | None] | None = None

    def _rulers(self) -> tuple[AttributeRuler, AttributeRuler | None]:
        """The model ruler's patterns as a single-token ruler and a multi-token one, order kept.

        Built on first use: the model's ruler gets its patterns from disk after this component is made.
        """
        if self._split is None:
            single = AttributeRuler(self.vocab, name="single")
            multi = AttributeRuler(self.vocab, name="multi")
            shorts, longs = [], []
            for pattern in self.ruler.patterns:
                (shorts if all(len(p) == 1 for p in pattern["patterns"]) else longs).append(pattern)
            single.add_patterns(shorts)
            multi.add_patterns(longs)
            self._split = (single, multi if longs else None)
        return self._split

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        single, multi = self._rulers()
        keys = [tuple(row) for row in doc.to_array([ORTH, TAG, DEP]).tolist()]
        cache = self.cache
        missing = list(dict.fromkeys(key for key in keys if key not in cache))
        if missing:
            if len(cache) + len(missing) > MAX_CACHE:
                cache.clear()
            cache.update(zip(missing, self._compute(missing, single), strict=True))
        outcomes = [cache[key] for key in keys]
        strings = self.vocab.strings
        for value in {text for outcome in outcomes for text in (outcome[2], outcome[3]) if text}:
            strings.add(value)  # the cache outlives a memory zone's transient strings
        columns = [POS, MORPH]
        rows = [[outcome[0], outcome[1]] for outcome in outcomes]
        if self.lemmatizer is not None:
            columns.append(LEMMA)
            for row, outcome in zip(rows, outcomes, strict=True):
                row.append(strings[outcome[3]] if outcome[3] is not None else 0)
        doc.from_array(columns, numpy.array(rows, dtype="uint64"))
        for token, key, outcome in zip(doc, keys, outcomes, strict=True):
            if outcome[4] != key[1]:
                token.tag = outcome[4]
            if outcome[5] != key[2]:
                token.dep = outcome[5]
        if multi is not None:
            multi(doc)
        return doc

    def _compute(self, keys: list[tuple[int, int, int]], single: AttributeRuler) -> list[Outcome]:
        """The model components' outcome for each key, from a Doc of one token per key."""
        strings = self.vocab.strings
        words = [strings[orth] for orth, _, _ in keys]
        scratch = Doc(self.vocab, words=words, spaces=[False] * len(words))
        for token, (_, tag, dep) in zip(scratch, keys, strict=True):
            token.tag = tag
            if dep:
                token.dep = dep
        single(scratch)
        if self.lemmatizer is not None:
            self.lemmatizer(scratch)
        return [
            (token.pos, token.morph.key, str(token.morph), token.lemma_ if token.lemma else None, token.tag, token.dep)
            for token in scratch
        ]

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


@Language.factory(
    TOKEN_ATTRIBUTES_FACTORY,
    default_config={"lemmatize": True, "ruler": "attribute_ruler", "lemmatizer": "lemmatizer"},
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag"],
)
def make_token_attributes(nlp: Language, name: str, lemmatize: bool, ruler: str, lemmatizer: str) -> TokenAttributes:
    """The model's attribute ruler (and lemmatizer) memoised; both stay in the pipeline, disabled."""
    return TokenAttributes(nlp, name, lemmatize=lemmatize, ruler=ruler, lemmatizer=lemmatizer)
