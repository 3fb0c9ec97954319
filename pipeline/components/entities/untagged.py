"""Names the model leaves untagged where the sentence itself says what they are (issue 13, entities round 8).

- A list member: one to three title-case words in a comma list between two names of one label ("Chingola,
  Chililabombwe, Nampundwe and Kitwe": GPE; "Iluka, Lynas and Rainbow": ORG) take that label.
- A company in apposition: a title-case word opening a sentence, then a comma and "the"/"a" phrase that a company
  noun closes without "of" ("Kestrail, the state-run rail freight operator, ...":
  ``appositive_company_nouns``); also when the model read the word as a person or place it does not know.
- A company acting for itself: a title-case word opening a sentence before a finite verb and "its" ("Orocobre
  released its quarterly report"), as ``refine.name_cue`` reads the tagged ones.

Headline lines, known words (gazetteer, ``not_organisations``) and tokens already in a span are left alone.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.text.commodity import clean_name

LISTED_LABELS = frozenset({"GPE", "ORG"})
# Labels the model gives a one-word company name it does not know ("Kestrava" as PERSON).
MISREAD_LABELS = frozenset({"PERSON", "GPE", "NORP"})
MAX_NAME_WORDS = 3
# Longest "the ... <company noun>" phrase read after the comma.
MAX_APPOSITION_TOKENS = 8
APPOSITION_OPENERS = frozenset({"the", "a", "an"})
# Past and present-tense verbs (Penn tags) before "its".
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ"})
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})


def untagged_names(view: BlockView, spans: list[Span], tables: EntityTables) -> list[Span]:
    """The block's final ``spans`` with the names of the module's docstring added (a misread one-word name
    replaced), in text order."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    found = _list_members(view, spans, tables, taken)
    taken.update(i for span in found for i in range(span.start, span.end))
    misread = {span.start for span in spans if len(span) == 1 and span.label_ in MISREAD_LABELS
               and clean_name(span.text) not in tables.gazetteer}
    companies = _opening_companies(view, tables, taken - misread)
    replaced = {span.start for span in companies}
    kept = [span for span in spans if not (len(span) == 1 and span.start in replaced)]
    return sorted([*kept, *found, *companies], key=lambda span: span.start)


def _unknown_name(view: BlockView, start: int, end: int, tables: EntityTables, taken: set[int]) -> bool:
    tokens = view.tokens
    if any(i in taken or i in view.headline or not (tokens.title[i] and tokens.alpha[i]) for i in range(start, end)):
        return False
    text = tokens.span_text(start, end)
    return text not in tables.gazetteer and text not in tables.not_organisations and text not in tables.not_names


def _list_members(view: BlockView, spans: list[Span], tables: EntityTables, taken: set[int]) -> list[Span]:
    texts = view.tokens.texts
    ends = {span.end: span for span in spans}
    starts = {span.start: span for span in spans}
    found: list[Span] = []
    for before_end, before in ends.items():
        if before.label_ not in LISTED_LABELS or before_end + 1 >= len(texts) or texts[before_end] != ",":
            continue
        start = before_end + 1
        for end in range(start + 1, min(start + MAX_NAME_WORDS, len(texts)) + 1):
            joiner = end + 1 if end < len(texts) and texts[end] == "," else end
            joiner += joiner < len(texts) and texts[joiner] == "and"
            after = starts.get(joiner)
            if end < len(texts) and texts[end] in {",", "and"} and after is not None and after.label_ == before.label_:
                if _unknown_name(view, start, end, tables, taken) and not view.tokens.sent_start[start]:
                    found.append(Span(view.doc, start, end, label=before.label_))
                break
    return found


def _opening_companies(view: BlockView, tables: EntityTables, taken: set[int]) -> list[Span]:
    tokens = view.tokens
    texts, lowers = tokens.texts, tokens.lowers
    nouns = tables.cues.appositive_company_nouns
    found: list[Span] = []
    for i, opens in enumerate(tokens.sent_start):
        if not opens or i + 2 >= len(texts) or tokens.tags[i] not in PROPER_NOUN_TAGS:
            continue
        if not _unknown_name(view, i, i + 1, tables, taken):
            continue
        if texts[i + 1] == "," and lowers[i + 2] in APPOSITION_OPENERS:
            window = range(i + 3, min(i + 3 + MAX_APPOSITION_TOKENS, len(texts)))
            closing = next((j for j in window if texts[j] in {",", "."} or tokens.newline[j]), None)
            if closing is not None and lowers[closing - 1] in nouns and "of" not in lowers[i + 3 : closing]:
                found.append(Span(view.doc, i, i + 1, label="ORG"))
        elif tokens.tags[i + 1] in FINITE_VERB_TAGS and lowers[i + 2] == "its":
            found.append(Span(view.doc, i, i + 1, label="ORG"))
    return found
