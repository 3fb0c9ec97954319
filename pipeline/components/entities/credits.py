"""Credits of wire copy (applied by ``refine``): the agency or service that supplied a story or a picture is named
in fixed places of the layout, and there it is no actor of the story (docs/realnews.md: "Publication, wire and photo
credits ... are not entities unless the body uses them as actors"; "told Reuters" keeps its ORG).

- the publisher's dateline: a name opening its line before its date in brackets and the story's dash ("Asian Wire
  (Oct 24) -- ...", round 9);
- the wire dateline: a name alone in brackets right before the dash that opens the story, after the dateline's
  date or all-caps place or at a line start ("LIMA, May 4 (Reuters) -", "May 13, 2024 (GLOBE NEWSWIRE) --",
  "BEIJING (Bloomberg) --"; an acronym defined after a name, "the Export-Import Bank (EXIM) -", is none);
- the caption credit: a name after a free-standing slash or bar that ends its line ("... at the port. / Reuters");
- the outlet glued to the last stop of the story ("... the company said.Agency", round 14);
- the staff credit that closes wire copy: names after "<role> by" ("(Reporting by Name in Place; Editing by Name)",
  ``credit_roles``), up to the next semicolon or bracket.

- the photo credit closing a caption: a photographer before a one-name bracket that ends the line after the
  caption's stop ("... at the port. Ana Ruiz (AP)"), or with the agency's capitals and the year in one bracket ("(Ana Ruiz,
  AP2019)"), round 10.

Both read position only, so they also hold for agencies no list names.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.components.entities.view import TokenColumns
from pipeline.resources.entity_cues import CueWords
from pipeline.text.calendar_names import MONTHS, WEEKDAYS

# The dash after a wire dateline's bracket (ASCII hyphens, doubled hyphens and typographic dashes).
# "_" is the dash of archived AP copy ("SANTIAGO, Chile (AP) _ More than ...").
STORY_DASHES = frozenset({"-", "--", "---", "‒", "–", "—", "―", "_"})
# The most words a dateline place holds before its credit ("SAO PAULO, Brazil").
MAX_DATELINE_TOKENS = 6
CREDIT_SEPARATORS = frozenset({"/", "|"})
# The most letters of an abbreviated dateline word ("Calif.", "Sask.").
MAX_DATELINE_ABBREVIATION_LETTERS = 5
# The most words of a photographer's name before a caption credit's bracket, and the stops that end the caption.
MAX_PHOTOGRAPHER_TOKENS = 3
CAPTION_STOPS = frozenset({".", "!", "?"})
# An agency's capitals in a photo credit with the picture's year glued on ("AP2008"); without the year, capitals
# after a name are as often a job title ("Ana Ruiz, CEO").
AGENCY_MARK = re.compile(r"[A-Z]{2,6}(?:19|20)\d{2}")
# What a credit names: an agency or a photographer.
CREDITED_LABELS = frozenset({"ORG", "PERSON"})


def wire_credit(span: Span, tokens: TokenColumns) -> bool:
    """The span, an ORG or PERSON, is a wire or caption credit by its place in the layout (see the module's
    docstring); places keep their label ("Mar 3, 2026 | PERTH" is a dateline)."""
    texts = tokens.texts
    start, end, size = span.start, span.end, len(texts)
    if span.label_ not in CREDITED_LABELS:
        return False
    if start < 1:
        return _agency_dateline(span, tokens)
    if _agency_dateline(span, tokens) or _glued_credit(span, tokens):
        return True
    if _photographer(span, tokens):
        return True
    if texts[start - 1] == "(" and end + 1 < size and texts[end] in STORY_DASHES and _dated(texts[end + 1]):
        return True  # "Toronto, Ontario–(Wirefile Corp. – March 3, 2023) –": the release wire and its date
    if texts[start - 1] == "(" and end < size and texts[end] == ")":
        if end + 1 < size and _story_dash(texts[end + 1]):
            return _dateline_before(start - 2, tokens)
        if _caption_credit_bracket(start - 1, tokens):
            return True
        # a bracketed agency that is a line of its own, between the headline and the story
        return (start < 2 or tokens.newline[start - 2]) and (end + 1 == size or tokens.newline[end + 1])
    return (
        texts[start - 1] in CREDIT_SEPARATORS
        and tokens.whitespace[start - 1] == " "
        and (start < 2 or tokens.whitespace[start - 2] == " " or tokens.newline[start - 2])
        and (end == size or tokens.newline[end])
    )


def _dated(text: str) -> bool:
    """A month or weekday name, or a number: the date a wire credit's bracket gives after its dash."""
    lower = text.lower().rstrip(".")
    return lower in MONTHS or lower in WEEKDAYS or text.isdigit()


