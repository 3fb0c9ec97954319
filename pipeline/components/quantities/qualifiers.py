"""The SPEC qualifier of a quantity (approx, lt, le, gt, ge), read from the words before it."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.resources.quantities import QualifierTable

# How far back (characters) the rules look for the words governing a number.
WINDOW = 32


def tail_words(before: str) -> list[str]:
    """The last words before a number, lower-cased, when the number is separated from them by a space.

    >>> tail_words("It holds at least ")
    ['it', 'holds', 'at', 'least']
    >>> tail_words("US$")
    []
    """
    if not before or not before[-1].isspace():
        return []
    return before[-WINDOW:].lower().split()[-4:]


class QualifierRules:
    """The qualifier phrases of ``models/quantities/qualifiers.json``, longest phrase first."""

    def __init__(self, table: QualifierTable, movement_words: Iterable[str]) -> None:
        self.phrases = {phrase.lower(): qualifier for phrase, qualifier in table.phrases.items()}
        self.lengths = sorted({len(phrase.split()) for phrase in self.phrases}, reverse=True)
        self.directions = frozenset(table.directions)
        self.fillers = [tuple(filler) for filler in table.fillers]
        self.movement_words = frozenset(movement_words)

    def qualifier(self, before: str) -> str | None:
        """The qualifier the words in ``before`` give the number right after them, or None."""
        if before.endswith("-"):  # "circa-27 million tonnes": a qualifier hyphenated to the number
            before = before[:-1] + " "
        words = [word.lstrip("\"“‘(") for word in tail_words(before)]
        if words and words[-1] == "between":
            words = words[:-1]
        # "up to a further C$5 million", "about another 20 holes": a filler between qualifier and number
        for filler in self.fillers:
            if len(words) > len(filler) and tuple(words[-len(filler) :]) == filler:
                words = words[: -len(filler)]
                break
        for length in self.lengths:
            if length > len(words):
                continue
            phrase = " ".join(words[-length:])
            qualifier = self.phrases.get(phrase)
            if qualifier is not None:
                # "rose to", "edged up to", "fell below": after a movement verb a direction word is the
                # move's target, not a qualifier; "up nearly 60%", "down more than 50%" keep theirs.
                if phrase in self.directions and len(words) > length and words[-length - 1] in self.movement_words:
                    return None
                return qualifier
        if before.endswith("~"):
            return "approx"
        return None
