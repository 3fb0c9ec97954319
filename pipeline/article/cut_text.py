"""Names cut by the end of an excerpt (issue 13, entities round en9).

A scraped or stored excerpt may stop in the middle of a word ("... the think-tank Center for Str", "CEO of
Ter"): a story ends with a stop, a bracket or a quote mark, so a text whose last character is a letter or a digit
was cut. The name that reaches the cut may be any part of a longer name (or no name: "Uzbek president Isl"),
so it is no entity; the names before it stay.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.article.linking_forms import Named


def cut_off(text: str) -> int | None:
    """Where a text cut in the middle of a sentence stops (its length without closing white space); None when
    it ends with punctuation."""
    stripped = text.rstrip()
    return len(stripped) if stripped[-1:].isalnum() else None


def cut_names(mentions: Sequence[Named], text: str) -> set[int]:
    """The indexes of the mentions that run up to the cut end of ``text`` (none when the text ends with a stop)."""
    end = cut_off(text)
    if end is None:
        return set()
    return {index for index, mention in enumerate(mentions) if mention.end >= end}
