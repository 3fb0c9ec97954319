"""The literal words a spaCy ``Matcher`` pattern needs, for the stages that skip a Matcher where they are absent.

A block (or a window of one) that holds no word of some mandatory token of every pattern cannot give a match, so
the entity and date stages run their Matchers only where each mandatory token's words occur: the same matches,
fewer Matcher calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# ``OP`` values of a token that must match at least once (no ``OP`` is "exactly once").
MANDATORY_OPS = (None, "+", "{1,}")


def required_words(pattern: list[dict[str, Any]], attrs: Sequence[str] = ("ORTH", "LOWER")
                   ) -> list[tuple[str, frozenset[str]]]:
    """(attr, words) of every mandatory token given as exact words by the first of ``attrs`` it names, as a string
    or an ``IN`` list: a match holds one of each."""
    found: list[tuple[str, frozenset[str]]] = []
    for token in pattern:
        if token.get("OP") not in MANDATORY_OPS:
            continue
        for attr in attrs:
            value = token.get(attr)
            if isinstance(value, str):
                found.append((attr, frozenset({value})))
                break
            if isinstance(value, dict) and set(value) == {"IN"}:
                found.append((attr, frozenset(value["IN"])))
                break
    return found
