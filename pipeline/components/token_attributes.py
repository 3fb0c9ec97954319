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
from itertools import chain
from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

TOKEN_ATTRIBUTES_FACTORY = "orewire_token_attributes"
MAX_CACHE = 100_000

# ((pos, morph key, lemma hash or 0), morph string, lemma string or None, new tag or None, new dep or None)
Outcome = tuple[tuple[int, int, int], str, "str | None", "int | None", "int | None"]
OTHER_DEP = 1  # the cache key's stand-in for a DEP label no pattern names (no string hashes to 1)


class TokenAttributes:
    """Sets what the model's ``attribute_ruler`` (and, with ``lemmatize``, its ``lemmatizer``) would set."""

    def __init__(self, nlp: Language, name: str = TOKEN_ATTRIBUTES_FACTORY, *, lemmatize: bool = True,
                 ruler: str = "attribute_ruler", lemmatizer: str = "lemmatizer") -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.ruler: Any = None
        self.lemmatizer: Any = None
        # Added before the model's components (``spacy.blank("en").add_pipe(...)`` by name, or
        # ``spacy.load`` building the pipeline in order): they are looked up on first use instead.
        self._pending: tuple[Language, str, str | None] | None = (nlp, ruler, lemmatizer if lemmatize else None)
        self._resolve(required=False)
        self.cache: dict[tuple[int, int, int], Outcome] = {}
        # Keys whose morph and lemma strings were added outside a memory zone, so no zone can free them.
        self.pinned: set[tuple[int, int, int]] = set()
        # Keys whose outcome also changes the tag or the dependency label (whitespace tokens).
        self.retagging: set[tuple[int, int, int]] = set()
        self._split: tuple[AttributeRuler, AttributeRuler | None] | None = None
        self._multi_words: list[list[set[int]]] | None = None  # what each multi-token pattern needs in a Doc
        self._deps: set[int] | None = None  # the DEP labels single-token patterns name (None: key on every label)

    def _resolve(self, *, required: bool) -> None:
        """Find the model's ruler (and lemmatizer) in the pipeline this component was added to."""
        if self._pending is None:
            return
        nlp, ruler, lemmatizer = self._pending
        names = nlp.component_names
        missing = [name for name in (ruler, lemmatizer) if name is not None and name not in names]
        if missing:
            if required:
                raise ValueError(f"{self.name} wraps the pipeline's {' and '.join(missing)}, which it does not have: "
                                 f"add them (e.g. spaCy's attribute_ruler), or pass lemmatize=False without a lemmatizer")
            return
        self.ruler = nlp.get_pipe(ruler)
        self.lemmatizer = nlp.get_pipe(lemmatizer) if lemmatizer is not None else None
        self._pending = None

    def _rulers(self) -> tuple[AttributeRuler, AttributeRuler | None]:
        """The model ruler's patterns as a single-token ruler and a multi-token one, order kept.

        Built on first use: the model's ruler gets its patterns from disk after this component is made.
        """
        self._resolve(required=True)
        if self._split is None:
            single = AttributeRuler(self.vocab, name="single")
            multi = AttributeRuler(self.vocab, name="multi")
            shorts: list[dict[str, Any]] = []
            longs: list[dict[str, Any]] = []
            for pattern in self.ruler.patterns:
                token_patterns: Any = pattern["patterns"]
                (shorts if all(len(p) == 1 for p in token_patterns) else longs).append(pattern)
            single.add_patterns(shorts)
            multi.add_patterns(longs)
            self._split = (single, multi if longs else None)
            self._multi_words = _required_words(longs, self.vocab)
            self._deps = _named_deps(shorts, self.vocab)
        return self._split

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        single, multi = self._rulers()
        orths, tags, labels, lowers = doc.to_array([ORTH, TAG, DEP, LOWER]).T.tolist()
        deps, other = self._deps, OTHER_DEP
        if deps is None:
            keys = list(zip(orths, tags, labels, strict=True))
        else:  # a label no pattern names behaves as any other such label: one cache entry for them all
            keys = list(zip(orths, tags, [dep if dep in deps else other for dep in labels], strict=True))
        cache = self.cache
        unique = set(keys)
        if not cache.keys() >= unique:  # once warm, nearly every Doc's keys are all known
            missing = list(dict.fromkeys(key for key in keys if key not in cache))
            if len(cache) + len(missing) > MAX_CACHE:
                cache.clear()
                self.pinned.clear()
                self.retagging.clear()
                missing = list(dict.fromkeys(keys))  # the Doc's known keys went with the cache
            firsts = {key: [orth, tag, dep, lower] for key, orth, tag, dep, lower
                      in zip(keys, orths, tags, labels, lowers, strict=True)}
            computed = self._compute([firsts[key] for key in missing], single)
            cache.update(zip(missing, computed, strict=True))
            self.retagging.update(key for key, outcome in zip(missing, computed, strict=True)
                                  if outcome[3] is not None or outcome[4] is not None)
        self._keep_strings(unique)
        # the rows flattened into one buffer: ~1.5x faster than numpy reading a list of tuples
        rows: Any = numpy.fromiter(chain.from_iterable([cache[key][0] for key in keys]), dtype=numpy.uint64,
                                   count=3 * len(keys)).reshape(len(keys), 3)
        if self.lemmatizer is not None:
            doc.from_array([POS, MORPH, LEMMA], rows)
        else:
            doc.from_array([POS, MORPH], rows[:, :2])
        retagged = unique & self.retagging
        if retagged:  # whitespace tokens: TAG _SP, DEP dep
            for i, key in enumerate(keys):
                if key in retagged:
                    outcome, token = cache[key], doc[i]
                    if outcome[3] is not None:
                        token.tag = outcome[3]
                    if outcome[4] is not None:
                        token.dep = outcome[4]
        if multi is not None and self._may_match(lowers, labels):
            multi(doc)
        return doc

    def _keep_strings(self, keys: set[tuple[int, int, int]]) -> None:
        """Make sure the strings of these outcomes are in the vocab: the cache outlives a memory zone's transient
        strings. Outside a zone an added string stays, so each key is added there once, then skipped."""
        strings, cache, pinned = self.vocab.strings, self.cache, self.pinned
        lasting = not getattr(self.vocab, "in_memory_zone", True)
        for key in keys - pinned if pinned else keys:
            for text in cache[key][1:3]:
                if text:
                    strings.add(text)
            if lasting:
                pinned.add(key)

    def _may_match(self, lowers: list[int], labels: list[int]) -> bool:
        """Whether a multi-token pattern can match: the Doc has a word of each of some pattern's sets."""
        if self._multi_words is None:
            return True
        present = {*lowers, *labels}
        return any(all(not words.isdisjoint(present) for words in sets) for sets in self._multi_words)

    def _compute(self, rows: list[list[int]], single: AttributeRuler) -> list[Outcome]:
        """The model components' outcome for tokens like ``rows`` (orth, tag, dep, lower), one scratch token each."""
        strings = self.vocab.strings
        words = [strings[orth] for orth, _, _, _ in rows]
        scratch = Doc(self.vocab, words=words, spaces=[False] * len(words))
        for token, (_, tag, dep, _) in zip(scratch, rows, strict=True):
            token.tag = tag
            if dep:
                token.dep = dep
        single(scratch)
        if self.lemmatizer is not None:
            self.lemmatizer(scratch)
        outcomes: list[Outcome] = []
        for token, (_, tag, dep, _) in zip(scratch, rows, strict=True):
            morph: Any = token.morph
            outcomes.append(((token.pos, morph.key, token.lemma), str(morph), token.lemma_ if token.lemma else None,
                             token.tag if token.tag != tag else None, token.dep if token.dep != dep else None))
        return outcomes

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


