"""Sources the story cites by name (issue 13, entities, sixteenth session).

The annotation guide makes a source the story quotes an ORG ("told Reuters"). Outlets and data providers the model
does not know are read as nothing or as a place: "according to Mining.com", "according to Statista data". Two
shapes say what they are without any list of names:

- a web address's name ("Mining.com", "Kitco.com", "Forbes.ru": a capitalised word and a top-level domain, generic
  or a country's: pycountry's ISO 3166-1 codes, twentieth session) after a citing phrase (``citing_phrases``:
  "according to", "told", "said") or before a reporting verb;
- one to three capitalised words after "according to" that a data word closes ("according to Statista data":
  ``source_nouns``), unless the tables know them (a place, a nationality, a listed body keep their reading).

Headline lines are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables

# "Mining.com", "Kitco.com", "Forbes.ru", "Mining.co.za": a capitalised name and a web domain, one token; the last
# label must be a known top-level domain.
WEB_NAME = re.compile(r"[A-Z][A-Za-z0-9-]*\.(?:[a-z]{2,4}\.)?([a-z]{2,4})")
MAX_SOURCE_WORDS = 3


def cited_sources(view: BlockView, tables: EntityTables) -> list[Span]:
    """ORG spans for the cited web outlets and data providers of the block (module docstring)."""
    tokens = view.tokens
    texts, lowers = tokens.texts, tokens.lowers
    found: list[Span] = []
    for i, text in enumerate(texts):
        if i in view.headline:
            continue
        verb = i + 1 < len(texts) and (lowers[i + 1] in tables.cues.reporting_verbs or lowers[i + 1] in tables.cues.outlet_verbs)
        if web_name(text, tables.cues.web_domains) and (_cited_at(i, lowers, tables.cues.citing_phrases) or verb):
            found.append(Span(view.doc, i, i + 1, label="ORG"))
        elif lowers[i] == "to" and i > 0 and lowers[i - 1] == "according":
            provider = _provider_after(i + 1, view, tables)
            if provider is not None:
                found.append(provider)
    return found


def web_name(text: str, domains: frozenset[str]) -> bool:
    """A web address's name: a capitalised word and a top-level domain, one of ``domains`` (``web_domains``: generic
    ones and the country domains that are no ISO code, "uk", "eu") or a country's ISO 3166-1 code ("Forbes.ru")."""
    match = WEB_NAME.fullmatch(text)
    return match is not None and (match.group(1) in domains or match.group(1) in _country_domains())


@lru_cache(maxsize=1)
def _country_domains() -> frozenset[str]:
    """The country-code top-level domains pycountry's ISO 3166-1 alpha-2 codes give ("ru", "za")."""
    return frozenset(country.alpha_2.lower() for country in pycountry.countries)


def _cited_at(i: int, lowers: list[str], phrases: frozenset[str]) -> bool:
    """A citing phrase (``citing_phrases``, lower case) ends right before token ``i``."""
    return any(i >= size and " ".join(lowers[i - size : i]) in phrases for size in {len(p.split()) for p in phrases})


def _provider_after(start: int, view: BlockView, tables: EntityTables) -> Span | None:
    """The capitalised words from ``start`` that a ``source_nouns`` word closes, none of them known to the tables."""
    tokens = view.tokens
    end = start
    while end < len(tokens.texts) and end - start < MAX_SOURCE_WORDS and tokens.alpha[end] and tokens.title[end]:
        end += 1
    if end == start or end >= len(tokens.texts) or tokens.lowers[end] not in tables.cues.source_nouns:
        return None
    name = tokens.span_text(start, end)
    if name in tables.gazetteer or name in tables.towns or tokens.sent_start[start]:
        return None
    return Span(view.doc, start, end, label="ORG")
