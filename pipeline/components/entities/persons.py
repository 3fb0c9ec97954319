"""Persons the model gives another label, and person readings of names that are not persons (round 11).

Read off unannotated news (the silver pool), each a convention of how copy writes people:
- Two people joined by "and" share a role ("A B and C D of the X newspaper"): a two- or three-word name the model
  reads as an ORG or a place right next to a full PERSON name across "and" is a person too, unless it carries an
  organisation word, a commodity word or a name the gazetteer knows.
- A person in apposition with an employer's possessive and a title ("A B, X's general manager,") is a PERSON, and so
  is a name between a reporting verb and a title ("..., said A B CEO of X"; a company before a title is the
  employer: "X CEO A B").
- A name opened by an organisation word of Romance-language copy ("Minera X", "Compagnie X de Y") is an ORG,
  whatever the model read.
- A sentence opened by an inverted reporting verb ("Said B: ...") leaves the verb out of the name.
- A name after "Mt"/"Mount" (``mount_words``) is the mountain's, "Mt" included: a FACILITY before a site word or a
  site apposition, else a LOC (linking gives it the label of the same name written as a site elsewhere).
- A one-word PERSON joined by "and" or a comma to a place is a place too ("the towns of X and Y").
- An unknown name in apposition with a company noun ("X, the country's sole producer", "X, an Australian firm"):
  the words between the comma and the noun only describe it (determiners, adjectives, a possessor), and nothing
  but punctuation or a preposition follows the noun, so it heads the apposition (``company_apposition``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.components.entities.sites import site_after_descriptors
from pipeline.components.entities.view import POSSESSIVES, WORD_HYPHENS, BlockView, glued_hyphen
from pipeline.resources.entities import EntityTables
from pipeline.text.commodity import clean_name

# Labels the model gives the second of two people joined by "and" ("A B and C D").
PERSON_MISREADS = frozenset({"ORG", "GPE", "LOC"})
# Portfolio names joined in one title ("Lands and Natural Resources"), and the most words read across them.
PORTFOLIO_JOINERS = frozenset({"and", "&", ","})
MAX_PORTFOLIO_WORDS = 4
# Between a title and its portfolio ("Minister of Energy", "Minister for Trade").
PORTFOLIO_OF = frozenset({"of", "for"})
# Most tokens of the employer's name between the comma and its possessive ("A B, X Y Z's chief ...").
MAX_EMPLOYER_TOKENS = 4
# Most job-title words before the title word itself ("X's senior vice president").
MAX_ROLE_WORDS = 3
# Past and present-tense verbs ("released", "reports") after a name.
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ"})
# Most describing words between the comma and the company noun of an apposition ("the world's second-largest").
MAX_APPOSITION_WORDS = 5
APPOSITION_ARTICLES = frozenset({"the", "a", "an"})
# Tags of the words that describe an apposition's head: determiners, adjectives, participles, numbers, possessives,
# hyphens and nouns that modify the head ("the country's", "a nickel company"; "a partner at" stops at "at").
DESCRIBING_TAGS = frozenset({"DT", "JJ", "JJS", "JJR", "VBN", "VBG", "CD", "PRP$", "POS", "HYPH", "RBS", "RB", "NN", "NNS",
                             "NNP"})
# What may follow the head noun of an apposition naming a company.
APPOSITION_ENDS = frozenset({",", ".", ";", ":", ")", "in", "of", "with", "that", "which", "and", "based"})


def _plain_name_word(token: Token, tables: EntityTables) -> bool:
    """A title-case word that may be part of a person's name: no organisation, suffix or commodity word."""
    cues = tables.cues
    return (token.is_title and token.is_alpha and len(token) > 1 and token.text not in tables.org_suffix_words
            and token.lower_ not in cues.org_name_words and token.lower_ not in tables.commodity_words)


def coordinated_person(span: Span, spans: list[Span], tables: EntityTables) -> Span | None:
    """"A B and C D of the X": the model's ORG/place "C D" beside the PERSON "A B" across "and" (either order) as a
    PERSON; None otherwise."""
    if span.label_ not in PERSON_MISREADS or not 2 <= len(span) <= 3:
        return None
    if tables.gazetteer.get(clean_name(span.text)) is not None or not all(_plain_name_word(t, tables) for t in span):
        return None
    doc = span.doc
    before = span.start >= 2 and doc[span.start - 1].lower_ == "and"
    after = span.end + 1 < len(doc) and doc[span.end].lower_ == "and"
    for other in spans:
        if other.label_ != "PERSON" or len(other) < 2:
            continue
        if before and other.end == span.start - 1 or after and other.start == span.end + 1:
            return Span(doc, span.start, span.end, label="PERSON")
    return None