# How far back a staff credit's "<role> by" may stand ("Reporting by Ann Example and Bo Example").
MAX_STAFF_CREDIT_TOKENS = 8
# The longest contribution note read after a name ("contributed to this report").
MAX_CONTRIBUTION_TOKENS = 5
STAFF_CREDIT_STOPS = frozenset({";", "(", ")"})
# A place where a credited reporter sat ("Reporting by Ann Example in Lusaka") may stand further from the role.
CREDITED_PLACE_LABELS = frozenset({"GPE"})
MAX_PLACE_CREDIT_TOKENS = 16


def staff_credit(span: Span, tokens: TokenColumns, cues: CueWords) -> bool:
    """A PERSON or ORG named after "<role> by" in the same clause of a credit line ("Reporting by Ann Example and Bo
    Example; Editing by Cy Example", ``credit_roles``; "With assistance from Ann Example", ``credit_helps``), or right
    before a contribution note that closes wire copy ("The Agency contributed to this report.",
    ``contribution_phrases``): the story's reporters, editors and contributing agencies, no actors of it. A place
    after "in" in such a credit that opens its line or bracket is where a reporter sat ("(Reporting by Ann Example in
    Lusaka; ...)", "--With assistance from Bo Example in Lima and Cy Example in Oslo."), no place of the story."""
    lowers, newline = tokens.lowers, tokens.newline
    place = span.label_ in CREDITED_PLACE_LABELS and span.start > 0 and lowers[span.start - 1] == "in"
    if span.label_ not in CREDITED_LABELS and not place:
        return False
    after = " ".join(lowers[span.end : span.end + MAX_CONTRIBUTION_TOKENS])
    if not place and any(after.startswith(phrase) for phrase in cues.contribution_phrases):
        return True
    roles = cues.credit_roles
    reach = MAX_PLACE_CREDIT_TOKENS if place else MAX_STAFF_CREDIT_TOKENS
    i = span.start - 1
    while i >= 1 and span.start - i <= reach and not newline[i] and lowers[i] not in STAFF_CREDIT_STOPS:
        credited = ((lowers[i] == "by" and lowers[i - 1] in roles)
                    or (lowers[i] == "from" and lowers[i - 1] in cues.credit_helps))
        if credited:
            return not place or _credit_opening(i - 1, tokens)
        i -= 1
    return False


def _credit_opening(role: int, tokens: TokenColumns) -> bool:
    """The credit's role word opens a line or a bracket, after a dash or a "With" at most ("--With assistance from",
    which the tokenizer reads as one word with its dashes)."""
    i = role - 1
    if i >= 0 and tokens.lowers[i].lstrip("".join(STORY_DASHES)) == "with":
        i -= 1
    while i >= 0 and tokens.texts[i] in STORY_DASHES:
        i -= 1
    return i < 0 or tokens.newline[i] or tokens.texts[i] == "("


def _photographer(span: Span, tokens: TokenColumns) -> bool:
    """A PERSON right before a one-name bracket that ends its line, after a caption's closing stop ("... at the
    port. Ana Ruiz (Andes Wire)"): the photographer and agency of a picture, credited where the caption ends."""
    end, texts = span.end, tokens.texts
    if span.label_ != "PERSON" or end + 2 >= len(texts):
        return False
    if texts[end] == "(":
        return _caption_credit_bracket(end, tokens)
    # "(Ana Ruiz, AP2019)": the photographer and the agency's capitals, the year glued on, in one bracket
    return (span.start > 0 and texts[span.start - 1] == "(" and texts[end] == "," and texts[end + 2] == ")"
            and AGENCY_MARK.fullmatch(texts[end + 1]) is not None)


