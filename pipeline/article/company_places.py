"""Company names the model reads as places (issue 13, entities, twenty-first session).

The statistical model tags many a coined company name as a GPE ("Northvolt", "Prima", "Berkeley Energia"): a
capitalised word it has not seen, in the subject slot where places often stand. No gazetteer codes such a name, and
no table of places holds it. When the article itself shows the name acting as a company somewhere, each of its GPE
mentions is that company (ORG):

- a company cue around a mention, the same ones ``lone_persons`` reads for a one-word PERSON: a trade word before
  it ("battery maker X"), a company word after it ("X shares", "X Ltd"), a possession only a company has ("X's
  board"), an officer's title before a person's full name ("X CEO Ann Example"), "of" after a person or a title
  ("Ann Example of X"), or "and" / a comma joining it to an ORG;
- a company word right after it without the possessive ("X CEO", "X shareholders");
- a stock listing in brackets after it ("X (ASX: EXR)", "X (EXR.L)", ``linking_symbols``).

A name stays a place when the GPE mention has a kb id, when a place table lists it (``resources.entities.place_names``:
the gazetteer's places, GeoNames' cities of 15,000 people and more through the generated ``towns.json``, and ISO
3166's countries and subdivisions through ``pycountry``), or when the article calls it a district or settlement
(``defined_places``): "Berkeley" may be the company's short name, but it is also a city, and a cue beside a real
place's name is weaker than the place itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.article.linking_forms import Linked, Named
from pipeline.article.linking_labels import defined_places
from pipeline.article.linking_symbols import listing_after
from pipeline.article.lone_persons import organisation_cue
from pipeline.resources.entities import linking_words, place_names

PLACE_LABEL = "GPE"
COMPANY_LABEL = "ORG"
PUNCTUATION = ".,;:()\"“”'‘’"


def _company_word_after(mention: Named, text: str) -> bool:
    """A word only a company has right after the name, without a possessive ("X CEO", "X shareholders")."""
    after = text[mention.end : mention.end + 30].split(maxsplit=1)
    words = linking_words()
    return bool(after) and after[0].strip(PUNCTUATION).lower() in words.company_possessions | words.company_cues_after


def acts_as_company(mention: Named, mentions: Sequence[Named], text: str) -> bool:
    """One of the company cues of the module's docstring around the mention."""
    return _company_word_after(mention, text) or listing_after(mention, text) or organisation_cue(mention, mentions, text)


def company_place_labels(mentions: Sequence[Linked], text: str) -> list[str]:
    """Each mention's label: ORG for a GPE mention without a kb id whose name is no listed or defined place and that
    some mention of the same name shows to be a company; its own label otherwise."""
    candidates = {mention.text for mention in mentions if mention.label == PLACE_LABEL and mention.kb_id is None}
    companies: set[str] = set()
    if candidates:
        defined = defined_places(mentions, text)
        for name in candidates - set(defined):
            same = [mention for mention in mentions if mention.text == name]
            if any(mention.kb_id is not None for mention in same):
                continue
            if any(acts_as_company(mention, mentions, text) for mention in same) and name.lower() not in place_names():
                companies.add(name)
    return [COMPANY_LABEL if mention.label == PLACE_LABEL and mention.text in companies else mention.label
            for mention in mentions]
