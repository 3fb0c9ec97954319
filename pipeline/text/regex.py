"""Regular-expression helpers shared by every stage that compiles patterns from word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(forms: Iterable[str]) -> str:
    """An ungrouped alternation of ``forms``, escaped, longest first so "kt" never wins over "ktpa"."""
    return "|".join(re.escape(form) for form in sorted(set(forms), key=lambda form: (-len(form), form)))


def bounded_alternation(forms: Iterable[str]) -> str:
    r"""``\b(?:alternation(forms))`` written so that ``re`` can skip most positions: the same matches.

    A pattern opening on ``\b`` is tried at every position of the text. Here each form opens on its first
    character and checks the boundary right after it, ``(?<!\w<first character>)``: for a form that opens on a
    word character, a word boundary before it means no word character before it, which is what the lookbehind
    tests. A case-sensitive pattern that opens on literal characters is then only tried where one of them stands
    (two to three times faster on news text). Forms opening on another character keep the plain form.

    >>> bounded_alternation(["UK", "China"])
    '(?:C(?<!\\wC)hina|U(?<!\\wU)K)'
    """
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    if not ordered or any(re.match(r"\w", form) is None for form in ordered):
        return rf"\b(?:{alternation(ordered)})"
    return "(?:" + "|".join(f"{re.escape(form[0])}(?<!\\w{re.escape(form[0])}){re.escape(form[1:])}" for form in ordered) + ")"


def _word_char(text: str, index: int) -> bool:
    """Whether ``text[index]`` exists and is what ``[\\w\\-]`` matches (a Unicode word character or a hyphen)."""
    if index < 0 or index >= len(text):
        return False
    char = text[index]
    return char.isalnum() or char in "_-"


def find_bounded(forms: Iterable[str], text: str) -> list[tuple[int, int]]:
    """Where ``(?<![\\w\\-])(?:alternation(forms))(?![\\w\\-])`` matches in ``text``, as ``finditer`` finds them.

    Found with ``str.find``, without compiling a regex: the forms change with every call (the names of one
    article), and compiling their alternation cost more than scanning. At each position the longest form that
    is bounded there wins, scanning resumes after it (leftmost, non-overlapping), as the longest-first
    alternation does.
    """
    longest: dict[int, int] = {}  # start -> end of the longest bounded form found there
    for form in set(forms):
        if not form:
            continue
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if end > longest.get(start, -1) and not _word_char(text, start - 1) and not _word_char(text, end):
                longest[start] = end
            start = text.find(form, start + 1)
    spans: list[tuple[int, int]] = []
    position = 0
    for start in sorted(longest):
        if start >= position:
            spans.append((start, longest[start]))
            position = longest[start]
    return spans


_GROUP_NAME = re.compile(r"\(\?P(?:<\w+>|=\w+\))")


def lowered_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without ``re.IGNORECASE``, to be run on the lower-cased text: the same match offsets, found
    two to ten times faster (``re`` folds the case of every character it compares otherwise).

    None when the twin would not be equivalent: a case-sensitive pattern (nothing to gain), or one whose source
    holds a cased character other than an ASCII lower-case letter ("FY", ``\\S``, "é"; group names aside). The twin's matches equal
    the pattern's only on a text whose ``lower()`` keeps its length and adds no case match: a text without any of
    ``cues.CASE_TRAPS`` ("İ", "ı", "ſ", the Kelvin sign), which is what ``CueText.exact`` tells.
    """
    if not pattern.flags & re.IGNORECASE:
        return None
    source = pattern.pattern.removeprefix("(?i)")
    # a group's name ("(?P<Day>", "(?P=Day)") matches no text: its letters may be of any case
    if any(char.lower() != char.upper() and not ("a" <= char <= "z") for char in _GROUP_NAME.sub("", source)):
        return None
    twin = re.compile(source, pattern.flags & ~re.IGNORECASE)
    return None if twin.flags & re.IGNORECASE else twin


def first_character_gate(exact: Iterable[str], folded: Iterable[str]) -> str:
    """A lookahead for the first characters of an alternation of ``exact`` forms (matched as written) and ``folded``
    forms (matched case-insensitively; ``quantities.patterns.mixed_alternation``, the foreign month names of
    ``dates.foreign``): put before it, a position where no form can open fails at once instead of trying every form
    (the same matches; folded forms' first characters are tested case-insensitively, as their forms are). "" when a
    form is empty.

    >>> first_character_gate(["Mt"], ["t", "tonne"])
    '(?=[M]|(?i:[t]))'
    """
    exact, folded = list(exact), list(folded)
    if any(not form for form in [*exact, *folded]):
        return ""
    parts = [f"[{''.join(sorted({re.escape(form[0]) for form in exact}))}]" if exact else "",
             f"(?i:[{''.join(sorted({re.escape(form[0]) for form in folded}))}])" if folded else ""]
    return f"(?={'|'.join(part for part in parts if part)})" if any(parts) else ""
