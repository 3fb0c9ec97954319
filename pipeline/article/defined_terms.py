"""Capitalised terms a press release defines for itself, which name no entity (issue 13, entities).

Company and legal copy defines its own shorthand in a bracket with "the" and quotation marks: "a plan of
arrangement (the "Arrangement")", "common shares (the "Offered Shares")", "an updated Mineral Resource Estimate
(the "MRE")". The term is then written capitalised through the release, and the model reads it as a name. A name's
short form is defined without "the" ("Example Lithium Corp. ("Example")"), so a mention whose text is a term
defined with "the" (or its singular or plural) is a defined term, not an entity; a commodity keeps its reading.

Likewise an acronym whose long form is written in lower case ("high-purity electrolytic manganese metal (HPEMM)",
"vanadium redox flow batteries (VRFBs)") abbreviates a term: ``components/entities/definitions.py`` drops the
bracket itself, and here its other mentions ("deliveries of HPEMM") go too, as do those of an acronym a document's
title-case name defines ("an Executive Order (EO)" ... "The EO covers", ``document_name_heads``: sixteenth session).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.article.linking_forms import Named
from pipeline.resources.entities import linking_words
from pipeline.text.dashes import WORD_BREAKS
from pipeline.text.regex import find_bounded

# "(the "X")", "(collectively, the "X")", "(the “X” or ...)": the term after "the" inside a bracket.
THE_DEFINITION = re.compile(r"\((?:[^()]{0,40}\s)?the\s+[\"“]\s*([^\"”()]{1,60}?)[,\s]*[\"”]")
PLURAL = "s"
# "(HPEMM)", "(VRFBs)", "(SEG-HRE)": a bracket holding one acronym, and the words before it.
BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]*[A-Z][A-Za-z-]*)\)")
# Words a document's title-case name holds in lower case ("Memorandum of Understanding").
DOCUMENT_JOINERS = frozenset({"of", "on", "for"})
# Characters read before a bracket for its long form.
LONG_FORM_WINDOW = 120
# A phrase of fewer words written in lower case proves nothing ("energy" beside "Energy Fuels" is one word).
MIN_PHRASE_WORDS = 2


def defined_terms(text: str) -> frozenset[str]:
    """The terms the text defines with "the" in a bracket, each also in its singular or plural form."""
    terms: set[str] = set()
    for match in THE_DEFINITION.finditer(text):
        term = match.group(1).strip()
        if not term[:1].isupper():
            continue
        terms.add(term)
        terms.add(term[: -len(PLURAL)] if term.endswith(PLURAL) and not term.isupper() else term + PLURAL)
    return frozenset(terms)


def lower_case_acronyms(text: str, heads: frozenset[str] = frozenset()) -> frozenset[str]:
    """The acronyms the text defines for a lower-case long form (its first word may open a sentence), or for a
    document's title-case name that one of ``heads`` closes, each also without or with a plural "s"."""
    found: set[str] = set()
    for match in BRACKETED_ACRONYM.finditer(text):
        acronym = match.group(1)
        letters = "".join(char for char in (acronym[:-1] if acronym.endswith(PLURAL) else acronym) if char.isupper())
        words = [word for word in WORD_BREAKS.split(text[max(0, match.start() - LONG_FORM_WINDOW) : match.start()]) if word]
        if not 2 <= len(letters) <= len(words):
            continue
        long_form = words[-len(letters) :]
        if not all(word.isalpha() and (word.islower() or index == 0 and word.istitle()) for index, word in enumerate(long_form)):
            if _document_form(words, letters, heads):
                found.update({acronym, acronym.removesuffix(PLURAL) if acronym.endswith(PLURAL) else acronym + PLURAL})
            continue
        if "".join(word[0] for word in long_form).upper() == letters:
            found.update({acronym, acronym.removesuffix(PLURAL) if acronym.endswith(PLURAL) else acronym + PLURAL})
    return frozenset(found)


def _document_form(words: list[str], letters: str, heads: frozenset[str]) -> bool:
    """The words before a bracket end in a document head, and their title-case words spell the acronym's letters,
    "of"/"on"/"for" between them counted or not ("Memorandum of Understanding": MOU or MU)."""
    if not words or words[-1] not in heads:
        return False
    titled, every = "", ""
    for word in reversed(words):
        if word.istitle() and word.isalpha():
            titled, every = word[0] + titled, word[0] + every
        elif word in DOCUMENT_JOINERS and titled:
            every = word[0].upper() + every
        else:
            break
        if letters in (titled, every):
            return True
    return False


def defined_term_mentions(mentions: Sequence[Named], text: str) -> set[int]:
    """The indexes of the mentions (not commodities) whose text is a term the article defines with "the" or an
    acronym of a lower-case long form, and of the organisations the article also writes in lower case."""
    terms = defined_terms(text) | lower_case_acronyms(text, linking_words().document_name_heads)
    found = {index for index, mention in enumerate(mentions) if mention.label != "COMMODITY" and mention.text in terms}
    return found | lower_case_phrases(mentions, text)


def lower_case_phrases(mentions: Sequence[Named], text: str) -> set[int]:
    """The ORG mentions of two or more words whose lower-case form the article writes too: "Rare Earth Permanent
    Magnets" over a section that speaks of "rare earth permanent magnets" is a capitalised common phrase, not a
    name (a company's name is not written in lower case in its own story)."""
    written: dict[str, bool] = {}  # name -> its lower-case form occurs in the text (a name recurs: scan it once)
    for mention in mentions:
        words = mention.text.split()
        if mention.label != "ORG" or len(words) < MIN_PHRASE_WORDS or not all(word.isalpha() for word in words):
            continue
        if mention.text not in written:
            lowered = mention.text.lower()
            written[mention.text] = lowered != mention.text and bool(find_bounded([lowered], text))
    return {index for index, mention in enumerate(mentions) if written.get(mention.text) and mention.label == "ORG"}
