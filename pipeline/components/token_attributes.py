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
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

TOKEN_ATTRIBUTES_FACTORY = "orewire_token_attributes"
MAX_CACHE = 100_000

# ((pos, morph key, lemma hash or 0), morph string, lemma string or None, tag, dep)
Outcome = tuple[tuple[int, int, int], str, "str | None", int, int]


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
        self._multi_words: set[int] | None = None  # LOWER/DEP hashes one of which a multi-token match needs

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
            self._multi_words = _required_words(longs, self.vocab)
        return self._split

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        single, multi = self._rulers()
        array = doc.to_array([ORTH, TAG, DEP, LOWER]).tolist()
        keys = [(orth, tag, dep) for orth, tag, dep, _ in array]
        cache = self.cache
        missing = list(dict.fromkeys(key for key in keys if key not in cache))
        if missing:
            if len(cache) + len(missing) > MAX_CACHE:
                cache.clear()
            cache.update(zip(missing, self._compute(missing, single), strict=True))
        outcomes = [cache[key] for key in keys]
        strings = self.vocab.strings
        for key in set(keys):  # the cache outlives a memory zone's transient strings
            for text in cache[key][1:3]:
                if text:
                    strings.add(text)
        rows = numpy.array([outcome[0] for outcome in outcomes], dtype="uint64")
        if self.lemmatizer is not None:
            doc.from_array([POS, MORPH, LEMMA], rows)
        else:
            doc.from_array([POS, MORPH], rows[:, :2])
        for i, (key, outcome) in enumerate(zip(keys, outcomes, strict=True)):
            if outcome[3] != key[1] or outcome[4] != key[2]:  # whitespace tokens: TAG _SP, DEP dep
                token = doc[i]
                token.tag, token.dep = outcome[3], outcome[4]
        if multi is not None and (
            self._multi_words is None or any(row[3] in self._multi_words or row[2] in self._multi_words for row in array)
        ):
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
            ((token.pos, token.morph.key, token.lemma), str(token.morph), token.lemma_ if token.lemma else None,
             token.tag, token.dep)
            for token in scratch
        ]

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


def _required_words(patterns: list[dict[str, Any]], vocab: Any) -> set[int] | None:
    """Hashes of which a Doc must hold one (as a token's LOWER or DEP) for any of ``patterns`` to match.

    Each pattern contributes the words of its first token with a literal ``LOWER`` or ``DEP``; None when
    a pattern has no such token (then the ruler always runs).
    """
    words: set[int] = set()
    for pattern in patterns:
        for tokens in pattern["patterns"]:
            for token in tokens:
                value = token.get("LOWER", token.get("DEP"))
                if isinstance(value, str):
                    words.add(vocab.strings.add(value))
                    break
                if isinstance(value, dict) and set(value) == {"IN"}:
                    words.update(vocab.strings.add(word) for word in value["IN"])
                    break
            else:
                return None
    return words


@Language.factory(
    TOKEN_ATTRIBUTES_FACTORY,
    default_config={"lemmatize": True, "ruler": "attribute_ruler", "lemmatizer": "lemmatizer"},
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag"],
)
def make_token_attributes(nlp: Language, name: str, lemmatize: bool, ruler: str, lemmatizer: str) -> TokenAttributes:
    """The model's attribute ruler (and lemmatizer) memoised; both stay in the pipeline, disabled."""
    return TokenAttributes(nlp, name, lemmatize=lemmatize, ruler=ruler, lemmatizer=lemmatizer)
