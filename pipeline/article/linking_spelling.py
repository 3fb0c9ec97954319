"""One commodity written in two spellings (issue 13, entities round 9): an article that writes "cobalt sulphate" in
one paragraph and "cobalt sulfate" in the next names one commodity. The spellings are data (``linking.json``
``spelling_variants``, British -> IUPAC); the name the article writes first is kept, so an article with one
spelling keeps it as written (the annotation guide normalises a form word only to its singular)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from pipeline.resources.entities import linking_words


class Spelled(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def normalized(self) -> str: ...
    @property
    def commodity(self) -> Any: ...


def spelling_key(name: str) -> str:
    """The name with every spelling variant written one way ("Cobalt Sulphate" -> "cobalt sulfate")."""
    key = name.lower()
    for written, spelled in linking_words().spelling_variants.items():
        key = key.replace(written, spelled)
    return key


def same_spelling(mentions: Sequence[Spelled], decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Linking ``decisions`` (one per mention, updated in place) where commodities whose names differ only by
    spelling take the name and commodity of the first one the article writes."""
    first: dict[str, tuple[str, Any]] = {}
    for mention, decision in zip(mentions, decisions, strict=True):
        if decision.get("label", mention.label) != "COMMODITY":
            continue
        name = decision.get("normalized", mention.normalized)
        seen = first.setdefault(spelling_key(name), (name, decision.get("commodity", mention.commodity)))
        if seen[0] != name:
            decision.update({"normalized": seen[0], "commodity": seen[1]})
    return decisions
