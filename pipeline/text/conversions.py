"""Bracketed currency conversions between a bare-dollar amount and a dollar variant: "$60m (A$91.62m)",
"C$15m ($11m)".

A bracket right after an amount restates it in another currency. When one of the two amounts is written with
a bare ``$`` and the other with a dollar variant ("A$", "C$"), the bare ``$`` is *not* that variant (nobody
converts Australian dollars into Australian dollars): the variant is no evidence that the text's bare ``$``
is Australian, and the pair is evidence that it is the US dollar. The quantity stage (per block) and the
article hints (per article) both read it.
"""

from __future__ import annotations

import re

# An amount after its currency sign ("60m", "15 million"), and an opening bracket with an optional hedge word
# ("(about A$91m)"): the pieces both conversion patterns share.
_AMOUNT = r"[ \u00a0]?\d[\d,.]*(?:[ \u00a0]?[A-Za-z]{1,8})?"
_OPEN_BRACKET = r"[ \u00a0]*\([ \u00a0]*(?:(?:about|around|approximately|approx\.|roughly|some|or|~|≈)[ \u00a0]*)?"

# A bare "$" (no letter or "$" glued before it), its amount, then the bracket: the position after it is where
# a conversion starts.
_BARE_AMOUNT_THEN_BRACKET = re.compile(r"(?<![A-Za-z$])\$" + _AMOUNT + _OPEN_BRACKET)

# A dollar variant's amount ("C$15 million", "A$20m") then a bracket holding a bare-"$" amount: the variant's index.
_VARIANT_THEN_BARE = re.compile(r"(?<![A-Za-z$])(?P<variant>[A-Z]{1,3}\$)" + _AMOUNT + _OPEN_BRACKET + r"\$[ \u00a0]?\d")


def bracketed_conversions(text: str) -> set[int]:
    """Where a dollar variant converted to or from a bare-``$`` amount starts: "$60m (A$91.62m)" and
    "A$20m ($13.55m)" both give the index of "A$".

    >>> text = "It paid $60m (A$91.62m) in cash."
    >>> [text[i:i + 2] for i in sorted(bracketed_conversions(text))]
    ['A$']
    >>> bracketed_conversions("It paid A$20m ($13.55m) in cash.")
    {8}
    >>> bracketed_conversions("It paid A$20m (US$13.55m) in cash.")
    set()
    """
    if "(" not in text or "$" not in text:
        return set()
    found = {match.end() for match in _BARE_AMOUNT_THEN_BRACKET.finditer(text)}
    found.update(match.start("variant") for match in _VARIANT_THEN_BARE.finditer(text))
    return found