def possessed_role(span: Span, tables: EntityTables) -> bool:
    """"A B, X's general manager,": an unknown two- or three-word name followed by a comma, an employer's
    possessive and a person title (job-title words allowed before it) is a person; so is "said A B CEO". A hyphen
    may join two given names ("Ann-Marie B")."""
    words = [t for t in span if not (t.text in WORD_HYPHENS and 0 < t.i - span.start < len(span) - 1)]
    if not 2 <= len(words) <= 4 or not all(_plain_name_word(t, tables) for t in words):
        return False
    doc = span.doc
    cues = tables.cues
    if span.end >= len(doc):
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in cues.reporting_verbs and doc[span.end].lower_ in cues.person_titles:
        # "said X Corp President A B": a name after the title makes the span its employer
        return span.end + 1 >= len(doc) or not doc[span.end + 1].is_title
    if doc[span.end].text != ",":
        return False
    for i in range(span.end + 2, min(span.end + 2 + MAX_EMPLOYER_TOKENS, len(doc))):
        if doc[i].text in POSSESSIVES:
            role = [t.lower_ for t in doc[i + 1 : i + 2 + MAX_ROLE_WORDS]]
            for word in role:
                if word in cues.person_titles:
                    return True
                if word not in cues.job_title_words:
                    return False
            return False
        if not (doc[i].is_title or doc[i].is_upper):
            return False
    return False


def organisation_worded(span: Span, tables: EntityTables) -> Span | None:
    """"Minera X", "Compagnie Miniere de Y": a PERSON opened by an organisation word as an ORG; None otherwise."""
    if span.label_ != "PERSON" or len(span) < 2 or span[0].lower_ not in tables.cues.org_name_words:
        return None
    return Span(span.doc, span.start, span.end, label="ORG")


def without_reporting_verb(span: Span, tables: EntityTables) -> Span:
    """"Said B" opening a sentence ("Said B: ...") -> "B": the inverted reporting verb is no part of the name."""
    if span.label_ != "PERSON" or len(span) < 2 or not span[0].is_title or span[0].lower_ not in tables.cues.reporting_verbs:
        return span
    return Span(span.doc, span.start + 1, span.end, label="PERSON")


def mountain_name(span: Span, tables: EntityTables) -> Span | None:
    """"Mt Keith" read as the PERSON "Keith": the name with its mount word, a FACILITY before a site keyword (commodity
    or descriptor words allowed between), else a LOC; None when no mount word opens it."""
    if span.label_ not in PERSON_MISREADS | {"PERSON"} or span.start == 0:
        return None
    doc = span.doc
    if doc[span.start - 1].text not in tables.cues.mount_words:
        return None
    grown = Span(doc, span.start - 1, span.end)
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    cues = tables.cues
    site = after in cues.site_keywords | cues.site_name_keywords | cues.site_plurals or site_after_descriptors(grown, tables)
    return Span(doc, grown.start, grown.end, label="FACILITY" if site else "LOC")


def coordinated_place(span: Span, spans: list[Span]) -> Span | None:
    """"the towns of X and Y": a one-word PERSON joined by "and" or a comma to a GPE right beside it, as a GPE."""
    if span.label_ != "PERSON" or len(span) != 1:
        return None
    doc = span.doc
    for other in spans:
        if other.label_ != "GPE":
            continue
        if other.end == span.start - 1 and doc[span.start - 1].lower_ in {"and", ","} or (
                other.start == span.end + 1 and doc[span.end].lower_ in {"and", ","}):
            return Span(doc, span.start, span.end, label="GPE")
    return None


def person_reading(span: Span, spans: list[Span], tables: EntityTables) -> Span:
    """The span after the rules of this module that re-read a name the model gave a person's or another label."""
    return (mountain_name(span, tables) or organisation_worded(span, tables) or coordinated_person(span, spans, tables)
            or coordinated_place(span, spans) or without_reporting_verb(span, tables))


