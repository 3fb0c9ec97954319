"""One-word PERSON names the article gives no sign of a person (issue 13, entities round 14).

The model reads many a one-word capitalised name as a person: a company named after a family or a coined word
("Terrafame", "Vanitec"), a village, a mine, a word opening a sentence ("Primary"). News copy introduces a person
by a full name, or names a known one with a title ("President X"), as the speaker of a reporting verb ("X said")
or as a leader whose government acts ("the X administration", "X's government"). A one-word PERSON that no full
person's name of the article contains and that none of its mentions so cues is no person:
- an organisation when a mention shows a company or an employer: a trade word before it ("news outlet X"), a company
  word or possession after it ("X shares", "X's operations"), the possessive before a person's full name ("X's Ann
  Example"), "of" after a person or title ("Ann Example of X", "CEO of X"), a title and a name after it ("X chief
  executive Ann Example"), or "and"/a comma joining it to an organisation ("between X and Y Corp", not after a
  locative word: "at X and Y" are places);
- else no entity at all (a place or a site the model misread keeps no wrong label).
A name that another mention gives another label, or that is a word of a longer name, is left to linking.

The mirror: a one-word ORG with no company cue, no kb id and no longer name holding it is a person after a title or
before a leader's body ("President-elect X", "the X government"), or beside a reporting verb when a full person's
name of the article holds it ("X said" after "Ann X": the model read the bare surname as a company).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.article.linking_forms import Linked, Named
from pipeline.resources.entities import linking_words
from pipeline.resources.person_cues import person_cues

PERSON_OR_ORG = frozenset({"PERSON", "ORG"})
POSSESSIVE_MARKS = ("'s", "’s")
PUNCTUATION = ".,;:()\"“”'‘’"
# Characters read around a mention for its cue words.
CUE_WINDOW = 60
# Most characters between a title after the name and the full name it introduces ("X chief executive Ann B").
TITLE_TO_NAME = 30
# What joins two names of one list ("X and Y", "X, Y").
JOINED = re.compile(r"\s*(?:,|and|&)\s*")
OF_AFTER_NAME = re.compile(r",?\s+of\s+$")


def _bare(word: str) -> str:
    """A word in lower case without the punctuation or possessive around it ("administration’s" -> "administration")."""
    word = word.strip(PUNCTUATION).lower()
    return word[:-2].rstrip(PUNCTUATION) if word.endswith(POSSESSIVE_MARKS) else word


def _word_before(text: str, start: int) -> str:
    words = text[max(start - CUE_WINDOW, 0) : start].split()
    return words[-1].strip(PUNCTUATION).lower() if words else ""


def _words_after(text: str, end: int) -> list[str]:
    """The lower-case words after a mention; a possessive glued to it comes first as "'s"."""
    rest = text[end : end + CUE_WINDOW]
    possessive = rest.startswith(POSSESSIVE_MARKS)
    words = [_bare(word) for word in rest[2 if possessive else 0 :].split()[:3]]
    return ["'s", *words] if possessive else words


def _titled_or_leading(mention: Named, text: str, *, capitalised: bool = False) -> bool:
    """A person's title right before the name (``capitalised``: written as a title, "Chairman X", not "commodities
    trader X"), or a leader's body after it ("the X administration", "X's government")."""
    leaders = person_cues().leader_bodies
    after = _words_after(text, mention.end)
    before = text[max(mention.start - CUE_WINDOW, 0) : mention.start].split()
    if _word_before(text, mention.start) in linking_words().person_titles and (not capitalised or before[-1][:1].isupper()):
        return True
    if after and after[0] == "'s":
        return len(after) > 1 and after[1] in leaders
    return bool(after) and after[0] in leaders


def _speaking(mention: Named, text: str) -> bool:
    """A reporting verb right before or after the name ("X said", "said X")."""
    verbs = person_cues().reporting_verbs
    after = _words_after(text, mention.end)
    return _word_before(text, mention.start) in verbs or bool(after) and after[0] in verbs


def _person_cue(mention: Named, text: str) -> bool:
    return _titled_or_leading(mention, text) or _speaking(mention, text)


