"""A headline's one-word short name takes what the same word takes in the body (issue 13, entities, thirteenth session).

A title or heading names a company by its short name before the body gives its full name ("Kestrel's Idaho mine on
track" over "Kestrel Global Ltd said ..."), and the body then writes the same short name again ("Kestrel expects
..."). Linking ties the body's short name to the full name named before it (``linking._opening_word``); the
headline's, written before any full name, is left alone when the body has several names it opens ("Kestrel Global
Ltd", "Kestrel Finland") or several spellings of one ("Kestrel Energy", "Kestrel Energy Resources"). One word written
the same way in one story is one company: the headline mention takes the decision of the first later body mention
of the same word that linking tied to a name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline.article import linking_forms as short_forms

# Labels the headline mention may carry: a company's short name, or a misreading of one.
HEADLINE_SHORT_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP"})


def headline_short_names(
    mentions: Sequence[short_forms.Linked], decisions: list[dict[str, Any]], text: str,
) -> list[dict[str, Any]]:
    """``decisions`` with each unlinked one-word headline mention given the decision of the first later body mention
    of the same word whose ``normalized`` linking changed."""
    result = list(decisions)
    for index, mention in enumerate(mentions):
        if result[index] or mention.kb_id is not None or mention.label not in HEADLINE_SHORT_LABELS:
            continue
        if " " in mention.text or not short_forms.on_headline(mention, text):
            continue
        later = next((j for j in range(index + 1, len(mentions)) if mentions[j].text == mention.text
                      and "normalized" in decisions[j] and not short_forms.on_headline(mentions[j], text)), None)
        if later is not None:
            result[index] = dict(decisions[later])
    return result
