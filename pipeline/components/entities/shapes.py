"""Word shapes no name has (issue 13, entities round 8): capitalised text the model reads as a name.

- A name holds no lower-case content word: only the joiners of ``name_lowercase_words`` ("of", "de", "y") stand
  in lower case inside it, so "Post-tax internal rate of return" at a bullet's start is no organisation (the
  second part of a hyphenated word excepted: "Kim Jun-hyung").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.resources.entities import EntityTables

# Labels of proper names (commodities, sites and laws hold common words: "lithium", "Act on ...").
PROPER_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP"})
HYPHENS = frozenset({"-", "‑"})


def lowercase_inside(span: Span, tables: EntityTables) -> bool:
    """A proper-name span with a lower-case word that no name holds ("Post-tax internal rate"). For the model's
    spans: a rule hit may describe a body in lower case ("Brazil's mines ministry")."""
    if span.label_ not in PROPER_NAME_LABELS:
        return False
    joiners = tables.cues.name_lowercase_words
    doc = span.doc
    return any(
        token.is_alpha and token.is_lower and token.lower_ not in joiners and not _hyphen_part(doc, token.i)
        for token in span
    )


def _hyphen_part(doc: Doc, i: int) -> bool:
    """The token closes a hyphenated word ("Jun-hyung"): a given name's second part may be lower case."""
    return i > 0 and doc[i - 1].text in HYPHENS and not doc[i - 1].whitespace_
