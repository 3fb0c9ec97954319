"""Site names the model reads as companies or places (issue 13, entities, twenty-first session).

A mine, deposit or project named without its head word ("Kamoa North", "Delgerkhan", "Inkai 2") is an unknown
capitalised name to the model, which then reads it as an ORG, or as a GPE. News copy places work at a site with
"at": "exploration activities at X", "the lithium deposits at X", "a slower ramp down at X" (the ``site_work_words``
of ``linking.json``, with one or two words between the work word and "at"). Such a name is the site (FACILITY) in
each of its ORG and GPE mentions, when:

- no mention of it has a kb id and no place table lists it (``resources.entities.place_names``): "production at
  Kolwezi" is the town;
- no word of it is a company's word (the ``short_form_suffixes`` of ``linking.json``: "output at Mineração X" is the
  company) and no mention of it acts as a company (``company_places.acts_as_company``): "operations at X" may be
  the company's.

Linking then carries the label to names joined to it ("at X North and X Far North", ``joined_sites``) and to
other mentions of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.article.company_places import acts_as_company
from pipeline.article.linking_forms import Linked
from pipeline.resources.entities import linking_words, place_names

SITE_READINGS = frozenset({"ORG", "GPE"})
SITE_LABEL = "FACILITY"
# Characters read before a mention for the work word and its "at".
WORK_WINDOW = 60
# "at" right before the name, and the words before it.
AT_BEFORE = re.compile(r"\s+at\s+$")
WORD_BREAK = re.compile(r"[\s-]+")
# The most words between the work word and "at" ("exploration period at", "the lithium deposits at").
MAX_BETWEEN = 2


def _work_at(mention: Linked, text: str) -> bool:
    """A site work word, then "at", right before the mention."""
    before = text[max(mention.start - WORK_WINDOW, 0) : mention.start].lower()
    at = AT_BEFORE.search(before)
    if at is None:
        return False
    words = [word.strip(".,;:()\"“”'‘’") for word in WORD_BREAK.split(before[: at.start()]) if word]
    return any(word in linking_words().site_work_words for word in words[-(MAX_BETWEEN + 1) :])


def _site_name(name: str, same: Sequence[Linked], mentions: Sequence[Linked], text: str) -> bool:
    company_words = linking_words().short_form_suffixes
    if any(mention.kb_id is not None for mention in same) or any(word.lower() in company_words for word in name.split()):
        return False
    if not any(_work_at(mention, text) for mention in same) or any(acts_as_company(m, mentions, text) for m in same):
        return False
    return name.lower() not in place_names()


def worked_site_labels(mentions: Sequence[Linked], text: str) -> list[str]:
    """Each mention's label: FACILITY for an ORG or GPE mention of a name shown to be a site where work is done (the
    module's docstring), its own label otherwise."""
    names = {mention.text for mention in mentions if mention.label in SITE_READINGS and mention.text[:1].isupper()}
    sites = {name for name in names
             if _site_name(name, [mention for mention in mentions if mention.text == name], mentions, text)}
    return [SITE_LABEL if mention.label in SITE_READINGS and mention.text in sites else mention.label
            for mention in mentions]
