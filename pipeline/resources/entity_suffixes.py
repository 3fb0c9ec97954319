"""The suffix words of organisation names, read off the ORG rows of ``models/entities/patterns.jsonl`` (moved from
``resources/entities.py`` in the thirteenth session, which had grown past the module size limit)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol


class PatternRow(Protocol):
    """What is read of a token-pattern row (``resources.entities.TokenPattern``)."""

    @property
    def label(self) -> str: ...
    @property
    def pattern(self) -> Sequence[Mapping[str, Any]]: ...


def org_suffix_words(patterns: Iterable[PatternRow]) -> frozenset[str]:
    """The words an organisation name may end in ("Ltd", "Minerals", "Agency"): every exact ORTH word after the
    first name token (a ``TEXT`` regex) of an ORG pattern, so ``patterns.jsonl`` is the one list."""
    words: set[str] = set()
    for row in patterns:
        if row.label != "ORG":
            continue
        named = False
        for token in row.pattern:
            if "TEXT" in token:
                named = True
                continue
            value = token.get("ORTH")
            if named and isinstance(value, str):
                words.add(value)
            elif named and isinstance(value, dict):
                words.update(value.get("IN", ()))
    return frozenset(words)