def portfolio_word(span: Span, tables: EntityTables) -> bool:
    """"Investment" in "Indonesia's Investment Minister Bahlil Lahadalia": a portfolio before a title, no body; also
    a portfolio joined to others before it ("Energy and Minerals Minister X") or after "Minister of" ("Minister of
    Lands and Natural Resources", issue 13): part of a person's title."""
    doc = span.doc
    if span.label_ != "ORG" or span.text in tables.gazetteer:
        return False
    titles = tables.cues.portfolio_titles
    end = span.end
    while end < len(doc) and end - span.end < MAX_PORTFOLIO_WORDS and (
            doc[end].text in PORTFOLIO_JOINERS or doc[end].is_title and doc[end].lower_ not in titles):
        end += 1
    if end < len(doc) and doc[end].is_title and doc[end].lower_ in titles:
        return True
    start = span.start - 1
    while start > 0 and span.start - start <= MAX_PORTFOLIO_WORDS and (
            doc[start].text in PORTFOLIO_JOINERS or doc[start].is_title):
        start -= 1
    return (start > 0 and doc[start].lower_ in PORTFOLIO_OF and doc[start - 1].is_title
            and doc[start - 1].lower_ in titles)


def company_apposition(span: Span, tables: EntityTables) -> bool:
    """"X, the country's sole producer,", "X, an Australian firm": the name heads an apposition whose noun is a
    company word (``company_cues_before``); see the module's docstring."""
    doc = span.doc
    start = span.end + 1
    if start + 1 >= len(doc) or doc[span.end].text != "," or doc[start].lower_ not in APPOSITION_ARTICLES:
        return False
    for i in range(start + 1, min(start + 2 + MAX_APPOSITION_WORDS, len(doc))):
        token = doc[i]
        if token.lower_ in tables.cues.company_cues_before:
            return i + 1 == len(doc) or doc[i + 1].lower_ in APPOSITION_ENDS
        if token.tag_ not in DESCRIBING_TAGS and token.text not in WORD_HYPHENS and token.text not in POSSESSIVES:
            return False
    return False


def acts_for_itself(span: Span) -> bool:
    """"X released its first quarter report": a finite verb whose object a possessive "its" opens has no person
    as its subject."""
    doc = span.doc
    end = span.end
    return end + 1 < len(doc) and doc[end].tag_ in FINITE_VERB_TAGS and doc[end + 1].lower_ == "its"


def title_words(tables: EntityTables) -> frozenset[str]:
    """Words a person's name may open with that are no part of it: titles and honorifics ("Dr", "Shri")."""
    return tables.cues.person_titles | tables.cues.honorifics


def person_cue(span: Span, view: BlockView, tables: EntityTables) -> bool:
    """An unknown two- or three-word name the words around make a person: a title before it ("chief executive
    officer Ann Example", "Minister Ann Example"), or an apposition after it ("Ann Example, a manager at",
    "Ann Example, head of", "Ann Example, who"); a GPE/LOC also before a reporting verb ("Ann Example said").
    Moved here from ``refine.py`` (twentieth session), where the parts of a hyphenated surname now count as words of
    the name ("Ann Example-Jones, chief executive of")."""
    doc = span.doc
    cues = tables.cues
    words = [t for t in span if not glued_hyphen(doc, t.i)]  # "Ann Example-Jones": a hyphenated surname's parts
    if not 2 <= len(words) <= 3 or (span.start, span.end, span.label_) in view.infos:
        return False
    if any(not (t.is_title and t.is_alpha) or t.text in tables.org_suffix_words or t.lower_ in cues.org_name_words
           or t.lower_ in tables.commodity_words for t in words):
        return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = [t.lower_ for t in doc[span.end : span.end + 3]]
    if before in cues.person_titles or before == "," and span.start > 1 and doc[span.start - 2].lower_ in cues.person_titles:
        return True  # "Minister Ann Example", "its chief financial officer, Ann Example,"
    if len(after) >= 2 and after[0] == ",":
        role = after[2] if after[1] in {"a", "an", "the"} and len(after) > 2 else after[1]
        if role in cues.person_titles:
            return True
    return span.label_ != "ORG" and bool(after) and after[0] in cues.reporting_verbs