def _required_words(patterns: list[dict[str, Any]], vocab: Any) -> list[list[set[int]]] | None:
    """Per pattern, the word sets a Doc must each meet (as a token's LOWER or DEP) for the pattern to match.

    A pattern's sets are the literal ``LOWER``/``DEP`` values of its tokens; None when a pattern has none
    (then the ruler always runs).
    """
    required: list[list[set[int]]] = []
    for pattern in patterns:
        for tokens in pattern["patterns"]:
            sets = []
            for token in tokens:
                for attr in ("LOWER", "DEP"):
                    value = token.get(attr)
                    if isinstance(value, str):
                        sets.append({vocab.strings.add(value)})
                    elif isinstance(value, dict) and set(value) == {"IN"}:
                        sets.append({vocab.strings.add(word) for word in value["IN"]})
            if not sets:
                return None
            required.append(sets)
    return required


def _named_deps(patterns: list[dict[str, Any]], vocab: Any) -> set[int] | None:
    """Hashes of every DEP label the patterns name (with 0, no label), or None when one uses a regex or the like."""
    deps = {0}
    for pattern in patterns:
        for tokens in pattern["patterns"]:
            for token in tokens:
                value = token.get("DEP")
                if value is None:
                    continue
                if isinstance(value, str):
                    value = {"IN": [value]}
                if not isinstance(value, dict) or not set(value) <= {"IN", "NOT_IN"}:
                    return None
                deps.update(vocab.strings.add(label) if label else 0 for labels in value.values() for label in labels)
    return deps


@Language.factory(
    TOKEN_ATTRIBUTES_FACTORY,
    default_config={"lemmatize": True, "ruler": "attribute_ruler", "lemmatizer": "lemmatizer"},
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag"],
)
def make_token_attributes(nlp: Language, name: str, lemmatize: bool, ruler: str, lemmatizer: str) -> TokenAttributes:
    """The model's attribute ruler (and lemmatizer) memoised; both stay in the pipeline, disabled."""
    return TokenAttributes(nlp, name, lemmatize=lemmatize, ruler=ruler, lemmatizer=lemmatizer)
