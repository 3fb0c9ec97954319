"""Token-pattern rules (``models/entities/patterns.jsonl``): one ``Matcher`` per rule family, with a
keyword precheck that skips a family whose required words are not in the block.

A ``{"TEXT": {"REGEX": ...}}`` token test depends on the word alone, yet the ``Matcher`` runs the regex on
every token of every call (most of its time here). Each such regex becomes a lexeme flag of the vocab
instead, computed once per word: the patterns match exactly the same tokens.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import NAMES
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.components.entities.view import TokenColumns
from pipeline.components.pattern_words import required_words
from pipeline.resources.entities import PatternCheck, TokenPattern

# per pattern of a family, the (ORTH ids, LOWER ids) of its mandatory word tokens, one of each in a Doc it can match;
# None: some pattern names no such token, so the family always runs
KeywordIds = list[list[tuple[frozenset[int], frozenset[int]]]] | None


class RegexFlag:
    """A lexeme flag getter: whether the word matches ``pattern`` (as the ``Matcher``'s REGEX test searches it)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.regex = re.compile(pattern)

    def __call__(self, word: str) -> bool:
        return self.regex.search(word) is not None


def regex_flag(vocab: Vocab, pattern: str) -> int | None:
    """The id of the vocab's flag for ``pattern``, added on first use; None when the vocab takes no new flag."""
    getters: dict[int, Any] | None = getattr(vocab, "lex_attr_getters", None)
    if getters is None:
        return None
    for flag_id, getter in getters.items():
        if isinstance(getter, RegexFlag) and getter.pattern == pattern:
            return int(flag_id)
    # only the spare bits spaCy names FLAG19-FLAG63, never one an attribute such as IS_OOV_DEPRECATED had
    free = [bit for bit in range(1, 64) if bit not in getters and str(NAMES[bit]).startswith("FLAG")]
    return int(vocab.add_flag(RegexFlag(pattern), flag_id=free[0])) if free else None


def with_flags(vocab: Vocab, pattern: list[dict[str, Any]]) -> list[dict[Any, Any]]:
    """``pattern`` with each token's TEXT/ORTH REGEX test replaced by the vocab's flag for that regex."""
    tokens: list[dict[Any, Any]] = []
    for spec in pattern:
        token: dict[Any, Any] = dict(spec)
        for attr in ("TEXT", "ORTH"):
            value = token.get(attr)
            if isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
                flag = regex_flag(vocab, value["REGEX"])
                if flag is not None:
                    del token[attr]
                    token[flag] = True
        tokens.append(token)
    return tokens


class PatternMatcher:
    """Runs the token patterns; a match id names "label|family|row number", the row's check is ``check_of``."""

    def __init__(self, vocab: Vocab, rows: list[TokenPattern]) -> None:
        self.rows = rows
        families: dict[str, list[tuple[int, TokenPattern]]] = {}
        for number, row in enumerate(rows):
            families.setdefault(row.id, []).append((number, row))
        strings = vocab.strings
        # Each family with the word ids its patterns need (``KeywordIds``): a Doc in which no pattern finds one
        # of each of its sets skips the family's Matcher.
        self.families: list[tuple[Matcher, KeywordIds]] = []
        # per family, every ORTH and LOWER id its ``KeywordIds`` name: a Doc holding none of them skips the family
        # with two set tests, before the test per pattern (a necessary condition of that test)
        self.family_words: list[tuple[frozenset[int], frozenset[int]]] = []
        for members in families.values():
            matcher = Matcher(vocab, validate=False)  # the file's patterns are validated as written
            keys: KeywordIds = []
            for number, row in members:
                key = f"{row.label}|{row.id}|{number}"
                if errors := validate_token_pattern(row.pattern):
                    raise MatchPatternError(key, {0: errors})
                matcher.add(key, [with_flags(vocab, row.pattern)], greedy="LONGEST")
                required = [(frozenset(strings.add(word) for word in words) if attr == "ORTH" else frozenset(),
                             frozenset(strings.add(word) for word in words) if attr == "LOWER" else frozenset())
                            for attr, words in required_words(row.pattern)]
                if not required:
                    keys = None
                elif keys is not None:
                    keys.append(required)
            self.families.append((matcher, keys))
            self.family_words.append((frozenset(i for pattern in keys or [] for orths, _ in pattern for i in orths),
                                      frozenset(i for pattern in keys or [] for _, lowers in pattern for i in lowers)))

    def matches(self, doc: Doc, tokens: TokenColumns | None = None) -> list[tuple[int, int, int]]:
        """Every family's matches, in one order (start, end, row number) whatever families ran.

        A pattern cannot match without its required token, so skipping a family changes nothing.
        """
        orth: set[int] | None = None
        lower: set[int] = set()
        matches: list[tuple[int, int, int]] = []
        for (matcher, keys), (family_orths, family_lowers) in zip(self.families, self.family_words, strict=True):
            if keys is not None:
                if orth is None:
                    columns = tokens or TokenColumns(doc)
                    orth = set(columns.orth_ids)
                    lower = set(columns.lower_ids)
                if family_orths.isdisjoint(orth) and family_lowers.isdisjoint(lower):
                    continue
                if not any(all(not orths.isdisjoint(orth) or not lowers.isdisjoint(lower) for orths, lowers in pattern)
                           for pattern in keys):
                    continue
            matches.extend(matcher(doc))
        strings = doc.vocab.strings
        matches.sort(key=lambda match: (match[1], match[2], int(strings[match[0]].rsplit("|", 1)[1])))
        return matches

    def check_of(self, doc: Doc, match_id: int) -> tuple[str, PatternCheck]:
        """(label, check) of the row a match came from."""
        row = self.rows[int(doc.vocab.strings[match_id].rsplit("|", 1)[1])]
        return row.label, row.check
