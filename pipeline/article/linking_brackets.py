"""Short forms a bracket defines in the wider shapes the one-token reading of ``linking.find_abbreviations`` misses
(issue 13, entities, twentieth session, ORG precision).

On the read dev half, a name's own short form stayed a separate, false ORG group in four articles because the
bracket that defines it was not read:

- a legal form after a comma stands between the name and the bracket: "Foo Mines, Inc. (FMI)";
- the bracket holds a short name of two or more words: a quoted one ("Foo Metals Canada Ltd. (“Foo Metals”)"), or
  a legal prefix and a code ("PT Foo Bar Baz (PT FBB)");
- the bracket holds the name in the home language, then its acronym: "Foo Miners Association (Asosiasi Penambang
  Foo, APF)"; the acronym is the initials of that gloss.

The tests of the one-token reading hold here too: the short form opens with a letter that opens a word of the long
name (past a legal prefix), so "(Canada)" or a ticker of other letters defines nothing.
"""

from __future__ import annotations

import re
from typing import Protocol

from pipeline.resources.entities import linking_words

QUOTED = re.compile(r"\s*\(\s*[\"“'‘]([A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){1,3})[\"”'’]\s*\)")
PREFIXED = re.compile(r"\s*\(\s*([A-Z]{1,4}) ([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
GLOSSED = re.compile(r"\s*\(\s*([^()\n,]{3,80}),\s*([A-Z][A-Z0-9&]{1,9})\s*\)")
CODE = re.compile(r"\s*\(\s*[\"“'‘]?([A-Z][A-Za-z0-9&.\-]{1,11})[\"”'’]?\s*\)")
# Characters after a name searched for a comma-set legal form: ", Limited," (the longest of ``legal_forms``) is 10.
LEGAL_FORM_REACH = 12


class Spanned(Protocol):
    """What this module reads of a mention: its text and where it ends."""

    @property
    def text(self) -> str: ...
    @property
    def end(self) -> int: ...


def bracket_short_form(mention: Spanned, text: str) -> str | None:
    """The short form a bracket after ``mention`` (a name of two or more words) defines in one of the wider shapes,
    or None."""
    words = linking_words()
    end = _past_legal_form(text, mention.end, frozenset(words.legal_forms))
    if end != mention.end and (match := CODE.match(text, end)) is not None:
        short = match.group(1)
        return short if _opens_a_word(short, mention.text, words.legal_prefixes) else None
    if (match := QUOTED.match(text, end)) is not None:
        short = match.group(1)
        return short if short.split()[0] == mention.text.split()[0] else None
    if (match := PREFIXED.match(text, end)) is not None and match.group(1) in words.legal_prefixes:
        code = match.group(2)
        return f"{match.group(1)} {code}" if _opens_a_word(code, mention.text, words.legal_prefixes) else None
    if (match := GLOSSED.match(text, end)) is not None:
        gloss = [word for word in match.group(1).split() if word[:1].isupper()]
        code = match.group(2)
        return code if "".join(word[0] for word in gloss) == code else None
    return None


def _past_legal_form(text: str, end: int, legal_forms: frozenset[str]) -> int:
    """Where a ", Inc."-style legal form written after a name ends (``end`` when none follows)."""
    match = re.match(r",\s*(\S+)", text[end : end + LEGAL_FORM_REACH])
    if match is None or match.group(1).rstrip(",") not in legal_forms:
        return end
    return end + match.end()


def _opens_a_word(short: str, long: str, legal_prefixes: frozenset[str]) -> bool:
    """Whether ``short`` opens with the first letter of a word of ``long`` other than a legal prefix."""
    initials = {word[0].upper() for word in long.split() if word and word not in legal_prefixes}
    return short[0].upper() in initials