def _caption_credit_bracket(open_index: int, tokens: TokenColumns) -> bool:
    """The bracket at ``open_index`` holds one name, closes its line, and follows a short title-case name that
    itself follows a sentence's stop: the layout of a caption credit ("... at the port. Ana Ruiz (AP)")."""
    texts, size = tokens.texts, len(tokens.texts)
    close = open_index + 2
    if close >= size or texts[close] != ")" or not tokens.alpha[open_index + 1]:
        return False
    if close + 1 < size and not tokens.newline[close + 1]:
        return False
    i = open_index - 1
    while i >= 0 and open_index - i <= MAX_PHOTOGRAPHER_TOKENS and tokens.alpha[i] and tokens.title[i]:
        i -= 1
    return 1 <= open_index - 1 - i <= MAX_PHOTOGRAPHER_TOKENS and i >= 0 and texts[i] in CAPTION_STOPS


def _agency_dateline(span: Span, tokens: TokenColumns) -> bool:
    """"Asian Wire (Oct 24) -- Malaysia will ...": a name opening its line, its date in brackets, then the story's
    dash: the publisher's own dateline, no actor."""
    texts, size, end = tokens.texts, len(tokens.texts), span.end
    if span.start > 0 and not tokens.newline[span.start - 1] or end >= size or texts[end] != "(":
        return False
    close = next((j for j in range(end + 1, min(end + MAX_DATELINE_TOKENS, size)) if texts[j] == ")"), None)
    if close is None or close + 1 >= size or not _story_dash(texts[close + 1]):
        return False
    return any(tokens.like_num[j] for j in range(end + 1, close))


def _glued_credit(span: Span, tokens: TokenColumns) -> bool:
    """"... the company said.Agency": a name glued to the stop that closes the story's last sentence, ending its line,
    is the outlet the page credits (round 14), no actor."""
    texts, start, end = tokens.texts, span.start, span.end
    return (start >= 2 and texts[start - 1] == "." and tokens.whitespace[start - 1] == "" and tokens.alpha[start - 2]
            and tokens.whitespace[start - 2] == "" and (end == len(texts) or tokens.newline[end]))


def _story_dash(text: str) -> bool:
    """A story dash, also glued to the next word by the page ("--News Direct--", round 8)."""
    return text in STORY_DASHES or text.startswith("--") and text[2:3].isalpha()


def _dateline_before(i: int, tokens: TokenColumns) -> bool:
    """Token ``i`` (before the bracket) ends a dateline: a number, an all-caps word, a line start, or title-case
    place words that are all their line holds before the bracket ("Jakarta (Agency) -", "LIMA, Peru (AP) _"),
    a state written abbreviated among them ("TUCSON, Ariz. (AP) -")."""
    if i < 0 or tokens.newline[i] or tokens.like_num[i] or tokens.upper[i] and tokens.alpha[i]:
        return True
    first = i
    while first >= 0 and not tokens.newline[first] and i - first < MAX_DATELINE_TOKENS:
        if not (tokens.alpha[first] and (tokens.title[first] or tokens.upper[first]) or tokens.texts[first] == ","
                or _abbreviated_word(tokens.texts[first])):
            return False
        first -= 1
    return first < 0 or tokens.newline[first]


def _abbreviated_word(text: str) -> bool:
    """A capitalised abbreviation closed by its full stop ("Ariz.", "Co.", "N.Y.")."""
    letters = text.replace(".", "")
    return text.endswith(".") and text[:1].isupper() and letters.isalpha() and len(letters) <= MAX_DATELINE_ABBREVIATION_LETTERS


def outlet_name(span: Span, reporting_verbs: frozenset[str], heads: frozenset[str], sources: frozenset[str]) -> Span:
    """Round 12: "said X News", "reported by X News", "according to X News": the model stops an outlet's name before
    its head word (an ``outlet_heads`` word closing the name); after a reporting verb or a source word it is the
    outlet's own name, so the ORG takes it in. A page's section labels ("X News in Brief") stay as they were.
    A PERSON that ends in an outlet head ("told Metal Bulletin", "reported by Mining Weekly") is the outlet: no
    person's family name is a newspaper word."""
    doc = span.doc
    end = span.end
    if span.label_ == "PERSON" and len(span) > 1 and doc[end - 1].text in heads:
        return Span(doc, span.start, end, label="ORG")
    if span.label_ != "ORG" or span.start == 0 or end >= len(doc) or doc[end].text not in heads:
        return span
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and (after.is_title or after.is_upper) and after.is_alpha:
        return span
    before = doc[span.start - 1].lower_
    if before not in reporting_verbs and before not in sources:
        return span
    return Span(doc, span.start, end + 1, label="ORG")
