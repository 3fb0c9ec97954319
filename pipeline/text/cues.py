"""Cheap necessary conditions for case-insensitive regexes: a literal cue word in the lower-cased text.

Python's ``re`` scans a case-insensitive alternation position by position, ten to fifty times slower
than ``str.__contains__`` finds a word. A regex whose every match holds one of a few literal words
("quarter", "fiscal") cannot match a text that holds none of them, so the scan can be skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Non-ASCII characters that a case-insensitive ASCII letter matches ("ſ" ~ "s", "K" ~ "k", "ı" ~ "i") or whose
# lower case is two characters ("İ" -> "i̇"): in a text holding one, a cue missing from ``text.lower()``
# proves nothing, so every gate opens.
CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")
Cues = tuple[str, ...]


def ascii_cues(words: Iterable[str]) -> Cues | None:
    """The lower-cased ``words`` without those holding another of them ("days" is implied by "day");
    None (no gate) when one is empty or not ASCII, as its case-insensitive forms are then not only its
    lower case.

    >>> ascii_cues(["Days", "day", "week"])
    ('day', 'week')
    """
    lowered = {word.lower() for word in words}
    if not lowered or any(not word or not word.isascii() for word in lowered):
        return None
    return tuple(sorted(word for word in lowered if not any(other != word and other in word for other in lowered)))


# Lower-case Latin-1 letters ("ó", "ñ", "ß") that a case-insensitive regex matches only in a character whose lower
# case they are (checked over all of Unicode in the tests; "µ" is not one: the Greek mu matches it)
FOLDED_LETTERS = frozenset("ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ")


def folded_cues(words: Iterable[str]) -> Cues | None:
    """``ascii_cues`` that also takes words holding a lower-case Latin-1 letter ("colón"): outside ``CASE_TRAPS``,
    a case-insensitive match of such a word is that word in the lower-cased text, as for an ASCII one.

    >>> folded_cues(["Colón", "pesos", "peso"])
    ('colón', 'peso')
    """
    lowered = {word.lower() for word in words}
    if not lowered or any(not word or not all(ch.isascii() or ch in FOLDED_LETTERS for ch in word) for word in lowered):
        return None
    return tuple(sorted(word for word in lowered if not any(other != word and other in word for other in lowered)))


class CueText:
    """A block's text lower-cased once, answering whether a regex gated by cue words may match in it."""

    def __init__(self, text: str, lowered: str | None = None) -> None:
        self.lowered = text.lower() if lowered is None else lowered
        self.exact = CASE_TRAPS.search(text) is None

    def has_any(self, cues: Cues | None) -> bool:
        """False only when ``cues`` (ASCII, lower case) are given and none occurs in the text."""
        return not cues or not self.exact or any(cue in self.lowered for cue in cues)

    def has_any_in(self, cues: Cues | None, start: int, end: int) -> bool:
        """``has_any`` for ``text[start:end]`` (a regex run with ``pos``/``endpos`` sees no character outside)."""
        return not cues or not self.exact or any(self.lowered.find(cue, start, end) != -1 for cue in cues)

    def has_any_group(self, groups: CueGroups | None) -> bool:
        """False only when ``groups`` are given and no group has every one of its cues in the text."""
        if groups is None or not self.exact:
            return True
        # each group's longest word first (the rarest, as a rule): a text holding no group is mostly answered by
        # one substring test per group, each word tested at most once
        lowered = self.lowered
        seen: dict[str, bool] = {}
        for group in groups.ordered:
            for cue in group:
                present = seen.get(cue)
                if present is None:
                    present = seen[cue] = cue in lowered
                if not present:
                    break
            else:
                return True
        return False


@dataclass(frozen=True)
class CueGroups:
    """Sets of cue words of which a match holds at least one whole set (every word of "earth day")."""

    groups: tuple[frozenset[str], ...]
    words: frozenset[str]
    # each group's words, longest first (the order ``CueText.has_any_group`` tests them in)
    ordered: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ordered", tuple(tuple(sorted(group, key=lambda word: (-len(word), word)))
                                                  for group in self.groups))

    @classmethod
    def of(cls, groups: Iterable[Iterable[str]]) -> CueGroups | None:
        """The groups, lower-cased; None (no gate) when one is empty or a word is empty or not ASCII."""
        sets = tuple(frozenset(word.lower() for word in group) for group in groups)
        words = frozenset(word for group in sets for word in group)
        if not sets or any(not group for group in sets) or any(not word or not word.isascii() for word in words):
            return None
        return cls(sets, words)
