"""Acronyms the model leaves untagged after a word that calls them a company, or acting as a clause's party (issue
13, entities round 7): "sovereign wealth fund ADQ", "niobium producer CBMM", "battery maker CATL"; since the
fourteenth session also one title-case proper noun there ("holding company Inalum").

An all-capital word of two to six letters right after a ``company_cues_before`` word, untagged by the rules, on a
body line, is an ORG; the acronyms of ``not_organisations.json`` ("the company EV ...") are left alone, and so is
an acronym that opens a longer name ("consultancy RFC Ambrian": ``joins`` reads it with the name).

With no cue word before it, an all-capital word of three to six letters that neither the rules nor the model tag
is an ORG when the parse makes it a party of its clause: a subject ("The SNMPE said ..."), a possessor, or the object
of "with", "by" or "from" ("registered with CONADI"); twenty-first session, read dev rn213, rn297, rn732 (one
false: an Indonesian permit document the article spells out in a bracket). Not after another name ("Glencore GLEN",
"U.S. DOE": a ticker or a short form the name before it owns), not beside another all-capital word ("THE VALUE of":
a shouted opening), and none the tables know (``not_organisations.json``, gazetteer, commodity words).

An armed group is named by a capital letter and capitals or digits right before an ``armed_group_nouns`` word
("M23 rebels", "the M23 rebel group"; issue 13, entities round en9: two dev outlets on the Congo's cobalt); the
gold writes it as an ORG, the model leaves it untagged.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.headlines import CALENDAR_WORDS
from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables

MIN_LETTERS = 2
MAX_LETTERS = 6
# An acronym acting in its clause: its dependency role, or the preposition it is the object of.
PARTY_MIN_LETTERS = 3
PARTY_ROLES = frozenset({"nsubj", "nsubjpass", "poss"})
PARTY_PREPOSITIONS = frozenset({"with", "by", "from"})


def cued_acronyms(view: BlockView, tables: EntityTables, taken: set[int]) -> list[Span]:
    """ORG spans for the untagged acronyms after a company word; ``taken``: tokens of the rule hits so far."""
    tokens = view.tokens
    texts, lowers = tokens.texts, tokens.lowers
    cues = tables.cues.company_cues_before
    found: list[Span] = []
    for i in range(1, len(texts)):
        text = texts[i]
        if lowers[i - 1] not in cues or i in taken or i in view.headline or not tokens.upper[i] or not tokens.alpha[i]:
            continue
        if not MIN_LETTERS <= len(text) <= MAX_LETTERS or text in tables.not_organisations or text in tables.gazetteer:
            continue
        if i + 1 < len(texts) and tokens.title[i + 1] and tokens.whitespace[i] == " ":
            continue  # "consultancy RFC Ambrian": the acronym opens a longer name (``joins`` takes it in)
        found.append(Span(view.doc, i, i + 1, label="ORG"))
    found.extend(_armed_groups(view, tables, taken))
    found.extend(_cued_names(view, tables, taken))
    found.extend(_party_acronyms(view, tables, taken | {i for span in found for i in range(span.start, span.end)}))
    return found


def _party_acronyms(view: BlockView, tables: EntityTables, taken: set[int]) -> list[Span]:
    """An all-capital word of three to six letters that neither the rules nor the model tag, acting as a clause's
    party (module docstring)."""
    tokens = view.tokens
    texts = tokens.texts
    doc = view.doc
    tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found: list[Span] = []
    for i, text in enumerate(texts):
        if i in taken or i in tagged or i in view.headline or not tokens.upper[i] or not tokens.alpha[i]:
            continue
        if not PARTY_MIN_LETTERS <= len(text) <= MAX_LETTERS or text in tables.not_organisations or text in tables.gazetteer:
            continue
        if text.lower() in tables.commodity_words:
            continue
        if i > 0 and (i - 1 in tagged or i - 1 in taken):
            continue  # "Glencore GLEN", "U.S. DOE": a ticker or a body's short form after a name
        if any(0 <= j < len(texts) and tokens.upper[j] and tokens.alpha[j] and len(texts[j]) > 1 for j in (i - 1, i + 1)):
            continue  # "THE VALUE of": a shouted run, no acronym
        token = doc[i]
        role = token.dep_
        if role in PARTY_ROLES or role == "pobj" and token.head.lower_ in PARTY_PREPOSITIONS:
            found.append(Span(doc, i, i + 1, label="ORG"))
    return found


def _cued_names(view: BlockView, tables: EntityTables, taken: set[int]) -> list[Span]:
    """"state-owned mining holding company Inalum": one untagged proper noun in title case after a company word,
    not opening a longer title-case run or a name with a number ("miner Element 25"), and no word the tables know
    (titles, calendar, headline and trade words)."""
    tokens = view.tokens
    texts, lowers = tokens.texts, tokens.lowers
    cues = tables.cues
    # the tables' own sets, not their union: building that (~600 words) for every block cost more than the scan
    known = (cues.person_titles, cues.job_title_words, tables.headline_words, CALENDAR_WORDS)
    company_cues = cues.company_cues_before
    found: list[Span] = []
    for i in range(1, len(texts) - 1):
        if lowers[i - 1] not in company_cues or i in taken or i in view.headline or not tokens.title[i]:
            continue
        if not tokens.alpha[i] or view.doc[i].pos_ != "PROPN" or any(lowers[i] in words for words in known):
            continue
        if texts[i] in tables.gazetteer:
            continue
        if tokens.title[i + 1] or tokens.digit[i + 1] or texts[i] in tables.not_organisations:
            continue
        if lowers[i] in tables.commodity_words:
            continue
        found.append(Span(view.doc, i, i + 1, label="ORG"))
    return found


def _armed_groups(view: BlockView, tables: EntityTables, taken: set[int]) -> list[Span]:
    tokens = view.tokens
    texts, lowers = tokens.texts, tokens.lowers
    nouns = tables.cues.armed_group_nouns
    return [
        Span(view.doc, i, i + 1, label="ORG")
        for i in range(len(texts) - 1)
        if lowers[i + 1] in nouns and i not in taken and i not in view.headline
        and MIN_LETTERS <= len(texts[i]) <= MAX_LETTERS and texts[i][0].isupper() and texts[i].isalnum()
        and texts[i].upper() == texts[i] and texts[i] not in tables.not_organisations
    ]
