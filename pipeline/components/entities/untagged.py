"""Names the model leaves untagged where the sentence itself says what they are (issue 13, entities round 8).

- A list member: one to three title-case words in a comma list between two names of one label ("Chingola,
  Chililabombwe, Nampundwe and Kitwe": GPE; "Iluka, Lynas and Rainbow": ORG) take that label, also over a
  one-word name the model misread (round 9); an untagged name joined by "and" to a company or site takes its
  label ("Glencore and Nyrstar", round 9).
- A company in apposition: a title-case word opening a sentence, then a comma and "the"/"a" phrase that a company
  noun closes without "of" ("Kestrail, the state-run rail freight operator, ...":
  ``appositive_company_nouns``); also when the model read the word as a person or place it does not know.
- A company acting for itself: a title-case word opening a sentence before a finite verb and "its" ("Orocobre
  released its quarterly report"), as ``refine.name_cue`` reads the tagged ones.

- Round 10: a person's name that goes on with one or two untagged title-case words before a reporting verb is the
  longer name ("Director Ana-Luisa Varo Kembe said").

Headline lines, known words (gazetteer, ``not_organisations``) and tokens already in a span are left alone.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.components.entities.view import BlockView
from pipeline.resources.entities import EntityTables
from pipeline.text.commodity import clean_name

LISTED_LABELS = frozenset({"GPE", "ORG"})
# Labels an untagged name joined by "and" takes from the name before it ("Glencore and Nyrstar", "Century and
# Lisheen" after "mines such as").
PAIRED_LABELS = frozenset({"ORG", "FACILITY"})
# Labels the model gives a one-word company name it does not know ("Kestrava" as PERSON).
MISREAD_LABELS = frozenset({"PERSON", "GPE", "NORP"})
MAX_NAME_WORDS = 3
# Most untagged words a person's name may go on with before its reporting verb.
MAX_EXTRA_NAME_WORDS = 2
# Longest run of list members read between the two names that frame them.
MAX_LIST_MEMBERS = 6
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
    replaced = {span.start for span in [*companies, *found]}
    kept = [span for span in spans if not (len(span) == 1 and span.start in replaced and span.start in misread)]
    kept = [_person_before_verb(view, span, tables, taken) for span in kept]
    return sorted([*kept, *found, *companies], key=lambda span: span.start)


def _person_before_verb(view: BlockView, span: Span, tables: EntityTables, taken: set[int]) -> Span:
    """A PERSON with one or two untagged title-case words after it and then a reporting verb is the longer name
    ("Director Ana-Luisa Varo Kembe said"): a hyphenated given name or an unfamiliar family name ends the model's
    span early, and no other word than the person's own name stands between a speaker and "said"."""
    if span.label_ != "PERSON":
        return span
    lowers = view.tokens.lowers
    for end in range(span.end + 1, min(span.end + MAX_EXTRA_NAME_WORDS, len(lowers) - 1) + 1):
        if not _unknown_name(view, span.end, end, tables, taken):
            return span
        if lowers[end] in tables.cues.reporting_verbs:
            return Span(view.doc, span.start, end, label="PERSON")
    return span


def _unknown_name(view: BlockView, start: int, end: int, tables: EntityTables, taken: set[int]) -> bool:
    tokens = view.tokens
    if any(i in taken or i in view.headline or not (tokens.title[i] and tokens.alpha[i]) for i in range(start, end)):
        return False
    text = tokens.span_text(start, end)
    return text not in tables.gazetteer and text not in tables.not_organisations and text not in tables.not_names


def _list_members(view: BlockView, spans: list[Span], tables: EntityTables, taken: set[int]) -> list[Span]:
    """Members of a comma list that opens and closes with names of one label, each member untagged or a one-word
    name the model misread ("Met-Chem, Soutex, Hatch and Gesmine Inc.": "Hatch" read as a person)."""
    texts = view.tokens.texts
    size = len(texts)
    ends = {span.end: span for span in spans}
    starts = {span.start: span for span in spans}
    misread = {span.start for span in spans if len(span) == 1 and span.label_ in MISREAD_LABELS
               and clean_name(span.text) not in tables.gazetteer}
    found: list[Span] = []
    for before_end, before in ends.items():
        if before.label_ in PAIRED_LABELS and before_end + 1 < size and texts[before_end] == "and":
            pair_end = _member_end(view, before_end + 1, tables, taken, set())
            if pair_end is not None and texts[pair_end] != "and":
                found.append(Span(view.doc, before_end + 1, pair_end, label=before.label_))
            continue
        if before.label_ not in LISTED_LABELS or before_end + 1 >= size or texts[before_end] != ",":
            continue
        members: list[tuple[int, int]] = []
        start = before_end + 1
        while start < size and len(members) < MAX_LIST_MEMBERS:
            end = _member_end(view, start, tables, taken, misread)
            if end is None:
                break
            members.append((start, end))
            joiner = end + 1 if end < size and texts[end] == "," else end
            joiner += joiner < size and texts[joiner] == "and"
            if joiner == end or joiner >= size:
                break
            after = starts.get(joiner)
            closes = after is not None and (after.end >= size or texts[after.end] not in {",", "and"})
            if after is not None and (joiner not in misread or closes and after.label_ == before.label_):
                if after.label_ == before.label_:  # a member two lists share ("A, B, C and D") is added once
                    added = {(span.start, span.end) for span in found}
                    found.extend(Span(view.doc, first, last, label=before.label_) for first, last in members
                                 if (first, last) not in added)
                break
            start = joiner
    return found


def _member_end(view: BlockView, start: int, tables: EntityTables, taken: set[int], misread: set[int]) -> int | None:
    """The end of a list member at ``start``: a misread one-word name, or one to three untagged title-case words."""
    if start in misread:
        return start + 1
    if view.tokens.sent_start[start]:
        return None
    for end in range(start + 1, min(start + MAX_NAME_WORDS, len(view.tokens.texts)) + 1):
        if end < len(view.tokens.texts) and (view.tokens.texts[end] in {",", "and"} or not view.tokens.title[end]):
            return end if _unknown_name(view, start, end, tables, taken) else None
    return None


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
