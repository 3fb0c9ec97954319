"""Cheap necessary conditions for case-insensitive regexes: a literal cue word in the lower-cased text.

Python's ``re`` scans a case-insensitive alternation position by position, ten to fifty times slower
than ``str.__contains__`` finds a word. A regex whose every match holds one of a few literal words
("quarter", "fiscal") cannot match a text that holds none of them, so the scan can be skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from re import _constants as sre_constants  # type: ignore[attr-defined]  # the parse ``re`` compiles (Python >= 3.11)
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

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


def literal_cues(source: str) -> Cues | None:
    r"""Lower-case words one of which every match of the case-insensitive regex ``source`` holds, read from the
    parse ``re`` compiles it from: a run of plain literal characters, one word per branch of an alternation, the
    words of a group or a repeat that must occur; the requirement with the longest shortest word. None when no
    requirement is certain.

    Only ASCII and uncased characters count ("•"): their case-insensitive matches are their lower case in a text
    without ``CASE_TRAPS``, which ``CueText.has_any`` checks, so the gate is a necessary condition of a match.

    >>> literal_cues(r"\bundue reliance\b")
    ('undue reliance',)
    >>> literal_cues(r"\bin this (?:photo|picture|image)\b")
    ('in this ',)
    >>> literal_cues(r"\((?:photo|credit)s?\s*:")
    ('credit', 'photo')
    """
    try:
        parsed = sre_parse.parse(source, re.IGNORECASE)
    except re.error:
        return None
    return _best(_requirements(parsed.data))


def _plain(char: str) -> bool:
    return char.isascii() or char.lower() == char.upper() == char.casefold() == char


def _best(requirements: list[Cues]) -> Cues | None:
    return max(requirements, key=lambda words: min(map(len, words)), default=None)


def _requirements(items: list[tuple[Any, Any]]) -> list[Cues]:
    """Per certain part of a parsed sequence, the words one of which a match of the sequence holds."""
    found: list[Cues] = []
    run = ""
    for op, value in items:
        if op is sre_constants.LITERAL and _plain(chr(value)):
            run += chr(value).lower()
            continue
        if run:
            found.append((run,))
            run = ""
        if op is sre_constants.SUBPATTERN:  # (group, added flags, removed flags, parsed)
            found.extend(_requirements(value[-1].data))
        elif op is sre_constants.BRANCH:  # every branch must give a requirement, one of whose words a match holds
            options = [_best(_requirements(branch.data)) for branch in value[1]]
            if options and all(options):
                found.append(tuple(sorted({word for option in options if option for word in option})))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT) and value[0] >= 1:
            found.extend(_requirements(value[2].data))
    if run:
        found.append((run,))
    return found


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
