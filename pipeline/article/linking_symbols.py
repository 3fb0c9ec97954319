"""Trading symbols a company's listing bracket defines (issue 13, entities, thirteenth session).

Company news writes a listed company's exchange and symbol in a bracket after its name: "Example Resources NL
(ASX: EXR)", "Example Inc. (EXI: TSX-V; EXIF: OTCQX)", "Example Corporation (EXC.US)". The symbol is then a short
name of that company ("EXR shares rose", "EXC will supply ..."); the annotation guide makes a ticker an alias of
its company, never an entity of its own (docs/annotation.md, "Zones: what counts"). So a bare mention whose text
is such a symbol takes the company's linked values, as an abbreviation defined in a bracket does.

A listing is "EXCHANGE: SYMBOL" or "SYMBOL: EXCHANGE" (the exchange a ``stock_exchanges`` name of
``cue_words.json``, alone or opening a longer name: "NYSE American", "TSX-V"), or a symbol with a market suffix
alone in the bracket ("EXC.US"). A company's possessive may stand before the bracket ("Example Resources' (TSX: EXR)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from pipeline.article.linking_forms import Named
from pipeline.resources.entities import linking_words
from pipeline.text.dashes import WORD_BREAKS

# The bracket after a name, an optional possessive or a word or two of the name the mention left out between
# ("Example Resources NL (ASX: EXR)", "Example Resources' (TSX: EXR)"): its content is read listing by listing.
LISTING_BRACKET = re.compile(r"(?:\s+[A-Z][A-Za-z.]*){0,2}(?:['’]s?)?\s*\(([^()\n]{2,80})\)")
LISTING_SEPARATORS = re.compile(r"[;,]")
# A trading symbol: capitals and digits, optionally a market suffix after a full stop ("UAMY.US", "BHP.AX").
SYMBOL = re.compile(r"^([A-Z][A-Z0-9]{0,5})(\.[A-Z]{1,3})?$")
# Labels a mention must carry for its listing bracket to define symbols: a company's name.
COMPANY_LABELS = frozenset({"ORG"})

NamedT = TypeVar("NamedT", bound=Named)


def _exchange(part: str, exchanges: frozenset[str]) -> bool:
    words = [word for word in WORD_BREAKS.split(part.strip()) if word]
    return bool(words) and words[0] in exchanges


def _listing_symbols(content: str, exchanges: frozenset[str]) -> list[str]:
    """The symbols one bracket lists; none when a part of it is no listing (then the bracket is something else)."""
    symbols: list[str] = []
    for listing in LISTING_SEPARATORS.split(content):
        left, colon, right = listing.partition(":")
        if colon:
            pairs = ((left, right), (right, left))
            symbol = next((s.strip() for e, s in pairs if _exchange(e, exchanges) and SYMBOL.match(s.strip())), None)
        else:
            match = SYMBOL.match(listing.strip())
            symbol = listing.strip() if match is not None and match.group(2) else None
        if symbol is None or symbol in exchanges:
            return []
        symbols.append(symbol)
    return symbols


def listing_after(mention: Named, text: str) -> bool:
    """A stock listing in the bracket after the mention ("X (ASX: EXR)", "X (EXR.L)"), whatever its label: the name
    is a listed company's."""
    match = LISTING_BRACKET.match(text, mention.end)
    return match is not None and bool(_listing_symbols(match.group(1), linking_words().stock_exchanges))


def listed_symbols(mentions: Sequence[NamedT], text: str) -> dict[str, NamedT]:
    """Symbol -> the company mention whose listing bracket defines it ("EXR" for "Example Resources NL (ASX:
    EXR)"); a symbol with a market suffix is also defined without it ("EXC" for "(EXC.US)"). The first company
    that lists a symbol keeps it."""
    exchanges = linking_words().stock_exchanges
    found: dict[str, NamedT] = {}
    for mention in mentions:
        if mention.label not in COMPANY_LABELS or mention.text in exchanges:
            continue
        match = LISTING_BRACKET.match(text, mention.end)
        if match is None:
            continue
        for symbol in _listing_symbols(match.group(1), exchanges):
            found.setdefault(symbol, mention)
            found.setdefault(symbol.split(".")[0], mention)
    return found
