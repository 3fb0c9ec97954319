"""Cue words and phrases near a trigger: words are looked up in a token set, phrases found in the text."""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")


def phrase_in(words: set[str], lowered_text: str, phrase: str) -> bool:
    """Whether a cue (a word, a phrase, or a symbol such as "/t") occurs in a token set or lower-cased text."""
    if WORD.fullmatch(phrase):
        return phrase in words
    return re.search(phrase_regex(phrase), lowered_text) is not None


def phrase_regex(phrase: str) -> str:
    """A phrase as a literal regex that does not match inside a longer word ("stock" in "stock-building")."""
    left = r"(?<![\w-])" if phrase[:1].isalnum() else ""
    right = r"(?![\w-])" if phrase[-1:].isalnum() else ""
    return left + re.escape(phrase) + right


class CueSet:
    """Cue words and phrases compiled once: words are looked up in a set, phrases found by one regex."""

    def __init__(self, cues: list[str]) -> None:
        self.words = frozenset(cue for cue in cues if WORD.fullmatch(cue))
        phrases = [cue for cue in cues if cue not in self.words]
        self.pattern = re.compile("|".join(phrase_regex(p) for p in phrases)) if phrases else None
        # the regex matches a phrase literally (plus boundary checks): a text holding none of them is skipped cheaply
        self.phrases = tuple(dict.fromkeys(phrases))

    def __bool__(self) -> bool:
        return bool(self.words) or self.pattern is not None

    def found(self, words: set[str], lowered_text: str) -> bool:
        """Whether a cue word is in ``words`` or a cue phrase in ``lowered_text``."""
        if not self.words.isdisjoint(words):
            return True
        if self.pattern is None or not any(phrase in lowered_text for phrase in self.phrases):
            return False
        return self.pattern.search(lowered_text) is not None
