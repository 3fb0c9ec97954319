"""Telling a headline from a sentence by its shape alone (spaCy-free)."""

from __future__ import annotations

CLOSING_PUNCTUATION = ".!?;:"


def is_headline_text(text: str, *, max_words: int = 25) -> bool:
    """A short line in title case without closing punctuation reads as a headline.

    >>> is_headline_text("Vietnam Passes Rare Earth Export Ban")
    True
    >>> is_headline_text("Vietnam passed a rare earth export ban on Monday.")
    False
    """
    stripped = text.strip()
    words = [word for word in stripped.split() if word[:1].isalpha()]
    if not words or len(words) > max_words or stripped[-1:] in CLOSING_PUNCTUATION:
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised / len(words) >= 0.6 and len(words) >= 3