def _full_people(mentions: Sequence[Named]) -> list[Named]:
    return [mention for mention in mentions if mention.label == "PERSON" and " " in mention.text]


def organisation_cue(mention: Named, mentions: Sequence[Named], text: str) -> bool:
    """A company word around the mention, or a person or organisation it stands beside as employer or partner."""
    words = linking_words()
    after = _words_after(text, mention.end)
    if _word_before(text, mention.start) in words.company_cues_before:
        return True
    if after and (after[0] in words.company_cues_after or after[0] == "'s" and len(after) > 1
                  and after[1] in words.company_possessions | person_cues().organisation_possessions):
        return True
    people = _full_people(mentions)
    if after and after[0] == "'s" and any(0 < person.start - mention.end <= 3 for person in people):
        return True  # "X's Ann Example": the employer
    if (cut := OF_AFTER_NAME.search(text[max(mention.start - CUE_WINDOW, 0) : mention.start])) is not None:
        cut_at = max(mention.start - CUE_WINDOW, 0) + cut.start()
        if any(person.end == cut_at for person in people) or _word_before(text, cut_at) in words.person_titles:
            return True  # "Ann Example of X", "CEO of X"
    if after and after[0] in words.person_titles and any(
            0 < person.start - mention.end <= TITLE_TO_NAME for person in people):
        return True  # "X chief executive Ann Example"
    for other in mentions:
        if other.label != "ORG":
            continue
        between = text[other.end : mention.start] if other.end <= mention.start else text[mention.end : other.start]
        if JOINED.fullmatch(between) and _word_before(text, min(other.start, mention.start)) not in words.locative_words:
            return True  # "between X and Y Corp"; "at X and Y" names places
    return False


def lone_person_labels(mentions: Sequence[Linked], text: str) -> list[str | None]:
    """Each mention's label after this rule: its own, "ORG" for a one-word PERSON shown to be an organisation, None
    for one shown to be no person (the record goes), "PERSON" for a one-word ORG shown to be a person."""
    labels: list[str | None] = []
    decided: dict[tuple[str, str], str | None] = {}
    for mention in mentions:
        name, key = mention.text, (mention.text, mention.label)
        if mention.label not in PERSON_OR_ORG or " " in name or not name[:1].isupper():
            labels.append(mention.label)
            continue
        if key not in decided:
            same = [other for other in mentions if other.text == name]
            if mention.label == "PERSON":
                decided[key] = _reading(name, mentions, text)
            else:
                decided[key] = "PERSON" if _organisation_person(name, same, mentions, text) else "ORG"
        labels.append(decided[key])
    return labels


def _organisation_person(name: str, same: Sequence[Linked], mentions: Sequence[Named], text: str) -> bool:
    """A one-word ORG that is a person: no kb id, no word of a longer name other than a person's, no company cue; a
    title before or a leader's body after one of its mentions ("President-elect X", "the X government"), or a
    reporting verb beside one when a person's full name of the article holds it ("X said" after "Ann X")."""
    if any(other.label not in PERSON_OR_ORG or other.kb_id is not None for other in same):
        return False
    if any(name in other.text.split() for other in mentions if " " in other.text and other.label != "PERSON"):
        return False
    if any(organisation_cue(other, mentions, text) for other in same):
        return False
    named = any(name in person.text.split() for person in _full_people(mentions))
    return any(_titled_or_leading(other, text, capitalised=True) or named and _speaking(other, text) for other in same)


def _reading(name: str, mentions: Sequence[Named], text: str) -> str | None:
    """A one-word PERSON's label: kept in a longer name, beside another reading than ORG, or with a person's cue; ORG
    with an organisation's cue; kept when another mention reads it as an ORG (linking weighs the two); else None."""
    same = [mention for mention in mentions if mention.text == name]
    if any(name in mention.text.split() for mention in mentions if " " in mention.text):
        return "PERSON"  # a person's full name, or a longer name linking reads it in ("Example" of "Example Mining")
    if any(mention.label not in PERSON_OR_ORG for mention in same) or any(_person_cue(mention, text) for mention in same):
        return "PERSON"
    if any(organisation_cue(mention, mentions, text) for mention in same):
        return "ORG"
    return "PERSON" if any(mention.label == "ORG" for mention in same) else None
